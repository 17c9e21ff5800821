//! Every line of the seed's rubric, passing and failing: points, the passed
//! flag, and a reason that names what is wrong in terms of the design.
//!
//! Most cases start from [`crate::EXEMPLARY`], which passes all 27 lines, and
//! change one thing; the case lists every line that must then fail, so a
//! change that breaks an unrelated line is caught too.

use crate::{id_of, sketch, EXEMPLARY};
use archplay::engine::attributes::access::set_field;
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::model::Design;
use archplay::engine::score::{score, Attribute, RubricLine, Scorecard};

/// Every rubric line's fact name with its points, in the seed's order.
const LINES: [(Attribute, &str, f64); 27] = [
    (Attribute::Scalability, "supports_horizontal_scaling", 25.0),
    (Attribute::Scalability, "has_load_balancing", 25.0),
    (Attribute::Scalability, "has_caching", 25.0),
    (Attribute::Scalability, "supports_database_sharding", 25.0),
    (Attribute::Reliability, "has_fault_tolerance", 20.0),
    (Attribute::Reliability, "has_redundancy", 20.0),
    (Attribute::Reliability, "has_backup_recovery", 20.0),
    (Attribute::Reliability, "has_monitoring", 20.0),
    (Attribute::Reliability, "has_alerting", 20.0),
    (Attribute::Security, "has_authentication", 20.0),
    (Attribute::Security, "has_authorization", 20.0),
    (Attribute::Security, "has_encryption", 20.0),
    (Attribute::Security, "has_audit_logging", 20.0),
    (Attribute::Security, "has_vulnerability_scanning", 20.0),
    (Attribute::Performance, "response_time_ms", 25.0),
    (Attribute::Performance, "throughput_rps", 25.0),
    (Attribute::Performance, "latency_ms", 25.0),
    (Attribute::Performance, "cpu_percent", 25.0),
    (Attribute::Maintainability, "code_quality", 20.0),
    (Attribute::Maintainability, "documentation", 20.0),
    (Attribute::Maintainability, "test_coverage", 20.0),
    (Attribute::Maintainability, "modularity", 20.0),
    (Attribute::Maintainability, "complexity", 20.0),
    (Attribute::Usability, "user_experience", 25.0),
    (Attribute::Usability, "accessibility", 25.0),
    (Attribute::Usability, "responsiveness", 25.0),
    (Attribute::Usability, "error_handling", 25.0),
];

fn line<'a>(scorecard: &'a Scorecard, fact: &str) -> &'a RubricLine {
    scorecard
        .attributes
        .iter()
        .flat_map(|a| &a.lines)
        .find(|l| l.fact == fact)
        .unwrap_or_else(|| panic!("no rubric line `{fact}`"))
}

/// Checks the scorecard's arithmetic: points per line, sums, overall mean.
fn check_arithmetic(scorecard: &Scorecard) {
    let order: Vec<Attribute> = scorecard.attributes.iter().map(|a| a.attribute).collect();
    assert_eq!(
        order,
        Attribute::ALL.to_vec(),
        "attributes in the seed's order"
    );
    for (attribute, fact, points) in LINES {
        let found = line(scorecard, fact);
        let owner = scorecard
            .attributes
            .iter()
            .find(|a| a.lines.iter().any(|l| l.fact == fact))
            .unwrap();
        assert_eq!(
            owner.attribute, attribute,
            "{fact} belongs to {attribute:?}"
        );
        assert_eq!(found.max_points, points, "{fact} is worth {points}");
        assert_eq!(
            found.points,
            if found.passed { points } else { 0.0 },
            "{fact}: points follow the passed flag"
        );
        assert!(!found.reason.is_empty(), "{fact} has a reason");
        assert_eq!(
            found.fix.is_empty(),
            found.passed,
            "{fact}: a fix is offered exactly when it fails: {:?}",
            found.fix
        );
    }
    for attribute in &scorecard.attributes {
        let expected_lines = LINES
            .iter()
            .filter(|(owner, _, _)| *owner == attribute.attribute)
            .count();
        assert_eq!(
            attribute.lines.len(),
            expected_lines,
            "{:?}: the seed's lines and no others",
            attribute.attribute
        );
        assert_eq!(
            attribute.lines.iter().map(|l| l.max_points).sum::<f64>(),
            100.0,
            "{:?} is out of 100",
            attribute.attribute
        );
        let sum: f64 = attribute.lines.iter().map(|l| l.points).sum();
        assert_eq!(
            attribute.score, sum,
            "{:?} is the sum of its lines",
            attribute.attribute
        );
        assert_eq!(scorecard.score(attribute.attribute), sum);
    }
    let mean = scorecard.attributes.iter().map(|a| a.score).sum::<f64>() / 6.0;
    assert_eq!(
        scorecard.overall, mean,
        "overall is the mean of the six scores"
    );
}

