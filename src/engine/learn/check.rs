//! What an exercise checks, and what grading says about each check.
//!
//! What must stay true: checks are plain serde data (a teacher's challenge
//! carries them); a [`CheckResult`] always says what was measured and what is
//! required, with units, so a failing check explains itself.

use crate::engine::model::{ComponentId, ComponentKind};
use crate::engine::score::Attribute;
use serde::{Deserialize, Serialize};

/// One check of an exercise: a stable id, the label the checklist shows, and its rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// Stable within the exercise, e.g. `p99`.
    pub id: String,
    /// What the checklist shows, e.g. "p99 at most 150 ms".
    pub label: String,
    /// What is checked.
    pub rule: Rule,
}

/// How a measured figure is compared with the threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The figure must be at most the threshold.
    AtMost,
    /// The figure must be at least the threshold.
    AtLeast,
}

impl Comparison {
    /// Whether `value` passes against `threshold`.
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Comparison::AtMost => value <= threshold,
            Comparison::AtLeast => value >= threshold,
        }
    }

    /// "at most" or "at least".
    pub fn words(self) -> &'static str {
        match self {
            Comparison::AtMost => "at most",
            Comparison::AtLeast => "at least",
        }
    }
}

/// A figure a simulated run measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// 95th percentile response time end to end, ms.
    P95Ms,
    /// 99th percentile response time end to end, ms.
    P99Ms,
    /// Mean response time end to end, ms.
    MeanMs,
    /// Failed requests over requests sent, percent.
    ErrorPercent,
    /// Events refused by a full channel, over every bus and topic (or the
    /// component's bus).
    ChannelFull,
    /// Hit ratio of the named cache, 0 to 1.
    CacheHitRatio,
    /// Most replicas the named component ran at once.
    MaxReplicas,
    /// Scaling actions of the named component (or of every autoscaled one).
    ScaleActions,
    /// Successful answers per second end to end, or at the named component.
    AnsweredRps,
    /// Events the named event store recorded of the check's topic.
    StoredEvents,
}

impl Metric {
    /// The figure's name and unit for messages.
    pub fn name(self) -> &'static str {
        match self {
            Metric::P95Ms => "p95",
            Metric::P99Ms => "p99",
            Metric::MeanMs => "mean response time",
            Metric::ErrorPercent => "failed requests",
            Metric::ChannelFull => "events refused by a full channel",
            Metric::CacheHitRatio => "cache hit ratio",
            Metric::MaxReplicas => "most replicas",
            Metric::ScaleActions => "scale actions",
            Metric::AnsweredRps => "answered",
            Metric::StoredEvents => "stored events",
        }
    }

    /// How a value of this figure is written, with its unit.
    pub fn format(self, value: f64) -> String {
        match self {
            Metric::P95Ms | Metric::P99Ms | Metric::MeanMs => format!("{value:.0} ms"),
            Metric::ErrorPercent => format!("{value:.2} %"),
            Metric::CacheHitRatio => format!("{value:.2}"),
            Metric::AnsweredRps => format!("{value:.0} requests/s"),
            Metric::ChannelFull | Metric::StoredEvents => format!("{value:.0} events"),
            Metric::MaxReplicas => format!("{value:.0} replicas"),
            Metric::ScaleActions => format!("{value:.0} actions"),
        }
    }
}

/// What a check requires.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// The attribute's score is at least `min` (0 to 100).
    Score {
        /// Which of the six.
        attribute: Attribute,
        /// Lowest passing score.
        min: f64,
    },
    /// The named seed fact (e.g. `has_caching`) holds or not, as `expected`.
    Fact {
        /// The seed's fact name.
        fact: String,
        /// Whether it must hold.
        expected: bool,
    },
    /// Components of `component_kind`: at least `min`, at most `max`.
    KindCount {
        /// Which kind.
        component_kind: ComponentKind,
        /// Fewest.
        min: u32,
        /// Most, if bounded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
    },
    /// A component called `name` of kind `component_kind` is present.
    Present {
        /// Its name.
        name: String,
        /// Its kind.
        component_kind: ComponentKind,
    },
    /// A connection from `from` to `to` (by name) exists.
    Connected {
        /// Sender's name.
        from: String,
        /// Receiver's name.
        to: String,
    },
    /// No client connects straight to a data store.
    NoClientToStorage,
    /// Each named component is called by someone, and no component calls
    /// more than one of them (one responsibility per caller).
    SeparateCallers {
        /// The names of the responsibilities' endpoints.
        components: Vec<String>,
    },
    /// The named component is as in the start design: same settings (its
    /// place on the canvas aside) and the same connections in and out, with
    /// the same routes and weights.
    Unchanged {
        /// Its name.
        component: String,
    },
    /// The design's monthly cost is at most `max_usd_per_month`.
    CostBudget {
        /// The budget, US dollars per month.
        max_usd_per_month: f64,
    },
    /// A simulated figure, measured over the exercise's seeds (the worst
    /// seed judges).
    Simulated {
        /// Which figure.
        metric: Metric,
        /// The component it is measured at, by name, where the figure is per component.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        component: Option<String>,
        /// The topic, for [`Metric::StoredEvents`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        topic: Option<String>,
        /// Direction.
        comparison: Comparison,
        /// Threshold, in the figure's unit.
        threshold: f64,
    },
}

impl Rule {
    /// Whether the check needs a simulated run.
    pub fn is_simulated(&self) -> bool {
        matches!(self, Rule::Simulated { .. })
    }
}

/// The state of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckState {
    /// The requirement is met.
    Passed,
    /// It is not.
    Failed,
    /// A simulated check before the design has been run.
    NeedsRun,
}

/// What grading says about one check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    /// The check's id.
    pub id: String,
    /// The check's label.
    pub label: String,
    /// What was measured, with units and where ("p99 212 ms (seed 2)").
    pub measured: String,
    /// What is required, with units and the scenario ("p99 at most 150 ms under the 3x spike at 30 s").
    pub required: String,
    /// Passed, failed, or waiting for a run.
    pub state: CheckState,
    /// The component concerned, if any.
    pub component: Option<ComponentId>,
}
