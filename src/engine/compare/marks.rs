//! What the canvas marks when design B (on the canvas) is compared with
//! design A: B's components that A lacks, B's components whose attributes or
//! connections changed, and B's ids of every component the comparison names
//! (so a listed change can be revealed on the canvas).
//!
//! What must stay true: every id is one of B's; a component is marked once,
//! added before changed; lists follow the comparison's order.

use super::Comparison;
use crate::engine::model::{ComponentId, Design};
use serde::{Deserialize, Serialize};

/// B's components to mark, and B's ids by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CanvasMarks {
    /// B's components not in A.
    pub added: Vec<ComponentId>,
    /// B's components in A with an attribute or a connection (from them) changed.
    pub changed: Vec<ComponentId>,
    /// B's component ids by name, for every component of B the comparison names.
    pub ids: Vec<(String, ComponentId)>,
}

/// The marks of `comparison`, whose design B is `b`.
pub fn canvas_marks(comparison: &Comparison, b: &Design) -> CanvasMarks {
    let id = |name: &str| b.components.iter().find(|c| c.name == name).map(|c| c.id);
    let added: Vec<ComponentId> = comparison
        .components
        .added
        .iter()
        .filter_map(|component| id(&component.name))
        .collect();
    let connections = &comparison.connections;
    let changed_names = comparison
        .components
        .changed
        .iter()
        .filter_map(|change| change.component.as_deref())
        .chain(
            connections
                .added
                .iter()
                .chain(&connections.removed)
                .chain(connections.changed.iter().map(|c| &c.connection))
                .map(|c| c.from.as_str()),
        );
    let mut changed: Vec<ComponentId> = Vec::new();
    for component in changed_names.filter_map(id) {
        if !added.contains(&component) && !changed.contains(&component) {
            changed.push(component);
        }
    }
    let named = comparison
        .components
        .added
        .iter()
        .map(|c| c.name.as_str())
        .chain(
            comparison
                .components
                .changed
                .iter()
                .filter_map(|c| c.component.as_deref()),
        )
        .chain(
            connections
                .added
                .iter()
                .chain(&connections.removed)
                .chain(connections.changed.iter().map(|c| &c.connection))
                .flat_map(|c| [c.from.as_str(), c.to.as_str()]),
        );
    let mut ids: Vec<(String, ComponentId)> = Vec::new();
    for name in named {
        if ids.iter().all(|(known, _)| known != name) {
            if let Some(component) = id(name) {
                ids.push((name.to_string(), component));
            }
        }
    }
    CanvasMarks {
        added,
        changed,
        ids,
    }
}
