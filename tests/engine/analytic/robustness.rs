//! The estimate never fails: no client, load scaling linearly, the same
//! design giving the same estimate, and designs that skipped validation.

use super::*;

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
