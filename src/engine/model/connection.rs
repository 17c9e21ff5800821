//! Connections: a directed link from one component to another, with the
//! routing a gateway or balancer applies to it (weight, path, method) and the
//! topics a bus delivers along it.
//!
//! What must stay true: a connection names its ends by typed id, never by
//! name; what flows along it is derived from the two kinds, not stored here.

use super::{ComponentId, ConnectionId};
use serde::{Deserialize, Serialize};

/// A request path method a gateway route matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    /// Any method.
    Any,
    /// GET.
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// DELETE.
    Delete,
}

/// A directed connection: `from` sends requests, events or heartbeats to `to`.
/// What flows is derived from the two kinds (see [`crate::engine::model::graph`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Connection {
    /// Identity within the design.
    pub id: ConnectionId,
    /// Sender.
    pub from: ComponentId,
    /// Receiver.
    pub to: ComponentId,
    /// Share of the sender's traffic for gateways and weighted balancers.
    pub weight: f64,
    /// Path prefix of a gateway route ("/orders").
    pub path: String,
    /// Method of a gateway route.
    pub method: HttpMethod,
    /// Topics delivered along a bus-to-subscriber connection; empty means all.
    pub topics: Vec<String>,
}

impl Default for Connection {
    fn default() -> Connection {
        Connection {
            id: ConnectionId(0),
            from: ComponentId(0),
            to: ComponentId(0),
            weight: 1.0,
            path: String::new(),
            method: HttpMethod::Any,
            topics: Vec::new(),
        }
    }
}
