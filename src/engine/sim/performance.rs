//! The figures of a finished run that the page and the scorecard need, as
//! one small serde value: the simulator's worker builds it from the summary
//! ([`SimulatedPerformance::from_summary`]) and sends it to the page, which
//! never links the simulator itself.
//!
//! What must stay true: every number is finite; lists are in a fixed order
//! (most frequent first, ties by name), so two runs with the same seed give
//! equal values; fields added later have serde defaults.

use super::backlog::FallingBehind;
use super::cause::Cause;
use super::summary::Summary;
use serde::{Deserialize, Serialize};

/// The human name of a cause given by its slug (the slug itself if unknown).
pub fn cause_name(slug: &str) -> &str {
    match Cause::from_slug(slug) {
        Some(cause) => cause.name(),
        None => slug,
    }
}

/// Failed calls by cause and starting component, most frequent first.
fn failure_places(summary: &Summary) -> Vec<FailurePlace> {
    let mut places: Vec<FailurePlace> = summary
        .components
        .iter()
        .flat_map(|c| {
            c.errors.iter().map(|(cause, count)| FailurePlace {
                cause: cause.to_string(),
                id: c.id,
                name: c.name.clone(),
                count: *count,
            })
        })
        .collect();
    places.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.cause.cmp(&b.cause))
            .then_with(|| a.id.cmp(&b.id))
    });
    places
}

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
    /// Failed calls by cause and the component where each failure started,
    /// most frequent first (calls of requests and events alike).
    #[serde(default)]
    pub places: Vec<FailurePlace>,
    /// Events dropped because a bus channel was full, by bus and topic.
    #[serde(default)]
    pub channels_full: Vec<ChannelFull>,
    /// Stations busy nearly all the time whose backlog grew through the run.
    #[serde(default)]
    pub falling_behind: Vec<FallingBehind>,
    /// Health-check changes of rotation (replicas or components taken out, let in).
    #[serde(default)]
    pub health_changes: u64,
}

/// Where failures of one cause started.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FailurePlace {
    /// The cause's slug ([`super::cause::Cause::slug`]).
    pub cause: String,
    /// The component where the failures started.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// Failed calls.
    pub count: u64,
}

/// Events one bus dropped for one topic because its channel was full.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelFull {
    /// The bus.
    pub bus: String,
    /// The topic.
    pub topic: String,
    /// Events dropped.
    pub dropped: u64,
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
            places: failure_places(summary),
            channels_full: summary
                .topics
                .iter()
                .filter(|t| t.channel_full > 0)
                .map(|t| ChannelFull {
                    bus: t.bus.clone(),
                    topic: t.topic.clone(),
                    dropped: t.channel_full,
                })
                .collect(),
            falling_behind: summary.falling_behind.clone(),
            health_changes: summary.health.len() as u64,
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

    /// The three most frequent causes of failed requests with their counts:
    /// `sent to a dead replica 3,327, replica crashed mid-call 2`.
    pub fn causes_words(&self) -> String {
        let causes: Vec<String> = self
            .errors
            .iter()
            .take(3)
            .map(|(cause, count)| {
                format!(
                    "{} {}",
                    cause_name(cause),
                    super::verdict::count_words(*count)
                )
            })
            .collect();
        causes.join(", ")
    }

    /// `13.9 % of requests failed (sent to a dead replica 3,327, ...)`, or `no request failed`.
    pub fn failures_words(&self) -> String {
        if self.failed == 0 {
            return "no request failed".to_string();
        }
        format!(
            "{} of requests failed ({})",
            super::verdict::percent_words(self.failed_percent()),
            self.causes_words()
        )
    }
}
