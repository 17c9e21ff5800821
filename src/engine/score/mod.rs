//! The seed's quality-attribute rubric: six scores from the derived facts,
//! each made of rubric lines that say what passed, for how many points, why,
//! and what would earn the points.
//!
//! This file holds the scorecard's types; `rubric` applies the rubric
//! ([`score`], [`score_facts`]).
//!
//! What must stay true: the checks, thresholds and points are the seed's
//! (25 x 4 for scalability, performance and usability; 20 x 5 for reliability,
//! security and maintainability), and every score is the sum of its lines.

pub mod analytic;
pub mod evidence;
pub mod facts;
pub mod performance;
pub mod queueing;
pub mod report;
mod rubric;
pub mod run_score;
pub mod source;

use crate::engine::model::ComponentId;
use crate::engine::score::facts::Facts;
use crate::engine::score::source::LineValues;
use serde::Serialize;

pub use rubric::{score, score_facts};

/// The six quality attributes of the seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    Scalability,
    Reliability,
    Security,
    Performance,
    Maintainability,
    Usability,
}

impl Attribute {
    /// All six, in the seed's order.
    pub const ALL: [Attribute; 6] = [
        Attribute::Scalability,
        Attribute::Reliability,
        Attribute::Security,
        Attribute::Performance,
        Attribute::Maintainability,
        Attribute::Usability,
    ];

    /// snake_case name, as in JSON and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Attribute::Scalability => "scalability",
            Attribute::Reliability => "reliability",
            Attribute::Security => "security",
            Attribute::Performance => "performance",
            Attribute::Maintainability => "maintainability",
            Attribute::Usability => "usability",
        }
    }

    /// Capitalised label.
    pub fn label(self) -> &'static str {
        match self {
            Attribute::Scalability => "Scalability",
            Attribute::Reliability => "Reliability",
            Attribute::Security => "Security",
            Attribute::Performance => "Performance",
            Attribute::Maintainability => "Maintainability",
            Attribute::Usability => "Usability",
        }
    }
}

/// One check of the rubric as applied to one design.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RubricLine {
    /// The seed's fact name this check reads, e.g. `has_caching`.
    pub fact: &'static str,
    /// What is checked, e.g. "response time <= 100 ms".
    pub check: String,
    /// Whether it passed.
    pub passed: bool,
    /// Points earned.
    pub points: f64,
    /// Points available.
    pub max_points: f64,
    /// Why, in terms of this design.
    pub reason: String,
    /// What change would earn the points (empty when passed).
    pub fix: String,
    /// The component the reason is about.
    pub component: Option<ComponentId>,
    /// The design's (or estimate's) figure and, after a run of this design,
    /// the run's beside it: which one judged ([`source`]).
    pub values: LineValues,
}

/// The score of one attribute with its lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeScore {
    /// Which attribute.
    pub attribute: Attribute,
    /// Sum of the lines' points, 0 to 100.
    pub score: f64,
    /// The rubric lines in the seed's order.
    pub lines: Vec<RubricLine>,
}

/// Six scores, their overall mean, and the facts behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    /// One per attribute, in the seed's order.
    pub attributes: Vec<AttributeScore>,
    /// Mean of the six scores.
    pub overall: f64,
    /// The facts the scores were computed from.
    pub facts: Facts,
}

impl Scorecard {
    /// The score of `attribute`.
    pub fn score(&self, attribute: Attribute) -> f64 {
        self.attributes
            .iter()
            .find(|a| a.attribute == attribute)
            .map_or(0.0, |a| a.score)
    }
}
