#!/usr/bin/env bash
# Linux one-folder build of Sổ Chi bộ with PyInstaller, then the frozen self-test.
#   packaging/build-linux.sh            -> dist/sochibo/sochibo (+ dist/sochibo-linux-x86_64.tar.gz)
# Needs: uv; the Qt runtime libraries of .ci/run (libegl1, libxkbcommon0, libfontconfig1, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

uv sync --frozen --group packaging
uv run python packaging/compile-catalogs.py

start=$(date +%s)
uv run pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/sochibo.spec
echo "build: $(( $(date +%s) - start )) s, $(du -sh dist/sochibo | cut -f1)"

# The frozen program must pass every check, offscreen (no display needed).
QT_QPA_PLATFORM=offscreen dist/sochibo/sochibo --lang vi --data-dir "$(mktemp -d)" selftest --no-gui

tar -C dist -czf dist/sochibo-linux-x86_64.tar.gz sochibo
echo "archive: $(du -h dist/sochibo-linux-x86_64.tar.gz | cut -f1)"
