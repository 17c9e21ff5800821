//! How the analytic estimate routes traffic through a design, checked against
//! M/M/c values computed in the test from the routing rules by hand.

use crate::{assert_close, id_of, mmc_response_ms, mmc_wait_ms, sketch, sketch_onto};
use archplay::engine::score::analytic::{estimate, shard_shares, Estimate, StationEstimate};

/// The estimate of `design` (a name that local `estimate` variables cannot shadow).
fn run(design: &Design) -> Estimate {
    estimate(design)
}
use archplay::engine::model::Design;

fn station<'a>(estimate: &'a Estimate, design: &Design, name: &str) -> &'a StationEstimate {
    let id = id_of(design, name);
    estimate
        .stations
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no station for {name}"))
}

/// Arrivals per second at each named component.
#[track_caller]
fn check_arrivals(design: &Design, expected: &[(&str, f64)]) {
    let estimate = estimate(design);
    for (name, rps) in expected {
        assert_close(
            station(&estimate, design, name).arrival_rps,
            *rps,
            &format!("arrivals at {name}"),
        );
    }
}

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

const SPLIT: &str = "
client web
service a replicas.current=2
service b replicas.current=2
design workload.requests_per_second=400
";

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

const CACHED: &str = "
client web
service api replicas.current=4
cache cache cache_ttl_s=1
database db
web -> api
api -> cache
cache -> db
design workload.requests_per_second=1000 workload.read_share=0.8 workload.key_space=1000
";

/// The closed form for one key read at `reads` and written at `writes` per
/// second, with entries living `ttl` seconds after the miss that filled them.
fn key_hit_ratio(reads: f64, writes: f64, ttl: f64) -> f64 {
    let lifetime = if writes > 0.0 {
        (1.0 - (-writes * ttl).exp()) / writes
    } else {
        ttl
    };
    reads * lifetime / (1.0 + reads * lifetime)
}

#[test]
fn a_cache_answers_the_hit_ratio_its_ttl_gives() {
    // (change, reads/s per key, writes/s per key, TTL, reads and writes offered)
    let cases: &[(&str, f64, f64, f64, f64, f64)] = &[
        ("", 0.8, 0.2, 1.0, 800.0, 200.0),
        ("set cache cache_ttl_s=300", 0.8, 0.2, 300.0, 800.0, 200.0),
        ("set cache cache_ttl_s=2", 0.8, 0.2, 2.0, 800.0, 200.0),
        (
            "set cache cache_ttl_s=300\ndesign workload.read_share=1",
            1.0,
            0.0,
            300.0,
            1000.0,
            0.0,
        ),
        (
            "design workload.key_space=10",
            80.0,
            20.0,
            1.0,
            800.0,
            200.0,
        ),
    ];
    for &(change, reads, writes, ttl, read_rps, write_rps) in cases {
        let design = sketch(&format!("{CACHED}\n{change}"));
        let estimate = run(&design);
        let expected = key_hit_ratio(reads, writes, ttl);
        let cache = station(&estimate, &design, "cache");
        assert_close(cache.cache_hit_ratio.unwrap(), expected, change);
        check_arrivals(
            &design,
            &[
                ("cache", read_rps + write_rps),
                ("db", read_rps * (1.0 - expected) + write_rps),
            ],
        );
    }
}

#[test]
fn the_retired_hit_ratio_input_in_an_old_file_moves_nothing() {
    use archplay::engine::share::design_file::{from_json, to_json};
    let design = sketch(CACHED);
    let before = run(&design);
    let text = to_json(&design).replace(
        "\"cache_ttl_s\"",
        "\"cache_hit_ratio\": 0.1,\n      \"cache_ttl_s\"",
    );
    assert!(
        text.contains("cache_hit_ratio"),
        "the old input is in the file"
    );
    let old = from_json(&text).expect("an old file with cache_hit_ratio still loads");
    assert_eq!(run(&old), before, "cache_hit_ratio moves nothing");
}

#[test]
fn zipf_keys_raise_the_hit_ratio_and_follow_the_popularity_weighted_sum() {
    use archplay::engine::model::KeyPopularityKind;
    let mut design = sketch(&format!("{CACHED}\ndesign workload.read_share=1"));
    let uniform = station(&run(&design), &design, "cache")
        .cache_hit_ratio
        .unwrap();
    design.simulation.key_popularity = KeyPopularityKind::Zipf;
    design.simulation.zipf_exponent = 1.2;
    let zipf = station(&run(&design), &design, "cache")
        .cache_hit_ratio
        .unwrap();
    let weights: Vec<f64> = (1..=1000).map(|r| (r as f64).powf(-1.2)).collect();
    let total: f64 = weights.iter().sum();
    let expected: f64 = weights
        .iter()
        .map(|w| w / total * key_hit_ratio(1000.0 * w / total, 0.0, 1.0))
        .sum();
    assert_close(zipf, expected, "Zipf hit ratio");
    assert!(
        zipf > uniform + 0.1,
        "hot keys hit more: {zipf} vs {uniform}"
    );
}

