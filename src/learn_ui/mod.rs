//! The Learn module: a second Leptos root in its own wasm (the
//! `archplay-learn` binary, `src/learn.rs`), which the page loads on the
//! first Learn click or Learn address and mounts into its Learn column. It
//! shows the path of graded exercises following the document's sections,
//! the exercise being worked on, an opened challenge link, and the
//! teacher's challenge maker.
//!
//! Layout: [`state`] is the module's `Copy` handle of signals and its
//! intents; [`effects`] installs its outside concerns (address, grading
//! after edits); [`storage`] keeps progress in `localStorage`; [`path`],
//! [`exercise`], [`challenge`] and [`maker`] render; [`route`] and
//! [`checklist`] are pure logic with unit tests; [`worker`] is the module's
//! own connection to a worker. It reaches the page only through the bridge
//! ([`crate::learn_bridge::Host`]).
//!
//! What must stay true: the catalog, the starting and reference designs,
//! challenge links and all grading live in its worker (`src/learn_worker.rs`);
//! the module holds only the small data of [`crate::worker_protocol::learn`];
//! the page links none of this module.

pub mod challenge;
pub mod checklist;
pub mod effects;
pub mod exercise;
pub mod maker;
pub mod path;
pub mod route;
pub mod state;
pub mod storage;
pub mod worker;

use crate::learn_bridge::Host;
use leptos::prelude::*;
use state::{use_learn_state, LearnState};
use std::cell::Cell;
use web_sys::HtmlElement;

thread_local! {
    /// The mounted module's state, for [`show`] (which the page calls from outside any owner).
    static MOUNTED: Cell<Option<LearnState>> = const { Cell::new(None) };
}

/// Mounts the Learn view into `element`, over the page's `host`, for the life
/// of the page; it follows the Learn address or challenge link in the
/// address, if there is one.
pub fn mount(element: HtmlElement, host: Host) {
    let handle = leptos::mount::mount_to(element, move || {
        let learn = effects::provide_learn_state(host);
        MOUNTED.with(|mounted| mounted.set(Some(learn)));
        view! { <LearnView /> }
    });
    handle.forget();
}

/// The page shows the Learn view (its Learn button): the address names the
/// exercise being worked on, or the path opens.
pub fn show() {
    if let Some(learn) = MOUNTED.with(Cell::get) {
        learn.show();
    }
}

/// The Learn view: an opened challenge, the exercise being worked on, or the path.
#[component]
pub fn LearnView() -> impl IntoView {
    let learn = use_learn_state();
    let challenge_open = move || learn.challenge.active.with(Option::is_some);
    let exercise_open = move || learn.active.with(Option::is_some);
    view! {
        <Show
            when=challenge_open
            fallback=move || view! {
                <Show when=exercise_open fallback=|| view! { <path::LearnPath /> }>
                    <exercise::ExercisePanel />
                </Show>
            }
        >
            <challenge::ChallengePanel />
        </Show>
        <Show when=move || learn.message.with(Option::is_some)>
            <p class="ap-learn__message" role="status" data-testid="learn-message">
                {move || learn.message.get().unwrap_or_default()}
            </p>
        </Show>
    }
}
