//! The Learn view: a path of graded exercises following the document's
//! sections, reached from the toolbar ("Learn") and by address (`#learn`,
//! `#learn/<id>`, `#learn/<id>/<link>`).
//!
//! Layout: [`state`] is the view's `Copy` handle of signals and its intents;
//! [`effects`] installs its outside concerns (address, grading after edits);
//! [`storage`] keeps progress in `localStorage`; [`path`] and [`exercise`]
//! render; [`progress`], [`route`] and [`checklist`] are the pure logic they
//! use, with unit tests. [`maker`] and [`challenge`] are track J's challenge
//! links and maker.
//!
//! What must stay true: the catalog, the starting and reference designs and
//! all grading live in the worker (`src/worker/learn.rs`); the page holds only
//! the small data of [`crate::worker_protocol::learn`], so the start bundle
//! carries no exercise.

pub mod challenge;
pub mod checklist;
pub mod effects;
pub mod exercise;
pub mod maker;
pub mod path;
pub mod progress;
pub mod route;
pub mod state;
pub mod storage;

use leptos::prelude::*;
use state::use_learn_state;

/// The toolbar's "Learn" button: opens (or closes) the Learn view.
#[component]
pub fn LearnButton() -> impl IntoView {
    let learn = use_learn_state();
    let toggle = move |_| {
        if learn.open.get_untracked() {
            learn.close()
        } else {
            learn.open_path()
        }
    };
    view! {
        <button
            class="ap-button"
            data-testid="learn-open"
            aria-pressed=move || learn.open.get().to_string()
            on:click=toggle
        >
            "Learn"
        </button>
    }
}

/// The Learn view: the path, or the exercise being worked on.
#[component]
pub fn LearnPanel() -> impl IntoView {
    let learn = use_learn_state();
    view! {
        <Show when=move || learn.open.get()>
            <aside class="ap-learn" aria-label="Learn" data-testid="learn-panel">
                <Show
                    when=move || learn.active.with(Option::is_some)
                    fallback=|| view! { <path::LearnPath /> }
                >
                    <exercise::ExercisePanel />
                </Show>
                <Show when=move || learn.message.with(Option::is_some)>
                    <p class="ap-learn__message" role="status" data-testid="learn-message">
                        {move || learn.message.get().unwrap_or_default()}
                    </p>
                </Show>
            </aside>
        </Show>
    }
}
