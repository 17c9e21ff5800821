//! The Simulate panel's module: a second page wasm binary that the page loads
//! on the click that first opens the panel (`archplay::ui::lazy`), so the
//! page's start bundle carries none of its views. It exports the functions
//! of `archplay::sim_panel_bridge::exports`: `mount` puts the panel
//! (`archplay::ui::sim_panel`) into the page's dock element with its own
//! Leptos root, `push` applies what the page tells it, `report` reads a
//! worker message of the current run in full (clock, chart points, log,
//! query answers, the finished summary).
//!
//! What must stay true: the panel mounts once, and its state lives as long
//! as the page (closing only hides it); a push or report that cannot be read
//! is reported on the console and dropped, never a panic; the panel changes
//! nothing on the page but by asking it.

use archplay::sim_panel_bridge::{PagePush, PanelAsk};
use archplay::ui::sim_panel::panel::SimPanel;
use archplay::ui::sim_panel::PanelState;
use archplay::worker_protocol::Report;
use leptos::prelude::*;
use serde::Serialize;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The mounted panel's state.
    static PANEL: Cell<Option<PanelState>> = const { Cell::new(None) };
}

fn report_console(text: &str) {
    web_sys::console::error_1(&JsValue::from_str(text));
}

/// Mounts the panel into `dock` (once); `ask` is called with each [`PanelAsk`].
#[wasm_bindgen]
pub fn mount(dock: web_sys::HtmlElement, ask: js_sys::Function) {
    if PANEL.get().is_some() {
        return;
    }
    let asker = move |request: PanelAsk| {
        let serializer =
            serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
        match request.serialize(&serializer) {
            Ok(value) => _ = ask.call1(&JsValue::NULL, &value),
            Err(error) => report_console(&format!("archplay panel: cannot ask: {error}")),
        }
    };
    let handle = leptos::mount::mount_to(dock, move || {
        let panel = PanelState::new(asker);
        PANEL.set(Some(panel));
        view! { <SimPanel sim=panel /> }
    });
    // The panel lives as long as the page.
    handle.forget();
}

/// Applies a [`PagePush`].
#[wasm_bindgen]
pub fn push(value: JsValue) {
    let Some(panel) = PANEL.get() else { return };
    match serde_wasm_bindgen::from_value::<PagePush>(value) {
        Ok(push) => panel.receive_push(push),
        Err(error) => report_console(&format!("archplay panel: unreadable push: {error}")),
    }
}

/// Reads a worker message with a report of the current run.
#[wasm_bindgen]
pub fn report(message: JsValue) {
    let Some(panel) = PANEL.get() else { return };
    match serde_wasm_bindgen::from_value::<Report>(message) {
        Ok(Report::Run { report, .. }) => panel.receive_report(report),
        Ok(_) => {}
        Err(error) => report_console(&format!("archplay panel: unreadable report: {error}")),
    }
}

fn main() {
    console_error_panic_hook::set_once();
}
