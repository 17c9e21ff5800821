//! Archplay: compose a software architecture, score it against six quality
//! attributes, and (later) simulate it.
//!
//! The crate is split in two on purpose:
//! - [`engine`] is pure Rust: no browser crate, no clock, no I/O. It builds and
//!   tests with `--no-default-features`.
//! - `ui` (behind the default `web` feature) is a Leptos single-page app that
//!   renders the engine's results and sends it intents.
//! - [`worker_protocol`] is the plain-data protocol between the page and its
//!   Web Worker (the `archplay-worker` binary), shared by both ends.
//! - [`sim_panel_bridge`] is the plain-data protocol between the page and
//!   the Simulate panel's module (the `archplay-sim-panel` binary, loaded on
//!   the click that first opens the panel).
//! - `learn_ui` (behind `web`) is the Learn view and challenge maker, a
//!   second Leptos root in its own wasm (the `archplay-learn` binary) that the
//!   page loads on the first click; `learn_bridge` is how the two talk.
//!   The page links no Learn code.
//! - `module_bridge` is the host object every click-loaded view module
//!   (Learn, Compare, Sweep) gets from the page; [`compare_bridge`] and
//!   [`sweep_bridge`] name the Compare and Sweep modules and their addresses.
//! - `compare_ui` (behind `web`) is the Compare module (Compare and
//!   Milestones), in its own wasm (`archplay-compare`) with its own worker
//!   (`archplay-compare-worker`).

pub mod engine;
pub mod worker_protocol;

pub mod sim_panel_bridge;

pub mod compare_bridge;
pub mod sweep_bridge;

#[cfg(feature = "web")]
pub mod compare_ui;
#[cfg(feature = "web")]
pub mod learn_bridge;
#[cfg(feature = "web")]
pub mod learn_ui;
#[cfg(feature = "web")]
pub mod module_bridge;
#[cfg(feature = "web")]
pub mod module_worker;
#[cfg(feature = "web")]
pub mod sweep_ui;
#[cfg(feature = "web")]
pub mod ui;
