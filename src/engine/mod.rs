//! The pure engine, grouped by what each part is for:
//! - [`model`]: the design, its workload, targets and simulation settings,
//!   edits, undo history, graph rules and validation;
//! - [`attributes`]: the field specs every input reads (inspector, validation,
//!   command line), their typed access, fault text and number reading;
//! - [`score`]: derived facts, the analytic queueing estimate, the rubric and
//!   the machine-readable report;
//! - [`share`]: the design file, share links and the page's snapshots;
//! - [`export`]: Mermaid, SVG and Kubernetes HPA;
//! - [`learn`]: graded exercises (catalog, checks, grading, their runs);
//! - [`sim`]: the discrete-event simulator;
//! - [`templates`] and [`tasks`] (the jobs the page hands to its worker);
//! - [`quote`]: input text made fit to echo in a one-line error message.
//!
//! Architecture invariant: nothing here touches a browser, a clock, a random
//! source or the file system. `tests/tidy.rs` enforces it.

pub mod attributes;
pub mod cost;
pub mod export;
pub mod learn;
pub mod model;
pub mod quote;
pub mod score;
pub mod share;
pub mod sim;
pub mod tasks;
pub mod templates;
pub mod words;