const REPLICATED: &str = "
client web
service api replicas.current=4
database db read_replicas=2
web -> api
api -> db
design workload.requests_per_second=1000
";

#[test]
fn read_replicas_take_reads_and_the_primary_takes_writes() {
    // Primary: 16 servers of mu 100; replicas: 2 x 16. Reads 800, writes 200.
    let design = sketch(&format!("{REPLICATED}\ndesign workload.read_share=0.8"));
    let estimate = run(&design);
    let db = station(&estimate, &design, "db");
    assert_close(db.arrival_rps, 1000.0, "all requests reach the database");
    assert_close(
        db.utilisation,
        800.0 / 3200.0,
        "the replicas are the busier side",
    );
    assert_eq!(db.servers, 32);
    assert_close(
        db.capacity_rps.unwrap(),
        3200.0 / 0.8,
        "reads limit capacity",
    );
    let expected =
        0.2 * mmc_response_ms(200.0, 100.0, 16) + 0.8 * mmc_response_ms(800.0, 100.0, 32);
    assert_close(
        db.mean_response_ms.unwrap(),
        expected,
        "visit-weighted mean of the two stations",
    );

    let write_heavy = sketch(&format!("{REPLICATED}\ndesign workload.read_share=0.2"));
    let estimate = run(&write_heavy);
    let db = station(&estimate, &write_heavy, "db");
    assert_close(
        db.utilisation,
        800.0 / 1600.0,
        "the primary is the busier side",
    );
    assert_eq!(db.servers, 16);
    assert_close(
        db.capacity_rps.unwrap(),
        1600.0 / 0.8,
        "writes limit capacity",
    );

    // Without replicas every request queues at the primary.
    let single = sketch(&format!("{REPLICATED}\nset db read_replicas=0"));
    let estimate = run(&single);
    let db = station(&estimate, &single, "db");
    assert_close(db.utilisation, 1000.0 / 1600.0, "one station");
    assert_close(
        db.mean_response_ms.unwrap(),
        mmc_response_ms(1000.0, 100.0, 16),
        "M/M/16",
    );
}

#[test]
fn shards_take_their_share_of_the_key_space() {
    let design = sketch(&format!(
        "{REPLICATED}\nset db read_replicas=0 shards=0..100,100..400,400..1000"
    ));
    let db_component = design.component_named("db").unwrap();
    let shares = shard_shares(&design, db_component);
    assert_eq!(shares.len(), 3);
    for (share, expected) in shares.iter().zip([0.1, 0.3, 0.6]) {
        assert_close(*share, expected, "share");
    }
    let estimate = run(&design);
    let db = station(&estimate, &design, "db");
    assert_close(
        db.utilisation,
        600.0 / 1600.0,
        "the largest shard is the busiest",
    );
    assert_close(
        db.capacity_rps.unwrap(),
        1600.0 / 0.6,
        "the largest shard limits capacity",
    );
    let expected: f64 = [0.1, 0.3, 0.6]
        .iter()
        .map(|s| s * mmc_response_ms(1000.0 * s, 100.0, 16))
        .sum();
    assert_close(
        db.mean_response_ms.unwrap(),
        expected,
        "visit-weighted mean over the shards",
    );
    assert_eq!(estimate.unrouted_share, 0.0);
}

#[test]
fn a_gap_between_shards_is_reported_as_unrouted() {
    let design = sketch(&format!("{REPLICATED}\nset db shards=0..500,600..1000"));
    let estimate = run(&design);
    assert_close(estimate.unrouted_share, 0.1, "100 of 1000 keys");
    let unsharded = sketch(REPLICATED);
    assert_eq!(run(&unsharded).unrouted_share, 0.0);
}

const CHAIN: &str = "
client web
service front
service back service_time_ms=50
web -> front
front -> back
";

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

const EVENTS: &str = "
client web
service producer topic=orders
event_bus bus
service sub-orders
service sub-payments
service sub-everything
web -> producer
producer -> bus
design workload.requests_per_second=500 workload.read_share=0.8
";