/// Scores `design` and asserts that exactly the lines in `failures` fail,
/// each with a reason containing the given words (and naming the component
/// when one is given), and that every other line passes with full points.
#[track_caller]
fn check(design: &Design, failures: &[(&str, &str, Option<&str>)]) {
    let scorecard = score(design);
    check_arithmetic(&scorecard);
    for (_, fact, _) in LINES {
        let found = line(&scorecard, fact);
        match failures.iter().find(|(failing, _, _)| *failing == fact) {
            Some((_, words, component)) => {
                assert!(
                    !found.passed,
                    "{fact} should fail, but passed: {}",
                    found.reason
                );
                assert_eq!(found.points, 0.0);
                assert!(
                    found.reason.contains(words),
                    "{fact}: reason {:?} should contain {words:?}",
                    found.reason
                );
                if let Some(name) = component {
                    assert!(
                        found.reason.contains(name),
                        "{fact}: reason {:?} should name {name}",
                        found.reason
                    );
                    assert_eq!(
                        found.component,
                        Some(id_of(design, name)),
                        "{fact}: the line points at {name}"
                    );
                }
            }
            None => {
                assert!(
                    found.passed,
                    "{fact} should pass, but failed: {}",
                    found.reason
                );
                assert_eq!(found.points, found.max_points);
            }
        }
    }
}

/// The exemplary design with `change` applied.
fn exemplary_with(change: &str) -> Design {
    sketch(&format!("{EXEMPLARY}\n{change}"))
}

#[test]
fn exemplary_design_passes_every_line() {
    let design = sketch(EXEMPLARY);
    check(&design, &[]);
    let scorecard = score(&design);
    assert_eq!(scorecard.overall, 100.0);
    for attribute in Attribute::ALL {
        assert_eq!(scorecard.score(attribute), 100.0, "{attribute:?}");
    }
}

/// (what changed, the sketch lines that change it, the lines that then fail
/// with words of their reason and the component they name).
type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, Option<&'static str>)],
);

