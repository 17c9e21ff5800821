//! The reconciled scorecard: after a run of the current design, every rubric
//! line whose quantity the run measured shows the run's figure beside the
//! design's (or the estimate's), passes or fails on what the run showed, and
//! says so in its reason. The run measures the four Performance facts
//! (response time judged on the run's p95, latency on its mean time waiting
//! in queues and on the network, throughput on the answered rate at the
//! offered load, CPU on the busiest component's utilisation) and fault
//! tolerance (the failed share against the design's error budget).
//!
//! The worker reconciles ([`simulated_scorecard`] over the run's
//! [`SimulatedPerformance`]) and sends the page only what changed, a
//! [`RunScore`] ([`run_score`]), so the page's bundle carries neither the
//! simulator nor this wording. A [`SimulatedRun`] ties it to the design that
//! was run, and [`scorecard_for`] uses it only while the design is still that
//! one; the CLI's `score --simulate` prints the same scorecard.
//!
//! What must stay true: only the lines listed above change, each gets a run
//! figure (source [`Source::Run`]) and a reason beginning with
//! `simulated (seed N, D s)`; every other line, and the design figure of
//! every line, stay the analytic ones. Scores are the sums of the lines as
//! judged. Nothing here panics or returns a non-finite value.
pub use super::performance::{
    Busiest, ChannelFull, ComponentWait, FailurePlace, SimulatedPerformance,
};
use super::summary::Summary;
use super::verdict::{count_words, error_budget_percent, percent_words};
use crate::engine::model::{ComponentId, Design};
use crate::engine::model::{FaultAction, ScheduledFault};
use crate::engine::score::facts::{derive, Facts, Measure};
use crate::engine::score::run_score::RunScore;
use crate::engine::score::source::{Figure, Source};
use crate::engine::score::{score, score_facts, RubricLine, Scorecard};

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

/// `; estimate 46 ms` when the estimate had a figure for the fact.
fn estimate_words(estimate: &Measure, unit: &str) -> String {
    estimate
        .value
        .map_or_else(String::new, |v| format!("; the estimate said {v:.1}{unit}"))
}

