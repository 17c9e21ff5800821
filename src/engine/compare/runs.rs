//! Two runs side by side: design A and design B each simulated with the same
//! seed and duration (each keeps its other simulation settings, which the
//! comparison's `design` list shows when they differ), and what the runs
//! measured: p50, p95, p99, throughput, failures by cause and the busiest
//! component.
//!
//! What must stay true: each run is exactly `archplay simulate` of its
//! design with that seed and duration (the settings go through the
//! attribute table, the run has the default event budget); a run that cannot
//! be set up is refused with a message naming the design.

use super::{Both, Delta};
use crate::engine::attributes::number::format_number;
use crate::engine::attributes::spec::FieldError;
use crate::engine::model::{ComponentKind, Design};
use crate::engine::sim::summary::ComponentSummary;
use crate::engine::sim::{SimError, Simulation, Summary};
use crate::engine::sweep::point::set_run_settings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Why the two runs could not be made.
#[derive(Clone, Debug, PartialEq)]
pub enum RunError {
    /// The seed or duration is not one the simulation settings take.
    BadRunSetting {
        /// Which design, `A` or `B` (the other design may take it).
        design: &'static str,
        /// `seed` or `duration`.
        setting: &'static str,
        /// What the attribute table said.
        problem: FieldError,
    },
    /// The simulator refused to set a design's run up.
    Simulation {
        /// Which design, `A` or `B`.
        design: &'static str,
        /// Why.
        problem: SimError,
    },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::BadRunSetting {
                design,
                setting,
                problem,
            } => write!(f, "design {design}: {setting}: {problem}"),
            RunError::Simulation { design, problem } => {
                write!(f, "design {design} cannot run: {problem}")
            }
        }
    }
}

impl std::error::Error for RunError {}

/// The busiest component of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunBottleneck {
    /// Its name.
    pub name: String,
    /// Busy server time over ready server time, 0 to 1.
    pub utilisation: f64,
}

/// Failed requests of one cause in both runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CauseCount {
    /// The cause's slug (`timeout`, `queue_full`...).
    pub cause: String,
    /// Failed requests it started, in A and B.
    pub failed: Delta,
}

/// What the two runs measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunComparison {
    /// Where the figures come from: the two runs, their seed and duration, in words.
    pub source: String,
    /// The seed both ran with.
    pub seed: u64,
    /// The simulated seconds both ran.
    pub duration_s: f64,
    /// Median response time of answered requests, ms.
    pub p50_ms: Delta,
    /// 95th percentile, ms.
    pub p95_ms: Delta,
    /// 99th percentile, ms.
    pub p99_ms: Delta,
    /// Answered requests per second.
    pub throughput_rps: Delta,
    /// Failed requests.
    pub failed: Delta,
    /// Failed requests by the cause that started them, every cause either run saw.
    pub failures_by_cause: Vec<CauseCount>,
    /// The component with the highest utilisation (clients aside).
    pub bottleneck: Both<Option<RunBottleneck>>,
    /// A sentence when a run spent its event budget before its end.
    pub partial: Both<Option<String>>,
}

/// Runs `design` (called `which` in messages) with `seed` for `duration_s`.
fn run(
    design: &Design,
    which: &'static str,
    seed: u64,
    duration_s: f64,
) -> Result<Summary, RunError> {
    let mut design = design.clone();
    set_run_settings(&mut design, seed, duration_s).map_err(|(setting, problem)| {
        RunError::BadRunSetting {
            design: which,
            setting,
            problem,
        }
    })?;
    let mut simulation = Simulation::new(&design).map_err(|problem| RunError::Simulation {
        design: which,
        problem,
    })?;
    simulation.run();
    Ok(simulation.summary())
}

fn bottleneck(summary: &Summary) -> Option<RunBottleneck> {
    summary
        .components
        .iter()
        .filter(|c| c.kind != ComponentKind::Client.slug())
        .fold(None, |best: Option<&ComponentSummary>, c| match best {
            Some(b) if b.utilisation >= c.utilisation => Some(b),
            _ => Some(c),
        })
        .map(|c| RunBottleneck {
            name: c.name.clone(),
            utilisation: c.utilisation,
        })
}

/// Runs `a` and `b` with the same `seed` for `duration_s` simulated seconds
/// and compares what they measured.
pub fn compare_runs(
    a: &Design,
    b: &Design,
    seed: u64,
    duration_s: f64,
) -> Result<RunComparison, RunError> {
    let run_a = run(a, "A", seed, duration_s)?;
    let run_b = run(b, "B", seed, duration_s)?;
    let (ea, eb) = (&run_a.end_to_end, &run_b.end_to_end);
    let causes: BTreeSet<&str> = ea.errors.keys().chain(eb.errors.keys()).copied().collect();
    let count = |errors: &std::collections::BTreeMap<&str, u64>, cause: &str| {
        errors.get(cause).copied().unwrap_or(0) as f64
    };
    Ok(RunComparison {
        source: format!(
            "simulated runs of each design, seed {seed}, {} s",
            format_number(duration_s)
        ),
        seed,
        duration_s,
        p50_ms: Delta::both(ea.latency.p50_ms, eb.latency.p50_ms),
        p95_ms: Delta::both(ea.latency.p95_ms, eb.latency.p95_ms),
        p99_ms: Delta::both(ea.latency.p99_ms, eb.latency.p99_ms),
        throughput_rps: Delta::both(ea.throughput_rps, eb.throughput_rps),
        failed: Delta::both(ea.failed as f64, eb.failed as f64),
        failures_by_cause: causes
            .into_iter()
            .map(|cause| CauseCount {
                cause: cause.to_string(),
                failed: Delta::both(count(&ea.errors, cause), count(&eb.errors, cause)),
            })
            .collect(),
        bottleneck: Both {
            a: bottleneck(&run_a),
            b: bottleneck(&run_b),
        },
        partial: Both {
            a: run_a.partial.clone(),
            b: run_b.partial.clone(),
        },
    })
}
