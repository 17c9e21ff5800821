#!/usr/bin/env bash
# Compares Archplay's simulator with SimPy on the same M/M/c model and prints
# the speed ratio (customers simulated per second of wall time).
#
# Sets up SimPy in a local virtual environment under .venv (gitignored),
# builds the CLI (the `cli` profile: opt-level 3, into target/cli/) and the
# simulator benchmark (`cargo bench --bench sim -- mmc`), then runs
# scripts/simpy_compare.py. The CLI is not taken from target/release/: the
# release profile is tuned for the wasm bundle's size (opt-level "z"), and
# `cargo bench` rebuilds target/release/archplay at the bench profile, so
# which of the two that path held depended on the order of the builds.
# Timings on these shared machines are noisy: read the ratio, not the numbers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check simpy

cargo build --profile cli --no-default-features --bin archplay
bench_output="$(cargo bench --no-default-features --bench sim -- mmc 2>/dev/null)"
printf '%s\n' "$bench_output"
# The line reads: "M/M/c  median  9.42 M events/s over ...".
bench_rate="$(printf '%s\n' "$bench_output" | awk '/^M\/M\/c/ { print $3 * 1000000 }')"

.venv/bin/python scripts/simpy_compare.py --archplay target/cli/archplay ${bench_rate:+--bench-events-per-s "$bench_rate"}
