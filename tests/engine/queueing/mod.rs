//! The queueing formulas against closed forms computed here, independently
//! (summations and logarithms rather than the engine's Erlang B recursion).

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

#[test]
fn unstable_and_degenerate_stations_give_none_or_zero_never_nan() {
    assert_eq!(erlang_c(2, 2.0), None, "load == servers is unstable");
    assert_eq!(erlang_c(0, 0.5), None, "no servers");
    assert_eq!(erlang_c(2, f64::NAN), None);
    let saturated = MmcStation {
        lambda: 2.0,
        mu: 1.0,
        servers: 2,
    };
    assert!(saturated.is_saturated());
    assert_eq!(saturated.mean_response(), None);
    assert_eq!(saturated.mean_queue_length(), None);
    let idle = MmcStation {
        lambda: 0.0,
        mu: 1.0,
        servers: 1,
    };
    assert_eq!(idle.mean_wait(), Some(0.0));
    assert_eq!(idle.mean_response(), Some(1.0));
    assert_eq!(idle.utilisation(), 0.0);
    let no_servers = MmcStation {
        lambda: 1.0,
        mu: 1.0,
        servers: 0,
    };
    assert!(no_servers.is_saturated());
    assert_eq!(no_servers.mean_response(), None);

    let finite = [0.0, 1e-300, 1e-9, 0.5, 1.0, 7.0, 1e6, 1e300];
    let with_infinity = [0.0, 1e-300, 1e-9, 0.5, 1.0, 7.0, 1e6, 1e300, f64::INFINITY];
    for &lambda in &finite {
        for &mu in &with_infinity {
            for servers in [0u32, 1, 2, 64, 10_000] {
                let station = MmcStation {
                    lambda,
                    mu,
                    servers,
                };
                let values = [
                    station.wait_probability(),
                    station.mean_wait(),
                    station.mean_response(),
                    station.mean_queue_length(),
                    station.wait_exceeds(1.0),
                ];
                for value in values.into_iter().flatten() {
                    assert!(
                        !value.is_nan(),
                        "NaN for lambda {lambda}, mu {mu}, c {servers}"
                    );
                }
                assert!(
                    !station.utilisation().is_nan(),
                    "utilisation NaN for lambda {lambda}, mu {mu}, c {servers}"
                );
            }
            let b = erlang_b(3, lambda);
            assert!((0.0..=1.0).contains(&b), "B(3, {lambda}) = {b}");
            let blocking = mmck_blocking(2, 50, lambda);
            assert!(
                (0.0..=1.0).contains(&blocking),
                "M/M/2/50 at {lambda}: {blocking}"
            );
        }
    }
}

/// Regression: a station with millions of servers used to take a quarter of a
/// second to score, because Erlang B walked every server. The shortcut for
/// large loads must still agree with the full recursion.
#[test]
fn erlang_b_for_large_loads_agrees_with_the_full_recursion() {
    fn full(servers: u32, load: f64) -> f64 {
        let mut b = 1.0;
        for k in 1..=servers {
            b = load * b / (k as f64 + load * b);
        }
        b
    }
    for (servers, load) in [
        (6_000, 5_500.0),
        (20_000, 19_000.0),
        (20_000, 25_000.0),
        (50_000, 49_900.0),
        (8_000, 5_001.0),
    ] {
        let exact = full(servers, load);
        let fast = archplay::engine::score::queueing::erlang_b(servers, load);
        assert!(
            (fast - exact).abs() <= 1e-12 + 1e-9 * exact,
            "B({servers}, {load}): {fast} vs {exact}"
        );
    }
}

/// Regression: far past the load, B rounded to a subnormal number that never
/// reached 0, so the recursion walked every one of ten million servers in slow
/// subnormal arithmetic (123 ms to score one station). Below the smallest
/// normal number it is now exactly 0.
#[test]
fn erlang_b_far_past_the_load_is_exactly_zero_not_a_stuck_subnormal() {
    let b = archplay::engine::score::queueing::erlang_b(10_000_000, 9_000_000.0);
    assert_eq!(b, 0.0);
    assert_eq!(
        archplay::engine::score::queueing::erlang_c(10_000_000, 9_000_000.0),
        Some(0.0)
    );
    let small = archplay::engine::score::queueing::erlang_b(200, 100.0);
    assert!(small > 0.0 && small.is_normal(), "{small}");
}

