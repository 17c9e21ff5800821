//! How the estimate splits traffic: one M/M/c station per component, replicas
//! as servers, gateways by weight, balancers evenly unless weighted, clients
//! sharing the workload.

use super::*;

#[test]
fn one_client_one_service_is_one_mmc_station_plus_a_hop() {
    // 8 servers of mu = 1000/20 = 50 per second, offered 200 per second.
    let design = sketch(
        "
client web
service api
web -> api
design workload.requests_per_second=200 workload.hop_latency_ms=1.5
",
    );
    let estimate = run(&design);
    assert_close(
        estimate.response_time_ms.unwrap(),
        mmc_response_ms(200.0, 50.0, 8) + 1.5,
        "W + one hop",
    );
    assert_close(
        estimate.latency_ms.unwrap(),
        mmc_wait_ms(200.0, 50.0, 8) + 1.5,
        "Wq + one hop",
    );
    assert_close(estimate.capacity_rps.unwrap(), 400.0, "c mu");
    assert_close(estimate.cpu_percent, 50.0, "lambda/(c mu)");
    assert_eq!(estimate.bottleneck, Some(id_of(&design, "api")));
    assert!(!estimate.saturated);
    let api = station(&estimate, &design, "api");
    assert_eq!(api.servers, 8);
    assert_close(api.sync_visits, 1.0, "one visit per request");
    assert_close(
        api.mean_response_ms.unwrap(),
        mmc_response_ms(200.0, 50.0, 8),
        "station W",
    );
    assert!(estimate.findings.is_empty(), "{:?}", estimate.findings);
}

#[test]
fn replicas_multiply_servers() {
    let design =
        sketch("client web\nservice api replicas.current=3 concurrency=2\nweb -> api\ndesign workload.requests_per_second=100");
    let estimate = run(&design);
    assert_eq!(station(&estimate, &design, "api").servers, 6);
    assert_close(
        estimate.response_time_ms.unwrap(),
        mmc_response_ms(100.0, 50.0, 6) + 1.0,
        "M/M/6",
    );
}

#[test]
fn a_gateway_splits_by_connection_weight() {
    let mut design = sketch(SPLIT);
    sketch_onto(
        &mut design,
        "api_gateway edge\nweb -> edge\nedge -> a weight=1\nedge -> b weight=3",
    );
    check_arrivals(&design, &[("edge", 400.0), ("a", 100.0), ("b", 300.0)]);
    let estimate = run(&design);
    assert_close(station(&estimate, &design, "b").sync_visits, 0.75, "visits");
    // Weight 0 everywhere falls back to an even split rather than dividing by zero.
    let mut zero = sketch(SPLIT);
    sketch_onto(
        &mut zero,
        "api_gateway edge\nweb -> edge\nedge -> a weight=0\nedge -> b weight=0",
    );
    check_arrivals(&zero, &[("a", 200.0), ("b", 200.0)]);
}

#[test]
fn a_load_balancer_splits_evenly_unless_weighted() {
    let mut design = sketch(SPLIT);
    sketch_onto(
        &mut design,
        "load_balancer lb\nweb -> lb\nlb -> a weight=1\nlb -> b weight=3",
    );
    check_arrivals(&design, &[("lb", 400.0), ("a", 200.0), ("b", 200.0)]);
    sketch_onto(&mut design, "set lb strategy=least_connections");
    check_arrivals(&design, &[("a", 200.0), ("b", 200.0)]);
    sketch_onto(&mut design, "set lb strategy=weighted");
    check_arrivals(&design, &[("a", 100.0), ("b", 300.0)]);
}

#[test]
fn a_client_splits_evenly_and_several_clients_share_the_workload() {
    let design = sketch(
        "
client web
client mobile
service a
service b
web -> a
web -> b
mobile -> b
design workload.requests_per_second=300
",
    );
    // Each client offers 150; web splits evenly.
    check_arrivals(&design, &[("a", 75.0), ("b", 225.0)]);
}

#[test]
fn an_auth_provider_behind_a_gateway_sees_every_request() {
    let mut design = sketch(SPLIT);
    sketch_onto(
        &mut design,
        "api_gateway edge\nauth_provider auth\nweb -> edge\nedge -> auth\nedge -> a\nedge -> b",
    );
    check_arrivals(&design, &[("auth", 400.0), ("a", 200.0), ("b", 200.0)]);
}
