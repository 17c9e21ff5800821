//! The simulator against queueing theory: M/M/1, M/M/c (Erlang C mean wait
//! and waiting-time tail), M/M/c/K blocking and a tandem of two stations.
//!
//! Each check runs 10 seeded replications, discards a warm-up, and asserts
//! that the analytic value (from `engine::queueing`) lies in the 95 %
//! confidence interval of the replication means and within 5 % of their mean.

use crate::support::{assert_agrees, chain, check_littles_law_estimate, options, run};
use archplay::engine::score::queueing::{mmck_blocking, MmcStation};

const REPLICATIONS: u64 = 20;

/// Runs `REPLICATIONS` replications and maps each finished simulation to one number per measure.
fn replicate<const N: usize>(
    design: &archplay::engine::model::Design,
    duration_s: f64,
    warmup_s: f64,
    measure: impl Fn(&archplay::engine::sim::Simulation) -> [f64; N],
) -> [Vec<f64>; N] {
    let mut results: [Vec<f64>; N] = std::array::from_fn(|_| Vec::new());
    for seed in 1..=REPLICATIONS {
        let simulation = run(design, &options(seed, duration_s, warmup_s));
        check_littles_law_estimate(&simulation);
        for (i, value) in measure(&simulation).into_iter().enumerate() {
            results[i].push(value);
        }
    }
    results
}

fn station_wait_s(simulation: &archplay::engine::sim::Simulation, station: usize) -> f64 {
    simulation.stations()[station].stats.wait.mean() / 1e6
}

#[test]
fn mm1_mean_wait_and_response_match_theory_at_utilisation_0_5_and_0_8() {
    for (lambda, duration_s) in [(50.0, 2_000.0), (80.0, 4_000.0)] {
        let design = chain(lambda, &[(1, 10.0, 1_000_000)]);
        let theory = MmcStation {
            lambda,
            mu: 100.0,
            servers: 1,
        };
        let [waits, responses] = replicate(&design, duration_s, duration_s / 10.0, |simulation| {
            [
                station_wait_s(simulation, 0),
                simulation.nodes()[1].stats.latency.mean() / 1e6,
            ]
        });
        assert_agrees(
            &format!("M/M/1 rho {} Wq", lambda / 100.0),
            &waits,
            theory.mean_wait().unwrap(),
            0.05,
        );
        assert_agrees(
            &format!("M/M/1 rho {} W", lambda / 100.0),
            &responses,
            theory.mean_response().unwrap(),
            0.05,
        );
    }
}

#[test]
fn mmc_erlang_c_mean_wait_and_waiting_time_tail_match_theory() {
    // c = 4, mu = 100/s, lambda = 320/s: utilisation 0.8.
    let design = chain(320.0, &[(4, 10.0, 1_000_000)]);
    let theory = MmcStation {
        lambda: 320.0,
        mu: 100.0,
        servers: 4,
    };
    // 12287 µs: 12288 starts a histogram bucket, so the tail count is exact.
    let threshold_us = 12_287;
    let [waits, waited, tail] = replicate(&design, 1_000.0, 100.0, |simulation| {
        let stats = &simulation.stations()[0].stats;
        let total = stats.wait_histogram.count() as f64;
        [
            station_wait_s(simulation, 0),
            stats.wait_histogram.count_above(0) / total,
            stats.wait_histogram.count_above(threshold_us) / total,
        ]
    });
    assert_agrees("M/M/4 Wq", &waits, theory.mean_wait().unwrap(), 0.05);
    assert_agrees(
        "M/M/4 P(W > 0) (Erlang C)",
        &waited,
        theory.wait_probability().unwrap(),
        0.05,
    );
    assert_agrees(
        "M/M/4 P(W > t)",
        &tail,
        theory.wait_exceeds(threshold_us as f64 / 1e6).unwrap(),
        0.05,
    );
}

#[test]
fn mmck_blocking_probability_matches_theory() {
    // c = 2 servers, 3 waiting places (K = 5), offered 1.6 erlangs (utilisation 0.8).
    let design = chain(160.0, &[(2, 10.0, 3)]);
    let [blocked, waits] = replicate(&design, 500.0, 50.0, |simulation| {
        let stats = &simulation.stations()[0].stats;
        [
            stats.rejected as f64 / stats.arrivals as f64,
            station_wait_s(simulation, 0),
        ]
    });
    let blocking = mmck_blocking(2, 5, 1.6);
    assert_agrees("M/M/2/5 blocking", &blocked, blocking, 0.05);
    // Mean wait of admitted calls from the M/M/c/K distribution, by Little's law.
    let load: f64 = 1.6;
    let mut terms = vec![1.0];
    for n in 1..=5u32 {
        let divisor = if n <= 2 { f64::from(n) } else { 2.0 };
        terms.push(terms[n as usize - 1] * load / divisor);
    }
    let total: f64 = terms.iter().sum();
    let queue_length: f64 = (3..=5).map(|n| (n as f64 - 2.0) * terms[n] / total).sum();
    let admitted_rate = 160.0 * (1.0 - blocking);
    assert_agrees("M/M/2/5 Wq", &waits, queue_length / admitted_rate, 0.05);
}

#[test]
fn tandem_of_two_stations_adds_their_response_times() {
    // Station A: M/M/1 at 0.7; station B: M/M/2 at 0.7. Jackson: W = W_A + W_B.
    let design = chain(70.0, &[(1, 10.0, 1_000_000), (2, 20.0, 1_000_000)]);
    let a = MmcStation {
        lambda: 70.0,
        mu: 100.0,
        servers: 1,
    };
    let b = MmcStation {
        lambda: 70.0,
        mu: 50.0,
        servers: 2,
    };
    let [end_to_end, wait_a, wait_b] = replicate(&design, 2_000.0, 200.0, |simulation| {
        [
            simulation.requests().latency.mean() / 1e6,
            station_wait_s(simulation, 0),
            station_wait_s(simulation, 1),
        ]
    });
    assert_agrees("tandem A Wq", &wait_a, a.mean_wait().unwrap(), 0.05);
    assert_agrees("tandem B Wq", &wait_b, b.mean_wait().unwrap(), 0.05);
    assert_agrees(
        "tandem W",
        &end_to_end,
        a.mean_response().unwrap() + b.mean_response().unwrap(),
        0.05,
    );
}

#[test]
fn mean_queue_length_is_lambda_times_wait_and_utilisation_is_rho() {
    let design = chain(320.0, &[(4, 10.0, 1_000_000)]);
    let theory = MmcStation {
        lambda: 320.0,
        mu: 100.0,
        servers: 4,
    };
    let [queue_lengths, utilisations] = replicate(&design, 500.0, 50.0, |simulation| {
        let summary = simulation.summary();
        [
            summary.components[1].mean_queue_length,
            summary.components[1].utilisation,
        ]
    });
    assert_agrees(
        "M/M/4 Lq",
        &queue_lengths,
        theory.mean_queue_length().unwrap(),
        0.05,
    );
    assert_agrees(
        "M/M/4 utilisation",
        &utilisations,
        theory.utilisation(),
        0.05,
    );
}
