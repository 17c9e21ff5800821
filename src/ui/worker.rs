//! The page's end of its Web Worker (`src/worker.rs`): creates the worker on
//! the first command (so its wasm loads only when something needs it),
//! queues commands until it says it is ready, converts commands and reports
//! with `serde-wasm-bindgen`, hands simulation reports to the [`SimState`]
//! and task answers to whoever asked ([`ask`]).
//!
//! What must stay true: at most one live worker per page; every [`ask`] gets
//! exactly one answer, an error when the worker cannot start or dies (a dead
//! worker is dropped, and the next command starts a new one); a report that
//! cannot be read is reported on the console and dropped, never a panic.

use crate::engine::sim::live::protocol::{Command, Report};
use crate::engine::tasks::Task;
use crate::ui::sim::SimState;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The loader trunk writes for the worker binary (`data-loader-shim`), next to the page.
pub const WORKER_SCRIPT: &str = "archplay-worker_loader.js";

/// What a task's asker is called with: the text, or why there is none.
type Answer = Box<dyn FnOnce(Result<String, String>)>;

/// The worker and what waits for it.
struct WorkerLink {
    worker: Worker,
    ready: bool,
    pending: Vec<JsValue>,
    // Kept so the handlers live as long as the worker.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

/// Everything this module remembers.
#[derive(Default)]
struct Plumbing {
    link: Option<WorkerLink>,
    /// Where simulation reports go.
    sim: Option<SimState>,
    next_task: u32,
    waiting: Vec<(u32, Answer)>,
}

thread_local! {
    static PLUMBING: RefCell<Plumbing> = RefCell::new(Plumbing::default());
}

fn report_console(text: &str) {
    web_sys::console::error_1(&JsValue::from_str(text));
}

/// Sends simulation reports to `sim` from now on.
pub fn route_sim_reports(sim: SimState) {
    PLUMBING.with(|plumbing| plumbing.borrow_mut().sim = Some(sim));
}

fn on_report(event: MessageEvent) {
    let report = match serde_wasm_bindgen::from_value::<Report>(event.data()) {
        Ok(report) => report,
        Err(error) => {
            return report_console(&format!("archplay: unreadable worker report: {error}"))
        }
    };
    match report {
        Report::Ready => {
            let pending = PLUMBING.with(|plumbing| {
                let mut plumbing = plumbing.borrow_mut();
                let Some(link) = plumbing.link.as_mut() else {
                    return Vec::new();
                };
                link.ready = true;
                std::mem::take(&mut link.pending)
                    .into_iter()
                    .map(|message| (link.worker.clone(), message))
                    .collect::<Vec<_>>()
            });
            for (worker, message) in pending {
                let _ = worker.post_message(&message);
            }
        }
        Report::TaskDone { id, answer } => {
            let asker = PLUMBING.with(|plumbing| {
                let mut plumbing = plumbing.borrow_mut();
                let index = plumbing
                    .waiting
                    .iter()
                    .position(|(waiting, _)| *waiting == id)?;
                Some(plumbing.waiting.swap_remove(index).1)
            });
            if let Some(asker) = asker {
                asker(answer);
            }
        }
        report => {
            if let Some(sim) = PLUMBING.with(|plumbing| plumbing.borrow().sim) {
                sim.receive(report);
            }
        }
    }
}

/// Drops the worker and fails everything that waits on it, with `message`.
fn worker_failed(message: String) {
    let (sim, waiting) = PLUMBING.with(|plumbing| {
        let mut plumbing = plumbing.borrow_mut();
        if let Some(link) = plumbing.link.take() {
            link.worker.terminate();
        }
        (plumbing.sim, std::mem::take(&mut plumbing.waiting))
    });
    for (_, asker) in waiting {
        asker(Err(message.clone()));
    }
    if let Some(sim) = sim {
        sim.worker_failed(message);
    }
}

fn spawn() -> Option<WorkerLink> {
    let worker = Worker::new(WORKER_SCRIPT).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(on_report);
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
        // Leave the handler before dropping the worker (and this closure with it).
        let message = format!("the worker stopped: {}", event.message());
        wasm_bindgen_futures::spawn_local(async move { worker_failed(message) });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(WorkerLink {
        worker,
        ready: false,
        pending: Vec::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Sends `command` to the worker, starting the worker first if need be.
pub fn send(command: &Command) {
    let message = match command.serialize(
        &serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true),
    ) {
        Ok(message) => message,
        Err(error) => {
            return report_console(&format!("archplay: cannot send a worker command: {error}"))
        }
    };
    let started = PLUMBING.with(|plumbing| {
        let mut plumbing = plumbing.borrow_mut();
        if plumbing.link.is_none() {
            plumbing.link = spawn();
        }
        let Some(link) = plumbing.link.as_mut() else {
            return Err(());
        };
        if link.ready {
            Ok(Some(link.worker.clone()))
        } else {
            link.pending.push(message.clone());
            Ok(None)
        }
    });
    match started {
        Ok(Some(worker)) => _ = worker.post_message(&message),
        Ok(None) => {}
        Err(()) => worker_failed("this browser could not start Archplay's worker".to_string()),
    }
}

/// Has the worker do `task`, and calls `answer` with the result once
/// (possibly an error saying the worker could not do it).
pub fn ask(task: Task, answer: impl FnOnce(Result<String, String>) + 'static) {
    ask_with(|id| Command::Task { id, task }, answer);
}

/// Sends the command `make` builds from a fresh id, and calls `answer` once
/// with the [`Report::TaskDone`] of that id (or an error if the worker fails).
pub fn ask_with(
    make: impl FnOnce(u32) -> Command,
    answer: impl FnOnce(Result<String, String>) + 'static,
) {
    let id = PLUMBING.with(|plumbing| {
        let mut plumbing = plumbing.borrow_mut();
        plumbing.next_task = plumbing.next_task.wrapping_add(1);
        let id = plumbing.next_task;
        plumbing.waiting.push((id, Box::new(answer)));
        id
    });
    send(&make(id));
}
