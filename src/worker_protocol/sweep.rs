//! The protocol between the Sweep module (`sweep_ui`) and its workers
//! (`src/sweep_worker.rs`, a pool of them): what the module asks
//! ([`SweepRequest`], sent as a [`SweepCommand`]) and what a worker answers
//! ([`SweepAnswer`], in a [`SweepReport`]).
//!
//! One [`SweepRequest::Point`] runs one point of a sweep: the module hands
//! points out one at a time, so a worker's slice of work is one point.
//!
//! What must stay true: designs travel as snapshots
//! (`engine::share::encode_snapshot`); a point carries everything it depends
//! on (design, spec, index, seed, duration), so its answer never depends on
//! which worker ran it; a refused sweep answers [`SweepAnswer::Refused`]
//! naming the form's input it is about, with the engine's message; every
//! [`SweepCommand::Sweep`] is answered by exactly one [`SweepReport::Sweep`]
//! with the same id. The page and its own worker link none of this.

use crate::engine::sweep::{CurveSample, SweepField, SweepParameter, SweepPoint, SweepSpec};
use serde::{Deserialize, Serialize};

/// What the Sweep module asks a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SweepRequest {
    /// What the form offers for a design: its parameters, run settings and targets.
    Describe {
        /// The design, as a snapshot.
        design: String,
    },
    /// Checks a sweep whole (every point set and its run set up, nothing
    /// run) and answers the points' values and the estimate's curve.
    Prepare {
        /// The design, as a snapshot.
        design: String,
        /// The sweep.
        spec: SweepSpec,
        /// Every point's seed.
        seed: u64,
        /// Every point's simulated seconds.
        duration_s: f64,
    },
    /// Runs point `index` of a sweep.
    Point {
        /// The design, as a snapshot.
        design: String,
        /// The sweep.
        spec: SweepSpec,
        /// The point, from 0.
        index: u32,
        /// The run's seed.
        seed: u64,
        /// The run's simulated seconds.
        duration_s: f64,
    },
}

/// What a worker answers a [`SweepRequest`] with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SweepAnswer {
    /// What the form offers (boxed: it lists every parameter).
    Described(Box<SweepSheet>),
    /// A sweep that will run: its points' values and the estimate's curve.
    Prepared {
        /// Each point's value, in index order.
        values: Vec<f64>,
        /// The estimate along the range.
        curve: Vec<CurveSample>,
    },
    /// One point's figures (boxed: it lists every component).
    Point(Box<SweepPoint>),
    /// The sweep is refused: the input it is about and the engine's message.
    Refused {
        /// The form's input.
        field: SweepField,
        /// What is wrong, in one line.
        message: String,
    },
}

/// The design's targets a chart draws as lines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepTargets {
    /// Mean latency target, ms.
    pub latency_ms: f64,
    /// Sustainable throughput target, req/s.
    pub throughput_rps: f64,
    /// Error budget, percent of requests.
    pub error_budget_percent: f64,
    /// Peak CPU utilisation target, percent.
    pub cpu_percent: f64,
}

/// What the sweep form offers for a design.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepSheet {
    /// Every parameter it can sweep, workload first, then per component.
    pub parameters: Vec<SweepParameter>,
    /// The design's simulation seed (the form's default).
    pub seed: u64,
    /// The design's simulated seconds (the form's default).
    pub duration_s: f64,
    /// The design's targets.
    pub targets: SweepTargets,
}

/// What the Sweep module sends a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SweepCommand {
    /// Ask `request`; answered by one [`SweepReport::Sweep`] with the same id.
    Sweep {
        /// Chosen by the Sweep module.
        id: u32,
        /// What is asked.
        request: SweepRequest,
    },
}

/// What a sweep worker tells the Sweep module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SweepReport {
    /// The worker has loaded and takes commands.
    Ready,
    /// The answer to a [`SweepCommand::Sweep`].
    Sweep {
        /// The request's id.
        id: u32,
        /// What was asked for, or why it could not be had, in a sentence.
        answer: Result<SweepAnswer, String>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sweep::sweep_point;
    use crate::engine::templates::template;

    fn round_trip<T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
        value: &T,
    ) {
        let text = serde_json::to_string(value).unwrap();
        assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), value);
    }

    #[test]
    fn commands_and_reports_read_back_as_sent() {
        let spec = SweepSpec {
            param: "workload.requests_per_second".to_string(),
            from: 200.0,
            to: 800.0,
            steps: 3,
        };
        round_trip(&SweepCommand::Sweep {
            id: 3,
            request: SweepRequest::Point {
                design: "s2.abc".to_string(),
                spec: spec.clone(),
                index: 2,
                seed: u64::MAX,
                duration_s: 5.0,
            },
        });
        let design = template("microservices").unwrap();
        let point = sweep_point(&design, &spec, 1, 7, 2.0).unwrap();
        for report in [
            SweepReport::Ready,
            SweepReport::Sweep {
                id: 3,
                answer: Ok(SweepAnswer::Point(Box::new(point))),
            },
            SweepReport::Sweep {
                id: 4,
                answer: Ok(SweepAnswer::Refused {
                    field: SweepField::Steps,
                    message: "steps must be from 1 to 64, not 65".to_string(),
                }),
            },
            SweepReport::Sweep {
                id: 5,
                answer: Err("the design does not read".to_string()),
            },
        ] {
            round_trip(&report);
        }
    }
}
