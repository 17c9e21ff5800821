//! Two designs side by side: what differs between design A and design B in
//! their scores and rubric lines, their analytic estimates, their monthly
//! costs and their structure (components added, removed and changed,
//! connections added, removed and changed), and optionally what two runs
//! with the same seed and duration measured ([`runs`]).
//!
//! Everything is plain serializable data, so the command line prints it as
//! JSON and a page (or its worker) can send it as it is. Components are
//! matched by name (names are unique in a design, ids are not comparable
//! between two designs); connections by the names at their two ends;
//! attributes are read through the attribute table, so a changed attribute
//! is named by the same key the inspector and the command line use.
//!
//! What must stay true: comparing never fails and never panics (it is an
//! analysis: it reports); comparing a design with itself finds no difference;
//! every list is in a fixed order (A's order, then B's for what B adds).

pub mod link;
pub mod marks;
pub mod runs;
pub mod structure;

use crate::engine::cost::{monthly_cost, COST_SOURCE};
use crate::engine::model::{ComponentKind, Design};
use crate::engine::score::analytic::Estimate;
use crate::engine::score::{score, Attribute, RubricLine, Scorecard};
use serde::{Deserialize, Serialize};
use structure::{component_changes, connection_changes, design_changes};

pub use runs::{compare_runs, RunComparison};
pub use structure::{
    AttributeChange, ComponentChanges, ComponentRef, ConnectionAttributeChange, ConnectionChanges,
    ConnectionRef,
};

/// A figure of A and of B, and B less A when both have one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    /// Design A's figure.
    pub a: Option<f64>,
    /// Design B's figure.
    pub b: Option<f64>,
    /// `b - a`, when both are finite.
    pub delta: Option<f64>,
}

impl Delta {
    /// The pair `a`, `b` with their difference.
    pub fn of(a: Option<f64>, b: Option<f64>) -> Delta {
        let delta = match (a, b) {
            (Some(a), Some(b)) if a.is_finite() && b.is_finite() => Some(b - a),
            _ => None,
        };
        Delta { a, b, delta }
    }

    /// Two figures both designs have.
    pub fn both(a: f64, b: f64) -> Delta {
        Delta::of(Some(a), Some(b))
    }
}

/// One value for A and one for B, when a difference makes no sense (a name, a flag).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Both<T> {
    /// Design A's.
    pub a: T,
    /// Design B's.
    pub b: T,
}

/// How a rubric line's verdict moved from A to B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Passes in both.
    BothPass,
    /// Fails in both.
    BothFail,
    /// Fails in A, passes in B.
    NowPasses,
    /// Passes in A, fails in B.
    NowFails,
}

impl Verdict {
    fn of(a: bool, b: bool) -> Verdict {
        match (a, b) {
            (true, true) => Verdict::BothPass,
            (false, false) => Verdict::BothFail,
            (false, true) => Verdict::NowPasses,
            (true, false) => Verdict::NowFails,
        }
    }
}

/// One side of a rubric line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineSide {
    /// Whether it passed.
    pub passed: bool,
    /// Points earned.
    pub points: f64,
    /// The design's (or estimate's) figure, when the line has one.
    pub value: Option<f64>,
    /// The figure in words with its unit (`46 ms`, `yes`).
    pub words: String,
    /// Why, in terms of that design.
    pub reason: String,
}

/// One rubric line in both designs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineComparison {
    /// The score it belongs to.
    pub attribute: Attribute,
    /// The seed's fact name it reads (`has_caching`).
    pub fact: String,
    /// What is checked, as design B's rubric words it.
    pub check: String,
    /// Design A's line.
    pub a: LineSide,
    /// Design B's line.
    pub b: LineSide,
    /// B's points less A's.
    pub points_delta: f64,
    /// How the verdict moved.
    pub verdict: Verdict,
}

