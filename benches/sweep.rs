//! Sweep wall time on one thread and on every core (`cargo bench
//! --no-default-features --bench sweep`).
//!
//! The sweep: the microservices template at 1,000 requests a second, its
//! `orders-service.service_time_ms` from 10 to 40 ms in 20 points, each
//! point 60 simulated seconds with seed 1. Three timings, each the median
//! of several repetitions in this one invocation:
//! - baseline: the 20 points' designs built beforehand and simulated one
//!   after another with `Simulation::new` and `run` (no sweep code at all);
//! - sweep, 1 thread: `sweep_point` for each point on a one-thread rayon pool,
//!   as `archplay sweep --threads 1` runs them;
//! - sweep, N threads: the same on a pool of N = available cores.
//!
//! Machines are shared and noisy: read the ratios inside one run (sweep
//! against baseline, N threads against 1), not the seconds across runs.
//! `ARCHPLAY_BENCH_REPEATS` sets the repetitions (default 3).

use archplay::engine::attributes::access::set_field;
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::model::Design;
use archplay::engine::sim::Simulation;
use archplay::engine::sweep::{sweep_point, Sweep, SweepPoint, SweepSpec};
use archplay::engine::templates::template;
use rayon::prelude::*;
use std::hint::black_box;
use std::time::Instant;

const SEED: u64 = 1;
const DURATION_S: f64 = 60.0;

fn bench_design() -> Design {
    let mut design = template("microservices").expect("the microservices template exists");
    set_field(
        &mut design,
        FieldTarget::Design,
        "workload.requests_per_second",
        "1000",
    )
    .expect("1,000 req/s is in range");
    design
}

fn spec() -> SweepSpec {
    SweepSpec {
        param: "orders-service.service_time_ms".into(),
        from: 10.0,
        to: 40.0,
        steps: 20,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Seconds to simulate the 20 prepared point designs one after another, and
/// the events they handled.
fn baseline(points: &[Design]) -> (f64, u64) {
    let started = Instant::now();
    let mut events = 0;
    for design in points {
        let mut simulation = Simulation::new(design).expect("bench points are valid");
        simulation.run();
        events += simulation.stats().events;
        black_box(simulation.summary());
    }
    (started.elapsed().as_secs_f64(), events)
}

/// Seconds to run the sweep on a pool of `threads` threads.
fn sweep(design: &Design, spec: &SweepSpec, threads: usize) -> (f64, Vec<SweepPoint>) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("the pool starts");
    let started = Instant::now();
    let points = pool.install(|| {
        (0..spec.steps)
            .into_par_iter()
            .map(|index| sweep_point(design, spec, index, SEED, DURATION_S))
            .collect::<Result<Vec<_>, _>>()
            .expect("every bench point runs")
    });
    (started.elapsed().as_secs_f64(), points)
}

fn main() {
    let repeats: usize = std::env::var("ARCHPLAY_BENCH_REPEATS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(3);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let design = bench_design();
    let spec = spec();
    let sweep_check = Sweep::new(&design, &spec).expect("the bench spec is valid");
    let prepared: Vec<Design> = (0..spec.steps)
        .map(|index| {
            let mut point = sweep_check.design_at(&design, index).expect("point");
            point.simulation.seed = SEED;
            point.simulation.duration_s = DURATION_S;
            point
        })
        .collect();
    println!(
        "sweep of {} over {} points, {DURATION_S} s simulated at 1,000 req/s each, seed {SEED}; \
         {cores} cores; median of {repeats}",
        spec.param, spec.steps
    );
    // The three interleaved, repetition by repetition, so a burst of load
    // from elsewhere falls on all three rather than on one.
    let (mut base, mut one, mut many) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..repeats {
        base.push(baseline(&prepared));
        one.push(sweep(&design, &spec, 1));
        many.push(sweep(&design, &spec, cores));
    }
    let base_s = median(base.iter().map(|r| r.0).collect());
    println!(
        "baseline (20 plain runs, 1 thread)  median {base_s:>7.3} s  ({:.2} M events/s, {} events)",
        base[0].1 as f64 / base_s / 1e6,
        base[0].1
    );
    let one_s = median(one.iter().map(|r| r.0).collect());
    println!(
        "sweep, 1 thread                     median {one_s:>7.3} s  ({:.3} x the baseline)",
        one_s / base_s
    );
    let many_s = median(many.iter().map(|r| r.0).collect());
    println!(
        "sweep, {cores} threads                    median {many_s:>7.3} s  (speedup {:.2} x over 1 thread)",
        one_s / many_s
    );
    let all = |runs: &[(f64, Vec<SweepPoint>)]| {
        runs.iter()
            .map(|r| format!("{:.3}", r.0))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "each repetition (s): 1 thread {}; {cores} threads {}",
        all(&one),
        all(&many)
    );
    assert_eq!(
        one[0].1, many[0].1,
        "the points do not depend on the thread count"
    );
}
