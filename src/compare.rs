//! The Compare module's entry point (`archplay-compare`): Compare and
//! Milestones, a page wasm loaded on the first Compare or Milestones click
//! or a compare link (`archplay::compare_bridge`). The page calls [`mount`]
//! once with the element to render into and its host object
//! (`archplay::module_bridge`), then [`show`] with the view a button asked
//! for. Everything it renders is `archplay::compare_ui`.
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

/// Mounts the Compare module's views into `element`, over the page's `host`.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, host: JsValue) -> Result<(), JsValue> {
    let host = Host::new(host).map_err(|problem| JsValue::from_str(&problem))?;
    archplay::compare_ui::mount(element, host);
    Ok(())
}

/// Shows `view` (`compare` or `milestones`).
#[wasm_bindgen]
pub fn show(view: String) {
    archplay::compare_ui::show(&view);
}
