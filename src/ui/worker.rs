//! The page's end of its Web Worker (`src/worker.rs`), speaking
//! [`crate::worker_protocol`]: [`PageWorker`] creates the worker on the first
//! command (so its wasm loads only when something needs it), queues commands
//! until it says it is ready, converts commands and reports with
//! `serde-wasm-bindgen`, hands task and Learn answers to whoever asked
//! ([`PageWorker::ask`], [`PageWorker::ask_learn`])
//! and run reports to the one listener the simulation installs
//! ([`PageWorker::listen_to_runs`]).
//!
//! What must stay true: this module knows nothing of the UI's state (it
//! imports no other `ui` module); at most one live worker per page; every
//! [`PageWorker::ask`] and [`PageWorker::ask_learn`] gets exactly one answer, an error when the worker
//! cannot start or dies (a dead worker is dropped, and the next command
//! starts a new one); a report that cannot be read is reported on the
//! console and dropped, never a panic; no listener or asker is called while
//! the connection is borrowed, so they may send commands themselves.

use crate::worker_protocol::{Command, LearnAnswer, LearnRequest, Report, RunReport, Task};
use leptos::prelude::*;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The loader trunk writes for the worker binary (`data-loader-shim`), next to the page.
pub const WORKER_SCRIPT: &str = "archplay-worker_loader.js";

/// What a task's asker is called with: the text, or why there is none.
type Answer = Box<dyn FnOnce(Result<String, String>)>;
/// What a Learn request's asker is called with.
type LearnReply = Box<dyn FnOnce(Result<LearnAnswer, String>)>;

/// What the simulation hears from the worker.
#[derive(Clone, Debug, PartialEq)]
pub enum RunNews {
    /// A report of the run numbered by the first field.
    Report(u32, RunReport),
    /// The worker could not start, or stopped; says why.
    WorkerFailed(String),
}

/// The live worker and what waits for it to be ready.
struct WorkerLink {
    worker: Worker,
    ready: bool,
    pending: Vec<JsValue>,
    // Kept so the handlers live as long as the worker.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

/// Everything the page's end of the worker remembers.
#[derive(Default)]
struct Connection {
    link: Option<WorkerLink>,
    next_task: u32,
    waiting: Vec<(u32, Answer)>,
    learn_waiting: Vec<(u32, LearnReply)>,
    run_listener: Option<Rc<dyn Fn(RunNews)>>,
}

/// A `Copy` handle on the page's connection to its worker, held by the app state.
#[derive(Clone, Copy)]
pub struct PageWorker {
    connection: StoredValue<Connection, LocalStorage>,
}

fn report_console(text: &str) {
    web_sys::console::error_1(&JsValue::from_str(text));
}

impl PageWorker {
    /// A connection with no worker yet: the first command starts one.
    pub fn new() -> PageWorker {
        PageWorker {
            connection: StoredValue::new_local(Connection::default()),
        }
    }

    /// Sends every run report, and news that the worker failed, to `listener` from now on.
    pub fn listen_to_runs(&self, listener: impl Fn(RunNews) + 'static) {
        self.connection
            .update_value(|connection| connection.run_listener = Some(Rc::new(listener)));
    }

    fn run_listener(&self) -> Option<Rc<dyn Fn(RunNews)>> {
        self.connection
            .try_with_value(|connection| connection.run_listener.clone())
            .flatten()
    }

    /// Sends `command` to the worker, starting the worker first if need be.
    pub fn send(&self, command: &Command) {
        let serializer =
            serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
        let message = match command.serialize(&serializer) {
            Ok(message) => message,
            Err(error) => {
                return report_console(&format!("archplay: cannot send a worker command: {error}"))
            }
        };
        let this = *self;
        let ready_worker = self.connection.try_update_value(|connection| {
            if connection.link.is_none() {
                connection.link = this.spawn();
            }
            let link = connection.link.as_mut()?;
            if link.ready {
                Some(Some(link.worker.clone()))
            } else {
                link.pending.push(message.clone());
                Some(None)
            }
        });
        match ready_worker.flatten() {
            Some(Some(worker)) => _ = worker.post_message(&message),
            Some(None) => {}
            None => self.fail("this browser could not start Archplay's worker".to_string()),
        }
    }

