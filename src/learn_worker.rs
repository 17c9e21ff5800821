//! The Learn module's Web Worker (`archplay-learn-worker`): a wasm binary the
//! Learn module starts on its first request (`learn_ui::worker`), apart from
//! the page's worker, so that the exercise catalog, grading (with its
//! simulated runs) and challenge links load only for someone who opened
//! Learn. It takes [`LearnCommand`]s and answers each with one
//! [`LearnReport::Learn`] (both through `serde-wasm-bindgen`; the protocol is
//! `archplay::worker_protocol::learn`), computed by [`answer::answer`].
//!
//! What must stay true: every command is answered exactly once, with the id
//! it came with; a message that is not a command is reported on the console
//! and dropped, never a panic; [`LearnReport::Ready`] is posted once the
//! handler is in place (the module queues its requests until then).

use archplay::worker_protocol::learn::{LearnCommand, LearnReport};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

#[path = "learn_worker/answer.rs"]
mod answer;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts a report to the Learn module.
fn post(report: &LearnReport) {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    match report.serialize(&serializer) {
        Ok(value) => {
            let _ = scope().post_message(&value);
        }
        Err(error) => web_sys::console::error_1(
            &format!("archplay learn worker: cannot send a report: {error}").into(),
        ),
    }
}

fn on_message(event: MessageEvent) {
    match serde_wasm_bindgen::from_value::<LearnCommand>(event.data()) {
        Ok(LearnCommand::Learn { id, request }) => post(&LearnReport::Learn {
            id,
            answer: answer::answer(request),
        }),
        Err(error) => web_sys::console::error_1(
            &format!("archplay learn worker: not a command: {error}").into(),
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
    post(&LearnReport::Ready);
}
