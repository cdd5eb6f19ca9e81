#!/usr/bin/env bash
# Builds the one-folder bundle into dist/pmi-desk/ and the tarball
# dist/pmi-desk-<version>-linux-x86_64.tar.gz (the bundle, the .desktop entry, the icon and
# install-linux.sh). Runs scripts/setup.sh first when there is no venv, installs PyInstaller
# (extra "bundle") when missing, compiles the translation (.ts -> .qm) into build/i18n, and prints
# the bundle's size.
#   installer/build.sh            # build, then run the bundle's --self-test on a fresh data dir
#   installer/build.sh --no-test  # build only
# PMI_DESK_DIST and PMI_DESK_BUILD choose other output and work folders (default dist/, build/).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
[ -x "$bin/python" ] || scripts/setup.sh test  # (not again under pytest, which runs from that venv)
if ! "$bin/python" -c "import PyInstaller" 2>/dev/null; then
  "$bin/python" -m pip install -q -e ".[bundle]"
fi
version=$("$bin/python" -c "import app; print(app.__version__)")
arch=$(uname -m)
dist=${PMI_DESK_DIST:-dist}
work=${PMI_DESK_BUILD:-build}
export PMI_DESK_BUILD=$work  # the spec takes the compiled .qm from there

mkdir -p "$work/i18n"
"$bin/pyside6-lrelease" -silent resources/i18n/pmi_desk_id.ts -qm "$work/i18n/pmi_desk_id.qm"
"$bin/pyinstaller" --noconfirm --clean --log-level ERROR --distpath "$dist" --workpath "$work/pyinstaller" \
  installer/pmi-desk.spec

# What the tarball adds beside the executable.
cp installer/pmi-desk.desktop installer/install-linux.sh "$dist/pmi-desk/"
cp resources/icons/pmi-desk.png "$dist/pmi-desk/pmi-desk.png"
chmod +x "$dist/pmi-desk/install-linux.sh"
tarball="$dist/pmi-desk-${version}-linux-${arch}.tar.gz"
tar -C "$dist" -czf "$tarball" pmi-desk
echo "bundle: $dist/pmi-desk ($(du -sm "$dist/pmi-desk" | cut -f1) MB), tarball: $tarball ($(du -sm "$tarball" | cut -f1) MB)"

if [ "${1:-}" != "--no-test" ]; then
  home=$(mktemp -d)
  trap 'rm -rf "$home"' EXIT
  QT_QPA_PLATFORM=offscreen PMI_DESK_HOME="$home" "$dist/pmi-desk/pmi-desk" --self-test
fi
