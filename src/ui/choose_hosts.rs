//! The page's ends of the Compare module (`archplay-compare`: Compare and
//! Milestones, bridge [`crate::compare_bridge`]) and the Sweep module
//! (`archplay-sweep`, bridge [`crate::sweep_bridge`]): [`ModuleHost`]s; a
//! compare link (`#compare/...`) opens Compare at start.
//!
//! [`ModuleHost`]: super::module_host::ModuleHost

use super::module_host::ModuleSpec;
use crate::compare_bridge::{self, is_compare_fragment};
use crate::sweep_bridge;

/// Compare and Milestones, as the page knows them before loading them.
pub static COMPARE: ModuleSpec = ModuleSpec {
    module: compare_bridge::MODULE,
    title: "Compare",
    panel_testid: "compare-panel",
    loading_testid: "compare-loading",
    panel_class: "ap-learn ap-view ap-view--compare",
    loading: "Loading Compare…",
    owns_fragment: is_compare_fragment,
    default_view: compare_bridge::VIEW_COMPARE,
};

/// Sweep, as the page knows it before loading it.
pub static SWEEP: ModuleSpec = ModuleSpec {
    module: sweep_bridge::MODULE,
    title: "Sweep",
    panel_testid: "sweep-panel",
    loading_testid: "sweep-loading",
    panel_class: "ap-learn ap-view ap-view--sweep",
    loading: "Loading Sweep…",
    owns_fragment: |_| false,
    default_view: sweep_bridge::VIEW_SWEEP,
};
