//! The protocol between the page and its Web Worker (`src/worker.rs`): the
//! [`Command`]s the page sends, the [`Report`]s the worker answers with, and
//! the [`Task`]s (jobs done off the main thread) a command can carry. Both
//! ends convert these with serde through `serde-wasm-bindgen`, so the shapes
//! here are the wire format; the page's end is `ui::worker`, the worker's
//! end is `src/worker.rs`.
//!
//! What must stay true: these are plain data, with no browser crate, so the
//! page links them without linking the simulator and native tests can build
//! them; the worker sends data, never markup, and the page renders it; every
//! run report names the run it belongs to ([`Report::Run`]), so the page
//! drops reports of a run it has already reset; every [`Command::Task`] is
//! answered by exactly one [`Report::TaskDone`] with the same id.
//!
//! The Learn module's protocol is apart, in [`learn`]: it talks to a worker
//! of its own (`src/learn_worker.rs`), which holds the exercise catalog and
//! grading, so neither the page nor this worker links any of it. The Sweep
//! module's is in [`sweep`], for its pool of sweep workers
//! (`src/sweep_worker.rs`).

use crate::engine::model::ComponentId;
use crate::engine::score::run_score::RunScore;
use crate::engine::sim::live::progress::{
    ComponentLive, LogLine, QueryAnswer, SeriesPoint, StoreInfo,
};
use crate::engine::sim::live::speed::Speed;
use crate::engine::sim::performance::{cause_name, SimulatedPerformance};
use crate::engine::sim::verdict::RunVerdict;
use serde::{Deserialize, Serialize};

pub use crate::engine::tasks::Task;

pub mod compare;
pub mod learn;
pub mod sweep;

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Start run number `run` of `design` from its own settings.
    Start {
        /// Run number, echoed in every report of the run.
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
    /// Ask the run's event store for some of its events; answered by a [`RunReport::Answer`].
    Query(QueryRequest),
    /// Measure events per second. Only the benchmark script sends it, so the
    /// page's serializer leaves it out (which keeps its code out of the bundle).
    #[serde(skip_serializing)]
    Bench(BenchRequest),
    /// Do a job off the main thread (open a link or a file, build a template,
    /// write a link or an export).
    Task {
        /// Chosen by the page, echoed in the [`Report::TaskDone`] that answers.
        id: u32,
        /// The job.
        task: Task,
    },
}

/// An event store query: the events of `topic` the store `store` recorded in `[from_s, to_s)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryRequest {
    /// The event store's component id.
    pub store: ComponentId,
    /// The topic (event type).
    pub topic: String,
    /// Start of the range, simulated seconds.
    pub from_s: f64,
    /// End of the range (exclusive), simulated seconds.
    pub to_s: f64,
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

/// What the worker tells the page.
///
/// `R` is how a run report is read: in full ([`RunReport`], the default,
/// which the worker sends and the Simulate panel's module reads), or only
/// the part the page itself needs ([`RunReportHead`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Report<R = RunReport> {
    /// The worker has loaded and takes commands.
    Ready,
    /// News of run number `run`.
    Run {
        /// The run number of the [`Command::Start`] it answers.
        run: u32,
        /// What happened.
        report: R,
    },
    /// The answer to a [`Command::Task`].
    TaskDone {
        /// The task's id.
        id: u32,
        /// The text asked for, or why it could not be made.
        answer: Result<String, String>,
    },
    /// The result of a [`Command::Bench`], as JSON text. Only the benchmark
    /// script reads it, so the page's deserializer leaves it out.
    #[serde(skip_deserializing)]
    Bench {
        /// Medians and every repetition, as JSON.
        json: String,
    },
}

/// What a run reports, as data: the page keeps the points and the log and draws them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunReport {
    /// The run began.
    Started {
        /// Seed of the run.
        seed: u64,
        /// Simulated seconds it will last.
        duration_s: f64,
        /// The design's event stores (none: no query form).
        stores: Vec<StoreInfo>,
        /// Every topic some component publishes under, in first-use order.
        topics: Vec<String>,
    },
    /// Progress since the last report.
    Progress {
        /// Simulated seconds now.
        time_s: f64,
        /// Events handled so far.
        events: u64,
        /// Every component's state now, in design order.
        components: Vec<ComponentLive>,
        /// Chart points since the last report.
        points: Vec<SeriesPoint>,
        /// Log lines since the last report.
        log: Vec<LogLine>,
        /// Whether the run is paused now.
        paused: bool,
    },
    /// The run reached its end. The worker judges the run (its verdict and
    /// what it changes in the scorecard) so the page only shows data.
    Finished {
        /// The summary's figures.
        figures: RunFigures,
        /// How the run went, in words (`engine::sim::verdict::run_verdict`).
        verdict: RunVerdict,
        /// What the run changes in the design's scorecard (boxed: it is
        /// much larger than the other reports).
        score: Box<RunScore>,
        /// The summary as `archplay simulate` prints it for the same design and seed.
        summary_json: String,
    },
    /// The answer to a [`Command::Query`].
    Answer(QueryAnswer),
    /// The run could not start; says why, in a sentence.
    Failed(String),
}

