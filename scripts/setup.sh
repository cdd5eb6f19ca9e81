#!/usr/bin/env bash
# Sets up everything PMI Desk needs on a fresh Debian machine with Python 3.11:
# the system libraries Qt loads (installed with apt-get where missing), a virtualenv in .venv,
# and the project with its test dependencies and PyInstaller (tests/test_bundle.py builds the
# bundle). Safe to run again: it skips what is in place.
#   scripts/setup.sh [gui|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-test}

# Qt offscreen needs these; a real window (gui) needs the X11/xcb ones too; tests render PDFs
# with poppler and start PostgreSQL where an issue asks for it.
pkgs=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
if [ "$mode" = gui ]; then
  pkgs+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-shape0
         libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1)
else
  pkgs+=(xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 poppler-utils)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Memasang paket sistem: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

py=${PYTHON:-}
if [ -z "$py" ]; then
  for c in python3.11 python3; do command -v "$c" >/dev/null && { py=$c; break; }; done
fi
[ -x .venv/bin/python ] || "$py" -m venv .venv
stamp=.venv/.pmi-desk-installed
want=$(cat pyproject.toml | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,bundle]"  # bundle: PyInstaller, for tests/test_bundle.py
  echo "$want" > "$stamp"
fi
