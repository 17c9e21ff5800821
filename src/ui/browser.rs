//! Small pieces of browser plumbing that the app's outside concerns share:
//! turning a thrown JavaScript value into a sentence, and reaching
//! `localStorage` and the address bar.
//!
//! What must stay true: nothing here panics when an API is missing or
//! refuses (private windows, storage switched off); each returns a `Result`
//! or an `Option` and the caller decides what to tell the user.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

/// What a thrown value says: an `Error`'s message, a thrown string, or a
/// generic sentence for anything else.
pub fn js_error_text(error: &JsValue) -> String {
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "the browser refused".to_string())
}

/// The page's `localStorage`, or why it cannot be used.
pub fn local_storage() -> Result<Storage, String> {
    match window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage".to_string()),
        Err(error) => Err(js_error_text(&error)),
    }
}

/// The text stored under `key` (empty when there is none or storage is out of reach).
pub fn stored_text(key: &str) -> String {
    local_storage()
        .ok()
        .and_then(|storage| storage.get_item(key).ok().flatten())
        .unwrap_or_default()
}

/// Stores `text` under `key`, or says why the browser would not.
pub fn store_text(key: &str, text: &str) -> Result<(), String> {
    local_storage()?
        .set_item(key, text)
        .map_err(|error| js_error_text(&error))
}

/// The fragment of the address, with its `#` (empty when there is none).
pub fn address_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// The address of the app that share links start with: origin and path,
/// without query or fragment.
pub fn app_address() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Removes the fragment from the address without reloading, adding a
/// browser history entry, or firing `hashchange`.
pub fn clear_address_fragment() {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    if let Ok(history) = window().history() {
        _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
    }
}