const BOOLEAN_CASES: &[Case] = &[
    (
        "a service with nothing to spread traffic over its replicas",
        "service reports-service",
        &[("supports_horizontal_scaling", "has no load balancer, gateway or registry", Some("reports-service"))],
    ),
    (
        "a service capped at one replica",
        "service reports-service replicas.max=1\nedge -> reports-service weight=0\nset reports-service security.tls=true security.authorization=true security.audit_logging=true\nmonitor -> reports-service",
        &[
            ("supports_horizontal_scaling", "can run at most 1 replica", Some("reports-service")),
            ("has_fault_tolerance", "runs 1 replica", Some("reports-service")),
        ],
    ),
    (
        "a replicated service nothing balances",
        "service batch-service replicas.current=3",
        &[
            ("supports_horizontal_scaling", "has no load balancer", Some("batch-service")),
            ("has_load_balancing", "runs 3 replicas but nothing balances traffic", Some("batch-service")),
        ],
    ),
    ("the cache removed", "delete orders-cache\norders-service -> orders-db", &[("has_caching", "no cache is on the request path", None)]),
    ("an unsharded database", "set orders-db shards=", &[("supports_database_sharding", "is not sharded", Some("orders-db"))]),
    (
        "shards that leave a gap",
        "set orders-db shards=0..400,500..1000",
        &[
            ("supports_database_sharding", "leave 100 of 1000 keys unowned", Some("orders-db")),
            // Requests for unowned keys fail, so fewer are answered than the target asks.
            ("throughput_rps", "estimated 450 req/s answered of 500 req/s offered", Some("orders-service")),
        ],
    ),
    (
        "health checks turned off",
        "set edge health_check.enabled=false",
        &[("has_fault_tolerance", "nothing health-checks orders-service", Some("orders-service"))],
    ),
    (
        "a single auth provider",
        "set auth replicas.current=1",
        &[("has_fault_tolerance", "auth runs 1 replica: it is a single point of failure", Some("auth"))],
    ),
    (
        "a database without read replicas",
        "set orders-db read_replicas=0",
        &[
            ("has_fault_tolerance", "has no read replica to fail over to", Some("orders-db")),
            ("has_redundancy", "keeps a single copy of its data", Some("orders-db")),
        ],
    ),
    (
        "a single-copy event store off the request path",
        "event_store archive backup=true security.encryption_at_rest=true",
        &[("has_redundancy", "archive keeps a single copy of its data", Some("archive"))],
    ),
    ("no backups", "set orders-db backup=false", &[("has_backup_recovery", "orders-db has no backup", Some("orders-db"))]),
    ("an unwatched service", "disconnect monitor orders-service", &[("has_monitoring", "nothing monitors orders-service", Some("orders-service"))]),
    (
        "no monitoring at all",
        "delete monitor",
        &[("has_monitoring", "the design has no monitoring", None), ("has_alerting", "there is no monitoring to raise alerts", None)],
    ),
    ("no alert rules", "set monitor alerting=false", &[("has_alerting", "monitor has no alert rules", Some("monitor"))]),
    (
        "an entry point that does not authenticate",
        "set edge security.authentication=false",
        &[("has_authentication", "edge accepts client requests without authentication", Some("edge"))],
    ),
    (
        "authentication without a provider",
        "disconnect edge auth",
        &[("has_authentication", "no auth provider is connected to verify tokens", Some("edge"))],
    ),
    (
        "a service without authorization",
        "set orders-service security.authorization=false",
        &[("has_authorization", "orders-service has no authorization", Some("orders-service"))],
    ),
    (
        "a hop without TLS",
        "set orders-service security.tls=false",
        &[("has_encryption", "traffic to orders-service is not encrypted", Some("orders-service"))],
    ),
    (
        "a data store without encryption at rest",
        "set orders-db security.encryption_at_rest=false",
        &[("has_encryption", "orders-db stores data unencrypted", Some("orders-db"))],
    ),
    (
        "a database without audit logging",
        "set orders-db security.audit_logging=false",
        &[("has_audit_logging", "orders-db has no audit logging", Some("orders-db"))],
    ),
    (
        "no vulnerability scanning",
        "design team.vulnerability_scanning=false",
        &[("has_vulnerability_scanning", "no vulnerability scanning is declared", None)],
    ),
];

#[test]
fn every_boolean_line_fails_for_a_named_reason() {
    for (what, change, failures) in BOOLEAN_CASES {
        eprintln!("case: {what}");
        check(&exemplary_with(change), failures);
    }
    // Every boolean line has at least one failing case.
    for (_, fact, _) in &LINES[..14] {
        assert!(
            BOOLEAN_CASES
                .iter()
                .any(|(_, _, failures)| failures.iter().any(|f| f.0 == *fact)),
            "no failing case for {fact}"
        );
    }
}

