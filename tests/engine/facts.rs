//! The graph rules behind the derived facts, one small design per rule.

use crate::{assert_close, id_of, sketch};
use archplay::engine::model::graph::{flow, request_path, Flow};
use archplay::engine::model::{ComponentKind as K, Design};
use archplay::engine::score::facts::{derive, Fact, Facts};

/// Derives the facts of a sketch and checks one fact: whether it holds and
/// words its reason contains.
#[track_caller]
fn check(text: &str, pick: impl Fn(&Facts) -> Fact, holds: bool, words: &str) {
    let design = sketch(text);
    let facts = derive(&design);
    let fact = pick(&facts);
    let fact = &fact;
    assert_eq!(fact.holds, holds, "reason: {}", fact.reason);
    assert!(
        fact.reason.contains(words),
        "reason {:?} should contain {words:?}",
        fact.reason
    );
    assert_eq!(fact.fix.is_empty(), holds, "fix: {:?}", fact.fix);
}

#[test]
fn flows_follow_the_kinds_at_both_ends() {
    let cases = [
        (K::Client, K::ApiGateway, Flow::Request),
        (K::Service, K::Database, Flow::Request),
        (K::Service, K::EventBus, Flow::Publish),
        (K::Service, K::EventStore, Flow::Publish),
        (K::EventBus, K::Service, Flow::Deliver),
        (K::EventBus, K::EventStore, Flow::Deliver),
        (K::Monitoring, K::Service, Flow::Observe),
        (K::Service, K::Monitoring, Flow::Observe),
        (K::Service, K::ServiceRegistry, Flow::Observe),
        (K::ServiceRegistry, K::Service, Flow::Observe),
    ];
    for (from, to, expected) in cases {
        assert_eq!(flow(from, to), expected, "{from:?} -> {to:?}");
    }
}

#[test]
fn the_request_path_follows_requests_and_publishes_but_not_observation() {
    let design = sketch(
        "
client web
service api
database db
event_bus bus
service subscriber
monitoring monitor
service_registry registry
service orphan
web -> api
api -> db
api -> bus
bus -> subscriber
monitor -> orphan
api -> registry
",
    );
    let on_path = request_path(&design);
    let expected = [
        ("web", true),
        ("api", true),
        ("db", true),
        ("bus", true),
        ("subscriber", false),
        ("monitor", false),
        ("registry", false),
        ("orphan", false),
    ];
    for (name, on) in expected {
        let idx = design
            .components
            .iter()
            .position(|c| c.name == name)
            .unwrap();
        assert_eq!(on_path[idx], on, "{name} on the request path");
    }
}

const LONE: &str = "client web\nservice api replicas.current=2\nweb -> api\n";

#[test]
fn a_service_is_balanced_behind_a_balancer_a_bus_or_a_registry() {
    let scaling = |f: &Facts| f.supports_horizontal_scaling.clone();
    check(
        LONE,
        scaling,
        false,
        "api has no load balancer, gateway or registry",
    );
    check(
        "client web\nload_balancer lb\nservice api\nweb -> lb\nlb -> api",
        scaling,
        true,
        "the one service can add replicas",
    );
    check(
        "client web\napi_gateway edge\nservice api\nweb -> edge\nedge -> api",
        scaling,
        true,
        "the one service can add replicas",
    );
    check(
        &format!("{LONE}service_registry registry\napi -> registry"),
        scaling,
        true,
        "the one service can add replicas",
    );
    check(
        &format!("{LONE}service_registry registry\nregistry -> api"),
        scaling,
        true,
        "the one service can add replicas",
    );
    check(
        &format!("{LONE}event_bus bus\nservice worker\napi -> bus\nbus -> worker\nservice_registry r\napi -> r"),
        scaling,
        true,
        "all 2",
    );
    check(
        "client web\nservice api\nweb -> api\nset api replicas.max=1",
        scaling,
        false,
        "api can run at most 1 replica",
    );
    check("client web", scaling, false, "no services");
}

