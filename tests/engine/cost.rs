//! What a design costs: data-driven cases of the monthly cost per component
//! and per kind, prices as editable design inputs, and figures that stay
//! finite whatever the prices hold.

use crate::{assert_close, sketch};
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::cost::{cost_by_kind, monthly_cost, MAX_USD};
use archplay::engine::model::edit::{apply, Edit};
use archplay::engine::model::{Design, Prices};
use archplay::engine::score::{score, Attribute};
use archplay::engine::share::design_file::{from_json, to_json};
use archplay::engine::templates::template;

/// One case: a sketch, the expected total and each priced component's cost
/// (by name, in design order), in USD per month at the design's prices.
struct Case {
    name: &'static str,
    sketch: &'static str,
    total: f64,
    lines: &'static [(&'static str, f64)],
}

const CASES: &[Case] = &[
    Case {
        name: "an empty design costs nothing",
        sketch: "",
        total: 0.0,
        lines: &[],
    },
    Case {
        name: "clients cost nothing",
        sketch: "client web",
        total: 0.0,
        lines: &[],
    },
    Case {
        name: "a service replica costs its concurrency at $30",
        sketch: "service orders replicas.current=3 concurrency=4",
        total: 360.0,
        lines: &[("orders", 360.0)],
    },
    Case {
        name: "an autoscaled service is priced at what runs now",
        sketch: "service orders replicas.min=1 replicas.max=10 replicas.current=2 autoscaling.enabled=true",
        total: 480.0,
        lines: &[("orders", 480.0)],
    },
    Case {
        name: "an unsharded database is one shard: primary, read replicas, storage",
        sketch: "database db read_replicas=2",
        total: 190.0 + 2.0 * 190.0 + 25.0,
        lines: &[("db", 595.0)],
    },
    Case {
        name: "every shard has its own primary and read replicas",
        sketch: "design workload.key_space=1000\ndatabase db read_replicas=1 shards=0..300,300..600,600..1000",
        total: 3.0 * (190.0 + 190.0 + 25.0),
        lines: &[("db", 1215.0)],
    },
    Case {
        name: "every other kind costs its unit price per replica",
        sketch: "
api_gateway edge replicas.max=2 replicas.current=2
load_balancer lb
cache c replicas.max=3 replicas.current=3
event_bus bus
event_store store
auth_provider auth
service_registry registry
monitoring watch
",
        total: 180.0 + 25.0 + 330.0 + 150.0 + 120.0 + 60.0 + 30.0 + 50.0,
        lines: &[
            ("edge", 180.0),
            ("lb", 25.0),
            ("c", 330.0),
            ("bus", 150.0),
            ("store", 120.0),
            ("auth", 60.0),
            ("registry", 30.0),
            ("watch", 50.0),
        ],
    },
    Case {
        name: "edited prices are the ones used",
        sketch: "
service orders replicas.current=2 concurrency=8
database db
design prices.service_per_concurrency=10 prices.database_primary=100 prices.database_shard=0
",
        total: 160.0 + 100.0,
        lines: &[("orders", 160.0), ("db", 100.0)],
    },
    Case {
        name: "free prices make a free design",
        sketch: "
service orders replicas.current=4
design prices.service_per_concurrency=0
",
        total: 0.0,
        lines: &[("orders", 0.0)],
    },
];

#[test]
fn every_case_costs_what_the_model_says() {
    for case in CASES {
        let design = sketch(case.sketch);
        let report = monthly_cost(&design);
        assert_close(report.total_usd_per_month, case.total, case.name);
        let lines: Vec<(String, f64)> = report
            .lines
            .iter()
            .map(|line| {
                let id = line
                    .component
                    .expect("a component line names its component");
                (design.name_of(id).to_string(), line.usd_per_month)
            })
            .collect();
        let expected: Vec<(String, f64)> = case
            .lines
            .iter()
            .map(|(n, v)| (n.to_string(), *v))
            .collect();
        assert_eq!(lines, expected, "{}", case.name);
        let sum: f64 = report.lines.iter().map(|l| l.usd_per_month).sum();
        assert_close(report.total_usd_per_month, sum, case.name);
        assert!(
            report
                .lines
                .iter()
                .all(|l| l.what.starts_with(design.name_of(l.component.unwrap()))),
            "{}: every line names its component first",
            case.name
        );
    }
}

#[test]
fn the_breakdown_by_kind_sums_to_the_total() {
    let design = template("microservices").unwrap();
    let by_kind = cost_by_kind(&design);
    assert!(by_kind.iter().all(|line| line.component.is_none()));
    let services = by_kind
        .iter()
        .find(|l| l.what.starts_with("Service (3)"))
        .unwrap();
    assert_close(
        services.usd_per_month,
        480.0 + 720.0 + 480.0,
        "three services",
    );
    let sum: f64 = by_kind.iter().map(|l| l.usd_per_month).sum();
    assert_close(sum, monthly_cost(&design).total_usd_per_month, "by kind");
}

