//! The verdict on a finished run: how it went, in words: its state (ok, degraded or failed)
//! from the failed share against the design's error budget and from its
//! targets, what failed where ("queue full at orders-service: 1,204
//! requests"), events dropped by full bus channels with their bus and topic,
//! stations that fell behind, and a one-line glossary of every cause that
//! occurred. The Simulate panel shows it; the CLI and tests read the same.
//!
//! What must stay true: a run whose failed share is above the error budget
//! is [`RunState::Failed`], whatever else; a run within it that missed a
//! target, dropped events or fell behind is [`RunState::Degraded`]; only a
//! run with none of these is [`RunState::Ok`]. Every finding names a
//! component (or a bus and topic) and a count.

use super::backlog::FallingBehind;
use super::cause::Cause;
use super::performance::{cause_name, SimulatedPerformance};
use crate::engine::model::{Design, Targets};
use serde::{Deserialize, Serialize};

/// The error budget used when the design's is not a number.
const DEFAULT_ERROR_BUDGET_PERCENT: f64 = 1.0;

/// The design's error budget: the share of requests, in percent, that may fail.
pub fn error_budget_percent(targets: &Targets) -> f64 {
    let budget = targets.error_budget_percent;
    if budget.is_finite() {
        budget.clamp(0.0, 100.0)
    } else {
        DEFAULT_ERROR_BUDGET_PERCENT
    }
}

/// A whole number with thousands separators: `1,204`.
pub fn count_words(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A percentage as the summary shows it: `16.9 %`, `0.04 %`, `0 %`, `1 %`.
pub fn percent_words(percent: f64) -> String {
    if percent == 0.0 || !percent.is_finite() {
        "0 %".to_string()
    } else if percent.fract() == 0.0 {
        format!("{percent:.0} %")
    } else if percent < 0.1 {
        format!("{percent:.2} %")
    } else {
        format!("{percent:.1} %")
    }
}

/// How the run went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    /// Within the error budget and the targets, nothing dropped or falling behind.
    Ok,
    /// Within the error budget, but a target was missed, events were dropped
    /// or a station fell behind.
    Degraded,
    /// More requests failed than the error budget allows.
    Failed,
}

impl RunState {
    /// `ok`, `degraded` or `failed`, as in test ids.
    pub fn slug(self) -> &'static str {
        match self {
            RunState::Ok => "ok",
            RunState::Degraded => "degraded",
            RunState::Failed => "failed",
        }
    }
}

/// One cause that occurred and what it means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// The cause's slug.
    pub slug: String,
    /// Its human name.
    pub name: String,
    /// What it means, in one line.
    pub meaning: String,
}

/// How a run went, in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunVerdict {
    /// Ok, degraded or failed.
    pub state: RunState,
    /// One sentence: the state and why.
    pub headline: String,
    /// What failed where, events dropped, stations falling behind, targets missed.
    pub findings: Vec<String>,
    /// Every cause that occurred, with its meaning.
    pub glossary: Vec<GlossaryEntry>,
}

/// `queue full at orders-service: 1,204 requests` for every cause that
/// failed requests, with where those failures started.
fn request_findings(performance: &SimulatedPerformance) -> Vec<String> {
    performance
        .errors
        .iter()
        .map(|(cause, count)| {
            let places: Vec<String> = performance
                .places
                .iter()
                .filter(|place| place.cause == *cause)
                .take(3)
                .map(|place| place.name.clone())
                .collect();
            let noun = if *count == 1 { "request" } else { "requests" };
            let at = if places.is_empty() {
                String::new()
            } else {
                format!(" at {}", places.join(", "))
            };
            format!(
                "{}{at}: {} {noun} failed",
                cause_name(cause),
                count_words(*count)
            )
        })
        .collect()
}

/// Failures of calls no request waited on (events, background work): a
/// consumer's full queue drops events while every request succeeds.
fn background_findings(performance: &SimulatedPerformance) -> Vec<String> {
    performance
        .places
        .iter()
        .filter(|place| place.cause != Cause::ChannelFull.slug())
        .filter(|place| !performance.errors.iter().any(|(c, _)| *c == place.cause))
        .map(|place| {
            format!(
                "{} at {}: {} calls or events lost (no request waited on them)",
                cause_name(&place.cause),
                place.name,
                count_words(place.count)
            )
        })
        .collect()
}

fn glossary(performance: &SimulatedPerformance) -> Vec<GlossaryEntry> {
    Cause::ALL
        .into_iter()
        .filter(|cause| {
            let slug = cause.slug();
            performance.errors.iter().any(|(c, _)| c == slug)
                || performance.places.iter().any(|p| p.cause == slug)
                || (*cause == Cause::ChannelFull && !performance.channels_full.is_empty())
        })
        .map(|cause| GlossaryEntry {
            slug: cause.slug().to_string(),
            name: cause.name().to_string(),
            meaning: cause.glossary().to_string(),
        })
        .collect()
}

/// How the run with `performance`, a run of `design`, went.
pub fn run_verdict(performance: &SimulatedPerformance, design: &Design) -> RunVerdict {
    let budget = error_budget_percent(&design.targets);
    let failed_percent = performance.failed_percent();
    let finished = performance.completed + performance.failed;
    let mut findings = request_findings(performance);
    findings.extend(background_findings(performance));
    findings.extend(performance.channels_full.iter().map(|full| {
        format!(
            "event channel full on {}, topic {}: {} events dropped",
            full.bus,
            full.topic,
            count_words(full.dropped)
        )
    }));
    findings.extend(performance.falling_behind.iter().map(FallingBehind::words));
    let target = design.targets.response_time_ms;
    let slow = performance.completed > 0 && performance.p95_ms > target;
    if slow {
        findings.push(format!(
            "p95 response time {:.1} ms, above the {} ms target",
            performance.p95_ms,
            crate::engine::attributes::fields::format_number(target)
        ));
    }
    let budget_words = format!("the {} error budget", percent_words(budget));
    let failed_words = format!(
        "{} of requests failed ({} of {})",
        percent_words(failed_percent),
        count_words(performance.failed),
        count_words(finished)
    );
    let (state, headline) = if finished == 0 && performance.arrived > 0 {
        (
            RunState::Failed,
            "failed: no request was answered or failed before the end".to_string(),
        )
    } else if failed_percent > budget || (performance.completed == 0 && performance.failed > 0) {
        (
            RunState::Failed,
            format!("failed: {failed_words}, above {budget_words}"),
        )
    } else if !findings.is_empty() {
        let within = if performance.failed == 0 {
            format!("no request failed (within {budget_words})")
        } else {
            format!("{failed_words}, within {budget_words}")
        };
        let first = findings
            .iter()
            .find(|f| {
                !performance
                    .errors
                    .iter()
                    .any(|(c, _)| f.starts_with(cause_name(c)))
            })
            .unwrap_or(&findings[0]);
        (
            RunState::Degraded,
            format!("degraded: {within}, but {first}"),
        )
    } else {
        let within = if performance.failed == 0 {
            "no request failed".to_string()
        } else {
            failed_words
        };
        (
            RunState::Ok,
            format!(
                "ok: {within}, within {budget_words}; p95 response time {:.1} ms",
                performance.p95_ms
            ),
        )
    };
    RunVerdict {
        state,
        headline,
        findings,
        glossary: glossary(performance),
    }
}