#[test]
fn load_balancing_needs_a_balancer_on_the_path_and_every_replicated_service_behind_one() {
    let balancing = |f: &Facts| f.has_load_balancing.clone();
    check(
        LONE,
        balancing,
        false,
        "no load balancer or gateway is on the request path",
    );
    check(
        "client web\nload_balancer lb\nservice api replicas.current=2\nweb -> lb\nlb -> api",
        balancing,
        true,
        "1 balancer on the request path",
    );
    // A balancer that is not on the request path does not count.
    check(
        &format!("{LONE}load_balancer lb"),
        balancing,
        false,
        "no load balancer",
    );
    check(
        "client web\nload_balancer lb\nservice api\nservice worker replicas.current=3\nweb -> lb\nlb -> api",
        balancing,
        false,
        "worker runs 3 replicas but nothing balances",
    );
}

#[test]
fn caching_and_sharding_count_only_on_the_request_path() {
    let caching = |f: &Facts| f.has_caching.clone();
    check(
        "client web\nservice api\ncache c\ndatabase d\nweb -> api\napi -> c\nc -> d",
        caching,
        true,
        "c answers an estimated 80% of reads",
    );
    check(
        "client web\nservice api\ncache c\nweb -> api\nc -> api",
        caching,
        false,
        "no cache is on the request path",
    );
    let sharding = |f: &Facts| f.supports_database_sharding.clone();
    check(
        "client web\nservice api\ndatabase db shards=0..500,500..1000\nweb -> api\napi -> db",
        sharding,
        true,
        "into 2 range shards",
    );
    check(
        "client web\nservice api\ndatabase db shards=0..1000\nweb -> api\napi -> db",
        sharding,
        false,
        "db is not sharded",
    );
    check(
        "client web\nservice api\ndatabase db shards=0..500,500..1000",
        sharding,
        false,
        "no database is on the request path",
    );
    check(
        "client web\nservice api\ndatabase db shards=0..10,20..1000\nweb -> api\napi -> db",
        sharding,
        false,
        "leave 10 of 1000 keys unowned",
    );
}

#[test]
fn fault_tolerance_needs_two_of_everything_and_health_checks_on_services() {
    let fault = |f: &Facts| f.has_fault_tolerance.clone();
    let balanced =
        "client web\nload_balancer lb replicas.max=2 replicas.current=2\nservice api replicas.current=2\nweb -> lb\nlb -> api\n";
    check(balanced, fault, true, "every component on the request path");
    check(
        &format!("{balanced}set lb health_check.enabled=false"),
        fault,
        false,
        "nothing health-checks api",
    );
    check(
        &format!("{balanced}set lb replicas.current=1"),
        fault,
        false,
        "lb runs 1 replica: it is a single point of failure",
    );
    check(
        &format!("{balanced}set api replicas.current=1"),
        fault,
        false,
        "api runs 1 replica: it is",
    );
    // Regression: no replica at all used to read "runs 0 replica".
    check(
        &format!("{balanced}set api replicas.min=0\nset api replicas.current=0"),
        fault,
        false,
        "api runs 0 replicas: it is",
    );
    check(
        "client web\nservice api\nweb -> api",
        fault,
        false,
        "api runs 1 replica and no load balancer in front",
    );
    check(
        &format!("{balanced}database db\napi -> db"),
        fault,
        false,
        "db has no read replica to fail over to",
    );
    check(
        &format!("{balanced}database db read_replicas=1\napi -> db"),
        fault,
        true,
        "every component",
    );
    // A gateway's health checks count too.
    check(
        "client web\napi_gateway edge replicas.max=2 replicas.current=2 health_check.enabled=true\nservice api replicas.current=2\nweb -> edge\nedge -> api",
        fault,
        true,
        "services sit behind health checks",
    );
    check(
        "service api replicas.current=2",
        fault,
        false,
        "no component is on the request path",
    );
}

#[test]
fn redundancy_and_backups_cover_every_data_store_on_or_off_the_path() {
    let redundancy = |f: &Facts| f.has_redundancy.clone();
    check(
        "client web",
        redundancy,
        false,
        "the design holds no data store",
    );
    check(
        "database db read_replicas=1\ncache c replicas.max=2 replicas.current=2",
        redundancy,
        true,
        "all 2 data stores",
    );
    check(
        "database db read_replicas=1\ncache c",
        redundancy,
        false,
        "c keeps a single copy",
    );
    check(
        "event_bus bus replicas.max=3 replicas.current=3\nevent_store log",
        redundancy,
        false,
        "log keeps a single copy",
    );
    let backup = |f: &Facts| f.has_backup_recovery.clone();
    check(
        "cache c",
        backup,
        false,
        "no database or event store holds data",
    );
    check(
        "database db backup=true\nevent_store log backup=true",
        backup,
        true,
        "all 2 databases and event stores",
    );
    check(
        "database db backup=true\nevent_store log",
        backup,
        false,
        "log has no backup",
    );
}

