//! The attribute table's connection entries, in inspector order: each names
//! its key, label, unit, range, help text and the connection field it reads
//! and writes.
//!
//! What must stay true: every entry applies to connections only
//! (`Applies::Connection`), and a key appears at most once.

use crate::engine::attributes::slot::METHODS;
use crate::engine::attributes::spec::{entry, number, Applies, FieldSpec, FieldType, TextRule};

/// Longest route path of a connection.
const MAX_PATH_LEN: usize = 200;

/// Every connection attribute, in inspector order.
pub static CONNECTION_FIELDS: &[FieldSpec] = &[
    entry!(
        Connection,
        Applies::Connection,
        "Routing",
        "weight",
        "Weight",
        "",
        number(0.0, 1_000_000.0),
        "This route's share of its caller's traffic, relative to the weights of the caller's other routes (2 gets twice the traffic of 1).",
        weight
    ),
    FieldSpec {
        rule: TextRule::Path,
        ..entry!(
            Connection,
            Applies::Connection,
            "Routing",
            "path",
            "Route path",
            "",
            FieldType::Text {
                max_len: MAX_PATH_LEN
            },
            "The URL path a gateway routes here, like /orders; empty matches every path.",
            path
        )
    },
    entry!(
        Connection,
        Applies::Connection,
        "Routing",
        "method",
        "Route method",
        "",
        FieldType::Choice(METHODS),
        "The HTTP method a gateway routes here; ANY matches every method.",
        method
    ),
    entry!(
        Connection,
        Applies::Connection,
        "Events",
        "topics",
        "Subscribed topics",
        "",
        FieldType::Topics,
        "Topics this subscriber receives from an event bus; empty means all.",
        topics
    ),
];
