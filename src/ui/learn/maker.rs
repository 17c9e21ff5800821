//! The teacher's challenge maker (issue 10, point 6): track J owns this file
//! and replaces this placeholder. The Learn view renders [`ChallengeMaker`]
//! at the foot of the path; it reaches the app and Learn states through
//! `use_app_state()` and `use_learn_state()`.
//!
//! What must stay true: the component takes no props, so the slot needs no change when it grows.

use leptos::prelude::*;

/// The challenge maker's slot in the Learn view (empty until track J fills it).
#[component]
pub fn ChallengeMaker() -> impl IntoView {}
