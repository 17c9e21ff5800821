//! The Sweep module's Web Worker (`archplay-sweep-worker`): a wasm binary the
//! Sweep module starts as a pool, one per core (`sweep_ui::pool`), so a
//! sweep's points run side by side and the simulator for them loads only
//! for someone who opened Sweep. It takes [`SweepCommand`]s and answers each
//! with one [`SweepReport::Sweep`] (both through `serde-wasm-bindgen`; the
//! protocol is `archplay::worker_protocol::sweep`), computed by
//! [`answer::answer`].
//!
//! What must stay true: every command is answered exactly once, with the id
//! it came with; a message that is not a command is reported on the console
//! and dropped, never a panic; [`SweepReport::Ready`] is posted once the
//! handler is in place (the module queues its requests until then).

use archplay::worker_protocol::sweep::{SweepCommand, SweepReport};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

#[path = "sweep_worker/answer.rs"]
mod answer;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts a report to the Sweep module.
fn post(report: &SweepReport) {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    match report.serialize(&serializer) {
        Ok(value) => {
            let _ = scope().post_message(&value);
        }
        Err(error) => web_sys::console::error_1(
            &format!("archplay sweep worker: cannot send a report: {error}").into(),
        ),
    }
}

fn on_message(event: MessageEvent) {
    match serde_wasm_bindgen::from_value::<SweepCommand>(event.data()) {
        Ok(SweepCommand::Sweep { id, request }) => post(&SweepReport::Sweep {
            id,
            answer: answer::answer(request),
        }),
        Err(error) => web_sys::console::error_1(
            &format!("archplay sweep worker: not a command: {error}").into(),
        ),
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let handler = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The worker lives as long as the pool keeps it; its handler with it.
    handler.forget();
    // Messages sent before the handler existed were dropped, so the module waits for this.
    post(&SweepReport::Ready);
}
