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
log "cargo test --lib -- ui:: learn_bridge::"
cargo test --lib -- ui:: learn_bridge:: 2>&1 | tee "$LOG_DIR/cargo-test-ui.log"
ui_rc=${PIPESTATUS[0]}
read -r ui_passed ui_failed ui_ignored < <(cargo_counts "$LOG_DIR/cargo-test-ui.log")
record_runner "ui-unit-tests" "$ui_rc" "$ui_passed" "$ui_failed" "$ui_ignored"

# --- web build -------------------------------------------------------------------
# The same cargo invocation trunk makes, so trunk reuses the artefacts and a
# compile error is reported here with nothing else around it.
built=0
if run_check "wasm-check" cargo build --release --target wasm32-unknown-unknown --bin archplay-web --bin archplay-worker --bin archplay-learn --bin archplay-learn-worker; then
    if run_check "trunk-build" trunk build --release --offline; then
        built=1
    fi
else
    not_run "trunk-build" "(the wasm compile check failed)"
fi

# --- bundle size -----------------------------------------------------------------
# Gzipped bytes of every .wasm and .js file trunk wrote, summed: the main
# bundle (what the page loads, wasm-bindgen's JS snippets included) apart
# from the worker (src/worker.rs: the simulator, links, files and exports),
# the Learn module (src/learn.rs: exercises and challenges) and its worker
# (src/learn_worker.rs: the catalog and grading), each loaded on first need.
bundle_size() {
    local total=0 worker=0 panel=0 learn=0 learn_worker=0 file bytes
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
        # Click-loaded modules count apart from the start bundle: the worker
        # and the Simulate panel's module load on first need.
        case "$file" in
            dist/archplay-worker*) worker=$((worker + bytes)) ;;
            dist/archplay-sim-panel*) panel=$((panel + bytes)) ;;
            dist/archplay-learn-worker*) learn_worker=$((learn_worker + bytes)) ;;
            dist/archplay-learn*) learn=$((learn + bytes)) ;;
            dist/snippets/*)
                # A snippet belongs to the module whose glue imports it.
                if grep -qF "${file#dist/}" dist/archplay-web-*.js 2>/dev/null; then
                    total=$((total + bytes))
                elif grep -qF "${file#dist/}" dist/archplay-sim-panel.js 2>/dev/null; then
                    panel=$((panel + bytes))
                elif grep -qF "${file#dist/}" dist/archplay-learn.js 2>/dev/null; then
                    learn=$((learn + bytes))
                else
                    worker=$((worker + bytes))
                fi
                ;;
            *) total=$((total + bytes)) ;;
        esac
    done
    BUNDLE_BYTES="$total"
    BUNDLE_KB="$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1024 }')"
    WORKER_KB="$(awk -v b="$worker" 'BEGIN { printf "%.1f", b / 1024 }')"
    PANEL_KB="$(awk -v b="$panel" 'BEGIN { printf "%.1f", b / 1024 }')"
    LEARN_KB="$(awk -v b="$learn" 'BEGIN { printf "%.1f", b / 1024 }')"
    LEARN_WORKER_KB="$(awk -v b="$learn_worker" 'BEGIN { printf "%.1f", b / 1024 }')"
    printf 'bundle size: %s KiB gzipped (the page at start: dist/*.wasm + dist/*.js without the click-loaded modules, %d bytes)\n' "$BUNDLE_KB" "$total"
    printf 'worker: %s KiB gzipped (dist/archplay-worker*, %d bytes, loaded on first need)\n' "$WORKER_KB" "$worker"
    printf 'sim panel: %s KiB gzipped (dist/archplay-sim-panel*, %d bytes, loaded on first need)\n' "$PANEL_KB" "$panel"
    printf 'learn: %s KiB gzipped (dist/archplay-learn.js and _bg.wasm, %d bytes, loaded on the first Learn click)\n' "$LEARN_KB" "$learn"
    printf 'learn worker: %s KiB gzipped (dist/archplay-learn-worker*, %d bytes, started by Learn on its first request)\n' "$LEARN_WORKER_KB" "$learn_worker"
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
WORKER_KB=""
PANEL_KB=""
LEARN_KB=""
LEARN_WORKER_KB=""
if [ "$built" -eq 1 ]; then
    log "bundle size"
    if ! bundle_size; then
        record_step "bundle-size" "FAILED" "no bundle in dist/, or a wasm links the catalog"
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
    elif [ "$BUNDLE_BYTES" -gt "$BUNDLE_BUDGET_BYTES" ]; then
        record_step "bundle-size" "FAILED" "$BUNDLE_KB KiB gzipped, over the budget of $((BUNDLE_BUDGET_BYTES / 1024)) KiB"
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
    else
        record_step "bundle-size" "ok" "$BUNDLE_KB KiB gzipped of $((BUNDLE_BUDGET_BYTES / 1024)) KiB (loaded on first need: worker $WORKER_KB KiB, sim panel $PANEL_KB KiB, learn $LEARN_KB KiB, learn worker $LEARN_WORKER_KB KiB)"
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
