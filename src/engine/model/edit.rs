//! Intents: every change a user can make to a design, as data.
//!
//! The UI turns pointer and keyboard input into an [`Edit`] and hands it to
//! [`apply`]. What must stay true: an edit that returns an error has changed
//! nothing, and an edit that succeeds leaves a design that passes validation.

use crate::engine::attributes::access::set_field;
use crate::engine::attributes::fields::{FieldError, FieldTarget};
use crate::engine::model::graph::connection_problem;
use crate::engine::model::limits::{MAX_COMPONENTS, MAX_CONNECTIONS};
use crate::engine::model::{
    Component, ComponentId, ComponentKind, Connection, ConnectionId, Design, Position,
};
use std::fmt;

/// One user intent.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Place a new component of `kind` at `position` (or at a free spot when `None`).
    AddComponent {
        kind: ComponentKind,
        position: Option<Position>,
    },
    /// Move a component.
    MoveComponent { id: ComponentId, position: Position },
    /// Draw a connection.
    Connect { from: ComponentId, to: ComponentId },
    /// Delete a component and every connection touching it.
    DeleteComponent(ComponentId),
    /// Delete a connection.
    DeleteConnection(ConnectionId),
    /// Set one attribute from typed-in text.
    SetField {
        target: FieldTarget,
        key: String,
        value: String,
    },
}

/// What a successful edit created, so the UI can select it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Created {
    /// Nothing new.
    Nothing,
    /// A new component.
    Component(ComponentId),
    /// A new connection.
    Connection(ConnectionId),
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The component or connection is gone.
    NotFound,
    /// The connection cannot be drawn; the message says why.
    BadConnection(String),
    /// The design has as many components or connections as it may.
    TooLarge(String),
    /// A field value was refused.
    Field(FieldError),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NotFound => write!(f, "that item no longer exists"),
            EditError::BadConnection(why) | EditError::TooLarge(why) => write!(f, "{why}"),
            EditError::Field(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for EditError {}

impl From<FieldError> for EditError {
    fn from(error: FieldError) -> EditError {
        EditError::Field(error)
    }
}

/// Applies `edit` to `design`, or returns why not and leaves it unchanged.
pub fn apply(design: &mut Design, edit: Edit) -> Result<Created, EditError> {
    match edit {
        Edit::AddComponent { kind, position } => {
            if design.components.len() >= MAX_COMPONENTS {
                return Err(EditError::TooLarge(format!(
                    "a design holds at most {MAX_COMPONENTS} components"
                )));
            }
            let id = design.next_component_id();
            let mut component = Component::new(id, kind, &design.unique_name(kind));
            component.position = position
                .map(clamp_position)
                .unwrap_or_else(|| free_spot(design));
            design.components.push(component);
            Ok(Created::Component(id))
        }
        Edit::MoveComponent { id, position } => {
            let component = design.component_mut(id).ok_or(EditError::NotFound)?;
            component.position = clamp_position(position);
            Ok(Created::Nothing)
        }
        Edit::Connect { from, to } => {
            if let Some(problem) = connection_problem(design, from, to) {
                return Err(EditError::BadConnection(problem));
            }
            if design.connections.len() >= MAX_CONNECTIONS {
                return Err(EditError::TooLarge(format!(
                    "a design holds at most {MAX_CONNECTIONS} connections"
                )));
            }
            let id = design.next_connection_id();
            design.connections.push(Connection {
                id,
                from,
                to,
                ..Connection::default()
            });
            Ok(Created::Connection(id))
        }
        Edit::DeleteComponent(id) => {
            let before = design.components.len();
            design.components.retain(|c| c.id != id);
            if design.components.len() == before {
                return Err(EditError::NotFound);
            }
            design.connections.retain(|c| c.from != id && c.to != id);
            // Faults on a deleted component would name nothing; they go with it.
            design
                .simulation
                .faults
                .retain(|fault| fault.component != id);
            Ok(Created::Nothing)
        }
        Edit::DeleteConnection(id) => {
            let before = design.connections.len();
            design.connections.retain(|c| c.id != id);
            if design.connections.len() == before {
                return Err(EditError::NotFound);
            }
            Ok(Created::Nothing)
        }
        Edit::SetField { target, key, value } => {
            set_field(design, target, &key, &value)?;
            Ok(Created::Nothing)
        }
    }
}

pub use crate::engine::model::limits::CANVAS_LIMIT;

/// Keeps a position on the canvas and on whole canvas units: nobody can see a
/// fraction of a unit, and whole numbers keep share links short.
fn clamp_position(position: Position) -> Position {
    let clamp = |v: f64| {
        if v.is_finite() {
            v.clamp(-CANVAS_LIMIT, CANVAS_LIMIT).round()
        } else {
            0.0
        }
    };
    Position {
        x: clamp(position.x),
        y: clamp(position.y),
    }
}

/// The first grid cell, row by row, inside the area from `top_left` to
/// `bottom_right` (the part of the canvas the user can see) that no component
/// occupies; the area's centre when every cell there is taken.
pub fn free_spot_within(design: &Design, top_left: Position, bottom_right: Position) -> Position {
    const CELL_W: f64 = 180.0;
    const CELL_H: f64 = 110.0;
    let (left, top) = (top_left.x + CELL_W / 2.0, top_left.y + CELL_H / 2.0);
    let columns = ((bottom_right.x - top_left.x) / CELL_W)
        .floor()
        .clamp(1.0, 200.0) as usize;
    let rows = ((bottom_right.y - top_left.y) / CELL_H)
        .floor()
        .clamp(1.0, 200.0) as usize;
    let occupied = |p: Position| {
        design.components.iter().any(|c| {
            (c.position.x - p.x).abs() < CELL_W * 0.75 && (c.position.y - p.y).abs() < CELL_H * 0.75
        })
    };
    let centre = Position {
        x: (top_left.x + bottom_right.x) / 2.0,
        y: (top_left.y + bottom_right.y) / 2.0,
    };
    let spot = (0..columns * rows)
        .map(|cell| Position {
            x: left + (cell % columns) as f64 * CELL_W,
            y: top + (cell / columns) as f64 * CELL_H,
        })
        .find(|p| !occupied(*p))
        .unwrap_or(centre);
    clamp_position(spot)
}

/// The first grid cell, row by row, that no component occupies.
pub fn free_spot(design: &Design) -> Position {
    const CELL_W: f64 = 180.0;
    const CELL_H: f64 = 110.0;
    const COLUMNS: usize = 6;
    let occupied = |p: Position| {
        design.components.iter().any(|c| {
            (c.position.x - p.x).abs() < CELL_W * 0.75 && (c.position.y - p.y).abs() < CELL_H * 0.75
        })
    };
    (0..)
        .map(|cell: usize| Position {
            x: 100.0 + (cell % COLUMNS) as f64 * CELL_W,
            y: 80.0 + (cell / COLUMNS) as f64 * CELL_H,
        })
        .take(MAX_COMPONENTS + 1)
        .find(|p| !occupied(*p))
        .unwrap_or(Position { x: 100.0, y: 80.0 })
}
