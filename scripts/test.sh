#!/usr/bin/env bash
# Runs every Archplay test: native engine tests, a wasm compile check of the
# web binary, the real trunk release build, the bundle size, and the browser
# journeys in tests/e2e against the built dist/ served on a free local port.
#
# Installs what is missing first (see scripts/lib.sh). Every step runs even if
# an earlier one failed, unless it needs that step's output; the script exits
# non-zero if anything failed and always ends with one plain line:
#   summary: N passed, N failed, N skipped
# counting cargo tests, browser tests, and the build steps as one check each.
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ARCHPLAY_ROOT" || exit 1

LOG_DIR="$(mktemp -d -t archplay-test.XXXXXX)"
SERVER_PID=""
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
STEP_LINES=()

# Records one step: name, ok|FAILED|not run, and a detail for the table.
record_step() {
    STEP_LINES+=("$(printf '  %-14s %-8s %s' "$1" "$2" "${3:-}")")
}

stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}

# On every exit: stop the static server, print the step table and the summary.
# shellcheck disable=SC2317  # invoked by the EXIT trap
finish() {
    local status=$?
    stop_server
    if [ "$status" -ne 0 ] && [ "$TOTAL_FAILED" -eq 0 ]; then
        # Stopped early (setup failed or interrupted): that is a failure too.
        record_step "setup" "FAILED" "exit status $status (see the log above)"
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
    fi
    printf '\n==> results (logs in %s)\n' "$LOG_DIR"
    local line
    for line in "${STEP_LINES[@]}"; do
        printf '%s\n' "$line"
    done
    printf 'summary: %d passed, %d failed, %d skipped\n' "$TOTAL_PASSED" "$TOTAL_FAILED" "$TOTAL_SKIPPED"
    if [ "$TOTAL_FAILED" -gt 0 ]; then
        exit 1
    fi
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# Runs a command that is one check (not a test runner), teeing its output.
run_check() {
    local name="$1"
    shift
    log "$name: $*"
    if "$@" 2>&1 | tee "$LOG_DIR/$name.log"; then
        record_step "$name" "ok"
        TOTAL_PASSED=$((TOTAL_PASSED + 1))
        return 0
    fi
    record_step "$name" "FAILED" "($*)"
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    return 1
}

# Marks a step that could not run because an earlier one failed.
not_run() {
    record_step "$1" "not run" "$2"
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
}

# Adds the counts from a runner's log; $1 name, $2 exit code, $3..5 counts.
record_runner() {
    local name="$1" rc="$2" passed="$3" failed="$4" skipped="$5"
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    local detail="$passed passed, $failed failed, $skipped skipped"
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        # The runner failed without a failing test: a build error or a crash.
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
        record_step "$name" "FAILED" "$detail; exit status $rc"
    elif [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
        record_step "$name" "FAILED" "ran no test"
    elif [ "$rc" -ne 0 ]; then
        record_step "$name" "FAILED" "$detail"
    else
        record_step "$name" "ok" "$detail"
    fi
}

# Prints "passed failed ignored" summed over the `test result:` lines of a cargo log.
cargo_counts() {
    awk '
        /^test result:/ {
            for (i = 1; i <= NF; i++) {
                if ($(i) ~ /^passed;?$/) p += $(i - 1)
                if ($(i) ~ /^failed;?$/) f += $(i - 1)
                if ($(i) ~ /^ignored;?$/) s += $(i - 1)
            }
        }
        END { printf "%d %d %d\n", p, f, s }' "$1"
}

# --- tools -----------------------------------------------------------------
ensure_build_tools
ensure_lint_tools
ensure_chromium
ensure_python3
log "tools: $(rustc --version), $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), node $(node --version), $("$CHROMIUM_PATH" --version 2>/dev/null)"

# --- formatting and lints --------------------------------------------------------
# rustfmt.toml sets the width; clippy runs over the engine alone, with the web
# feature natively (UI unit tests included) and for the wasm target the browser
# runs, each with warnings as errors.
run_check "fmt" cargo fmt --check
run_check "clippy-engine" cargo clippy --no-default-features --all-targets -- -D warnings
run_check "clippy-web" cargo clippy --all-targets -- -D warnings
run_check "clippy-wasm" cargo clippy --release --target wasm32-unknown-unknown --bins -- -D warnings

# --- native tests --------------------------------------------------------------
# --no-fail-fast: a failing test binary must not hide the results of the others.
log "cargo test --no-default-features --no-fail-fast"
cargo test --no-default-features --no-fail-fast 2>&1 | tee "$LOG_DIR/cargo-test.log"
cargo_rc=${PIPESTATUS[0]}
read -r cargo_passed cargo_failed cargo_ignored < <(cargo_counts "$LOG_DIR/cargo-test.log")
record_runner "cargo-test" "$cargo_rc" "$cargo_passed" "$cargo_failed" "$cargo_ignored"

# The UI's own unit tests (viewport maths, state intents, share and simulation
# panels, and the Learn module's `learn_ui` and `learn_bridge`) need the `web`
# feature; Leptos compiles natively, so they run here too.
log "cargo test --lib -- ui:: learn_bridge:: module_bridge::"
cargo test --lib -- ui:: learn_bridge:: module_bridge:: 2>&1 | tee "$LOG_DIR/cargo-test-ui.log"
ui_rc=${PIPESTATUS[0]}
read -r ui_passed ui_failed ui_ignored < <(cargo_counts "$LOG_DIR/cargo-test-ui.log")
record_runner "ui-unit-tests" "$ui_rc" "$ui_passed" "$ui_failed" "$ui_ignored"

# --- web build -------------------------------------------------------------------
# The same cargo invocation trunk makes, so trunk reuses the artefacts and a
# compile error is reported here with nothing else around it.
built=0
if run_check "wasm-check" cargo build --release --target wasm32-unknown-unknown --bin archplay-web --bin archplay-worker --bin archplay-sim-panel --bin archplay-learn --bin archplay-learn-worker --bin archplay-compare --bin archplay-compare-worker --bin archplay-sweep --bin archplay-sweep-worker; then
    if run_check "trunk-build" trunk build --release --offline; then
        built=1
    fi
else
    not_run "trunk-build" "(the wasm compile check failed)"
fi

# --- bundle size -----------------------------------------------------------------
# Gzipped bytes of every .wasm and .js file trunk wrote, summed: the page's
# start bundle (what the page loads at start, wasm-bindgen's JS snippets
# included) apart from each module loaded on first need: the page's worker
# (the simulator, links, files and exports), the Simulate panel's views,
# Learn and its worker (the catalog and grading), Compare (with Milestones)
# and Sweep, each with its own worker. A module's files are named
# `<module>.js`, `<module>_bg.wasm` or `<module>-<hash>...`; the longer names
# come first so that `archplay-learn-worker` is not counted as Learn's.
LAZY_MODULES=(archplay-worker archplay-sim-panel archplay-learn-worker archplay-learn
    archplay-compare-worker archplay-compare archplay-sweep-worker archplay-sweep)
declare -A LAZY_BYTES
owner_of() {
    local file="$1" module
    for module in "${LAZY_MODULES[@]}"; do
        case "$file" in
            "dist/$module.js" | "dist/${module}_bg.wasm" | "dist/$module-"*) echo "$module"; return ;;
        esac
    done
    case "$file" in
        dist/snippets/*)
            # A snippet belongs to the module whose glue imports it.
            if grep -qF "${file#dist/}" dist/archplay-web-*.js 2>/dev/null; then
                echo page; return
            fi
            for module in "${LAZY_MODULES[@]}"; do
                if grep -qF "${file#dist/}" dist/$module.js dist/$module-*.js 2>/dev/null; then
                    echo "$module"; return
                fi
            done
            ;;
    esac
    echo page
}
bundle_size() {
    local total=0 file bytes owner module
    for module in "${LAZY_MODULES[@]}"; do LAZY_BYTES[$module]=0; done
    shopt -s nullglob
    local files=(dist/*.wasm dist/*.js dist/snippets/*/*.js)
    shopt -u nullglob
    if [ "${#files[@]}" -eq 0 ]; then
        echo "no .wasm or .js file in dist/" >&2
        return 1
    fi
    for file in "${files[@]}"; do
        bytes="$(gzip -9 -c "$file" | wc -c)"
        printf '  %-48s %8d bytes raw %8d bytes gzipped\n' "$file" "$(wc -c <"$file")" "$bytes"
        owner="$(owner_of "$file")"
        if [ "$owner" = page ]; then
            total=$((total + bytes))
        else
            LAZY_BYTES[$owner]=$((LAZY_BYTES[$owner] + bytes))
        fi
    done
    BUNDLE_BYTES="$total"
    BUNDLE_KB="$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1024 }')"
    printf 'bundle size: %s KiB gzipped (the page at start: dist/*.wasm + dist/*.js without the modules loaded on first need, %d bytes)\n' "$BUNDLE_KB" "$total"
    LAZY_SUMMARY=""
    for module in "${LAZY_MODULES[@]}"; do
        local kb
        kb="$(awk -v b="${LAZY_BYTES[$module]}" 'BEGIN { printf "%.1f", b / 1024 }')"
        printf '%s: %s KiB gzipped (%d bytes, loaded on first need)\n' "$module" "$kb" "${LAZY_BYTES[$module]}"
        LAZY_SUMMARY="$LAZY_SUMMARY${LAZY_SUMMARY:+, }${module#archplay-} $kb KiB"
    done
    # The exercise catalog is the Learn worker's alone: a title of it in the
    # page, its worker or the Learn module means one of them links the catalog.
    local marker="Open/closed: a third payment processor"
    if ! grep -qF "$marker" dist/archplay-learn-worker_bg.wasm; then
        echo "the Learn worker does not hold \"$marker\": the catalog check below would prove nothing" >&2
        return 1
    fi
    for file in dist/archplay-web*.wasm dist/archplay-worker_bg.wasm dist/archplay-learn_bg.wasm; do
        if grep -qF "$marker" "$file"; then
            echo "$file links the exercise catalog (it holds \"$marker\")" >&2
            return 1
        fi
    done
}
# The page's start bundle (wasm plus JS, gzipped) must stay within this.
BUNDLE_BUDGET_BYTES=$((300 * 1024))
BUNDLE_BYTES=0
BUNDLE_KB=""
LAZY_SUMMARY=""
if [ "$built" -eq 1 ]; then
    log "bundle size"
    if ! bundle_size; then
        record_step "bundle-size" "FAILED" "no bundle in dist/, or a wasm links the catalog"
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
    elif [ "$BUNDLE_BYTES" -gt "$BUNDLE_BUDGET_BYTES" ]; then
        record_step "bundle-size" "FAILED" "$BUNDLE_KB KiB gzipped, over the budget of $((BUNDLE_BUDGET_BYTES / 1024)) KiB"
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
    else
        record_step "bundle-size" "ok" "$BUNDLE_KB KiB gzipped of $((BUNDLE_BUDGET_BYTES / 1024)) KiB (loaded on first need: $LAZY_SUMMARY)"
        TOTAL_PASSED=$((TOTAL_PASSED + 1))
    fi