#[test]
fn monitoring_must_watch_every_workload_on_the_path_in_either_direction() {
    let monitoring = |f: &Facts| f.has_monitoring.clone();
    let path = "client web\nservice api\ndatabase db\nweb -> api\napi -> db\nmonitoring m\n";
    check(
        "client web\nservice api\nweb -> api",
        monitoring,
        false,
        "the design has no monitoring",
    );
    check(
        &format!("{path}m -> api"),
        monitoring,
        false,
        "nothing monitors db",
    );
    check(
        &format!("{path}m -> api\nm -> db"),
        monitoring,
        true,
        "watches every component",
    );
    check(
        &format!("{path}api -> m\ndb -> m"),
        monitoring,
        true,
        "watches every component",
    );
    // Components off the request path need no watching.
    check(
        &format!("{path}m -> api\nm -> db\nservice idle"),
        monitoring,
        true,
        "watches every component",
    );
    let alerting = |f: &Facts| f.has_alerting.clone();
    check(path, alerting, false, "m has no alert rules");
    check(
        &format!("{path}monitoring m2 alerting=true"),
        alerting,
        true,
        "m2 has alert rules",
    );
}

#[test]
fn authentication_is_checked_at_every_entry_point() {
    let auth = |f: &Facts| f.has_authentication.clone();
    let gateway = "client web\napi_gateway edge security.authentication=true\nauth_provider idp\nweb -> edge\nedge -> idp\n";
    check(gateway, auth, true, "every entry point authenticates");
    check("service api", auth, false, "no client reaches the design");
    check(
        &format!("{gateway}service side\nweb -> side"),
        auth,
        false,
        "side accepts client requests without authentication",
    );
    check(
        "client web\napi_gateway edge security.authentication=true\nweb -> edge",
        auth,
        false,
        "edge requires authentication but no auth provider",
    );
    // Only the entry point matters: services behind it need not authenticate again.
    check(
        &format!("{gateway}service api\nedge -> api"),
        auth,
        true,
        "every entry point",
    );
}

#[test]
fn authorization_encryption_and_audit_apply_to_the_request_path() {
    let authorization = |f: &Facts| f.has_authorization.clone();
    check(
        "client web\nservice api security.authorization=true\nweb -> api",
        authorization,
        true,
        "api, the only one of the services on the request path, has authorization",
    );
    check(
        "client web\nservice api\nweb -> api",
        authorization,
        false,
        "api has no authorization",
    );
    check(
        "client web\nservice api security.authorization=true\nweb -> api\nservice idle",
        authorization,
        true,
        "api, the only one of the services on the request path, has authorization",
    );
    check(
        "client web",
        authorization,
        false,
        "no services are on the request path",
    );

    let encryption = |f: &Facts| f.has_encryption.clone();
    let tls = "client web\nservice api security.tls=true\ndatabase db security.tls=true security.encryption_at_rest=true\nweb -> api\napi -> db\n";
    check(tls, encryption, true, "TLS on every hop");
    check(
        &format!("{tls}set db security.tls=false"),
        encryption,
        false,
        "traffic to db is not encrypted",
    );
    // Data at rest is checked anywhere in the design, on the path or not.
    check(
        &format!("{tls}cache spare security.tls=true"),
        encryption,
        false,
        "spare stores data unencrypted",
    );
    check(
        "service api security.tls=true",
        encryption,
        false,
        "no component is on the request path",
    );

    let audit = |f: &Facts| f.has_audit_logging.clone();
    let audited = "client web\napi_gateway edge security.audit_logging=true\nservice api security.audit_logging=true\nweb -> edge\nedge -> api\n";
    check(audited, audit, true, "all 2 services, gateways");
    check(
        &format!("{audited}set edge security.audit_logging=false"),
        audit,
        false,
        "edge has no audit logging",
    );
    // Caches are not among the audited kinds.
    check(&format!("{audited}cache c\napi -> c"), audit, true, "all 2");
}

