//! The Learn module's entry point (`archplay-learn`): a second wasm of the
//! page, which trunk writes as a worker-type app so that nothing loads it at
//! start. The page imports its glue on the first Learn click or Learn
//! address (`ui::lazy`), initialises it, and calls [`mount`] once with the
//! element to render into and the page's host object
//! (`archplay::learn_bridge`), then [`show`] whenever its Learn button opens
//! the view again. Everything it renders is `archplay::learn_ui`.
//!
//! What must stay true: `main` only installs the panic hook (the page, not
//! the start of this wasm, decides when Learn mounts); a host that is not one
//! is refused with a sentence, never a panic.

use archplay::learn_bridge::Host;
use wasm_bindgen::prelude::*;

// The page's smaller allocator (see Cargo.toml), for the same reason.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
}

/// Mounts the Learn view into `element`, over the page's `host`.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, host: JsValue) -> Result<(), JsValue> {
    let host = Host::new(host).map_err(|problem| JsValue::from_str(&problem))?;
    archplay::learn_ui::mount(element, host);
    Ok(())
}

/// Shows the Learn view again: the exercise being worked on, or the path.
#[wasm_bindgen]
pub fn show() {
    archplay::learn_ui::show();
}
