//! Share links in the browser: making the link of the design, putting it on
//! the clipboard, and opening a link found in the address, at start and
//! whenever the fragment changes.
//!
//! What must stay true:
//! - A link is `origin + path + '#' + encode_link(design)`; the design travels
//!   in the fragment, which browsers never send to a server. The worker makes
//!   and reads links ([`Task::Link`], [`Task::OpenLink`]), so the main bundle
//!   carries no compression.
//! - Opening goes through the engine's `decode_link` (which validates); a link
//!   that fails shows its message as a [`NoticeKind::LinkError`] and changes
//!   nothing: not the design, not the undo history, not the autosave.
//! - A link that opens is one undo step (undo brings back the design the user
//!   had), and its fragment is then removed from the address with
//!   `history.replaceState`: from then on the design lives in the autosave,
//!   so a reload after more edits restores the edits instead of reopening
//!   the link over them.

use super::browser::{address_fragment, clear_address_fragment, js_error_text};
use super::state::{AppState, NoticeKind};
use crate::compare_bridge::is_compare_fragment;
use crate::engine::share::decode_snapshot;
use crate::engine::words::{count, noun};
use crate::learn_bridge::is_learn_fragment;
use crate::worker_protocol::Task;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Clipboard;

/// Links longer than this may be cut by chat and mail tools.
pub const LONG_LINK_CHARACTERS: usize = 8_000;

/// The share link for the app served at `app_address` whose fragment is `fragment`.
pub fn share_url(app_address: &str, fragment: &str) -> String {
    format!("{app_address}#{fragment}")
}

/// "612 characters", "8,214 characters": a length as people read it.
pub fn describe_length(characters: usize) -> String {
    let digits = characters.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!(
        "{grouped} {}",
        noun(characters as u64, "character", "characters")
    )
}

/// The link in an address fragment, if there is one to open: `#` alone or
/// nothing at all is no link, and a Learn address (`#learn…`) or a challenge
/// link (`#c1.…`) is the Learn module's ([`is_learn_fragment`]), and a
/// compare link (`#compare/…`) the Compare module's ([`is_compare_fragment`]).
pub fn link_in_fragment(fragment: &str) -> Option<&str> {
    if is_learn_fragment(fragment) || is_compare_fragment(fragment) {
        return None;
    }
    let link = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    (!link.is_empty()).then_some(link)
}

/// What a link that failed to open tells the user: the engine's reason as a
/// sentence, and that their design is safe.
pub fn link_error_message(reason: &str) -> String {
    let mut characters = reason.chars();
    let reason: String = match characters.next() {
        // The engine's reasons start in ASCII; `to_uppercase` would link Unicode's case tables.
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(characters)
            .collect(),
        None => reason.to_string(),
    };
    format!("{reason}. The design you had is unchanged.")
}

/// Opens the link in the address fragment, if there is one: the worker reads
/// it, and the design replaces the one on the canvas as one undo step.
pub fn open_link_in_address(state: AppState) {
    let fragment = address_fragment();
    let Some(link) = link_in_fragment(&fragment) else {
        return;
    };
    state.report_info("opening the shared design…".to_string());
    state
        .worker()
        .ask(Task::OpenLink(link.to_string()), move |answer| match answer
            .and_then(|snapshot| decode_snapshot(&snapshot).map_err(|error| error.to_string()))
        {
            Ok(design) => {
                let what = format!(
                    "opened the shared design {} ({})",
                    design.name,
                    count(design.components.len() as u64, "component", "components")
                );
                state.dismiss_notice(NoticeKind::LinkError);
                state.open_design(design, what);
                clear_address_fragment();
            }
            Err(reason) => {
                state.report_info("the shared link was not opened".to_string());
                state.show_notice(NoticeKind::LinkError, link_error_message(&reason));
            }
        });
}

/// The effect that opens a link pasted into the address of the running app.
pub fn handle_link_fragment(state: AppState) {
    let changed = window_event_listener(ev::hashchange, move |_| open_link_in_address(state));
    on_cleanup(move || changed.remove());
}

/// Puts `text` on the clipboard, or says why the browser would not.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    // Outside a secure context `navigator.clipboard` is undefined, and calling
    // through the binding would throw.
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|value| value.is_object());
    let Some(clipboard) = clipboard else {
        return Err("this page has no clipboard access".to_string());
    };
    let clipboard: Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|error| js_error_text(&error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::share::{decode_link, encode_link, LINK_VERSION};
    use crate::engine::templates::template;

    #[test]
    fn a_share_url_opens_as_the_same_design() {
        let design = template("payment-gateway").unwrap();
        let url = share_url("https://example.test/archplay/", &encode_link(&design));
        assert!(
            url.starts_with(&format!("https://example.test/archplay/#v{LINK_VERSION}.")),
            "{url}"
        );
        assert_eq!(decode_link(&url), Ok(design));
    }

    #[test]
    fn lengths_read_with_thousands_separators() {
        assert_eq!(describe_length(1), "1 character");
        assert_eq!(describe_length(612), "612 characters");
        assert_eq!(describe_length(8_000), "8,000 characters");
        assert_eq!(describe_length(1_234_567), "1,234,567 characters");
    }

    #[test]
    fn only_a_fragment_with_text_is_a_link() {
        assert_eq!(link_in_fragment(""), None);
        assert_eq!(link_in_fragment("#"), None);
        assert_eq!(link_in_fragment("# "), None);
        assert_eq!(link_in_fragment("#v1.abc"), Some("v1.abc"));
        assert_eq!(link_in_fragment("#v9.xxx"), Some("v9.xxx"));
        assert_eq!(link_in_fragment("#learn/srp/v3.abc"), None);
        assert_eq!(link_in_fragment("#c1.abc"), None);
    }

    #[test]
    fn a_failed_link_says_why_as_a_sentence_and_that_nothing_changed() {
        let error = decode_link("#v9.xxx").expect_err("v9 is newer than this build");
        let message = link_error_message(&error.to_string());
        assert!(message.starts_with("The link is version 9"), "{message}");
        assert!(
            message.ends_with("The design you had is unchanged."),
            "{message}"
        );
    }
}
