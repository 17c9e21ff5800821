//! The browser user interface: a Leptos single-page app over the engine.
//!
//! Layout: [`app`] is the root (toolbar on top, palette left, canvas centre,
//! inspector and scorecard right) and installs the effects that talk to the
//! outside world; [`state`] holds the one [`state::AppState`] handle whose
//! methods are the only way the design changes; [`canvas`] draws and drags;
//! [`panels`] are the palette, toolbar, inspector and scorecard; [`widgets`]
//! are small pieces they share. The outside world has one module per
//! concern: [`storage`] (autosave), [`share`] (links and the clipboard),
//! [`history`] (undo shortcuts), [`import`] and [`export`] (files), over the
//! shared plumbing in [`browser`]. [`worker`] is the page's end of its Web
//! Worker (speaking [`crate::worker_protocol`]), which the state holds;
//! [`sim`] runs the simulator there and shows the run on the page;
//! [`sim_panel`] holds the Simulate panel's views, which only the panel's
//! own wasm module (`archplay-sim-panel`) links, loaded on the click that
//! first opens it through [`lazy`];
//! [`learn_host`] is the page's end of the Learn module (a second wasm,
//! `crate::learn_ui`, loaded on the first click through [`lazy`]): the page
//! links no Learn code.
//!
//! Dependencies point one way: `sim` uses `state`, `worker` and `lazy`,
//! `state` uses `worker`; `worker` and `lazy` use no other UI module, and
//! `sim_panel` holds no `AppState` (its views share only `widgets` with the
//! page): it asks the page through `crate::sim_panel_bridge`.
//!
//! What must stay true: no business rule lives here. Scores come from
//! [`crate::engine::score::score`], edits from [`crate::engine::model::edit::apply`],
//! field specs and parsing from [`crate::engine::attributes::fields`]; every element a
//! browser test touches carries a `data-testid`.

pub mod app;
pub mod browser;
pub mod canvas;
pub mod choose_hosts;
pub mod download;
pub mod export;
pub mod focus;
pub mod history;
pub mod import;
pub mod lazy;
pub mod learn_host;
pub mod module_host;
pub mod panels;
pub mod share;
pub mod sim;
pub mod sim_panel;
pub mod state;
pub mod storage;
pub mod widgets;
pub mod worker;