/// `facts` with the four performance facts taken from a simulated run: the
/// response time is the run's p95, the latency its mean waiting along the
/// request path plus the network, the throughput its answered rate at the
/// offered load, the CPU its busiest component's utilisation.
pub fn apply_simulated(mut facts: Facts, performance: &SimulatedPerformance) -> Facts {
    let label = performance.label();
    let busiest = performance.busiest.as_ref().map(|b| ComponentId(b.id));
    let failures = performance.failures_words();
    facts.response_time_ms = if performance.completed > 0 {
        Measure {
            value: Some(performance.p95_ms),
            reason: format!(
                "{label}: p95 of {} answered requests (mean {:.1} ms, p50 {:.1} ms, p99 {:.1} ms); {failures}{}",
                count_words(performance.completed),
                performance.mean_ms,
                performance.p50_ms,
                performance.p99_ms,
                estimate_words(&facts.response_time_ms, " ms"),
            ),
            component: busiest,
        }
    } else {
        Measure {
            value: None,
            reason: format!("{label}: no request was answered; {failures}"),
            component: busiest,
        }
    };
    facts.throughput_rps = Measure {
        value: Some(performance.throughput_rps),
        reason: format!(
            "{label}: {:.0} req/s answered of {:.0} req/s sent; {failures}{}",
            performance.throughput_rps,
            performance.offered_rps,
            estimate_words(&facts.throughput_rps, " req/s"),
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
            reason: format!(
                "{label}: mean of {queueing:.1} ms waiting in queues along the request path, {network_words}{}",
                estimate_words(&facts.latency_ms, " ms"),
            ),
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
                "{label}: busiest component {} ran at {:.0}% utilisation{}",
                b.name,
                b.utilisation * 100.0,
                estimate_words(&facts.cpu_percent, "%"),
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

/// `a replica of orders-service was down (from 10 s)`.
fn fault_words(design: &Design, fault: &ScheduledFault) -> String {
    let name = design
        .component(fault.component)
        .map_or("a removed component", |c| c.name.as_str());
    let what = match fault.action {
        FaultAction::KillReplica => format!("a replica of {name} was down"),
        FaultAction::ComponentDown => format!("{name} was down"),
        FaultAction::AddLatency { ms } => format!("{name} took {ms} ms longer"),
        FaultAction::AddErrors { percent } => format!("{percent} % of calls to {name} failed"),
    };
    let from = crate::engine::attributes::fields::format_number(fault.at_s);
    match fault.duration_s {
        Some(d) => format!(
            "{what} (from {from} s for {} s)",
            crate::engine::attributes::fields::format_number(d)
        ),
        None => format!("{what} (from {from} s)"),
    }
}

/// `while a replica of orders-service was down` for the faults the design
/// schedules, or nothing without faults.
fn during_faults(design: &Design) -> String {
    let faults: Vec<String> = design
        .simulation
        .faults
        .iter()
        .map(|fault| fault_words(design, fault))
        .collect();
    if faults.is_empty() {
        String::new()
    } else {
        format!(" while {}", faults.join(" and "))
    }
}

/// The fault tolerance line as the run judged it: failed when more requests
/// failed than the error budget allows; passed when the design scheduled
/// faults and the run stayed within the budget; otherwise the design's
/// verdict stands (the run did not test it) with the run's figure beside.
fn judge_fault_tolerance(line: &mut RubricLine, design: &Design, run: &SimulatedPerformance) {
    let budget = error_budget_percent(&design.targets);
    let failed = run.failed_percent();
    let faults = during_faults(design);
    let label = run.label();
    let figure = Figure {
        value: Some(failed),
        words: format!("{} failed", percent_words(failed)),
        source: Source::Run {
            seed: run.seed,
            duration_s: run.simulated_s,
        },
    };
    let causes = if run.errors.is_empty() {
        String::new()
    } else {
        format!(" ({})", run.causes_words())
    };
    let budget_words = format!("the {} error budget", percent_words(budget));
    if failed > budget {
        line.passed = false;
        line.reason = format!(
            "{label}: {} of requests failed{faults}, above {budget_words}{causes}",
            percent_words(failed)
        );
        line.fix = format!(
            "keep failed requests within {budget_words}: see the run's causes (more replicas, health checks that act sooner, retries or a fallback)"
        );
    } else if !faults.is_empty() {
        line.passed = true;
        line.reason = format!(
            "{label}: {} of requests failed{faults}, within {budget_words}{causes}",
            percent_words(failed)
        );
        line.fix = String::new();
    } else {
        // The run did not test fault tolerance: the design's verdict stands and
        // judged the line, so the run's figure appears in the reason only.
        line.reason = format!(
            "{}; {label}: {} of requests failed with no fault injected (the run did not test fault tolerance)",
            line.reason,
            percent_words(failed)
        );
        return;
    }
    line.points = if line.passed { line.max_points } else { 0.0 };
    line.values.run = Some(figure);
}

/// The scorecard of `design` reconciled with a run of it: the lines the run
/// measured carry its figures beside the estimate's and are judged by them.
pub fn simulated_scorecard(design: &Design, performance: &SimulatedPerformance) -> Scorecard {
    let estimated = score(design);
    let mut card = score_facts(
        apply_simulated(derive(design), performance),
        &design.targets,
    );
    let source = Source::Run {
        seed: performance.seed,
        duration_s: performance.simulated_s,
    };
    for (attribute, estimated) in card.attributes.iter_mut().zip(&estimated.attributes) {
        for (line, before) in attribute.lines.iter_mut().zip(&estimated.lines) {
            if crate::engine::score::source::ESTIMATED_FACTS.contains(&line.fact) {
                let run = Figure {
                    source: source.clone(),
                    ..line.values.design.clone()
                };
                line.values = before.values.clone();
                line.values.run = Some(run);
            } else if line.fact == "has_fault_tolerance" {
                judge_fault_tolerance(line, design, performance);
            }
        }
        attribute.score = attribute.lines.iter().map(|l| l.points).sum();
    }
    card.overall =
        card.attributes.iter().map(|a| a.score).sum::<f64>() / card.attributes.len().max(1) as f64;
    card
}

/// A finished run: the design that was run and what the run changed in its
/// scorecard (computed where the run ran; the page receives it as data).
#[derive(Clone, Debug, PartialEq)]
pub struct SimulatedRun {
    /// The design as it was when the run started.
    pub design: Design,
    /// What the run changed in the design's scorecard.
    pub score: RunScore,
}

impl SimulatedRun {
    /// The run of `design` whose figures are `performance`.
    pub fn new(design: Design, performance: &SimulatedPerformance) -> SimulatedRun {
        let score = run_score(&design, performance);
        SimulatedRun { design, score }
    }
}

/// What the run with `performance` changes in the scorecard of `design`.
pub fn run_score(design: &Design, performance: &SimulatedPerformance) -> RunScore {
    RunScore::between(
        &score(design),
        &simulated_scorecard(design, performance),
        performance.seed,
        performance.simulated_s,
    )
}

/// The scorecard of `design`: reconciled with `simulated` when it is a run of
/// this very design, otherwise the design's and the estimate's alone.
pub fn scorecard_for(design: &Design, simulated: Option<&SimulatedRun>) -> Scorecard {
    match simulated {
        Some(run) if run.design == *design => run.score.apply(score(design)),
        _ => score(design),
    }
}
