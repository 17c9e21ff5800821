//! Whole-design validation, for anything that arrives from outside: a design
//! file, a share link, local storage.
//!
//! It checks with the same field specs the inspector uses, so a file can hold
//! exactly the values a user could have typed, and nothing else.

use crate::engine::attributes::access::{check_component, get_field};
use crate::engine::attributes::fields::{
    component_fields, connection_fields, design_fields, FieldTarget, MAX_NAME_LEN,
};
use crate::engine::attributes::simulation_fields::check_simulation;
use crate::engine::model::graph::{flow, Flow};
use crate::engine::model::limits::CANVAS_LIMIT;
use crate::engine::model::{ComponentKind, Design};
use std::collections::BTreeSet;
use std::fmt;

pub use crate::engine::model::limits::{MAX_COMPONENTS, MAX_CONNECTIONS};

/// Everything wrong with a design, in the order found (at most 20 listed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// One sentence per problem, naming the component or connection.
    pub problems: Vec<String>,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [only] => write!(f, "{only}"),
            problems => write!(f, "{} problems: {}", problems.len(), problems.join("; ")),
        }
    }
}

impl std::error::Error for ValidationError {}

/// Checks every rule a design must satisfy before it replaces the user's work.
pub fn validate(design: &Design) -> Result<(), ValidationError> {
    let mut problems: Vec<String> = Vec::new();
    let mut report = |problem: String| {
        if problems.len() < 20 {
            problems.push(problem);
        }
    };
    let too_large =
        design.components.len() > MAX_COMPONENTS || design.connections.len() > MAX_CONNECTIONS;
    if design.components.len() > MAX_COMPONENTS {
        report(format!(
            "{} components is more than the {MAX_COMPONENTS} a design may hold",
            design.components.len()
        ));
    }
    if design.connections.len() > MAX_CONNECTIONS {
        report(format!(
            "{} connections is more than the {MAX_CONNECTIONS} a design may hold",
            design.connections.len()
        ));
    }
    if !too_large {
        check_values(design, &mut report);
        check_structure(design, &mut report);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ValidationError { problems })
    }
}

fn check_values(design: &Design, report: &mut impl FnMut(String)) {
    if design.name.chars().count() > MAX_NAME_LEN {
        report(format!(
            "the design name is longer than {MAX_NAME_LEN} characters"
        ));
    }
    for spec in design_fields().iter().filter(|spec| spec.key != "name") {
        if let Some(value) = get_field(design, FieldTarget::Design, spec.key) {
            if let Err(error) = spec.parse(&value) {
                report(format!("design: {error}"));
            }
        }
    }
    if let Err(error) = check_simulation(design, &design.simulation) {
        report(error.to_string());
    }
    for component in &design.components {
        for spec in component_fields(component.kind) {
            if let Some(value) = get_field(design, FieldTarget::Component(component.id), spec.key) {
                // Text fields are trimmed by the parser; a stored value must already be trimmed.
                match spec.parse(&value) {
                    Err(error) => report(format!(
                        "component {} ({}): {error}",
                        component.id.0, component.name
                    )),
                    Ok(_) if value.trim() != value => report(format!(
                        "component {}: {} has surrounding spaces",
                        component.id.0, spec.label
                    )),
                    Ok(_) => {}
                }
            }
        }
        let on_canvas = |v: f64| v.is_finite() && v.abs() <= CANVAS_LIMIT;
        if !on_canvas(component.position.x) || !on_canvas(component.position.y) {
            report(format!("component {} has a position off the canvas (not a number, or beyond {CANVAS_LIMIT})", component.name));
        }
        if let Err(error) = check_component(design, component) {
            report(error.to_string());
        }
    }
    for connection in &design.connections {
        for spec in connection_fields() {
            if let Some(value) = get_field(design, FieldTarget::Connection(connection.id), spec.key)
            {
                if let Err(error) = spec.parse(&value) {
                    report(format!("connection {}: {error}", connection.id.0));
                }
            }
        }
    }
}

fn check_structure(design: &Design, report: &mut impl FnMut(String)) {
    let mut ids = BTreeSet::new();
    for component in &design.components {
        if !ids.insert(component.id) {
            report(format!("component id {} is used twice", component.id.0));
        }
    }
    let mut connection_ids = BTreeSet::new();
    let mut pairs = BTreeSet::new();
    for connection in &design.connections {
        if !connection_ids.insert(connection.id) {
            report(format!("connection id {} is used twice", connection.id.0));
        }
        let (Some(from), Some(to)) = (
            design.component(connection.from),
            design.component(connection.to),
        ) else {
            report(format!(
                "connection {} joins component {} to component {}, and at least one of them does not exist",
                connection.id.0, connection.from.0, connection.to.0
            ));
            continue;
        };
        if connection.from == connection.to {
            report(format!(
                "connection {} joins {} to itself",
                connection.id.0, from.name
            ));
        }
        if to.kind == ComponentKind::Client {
            report(format!(
                "connection {} sends traffic into the client {}",
                connection.id.0, to.name
            ));
        }
        if from.kind == ComponentKind::EventStore && flow(from.kind, to.kind) == Flow::Request {
            report(format!(
                "connection {}: the event store {} cannot call {}",
                connection.id.0, from.name, to.name
            ));
        }
        if !pairs.insert((connection.from, connection.to)) {
            report(format!("{} is connected to {} twice", from.name, to.name));
        }
    }
}
