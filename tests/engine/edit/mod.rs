//! Edits: what each intent does, what it refuses, and that a refused edit
//! changes nothing while an accepted one leaves a valid design.
//!
//! This file holds each intent's own checks; `random` holds the seeded
//! property over random edits.

mod random;

use crate::{connection_between, id_of, sketch, SplitMix, EXEMPLARY};
use archplay::engine::attributes::fields::{
    component_fields, connection_fields, design_fields, FieldTarget,
};
use archplay::engine::model::edit::{apply, Created, Edit, EditError, CANVAS_LIMIT};
use archplay::engine::model::validate::{validate, MAX_COMPONENTS};
use archplay::engine::model::{ComponentId, ComponentKind, ConnectionId, Design, Position};

/// Applies `edit`, expects a refusal whose message contains `words`, and
/// checks the design is exactly as it was.
#[track_caller]
fn check_refused(design: &mut Design, edit: Edit, words: &str) -> EditError {
    let before = design.clone();
    let error = apply(design, edit).expect_err("the edit should be refused");
    assert!(
        error.to_string().contains(words),
        "message {:?} should contain {words:?}",
        error.to_string()
    );
    assert_eq!(*design, before, "a refused edit changes nothing");
    error
}

#[test]
fn adding_components_gives_fresh_ids_and_unique_names() {
    let mut design = Design::new("d");
    let mut ids = Vec::new();
    for _ in 0..3 {
        let created = apply(
            &mut design,
            Edit::AddComponent {
                kind: ComponentKind::Service,
                position: None,
            },
        )
        .unwrap();
        let Created::Component(id) = created else {
            panic!("expected a component, got {created:?}")
        };
        ids.push(id);
    }
    assert_eq!(ids, vec![ComponentId(0), ComponentId(1), ComponentId(2)]);
    let names: Vec<&str> = design.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["service-1", "service-2", "service-3"]);
    // Components placed without a position do not land on top of each other.
    let positions: Vec<Position> = design.components.iter().map(|c| c.position).collect();
    assert!(
        positions[0] != positions[1] && positions[1] != positions[2],
        "{positions:?}"
    );
    assert!(validate(&design).is_ok());
}

#[test]
fn moving_clamps_to_the_canvas_and_ignores_non_numbers() {
    let mut design = sketch("service a");
    let id = id_of(&design, "a");
    apply(
        &mut design,
        Edit::MoveComponent {
            id,
            position: Position { x: 1e12, y: -1e12 },
        },
    )
    .unwrap();
    assert_eq!(
        design.component(id).unwrap().position,
        Position {
            x: CANVAS_LIMIT,
            y: -CANVAS_LIMIT
        }
    );
    apply(
        &mut design,
        Edit::MoveComponent {
            id,
            position: Position {
                x: f64::NAN,
                y: f64::INFINITY,
            },
        },
    )
    .unwrap();
    assert_eq!(
        design.component(id).unwrap().position,
        Position { x: 0.0, y: 0.0 }
    );
    check_refused(
        &mut design,
        Edit::MoveComponent {
            id: ComponentId(99),
            position: Position::default(),
        },
        "no longer exists",
    );
}

#[test]
fn connections_that_make_no_sense_are_refused() {
    let mut design = sketch("client web\nservice api\nevent_store log\nmonitoring m\nweb -> api");
    let (web, api, log, m) = (
        id_of(&design, "web"),
        id_of(&design, "api"),
        id_of(&design, "log"),
        id_of(&design, "m"),
    );
    check_refused(
        &mut design,
        Edit::Connect { from: api, to: api },
        "api cannot connect to itself",
    );
    check_refused(
        &mut design,
        Edit::Connect { from: api, to: web },
        "web is a client: clients send traffic but receive none",
    );
    check_refused(
        &mut design,
        Edit::Connect { from: web, to: api },
        "web is already connected to api",
    );
    check_refused(
        &mut design,
        Edit::Connect { from: log, to: api },
        "log is an event store: it answers queries but calls nothing",
    );
    check_refused(
        &mut design,
        Edit::Connect {
            from: api,
            to: ComponentId(77),
        },
        "both ends of a connection must exist",
    );
    // The reverse direction is a different connection, and observation out of an event store is fine.
    assert!(matches!(
        apply(&mut design, Edit::Connect { from: api, to: log }),
        Ok(Created::Connection(_))
    ));
    assert!(apply(&mut design, Edit::Connect { from: log, to: m }).is_ok());
    assert!(validate(&design).is_ok());
}