#[test]
fn a_bus_delivers_each_topic_to_its_subscribers_asynchronously() {
    let unsubscribed = sketch(EVENTS);
    let mut design = unsubscribed.clone();
    sketch_onto(&mut design, "bus -> sub-orders topics=orders\nbus -> sub-payments topics=payments\nbus -> sub-everything");
    // 100 writes per second become 100 order events.
    check_arrivals(
        &design,
        &[
            ("bus", 100.0),
            ("sub-orders", 100.0),
            ("sub-payments", 0.0),
            ("sub-everything", 100.0),
        ],
    );
    let estimate = run(&design);
    assert_eq!(
        station(&estimate, &design, "sub-orders").sync_visits,
        0.0,
        "nobody waits for a subscriber"
    );
    let before = run(&unsubscribed);
    assert_eq!(
        estimate.response_time_ms, before.response_time_ms,
        "subscribers add load, not response time"
    );
    assert_close(
        station(&estimate, &design, "sub-orders").utilisation,
        100.0 / 400.0,
        "but they are loaded",
    );
}

#[test]
fn processors_turn_events_into_further_events() {
    let mut design = sketch(EVENTS);
    sketch_onto(
        &mut design,
        "set sub-orders topic=validated\nbus -> sub-orders topics=orders\nsub-orders -> bus\nbus -> sub-payments topics=validated",
    );
    check_arrivals(
        &design,
        &[
            ("sub-orders", 100.0),
            ("sub-payments", 100.0),
            ("bus", 200.0),
        ],
    );
    // A publisher without a topic publishes under its own name.
    let mut unnamed = sketch(EVENTS);
    sketch_onto(
        &mut unnamed,
        "set producer topic=\nbus -> sub-orders topics=producer",
    );
    check_arrivals(&unnamed, &[("sub-orders", 100.0)]);
}

#[test]
fn a_request_loop_terminates_with_a_finding() {
    let design = sketch("client web\nservice a\nservice b\nweb -> a\na -> b\nb -> a\ndesign workload.requests_per_second=10");
    let estimate = run(&design);
    assert!(
        estimate.findings.iter().any(|f| f.contains("loop")),
        "{:?}",
        estimate.findings
    );
    assert!(estimate.stations.iter().all(|s| s.arrival_rps.is_finite()));
}

#[test]
fn an_event_feedback_loop_is_cut_off_with_a_finding() {
    let design = sketch(
        "client web\nservice echo topic=x\nevent_bus bus\nweb -> echo\necho -> bus\nbus -> echo topics=x\ndesign workload.requests_per_second=10",
    );
    let estimate = run(&design);
    assert!(
        estimate
            .findings
            .iter()
            .any(|f| f.contains("events feed back")),
        "{:?}",
        estimate.findings
    );
    assert!(estimate.stations.iter().all(|s| !s.arrival_rps.is_nan()));
}

#[test]
fn no_client_means_nothing_to_estimate() {
    let design = sketch("service lonely\ndatabase db\nlonely -> db");
    let estimate = run(&design);
    assert!(
        estimate.findings.iter().any(|f| f.starts_with("no client")),
        "{:?}",
        estimate.findings
    );
    assert_eq!(estimate.response_time_ms, None);
    assert_eq!(estimate.latency_ms, None);
    assert!(estimate.stations.iter().all(|s| s.arrival_rps == 0.0));
}

#[test]
fn arrivals_scale_linearly_with_offered_load() {
    // Without a cache: a cache's hit ratio, and so what passes it, grows with the load.
    let low = run(&sketch(&format!(
        "{REPLICATED}\ndesign workload.requests_per_second=100"
    )));
    let high = run(&sketch(&format!(
        "{REPLICATED}\ndesign workload.requests_per_second=300"
    )));
    for (a, b) in low.stations.iter().zip(&high.stations) {
        assert_close(b.arrival_rps, 3.0 * a.arrival_rps, "arrivals");
        assert_eq!(
            a.capacity_rps, b.capacity_rps,
            "capacity does not depend on load"
        );
    }
}

#[test]
fn the_same_design_gives_the_same_estimate() {
    let design = sketch(CACHED);
    assert_eq!(run(&design), estimate(&design.clone()));
}

