//! What a teacher's check can measure, as the challenge form offers it: a
//! score, the monthly cost, or a figure of the graded run; each with its
//! label, unit, direction, whether it names a component, and the thresholds
//! that mean something. [`CheckKind::rule`] turns a kind and a threshold into
//! the exercise [`Rule`] that grades it. (Written by track J.)
//!
//! What must stay true: [`CHECK_KINDS`] lists every [`CheckKind`] once, and
//! slugs never change (the form's options use them).

use super::check::{Comparison, Metric, Rule};
use crate::engine::score::Attribute;
use serde::{Deserialize, Serialize};

/// A kind of check the form offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// One of the six scores, at least the threshold.
    Score(ScoreKind),
    /// The monthly cost, at most the threshold.
    CostBudget,
    /// A figure of the graded run.
    Simulated(Metric),
}

/// The six scores, as serde data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreKind {
    /// Scalability.
    Scalability,
    /// Reliability.
    Reliability,
    /// Security.
    Security,
    /// Performance.
    Performance,
    /// Maintainability.
    Maintainability,
    /// Usability.
    Usability,
}

impl ScoreKind {
    fn attribute(self) -> Attribute {
        match self {
            ScoreKind::Scalability => Attribute::Scalability,
            ScoreKind::Reliability => Attribute::Reliability,
            ScoreKind::Security => Attribute::Security,
            ScoreKind::Performance => Attribute::Performance,
            ScoreKind::Maintainability => Attribute::Maintainability,
            ScoreKind::Usability => Attribute::Usability,
        }
    }
}

/// Whether a kind's check names a component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComponentUse {
    /// It never does.
    None,
    /// It may (the figure is then measured at that component).
    Optional,
    /// It must.
    Required,
}

/// How a kind reads in the form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindInfo {
    /// The kind.
    pub kind: CheckKind,
    /// Its slug, the form's option value.
    pub slug: &'static str,
    /// What the user reads.
    pub label: &'static str,
    /// The threshold's unit (empty for counts and ratios).
    pub unit: &'static str,
    /// Which way the threshold bounds the figure.
    pub comparison: Comparison,
    /// Whether a run measures it (otherwise the design does).
    pub simulated: bool,
    /// Whether the check names a component.
    pub component: ComponentUse,
    /// The smallest and largest threshold that mean something.
    pub range: (f64, f64),
}

const fn kind(
    kind: CheckKind,
    slug: &'static str,
    label: &'static str,
    unit: &'static str,
    comparison: Comparison,
    component: ComponentUse,
    range: (f64, f64),
) -> KindInfo {
    KindInfo {
        kind,
        slug,
        label,
        unit,
        comparison,
        simulated: matches!(kind, CheckKind::Simulated(_)),
        component,
        range,
    }
}

use CheckKind::{Score, Simulated};
use ComponentUse as C;

/// The most a threshold may be: far beyond any figure a design reaches.
const HUGE: f64 = 1e12;
const SCORE: (f64, f64) = (0.0, 100.0);

/// Every kind, in the order the form lists them.
pub const CHECK_KINDS: [KindInfo; 16] = [
    kind(
        Score(ScoreKind::Scalability),
        "scalability",
        "Scalability score",
        "",
        Comparison::AtLeast,
        C::None,
        SCORE,
    ),
    kind(
        Score(ScoreKind::Reliability),
        "reliability",
        "Reliability score",
        "",
        Comparison::AtLeast,
        C::None,
        SCORE,
    ),
    kind(
        Score(ScoreKind::Security),
        "security",
        "Security score",
        "",
        Comparison::AtLeast,
        C::None,
        SCORE,
    ),
    kind(
        Score(ScoreKind::Performance),
        "performance",
        "Performance score",
        "",
        Comparison::AtLeast,
        C::None,
        SCORE,
    ),
    kind(
        Score(ScoreKind::Maintainability),
        "maintainability",
        "Maintainability score",
        "",
        Comparison::AtLeast,
        C::None,
        SCORE,
    ),
    kind(
        Score(ScoreKind::Usability),
        "usability",
        "Usability score",
        "",
        Comparison::AtLeast,
        C::None,
        SCORE,
    ),
    kind(
        CheckKind::CostBudget,
        "cost",
        "Monthly cost",
        "USD/month",
        Comparison::AtMost,
        C::None,
        (0.0, HUGE),
    ),
    kind(
        Simulated(Metric::P99Ms),
        "p99_ms",
        "p99 latency",
        "ms",
        Comparison::AtMost,
        C::None,
        (0.0, HUGE),
    ),
    kind(
        Simulated(Metric::P95Ms),
        "p95_ms",
        "p95 latency",
        "ms",
        Comparison::AtMost,
        C::None,
        (0.0, HUGE),
    ),
    kind(
        Simulated(Metric::MeanMs),
        "mean_ms",
        "Mean response time",
        "ms",
        Comparison::AtMost,
        C::None,
        (0.0, HUGE),
    ),
    kind(
        Simulated(Metric::ErrorPercent),
        "error_percent",
        "Failed requests",
        "%",
        Comparison::AtMost,
        C::None,
        SCORE,
    ),
    kind(
        Simulated(Metric::ChannelFull),
        "channel_full",
        "Events refused by a full channel",
        "events",
        Comparison::AtMost,
        C::Optional,
        (0.0, HUGE),
    ),
    kind(
        Simulated(Metric::CacheHitRatio),
        "cache_hit_ratio",
        "Cache hit ratio",
        "",
        Comparison::AtLeast,
        C::Required,
        (0.0, 1.0),
    ),
    kind(
        Simulated(Metric::MaxReplicas),
        "max_replicas",
        "Most replicas at once",
        "replicas",
        Comparison::AtMost,
        C::Required,
        (0.0, HUGE),
    ),
    kind(
        Simulated(Metric::ScaleActions),
        "scale_actions",
        "Scale actions",
        "actions",
        Comparison::AtMost,
        C::Optional,
        (0.0, HUGE),
    ),
    kind(
        Simulated(Metric::AnsweredRps),
        "answered_rps",
        "Answered requests",
        "requests/s",
        Comparison::AtLeast,
        C::Optional,
        (0.0, HUGE),
    ),
];

impl CheckKind {
    /// How this kind reads.
    pub fn info(self) -> KindInfo {
        CHECK_KINDS
            .iter()
            .copied()
            .find(|info| info.kind == self)
            .unwrap_or(CHECK_KINDS[0])
    }

    /// The kind whose slug is `slug`.
    pub fn from_slug(slug: &str) -> Option<CheckKind> {
        CHECK_KINDS
            .iter()
            .find(|info| info.slug == slug)
            .map(|info| info.kind)
    }

    /// The learn engine's rule for this kind, `threshold` and `component` (a name; empty for none).
    pub fn rule(self, threshold: f64, component: &str) -> Rule {
        let info = self.info();
        match self {
            CheckKind::Score(score) => Rule::Score {
                attribute: score.attribute(),
                min: threshold,
            },
            CheckKind::CostBudget => Rule::CostBudget {
                max_usd_per_month: threshold,
            },
            CheckKind::Simulated(metric) => Rule::Simulated {
                metric,
                component: (info.component != ComponentUse::None && !component.is_empty())
                    .then(|| component.to_string()),
                topic: None,
                comparison: info.comparison,
                threshold,
            },
        }
    }
}
