#!/usr/bin/env bash
# Install the frozen ThuVien for the current user on Linux (no root needed):
#   installer/install-linux.sh [BUNDLE]      (default: dist/thuvien)
# Program: ~/.local/opt/thuvien; menu entry: ~/.local/share/applications/thuvien.desktop.
# The library data stays in ~/.local/share/ThuVien and is never touched here.
# Qt's xcb window plugin needs the system libraries listed in docs/packaging.md.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BUNDLE="${1:-$HERE/../dist/thuvien}"
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/thuvien"
[[ -x "$BUNDLE/thuvien" ]] || { echo "no bundle at $BUNDLE (run scripts/build_frozen.sh)" >&2; exit 2; }
mkdir -p "$OPT" "$PREFIX/applications" "$PREFIX/icons/hicolor/scalable/apps"
rm -rf "$OPT.new" && cp -a "$BUNDLE" "$OPT.new" && rm -rf "$OPT" && mv "$OPT.new" "$OPT"
sed "s|@BINDIR@|$OPT|" "$HERE/thuvien.desktop" > "$PREFIX/applications/thuvien.desktop"
cp "$HERE/thuvien.svg" "$PREFIX/icons/hicolor/scalable/apps/thuvien.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/applications" || true
echo "ThuVien installed in $OPT"
