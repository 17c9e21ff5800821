//! The queueing formulas against closed forms computed here, independently
//! (summations and logarithms rather than the engine's Erlang B recursion).
//!
//! This file holds the formulas (M/M/1, M/M/c, Erlang B and C, M/M/c/K);
//! `edges` holds degenerate and very large inputs, `tails` the percentiles
//! and sojourn moments.

mod edges;
mod tails;

use crate::{assert_close, erlang_c_by_sum};
use archplay::engine::score::queueing::{erlang_b, erlang_c, mmck_blocking, MmcStation};

#[test]
fn mm1_matches_its_closed_forms() {
    for (lambda, mu) in [
        (1.0, 2.0),
        (0.5, 1.0),
        (9.0, 10.0),
        (99.0, 100.0),
        (0.001, 1.0),
    ] {
        let station = MmcStation {
            lambda,
            mu,
            servers: 1,
        };
        let rho = lambda / mu;
        assert_close(station.utilisation(), rho, "rho");
        assert_close(
            station.wait_probability().unwrap(),
            rho,
            "M/M/1 waits with probability rho",
        );
        assert_close(
            station.mean_response().unwrap(),
            1.0 / (mu - lambda),
            "W = 1/(mu - lambda)",
        );
        assert_close(
            station.mean_wait().unwrap(),
            rho / (mu - lambda),
            "Wq = rho/(mu - lambda)",
        );
        assert_close(
            station.mean_queue_length().unwrap(),
            rho * rho / (1.0 - rho),
            "Lq = rho^2/(1 - rho)",
        );
        assert_close(station.capacity(), mu, "capacity");
    }
}

#[test]
fn mmc_two_servers_matches_hand_computation() {
    // c = 2, lambda = 1.5, mu = 1: a = 1.5, sum = 1 + 1.5, tail = 1.5^2/2 * 2/0.5 = 4.5.
    let station = MmcStation {
        lambda: 1.5,
        mu: 1.0,
        servers: 2,
    };
    let c = 4.5 / (2.5 + 4.5);
    assert_close(c, 0.642_857_142_857_142_8, "hand value");
    assert_close(station.wait_probability().unwrap(), c, "Erlang C");
    assert_close(erlang_c(2, 1.5).unwrap(), c, "erlang_c");
    assert_close(
        station.mean_wait().unwrap(),
        c / (2.0 - 1.5),
        "Wq = C/(c mu - lambda)",
    );
    assert_close(
        station.mean_response().unwrap(),
        c / 0.5 + 1.0,
        "W = Wq + 1/mu",
    );
    assert_close(
        station.mean_queue_length().unwrap(),
        1.5 * c / 0.5,
        "Lq = lambda Wq",
    );
    assert_close(station.utilisation(), 0.75, "rho = lambda/(c mu)");
}

#[test]
fn erlang_c_matches_the_defining_sum_for_many_servers() {
    for (servers, load) in [
        (1, 0.3),
        (3, 2.0),
        (8, 4.0),
        (16, 15.0),
        (50, 45.0),
        (50, 49.9),
        (200, 150.0),
        (1000, 990.0),
    ] {
        let expected = erlang_c_by_sum(servers, load);
        assert_close(
            erlang_c(servers, load).unwrap(),
            expected,
            &format!("C({servers}, {load})"),
        );
        let station = MmcStation {
            lambda: load * 20.0,
            mu: 20.0,
            servers,
        };
        assert_close(
            station.mean_wait().unwrap(),
            expected / (servers as f64 * 20.0 - load * 20.0),
            "Wq",
        );
    }
}

#[test]
fn erlang_b_matches_the_defining_sum() {
    // B(c, a) = (a^c/c!) / sum_{k<=c} a^k/k!
    for (servers, load) in [(1u32, 0.5f64), (4, 3.0), (10, 12.0), (30, 25.0)] {
        let terms: Vec<f64> = (0..=servers)
            .map(|k| load.powi(k as i32) / (1..=k).map(f64::from).product::<f64>())
            .collect();
        let expected = terms[servers as usize] / terms.iter().sum::<f64>();
        assert_close(
            erlang_b(servers, load),
            expected,
            &format!("B({servers}, {load})"),
        );
    }
}

