//! The Sweep module's entry point (`archplay-sweep`): a page wasm loaded on
//! the first Sweep click (`archplay::sweep_bridge`). The page calls [`mount`]
//! once with the element to render into and its host object
//! (`archplay::module_bridge`), then [`show`] with the view a button asked
//! for. Everything it renders is `archplay::sweep_ui`; its workers are
//! `archplay-sweep-worker`.
//!
//! What must stay true: `main` only installs the panic hook; a host that is
//! not one is refused with a sentence, never a panic.

use archplay::module_bridge::Host;
use wasm_bindgen::prelude::*;

// The page's smaller allocator (see Cargo.toml), for the same reason.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
}

/// Mounts the Sweep module's views into `element`, over the page's `host`.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, host: JsValue) -> Result<(), JsValue> {
    let host = Host::new(host).map_err(|problem| JsValue::from_str(&problem))?;
    archplay::sweep_ui::mount(element, host);
    Ok(())
}

/// Shows the sweep view (it has one, which keeps its state while hidden).
#[wasm_bindgen]
pub fn show(view: String) {
    let _ = view;
}