#[test]
fn vulnerability_scanning_is_a_team_input() {
    let scanning = |f: &Facts| f.has_vulnerability_scanning.clone();
    check("client web", scanning, false, "no vulnerability scanning");
    check(
        "design team.vulnerability_scanning=true",
        scanning,
        true,
        "part of the team's process",
    );
}

fn modularity_of(text: &str) -> (f64, String, Option<String>) {
    let design: Design = sketch(text);
    let measure = derive(&design).modularity;
    let component = measure.component.map(|id| design.name_of(id).to_string());
    (measure.value.unwrap(), measure.reason, component)
}

#[test]
fn modularity_is_the_share_of_services_that_own_their_data_and_sit_in_no_loop() {
    assert_eq!(
        modularity_of("client web").0,
        100.0,
        "no services: nothing coupled"
    );
    let own = "service a\nservice b\ndatabase da\ndatabase db\na -> da\nb -> db";
    assert_eq!(
        modularity_of(own),
        (
            100.0,
            "all 2 services own their data and sit in no call loop".into(),
            None
        )
    );
    let (value, reason, component) =
        modularity_of("service a\nservice b\nservice c\ndatabase shared\na -> shared\nb -> shared");
    assert_close(value, 100.0 / 3.0, "c alone is modular");
    assert!(reason.contains("1 of 3 services"), "{reason}");
    assert_eq!(component.as_deref(), Some("a"));
    let (value, _, component) = modularity_of("service a\nservice b\nservice c\na -> b\nb -> a");
    assert_close(value, 100.0 / 3.0, "a and b call in a loop");
    assert_eq!(component.as_deref(), Some("a"));
    // Sharing through a cache is not sharing a database directly.
    assert_eq!(
        modularity_of("service a\nservice b\ncache c\ndatabase d\na -> c\nc -> d\nb -> c").0,
        100.0
    );
}

#[test]
fn complexity_is_25_per_average_call_plus_20_per_looping_service() {
    let complexity = |text: &str| derive(&sketch(text)).complexity.value.unwrap();
    assert_eq!(complexity("client web"), 0.0);
    // Workloads: a, b, db (clients and monitoring excluded). Calls: a -> b, b -> db (the client's call is not counted).
    assert_close(
        complexity("client web\nservice a\nservice b\ndatabase db\nmonitoring m\nweb -> a\na -> b\nb -> db\nm -> a"),
        25.0 * 2.0 / 3.0,
        "fan-out",
    );
    // Publishing and observing are not synchronous calls.
    assert_close(
        complexity("service a\nevent_bus bus\nservice_registry r\na -> bus\na -> r"),
        0.0,
        "no calls",
    );
    // a -> b -> a: 2 calls over 2 workloads, 2 looping services.
    assert_close(
        complexity("service a\nservice b\na -> b\nb -> a"),
        25.0 + 40.0,
        "loop",
    );
    // Capped at 100.
    assert_eq!(
        complexity(
            "service a\nservice b\nservice c\na -> b\nb -> c\nc -> a\na -> c\nc -> b\nb -> a"
        ),
        100.0
    );
}

#[test]
fn team_inputs_are_reported_as_entered() {
    let design = sketch("design team.code_quality=42.5 team.responsiveness=99");
    let facts = derive(&design);
    assert_eq!(facts.code_quality.value, Some(42.5));
    assert_eq!(facts.responsiveness.value, Some(99.0));
    assert!(
        facts.code_quality.reason.contains("as entered"),
        "{}",
        facts.code_quality.reason
    );
}

#[test]
fn a_failing_fact_points_at_the_component_it_names() {
    let design = sketch("client web\nservice api\nweb -> api");
    let facts = derive(&design);
    assert_eq!(
        facts.has_fault_tolerance.component,
        Some(id_of(&design, "api"))
    );
    assert_eq!(
        facts.has_authentication.component,
        Some(id_of(&design, "api"))
    );
    assert_eq!(
        facts.has_caching.component, None,
        "a missing cache is no component's fault"
    );
}
