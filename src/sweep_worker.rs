//! The Sweep module's Web Worker (`archplay-sweep-worker`): a wasm binary the
//! Sweep module starts as a pool, one per core (`sweep_ui::pool`), so a
//! sweep's points run side by side and the simulator for them loads only
//! for someone who opened Sweep. It takes [`SweepCommand`]s and answers each
//! with one [`SweepReport::Sweep`] (both through `serde-wasm-bindgen`; the
//! protocol is `archplay::worker_protocol::sweep`), computed by
//! [`answer::answer`].
//!
//! What must stay true: every command is answered exactly once, with the
//! id it came with; [`SweepReport::Ready`] is posted once the handler is in place.
//! The rest (reading, posting, the handler) is the body every module's
//! worker shares, `archplay::module_worker`.

use archplay::worker_protocol::sweep::{SweepCommand, SweepReport};

#[path = "sweep_worker/answer.rs"]
mod answer;

fn main() {
    archplay::module_worker::serve("sweep", SweepReport::Ready, |command: SweepCommand| {
        let SweepCommand::Sweep { id, request } = command;
        SweepReport::Sweep {
            id,
            answer: answer::answer(request),
        }
    });
}