#[test]
fn one_mm1_station_gives_the_exponential_percentiles_exactly() {
    use archplay::engine::score::analytic::estimate;
    // M/M/1 sojourn time is exponential with rate mu - lambda: p = -ln(1 - q) / (mu - lambda).
    for (rps, ms) in [(50.0, 10.0), (80.0, 10.0), (10.0, 20.0)] {
        let design = crate::sketch(&format!(
            "client web\nservice s replicas.current=1 concurrency=1 service_time_ms={ms}\nweb -> s\ndesign workload.requests_per_second={rps} workload.hop_latency_ms=0"
        ));
        let estimate = estimate(&design);
        let rate_per_ms = 1.0 / ms - rps / 1000.0;
        for (q, got) in [(0.95, estimate.p95_ms), (0.99, estimate.p99_ms)] {
            let expected = -(1.0_f64 - q).ln() / rate_per_ms;
            let got = got.unwrap();
            assert!(
                (got - expected).abs() <= 1e-6 * expected,
                "{rps} req/s, {ms} ms: p{q}: got {got}, expected {expected}"
            );
        }
    }
}

#[test]
fn sojourn_moments_match_erlang_c_and_every_template_has_ordered_percentiles() {
    use archplay::engine::score::analytic::estimate;
    use archplay::engine::score::analytic::tail::sojourn;
    let station = MmcStation {
        lambda: 30.0,
        mu: 10.0,
        servers: 4,
    };
    let moments = sojourn(station, 1.0).unwrap();
    assert_close(
        moments.m1,
        station.mean_response().unwrap() * 1000.0,
        "mean sojourn in ms",
    );
    // Every template: mean below p95 below p99 (the gamma fit is right-skewed).
    for info in archplay::engine::templates::TEMPLATES {
        let design = archplay::engine::templates::template(info.name).unwrap();
        let estimate = estimate(&design);
        let (Some(mean), Some(p95), Some(p99)) =
            (estimate.response_time_ms, estimate.p95_ms, estimate.p99_ms)
        else {
            panic!("{}: no figures", info.name);
        };
        assert!(mean < p95 && p95 < p99, "{}: {mean} {p95} {p99}", info.name);
    }
}

#[test]
fn gamma_quantiles_match_known_values() {
    use archplay::engine::score::analytic::tail::{gamma_cdf, gamma_quantile};
    // (shape, q, quantile at scale 1): shape 1 is exponential; shape 2 by hand
    // (P = 1 - e^-x (1 + x)); chi-square with 10 degrees is gamma(5, 2).
    let cases = [
        (1.0, 0.95, -(0.05_f64).ln()),
        (1.0, 0.99, -(0.01_f64).ln()),
        (2.0, 0.95, 4.743_864_518_605_723),
        (5.0, 0.95, 18.307_038_053_275_146 / 2.0),
    ];
    for (shape, q, expected) in cases {
        let got = gamma_quantile(shape, q);
        assert!(
            (got - expected).abs() <= 1e-7 * expected,
            "shape {shape} q {q}: {got} vs {expected}"
        );
        assert!((gamma_cdf(shape, got) - q).abs() < 1e-9);
    }
}

#[test]
fn the_cache_sum_over_a_large_zipf_key_space_agrees_with_the_term_by_term_sum_and_is_fast() {
    use archplay::engine::score::analytic::cache::{
        hit_ratio, hit_ratio_exact, CacheLoad, Popularity,
    };
    for (key_space, exponent, ttl_s, write_rps) in [
        (1_000_000, 1.0, 60.0, 0.0),
        (1_000_000, 0.8, 5.0, 100.0),
        (300_000, 1.3, 1.0, 0.0),
        (50_000, 0.5, 30.0, 50.0),
    ] {
        let load = CacheLoad {
            read_rps: 2000.0,
            write_rps,
            ttl_s,
            key_space,
            popularity: Popularity::Zipf { exponent },
        };
        let (fast, exact) = (hit_ratio(load), hit_ratio_exact(load));
        eprintln!("{key_space} keys, s={exponent}: {fast} vs {exact} term by term");
        assert!(
            (fast - exact).abs() < 1e-5,
            "{key_space} keys, s={exponent}: {fast} vs {exact}"
        );
    }
    // The largest key space a design may have, in the estimate's own time:
    // a fixed number of terms, so at most a few milliseconds even in debug.
    let load = CacheLoad {
        read_rps: 5000.0,
        write_rps: 10.0,
        ttl_s: 300.0,
        key_space: 1_000_000_000,
        popularity: Popularity::Zipf { exponent: 1.0 },
    };
    let started = std::time::Instant::now();
    let ratio = hit_ratio(load);
    eprintln!(
        "hit ratio over 10^9 Zipf keys: {ratio:.4} in {:?}",
        started.elapsed()
    );
    assert!(ratio > 0.0 && ratio < 1.0, "{ratio}");
    let started = std::time::Instant::now();
    let exact = hit_ratio_exact(CacheLoad {
        key_space: 1_000_000,
        ..load
    });
    eprintln!(
        "term by term over 10^6 keys: {exact:.4} in {:?}",
        started.elapsed()
    );
}
