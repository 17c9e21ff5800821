//! The Learn module's outside concerns, installed once at its root: the
//! progress read from storage, the page's news of design changes, the Learn
//! address in the fragment (when the module mounts and on `hashchange`), and
//! grading after every edit.
//!
//! What must stay true: grading runs [`GRADE_DELAY`] after the design last
//! changed (like the autosave), so a drag grades once when it pauses; only a
//! Learn address or a challenge link ([`LearnRoute::parse`]) is followed
//! here, every other fragment is the page's; the address is rewritten with
//! `history.replaceState`, which fires no `hashchange` and adds no history entry.

use super::route::LearnRoute;
use super::state::LearnState;
use super::storage::restore_progress;
use crate::learn_bridge::{Host, HostNotice};
use crate::ui::browser::address_fragment;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// How long the design must be still before the instant checks are graded.
pub const GRADE_DELAY: Duration = Duration::from_millis(250);

/// Puts `route` in the address without reloading or firing `hashchange`.
pub fn set_address_route(route: &LearnRoute) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    if let Ok(history) = window().history() {
        let url = format!("{path}{query}#{}", route.fragment());
        _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Creates the Learn state over the page's `host`, provides it, and installs its effects.
pub fn provide_learn_state(host: Host) -> LearnState {
    let progress = restore_progress(&host);
    let learn = LearnState::new(host.clone(), progress);
    provide_context(learn);
    host.subscribe(move || learn.revision.update(|revision| *revision += 1));
    follow_address(learn);
    let changed = window_event_listener(ev::hashchange, move |_| follow_address(learn));
    on_cleanup(move || changed.remove());
    handle_grading(learn);
    learn
}

/// Follows a Learn address or challenge link in the fragment, if there is one.
fn follow_address(learn: LearnState) {
    match LearnRoute::parse(&address_fragment()) {
        None => {}
        Some(Ok(route)) => learn.follow(route),
        Some(Err(error)) => {
            learn.open_path();
            learn.host().notice(
                HostNotice::Link,
                &format!(
                    "This Learn link could not be followed: {}. Your design is unchanged.",
                    error.0
                ),
            );
        }
    }
}

/// Grades the instant checks [`GRADE_DELAY`] after every change of the design.
fn handle_grading(learn: LearnState) {
    let pending = StoredValue::new(0_u64);
    Effect::new(move |_| {
        learn.revision.track();
        if learn.active.with_untracked(Option::is_none) {
            return;
        }
        let serial = pending.get_value() + 1;
        pending.set_value(serial);
        set_timeout(
            move || {
                if pending.get_value() == serial {
                    learn.grade_now();
                }
            },
            GRADE_DELAY,
        );
    });
}