    /// Has the worker do `task`, and calls `answer` with the result once
    /// (possibly an error saying the worker could not do it).
    pub fn ask(&self, task: Task, answer: impl FnOnce(Result<String, String>) + 'static) {
        let id = self.connection.try_update_value(|connection| {
            connection.next_task = connection.next_task.wrapping_add(1);
            let id = connection.next_task;
            connection.waiting.push((id, Box::new(answer)));
            id
        });
        if let Some(id) = id {
            self.send(&Command::Task { id, task });
        }
    }

    /// Asks the worker's Learn half for something, and calls `answer` once
    /// with the answer (possibly an error saying the worker could not give it).
    pub fn ask_learn(
        &self,
        request: LearnRequest,
        answer: impl FnOnce(Result<LearnAnswer, String>) + 'static,
    ) {
        let id = self.connection.try_update_value(|connection| {
            connection.next_task = connection.next_task.wrapping_add(1);
            let id = connection.next_task;
            connection.learn_waiting.push((id, Box::new(answer)));
            id
        });
        if let Some(id) = id {
            self.send(&Command::Learn { id, request });
        }
    }

    fn spawn(self) -> Option<WorkerLink> {
        let worker = Worker::new(WORKER_SCRIPT).ok()?;
        let on_message =
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| self.receive(event));
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            // Leave the handler before dropping the worker (and this closure with it).
            let message = format!("the worker stopped: {}", event.message());
            wasm_bindgen_futures::spawn_local(async move { self.fail(message) });
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

    fn receive(&self, event: MessageEvent) {
        match serde_wasm_bindgen::from_value::<Report>(event.data()) {
            Ok(Report::Ready) => self.flush_pending(),
            Ok(Report::TaskDone { id, answer }) => {
                if let Some(asker) = self.take_asker(id) {
                    asker(answer);
                }
            }
            Ok(Report::Learn { id, answer }) => {
                if let Some(asker) = self.take_learn_asker(id) {
                    asker(answer);
                }
            }
            Ok(Report::Run { run, report }) => {
                if let Some(listener) = self.run_listener() {
                    listener(RunNews::Report(run, report));
                }
            }
            // Only the benchmark script reads these.
            Ok(Report::Bench { .. }) => {}
            Err(error) => report_console(&format!("archplay: unreadable worker report: {error}")),
        }
    }

    /// The worker is ready: sends what waited for it.
    fn flush_pending(&self) {
        let pending = self
            .connection
            .try_update_value(|connection| {
                let link = connection.link.as_mut()?;
                link.ready = true;
                Some((link.worker.clone(), std::mem::take(&mut link.pending)))
            })
            .flatten();
        if let Some((worker, pending)) = pending {
            for message in pending {
                let _ = worker.post_message(&message);
            }
        }
    }

    fn take_asker(&self, id: u32) -> Option<Answer> {
        self.connection
            .try_update_value(|connection| {
                let index = connection
                    .waiting
                    .iter()
                    .position(|(waiting, _)| *waiting == id)?;
                Some(connection.waiting.swap_remove(index).1)
            })
            .flatten()
    }

    fn take_learn_asker(&self, id: u32) -> Option<LearnReply> {
        self.connection
            .try_update_value(|connection| {
                let index = connection
                    .learn_waiting
                    .iter()
                    .position(|(waiting, _)| *waiting == id)?;
                Some(connection.learn_waiting.swap_remove(index).1)
            })
            .flatten()
    }

    /// Drops the worker and fails everything that waits on it, with `message`.
    fn fail(&self, message: String) {
        let (waiting, learn_waiting) = self
            .connection
            .try_update_value(|connection| {
                if let Some(link) = connection.link.take() {
                    link.worker.terminate();
                }
                (
                    std::mem::take(&mut connection.waiting),
                    std::mem::take(&mut connection.learn_waiting),
                )
            })
            .unwrap_or_default();
        for (_, asker) in waiting {
            asker(Err(message.clone()));
        }
        for (_, asker) in learn_waiting {
            asker(Err(message.clone()));
        }
        if let Some(listener) = self.run_listener() {
            listener(RunNews::WorkerFailed(message));
        }
    }
}

impl Default for PageWorker {
    fn default() -> PageWorker {
        PageWorker::new()
    }
}
