//! What health checks did during a run: each time a checker took a crashed
//! replica, or a whole component, out of rotation and each time it let one
//! (back) in, with the simulated time; and those changes in words for the
//! summary ([`health_summaries`]) and the live event log ([`health_log_lines`]).
//!
//! What must stay true: an entry is recorded only when rotation actually
//! changed (a replica already out is not taken out again); at most
//! [`MAX_HEALTH_EVENTS`] are kept and the rest only counted, so a flapping
//! design cannot grow the run's memory.

use super::agenda::Micros;
use super::live::progress::{LogKind, LogLine};
use super::Simulation;
use serde::Serialize;

/// Most health-check changes a run keeps; later ones are only counted.
pub const MAX_HEALTH_EVENTS: usize = 1000;

/// What a health check changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthChange {
    /// Failed checks took it out: callers stop sending to it.
    TakenOut,
    /// A passing check let it in: callers send to it again.
    LetIn,
}

/// One change of rotation, as the simulator records it (node indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthEvent {
    /// When, simulated microseconds.
    pub at: Micros,
    /// Node index of the gateway or balancer whose checks decided.
    pub checker: u32,
    /// Node index of the component checked.
    pub target: u32,
    /// The replica (from 0), or `None` for the whole component.
    pub replica: Option<u32>,
    /// What changed.
    pub change: HealthChange,
    /// Failed checks in a row that led to it (0 for a passing check).
    pub failed_checks: u32,
}

/// A run's health-check changes, bounded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HealthLog {
    events: Vec<HealthEvent>,
    dropped: u64,
}

impl HealthLog {
    /// Records `event`, or counts it once the log is full.
    pub fn record(&mut self, event: HealthEvent) {
        if self.events.len() < MAX_HEALTH_EVENTS {
            self.events.push(event);
        } else {
            self.dropped += 1;
        }
    }

    /// The changes kept, in time order.
    pub fn events(&self) -> &[HealthEvent] {
        &self.events
    }

    /// Changes past [`MAX_HEALTH_EVENTS`], counted only.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }
}

/// One change in words: `health checks of api-gateway took replica 2 of
/// orders-service out of rotation after 3 failed checks`.
pub fn health_words(checker: &str, target: &str, event: &HealthEvent) -> String {
    let what = match event.replica {
        Some(replica) => format!("replica {} of {target}", replica + 1),
        None => target.to_string(),
    };
    match event.change {
        HealthChange::TakenOut => {
            let checks = if event.failed_checks == 1 {
                "1 failed check".to_string()
            } else {
                format!("{} failed checks in a row", event.failed_checks)
            };
            format!("health checks of {checker} took {what} out of rotation after {checks}")
        }
        HealthChange::LetIn => {
            format!("health checks of {checker} let {what} into rotation (it passed a check)")
        }
    }
}

/// One change a health check made to what callers send to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HealthSummary {
    /// When, simulated seconds.
    pub t_s: f64,
    /// The gateway or balancer whose checks decided.
    pub checker: String,
    /// The component checked.
    pub target: String,
    /// The replica (from 1), or absent for the whole component.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica: Option<u32>,
    /// What changed.
    pub change: HealthChange,
    /// The change in words.
    pub text: String,
}

/// The name of node `index` of `simulation`.
fn node_name(simulation: &Simulation, index: u32) -> &str {
    simulation
        .nodes()
        .get(index as usize)
        .map_or("(missing)", |node| node.name.as_str())
}

/// Every change the health checks of `simulation` made so far, for its summary.
pub fn health_summaries(simulation: &Simulation) -> Vec<HealthSummary> {
    simulation
        .health_log()
        .events()
        .iter()
        .map(|event| {
            let (checker, target) = (
                node_name(simulation, event.checker),
                node_name(simulation, event.target),
            );
            HealthSummary {
                t_s: event.at as f64 / 1e6,
                checker: checker.to_string(),
                target: target.to_string(),
                replica: event.replica.map(|r| r + 1),
                change: event.change,
                text: health_words(checker, target, event),
            }
        })
        .collect()
}

/// Log lines for the changes of `simulation` after the first `seen`.
pub fn health_log_lines(simulation: &Simulation, seen: usize) -> Vec<LogLine> {
    simulation
        .health_log()
        .events()
        .iter()
        .skip(seen)
        .map(|event| LogLine {
            t_s: event.at as f64 / 1e6,
            kind: LogKind::Health,
            text: health_words(
                node_name(simulation, event.checker),
                node_name(simulation, event.target),
                event,
            ),
        })
        .collect()
}