else
    not_run "bundle-size" "(no release build)"
fi

# --- browser journeys ----------------------------------------------------------
# The journeys compare the UI with the command-line tool's templates and scores.
log "cargo build --no-default-features --bin archplay (the CLI the journeys compare with)"
if cargo build --quiet --no-default-features --bin archplay; then
    export ARCHPLAY_CLI="${CARGO_TARGET_DIR:-$ARCHPLAY_ROOT/target}/debug/archplay"
fi
if [ "$built" -eq 1 ]; then
    port="$(free_port)"
    log "serving dist/ at http://127.0.0.1:$port/"
    python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >"$LOG_DIR/http-server.log" 2>&1 &
    SERVER_PID=$!
    if wait_for_url "http://127.0.0.1:$port/" 20; then
        shopt -s nullglob
        specs=(tests/e2e/*.spec.mjs)
        shopt -u nullglob
        # The spec files are named explicitly: `node --test DIR` only picks up
        # files named like *.test.mjs, so it would run none of them.
        log "node --test tests/e2e/*.spec.mjs (${#specs[@]} specs)"
        BASE_URL="http://127.0.0.1:$port/" timeout 1200 \
            node --test --test-reporter=spec "${specs[@]}" 2>&1 | tee "$LOG_DIR/e2e.log"
        e2e_rc=${PIPESTATUS[0]}
        read -r e2e_passed e2e_failed e2e_skipped < <(awk '
            { sub(/^[^a-z]*/, "") }
            /^pass [0-9]+$/ { p = $2 }
            /^fail [0-9]+$/ { f = $2 }
            /^cancelled [0-9]+$/ { f += $2 }
            /^skipped [0-9]+$/ { s += $2 }
            /^todo [0-9]+$/ { s += $2 }
            END { printf "%d %d %d\n", p, f, s }' "$LOG_DIR/e2e.log")
        record_runner "e2e" "$e2e_rc" "$e2e_passed" "$e2e_failed" "$e2e_skipped"
    else
        record_step "e2e" "FAILED" "the static server did not answer on port $port"
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
    fi
    stop_server
else
    not_run "e2e" "(no release build)"
fi

exit 0
