//! Attributes: what a user can set on a component, a connection, the
//! workload, the targets and the simulation, described once in one attribute
//! table. Each entry ([`spec::FieldSpec`]) names its key, label, unit, help
//! text, range, the kinds that have it and the model field it reads and
//! writes ([`slot`]). The entries live in [`component_table`],
//! [`connection_table`], [`design_table`] and [`simulation_fields`];
//! [`fields`] is the one lookup every reader goes through, [`access`] reads
//! and writes by key, [`parse`] reads typed-in text, [`fault_text`] the
//! faults line and [`number`] numbers.
//!
//! What must stay true: adding an attribute means adding one entry to one of
//! the four tables; nothing else matches on its key.

pub mod access;
pub mod component_table;
pub mod connection_table;
pub mod design_table;
pub mod fault_text;
pub mod fields;
pub mod number;
pub mod parse;
pub mod simulation_fields;
pub mod slot;
pub mod spec;
