//! The one place where the app says what happened or why something was
//! refused.
//!
//! What must stay true: the element is always in the document (empty when
//! there is nothing to say) with `data-testid="status"`, and it is a polite
//! live region so screen readers hear each message once. Information fades
//! after a few seconds; a refusal stays until the next message.

use crate::ui::state::{use_app_state, AppState, StatusTone};
use leptos::prelude::*;
use std::time::Duration;

/// How long an information message stays up.
const INFO_LIFETIME: Duration = Duration::from_secs(5);

/// Schedules hiding each information message once it has been read.
fn fade_information(state: AppState) {
    let status = state.status();
    Effect::new(move |_| {
        let fading = status.with(|message| {
            message
                .as_ref()
                .filter(|m| m.tone == StatusTone::Info)
                .map(|m| m.serial)
        });
        if let Some(serial) = fading {
            set_timeout(move || state.dismiss_status(serial), INFO_LIFETIME);
        }
    });
}

/// The status line shown over the bottom of the canvas.
#[component]
pub fn StatusArea() -> impl IntoView {
    let state = use_app_state();
    let status = state.status();
    fade_information(state);
    let class = move || {
        status.with(|message| match message {
            None => "ap-status ap-status--empty",
            Some(message) if message.tone == StatusTone::Error => "ap-status ap-status--error",
            Some(_) => "ap-status ap-status--info",
        })
    };
    let tone = move || {
        status.with(|message| match message {
            Some(message) if message.tone == StatusTone::Error => "error",
            Some(_) => "info",
            None => "",
        })
    };
    let text = move || {
        status.with(|message| {
            message
                .as_ref()
                .map(|message| message.text.clone())
                .unwrap_or_default()
        })
    };

    view! {
        <div class=class data-testid="status" data-tone=tone role="status" aria-live="polite">
            {text}
        </div>
    }
}