#[test]
fn the_words_say_counts_and_unit_prices() {
    let design =
        sketch("service orders replicas.current=1 concurrency=8\ndatabase db read_replicas=1");
    let report = monthly_cost(&design);
    assert_eq!(
        report.lines[0].what,
        "orders: 1 replica x (8 concurrency x $30)"
    );
    assert_eq!(
        report.lines[1].what,
        "db: 1 shard x (primary $190 + 1 read replica x $190 + storage $25)"
    );
}

#[test]
fn more_of_anything_costs_more() {
    let base = sketch("service s replicas.current=2\ndatabase db");
    let total = |design: &Design| monthly_cost(design).total_usd_per_month;
    for more in [
        "set s replicas.current=3",
        "set s concurrency=9",
        "set db read_replicas=1",
        "design workload.key_space=1000\nset db shards=0..500,500..1000",
        "cache c",
    ] {
        let mut design = base.clone();
        crate::sketch_onto(&mut design, more);
        assert!(total(&design) > total(&base), "`{more}` should cost more");
    }
}

#[test]
fn the_template_costs_are_pinned() {
    for (name, expected) in [
        ("microservices", 3275.0),
        ("monolith", 985.0),
        ("event-driven", 3365.0),
        ("auto-scaling", 2495.0),
        ("database-scaling", 4140.0),
        ("payment-gateway", 2840.0),
    ] {
        let design = template(name).unwrap();
        assert_close(monthly_cost(&design).total_usd_per_month, expected, name);
    }
}

#[test]
fn prices_are_design_fields_with_a_range() {
    let mut design = sketch("service s");
    let set = |design: &mut Design, key: &str, value: &str| {
        apply(
            design,
            Edit::SetField {
                target: FieldTarget::Design,
                key: key.into(),
                value: value.into(),
            },
        )
    };
    set(&mut design, "prices.cache_node", "75.5").unwrap();
    assert_eq!(design.prices.cache_node, 75.5);
    let before = design.clone();
    for bad in ["-1", "NaN", "inf", "2000000", "lots"] {
        assert!(
            set(&mut design, "prices.cache_node", bad).is_err(),
            "`{bad}` should be refused"
        );
        assert_eq!(design, before, "a refused price changes nothing");
    }
}

#[test]
fn a_design_file_without_prices_reads_the_defaults() {
    let text = r#"{"archplay": 1, "name": "old", "components": [], "connections": []}"#;
    let design = from_json(text).unwrap();
    assert_eq!(design.prices, Prices::default());
    let text = r#"{"archplay": 1, "name": "some", "prices": {"monitoring": 12}}"#;
    let design = from_json(text).unwrap();
    assert_eq!(design.prices.monitoring, 12.0);
    assert_eq!(design.prices.cache_node, Prices::default().cache_node);
    let negative = r#"{"archplay": 1, "name": "bad", "prices": {"cache_node": -3}}"#;
    let error = from_json(negative).unwrap_err().to_string();
    assert!(error.contains("Cache node"), "{error}");
    let mut edited = sketch("service s");
    edited.prices.service_per_concurrency = 7.0;
    assert_eq!(from_json(&to_json(&edited)).unwrap(), edited);
}

#[test]
fn the_cost_stays_finite_whatever_the_prices_hold() {
    // Validation refuses such prices; the cost still must not go NaN or infinite.
    let mut design = sketch("service s replicas.current=3\ndatabase db\ncache c");
    for price in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -5.0, f64::MAX] {
        design.prices = Prices {
            service_per_concurrency: price,
            database_primary: price,
            cache_node: price,
            ..Prices::default()
        };
        let report = monthly_cost(&design);
        assert!(report.total_usd_per_month.is_finite(), "{price}");
        assert!(report.total_usd_per_month >= 0.0, "{price}");
        assert!(report.total_usd_per_month <= MAX_USD, "{price}");
        assert!(report
            .lines
            .iter()
            .all(|l| (0.0..=MAX_USD).contains(&l.usd_per_month)));
    }
}

#[test]
fn cost_is_not_a_score() {
    let design = template("database-scaling").unwrap();
    let mut cheap = design.clone();
    cheap.prices.database_primary = 1.0;
    assert_eq!(Attribute::ALL.len(), 6);
    assert_eq!(score(&design).overall, score(&cheap).overall);
    assert!(monthly_cost(&cheap).total_usd_per_month < monthly_cost(&design).total_usd_per_month);
}
