//! Capacity in the estimate: saturation, a service with no replica, the
//! bottleneck, hop latency, and what a station past saturation answers.

use super::*;

#[test]
fn utilisation_of_one_saturates_and_leaves_no_response_time() {
    // back: 8 servers of mu 20 = 160 per second.
    let at_capacity = sketch(&format!("{CHAIN}\ndesign workload.requests_per_second=160"));
    let estimate = run(&at_capacity);
    assert!(estimate.saturated, "utilisation exactly 1 is saturated");
    assert_eq!(estimate.response_time_ms, None);
    assert_eq!(estimate.latency_ms, None);
    assert_close(estimate.cpu_percent, 100.0, "cpu");
    assert_close(
        station(&estimate, &at_capacity, "back").utilisation,
        1.0,
        "utilisation",
    );
    assert_eq!(
        station(&estimate, &at_capacity, "back").mean_response_ms,
        None
    );

    let below = sketch(&format!("{CHAIN}\ndesign workload.requests_per_second=159"));
    let estimate = run(&below);
    assert!(!estimate.saturated);
    let expected = mmc_response_ms(159.0, 50.0, 8) + mmc_response_ms(159.0, 20.0, 8) + 2.0;
    assert_close(
        estimate.response_time_ms.unwrap(),
        expected,
        "two stations in series plus two hops",
    );
}

#[test]
fn a_service_with_no_running_replica_saturates() {
    let design = sketch(&format!("{CHAIN}\nset back replicas.min=0 replicas.current=0\ndesign workload.requests_per_second=10"));
    let estimate = run(&design);
    assert!(estimate.saturated);
    assert_eq!(estimate.response_time_ms, None);
    assert!(
        estimate.cpu_percent.is_infinite() || estimate.cpu_percent > 100.0,
        "{}",
        estimate.cpu_percent
    );
}

#[test]
fn the_bottleneck_is_the_station_with_least_capacity_per_request() {
    let design = sketch(&format!("{CHAIN}\ndesign workload.requests_per_second=10"));
    let estimate = run(&design);
    assert_eq!(estimate.bottleneck, Some(id_of(&design, "back")));
    assert_close(
        estimate.capacity_rps.unwrap(),
        160.0,
        "back saturates at 160",
    );
    // Four replicas of back move the bottleneck to front (400 per second).
    let scaled = sketch(&format!(
        "{CHAIN}\nset back replicas.current=4\ndesign workload.requests_per_second=10"
    ));
    let estimate = run(&scaled);
    assert_eq!(estimate.bottleneck, Some(id_of(&scaled, "front")));
    assert_close(
        estimate.capacity_rps.unwrap(),
        400.0,
        "front saturates at 400",
    );
    // A station visited by half the requests sustains twice its capacity.
    let split =
        sketch("client web\nload_balancer lb\nservice a\nservice b\nweb -> lb\nlb -> a\nlb -> b");
    let estimate = run(&split);
    assert_close(
        estimate.capacity_rps.unwrap(),
        800.0,
        "400 per second at half the visits",
    );
}

#[test]
fn hop_latency_counts_each_call_on_the_request_path() {
    let base = "client web\napi_gateway edge\nservice a\nservice b\nweb -> edge\nedge -> a\nedge -> b\ndesign workload.requests_per_second=100";
    let zero = run(&sketch(&format!("{base} workload.hop_latency_ms=0")));
    let five = run(&sketch(&format!("{base} workload.hop_latency_ms=5")));
    // Two hops per request: client to gateway, gateway to one service.
    assert_close(
        five.response_time_ms.unwrap() - zero.response_time_ms.unwrap(),
        10.0,
        "response",
    );
    assert_close(
        five.latency_ms.unwrap() - zero.latency_ms.unwrap(),
        10.0,
        "latency",
    );
}

#[test]
fn requests_that_reach_nothing_have_no_response_time() {
    // Regression: a lone client scored a response time of 0 ms and passed.
    let design = sketch("client web\nservice idle");
    let estimate = run(&design);
    assert_eq!(estimate.response_time_ms, None);
    assert_eq!(estimate.latency_ms, None);
    assert!(
        estimate
            .findings
            .iter()
            .any(|f| f.contains("reach no component")),
        "{:?}",
        estimate.findings
    );
    let scorecard = archplay::engine::score::score(&design);
    let performance = scorecard
        .attributes
        .iter()
        .find(|a| a.attribute == archplay::engine::score::Attribute::Performance)
        .unwrap();
    let passed: Vec<&str> = performance
        .lines
        .iter()
        .filter(|l| l.passed)
        .map(|l| l.fact)
        .collect();
    assert_eq!(
        passed,
        ["cpu_percent"],
        "only 0% CPU can be said of a design that serves nothing"
    );
}

#[test]
fn a_station_past_saturation_is_named_unstable_and_the_answered_rate_is_capped() {
    // 1 replica x 4 servers at 10 ms: 400 req/s at most; 500 offered.
    let design = sketch(
        "client web\nservice api replicas.current=1 concurrency=4 service_time_ms=10\nweb -> api\ndesign workload.requests_per_second=500",
    );
    let estimate = run(&design);
    assert_eq!(estimate.unstable, vec![id_of(&design, "api")]);
    assert!(
        estimate
            .findings
            .iter()
            .any(|f| f.starts_with("api is unstable: its queue grows without bound")),
        "{:?}",
        estimate.findings
    );
    assert_close(
        estimate.answered_rps.unwrap(),
        400.0,
        "answered at most the capacity",
    );
    assert_close(estimate.capacity_rps.unwrap(), 400.0, "capacity");
    assert_eq!((estimate.response_time_ms, estimate.p95_ms), (None, None));
}
