#!/usr/bin/env bash
# Smoke test of the Windows installer under Wine (64-bit), on this Linux machine:
#   packaging/smoke-wine.sh [dist/SoChiBo-<version>-setup.exe]
# 1. a fresh Wine prefix; silent per-user install (/S) into %LOCALAPPDATA%\Programs\SoChiBo;
#    the Start-menu entry, the uninstaller and the .scb association must be there;
# 2. `selftest --no-gui` on the installed program: every check passes except the window (Qt)
#    and, once the self-test signs, the signature check (cryptography): Wine 8 lacks
#    icuuc.dll and bcryptprimitives.dll, so those are reported skipped, never failed;
# 3. upgrade: the installed copy is made to look older (its registered version lowered, a stale
#    module left in app\ and lib\), then the installer runs over it: the stale files must go,
#    the version must be the new one, the data folder must be kept, the self-test pass again;
# 4. silent uninstall: the program folder, shortcuts and association go, the data folder stays.
# Needs: wine (Debian's wine + wine64), xvfb, util-linux's `script` (Python under Wine needs a
# console: with redirected output it stops with "init_sys_streams: Invalid handle").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
INSTALLER=$(realpath "${1:-dist/SoChiBo-$VERSION-setup.exe}")

need=()
command -v wine >/dev/null || need+=(wine wine64)
command -v Xvfb >/dev/null || need+=(xvfb)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

export WINEPREFIX=$ROOT/build/wine-prefix WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="mscoree,mshtml="  # no Mono / Gecko download prompts
rm -rf "$WINEPREFIX"
LOG=$ROOT/build/smoke-wine.log
: > "$LOG"

Xvfb :77 -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB_PID=$!
trap 'wineserver -k 2>/dev/null || true; kill $XVFB_PID 2>/dev/null || true' EXIT
export DISPLAY=:77

fail() { echo "SMOKE FAILED: $*" | tee -a "$LOG"; exit 1; }
step() { echo "== $*" | tee -a "$LOG"; }
timed() { local s; s=$(date +%s); "$@"; echo "   ($(( $(date +%s) - s )) s)" | tee -a "$LOG"; }

step "wineboot"
timed wineboot -i
wineserver -w
USER_DIR=$(find "$WINEPREFIX/drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public | head -1)
# Wine links the user's Desktop, Documents... to the Linux home folder: the installer's desktop
# shortcut would land in $HOME. Real folders inside the prefix keep the test to itself.
find "$USER_DIR" -mindepth 1 -maxdepth 1 -type l | while read -r folder; do
  rm "$folder" && mkdir "$folder"
done
LOCAL=$USER_DIR/AppData/Local
PROGRAM=$LOCAL/Programs/SoChiBo
DATA=$LOCAL/SoChiBo
WIN_PROGRAM='C:\users\'"$(basename "$USER_DIR")"'\AppData\Local\Programs\SoChiBo'
UNINST_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\SoChiBo'

install() {
  step "silent install: $(basename "$INSTALLER")"
  timed wine "$INSTALLER" /S
  wineserver -w
  [ -f "$PROGRAM/Python/python.exe" ] || fail "not installed into $PROGRAM"
  [ -f "$PROGRAM/uninstall.exe" ] || fail "no uninstaller"
  [ -f "$PROGRAM/app/__main__.py" ] || fail "no program files"
  [ -f "$PROGRAM/resources/icons/sochibo.ico" ] || fail "no program icon"
  local link
  link=$(find "$USER_DIR" -path '*Start Menu*' -name 'Sổ Chi bộ.lnk' | head -1)
  [ -n "$link" ] || fail "no Start-menu entry"
  # The shortcut's icon location (UTF-16 in the .lnk) must be the installed icon, not Python's.
  python3 -c 'import sys; sys.exit("sochibo.ico".encode("utf-16-le") not in open(sys.argv[1], "rb").read())' \
    "$link" || fail "the Start-menu entry does not use the program icon"
  find "$USER_DIR" -path '*Desktop*' -name 'Sổ Chi bộ.lnk' | grep -q . \
    || fail "no desktop shortcut (on by default)"
  wine reg query 'HKCU\Software\Classes\.scb' 2>/dev/null | grep -q SoChiBo.Report \
    || fail "no .scb file association"
  wine reg query "$UNINST_KEY" /v DisplayVersion 2>/dev/null | grep -q "$VERSION" \
    || fail "the uninstall entry does not show version $VERSION"
  echo "   installed size: $(du -sh "$PROGRAM" | cut -f1)" | tee -a "$LOG"
  # Wine-only: Python's platform module queries WMI through _wmi.pyd, and Wine 8 aborts on an
  # unimplemented propsys.dll function. Real Windows has WMI; the installer keeps the file.
  rm -f "$PROGRAM/Python/_wmi.pyd"
}

selftest() {
  step "self-test of the installed program"
  local out=$ROOT/build/smoke-selftest.txt
  # `script` gives Wine's Python a console (pty); -e passes the exit code through. The console
  # is made wide so that no line wraps, and its cursor escapes are stripped.
  set +e
  script -q -e -c "stty cols 300; wine '$WIN_PROGRAM\\Python\\python.exe' -m app --lang vi selftest --no-gui" \
    /dev/null | sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r//g' > "$out"
  local code=${PIPESTATUS[0]}
  set -e
  tee -a "$LOG" < "$out"
  [ "$code" -eq 0 ] || fail "self-test exit code $code"
  for name in "Phông chữ" "Bản dịch" "Thư mục dữ liệu" "Cơ sở dữ liệu" "Văn bản PDF"; do
    grep -q "^OK  *$name: " "$out" || fail "check not passed: $name"
  done
  grep -q "^BỎ QUA  *Cửa sổ (Qt): Wine không có thư viện Windows icuuc.dll" "$out" \
    || fail "the Qt check was not reported skipped for icuuc.dll"
  if grep -q "Chữ ký số" "$out"; then
    grep -q "^\(OK\|BỎ QUA\)  *Chữ ký số: " "$out" || fail "the signature check failed"
  fi
  grep -q " 0 lỗi" "$out" || fail "a check failed"
}

install
selftest
echo "kept across the upgrade" > "$DATA/smoke-marker.txt"
step "upgrade: the installer over an older-looking install"
wine reg add "$UNINST_KEY" /v DisplayVersion /d 0.0.1 /f >/dev/null 2>&1
echo "raise SystemExit('stale module of an older version')" > "$PROGRAM/app/stale_module.py"
mkdir -p "$PROGRAM/lib/stale_package" && touch "$PROGRAM/lib/stale_package/__init__.py"
install
[ -f "$DATA/smoke-marker.txt" ] || fail "the upgrade removed the data folder"
[ ! -e "$PROGRAM/app/stale_module.py" ] || fail "the upgrade left a stale module in app"
[ ! -e "$PROGRAM/lib/stale_package" ] || fail "the upgrade left a stale package in lib"
selftest

step "silent uninstall"
timed wine "$PROGRAM/uninstall.exe" /S
wineserver -w
sleep 2
[ ! -e "$PROGRAM/Python" ] || fail "the program folder is still there"
[ -f "$DATA/smoke-marker.txt" ] || fail "the uninstaller removed the data folder"
wine reg query 'HKCU\Software\Classes\.scb' >/dev/null 2>&1 && fail "the .scb association is left"
find "$USER_DIR" -name 'Sổ Chi bộ.lnk' | grep -q . && fail "a shortcut is left"
wine reg query "$UNINST_KEY" >/dev/null 2>&1 && fail "the uninstall entry is left"
step "smoke test passed (log: $LOG)"
