#!/usr/bin/env bash
# Build the frozen ThuVien (PyInstaller onedir, build.spec) on Linux and smoke-run it.
#
#   scripts/build_frozen.sh [--marc FILE]
#
# Environment: PYTHON (default .venv/bin/python), DIST (default dist), WORK (default
# build/pyinstaller), FORCE=1 to rebuild even when the sources did not change.
# The smoke run hides every system font (an empty fontconfig configuration, as on a Windows PC
# without Vietnamese fonts) and has no display (Qt offscreen): the bundle must start, open a
# fresh library, import MARC, lend a copy, render a label PDF, back up and build the first-run
# window, then exit 0. The bundle's size is printed at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
DIST="${DIST:-$ROOT/dist}"
WORK="${WORK:-$ROOT/build/pyinstaller}"
MARC=""
if [[ "${1:-}" == "--marc" ]]; then MARC="$2"; fi

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "[build] PyInstaller is missing: $PYTHON -m pip install pyinstaller" >&2
    exit 3
fi

# A stamp of everything that goes into the bundle: rebuild only when it changed.
STAMP="$("$PYTHON" - <<'PY'
import hashlib, subprocess, sys
from pathlib import Path
digest = hashlib.sha256()
for top in ("app", "ui", "resources", "installer/launcher.py", "build.spec"):
    base = Path(top)
    files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()
                                                  and "__pycache__" not in p.parts)
    for path in files:
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
frozen = subprocess.run([sys.executable, "-m", "pip", "freeze"], capture_output=True, text=True)
digest.update(frozen.stdout.encode())
print(digest.hexdigest())
PY
)"
BUNDLE="$DIST/thuvien"
if [[ "${FORCE:-0}" != "1" && -f "$BUNDLE/.build-stamp" && "$(cat "$BUNDLE/.build-stamp")" == "$STAMP" ]]; then
    echo "[build] $BUNDLE is up to date"
else
    echo "[build] building $BUNDLE (a few minutes)"
    started=$(date +%s)
    "$PYTHON" -m PyInstaller build.spec --noconfirm --log-level WARN \
        --distpath "$DIST" --workpath "$WORK"
    echo "$STAMP" > "$BUNDLE/.build-stamp"
    echo "[build] built in $(( $(date +%s) - started )) s"
fi

SMOKE="$(mktemp -d)"
trap 'rm -rf "$SMOKE"' EXIT
mkdir -p "$SMOKE/no-fonts" "$SMOKE/cache"
cat > "$SMOKE/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$SMOKE/no-fonts</dir><cachedir>$SMOKE/cache</cachedir></fontconfig>
CONF
args=(selftest --out "$SMOKE/out")
if [[ -n "$MARC" ]]; then args+=(--marc "$MARC"); fi
echo "[smoke] $BUNDLE/thuvien ${args[*]}"
env -u DISPLAY -u WAYLAND_DISPLAY -u PYTHONPATH -u THUVIEN_DB \
    FONTCONFIG_FILE="$SMOKE/fonts.conf" QT_QPA_PLATFORM=offscreen HOME="$SMOKE" \
    "$BUNDLE/thuvien" "${args[@]}" | tee "$SMOKE/report.json"
grep -q '"ok": true' "$SMOKE/report.json"
echo "[smoke] passed"
echo "[size] bundle: $(du -sh "$BUNDLE" | cut -f1) ($(du -sb "$BUNDLE" | cut -f1) bytes)"
