//! The Sweep module's pool of workers (`src/sweep_worker.rs`): the page's
//! [`PageWorker`] over the [`SweepTasks`] protocol, one connection per
//! worker, up to [`MAX_WORKERS`], each starting its worker on its first
//! request; and how many to use ([`default_workers`]: the machine's cores,
//! or `?sweep-workers=N` in the address, for benchmarks and tests).
//!
//! What must stay true: the workers live in the module, never in the page;
//! [`WorkerPool::stop_all`] terminates every worker at once (a point being
//! run is abandoned, not finished), and the next request starts new ones.

use crate::ui::worker::{Heard, PageWorker, Protocol};
use crate::worker_protocol::sweep::{SweepAnswer, SweepCommand, SweepReport, SweepRequest};

/// The most workers a sweep uses.
pub const MAX_WORKERS: u32 = 16;

/// The Sweep module's protocol: [`SweepRequest`]s answered with [`SweepAnswer`]s.
pub struct SweepTasks;

impl Protocol for SweepTasks {
    const SCRIPT: &'static str = "archplay-sweep-worker_loader.js";
    type Request = SweepRequest;
    type Answer = SweepAnswer;
    type Command = SweepCommand;
    type Report = SweepReport;

    fn command(id: u32, request: SweepRequest) -> SweepCommand {
        SweepCommand::Sweep { id, request }
    }

    fn heard(report: SweepReport) -> Heard<SweepAnswer> {
        match report {
            SweepReport::Ready => Heard::Ready,
            SweepReport::Sweep { id, answer } => Heard::Answer(id, answer),
        }
    }
}

/// One connection to a sweep worker.
pub type SweepWorker = PageWorker<SweepTasks>;

/// Up to [`MAX_WORKERS`] connections, made once when the module mounts.
#[derive(Clone)]
pub struct WorkerPool {
    workers: Vec<SweepWorker>,
}

impl WorkerPool {
    /// A pool whose workers start on their first request.
    pub fn new() -> WorkerPool {
        WorkerPool {
            workers: (0..MAX_WORKERS).map(|_| SweepWorker::new()).collect(),
        }
    }

    /// Worker `index` (modulo the pool's size).
    pub fn worker(&self, index: u32) -> SweepWorker {
        self.workers[index as usize % self.workers.len()]
    }

    /// Terminates every worker, abandoning what they run.
    pub fn stop_all(&self) {
        for worker in &self.workers {
            worker.stop("the sweep was stopped");
        }
    }
}

impl Default for WorkerPool {
    fn default() -> WorkerPool {
        WorkerPool::new()
    }
}

/// The workers `?sweep-workers=N` in `search` asks for, if it does (1 to [`MAX_WORKERS`]).
pub fn workers_from_query(search: &str) -> Option<u32> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("sweep-workers="))
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| (1..=MAX_WORKERS).contains(n))
}

/// How many workers a sweep uses by default: the address's
/// `?sweep-workers=N`, else the machine's cores (at most [`MAX_WORKERS`]).
pub fn default_workers() -> u32 {
    let window = web_sys::window();
    let search = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    workers_from_query(&search).unwrap_or_else(|| {
        let cores = window.map_or(1.0, |w| w.navigator().hardware_concurrency());
        (cores as u32).clamp(1, MAX_WORKERS)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_picks_the_workers_within_bounds() {
        assert_eq!(workers_from_query("?sweep-workers=1"), Some(1));
        assert_eq!(workers_from_query("?a=b&sweep-workers=4"), Some(4));
        assert_eq!(workers_from_query("?sweep-workers=0"), None);
        assert_eq!(workers_from_query("?sweep-workers=99"), None);
        assert_eq!(workers_from_query(""), None);
    }
}
