#!/usr/bin/env bash
# Events per second of `archplay simulate` on the M/M/8 model of
# scripts/simpy_compare.py, for one or more CLI binaries, interleaved: each
# repetition runs every binary once, so a burst of load on this shared machine
# falls on all of them. Prints every repetition, then each binary's median and
# its ratio to the first binary (the baseline of the same invocation).
#
#   bash scripts/sim_cli_speed.sh BASELINE_BINARY [OTHER_BINARY ...]
#
# REPS (default 7) repetitions of DURATION simulated seconds (default 6000:
# about 7.7 million events). The time is the process's CPU time (perf stat's
# task-clock), not the wall time: on a shared machine the wall time
# also counts the moments other processes held the core. On an idle machine
# the two agree. It includes the process start, reading the design and
# printing the summary (a few milliseconds).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: sim_cli_speed.sh BASELINE_BINARY [OTHER_BINARY ...]" >&2; exit 2; }
reps="${REPS:-7}"
duration="${DURATION:-6000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/mm8.json" <<'EOF'
{"archplay": 1, "name": "M/M/8", "workload": {"requests_per_second": 640.0, "read_share": 1.0, "key_space": 1000, "hop_latency_ms": 0.0},
 "components": [
  {"id": 0, "kind": "client", "name": "client", "service_time_ms": 1.0, "concurrency": 1, "replicas": {"min": 1, "max": 1, "current": 1}},
  {"id": 1, "kind": "service", "name": "station", "service_time_ms": 10.0, "concurrency": 8, "queue_capacity": 1000000, "replicas": {"min": 1, "max": 1, "current": 1}}],
 "connections": [{"id": 0, "from": 0, "to": 1}]}
EOF

for ((rep = 1; rep <= reps; rep++)); do
    line="rep $rep:"
    for ((i = 1; i <= $#; i++)); do
        binary="${!i}"
        perf stat -x, -o "$work/time" -e task-clock \
            "$binary" simulate "$work/mm8.json" --seed 1 --duration "$duration" >"$work/summary.json"
        events=$(awk -F'[:,]' '/"events"/ { print $2 + 0; exit }' "$work/summary.json")
        # The line reads "282.60,msec,task-clock,...".
        rate=$(awk -F, -v e="$events" '/task-clock/ { printf "%.2f", e / $1 / 1e3 }' "$work/time")
        echo "$rate" >>"$work/rates.$i"
        line="$line  $rate"
    done
    echo "$line  (M events/s, in argument order)"
done

baseline=""
for ((i = 1; i <= $#; i++)); do
    median=$(sort -g "$work/rates.$i" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    [ -n "$baseline" ] || baseline="$median"
    ratio=$(awk -v m="$median" -v b="$baseline" 'BEGIN { printf "%.2f", m / b }')
    echo "median ${median} M events/s (${ratio} x the first)  ${!i}"
done
