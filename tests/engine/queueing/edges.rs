//! Degenerate and very large inputs: unstable stations give none or zero and
//! never NaN, Erlang B for millions of servers agrees with the full recursion
//! and reaches exactly zero, and the cache sum over a large Zipf key space
//! agrees with the term-by-term sum.

use super::*;

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
