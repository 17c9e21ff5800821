//! The Performance facts from a finished simulation run instead of the
//! analytic estimate: mean response time, throughput, latency (time waiting
//! in queues and on the network) and CPU (the busiest component's
//! utilisation), each with a reason that says it was simulated, with which
//! seed and for how long.
//!
//! The page receives a run's figures from the simulator's worker as a small
//! [`SimulatedPerformance`] (built there by [`SimulatedPerformance::from_summary`])
//! and scores with [`simulated_scorecard`], so the main bundle links this
//! module and the summary's types but never the simulator itself. A
//! [`SimulatedRun`] ties the figures to the design that was run, and
//! [`scorecard_for`] uses them only while the design is still that one.
//!
//! What must stay true: only the four performance facts change; every other
//! fact, and so the other five scores, stay the analytic ones. Every reason
//! begins with `simulated (seed N, D s)`. Nothing here panics or returns a
//! non-finite value.

use super::summary::Summary;
use crate::engine::model::{ComponentId, Design};
use crate::engine::score::facts::{derive, Facts, Measure};
use crate::engine::score::{score, score_facts, Scorecard};
use serde::{Deserialize, Serialize};

/// One component's share of a run: how often a request visited it and how long calls waited there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComponentWait {
    /// The component.
    pub id: u32,
    /// Calls that reached it per request sent.
    pub visits_per_request: f64,
    /// Mean wait in its queues, ms.
    pub mean_wait_ms: f64,
}

/// The busiest component of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Busiest {
    /// The component.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// Busy over ready server time, in [0, 1].
    pub utilisation: f64,
}

/// What the Performance facts need from a finished run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimulatedPerformance {
    /// Seed of the run.
    pub seed: u64,
    /// Simulated seconds.
    pub simulated_s: f64,
    /// Requests sent while measuring.
    pub arrived: u64,
    /// Requests answered successfully.
    pub completed: u64,
    /// Requests that failed.
    pub failed: u64,
    /// Requests sent per second.
    pub offered_rps: f64,
    /// Successful answers per second.
    pub throughput_rps: f64,
    /// Mean response time of the successful requests, ms.
    pub mean_ms: f64,
    /// Median, ms.
    pub p50_ms: f64,
    /// 95th percentile, ms.
    pub p95_ms: f64,
    /// 99th percentile, ms.
    pub p99_ms: f64,
    /// Failed requests by cause, most frequent first.
    pub errors: Vec<(String, u64)>,
    /// The component with the highest utilisation, if any served.
    pub busiest: Option<Busiest>,
    /// Visits and waits of every component.
    pub waits: Vec<ComponentWait>,
}

