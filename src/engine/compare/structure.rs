//! What differs in the structure of two designs: design-level attributes,
//! components added, removed and changed, and connections added, removed
//! and changed, each attribute named by its key in the attribute table.
//!
//! What must stay true: components are matched by name and connections by
//! the names of their two ends; values are read through the table's getters
//! and compared as the inspector shows them, so a difference here is one a
//! user could see in the inspector; lists follow A's order, then B's.

use crate::engine::attributes::access::read;
use crate::engine::attributes::fields::{component_fields, connection_fields, design_fields};
use crate::engine::attributes::spec::{FieldSpec, FieldTarget};
use crate::engine::model::{Component, Connection, Design};
use serde::{Deserialize, Serialize};

/// A component as the comparison names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComponentRef {
    /// Its name.
    pub name: String,
    /// Its kind's slug.
    pub kind: String,
}

/// One attribute whose value differs, on the design or on a component
/// present in both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributeChange {
    /// The component, by name; `None` for a design-level attribute.
    pub component: Option<String>,
    /// The attribute's key (`replicas.current`, `workload.requests_per_second`),
    /// or `kind` when a component of the same name is of another kind.
    pub attribute: String,
    /// A's value, as the inspector shows it.
    pub from: String,
    /// B's value.
    pub to: String,
}

/// Components only in B, only in A, and attributes changed on those in both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ComponentChanges {
    /// In B, not in A.
    pub added: Vec<ComponentRef>,
    /// In A, not in B.
    pub removed: Vec<ComponentRef>,
    /// In both, with an attribute that differs (one entry per attribute).
    pub changed: Vec<AttributeChange>,
}

/// A connection as the comparison names it: the names at its ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionRef {
    /// The caller's name.
    pub from: String,
    /// The callee's name.
    pub to: String,
}

/// One attribute of a connection present in both designs whose value differs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionAttributeChange {
    /// The connection.
    pub connection: ConnectionRef,
    /// The attribute's key (`weight`, `path`, `method`, `topics`).
    pub attribute: String,
    /// A's value, as the inspector shows it.
    pub from: String,
    /// B's value.
    pub to: String,
}

/// Connections only in B, only in A, and attributes changed on those in both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConnectionChanges {
    /// In B, not in A.
    pub added: Vec<ConnectionRef>,
    /// In A, not in B.
    pub removed: Vec<ConnectionRef>,
    /// In both, with an attribute that differs (one entry per attribute).
    pub changed: Vec<ConnectionAttributeChange>,
}

/// `spec`'s value on `target` of `design` as the inspector shows it.
fn shown(design: &Design, target: FieldTarget, spec: &FieldSpec) -> Option<String> {
    read(design, target, spec).map(|value| value.to_text())
}

/// The design-level attributes whose values differ, in table order.
pub fn design_changes(a: &Design, b: &Design) -> Vec<AttributeChange> {
    design_fields()
        .iter()
        .filter_map(|spec| {
            let from = shown(a, FieldTarget::Design, spec)?;
            let to = shown(b, FieldTarget::Design, spec)?;
            (from != to).then(|| AttributeChange {
                component: None,
                attribute: spec.key.to_string(),
                from,
                to,
            })
        })
        .collect()
}

fn component_ref(component: &Component) -> ComponentRef {
    ComponentRef {
        name: component.name.clone(),
        kind: component.kind.slug().to_string(),
    }
}

/// Components added, removed and changed from `a` to `b`.
pub fn component_changes(a: &Design, b: &Design) -> ComponentChanges {
    let mut changes = ComponentChanges {
        added: b
            .components
            .iter()
            .filter(|c| a.component_named(&c.name).is_none())
            .map(component_ref)
            .collect(),
        removed: a
            .components
            .iter()
            .filter(|c| b.component_named(&c.name).is_none())
            .map(component_ref)
            .collect(),
        changed: Vec::new(),
    };
    for before in &a.components {
        let Some(after) = b.component_named(&before.name) else {
            continue;
        };
        let change = |attribute: &str, from: String, to: String| AttributeChange {
            component: Some(before.name.clone()),
            attribute: attribute.to_string(),
            from,
            to,
        };
        if before.kind != after.kind {
            changes.changed.push(change(
                "kind",
                before.kind.slug().to_string(),
                after.kind.slug().to_string(),
            ));
        }
        // The attributes both kinds have.
        for spec in component_fields(before.kind) {
            if !spec.applies_to_kind(after.kind) {
                continue;
            }
            let from = shown(a, FieldTarget::Component(before.id), &spec);
            let to = shown(b, FieldTarget::Component(after.id), &spec);
            if let (Some(from), Some(to)) = (from, to) {
                if from != to {
                    changes.changed.push(change(spec.key, from, to));
                }
            }
        }
    }
    changes
}

fn connection_ref(design: &Design, connection: &Connection) -> ConnectionRef {
    ConnectionRef {
        from: design.name_of(connection.from).to_string(),
        to: design.name_of(connection.to).to_string(),
    }
}

/// The connection of `design` between the components named by `ends`.
fn find<'a>(design: &'a Design, ends: &ConnectionRef) -> Option<&'a Connection> {
    design
        .connections
        .iter()
        .find(|c| design.name_of(c.from) == ends.from && design.name_of(c.to) == ends.to)
}

/// Connections added, removed and changed from `a` to `b`.
pub fn connection_changes(a: &Design, b: &Design) -> ConnectionChanges {
    let mut changes = ConnectionChanges::default();
    for connection in &b.connections {
        let ends = connection_ref(b, connection);
        if find(a, &ends).is_none() {
            changes.added.push(ends);
        }
    }
    let fields = connection_fields();
    for before in &a.connections {
        let ends = connection_ref(a, before);
        let Some(after) = find(b, &ends) else {
            changes.removed.push(ends);
            continue;
        };
        for spec in &fields {
            let from = shown(a, FieldTarget::Connection(before.id), spec);
            let to = shown(b, FieldTarget::Connection(after.id), spec);
            if let (Some(from), Some(to)) = (from, to) {
                if from != to {
                    changes.changed.push(ConnectionAttributeChange {
                        connection: ends.clone(),
                        attribute: spec.key.to_string(),
                        from,
                        to,
                    });
                }
            }
        }
    }
    changes
}
