//! The page's end of the Learn module (`archplay-learn`, bridge
//! [`crate::learn_bridge`]): a [`ModuleHost`] whose address is a Learn
//! address or a challenge link, so such a link opens Learn at start.

use super::module_host::ModuleSpec;
use crate::learn_bridge::{is_learn_fragment, MODULE};

/// Learn, as the page knows it before loading it.
pub static LEARN: ModuleSpec = ModuleSpec {
    module: MODULE,
    title: "Learn",
    panel_testid: "learn-panel",
    loading_testid: "learn-loading",
    panel_class: "ap-learn ap-view ap-view--learn",
    loading: "Loading Learn…",
    owns_fragment: is_learn_fragment,
    default_view: "learn",
};