/// The part of a [`RunReport`] the page itself reads (the same wire shape,
/// the other fields skipped unread): how the run's status moves, what the
/// canvas overlays and what the run changes in the scorecard. The chart
/// points, log lines, figures, verdict and query answers are read only by
/// the Simulate panel's module (`crate::sim_panel_bridge`), so the page
/// links no deserializer for them.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunReportHead {
    /// [`RunReport::Started`].
    Started {},
    /// [`RunReport::Progress`]: every component's state now, and whether the run paused itself.
    Progress {
        /// Every component's state now.
        components: Vec<ComponentLive>,
        /// The run stopped at a step's end.
        paused: bool,
    },
    /// [`RunReport::Finished`]: what the run changes in the scorecard.
    Finished {
        /// Laid over the page's analytic scorecard while the design is the run's.
        score: Box<RunScore>,
    },
    /// [`RunReport::Answer`].
    Answer(serde::de::IgnoredAny),
    /// [`RunReport::Failed`]: why.
    Failed(String),
}

/// Failed requests of one cause.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CauseCount {
    /// The cause's slug (`queue_full`).
    pub slug: String,
    /// Its human name (`queue full`).
    pub name: String,
    /// How many requests failed of it.
    pub count: u64,
}

/// The figures a finished run's summary shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunFigures {
    /// `simulated (seed N, D s)`.
    pub label: String,
    /// Requests answered successfully.
    pub completed: u64,
    /// Successful answers per second.
    pub throughput_rps: f64,
    /// Requests that failed.
    pub failed: u64,
    /// Failed share of the requests that finished, in percent.
    pub failed_percent: f64,
    /// Median response time, ms.
    pub p50_ms: f64,
    /// 95th percentile, ms.
    pub p95_ms: f64,
    /// 99th percentile, ms.
    pub p99_ms: f64,
    /// Failed requests by cause, most frequent first.
    pub errors: Vec<CauseCount>,
}

impl RunFigures {
    /// The summary figures of the run with `performance`.
    pub fn of(performance: &SimulatedPerformance) -> RunFigures {
        RunFigures {
            label: performance.label(),
            completed: performance.completed,
            throughput_rps: performance.throughput_rps,
            failed: performance.failed,
            failed_percent: performance.failed_percent(),
            p50_ms: performance.p50_ms,
            p95_ms: performance.p95_ms,
            p99_ms: performance.p99_ms,
            errors: performance
                .errors
                .iter()
                .map(|(slug, count)| CauseCount {
                    slug: slug.clone(),
                    name: cause_name(slug).to_string(),
                    count: *count,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::score::score;
    use crate::engine::templates::template;
    use serde_json::json;

    fn head_of(report: serde_json::Value) -> Report<RunReportHead> {
        serde_json::from_value(json!({ "run": { "run": 4, "report": report } })).unwrap()
    }

    #[test]
    fn the_page_reads_the_head_of_every_run_report() {
        let live = ComponentLive {
            id: ComponentId(2),
            utilisation: 0.5,
            queue: 3,
            replicas: 1,
        };
        let progress = RunReport::Progress {
            time_s: 1.5,
            events: 10,
            components: vec![live.clone()],
            points: vec![SeriesPoint::default()],
            log: Vec::new(),
            paused: true,
        };
        let expected = RunReportHead::Progress {
            components: vec![live],
            paused: true,
        };
        let read = head_of(serde_json::to_value(&progress).unwrap());
        assert_eq!(
            read,
            Report::Run {
                run: 4,
                report: expected
            }
        );

        let started = RunReport::Started {
            seed: 7,
            duration_s: 60.0,
            stores: Vec::new(),
            topics: vec!["orders".to_string()],
        };
        let read = head_of(serde_json::to_value(&started).unwrap());
        assert_eq!(
            read,
            Report::Run {
                run: 4,
                report: RunReportHead::Started {}
            }
        );

        let failed = RunReport::Failed("no events".to_string());
        let read = head_of(serde_json::to_value(&failed).unwrap());
        assert_eq!(
            read,
            Report::Run {
                run: 4,
                report: RunReportHead::Failed("no events".to_string())
            }
        );

        let scorecard = score(&template("microservices").unwrap());
        let run_score = RunScore::between(&scorecard, &scorecard, 7, 60.0);
        let finished = json!({ "finished": {
            "figures": { "label": "ignored" },
            "verdict": { "state": "ok" },
            "score": serde_json::to_value(&run_score).unwrap(),
            "summary_json": "{}",
        }});
        let read = head_of(finished);
        assert_eq!(
            read,
            Report::Run {
                run: 4,
                report: RunReportHead::Finished {
                    score: Box::new(run_score)
                }
            }
        );
    }
}
