//! The Compare module's Web Worker (`archplay-compare-worker`): a wasm
//! binary the Compare module starts on its first request
//! (`compare_ui::worker`), apart from the page's worker, so that comparing,
//! compare links and the runs of both designs load only for someone who
//! opened Compare or Milestones, and runs never block the page. It takes
//! [`CompareCommand`]s and answers each with one [`CompareReport::Compare`]
//! (both through `serde-wasm-bindgen`; the protocol is
//! `archplay::worker_protocol::compare`), computed by [`answer::answer`].
//!
//! What must stay true: every command is answered exactly once, with the id
//! it came with; a message that is not a command is reported on the console
//! and dropped, never a panic; [`CompareReport::Ready`] is posted once the
//! handler is in place (the module queues its requests until then).

use archplay::worker_protocol::compare::{CompareCommand, CompareReport};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

#[path = "compare_worker/answer.rs"]
mod answer;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts a report to the Compare module.
fn post(report: &CompareReport) {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    match report.serialize(&serializer) {
        Ok(value) => {
            let _ = scope().post_message(&value);
        }
        Err(error) => web_sys::console::error_1(
            &format!("archplay compare worker: cannot send a report: {error}").into(),
        ),
    }
}

fn on_message(event: MessageEvent) {
    match serde_wasm_bindgen::from_value::<CompareCommand>(event.data()) {
        Ok(CompareCommand::Compare { id, request }) => post(&CompareReport::Compare {
            id,
            answer: answer::answer(request),
        }),
        Err(error) => web_sys::console::error_1(
            &format!("archplay compare worker: not a command: {error}").into(),
        ),
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let handler = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The worker lives as long as the module; its handler with it.
    handler.forget();
    // Messages sent before the handler existed were dropped, so the module waits for this.
    post(&CompareReport::Ready);
}
