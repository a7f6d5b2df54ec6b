#!/usr/bin/env bash
# Linux one-folder build of Sổ Chi bộ with PyInstaller, then the frozen self-test.
#   packaging/build-linux.sh            -> dist/sochibo/sochibo (+ dist/sochibo-linux-x86_64.tar.gz)
# Installs what it needs and lacks (as root, or with sudo): binutils (PyInstaller reads the
# libraries' dependencies with objdump), the Qt runtime libraries the offscreen self-test loads
# (those of .ci/run), and libcups2, which the print-support plugin links to.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v objdump >/dev/null || need+=(binutils)
for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libcups2; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v uv >/dev/null || python3 -m pip install --quiet uv

uv sync --frozen --group packaging
uv run python packaging/compile-catalogs.py

start=$(date +%s)
uv run pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/sochibo.spec
echo "build: $(( $(date +%s) - start )) s, $(du -sh dist/sochibo | cut -f1)"
[ -f dist/sochibo/_internal/resources/icons/sochibo.png ] || { echo "no program icon"; exit 1; }

# The frozen program must pass every check, offscreen (no display needed).
TIMEFORMAT="   (%R s)"
echo "== start time: sochibo --version"
time dist/sochibo/sochibo --version
echo "== frozen self-test"
time QT_QPA_PLATFORM=offscreen dist/sochibo/sochibo --lang vi --data-dir "$(mktemp -d)" \
  selftest --no-gui

tar -C dist -czf dist/sochibo-linux-x86_64.tar.gz sochibo
echo "archive: $(du -h dist/sochibo-linux-x86_64.tar.gz | cut -f1)"