fn finite_or_zero(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

impl SimulatedPerformance {
    /// The figures of `summary`.
    pub fn from_summary(summary: &Summary) -> SimulatedPerformance {
        let end_to_end = &summary.end_to_end;
        let mut errors: Vec<(String, u64)> = end_to_end
            .errors
            .iter()
            .map(|(cause, count)| (cause.to_string(), *count))
            .collect();
        errors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let busiest = summary
            .components
            .iter()
            .filter(|c| c.utilisation > 0.0)
            .fold(
                None::<&super::summary::ComponentSummary>,
                |best, c| match best {
                    Some(b) if b.utilisation >= c.utilisation => Some(b),
                    _ => Some(c),
                },
            )
            .map(|c| Busiest {
                id: c.id,
                name: c.name.clone(),
                utilisation: finite_or_zero(c.utilisation),
            });
        let per_request = |count: u64| {
            if end_to_end.arrived > 0 {
                count as f64 / end_to_end.arrived as f64
            } else {
                0.0
            }
        };
        SimulatedPerformance {
            seed: summary.seed,
            simulated_s: finite_or_zero(summary.simulated_s),
            arrived: end_to_end.arrived,
            completed: end_to_end.completed,
            failed: end_to_end.failed,
            offered_rps: if summary.measured_s > 0.0 {
                end_to_end.arrived as f64 / summary.measured_s
            } else {
                0.0
            },
            throughput_rps: finite_or_zero(end_to_end.throughput_rps),
            mean_ms: finite_or_zero(end_to_end.latency.mean_ms),
            p50_ms: finite_or_zero(end_to_end.latency.p50_ms),
            p95_ms: finite_or_zero(end_to_end.latency.p95_ms),
            p99_ms: finite_or_zero(end_to_end.latency.p99_ms),
            errors,
            busiest,
            waits: summary
                .components
                .iter()
                .map(|c| ComponentWait {
                    id: c.id,
                    visits_per_request: per_request(c.arrivals),
                    mean_wait_ms: finite_or_zero(c.mean_wait_ms),
                })
                .collect(),
        }
    }

    /// `simulated (seed N, D s)`: how every simulated reason begins.
    pub fn label(&self) -> String {
        format!(
            "simulated (seed {}, {} s)",
            self.seed,
            crate::engine::attributes::fields::format_number(
                (self.simulated_s * 10.0).round() / 10.0
            )
        )
    }

    /// Failed share of the requests that finished, in percent.
    pub fn failed_percent(&self) -> f64 {
        let finished = self.completed + self.failed;
        if finished > 0 {
            self.failed as f64 * 100.0 / finished as f64
        } else {
            0.0
        }
    }

    fn failures_words(&self) -> String {
        if self.failed == 0 {
            return "none failed".to_string();
        }
        let causes: Vec<String> = self
            .errors
            .iter()
            .take(3)
            .map(|(cause, count)| format!("{cause} {count}"))
            .collect();
        format!(
            "{:.1}% failed ({})",
            self.failed_percent(),
            causes.join(", ")
        )
    }
}

/// Mean time a request spent waiting in queues along its synchronous path,
/// ms: every component the analytic estimate puts on the request path,
/// weighted by how often the run's requests reached it.
fn queueing_ms(facts: &Facts, performance: &SimulatedPerformance) -> f64 {
    facts
        .estimate
        .stations
        .iter()
        .filter(|station| station.sync_visits > 0.0)
        .filter_map(|station| performance.waits.iter().find(|w| w.id == station.id.0))
        .map(|wait| wait.visits_per_request * wait.mean_wait_ms)
        .fold(0.0, |total, part| total + part)
}

/// The network share of the analytic latency (hops along the path), when the estimate has one.
fn network_ms(facts: &Facts) -> Option<f64> {
    let total = facts.estimate.latency_ms?;
    let queued: f64 = facts
        .estimate
        .stations
        .iter()
        .map(|s| s.sync_visits * s.mean_wait_ms.unwrap_or(0.0))
        .sum();
    let hops = total - queued;
    hops.is_finite().then_some(hops.max(0.0))
}

/// `facts` with the four performance facts taken from a simulated run.
pub fn apply_simulated(mut facts: Facts, performance: &SimulatedPerformance) -> Facts {
    let label = performance.label();
    let busiest = performance.busiest.as_ref().map(|b| ComponentId(b.id));
    facts.response_time_ms = if performance.completed > 0 {
        Measure {
            value: Some(performance.mean_ms),
            reason: format!(
                "{label}: mean of {} answered requests (p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms); {}",
                performance.completed,
                performance.p50_ms,
                performance.p95_ms,
                performance.p99_ms,
                performance.failures_words()
            ),
            component: busiest,
        }
    } else {
        Measure {
            value: None,
            reason: format!(
                "{label}: no request was answered; {}",
                performance.failures_words()
            ),
            component: busiest,
        }
    };
    facts.throughput_rps = Measure {
        value: Some(performance.throughput_rps),
        reason: format!(
            "{label}: {:.0} req/s answered of {:.0} req/s sent; {}",
            performance.throughput_rps,
            performance.offered_rps,
            performance.failures_words()
        ),
        component: busiest,
    };
    let queueing = queueing_ms(&facts, performance);
    let network = network_ms(&facts);
    facts.latency_ms = if performance.completed > 0 {
        let network_words = match network {
            Some(ms) => format!("plus {ms:.1} ms of network hops"),
            None => {
                "network hops not counted (the analytic estimate has no path time for this design)"
                    .to_string()
            }
        };
        Measure {
            value: Some(queueing + network.unwrap_or(0.0)),
            reason: format!("{label}: {queueing:.1} ms waiting in queues along the request path, {network_words}"),
            component: busiest,
        }
    } else {
        Measure {
            value: None,
            reason: format!("{label}: no request was answered"),
            component: busiest,
        }
    };
    facts.cpu_percent = match &performance.busiest {
        Some(b) => Measure {
            value: Some(b.utilisation * 100.0),
            reason: format!(
                "{label}: busiest component {} ran at {:.0}% utilisation",
                b.name,
                b.utilisation * 100.0
            ),
            component: busiest,
        },
        None => Measure {
            value: Some(0.0),
            reason: format!("{label}: no component served a request"),
            component: None,
        },
    };
    facts
}

/// `facts` with the four performance facts taken from `summary`.
pub fn simulated_facts(facts: Facts, summary: &Summary) -> Facts {
    apply_simulated(facts, &SimulatedPerformance::from_summary(summary))
}

/// The scorecard of `design` with its performance facts from a simulated run
/// of it (the other five scores are the analytic ones).
pub fn simulated_scorecard(design: &Design, performance: &SimulatedPerformance) -> Scorecard {
    score_facts(
        apply_simulated(derive(design), performance),
        &design.targets,
    )
}

/// A finished run: the design that was run and its figures.
#[derive(Clone, Debug, PartialEq)]
pub struct SimulatedRun {
    /// The design as it was when the run started.
    pub design: Design,
    /// What the Performance score needs.
    pub performance: SimulatedPerformance,
}

/// The scorecard of `design`: Performance from `simulated` when it is a run
/// of this very design, otherwise (and for the other five scores) the analytic one.
pub fn scorecard_for(design: &Design, simulated: Option<&SimulatedRun>) -> Scorecard {
    match simulated {
        Some(run) if run.design == *design => simulated_scorecard(design, &run.performance),
        _ => score(design),
    }
}
