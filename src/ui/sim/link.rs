//! The page's end of the simulator worker: creates the worker on the first
//! command (so its wasm loads only when the user first presses Run), queues
//! commands until it says it is ready, converts commands and reports with
//! `serde-wasm-bindgen`, and hands reports to [`SimState::receive`].
//!
//! What must stay true: at most one worker per page; a report that cannot be
//! read is reported on the console and dropped, never a panic; the worker's
//! files are the ones trunk writes for the `archplay-sim-worker` binary.

use super::SimState;
use crate::engine::sim::live::protocol::{Command, Report};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The loader trunk writes for the worker binary (`data-loader-shim`), next to the page.
pub const WORKER_SCRIPT: &str = "archplay-sim-worker_loader.js";

/// The worker and what waits for it.
struct WorkerLink {
    worker: Worker,
    ready: bool,
    pending: Vec<JsValue>,
    // Kept so the handlers live as long as the worker.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

thread_local! {
    static LINK: RefCell<Option<WorkerLink>> = const { RefCell::new(None) };
}

fn report_console(text: &str) {
    web_sys::console::error_1(&JsValue::from_str(text));
}

fn on_report(state: SimState, event: MessageEvent) {
    let report = match serde_wasm_bindgen::from_value::<Report>(event.data()) {
        Ok(report) => report,
        Err(error) => return report_console(&format!("archplay: unreadable simulator report: {error}")),
    };
    if matches!(report, Report::Ready) {
        let pending = LINK.with(|link| {
            let mut link = link.borrow_mut();
            let Some(link) = link.as_mut() else { return Vec::new() };
            link.ready = true;
            std::mem::take(&mut link.pending).into_iter().map(|message| (link.worker.clone(), message)).collect::<Vec<_>>()
        });
        for (worker, message) in pending {
            let _ = worker.post_message(&message);
        }
        return;
    }
    state.receive(report);
}

fn spawn(state: SimState) -> Option<WorkerLink> {
    let worker = match Worker::new(WORKER_SCRIPT) {
        Ok(worker) => worker,
        Err(_) => {
            state.worker_failed("this browser could not start the simulator's worker".to_string());
            return None;
        }
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event| on_report(state, event));
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
        state.worker_failed(format!("the simulator stopped: {}", event.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(WorkerLink { worker, ready: false, pending: Vec::new(), _on_message: on_message, _on_error: on_error })
}

/// Sends `command` to the worker, starting the worker first if need be.
pub fn send(state: SimState, command: Command) {
    let message = match command.serialize(&serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true)) {
        Ok(message) => message,
        Err(error) => return report_console(&format!("archplay: cannot send a simulator command: {error}")),
    };
    let worker = LINK.with(|link| {
        let mut link = link.borrow_mut();
        if link.is_none() {
            *link = spawn(state);
        }
        let link = link.as_mut()?;
        if link.ready {
            Some(link.worker.clone())
        } else {
            link.pending.push(message.clone());
            None
        }
    });
    if let Some(worker) = worker {
        let _ = worker.post_message(&message);
    }
}

/// Scrolls the inspector to the design's simulation settings and focuses the first.
pub fn scroll_to_settings() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let field = document
        .query_selector("[data-testid='field-simulation.seed']")
        .ok()
        .flatten()
        .or_else(|| document.query_selector("[data-testid='field-workload.requests_per_second']").ok().flatten());
    if let Some(field) = field {
        field.scroll_into_view();
        if let Ok(element) = field.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
