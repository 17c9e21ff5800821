//! The Compare module's Web Worker (`archplay-compare-worker`): a wasm
//! binary the Compare module starts on its first request
//! (`compare_ui::worker`), apart from the page's worker, so that comparing,
//! compare links and the runs of both designs load only for someone who
//! opened Compare or Milestones, and runs never block the page. It takes
//! [`CompareCommand`]s and answers each with one [`CompareReport::Compare`]
//! (both through `serde-wasm-bindgen`; the protocol is
//! `archplay::worker_protocol::compare`), computed by [`answer::answer`].
//!
//! What must stay true: every command is answered exactly once, with the
//! id it came with; [`CompareReport::Ready`] is posted once the handler is in place.
//! The rest (reading, posting, the handler) is the body every module's
//! worker shares, `archplay::module_worker`.

use archplay::worker_protocol::compare::{CompareCommand, CompareReport};

#[path = "compare_worker/answer.rs"]
mod answer;

fn main() {
    archplay::module_worker::serve(
        "compare",
        CompareReport::Ready,
        |command: CompareCommand| {
            let CompareCommand::Compare { id, request } = command;
            CompareReport::Compare {
                id,
                answer: answer::answer(request),
            }
        },
    );
}
