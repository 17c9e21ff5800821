//! Whole-design validation, for anything that arrives from outside: a design
//! file, a share link, local storage.
//!
//! It checks with the same field specs the inspector uses, so a file can hold
//! exactly the values a user could have typed, and nothing else.
//!
//! What must stay true:
//! - Every attribute of every component is checked, whether or not its kind
//!   uses it: a field a kind does not use (a service's cache TTL) must still
//!   hold a value its entry accepts, or the value a new component of that kind
//!   is created with (a client's service time of 0). So no design that opens
//!   holds NaN, infinity or a number out of range anywhere, and every way in
//!   (design file, link, snapshot, the worker's import) refuses what
//!   `archplay validate` would refuse.
//! - A message repeats a name only through [`quote`], and the whole error
//!   displays as one line of at most [`MESSAGE_BYTES`] bytes.

use crate::engine::attributes::access::{check_component, get_field};
use crate::engine::attributes::fields::{
    all_fields, connection_fields, design_fields, Access, Applies, FieldSpec, FieldTarget,
    MAX_NAME_LEN,
};
use crate::engine::attributes::simulation_fields::check_simulation;
use crate::engine::model::graph::{flow, Flow};
use crate::engine::model::limits::CANVAS_LIMIT;
use crate::engine::model::{Component, ComponentKind, Design};
use crate::engine::quote::{quote, quote_within, MESSAGE_BYTES};
use std::collections::BTreeSet;
use std::fmt;

pub use crate::engine::model::limits::{MAX_COMPONENTS, MAX_CONNECTIONS};

/// Everything wrong with a design, in the order found (at most 20 listed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// One sentence per problem, naming the component or connection.
    pub problems: Vec<String>,
}

/// One line of at most [`MESSAGE_BYTES`] bytes: the problem, or the count
/// and as many problems as fit, cut with `…` (`problems` holds them all).
impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = match self.problems.as_slice() {
            [only] => only.clone(),
            problems => format!("{} problems: {}", problems.len(), problems.join("; ")),
        };
        write!(f, "{}", quote_within(&line, MESSAGE_BYTES))
    }
}

impl std::error::Error for ValidationError {}

/// Checks every rule a design must satisfy before it replaces the user's work.
pub fn validate(design: &Design) -> Result<(), ValidationError> {
    let mut problems: Vec<String> = Vec::new();
    // Every problem is one short clean line, whatever text it repeats.
    let mut report = |problem: String| {
        if problems.len() < 20 {
            problems.push(quote_within(&problem, MESSAGE_BYTES));
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
        check_attributes(component, report);
        let on_canvas = |v: f64| v.is_finite() && v.abs() <= CANVAS_LIMIT;
        if !on_canvas(component.position.x) || !on_canvas(component.position.y) {
            report(format!(
                "component {} has a position off the canvas (not a number, or beyond {CANVAS_LIMIT})",
                quote(&component.name)
            ));
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

/// Checks every component attribute, the ones its kind does not use included
/// (see the module's header).
fn check_attributes(component: &Component, report: &mut impl FnMut(String)) {
    let fresh = Component::new(component.id, component.kind, &component.name);
    let value_of = |spec: &FieldSpec, of: &Component| match spec.access {
        Access::Component { get, .. } => Some(get(of).to_text()),
        _ => None,
    };
    let component_entries = all_fields().filter(|spec| matches!(spec.applies, Applies::Kinds(_)));
    for spec in component_entries {
        let Some(value) = value_of(spec, component) else {
            continue;
        };
        let used = spec.applies_to_kind(component.kind);
        let who = format!("component {} ({})", component.id.0, quote(&component.name));
        let unused = if used {
            String::new()
        } else {
            format!(
                " (kept though kind `{}` does not use it)",
                component.kind.slug()
            )
        };
        // Text fields are trimmed by the parser; a stored value must already be trimmed.
        match spec.parse(&value) {
            Err(_) if !used && value_of(spec, &fresh).as_ref() == Some(&value) => {}
            Err(error) => report(format!("{who}: {error}{unused}")),
            Ok(_) if value.trim() != value => report(format!(
                "component {}: {} has surrounding spaces",
                component.id.0, spec.label
            )),
            Ok(_) => {}
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
                connection.id.0,
                quote(&from.name)
            ));
        }
        if to.kind == ComponentKind::Client {
            report(format!(
                "connection {} sends traffic into the client {}",
                connection.id.0,
                quote(&to.name)
            ));
        }
        if from.kind == ComponentKind::EventStore && flow(from.kind, to.kind) == Flow::Request {
            report(format!(
                "connection {}: the event store {} cannot call {}",
                connection.id.0,
                quote(&from.name),
                quote(&to.name)
            ));
        }
        if !pairs.insert((connection.from, connection.to)) {
            report(format!(
                "{} is connected to {} twice",
                quote(&from.name),
                quote(&to.name)
            ));
        }
    }
}
