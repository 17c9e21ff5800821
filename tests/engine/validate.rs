//! Whole-design validation of designs built directly (as a file or a link
//! could describe them), bypassing the editor's checks.

use crate::{sketch, EXEMPLARY};
use archplay::engine::model::validate::{validate, MAX_COMPONENTS};
use archplay::engine::model::{
    Component, ComponentId, ComponentKind, Connection, ConnectionId, Design, ShardRange,
};
use archplay::engine::templates::{template, TEMPLATES};

/// Breaks a valid design in one way and checks validation names the problem.
#[track_caller]
fn check(break_it: impl FnOnce(&mut Design), words: &str) {
    let mut design = sketch("client web\nservice api\ndatabase db\nweb -> api\napi -> db");
    assert!(validate(&design).is_ok());
    break_it(&mut design);
    let error = validate(&design).expect_err("the broken design should be refused");
    assert!(
        error.problems.iter().any(|p| p.contains(words)),
        "problems {:?} should include {words:?}",
        error.problems
    );
}

fn component<'a>(design: &'a mut Design, name: &str) -> &'a mut Component {
    design
        .components
        .iter_mut()
        .find(|c| c.name == name)
        .unwrap()
}

fn connect(design: &mut Design, from: u32, to: u32) {
    let id = design.next_connection_id();
    design.connections.push(Connection {
        id,
        from: ComponentId(from),
        to: ComponentId(to),
        ..Connection::default()
    });
}

#[test]
fn valid_designs_pass() {
    assert!(validate(&Design::new("empty")).is_ok());
    assert!(validate(&sketch(EXEMPLARY)).is_ok());
    for info in TEMPLATES {
        let design = template(info.name).unwrap();
        validate(&design).unwrap_or_else(|e| panic!("{}: {e}", info.name));
    }
}

#[test]
fn structural_problems_are_named() {
    check(
        |d| d.components[1].id = ComponentId(0),
        "component id 0 is used twice",
    );
    check(
        |d| d.connections[1].id = ConnectionId(0),
        "connection id 0 is used twice",
    );
    check(
        |d| connect(d, 1, 42),
        "connection 2 joins component 1 to component 42, and at least one of them does not exist",
    );
    check(|d| connect(d, 1, 1), "connection 2 joins api to itself");
    check(
        |d| connect(d, 1, 0),
        "connection 2 sends traffic into the client web",
    );
    check(|d| connect(d, 0, 1), "web is connected to api twice");
    check(
        |d| {
            d.components.push(Component::new(
                ComponentId(9),
                ComponentKind::EventStore,
                "log",
            ));
            connect(d, 9, 1);
        },
        "connection 2: the event store log cannot call api",
    );
    check(
        |d| component(d, "db").name = "api".into(),
        "another component is already named `api`",
    );
}

#[test]
fn values_out_of_their_fields_ranges_are_named() {
    check(
        |d| component(d, "api").service_time_ms = -1.0,
        "component 1 (api): Service time must be between 0.001 and 60000 ms",
    );
    check(
        |d| component(d, "api").service_time_ms = f64::NAN,
        "component 1 (api): Service time: `NaN` is not a number",
    );
    check(
        |d| component(d, "api").concurrency = 0,
        "component 1 (api): Concurrency per replica must be between 1 and 10000",
    );
    check(
        |d| component(d, "api").position.x = f64::INFINITY,
        "component api has a position off the canvas",
    );
    check(
        |d| component(d, "api").position.y = -1e9,
        "component api has a position off the canvas",
    );
    check(
        |d| component(d, "api").name = " api".into(),
        "component 1: Name has surrounding spaces",
    );
    check(
        |d| component(d, "api").name = "x".repeat(61),
        "Name: at most 60 characters",
    );
    check(
        |d| component(d, "api").replicas.current = 20,
        "api: replicas (20) must lie between min (1) and max (10)",
    );
    check(
        |d| {
            component(d, "db").shards = vec![
                ShardRange { start: 0, end: 600 },
                ShardRange {
                    start: 500,
                    end: 1000,
                },
            ]
        },
        "overlap",
    );
    check(
        |d| component(d, "db").shards = vec![ShardRange { start: 10, end: 5 }],
        "range 10..5 is empty",
    );
    check(
        |d| {
            component(d, "db").shards = vec![ShardRange {
                start: 0,
                end: 5000,
            }]
        },
        "ends beyond the key space",
    );
    check(
        |d| d.workload.read_share = 1.5,
        "design: Read share must be between 0 and 1",
    );
    check(
        |d| d.workload.key_space = 0,
        "design: Key space must be between 1 and 1000000000",
    );
    check(
        |d| d.targets.cpu_percent = f64::NEG_INFINITY,
        "design: CPU utilisation: `-inf` is not a number",
    );
    check(
        |d| d.name = "n".repeat(61),
        "the design name is longer than 60 characters",
    );
    check(
        |d| d.connections[0].weight = -1.0,
        "connection 0: Weight must be between 0 and 1000000",
    );
    check(
        |d| d.connections[0].path = "no-slash".into(),
        "connection 0",
    );
}

#[test]
fn oversized_designs_are_refused_by_count_and_problems_are_capped() {
    let mut design = Design::new("huge");
    for i in 0..=MAX_COMPONENTS as u32 {
        design.components.push(Component::new(
            ComponentId(i),
            ComponentKind::Service,
            &format!("s{i}"),
        ));
    }
    let error = validate(&design).unwrap_err();
    assert_eq!(
        error.problems,
        vec!["501 components is more than the 500 a design may hold".to_string()]
    );
    assert_eq!(
        error.to_string(),
        "501 components is more than the 500 a design may hold"
    );

    let mut many = Design::new("many problems");
    for i in 0..30u32 {
        let mut service = Component::new(ComponentId(i), ComponentKind::Service, &format!("s{i}"));
        service.concurrency = 0;
        many.components.push(service);
    }
    let error = validate(&many).unwrap_err();
    assert_eq!(error.problems.len(), 20, "at most 20 problems are listed");
    assert!(error.to_string().starts_with("20 problems: "), "{error}");
}
