//! What a watched run reports: each component's state now, chart points,
//! log lines, the event stores it has, and their answers to a query. Plain
//! data with serde, so the worker can send it to the page as it is and the
//! page can render it without linking the simulator.
//!
//! What must stay true: these are data only (no behaviour beyond small
//! conversions); identities are component ids as in the design.

use crate::engine::model::ComponentId;
use serde::{Deserialize, Serialize};

/// An event store the run has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreInfo {
    /// Its component id.
    pub id: ComponentId,
    /// Its name.
    pub name: String,
}

/// What one component is doing now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComponentLive {
    /// The component's id.
    pub id: ComponentId,
    /// Busy over ready servers during the last sample interval, in [0, 1].
    pub utilisation: f64,
    /// Calls waiting now (events held, for a bus).
    pub queue: u64,
    /// Replicas serving now.
    pub replicas: u32,
}

/// One point of the time charts, measured over the sample interval that ends at `t_s`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    /// End of the interval, simulated seconds.
    pub t_s: f64,
    /// Successful answers per second.
    pub throughput_rps: f64,
    /// Failed share of the requests that finished, percent.
    pub error_percent: f64,
    /// Median latency of the answers, ms.
    pub p50_ms: f64,
    /// 95th percentile, ms.
    pub p95_ms: f64,
    /// 99th percentile, ms.
    pub p99_ms: f64,
    /// Replicas serving, per autoscaled service: (component id, replicas).
    pub replicas: Vec<(ComponentId, u32)>,
    /// Hit rate per cache that was read: (component id, percent).
    pub cache_hit_percent: Vec<(ComponentId, f64)>,
    /// Events held in every bus channel at `t_s`.
    pub channel_depth: u64,
    /// Events refused by full channels during the interval.
    pub dropped_events: u64,
}

/// What a log line is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogKind {
    /// The run started or ended.
    Run,
    /// An autoscaler changed a replica count.
    Scale,
    /// A scheduled fault started or ended.
    Fault,
    /// A circuit breaker refused calls, or stopped refusing them.
    Breaker,
    /// Requests failed, by cause.
    Errors,
    /// A health check took a replica or component out of rotation, or let one in.
    Health,
}

impl LogKind {
    /// snake_case name, as in test ids.
    pub fn slug(self) -> &'static str {
        match self {
            LogKind::Run => "run",
            LogKind::Scale => "scale",
            LogKind::Fault => "fault",
            LogKind::Breaker => "breaker",
            LogKind::Errors => "errors",
            LogKind::Health => "health",
        }
    }
}

/// One line of the event log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogLine {
    /// When, simulated seconds.
    pub t_s: f64,
    /// What about.
    pub kind: LogKind,
    /// What happened, in a sentence.
    pub text: String,
}

/// What happened since the last update.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Update {
    /// Simulated seconds now.
    pub time_s: f64,
    /// Events handled so far.
    pub events: u64,
    /// Every component, in design order.
    pub components: Vec<ComponentLive>,
    /// Chart points since the last update.
    pub points: Vec<SeriesPoint>,
    /// Log lines since the last update.
    pub log: Vec<LogLine>,
}

/// The events of one topic an event store recorded in a time range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryAnswer {
    /// The event store's component id.
    pub store: ComponentId,
    /// The topic asked for.
    pub topic: String,
    /// Start of the range, simulated seconds.
    pub from_s: f64,
    /// End of the range (exclusive), simulated seconds.
    pub to_s: f64,
    /// Matching events.
    pub count: u64,
    /// When the first of them were recorded, simulated seconds (at most [`QueryAnswer::MAX_TIMES`]).
    pub times_s: Vec<f64>,
}

impl QueryAnswer {
    /// Most event times an answer lists.
    pub const MAX_TIMES: usize = 200;
}
