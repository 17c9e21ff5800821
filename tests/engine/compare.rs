//! `engine::compare` on pairs of designs: each case starts from one base
//! design, changes it with sketch lines (so design B is one a user could
//! have made from A), and states every structural difference the comparison
//! must find, and no other; then the scores and rubric lines against each
//! other.

use crate::{sketch, sketch_onto};
use archplay::engine::compare::{compare, Comparison, Verdict};
use archplay::engine::model::Design;

/// Design A of every case: a client, a gateway, a service with a cache and
/// a database, and monitoring.
const BASE: &str = "
client web
api_gateway edge
service orders replicas.current=2
cache orders-cache
database orders-db read_replicas=1 backup=true
monitoring monitor alerting=true
web -> edge
edge -> orders
orders -> orders-cache
orders-cache -> orders-db
monitor -> orders
";

/// What a case expects, each list written as the comparison words it:
/// components `name:kind`, component changes `name.attribute:from>to`,
/// connections `from>to`, connection changes `from>to.attribute:from>to`,
/// design changes `attribute:from>to`.
struct Expected {
    added: &'static [&'static str],
    removed: &'static [&'static str],
    changed: &'static [&'static str],
    connections_added: &'static [&'static str],
    connections_removed: &'static [&'static str],
    connections_changed: &'static [&'static str],
    design: &'static [&'static str],
}

const NOTHING: Expected = Expected {
    added: &[],
    removed: &[],
    changed: &[],
    connections_added: &[],
    connections_removed: &[],
    connections_changed: &[],
    design: &[],
};

/// (what the case is, sketch lines turning A into B, what differs)
const CASES: &[(&str, &str, Expected)] = &[
    ("nothing changed", "", NOTHING),
    (
        "a component added and connected",
        "auth_provider auth\nedge -> auth",
        Expected {
            added: &["auth:auth_provider"],
            connections_added: &["edge>auth"],
            ..NOTHING
        },
    ),
    (
        "a component removed with its connections",
        "delete orders-cache\norders -> orders-db",
        Expected {
            removed: &["orders-cache:cache"],
            connections_added: &["orders>orders-db"],
            connections_removed: &["orders>orders-cache", "orders-cache>orders-db"],
            ..NOTHING
        },
    ),
    (
        "attributes changed on two components",
        "set orders replicas.current=5 service_time_ms=35\nset orders-db backup=false",
        Expected {
            changed: &[
                "orders.replicas.current:2>5",
                "orders.service_time_ms:20>35",
                "orders-db.backup:true>false",
            ],
            ..NOTHING
        },
    ),
    (
        "a connection's attributes changed",
        "disconnect edge orders\nedge -> orders weight=3 path=/orders method=POST",
        Expected {
            connections_changed: &[
                "edge>orders.weight:1>3",
                "edge>orders.path:>/orders",
                "edge>orders.method:ANY>POST",
            ],
            ..NOTHING
        },
    ),
    (
        "a connection re-pointed",
        "disconnect monitor orders\nmonitor -> orders-db",
        Expected {
            connections_added: &["monitor>orders-db"],
            connections_removed: &["monitor>orders"],
            ..NOTHING
        },
    ),
    (
        "a component replaced by another kind under the same name",
        "delete orders-cache\nservice orders-cache\norders -> orders-cache\norders-cache -> orders-db",
        Expected {
            changed: &["orders-cache.kind:cache>service", "orders-cache.service_time_ms:1>20", "orders-cache.concurrency:32>8", "orders-cache.replicas.max:1>10"],
            ..NOTHING
        },
    ),
    (
        "the workload and a target changed",
        "design workload.requests_per_second=250 targets.response_time_ms=80",
        Expected {
            design: &["workload.requests_per_second:500>250", "targets.response_time_ms:100>80"],
            ..NOTHING
        },
    ),
];

/// The structural differences of `comparison` in the case's words.
fn found(comparison: &Comparison) -> [Vec<String>; 7] {
    let components = &comparison.components;
    let connections = &comparison.connections;
    [
        components
            .added
            .iter()
            .map(|c| format!("{}:{}", c.name, c.kind))
            .collect(),
        components
            .removed
            .iter()
            .map(|c| format!("{}:{}", c.name, c.kind))
            .collect(),
        components
            .changed
            .iter()
            .map(|c| {
                let name = c.component.as_deref().unwrap_or("(design)");
                format!("{name}.{}:{}>{}", c.attribute, c.from, c.to)
            })
            .collect(),
        connections
            .added
            .iter()
            .map(|c| format!("{}>{}", c.from, c.to))
            .collect(),
        connections
            .removed
            .iter()
            .map(|c| format!("{}>{}", c.from, c.to))
            .collect(),
        connections
            .changed
            .iter()
            .map(|c| {
                let ends = &c.connection;
                format!(
                    "{}>{}.{}:{}>{}",
                    ends.from, ends.to, c.attribute, c.from, c.to
                )
            })
            .collect(),
        comparison
            .design
            .iter()
            .map(|c| format!("{}:{}>{}", c.attribute, c.from, c.to))
            .collect(),
    ]
}

fn sorted(mut words: Vec<String>) -> Vec<String> {
    words.sort();
    words
}

fn pair(change: &str) -> (Design, Design) {
    let a = sketch(BASE);
    let mut b = a.clone();
    sketch_onto(&mut b, change);
    (a, b)
}

