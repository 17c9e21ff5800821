#!/usr/bin/env bash
# Writes the output of `archplay simulate` (and `score --simulate`) for every
# template under several seeds and option sets into a folder, so that two
# builds can be compared byte for byte:
#
#   bash scripts/sim_outputs.sh OLD_BINARY /tmp/before
#   bash scripts/sim_outputs.sh NEW_BINARY /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# A speed-up of the simulator must leave every file unchanged: seeded runs are
# deterministic, bit for bit. The option sets reach the paths the templates'
# own settings leave cold: warm-up, arrival profiles, Zipf keys, log-normal and
# fixed service times, timeouts with retries and circuit breakers, the HPA
# autoscaler and faults on component 1.
set -euo pipefail
binary="${1:?usage: sim_outputs.sh ARCHPLAY_BINARY OUTPUT_DIR}"
out="${2:?usage: sim_outputs.sh ARCHPLAY_BINARY OUTPUT_DIR}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Option sets: name and JSON (the design file's `simulation` keys).
options=(
    "plain" '{}'
    "warm-spike-zipf" '{"warmup_s": 5, "arrival": "spike", "profile_factor": 4, "key_popularity": "zipf", "zipf_exponent": 1.1}'
    "lognormal-wave-resilience" '{"service_time": "log_normal", "service_time_cv": 2, "arrival": "wave", "timeout_enabled": true, "timeout_ms": 50, "retries": 2, "retry_backoff_ms": 5, "circuit_breaker": true, "breaker_threshold": 5, "breaker_open_s": 1}'
    "fixed-ramp-hpa-faults" '{"service_time": "fixed", "arrival": "ramp", "ramp_from_factor": 0.5, "ramp_to_factor": 3, "autoscaler": "hpa", "startup_delay_s": 2, "faults": [{"component": 1, "kind": "kill_replica", "at_s": 10, "duration_s": 5}, {"component": 1, "kind": "add_latency", "ms": 20, "at_s": 20, "duration_s": 10}, {"component": 1, "kind": "add_errors", "percent": 10, "at_s": 35, "duration_s": 5}, {"component": 1, "kind": "component_down", "at_s": 45, "duration_s": 2}]}'
)

# The M/M/8 model of scripts/simpy_compare.py, as a design file.
cat >"$work/mm8.json" <<'EOF'
{"archplay": 1, "name": "M/M/8", "workload": {"requests_per_second": 640.0, "read_share": 1.0, "key_space": 1000, "hop_latency_ms": 0.0},
 "components": [
  {"id": 0, "kind": "client", "name": "client", "service_time_ms": 1.0, "concurrency": 1, "replicas": {"min": 1, "max": 1, "current": 1}},
  {"id": 1, "kind": "service", "name": "station", "service_time_ms": 10.0, "concurrency": 8, "queue_capacity": 1000000, "replicas": {"min": 1, "max": 1, "current": 1}}],
 "connections": [{"id": 0, "from": 0, "to": 1}]}
EOF

designs=(mm8)
for template in $("$binary" template --list | cut -d" " -f1); do
    "$binary" template "$template" >"$work/$template.json"
    designs+=("$template")
done

count=0
for design in "${designs[@]}"; do
    for ((i = 0; i < ${#options[@]}; i += 2)); do
        name="${options[i]}"
        printf '%s\n' "${options[i + 1]}" >"$work/$name.options.json"
        for seed in 1 7 424242; do
            file="$out/$design.$name.seed$seed"
            "$binary" simulate "$work/$design.json" --options "$work/$name.options.json" \
                --seed "$seed" >"$file.simulate.json" 2>"$file.simulate.err" || echo "exit $?" >>"$file.simulate.err"
            count=$((count + 1))
        done
    done
    "$binary" score "$work/$design.json" --simulate --seed 3 >"$out/$design.score.json" 2>&1 || true
done
echo "wrote $count simulate outputs and ${#designs[@]} simulated scorecards to $out"
