//! One point of a sweep: the design with the parameter set to the point's
//! value, run once with the given seed and duration, and the figures a
//! sweep's chart and table show (the run's percentiles, throughput, error
//! share, per-component utilisation and cost, with the analytic estimate at
//! the same point for the curve beside them).
//!
//! What must stay true: [`run_point`] sets the seed and then the duration
//! through the attribute table, as `archplay simulate --seed N --duration S`
//! does, and runs with the default event budget, so its summary is that
//! command's output for the point's design, character for character; a point
//! depends only on (design, spec, index, seed, duration), never on which
//! thread or worker runs it.

use super::{Sweep, SweepError, SweepSpec};
use crate::engine::attributes::access::set_field;
use crate::engine::attributes::number::format_number;
use crate::engine::attributes::spec::{FieldError, FieldTarget};
use crate::engine::cost::monthly_cost;
use crate::engine::model::{ComponentKind, Design};
use crate::engine::score::analytic::{estimate, Estimate};
use crate::engine::sim::{Simulation, Summary};
use serde::{Deserialize, Serialize};

/// One component's share of busy time in a point's run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComponentUtilisation {
    /// The component's name.
    pub name: String,
    /// Busy server time over ready server time, 0 to 1 (the run's summary).
    pub utilisation: f64,
}

/// The analytic estimate of a point's design (M/M/c stations; see
/// [`crate::engine::score::analytic`]); `None` where the estimate has no
/// figure (saturated, or nothing offered).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PointEstimate {
    /// Mean end-to-end response time, ms.
    pub mean_ms: Option<f64>,
    /// 95th percentile, ms.
    pub p95_ms: Option<f64>,
    /// 99th percentile, ms.
    pub p99_ms: Option<f64>,
    /// Requests per second answered at the offered load.
    pub answered_rps: Option<f64>,
    /// Requests per second answered when the bottleneck saturates.
    pub capacity_rps: Option<f64>,
    /// Whether a station is at or past saturation.
    pub saturated: bool,
}

/// What one point of a sweep measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    /// The point's index, from 0.
    pub index: u32,
    /// The parameter's value at this point.
    pub value: f64,
    /// The run's seed.
    pub seed: u64,
    /// The run's simulated seconds.
    pub duration_s: f64,
    /// The run's median response time of answered requests, ms.
    pub p50_ms: f64,
    /// The run's 95th percentile, ms.
    pub p95_ms: f64,
    /// The run's 99th percentile, ms.
    pub p99_ms: f64,
    /// The run's answered requests per second (after the warm-up).
    pub throughput_rps: f64,
    /// Failed requests over finished ones (answered or failed), 0 to 1.
    pub error_share: f64,
    /// Present when the run spent its event budget before its end: the
    /// summary's sentence saying so.
    pub partial: Option<String>,
    /// Every component but the clients, in design order.
    pub utilisation: Vec<ComponentUtilisation>,
    /// The point's design's monthly cost at its unit prices, USD.
    pub cost_usd_per_month: f64,
    /// The monthly rate of what the run actually ran (autoscalers
    /// included), USD.
    pub run_cost_usd_per_month: f64,
    /// The analytic estimate at this point.
    pub estimate: PointEstimate,
}

/// A point's design and the summary of its run.
#[derive(Clone, Debug)]
pub struct PointRun {
    /// The parameter's value.
    pub value: f64,
    /// The design with the parameter, seed and duration set.
    pub design: Design,
    /// The run's summary, as `archplay simulate` prints it.
    pub summary: Summary,
}

/// Sets `design`'s seed, then its duration, through the attribute table, as
/// `archplay simulate --seed N --duration S` does; on a refusal, which
/// setting (`seed` or `duration`) and why.
pub fn set_run_settings(
    design: &mut Design,
    seed: u64,
    duration_s: f64,
) -> Result<(), (&'static str, FieldError)> {
    set_field(
        design,
        FieldTarget::Design,
        "simulation.seed",
        &seed.to_string(),
    )
    .map_err(|problem| ("seed", problem))?;
    set_field(
        design,
        FieldTarget::Design,
        "simulation.duration_s",
        &format_number(duration_s),
    )
    .map_err(|problem| ("duration", problem))
}