#[test]
fn a_lone_service_is_a_single_point_of_failure_without_a_balancer() {
    let design = sketch(
        "
client web
service orders-service
web -> orders-service
design workload.requests_per_second=100
",
    );
    let scorecard = score(&design);
    check_arithmetic(&scorecard);
    let fault = line(&scorecard, "has_fault_tolerance");
    assert!(!fault.passed);
    assert!(
        fault
            .reason
            .contains("orders-service runs 1 replica and no load balancer in front"),
        "{}",
        fault.reason
    );
    assert_eq!(fault.component, Some(id_of(&design, "orders-service")));
    assert!(
        fault
            .fix
            .contains("run at least 2 replicas of orders-service"),
        "{}",
        fault.fix
    );
}

const THRESHOLD_CASES: &[Case] = &[
    (
        "a response-time target below the estimate",
        "design targets.response_time_ms=10",
        &[(
            "response_time_ms",
            "bottleneck orders-service",
            Some("orders-service"),
        )],
    ),
    (
        "a throughput target above the answered rate at the offered load",
        "design targets.throughput_rps=600",
        &[(
            "throughput_rps",
            "estimated 500 req/s answered of 500 req/s offered; capacity 1600 req/s, where orders-service saturates",
            Some("orders-service"),
        )],
    ),
    (
        "a throughput target above the capacity, at a load past it",
        "design targets.throughput_rps=2000 workload.requests_per_second=2000",
        &[
            (
                "throughput_rps",
                "estimated 1600 req/s answered of 2000 req/s offered; capacity 1600 req/s",
                Some("orders-service"),
            ),
            (
                "response_time_ms",
                "orders-service is unstable: its queue grows without bound",
                Some("orders-service"),
            ),
            ("latency_ms", "orders-service is unstable", Some("orders-service")),
            ("cpu_percent", "orders-service runs at 125%", Some("orders-service")),
        ],
    ),
    (
        "a latency target below the estimate",
        "design targets.latency_ms=1",
        &[("latency_ms", "ms per hop", None)],
    ),
    (
        "a CPU target below the busiest component",
        "design targets.cpu_percent=10",
        &[(
            "cpu_percent",
            "busiest component orders-service runs at 31%",
            Some("orders-service"),
        )],
    ),
    (
        "more traffic than the services can take",
        "design workload.requests_per_second=2000",
        &[
            (
                "response_time_ms",
                "orders-service is unstable: its queue grows without bound (2000 req/s arrive for 32 servers, utilisation 1.25)",
                Some("orders-service"),
            ),
            (
                "latency_ms",
                "orders-service is unstable",
                Some("orders-service"),
            ),
            (
                "cpu_percent",
                "busiest component orders-service runs at 125%",
                Some("orders-service"),
            ),
        ],
    ),
    (
        "code quality below target",
        "design team.code_quality=84.9",
        &[("code_quality", "84.9: code quality as entered", None)],
    ),
    (
        "documentation below target",
        "design team.documentation=89",
        &[("documentation", "89: documentation as entered", None)],
    ),
    (
        "test coverage below target",
        "design team.test_coverage=79.5",
        &[("test_coverage", "79.5: test coverage as entered", None)],
    ),
    (
        "two services sharing a database",
        "service billing-service\nbilling-service -> orders-db\norders-service -> orders-db",
        &[
            (
                "supports_horizontal_scaling",
                "billing-service has no load balancer",
                Some("billing-service"),
            ),
            (
                "modularity",
                "0 of 2 services own their data",
                Some("orders-service"),
            ),
        ],
    ),
    (
        "a complexity target below the design's",
        "design targets.complexity=19.9",
        &[("complexity", "0.80 synchronous calls each", None)],
    ),
    (
        "user experience below target",
        "design team.user_experience=89.9",
        &[("user_experience", "89.9: user experience", None)],
    ),
    (
        "accessibility below target",
        "design team.accessibility=0",
        &[("accessibility", "0: accessibility", None)],
    ),
    (
        "responsiveness below target",
        "design team.responsiveness=94",
        &[("responsiveness", "94: responsiveness", None)],
    ),
    (
        "error handling below target",
        "design team.error_handling=79",
        &[("error_handling", "79: error handling", None)],
    ),
];

