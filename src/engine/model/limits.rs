//! How much a design may hold: components, connections and canvas extent.
//! Edits refuse to go past these limits and validation refuses designs that
//! did, so both read them from here rather than from each other.
//!
//! What must stay true: the limits only grow (a design that once loaded keeps loading).

/// Most components a design may hold.
pub const MAX_COMPONENTS: usize = 500;
/// Most connections a design may hold.
pub const MAX_CONNECTIONS: usize = 2000;
/// The canvas is finite so that a stray drag or a hand-edited file cannot
/// push a component to where no one can find it.
pub const CANVAS_LIMIT: f64 = 100_000.0;
