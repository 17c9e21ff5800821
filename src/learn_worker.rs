//! The Learn module's Web Worker (`archplay-learn-worker`): a wasm binary the
//! Learn module starts on its first request (`learn_ui::worker`), apart from
//! the page's worker, so that the exercise catalog, grading (with its
//! simulated runs) and challenge links load only for someone who opened
//! Learn. It takes [`LearnCommand`]s and answers each with one
//! [`LearnReport::Learn`] (both through `serde-wasm-bindgen`; the protocol is
//! `archplay::worker_protocol::learn`), computed by [`answer::answer`].
//!
//! What must stay true: every command is answered exactly once, with the
//! id it came with; [`LearnReport::Ready`] is posted once the handler is in place.
//! The rest (reading, posting, the handler) is the body every module's
//! worker shares, `archplay::module_worker`.

use archplay::worker_protocol::learn::{LearnCommand, LearnReport};

#[path = "learn_worker/answer.rs"]
mod answer;

fn main() {
    archplay::module_worker::serve("learn", LearnReport::Ready, |command: LearnCommand| {
        let LearnCommand::Learn { id, request } = command;
        LearnReport::Learn {
            id,
            answer: answer::answer(request),
        }
    });
}