#[test]
fn every_threshold_line_fails_for_a_named_reason() {
    for (what, change, failures) in THRESHOLD_CASES {
        eprintln!("case: {what}");
        check(&exemplary_with(change), failures);
    }
    for (_, fact, _) in &LINES[14..] {
        assert!(
            THRESHOLD_CASES
                .iter()
                .any(|(_, _, failures)| failures.iter().any(|f| f.0 == *fact)),
            "no failing case for {fact}"
        );
    }
}

#[test]
fn a_figure_equal_to_its_target_passes_and_one_just_beyond_fails() {
    let design = sketch(EXEMPLARY);
    let scorecard = score(&design);
    let facts = &scorecard.facts;
    // (fact, measured value, target key, whether the target is a maximum)
    let figures = [
        (
            "response_time_ms",
            facts.response_time_ms.value,
            "targets.response_time_ms",
            true,
        ),
        (
            "throughput_rps",
            facts.throughput_rps.value,
            "targets.throughput_rps",
            false,
        ),
        (
            "latency_ms",
            facts.latency_ms.value,
            "targets.latency_ms",
            true,
        ),
        (
            "cpu_percent",
            facts.cpu_percent.value,
            "targets.cpu_percent",
            true,
        ),
        (
            "complexity",
            facts.complexity.value,
            "targets.complexity",
            true,
        ),
        (
            "modularity",
            facts.modularity.value,
            "targets.modularity",
            false,
        ),
        (
            "code_quality",
            facts.code_quality.value,
            "targets.code_quality",
            false,
        ),
        (
            "error_handling",
            facts.error_handling.value,
            "targets.error_handling",
            false,
        ),
    ];
    for (fact, value, key, at_most) in figures {
        let value = value.unwrap_or_else(|| panic!("{fact} has a value"));
        // Formatting with `{}` round-trips an f64 exactly, so the target equals the figure.
        let at_target = exemplary_with(&format!("design {key}={value}"));
        assert!(
            line(&score(&at_target), fact).passed,
            "{fact} == target {value} passes"
        );
        let nudge = value.abs().max(1.0) * 1e-9;
        let beyond = if at_most {
            value - nudge
        } else {
            value + nudge
        };
        let mut past_target = design.clone();
        // A target just past a figure of 100 is out of range and refused; nothing to check then.
        if set_field(
            &mut past_target,
            FieldTarget::Design,
            key,
            &beyond.to_string(),
        )
        .is_ok()
        {
            let past_scorecard = score(&past_target);
            let failed = line(&past_scorecard, fact);
            assert!(
                !failed.passed,
                "{fact} with target {beyond} (figure {value}) fails"
            );
            assert_eq!(failed.points, 0.0);
        } else {
            assert_eq!(
                value, 100.0,
                "{fact}: only a figure of 100 has no target beyond it"
            );
        }
    }
}

#[test]
fn scores_are_sums_of_lines_for_every_case_and_template() {
    let mut designs: Vec<Design> = BOOLEAN_CASES
        .iter()
        .chain(THRESHOLD_CASES)
        .map(|(_, change, _)| exemplary_with(change))
        .collect();
    designs.extend(
        archplay::engine::templates::TEMPLATES
            .iter()
            .filter_map(|t| archplay::engine::templates::template(t.name)),
    );
    designs.push(Design::new("empty"));
    for design in &designs {
        check_arithmetic(&score(design));
    }
}

#[test]
fn an_empty_design_fails_the_graph_lines_with_reasons() {
    let scorecard = score(&Design::new("empty"));
    check_arithmetic(&scorecard);
    for fact in [
        "supports_horizontal_scaling",
        "has_load_balancing",
        "has_caching",
        "supports_database_sharding",
        "has_fault_tolerance",
    ] {
        assert!(!line(&scorecard, fact).passed, "{fact}");
    }
    let response = line(&scorecard, "response_time_ms");
    assert!(!response.passed);
    assert!(
        response
            .reason
            .starts_with("unavailable: no client sends traffic"),
        "{}",
        response.reason
    );
}
