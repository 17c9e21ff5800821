//! The notices over the top of the canvas: a link that could not be opened,
//! a file that could not be imported, a saved design that could not be read.
//!
//! What must stay true: each notice carries its kind's `data-testid`
//! (`link-error`, `import-error`, `storage-error`) and is an alert, so screen
//! readers announce it; it stays until dismissed (`<kind>-dismiss`).

use crate::ui::state::{use_app_state, Notice};
use leptos::prelude::*;

/// The notices shown, newest last.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let notices = state.notices();
    // Notices are few and rare, so the list is simply rebuilt when it changes.
    let cards = move || {
        notices
            .get()
            .into_iter()
            .map(|notice| view! { <NoticeCard notice /> })
            .collect_view()
    };
    view! { <div class="ap-notices">{cards}</div> }
}

/// One notice with its heading, text and close button.
#[component]
fn NoticeCard(
    /// What to show.
    notice: Notice,
) -> impl IntoView {
    let state = use_app_state();
    let kind = notice.kind;
    let on_dismiss = move |_| state.dismiss_notice(kind);
    view! {
        <div class="ap-notice" data-testid=kind.test_id() role="alert">
            <div class="ap-notice__body">
                <p class="ap-notice__title">{kind.title()}</p>
                <p class="ap-notice__text" data-testid=format!("{}-text", kind.test_id())>{notice.text}</p>
            </div>
            <button
                type="button"
                class="ap-icon-button ap-notice__close"
                data-testid=format!("{}-dismiss", kind.test_id())
                aria-label="Dismiss"
                title="Dismiss"
                on:click=on_dismiss
            >
                "×"
            </button>
        </div>
    }
}
