#!/usr/bin/env bash
# Installs the unpacked bundle for the current user (no root needed):
#   the program into ~/.local/opt/pmi-desk, the command ~/.local/bin/pmi-desk,
#   the menu entry and the icon. The data stays in ~/.local/share/pmi-desk (or PMI_DESK_HOME)
#   and is never touched here: installing a newer version over this one keeps it, and the
#   program migrates it (after a backup) at its next start.
#   ./install-linux.sh            install or upgrade
#   ./install-linux.sh --remove   remove the program (the data stays)
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)
opt=$HOME/.local/opt/pmi-desk
bindir=$HOME/.local/bin
apps=${XDG_DATA_HOME:-$HOME/.local/share}/applications
icons=${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps
if [ "${1:-}" = "--remove" ]; then
  rm -rf "$opt" "$bindir/pmi-desk" "$apps/pmi-desk.desktop" "$icons/pmi-desk.png"
  echo "PMI Desk removed; the data in ${PMI_DESK_HOME:-~/.local/share/pmi-desk} was kept."
  exit 0
fi
if [ "$src" != "$opt" ]; then
  rm -rf "$opt.new"
  mkdir -p "$(dirname "$opt")"
  cp -a "$src" "$opt.new"
  rm -rf "$opt"
  mv "$opt.new" "$opt"
fi
mkdir -p "$bindir" "$apps" "$icons"
ln -sfn "$opt/pmi-desk" "$bindir/pmi-desk"
cp "$opt/pmi-desk.png" "$icons/pmi-desk.png"
sed "s|^Exec=.*|Exec=$opt/pmi-desk|" "$opt/pmi-desk.desktop" > "$apps/pmi-desk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
echo "PMI Desk installed in $opt; start it from the menu or with $bindir/pmi-desk"
