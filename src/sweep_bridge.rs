//! The Sweep module's end of the bridge (the `archplay-sweep` wasm,
//! `src/sweep.rs`, loaded on the first Sweep click): its file name. The host
//! object it gets is the one every click module gets
//! ([`crate::module_bridge`]).

/// The module's name: trunk writes `archplay-sweep.js` and
/// `archplay-sweep_bg.wasm` next to the page.
pub const MODULE: &str = "archplay-sweep";
/// The view `show` opens for the Sweep button (the module has one).
pub const VIEW_SWEEP: &str = "sweep";
