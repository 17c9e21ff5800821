//! The Compare module's connection to its own worker
//! (`src/compare_worker.rs`, started on the module's first request): the
//! page's [`PageWorker`] over the [`CompareTasks`] protocol, so the module
//! links none of the page's messages and the page none of the module's.
//!
//! What must stay true: every [`ask`] gets exactly one answer, and an answer
//! of another kind than the request expects is an error in a sentence,
//! never a panic.

use crate::ui::worker::{Heard, PageWorker, Protocol};
use crate::worker_protocol::compare::{
    CompareAnswer, CompareCommand, CompareReport, CompareRequest,
};

/// The Compare module's protocol: [`CompareRequest`]s answered with [`CompareAnswer`]s.
pub struct CompareTasks;

impl Protocol for CompareTasks {
    const SCRIPT: &'static str = "archplay-compare-worker_loader.js";
    type Request = CompareRequest;
    type Answer = CompareAnswer;
    type Command = CompareCommand;
    type Report = CompareReport;

    fn command(id: u32, request: CompareRequest) -> CompareCommand {
        CompareCommand::Compare { id, request }
    }

    fn heard(report: CompareReport) -> Heard<CompareAnswer> {
        match report {
            CompareReport::Ready => Heard::Ready,
            CompareReport::Compare { id, answer } => Heard::Answer(id, answer),
        }
    }
}

/// The Compare module's connection to its worker.
pub type CompareWorker = PageWorker<CompareTasks>;

/// Asks `request`, and calls `done` once with what `pick` takes from the
/// answer, or why there is none.
pub fn ask<T: 'static>(
    worker: CompareWorker,
    request: CompareRequest,
    pick: impl FnOnce(CompareAnswer) -> Option<T> + 'static,
    done: impl FnOnce(Result<T, String>) + 'static,
) {
    worker.ask(request, move |answer| {
        done(answer.and_then(|answer| {
            pick(answer).ok_or_else(|| "the worker answered with something else".to_string())
        }))
    });
}
