#!/usr/bin/env bash
# Builds Archplay in release mode and serves it at http://127.0.0.1:${PORT:-8080}/,
# rebuilding on change.
#
# Installs what is missing first (wasm32 target, trunk, wasm-bindgen-cli,
# Node.js and binaryen's wasm-opt); on a prepared machine that is a few version
# checks. See scripts/lib.sh.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ARCHPLAY_ROOT"

ensure_build_tools

port="${PORT:-8080}"
log "trunk serve --release --offline at http://127.0.0.1:$port/"
exec trunk serve --release --offline --address 127.0.0.1 --port "$port"
