//! Attributes: what a user can set on a component, the workload, the targets
//! and the simulation, with units and ranges ([`fields`], [`simulation_fields`]),
//! typed access by key ([`access`]), the faults text ([`fault_text`]) and how
//! typed numbers are read ([`number`]).

pub mod access;
pub mod fault_text;
pub mod fields;
pub mod number;
pub mod simulation_fields;
