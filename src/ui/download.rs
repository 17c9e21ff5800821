//! Offering text or a blob to the user as a downloaded file.
//!
//! What must stay true: a failure is returned to the caller, which reports it
//! in the status area, rather than thrown.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long the object URL of a download is kept before it is released.
const OBJECT_URL_LIFETIME: Duration = Duration::from_secs(30);

/// Offers `text` to the user as a file called `file_name`.
pub fn download_text(file_name: &str, text: &str, mime_type: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(file_name, &blob)
}

/// Offers `blob` to the user as a file called `file_name`.
pub fn download_blob(file_name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let anchor: HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; later is safe.
    set_timeout(
        move || _ = Url::revoke_object_url(&url),
        OBJECT_URL_LIFETIME,
    );
    Ok(())
}
