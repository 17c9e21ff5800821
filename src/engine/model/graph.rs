//! What flows along a connection, derived from the kinds at its two ends, and
//! the graph queries the facts and the estimate share.
//!
//! Users draw plain arrows; the engine decides whether an arrow carries
//! requests, events or observation, so a design cannot say one thing on the
//! canvas and another in an attribute.

use crate::engine::model::{ComponentId, ComponentKind, Connection, Design};

/// What a connection carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Synchronous calls: the caller waits for the answer.
    Request,
    /// Events published to a bus or event store: the publisher waits until the
    /// bus accepts the event (the seed's Publish fails when the channel is
    /// full), but never for the subscribers that later handle it.
    Publish,
    /// Events delivered by a bus to a subscriber or an event store.
    Deliver,
    /// Monitoring, registration or discovery: no request traffic.
    Observe,
}

/// The flow of a connection from a `from`-kind component to a `to`-kind one.
pub fn flow(from: ComponentKind, to: ComponentKind) -> Flow {
    use ComponentKind as K;
    match (from, to) {
        (K::Monitoring, _)
        | (_, K::Monitoring)
        | (K::ServiceRegistry, _)
        | (_, K::ServiceRegistry) => Flow::Observe,
        (K::EventBus, _) => Flow::Deliver,
        (_, K::EventBus) | (_, K::EventStore) => Flow::Publish,
        _ => Flow::Request,
    }
}

/// Why a connection cannot be drawn, if it cannot.
pub fn connection_problem(design: &Design, from: ComponentId, to: ComponentId) -> Option<String> {
    let (Some(source), Some(target)) = (design.component(from), design.component(to)) else {
        return Some("both ends of a connection must exist".into());
    };
    if from == to {
        return Some(format!("{} cannot connect to itself", source.name));
    }
    if target.kind == ComponentKind::Client {
        return Some(format!(
            "{} is a client: clients send traffic but receive none",
            target.name
        ));
    }
    if design
        .connections
        .iter()
        .any(|c| c.from == from && c.to == to)
    {
        return Some(format!(
            "{} is already connected to {}",
            source.name, target.name
        ));
    }
    if source.kind == ComponentKind::EventStore && flow(source.kind, target.kind) == Flow::Request {
        return Some(format!(
            "{} is an event store: it answers queries but calls nothing",
            source.name
        ));
    }
    None
}

/// Outgoing connections of `id`.
pub fn outgoing(design: &Design, id: ComponentId) -> impl Iterator<Item = &Connection> {
    design.connections.iter().filter(move |c| c.from == id)
}

/// Incoming connections of `id`.
pub fn incoming(design: &Design, id: ComponentId) -> impl Iterator<Item = &Connection> {
    design.connections.iter().filter(move |c| c.to == id)
}

/// Index of each component in `design.components`, by id, for O(1) lookups in
/// the per-edit analyses.
pub struct Index {
    slots: Vec<(ComponentId, usize)>,
}

impl Index {
    /// Builds the index.
    pub fn new(design: &Design) -> Index {
        let mut slots: Vec<(ComponentId, usize)> = design
            .components
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        slots.sort_unstable();
        Index { slots }
    }

    /// Position of `id` in `design.components`.
    pub fn get(&self, id: ComponentId) -> Option<usize> {
        self.slots
            .binary_search_by_key(&id, |slot| slot.0)
            .ok()
            .map(|i| self.slots[i].1)
    }
}

/// Components reachable from the clients along request connections: the request path.
pub fn request_path(design: &Design) -> Vec<bool> {
    let index = Index::new(design);
    let mut on_path = vec![false; design.components.len()];
    let mut stack: Vec<usize> = design
        .components
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ComponentKind::Client)
        .map(|(i, _)| i)
        .collect();
    for &i in &stack {
        on_path[i] = true;
    }
    while let Some(i) = stack.pop() {
        let from = &design.components[i];
        for connection in outgoing(design, from.id) {
            let Some(j) = index.get(connection.to) else {
                continue;
            };
            let to = &design.components[j];
            let carries_requests =
                matches!(flow(from.kind, to.kind), Flow::Request | Flow::Publish);
            if carries_requests && !on_path[j] {
                on_path[j] = true;
                stack.push(j);
            }
        }
    }
    on_path
}
