#!/usr/bin/env bash
# Authenticode-sign one Windows file in place with osslsigncode (Linux):
#   SIGN_PKCS12=cert.p12 SIGN_PASSWORD=... packaging/sign-osslsigncode.sh FILE.exe
# build-windows.sh runs it on the installer and, through makensis (!uninstfinalize), on the
# uninstaller inside it. SIGN_TIMESTAMP_URL, if set, adds an RFC 3161 timestamp (needs network).
set -euo pipefail
file=$1
args=(sign -pkcs12 "$SIGN_PKCS12" -pass "${SIGN_PASSWORD:-}" -h sha256 -n "Sổ Chi bộ")
[ -n "${SIGN_TIMESTAMP_URL:-}" ] && args+=(-ts "$SIGN_TIMESTAMP_URL")
osslsigncode "${args[@]}" -in "$file" -out "$file.signed" >/dev/null
mv "$file.signed" "$file"