/// Designs that skipped validation (built in code, or a future bug in a
/// reader): the analyses must still return, without panicking.
#[test]
fn analyses_survive_designs_that_skipped_validation() {
    use archplay::engine::model::{ComponentId, Connection, ConnectionId, ShardRange};
    use archplay::engine::score::score;
    let base = sketch(REPLICATED);
    let db = |design: &mut Design| -> usize {
        design
            .components
            .iter()
            .position(|c| c.name == "db")
            .unwrap()
    };
    type Breakage = (&'static str, Box<dyn Fn(&mut Design)>);
    let breakages: Vec<Breakage> = vec![
        (
            "dangling connection",
            Box::new(|d| {
                d.connections.push(Connection {
                    id: ConnectionId(9),
                    from: ComponentId(0),
                    to: ComponentId(77),
                    ..Connection::default()
                })
            }),
        ),
        (
            "self loop",
            Box::new(|d| {
                d.connections.push(Connection {
                    id: ConnectionId(9),
                    from: ComponentId(1),
                    to: ComponentId(1),
                    ..Connection::default()
                })
            }),
        ),
        (
            "reversed shard",
            Box::new(move |d| {
                let i = db(d);
                d.components[i].shards = vec![
                    ShardRange {
                        start: 900,
                        end: 10,
                    },
                    ShardRange { start: 0, end: 5 },
                ]
            }),
        ),
        (
            "overlapping shards",
            Box::new(move |d| {
                let i = db(d);
                d.components[i].shards = vec![
                    ShardRange {
                        start: 0,
                        end: 1000,
                    },
                    ShardRange {
                        start: 0,
                        end: 1000,
                    },
                ]
            }),
        ),
        (
            "huge read replicas",
            Box::new(move |d| {
                let i = db(d);
                d.components[i].read_replicas = u32::MAX;
                d.components[i].concurrency = u32::MAX
            }),
        ),
        (
            "huge replicas",
            Box::new(|d| {
                d.components[1].replicas.current = u32::MAX;
                d.components[1].concurrency = u32::MAX
            }),
        ),
        ("no servers", Box::new(|d| d.components[1].concurrency = 0)),
        (
            "NaN service time",
            Box::new(|d| d.components[1].service_time_ms = f64::NAN),
        ),
        (
            "zero service time",
            Box::new(|d| d.components[1].service_time_ms = 0.0),
        ),
        (
            "negative service time",
            Box::new(|d| d.components[1].service_time_ms = -5.0),
        ),
        (
            "NaN workload",
            Box::new(|d| {
                d.workload.requests_per_second = f64::NAN;
                d.workload.read_share = f64::NAN
            }),
        ),
        (
            "infinite workload",
            Box::new(|d| d.workload.requests_per_second = f64::INFINITY),
        ),
        (
            "zero key space",
            Box::new(move |d| {
                d.workload.key_space = 0;
                let i = db(d);
                d.components[i].shards = vec![ShardRange { start: 0, end: 1 }]
            }),
        ),
        (
            "NaN weights",
            Box::new(|d| d.connections.iter_mut().for_each(|c| c.weight = f64::NAN)),
        ),
        (
            "duplicate ids",
            Box::new(|d| d.components[2].id = d.components[1].id),
        ),
    ];
    for (what, breakage) in breakages {
        let mut design = base.clone();
        breakage(&mut design);
        let scorecard = std::panic::catch_unwind(|| score(&design))
            .unwrap_or_else(|_| panic!("{what}: the analyses panicked"));
        assert!(
            scorecard
                .attributes
                .iter()
                .all(|a| (0.0..=100.0).contains(&a.score)),
            "{what}"
        );
    }
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
fn shards_receive_the_share_their_keys_hold_under_the_key_popularity() {
    use archplay::engine::model::KeyPopularityKind;
    // Two shards, 0..10 and 10..100, of 16 servers at 10 ms (1600 req/s each).
    let text =
        "client web\ndatabase db shards=0..10,10..100\nweb -> db\ndesign workload.key_space=100";
    let harmonic = |m: u32| (1..=m).map(|r| 1.0 / r as f64).sum::<f64>();
    // (popularity, share of the first shard)
    let cases = [
        (KeyPopularityKind::Uniform, 0.1),
        (KeyPopularityKind::Zipf, harmonic(10) / harmonic(100)),
    ];
    for (popularity, first) in cases {
        let mut design = sketch(text);
        design.simulation.key_popularity = popularity;
        design.simulation.zipf_exponent = 1.0;
        let estimate = run(&design);
        let busiest = first.max(1.0 - first);
        assert_close(
            station(&estimate, &design, "db").capacity_rps.unwrap(),
            1600.0 / busiest,
            &format!("{popularity:?}: the busier shard limits the database"),
        );
    }
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
