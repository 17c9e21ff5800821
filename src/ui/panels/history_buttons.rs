//! The undo and redo buttons in the toolbar.
//!
//! What must stay true: `undo` and `redo` are disabled exactly when there is
//! nothing to undo or redo, and they call [`AppState::undo`] and
//! [`AppState::redo`], the same intents as the keyboard shortcuts.
//!
//! [`AppState::undo`]: crate::ui::state::AppState::undo
//! [`AppState::redo`]: crate::ui::state::AppState::redo

use crate::ui::state::use_app_state;
use leptos::prelude::*;

/// Undo and redo, side by side.
#[component]
pub fn HistoryButtons() -> impl IntoView {
    let state = use_app_state();
    let availability = state.undo_availability();
    let cannot_undo = move || !availability.get().can_undo;
    let cannot_redo = move || !availability.get().can_redo;
    let on_undo = move |_| state.undo();
    let on_redo = move |_| state.redo();

    view! {
        <div class="ap-toolbar__group ap-history" role="group" aria-label="Undo and redo">
            <button
                type="button"
                class="ap-button ap-button--icon"
                data-testid="undo"
                title="Undo (Ctrl+Z, ⌘Z on a Mac)"
                aria-label="Undo"
                disabled=cannot_undo
                on:click=on_undo
            >
                <svg viewBox="0 0 20 20" aria-hidden="true">
                    <path d="M7 5 L3 9 L7 13" />
                    <path d="M3 9 H12 A5 5 0 0 1 12 19 H9" />
                </svg>
            </button>
            <button
                type="button"
                class="ap-button ap-button--icon"
                data-testid="redo"
                title="Redo (Ctrl+Shift+Z or Ctrl+Y, ⇧⌘Z on a Mac)"
                aria-label="Redo"
                disabled=cannot_redo
                on:click=on_redo
            >
                <svg viewBox="0 0 20 20" aria-hidden="true">
                    <path d="M13 5 L17 9 L13 13" />
                    <path d="M17 9 H8 A5 5 0 0 0 8 19 H11" />
                </svg>
            </button>
        </div>
    }
}
