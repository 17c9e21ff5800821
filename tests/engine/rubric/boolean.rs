//! The rubric's yes-or-no lines: each case changes the exemplary design one
//! way and lists the lines that must then fail, with words of their reason.

use super::*;

pub(super) const BOOLEAN_CASES: &[Case] = &[
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
