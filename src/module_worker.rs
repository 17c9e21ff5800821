//! The body every click module's Web Worker shares (`archplay-learn-worker`,
//! `archplay-compare-worker`, `archplay-sweep-worker`): read each message as
//! a command of the worker's protocol, answer it with one report, and post
//! a ready report once the handler is in place. Each worker's binary names
//! its protocol and its answer function and calls [`serve`].
//!
//! What must stay true: every command is answered exactly once, with what
//! `handle` made of it; a message that is not a command is reported on the
//! console and dropped, never a panic; the ready report goes out after the
//! handler is set (messages sent before were dropped, so the module queues
//! its requests until it hears it).

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts `report` to the module; `name` says whose worker failed to.
fn post<R: Serialize>(name: &str, report: &R) {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    match report.serialize(&serializer) {
        Ok(value) => {
            let _ = scope().post_message(&value);
        }
        Err(error) => web_sys::console::error_1(
            &format!("archplay {name} worker: cannot send a report: {error}").into(),
        ),
    }
}

/// Serves the worker for the life of the page: answers every command `C`
/// with `handle`, after posting `ready`. `name` (`learn`, `compare`,
/// `sweep`) names the worker in console messages.
pub fn serve<C, R>(name: &'static str, ready: R, handle: fn(C) -> R)
where
    C: DeserializeOwned + 'static,
    R: Serialize + 'static,
{
    console_error_panic_hook::set_once();
    let on_message =
        move |event: MessageEvent| match serde_wasm_bindgen::from_value::<C>(event.data()) {
            Ok(command) => post(name, &handle(command)),
            Err(error) => web_sys::console::error_1(
                &format!("archplay {name} worker: not a command: {error}").into(),
            ),
        };
    let handler = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The worker lives until its module terminates it; its handler with it.
    handler.forget();
    post(name, &ready);
}
