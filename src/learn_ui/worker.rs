//! The Learn module's connection to its own worker (`src/learn_worker.rs`,
//! started on the module's first request): the page's [`PageWorker`] over
//! the [`LearnTasks`] protocol, which sends [`LearnCommand`]s and reads
//! [`LearnReport`]s, so the module links none of the page's messages and the
//! page none of the module's.
//!
//! What must stay true: every [`ask`] gets exactly one answer, and an answer
//! of another kind than the request expects is an error in a sentence,
//! never a panic.

use crate::ui::worker::{Heard, PageWorker, Protocol};
use crate::worker_protocol::learn::{LearnAnswer, LearnCommand, LearnReport, LearnRequest};

/// The Learn module's protocol: [`LearnRequest`]s answered with [`LearnAnswer`]s.
pub struct LearnTasks;

impl Protocol for LearnTasks {
    const SCRIPT: &'static str = "archplay-learn-worker_loader.js";
    type Request = LearnRequest;
    type Answer = LearnAnswer;
    type Command = LearnCommand;
    type Report = LearnReport;

    fn command(id: u32, request: LearnRequest) -> LearnCommand {
        LearnCommand::Learn { id, request }
    }

    fn heard(report: LearnReport) -> Heard<LearnAnswer> {
        match report {
            LearnReport::Ready => Heard::Ready,
            LearnReport::Learn { id, answer } => Heard::Answer(id, answer),
        }
    }
}

/// The Learn module's connection to its worker.
pub type LearnWorker = PageWorker<LearnTasks>;

/// Asks `request`, and calls `done` once with what `pick` takes from the
/// answer, or why there is none (the worker's reason, or an answer of
/// another kind).
pub fn ask<T: 'static>(
    worker: LearnWorker,
    request: LearnRequest,
    pick: impl FnOnce(LearnAnswer) -> Option<T> + 'static,
    done: impl FnOnce(Result<T, String>) + 'static,
) {
    worker.ask(request, move |answer| {
        done(answer.and_then(|answer| {
            pick(answer).ok_or_else(|| "the worker answered with something else".to_string())
        }))
    });
}

/// The path, from a [`LearnAnswer`].
pub fn list(answer: LearnAnswer) -> Option<Vec<crate::worker_protocol::learn::ExerciseEntry>> {
    match answer {
        LearnAnswer::List(entries) => Some(entries),
        _ => None,
    }
}

/// Check lines, from a [`LearnAnswer`].
pub fn graded(answer: LearnAnswer) -> Option<Vec<crate::worker_protocol::learn::CheckLine>> {
    match answer {
        LearnAnswer::Graded(lines) => Some(lines),
        _ => None,
    }
}

/// A snapshot, from a [`LearnAnswer`].
pub fn design(answer: LearnAnswer) -> Option<String> {
    match answer {
        LearnAnswer::Design(snapshot) => Some(snapshot),
        _ => None,
    }
}

/// Text, from a [`LearnAnswer`].
pub fn text(answer: LearnAnswer) -> Option<String> {
    match answer {
        LearnAnswer::Text(text) => Some(text),
        _ => None,
    }
}
