//! The page's end of its Web Worker (`src/worker.rs`), speaking
//! [`crate::worker_protocol`]: [`PageWorker`] creates the worker on the first
//! command (so its wasm loads only when something needs it), queues commands
//! until it says it is ready, converts commands and reports with
//! `serde-wasm-bindgen` (a run report only as far as the page reads it,
//! [`RunReportHead`], with the raw message for the Simulate panel's module),
//! hands answers to whoever asked ([`PageWorker::ask`]) and run reports to
//! the one listener the simulation installs ([`PageWorker::listen_to_runs`]). Which worker it starts, what it sends
//! and how it reads the reports is its [`Protocol`]: the page's is
//! [`PageTasks`] (`src/worker.rs`); the Learn module (`learn_ui::worker`) has
//! its own, with its own worker, so neither links the other's messages.
//!
//! What must stay true: this module knows nothing of the UI's state (it
//! imports no other `ui` module); at most one live worker per connection;
//! every [`PageWorker::ask`] gets exactly one answer, an error when the worker
//! cannot start or dies (a dead worker is dropped, and the next command
//! starts a new one); a report that cannot be read is reported on the
//! console and dropped, never a panic; no listener or asker is called while
//! the connection is borrowed, so they may send commands themselves.

use crate::worker_protocol::{Command, Report, RunReportHead, Task};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// One kind of connection to the worker: what its askers ask, what travels
/// each way, and what a report means to the connection.
pub trait Protocol: 'static {
    /// The worker's script, next to the page: the loader trunk writes for
    /// its binary (`data-loader-shim`).
    const SCRIPT: &'static str;
    /// A job an asker hands over.
    type Request;
    /// What answers one.
    type Answer: 'static;
    /// What travels to the worker.
    type Command: Serialize;
    /// What travels back.
    type Report: DeserializeOwned;
    /// The command asking `request`, numbered `id`.
    fn command(id: u32, request: Self::Request) -> Self::Command;
    /// What `report` means to the connection.
    fn heard(report: Self::Report) -> Heard<Self::Answer>;
}

/// What a report means to a connection.
pub enum Heard<A> {
    /// The worker takes commands.
    Ready,
    /// The answer to the request numbered by the first field.
    Answer(u32, Result<A, String>),
    /// News of the run numbered by the first field: the part the page reads.
    Run(u32, RunReportHead),
    /// Nothing this connection acts on.
    Nothing,
}

/// The page's protocol: [`Task`]s answered with text, and runs.
pub struct PageTasks;

impl Protocol for PageTasks {
    const SCRIPT: &'static str = "archplay-worker_loader.js";
    type Request = Task;
    type Answer = String;
    type Command = Command;
    type Report = Report<RunReportHead>;

    fn command(id: u32, task: Task) -> Command {
        Command::Task { id, task }
    }

    fn heard(report: Report<RunReportHead>) -> Heard<String> {
        match report {
            Report::Ready => Heard::Ready,
            Report::TaskDone { id, answer } => Heard::Answer(id, answer),
            Report::Run { run, report } => Heard::Run(run, report),
            // Only the benchmark script reads these.
            Report::Bench { .. } => Heard::Nothing,
        }
    }
}

/// What an asker is called with: the answer, or why there is none.
type Asker<A> = Box<dyn FnOnce(Result<A, String>)>;

/// What the simulation hears from the worker.
#[derive(Clone, Debug)]
pub enum RunNews {
    /// A report of the run numbered by the first field: the part the page
    /// reads, and the message as it came (for the Simulate panel's module).
    Report(u32, RunReportHead, JsValue),
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

/// Everything one connection to the worker remembers.
struct Connection<P: Protocol> {
    link: Option<WorkerLink>,
    next_task: u32,
    waiting: Vec<(u32, Asker<P::Answer>)>,
    run_listener: Option<Rc<dyn Fn(RunNews)>>,
}

impl<P: Protocol> Default for Connection<P> {
    fn default() -> Connection<P> {
        Connection {
            link: None,
            next_task: 0,
            waiting: Vec::new(),
            run_listener: None,
        }
    }
}

/// A `Copy` handle on a connection to the worker; the page's (held by the
/// app state) speaks [`PageTasks`].
pub struct PageWorker<P: Protocol = PageTasks> {
    connection: StoredValue<Connection<P>, LocalStorage>,
}

impl<P: Protocol> Clone for PageWorker<P> {
    fn clone(&self) -> PageWorker<P> {
        *self
    }
}

impl<P: Protocol> Copy for PageWorker<P> {}

fn report_console(text: &str) {
    web_sys::console::error_1(&JsValue::from_str(text));
}

impl<P: Protocol> PageWorker<P> {
    /// A connection with no worker yet: the first command starts one.
    pub fn new() -> PageWorker<P> {
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
    pub fn send(&self, command: &P::Command) {
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

    /// Has the worker do `request`, and calls `answer` with the result once
    /// (possibly an error saying the worker could not do it).
    pub fn ask(
        &self,
        request: P::Request,
        answer: impl FnOnce(Result<P::Answer, String>) + 'static,
    ) {
        let id = self.connection.try_update_value(|connection| {
            connection.next_task = connection.next_task.wrapping_add(1);
            let id = connection.next_task;
            connection.waiting.push((id, Box::new(answer)));
            id
        });
        if let Some(id) = id {
            self.send(&P::command(id, request));
        }
    }

    fn spawn(self) -> Option<WorkerLink> {
        let worker = Worker::new(P::SCRIPT).ok()?;
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
        let data = event.data();
        match serde_wasm_bindgen::from_value::<P::Report>(data.clone()).map(P::heard) {
            Ok(Heard::Ready) => self.flush_pending(),
            Ok(Heard::Answer(id, answer)) => {
                if let Some(asker) = self.take_asker(id) {
                    asker(answer);
                }
            }
            Ok(Heard::Run(run, report)) => {
                if let Some(listener) = self.run_listener() {
                    listener(RunNews::Report(run, report, data));
                }
            }
            Ok(Heard::Nothing) => {}
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

    fn take_asker(&self, id: u32) -> Option<Asker<P::Answer>> {
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

    /// Terminates the worker at once, mid-work if need be, and fails what
    /// waits on it with `message`; the next command starts a new worker.
    pub fn stop(&self, message: &str) {
        self.fail(message.to_string());
    }

    /// Drops the worker and fails everything that waits on it, with `message`.
    fn fail(&self, message: String) {
        let waiting = self
            .connection
            .try_update_value(|connection| {
                if let Some(link) = connection.link.take() {
                    link.worker.terminate();
                }
                std::mem::take(&mut connection.waiting)
            })
            .unwrap_or_default();
        for (_, asker) in waiting {
            asker(Err(message.clone()));
        }
        if let Some(listener) = self.run_listener() {
            listener(RunNews::WorkerFailed(message));
        }
    }
}

impl<P: Protocol> Default for PageWorker<P> {
    fn default() -> PageWorker<P> {
        PageWorker::new()
    }
}
