//! The pure engine: model, editing, validation, facts, analytic estimate,
//! scoring, templates, the design file, share links and snapshots, history,
//! exports and the simulator; `tasks` names the jobs the browser page hands
//! to its worker, and `number` reads typed numbers.
//!
//! Architecture invariant: nothing here touches a browser, a clock, a random
//! source or the file system. `tests/tidy.rs` enforces it.

pub mod access;
pub mod analytic;
pub mod design_inputs;
pub mod edit;
pub mod export;
pub mod facts;
pub mod fault_text;
pub mod fields;
pub mod format;
pub mod graph;
pub mod history;
pub mod model;
pub mod number;
pub mod performance;
pub mod queueing;
pub mod report;
pub mod score;
pub mod share;
pub mod sim;
pub mod simulation_fields;
pub mod simulation_settings;
pub mod tasks;
pub mod templates;
pub mod validate;