/// One score in both designs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreComparison {
    /// Which score (`overall` is the mean of the six).
    pub score: String,
    /// A's, B's and the difference, in points.
    pub points: Delta,
}

/// Where the estimate's figures come from, in words.
pub const ESTIMATE_SOURCE: &str = "analytic estimate of each design (M/M/c stations; cache hit \
     ratios from TTL, key space and key popularity)";

/// Both analytic estimates (M/M/c stations, see [`crate::engine::score::analytic`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EstimateComparison {
    /// Where the figures come from ([`ESTIMATE_SOURCE`]).
    pub source: String,
    /// Mean end-to-end response time, ms.
    pub mean_ms: Delta,
    /// 95th percentile, ms.
    pub p95_ms: Delta,
    /// 99th percentile, ms.
    pub p99_ms: Delta,
    /// Requests per second answered at the offered load.
    pub answered_rps: Delta,
    /// Requests per second answered when the bottleneck saturates.
    pub capacity_rps: Delta,
    /// Busiest station's utilisation, percent (`None` when infinite).
    pub cpu_percent: Delta,
    /// The component that limits throughput, by name.
    pub bottleneck: Both<Option<String>>,
    /// Whether a station is at or past saturation.
    pub saturated: Both<bool>,
}

/// One kind of component's monthly cost in both designs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindCost {
    /// The kind's slug (`service`, `database`).
    pub kind: String,
    /// USD per month in A, in B, and the difference.
    pub usd_per_month: Delta,
}

/// Both monthly costs, at each design's own unit prices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostComparison {
    /// Where the figures come from ([`COST_SOURCE`]).
    pub source: String,
    /// The totals, USD per month.
    pub total_usd_per_month: Delta,
    /// Per kind present in either design, in palette order.
    pub by_kind: Vec<KindCost>,
}

/// Everything that differs between two designs (and what does not, for the
/// scores and rubric lines, which a side-by-side view shows whole).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The designs' names.
    pub names: Both<String>,
    /// The six scores and the overall mean.
    pub scores: Vec<ScoreComparison>,
    /// Every rubric line, in the seed's order (by B's rubric, matched by score and fact).
    pub rubric: Vec<LineComparison>,
    /// Both analytic estimates.
    pub estimate: EstimateComparison,
    /// Both monthly costs.
    pub cost: CostComparison,
    /// Design-level attributes (workload, team, targets, prices, simulation
    /// settings) that differ.
    pub design: Vec<AttributeChange>,
    /// Components added, removed and changed.
    pub components: ComponentChanges,
    /// Connections added, removed and changed.
    pub connections: ConnectionChanges,
    /// What two runs with one seed and duration measured, when the caller
    /// asked for them ([`compare_runs`]); `None` from [`compare`] alone.
    pub runs: Option<RunComparison>,
}

/// Compares design `a` with design `b`.
pub fn compare(a: &Design, b: &Design) -> Comparison {
    let (card_a, card_b) = (score(a), score(b));
    Comparison {
        names: Both {
            a: a.name.clone(),
            b: b.name.clone(),
        },
        scores: score_comparisons(&card_a, &card_b),
        rubric: rubric_comparisons(&card_a, &card_b),
        estimate: estimate_comparison(a, &card_a.facts.estimate, b, &card_b.facts.estimate),
        cost: cost_comparison(a, b),
        design: design_changes(a, b),
        components: component_changes(a, b),
        connections: connection_changes(a, b),
        runs: None,
    }
}

fn score_comparisons(a: &Scorecard, b: &Scorecard) -> Vec<ScoreComparison> {
    let mut scores: Vec<ScoreComparison> = Attribute::ALL
        .iter()
        .map(|&attribute| ScoreComparison {
            score: attribute.slug().to_string(),
            points: Delta::both(a.score(attribute), b.score(attribute)),
        })
        .collect();
    scores.push(ScoreComparison {
        score: "overall".into(),
        points: Delta::both(a.overall, b.overall),
    });
    scores
}

