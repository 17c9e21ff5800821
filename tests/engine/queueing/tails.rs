//! Percentiles and moments of the time in a station: exponential percentiles
//! of M/M/1, sojourn moments against Erlang C, gamma quantiles.

use super::*;

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