#[test]
fn deleting_a_component_removes_its_connections() {
    let mut design = sketch(EXEMPLARY);
    let service = id_of(&design, "orders-service");
    let touching = design
        .connections
        .iter()
        .filter(|c| c.from == service || c.to == service)
        .count();
    assert_eq!(touching, 3, "edge, cache and monitor connections");
    let connections_before = design.connections.len();
    apply(&mut design, Edit::DeleteComponent(service)).unwrap();
    assert!(design.component(service).is_none());
    assert_eq!(design.connections.len(), connections_before - touching);
    assert!(design
        .connections
        .iter()
        .all(|c| c.from != service && c.to != service));
    assert!(validate(&design).is_ok());
    check_refused(
        &mut design,
        Edit::DeleteComponent(service),
        "no longer exists",
    );
}

#[test]
fn deleting_a_connection_removes_only_it() {
    let mut design = sketch(EXEMPLARY);
    let id = connection_between(&design, "edge", "auth");
    let before = design.clone();
    apply(&mut design, Edit::DeleteConnection(id)).unwrap();
    assert_eq!(design.connections.len(), before.connections.len() - 1);
    assert_eq!(design.components, before.components);
    check_refused(&mut design, Edit::DeleteConnection(id), "no longer exists");
}

#[test]
fn ids_are_not_reused_after_deleting_the_newest() {
    // A deleted id may come back only if nothing refers to it any more.
    let mut design = sketch("service a\nservice b\na -> b");
    let b = id_of(&design, "b");
    apply(&mut design, Edit::DeleteComponent(b)).unwrap();
    let Created::Component(c) = apply(
        &mut design,
        Edit::AddComponent {
            kind: ComponentKind::Cache,
            position: None,
        },
    )
    .unwrap() else {
        panic!("no component")
    };
    assert!(
        design.connections.iter().all(|conn| conn.to != c),
        "no stale connection points at the new component"
    );
}

#[test]
fn a_design_holds_at_most_the_maximum_number_of_components() {
    let mut design = Design::new("big");
    for i in 0..MAX_COMPONENTS {
        let position = Some(Position {
            x: (i % 25) as f64 * 200.0,
            y: (i / 25) as f64 * 120.0,
        });
        apply(
            &mut design,
            Edit::AddComponent {
                kind: ComponentKind::Service,
                position,
            },
        )
        .unwrap();
    }
    let error = check_refused(
        &mut design,
        Edit::AddComponent {
            kind: ComponentKind::Cache,
            position: None,
        },
        "at most 500 components",
    );
    assert!(matches!(error, EditError::TooLarge(_)));
    assert!(validate(&design).is_ok());
}

/// Regression: a palette click placed the new component at (1000, 80), outside
/// the part of the canvas the user could see. A spot chosen within the visible
/// area must lie inside it and clear of every existing component.
#[test]
fn a_free_spot_within_the_visible_area_lies_inside_it_and_is_free() {
    use archplay::engine::model::edit::free_spot_within;
    use archplay::engine::model::Position;
    let design = archplay::engine::templates::template("microservices").expect("template");
    let (top_left, bottom_right) = (
        Position {
            x: -100.0,
            y: -50.0,
        },
        Position { x: 900.0, y: 700.0 },
    );
    let spot = free_spot_within(&design, top_left, bottom_right);
    assert!(
        spot.x >= top_left.x
            && spot.x <= bottom_right.x
            && spot.y >= top_left.y
            && spot.y <= bottom_right.y,
        "{spot:?}"
    );
    for component in &design.components {
        let clear = (component.position.x - spot.x).abs() >= 135.0
            || (component.position.y - spot.y).abs() >= 82.5;
        assert!(clear, "{spot:?} overlaps {}", component.name);
    }
}
