//! The graph rules behind the derived facts, one small design per rule.
//!
//! This file holds the helper and the graph's own rules (flows, the request
//! path, a failing fact naming its component); the facts are grouped by the
//! score they feed: `scalability`, `reliability`, `security`,
//! `maintainability`.

mod maintainability;
mod reliability;
mod scalability;
mod security;

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
