//! Facts behind the maintainability score: modularity, complexity, and the
//! team inputs reported as entered.

use super::*;

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
