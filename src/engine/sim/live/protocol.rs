//! The messages between the page and the simulator's Web Worker: commands
//! in, reports out. Both sides convert them with serde (the worker and the
//! page through `serde-wasm-bindgen`), so the shapes here are the wire format.
//!
//! What must stay true: these are plain data with no behaviour beyond
//! small conversions, so the page can link them without linking the
//! simulator; every report names the run it belongs to, so the page can drop
//! reports of a run it has already reset.

use super::super::agenda::Micros;
use super::super::score::SimulatedPerformance;
use crate::engine::tasks::Task;
use serde::{Deserialize, Serialize};

/// How fast simulated time passes against wall time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speed {
    /// One simulated second per wall second.
    X1,
    /// Ten simulated seconds per wall second.
    #[default]
    X10,
    /// A hundred simulated seconds per wall second.
    X100,
    /// As fast as the machine goes.
    Max,
}

impl Speed {
    /// Every speed, slowest first.
    pub const ALL: [Speed; 4] = [Speed::X1, Speed::X10, Speed::X100, Speed::Max];

    /// Simulated seconds per wall second; `None` for as fast as possible.
    pub fn factor(self) -> Option<f64> {
        match self {
            Speed::X1 => Some(1.0),
            Speed::X10 => Some(10.0),
            Speed::X100 => Some(100.0),
            Speed::Max => None,
        }
    }

    /// The value of the speed select.
    pub fn slug(self) -> &'static str {
        match self {
            Speed::X1 => "1x",
            Speed::X10 => "10x",
            Speed::X100 => "100x",
            Speed::Max => "max",
        }
    }

    /// The speed whose [`Speed::slug`] is `slug`.
    pub fn from_slug(slug: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|speed| speed.slug() == slug)
    }

    /// The simulated time to reach at wall time `wall_ms`, for a run that was
    /// at `anchor_us` at wall time `anchor_wall_ms`; `None` at full speed.
    pub fn target_us(self, anchor_us: Micros, anchor_wall_ms: f64, wall_ms: f64) -> Option<Micros> {
        let factor = self.factor()?;
        let elapsed_us = ((wall_ms - anchor_wall_ms).max(0.0) * 1000.0 * factor).min(1e15);
        Some(anchor_us.saturating_add(elapsed_us as Micros))
    }
}

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Start run number `run` of `design` from its own settings.
    Start {
        /// Run number, echoed in every report.
        run: u32,
        /// The design, as a snapshot (`engine::share::encode_snapshot`).
        design: String,
        /// How fast to go.
        speed: Speed,
    },
    /// Stop advancing time.
    Pause,
    /// Go on at the chosen speed.
    Resume,
    /// While paused, advance by one step of simulated time.
    Step,
    /// Change the speed.
    SetSpeed(Speed),
    /// Forget the run.
    Reset,
    /// Ask the event store `store` (a component id) for its events of `topic` in `[from_s, to_s)`.
    Query {
        /// The event store's component id.
        store: u32,
        /// The topic (event type).
        topic: String,
        /// Start of the range, simulated seconds.
        from_s: f64,
        /// End of the range (exclusive), simulated seconds.
        to_s: f64,
    },
    /// Measure events per second. Only the benchmark script sends it, so the
    /// page's serializer leaves it out (which keeps its code out of the bundle).
    #[serde(skip_serializing)]
    Bench(BenchRequest),
    /// Draw the empty charts of `design` (a snapshot) for the panel before a
    /// run, so that the charts do not appear (and move the page) when it starts.
    /// Answered by a [`Report::TaskDone`] with the markup.
    DrawCharts {
        /// Chosen by the page, echoed in the answer.
        id: u32,
        /// The design, as a snapshot.
        design: String,
    },
    /// Do a job off the main thread (open a link or a file, write a link or an export).
    Task {
        /// Chosen by the page, echoed in the [`Report::TaskDone`] that answers.
        id: u32,
        /// The job.
        task: Task,
    },
}

/// A benchmark the worker runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchRequest {
    /// `baseline` (the bare agenda), or `design` to simulate `design`.
    pub workload: String,
    /// The design file for `design` workloads.
    #[serde(default)]
    pub design: Option<String>,
    /// Events per repetition (for `baseline` and when `duration_s` is 0).
    pub events: u64,
    /// Simulated seconds per repetition; 0 means "until `events` events".
    #[serde(default)]
    pub duration_s: f64,
    /// Seed of the runs.
    #[serde(default)]
    pub seed: u64,
    /// Repetitions.
    pub repeats: u32,
}

/// An event store the run has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreInfo {
    /// Its component id.
    pub id: u32,
    /// Its name.
    pub name: String,
}

/// What one component is doing now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComponentLive {
    /// The component's id.
    pub id: u32,
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
    pub replicas: Vec<(u32, u32)>,
    /// Hit rate per cache that was read: (component id, percent).
    pub cache_hit_percent: Vec<(u32, f64)>,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryAnswer {
    /// The event store's component id.
    pub store: u32,
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

/// What the worker tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Report {
    /// The worker has loaded and takes commands.
    Ready,
    /// A run began.
    Started {
        /// Run number.
        run: u32,
        /// Seed of the run.
        seed: u64,
        /// Simulated seconds it will last.
        duration_s: f64,
        /// The event store query form (markup), empty when the design has no event store.
        query_form: String,
    },
    /// Progress of a run. The worker keeps the run's points and log and
    /// draws them, so the page only puts the markup in place.
    Progress {
        /// Run number.
        run: u32,
        /// Simulated seconds now.
        time_s: f64,
        /// Events handled so far.
        events: u64,
        /// Every component, in design order.
        components: Vec<ComponentLive>,
        /// The time charts (markup), when a point was added since the last report.
        charts: Option<String>,
        /// The event log (markup), when a line was added since the last report.
        log: Option<String>,
        /// Whether it is paused now.
        paused: bool,
    },
    /// A run reached its end.
    Finished {
        /// Run number.
        run: u32,
        /// The figures and errors by cause (markup), with the summary as
        /// `archplay simulate` prints it in `data-summary`.
        summary: String,
        /// What the Performance score needs.
        performance: SimulatedPerformance,
    },
    /// The answer to a [`Command::Query`].
    Answer {
        /// Run number.
        run: u32,
        /// The matching events (markup).
        markup: String,
    },
    /// A run could not start or a command failed.
    Failed {
        /// Run number.
        run: u32,
        /// What went wrong, in a sentence.
        message: String,
    },
    /// The result of a [`Command::Bench`], as JSON text. Only the benchmark
    /// script reads it, so the page's deserializer leaves it out.
    #[serde(skip_deserializing)]
    Bench {
        /// Medians and every repetition, as JSON.
        json: String,
    },
    /// The answer to a [`Command::Task`].
    TaskDone {
        /// The task's id.
        id: u32,
        /// The text asked for, or why it could not be made.
        answer: Result<String, String>,
    },
}