#[test]
fn wait_exceeds_is_c_times_an_exponential_tail() {
    let station = MmcStation {
        lambda: 1.5,
        mu: 1.0,
        servers: 2,
    };
    let c = 0.642_857_142_857_142_8;
    for t in [0.0, 0.1, 1.0, 2.5, 10.0] {
        assert_close(
            station.wait_exceeds(t).unwrap(),
            c * (-(2.0 - 1.5) * t).exp(),
            &format!("P(Wq > {t})"),
        );
    }
    let mm1 = MmcStation {
        lambda: 3.0,
        mu: 4.0,
        servers: 1,
    };
    assert_close(
        mm1.wait_exceeds(0.5).unwrap(),
        0.75 * (-0.5f64).exp(),
        "M/M/1 tail",
    );
    assert_eq!(
        MmcStation {
            lambda: 5.0,
            mu: 1.0,
            servers: 2
        }
        .wait_exceeds(1.0),
        None,
        "unstable"
    );
}

#[test]
fn mm1k_blocking_matches_its_closed_form() {
    for (rho, k) in [
        (0.5f64, 1u32),
        (0.5, 5),
        (0.9, 10),
        (1.5, 4),
        (2.0, 20),
        (0.2, 50),
    ] {
        let expected = (1.0 - rho) * rho.powi(k as i32) / (1.0 - rho.powi(k as i32 + 1));
        assert_close(
            mmck_blocking(1, k, rho),
            expected,
            &format!("M/M/1/{k} at rho {rho}"),
        );
    }
    // At rho = 1 every state is equally likely.
    assert_close(mmck_blocking(1, 9, 1.0), 0.1, "rho = 1");
    assert_eq!(
        mmck_blocking(1, 0, 0.5),
        1.0,
        "no room at all blocks everything"
    );
}

#[test]
fn mmck_blocking_matches_the_defining_sum() {
    // p_n ~ a^n/n! for n <= c, a^n/(c! c^(n-c)) above.
    for (servers, capacity, load) in [
        (3u32, 10u32, 2.0f64),
        (2, 2, 1.0),
        (4, 30, 5.0),
        (5, 6, 0.5),
    ] {
        let factorial = |n: u32| (1..=n).map(f64::from).product::<f64>();
        let c = servers as f64;
        let p = |n: u32| {
            if n <= servers {
                load.powi(n as i32) / factorial(n)
            } else {
                load.powi(n as i32) / (factorial(servers) * c.powi((n - servers) as i32))
            }
        };
        let total: f64 = (0..=capacity).map(p).sum();
        assert_close(
            mmck_blocking(servers, capacity, load),
            p(capacity) / total,
            &format!("M/M/{servers}/{capacity}"),
        );
    }
}

#[test]
fn mmck_blocking_stays_a_probability_for_long_queues() {
    // Regression: a^K overflowed for long queues and gave NaN.
    for (servers, capacity, load) in [
        (1u32, 2000u32, 2.0),
        (1, 100_000, 0.5),
        (8, 1_000_000, 20.0),
        (1, 5000, 1.0),
    ] {
        let blocking = mmck_blocking(servers, capacity, load);
        assert!(
            (0.0..=1.0).contains(&blocking),
            "M/M/{servers}/{capacity} at {load}: {blocking}"
        );
    }
    // Far above capacity, the loss rate is the excess: 1 - c/a.
    assert_close(mmck_blocking(1, 2000, 2.0), 0.5, "rho = 2");
    assert_close(
        mmck_blocking(8, 1_000_000, 20.0),
        1.0 - 8.0 / 20.0,
        "c = 8, a = 20",
    );
}