fn line_side(line: &RubricLine) -> LineSide {
    LineSide {
        passed: line.passed,
        points: line.points,
        value: line.values.design.value,
        words: line.values.design.words.clone(),
        reason: line.reason.clone(),
    }
}

fn rubric_comparisons(a: &Scorecard, b: &Scorecard) -> Vec<LineComparison> {
    let mut lines = Vec::new();
    for score_b in &b.attributes {
        let Some(score_a) = a
            .attributes
            .iter()
            .find(|s| s.attribute == score_b.attribute)
        else {
            continue;
        };
        for line_b in &score_b.lines {
            let Some(line_a) = score_a.lines.iter().find(|l| l.fact == line_b.fact) else {
                continue;
            };
            lines.push(LineComparison {
                attribute: score_b.attribute,
                fact: line_b.fact.to_string(),
                check: line_b.check.clone(),
                a: line_side(line_a),
                b: line_side(line_b),
                points_delta: line_b.points - line_a.points,
                verdict: Verdict::of(line_a.passed, line_b.passed),
            });
        }
    }
    lines
}

fn estimate_comparison(
    a: &Design,
    estimate_a: &Estimate,
    b: &Design,
    estimate_b: &Estimate,
) -> EstimateComparison {
    let pair = |f: fn(&Estimate) -> Option<f64>| Delta::of(f(estimate_a), f(estimate_b));
    let finite = |v: f64| v.is_finite().then_some(v);
    EstimateComparison {
        source: ESTIMATE_SOURCE.to_string(),
        mean_ms: pair(|e| e.response_time_ms),
        p95_ms: pair(|e| e.p95_ms),
        p99_ms: pair(|e| e.p99_ms),
        answered_rps: pair(|e| e.answered_rps),
        capacity_rps: pair(|e| e.capacity_rps),
        cpu_percent: Delta::of(
            finite(estimate_a.cpu_percent),
            finite(estimate_b.cpu_percent),
        ),
        bottleneck: Both {
            a: estimate_a.bottleneck.map(|id| a.name_of(id).to_string()),
            b: estimate_b.bottleneck.map(|id| b.name_of(id).to_string()),
        },
        saturated: Both {
            a: estimate_a.saturated,
            b: estimate_b.saturated,
        },
    }
}

/// A design's monthly cost summed per kind, in palette order.
fn cost_per_kind(design: &Design) -> Vec<(ComponentKind, f64)> {
    let report = monthly_cost(design);
    ComponentKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let lines: Vec<f64> = report
                .lines
                .iter()
                .filter(|line| {
                    line.component
                        .and_then(|id| design.component(id))
                        .is_some_and(|c| c.kind == kind)
                })
                .map(|line| line.usd_per_month)
                .collect();
            (!lines.is_empty()).then(|| (kind, lines.iter().sum()))
        })
        .collect()
}

fn cost_comparison(a: &Design, b: &Design) -> CostComparison {
    let (kinds_a, kinds_b) = (cost_per_kind(a), cost_per_kind(b));
    let of = |kinds: &[(ComponentKind, f64)], kind: ComponentKind| {
        kinds.iter().find(|(k, _)| *k == kind).map(|(_, usd)| *usd)
    };
    let by_kind = ComponentKind::ALL
        .into_iter()
        .filter(|&kind| of(&kinds_a, kind).is_some() || of(&kinds_b, kind).is_some())
        .map(|kind| KindCost {
            kind: kind.slug().to_string(),
            usd_per_month: Delta::both(
                of(&kinds_a, kind).unwrap_or(0.0),
                of(&kinds_b, kind).unwrap_or(0.0),
            ),
        })
        .collect();
    CostComparison {
        source: COST_SOURCE.to_string(),
        total_usd_per_month: Delta::both(
            monthly_cost(a).total_usd_per_month,
            monthly_cost(b).total_usd_per_month,
        ),
        by_kind,
    }
}