/// Sets up (without running) the run of every point of `spec`, so a point
/// the simulator refuses (too many arrivals for the event budget, a
/// component too large) is refused before any point spends time running;
/// the first refusal, in index order.
pub fn check_runs(
    design: &Design,
    spec: &SweepSpec,
    seed: u64,
    duration_s: f64,
) -> Result<(), SweepError> {
    let sweep = Sweep::new(design, spec)?;
    for (index, &value) in (0..).zip(&sweep.values) {
        let mut point = sweep.design_at(design, index)?;
        set_run_settings(&mut point, seed, duration_s)
            .map_err(|(setting, problem)| SweepError::BadRunSetting { setting, problem })?;
        Simulation::new(&point).map_err(|problem| SweepError::Simulation { value, problem })?;
    }
    Ok(())
}

/// Runs point `index` of `spec` on `design` with `seed` for `duration_s`
/// simulated seconds; the spec is checked whole first.
pub fn run_point(
    design: &Design,
    spec: &SweepSpec,
    index: u32,
    seed: u64,
    duration_s: f64,
) -> Result<PointRun, SweepError> {
    let sweep = Sweep::new(design, spec)?;
    let value = sweep.value(index)?;
    let mut point = sweep.design_at(design, index)?;
    set_run_settings(&mut point, seed, duration_s)
        .map_err(|(setting, problem)| SweepError::BadRunSetting { setting, problem })?;
    let mut simulation =
        Simulation::new(&point).map_err(|problem| SweepError::Simulation { value, problem })?;
    simulation.run();
    Ok(PointRun {
        value,
        summary: simulation.summary(),
        design: point,
    })
}

/// Runs point `index` of `spec` on `design` (see [`run_point`]) and keeps
/// the figures a sweep shows.
pub fn sweep_point(
    design: &Design,
    spec: &SweepSpec,
    index: u32,
    seed: u64,
    duration_s: f64,
) -> Result<SweepPoint, SweepError> {
    let run = run_point(design, spec, index, seed, duration_s)?;
    Ok(SweepPoint::of(index, &run))
}

impl SweepPoint {
    /// The figures of point `index` from its run.
    pub fn of(index: u32, run: &PointRun) -> SweepPoint {
        let summary = &run.summary;
        let requests = &summary.end_to_end;
        let finished = requests.completed + requests.failed;
        let analytic = estimate(&run.design);
        SweepPoint {
            index,
            value: run.value,
            seed: summary.seed,
            duration_s: run.design.simulation.duration_s,
            p50_ms: requests.latency.p50_ms,
            p95_ms: requests.latency.p95_ms,
            p99_ms: requests.latency.p99_ms,
            throughput_rps: requests.throughput_rps,
            error_share: if finished > 0 {
                requests.failed as f64 / finished as f64
            } else {
                0.0
            },
            partial: summary.partial.clone(),
            utilisation: summary
                .components
                .iter()
                .filter(|c| c.kind != ComponentKind::Client.slug())
                .map(|c| ComponentUtilisation {
                    name: c.name.clone(),
                    utilisation: c.utilisation,
                })
                .collect(),
            cost_usd_per_month: monthly_cost(&run.design).total_usd_per_month,
            run_cost_usd_per_month: summary.cost.usd_per_month,
            estimate: PointEstimate::of(&analytic),
        }
    }
}

impl PointEstimate {
    /// The figures a sweep keeps of an analytic estimate.
    pub fn of(analytic: &Estimate) -> PointEstimate {
        PointEstimate {
            mean_ms: analytic.response_time_ms,
            p95_ms: analytic.p95_ms,
            p99_ms: analytic.p99_ms,
            answered_rps: analytic.answered_rps,
            capacity_rps: analytic.capacity_rps,
            saturated: analytic.saturated,
        }
    }
}
