# shellcheck shell=bash
# Shared install helpers for scripts/serve.sh and scripts/test.sh.
#
# Sourced, never run. Every `ensure_*` function is idempotent: it checks first
# and installs only what is missing or of the wrong version, so a second run on
# a prepared machine costs a few version checks. What must stay true:
# - nothing downloads a prebuilt binary from the internet (only crates.io,
#   Debian and npm are reachable), so trunk always runs with `--offline` and
#   finds wasm-bindgen and wasm-opt on PATH;
# - `node_modules/.bin` comes first on PATH, because Debian's `binaryen`
#   (wasm-opt 108) writes a module the browser rejects while exiting 0.

ARCHPLAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="132"
# Debian 12's nodejs is 18; playwright-core is pinned in package.json to a
# release that still supports it.
CHROMIUM_PATH="/usr/bin/chromium"

export DEBIAN_FRONTEND=noninteractive
export NPM_CONFIG_UPDATE_NOTIFIER=false
export NPM_CONFIG_FUND=false
export NPM_CONFIG_AUDIT=false

# Prints a step heading on standard error.
log() {
    printf '\n==> %s\n' "$*" >&2
}

# Prints a message and exits non-zero.
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo env DEBIAN_FRONTEND=noninteractive "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

APT_UPDATED=0
# Installs Debian packages, running `apt-get update` once per script run.
apt_install() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        as_root apt-get update || die "apt-get update failed"
        APT_UPDATED=1
    fi
    log "apt-get install -y $*"
    as_root apt-get install -y "$@" || die "apt-get install $* failed"
}

# Puts the project's wasm-opt and cargo's binaries first on PATH.
setup_path() {
    export PATH="$ARCHPLAY_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
    hash -r
}

# The wasm-bindgen version in Cargo.lock, which the CLI must match exactly.
wasm_bindgen_version() {
    local version
    version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
        "$ARCHPLAY_ROOT/Cargo.lock" 2>/dev/null)"
    printf '%s\n' "${version:-0.2.130}"
}

ensure_rust() {
    command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup first"
}

ensure_wasm_target() {
    if ! command -v rustup >/dev/null 2>&1; then
        log "rustup not found; assuming the wasm32-unknown-unknown target is installed"
        return
    fi
    if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
        log "rustup target add wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown failed"
    fi
}

# rustfmt and clippy, which the test command runs; a minimal rustup profile
# leaves them out.
ensure_lint_tools() {
    if ! command -v rustup >/dev/null 2>&1; then
        return
    fi
    local component
    for component in rustfmt clippy; do
        if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
            log "rustup component add $component"
            rustup component add "$component" || die "rustup component add $component failed"
        fi
    done
}

ensure_trunk() {
    if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
        log "cargo install --locked trunk --version $TRUNK_VERSION (about 14 minutes on 2 cores)"
        cargo install --locked trunk --version "$TRUNK_VERSION" || die "installing trunk failed"
    fi
}

ensure_wasm_bindgen() {
    local version
    version="$(wasm_bindgen_version)"
    if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
        # Without --locked: with it, the install fails to resolve webpki-roots.
        log "cargo install wasm-bindgen-cli --version $version (about 7 minutes)"
        cargo install wasm-bindgen-cli --version "$version" || die "installing wasm-bindgen-cli failed"
    fi
}

ensure_node() {
    if ! command -v node >/dev/null 2>&1; then
        apt_install nodejs npm
    elif ! command -v npm >/dev/null 2>&1; then
        apt_install npm
    fi
}

# True when node_modules matches package.json and holds the right wasm-opt.
node_modules_ready() {
    [ -x "$ARCHPLAY_ROOT/node_modules/.bin/wasm-opt" ] || return 1
    "$ARCHPLAY_ROOT/node_modules/.bin/wasm-opt" --version 2>/dev/null \
        | grep -q "version $WASM_OPT_VERSION" || return 1
    (cd "$ARCHPLAY_ROOT" && npm ls --depth=0 >/dev/null 2>&1)
}

ensure_node_modules() {
    if node_modules_ready; then
        return
    fi
    if [ -f "$ARCHPLAY_ROOT/package-lock.json" ]; then
        log "npm ci"
        (cd "$ARCHPLAY_ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed"
    else
        log "npm install"
        (cd "$ARCHPLAY_ROOT" && npm install --no-audit --no-fund) || die "npm install failed"
    fi
}

# Fails loudly unless the wasm-opt trunk will find first is binaryen 132.
check_wasm_opt() {
    local found
    found="$(wasm-opt --version 2>/dev/null || true)"
    case "$found" in
        *"version $WASM_OPT_VERSION"*) ;;
        *) die "wasm-opt on PATH is '${found:-missing}', want version $WASM_OPT_VERSION from node_modules (npm ci)" ;;
    esac
}

ensure_chromium() {
    if [ ! -x "$CHROMIUM_PATH" ]; then
        apt_install chromium chromium-driver
    fi
}

ensure_python3() {
    if ! command -v python3 >/dev/null 2>&1; then
        apt_install python3
    fi
}

# Downloads every crate in Cargo.lock (all targets), because trunk runs cargo
# with --offline. A no-op when the registry cache already has them.
ensure_crates() {
    (cd "$ARCHPLAY_ROOT" && cargo fetch --quiet) || die "cargo fetch failed"
}

# Everything `trunk build` / `trunk serve` needs.
ensure_build_tools() {
    setup_path
    ensure_rust
    ensure_wasm_target
    ensure_crates
    ensure_trunk
    ensure_wasm_bindgen
    ensure_node
    ensure_node_modules
    check_wasm_opt
}

# A free TCP port on 127.0.0.1.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until a URL answers, for at most $2 seconds (default 20).
wait_for_url() {
    python3 - "$1" "${2:-20}" <<'PY'
import sys, time, urllib.request
url, limit = sys.argv[1], float(sys.argv[2])
deadline = time.monotonic() + limit
while True:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            sys.exit(0 if response.status == 200 else 1)
    except Exception:
        if time.monotonic() > deadline:
            sys.exit(1)
        time.sleep(0.2)
PY
}