#[test]
fn each_pair_shows_exactly_its_differences() {
    for (what, change, expected) in CASES {
        let (a, b) = pair(change);
        let comparison = compare(&a, &b);
        let wanted = [
            expected.added,
            expected.removed,
            expected.changed,
            expected.connections_added,
            expected.connections_removed,
            expected.connections_changed,
            expected.design,
        ];
        let lists = [
            "added",
            "removed",
            "changed",
            "connections added",
            "connections removed",
            "connections changed",
            "design",
        ];
        for ((list, got), want) in lists.iter().zip(found(&comparison)).zip(wanted) {
            let want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
            assert_eq!(sorted(got), sorted(want), "{what}: {list}");
        }
    }
}

#[test]
fn comparing_the_other_way_swaps_added_and_removed() {
    for (what, change, _) in CASES {
        let (a, b) = pair(change);
        let [added, removed, _, conn_added, conn_removed, _, _] = found(&compare(&a, &b));
        let [back_added, back_removed, _, back_conn_added, back_conn_removed, _, _] =
            found(&compare(&b, &a));
        assert_eq!(sorted(added), sorted(back_removed), "{what}");
        assert_eq!(sorted(removed), sorted(back_added), "{what}");
        assert_eq!(sorted(conn_added), sorted(back_conn_removed), "{what}");
        assert_eq!(sorted(conn_removed), sorted(back_conn_added), "{what}");
    }
}

#[test]
fn scores_and_rubric_lines_carry_both_values_and_their_difference() {
    for (what, change, _) in CASES {
        let (a, b) = pair(change);
        let comparison = compare(&a, &b);
        assert_eq!(comparison.scores.len(), 7, "{what}: six scores and overall");
        for score in &comparison.scores {
            let (Some(x), Some(y), Some(delta)) =
                (score.points.a, score.points.b, score.points.delta)
            else {
                panic!("{what}: {} has both scores", score.score);
            };
            assert_eq!(delta, y - x, "{what}: {}", score.score);
        }
        // A score's difference is the sum of its lines' differences.
        for score in comparison.scores.iter().filter(|s| s.score != "overall") {
            let lines: f64 = comparison
                .rubric
                .iter()
                .filter(|l| l.attribute.slug() == score.score)
                .map(|l| l.points_delta)
                .sum();
            let delta = score.points.delta.unwrap_or(f64::NAN);
            assert!((lines - delta).abs() < 1e-9, "{what}: {}", score.score);
        }
        for line in &comparison.rubric {
            let verdict = match (line.a.passed, line.b.passed) {
                (true, true) => Verdict::BothPass,
                (false, false) => Verdict::BothFail,
                (false, true) => Verdict::NowPasses,
                (true, false) => Verdict::NowFails,
            };
            assert_eq!(line.verdict, verdict, "{what}: {}", line.fact);
            assert_eq!(line.points_delta, line.b.points - line.a.points);
        }
    }
}

#[test]
fn a_removed_cache_fails_the_caching_line_and_lowers_scalability() {
    let (a, b) = pair("delete orders-cache\norders -> orders-db");
    let comparison = compare(&a, &b);
    let caching = comparison
        .rubric
        .iter()
        .find(|l| l.fact == "has_caching")
        .expect("the rubric has a caching line");
    assert_eq!(caching.verdict, Verdict::NowFails);
    assert!(caching.points_delta < 0.0);
    let scalability = comparison
        .scores
        .iter()
        .find(|s| s.score == "scalability")
        .unwrap();
    assert_eq!(scalability.points.delta, Some(caching.points_delta));
    // The cache's node leaves the bill.
    let cache_cost = comparison
        .cost
        .by_kind
        .iter()
        .find(|k| k.kind == "cache")
        .expect("a cache line, since A has one");
    assert_eq!(cache_cost.usd_per_month.b, Some(0.0));
    assert_eq!(
        comparison.cost.total_usd_per_month.delta,
        Some(-cache_cost.usd_per_month.a.unwrap())
    );
}

#[test]
fn a_faster_service_shows_in_both_estimates() {
    let (a, b) = pair("set orders service_time_ms=5");
    let estimate = compare(&a, &b).estimate;
    for (figure, delta) in [
        ("mean", estimate.mean_ms),
        ("p95", estimate.p95_ms),
        ("p99", estimate.p99_ms),
    ] {
        assert!(delta.delta.is_some_and(|d| d < 0.0), "{figure}: {delta:?}");
    }
    assert!(estimate.capacity_rps.delta.is_some_and(|d| d > 0.0));
    assert_eq!(
        estimate.answered_rps.delta,
        Some(0.0),
        "both answer the load"
    );
    assert_eq!(estimate.bottleneck.a.as_deref(), Some("orders"));
}

#[test]
fn canvas_marks_name_bs_added_and_changed_components() {
    use archplay::engine::compare::marks::canvas_marks;
    let a = sketch(BASE);
    let mut b = a.clone();
    sketch_onto(
        &mut b,
        "
service payments
edge -> payments
",
    );
    let orders = b.components.iter().find(|c| c.name == "orders").unwrap().id;
    archplay::engine::attributes::access::set_field(
        &mut b,
        archplay::engine::attributes::spec::FieldTarget::Component(orders),
        "replicas.current",
        "5",
    )
    .unwrap();
    let id = |name: &str| b.components.iter().find(|c| c.name == name).unwrap().id;
    let marks = canvas_marks(&compare(&a, &b), &b);
    assert_eq!(marks.added, vec![id("payments")]);
    assert_eq!(marks.changed, vec![id("orders"), id("edge")]);
    for (name, component) in &marks.ids {
        assert_eq!(*component, id(name));
    }
    assert!(marks.ids.iter().any(|(name, _)| name == "payments"));
    assert_eq!(canvas_marks(&compare(&a, &a), &a), Default::default());
}
