#!/usr/bin/env python3
"""Runs the same M/M/c model in SimPy and in Archplay's simulator and prints
how many customers per second each one simulates, per second of wall time
and per second of CPU time (the process's own user and system time: on a
shared machine the wall time also counts the moments others held the core,
and the two programs meet different moments).

The model: Poisson arrivals at 640/s, 8 servers, exponential service with a
10 ms mean (utilisation 0.8), unbounded FIFO queue. Both runs also print
their mean wait, next to Erlang C, to show they simulate the same thing.

Usage: simpy_compare.py --archplay PATH [--bench-events-per-s N]
(run by scripts/simpy_compare.sh, which sets up SimPy in .venv).
"""

import argparse
import json
import math
import random
import resource
import subprocess
import tempfile
import time

import simpy

ARRIVAL_RATE = 640.0
SERVERS = 8
SERVICE_RATE = 100.0


def erlang_c_wait():
    """Mean wait in queue of the model, by Erlang C."""
    load = ARRIVAL_RATE / SERVICE_RATE
    b = 1.0
    for k in range(1, SERVERS + 1):
        b = load * b / (k + load * b)
    rho = load / SERVERS
    c = b / (1.0 - rho * (1.0 - b))
    return c / (SERVERS * SERVICE_RATE - ARRIVAL_RATE)


def simpy_run(duration_s, seed):
    """Simulates `duration_s` seconds in SimPy; returns (customers, mean wait s, wall s, CPU s)."""
    rng = random.Random(seed)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    totals = {"customers": 0, "wait": 0.0}

    def customer(env):
        arrived = env.now
        with servers.request() as request:
            yield request
            totals["customers"] += 1
            totals["wait"] += env.now - arrived
            yield env.timeout(rng.expovariate(SERVICE_RATE))

    def source(env):
        while True:
            yield env.timeout(rng.expovariate(ARRIVAL_RATE))
            env.process(customer(env))

    env.process(source(env))
    started, cpu_started = time.perf_counter(), time.process_time()
    env.run(until=duration_s)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return totals["customers"], totals["wait"] / max(totals["customers"], 1), wall, cpu


def children_cpu_s():
    """CPU seconds (user + system) of the ended child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def design_file():
    """The model as an Archplay design file."""
    return {
        "archplay": 1,
        "name": "M/M/8 for the SimPy comparison",
        "workload": {"requests_per_second": ARRIVAL_RATE, "read_share": 1.0, "key_space": 1000, "hop_latency_ms": 0.0},
        "components": [
            {"id": 0, "kind": "client", "name": "client", "service_time_ms": 1.0, "concurrency": 1,
             "replicas": {"min": 1, "max": 1, "current": 1}},
            {"id": 1, "kind": "service", "name": "station", "service_time_ms": 1000.0 / SERVICE_RATE,
             "concurrency": SERVERS, "queue_capacity": 1000000, "replicas": {"min": 1, "max": 1, "current": 1}},
        ],
        "connections": [{"id": 0, "from": 0, "to": 1}],
    }


def archplay_run(binary, duration_s, seed):
    """Simulates `duration_s` seconds with the CLI; returns (customers, mean wait s, wall s, CPU s)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(design_file(), handle)
        path = handle.name
    started, cpu_started = time.perf_counter(), children_cpu_s()
    output = subprocess.run(
        [binary, "simulate", path, "--seed", str(seed), "--duration", str(duration_s)],
        check=True, capture_output=True, text=True,
    ).stdout
    wall, cpu = time.perf_counter() - started, children_cpu_s() - cpu_started
    summary = json.loads(output)
    station = summary["components"][1]
    return summary["end_to_end"]["arrived"], station["mean_wait_ms"] / 1000.0, wall, cpu


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archplay", required=True, help="path to the archplay binary")
    parser.add_argument("--bench-events-per-s", type=float, default=None,
                        help="Archplay's M/M/c events per second from `cargo bench --bench sim` (2 events per customer)")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()

    theory = erlang_c_wait()
    print(f"model: M/M/{SERVERS}, lambda {ARRIVAL_RATE:g}/s, mu {SERVICE_RATE:g}/s; Erlang C mean wait {theory * 1000:.4f} ms")

    rates = {"simpy wall": [], "simpy cpu": [], "archplay wall": [], "archplay cpu": []}
    for run in range(arguments.runs):
        for name, simulate in (("simpy", lambda: simpy_run(300.0, seed=run + 1)),
                               ("archplay", lambda: archplay_run(arguments.archplay, 30000.0, seed=run + 1))):
            customers, wait, wall, cpu = simulate()
            rates[name + " wall"].append(customers / wall)
            rates[name + " cpu"].append(customers / cpu)
            print(f"{name:<8} run {run + 1}: {customers:>9} customers in {wall:6.2f} s wall, {cpu:6.2f} s CPU, mean wait {wait * 1000:.4f} ms")

    simpy_rate, cli_rate = median(rates["simpy wall"]), median(rates["archplay wall"])
    simpy_cpu_rate, cli_cpu_rate = median(rates["simpy cpu"]), median(rates["archplay cpu"])
    print(f"simpy            median {simpy_rate:12,.0f} customers/s wall, {simpy_cpu_rate:12,.0f} per CPU second")
    print(f"archplay CLI     median {cli_rate:12,.0f} customers/s wall, {cli_cpu_rate:12,.0f} per CPU second"
          f"  ratio {cli_rate / simpy_rate:6.1f} x SimPy (wall), {cli_cpu_rate / simpy_cpu_rate:6.1f} x (CPU)")
    if arguments.bench_events_per_s:
        bench_rate = arguments.bench_events_per_s / 2.0
        print(f"archplay bench          {bench_rate:12,.0f} customers/s  ratio {bench_rate / simpy_rate:6.1f} x SimPy (wall)")
    if not math.isfinite(cli_rate / simpy_rate):
        raise SystemExit("no ratio: a run simulated nothing")


if __name__ == "__main__":
    main()
