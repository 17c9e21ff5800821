//! The seed's quality-attribute rubric: six scores from the derived facts,
//! each made of rubric lines that say what passed, for how many points, why,
//! and what would earn the points.
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
pub mod source;

use crate::engine::attributes::fields::format_number;
use crate::engine::model::{ComponentId, Design, Targets};
use crate::engine::score::facts::{derive, Fact, Facts, Measure};
use crate::engine::score::source::LineValues;
use serde::Serialize;

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

fn flag_line(fact_name: &'static str, label: &str, fact: &Fact, points: f64) -> RubricLine {
    RubricLine {
        fact: fact_name,
        check: label.to_string(),
        passed: fact.holds,
        points: if fact.holds { points } else { 0.0 },
        max_points: points,
        reason: fact.reason.clone(),
        fix: fact.fix.clone(),
        component: fact.component,
        values: LineValues::of_design(fact_name, None, "", fact.holds),
    }
}

/// Whether the figure must be at most or at least the target.
#[derive(Clone, Copy)]
enum Bound {
    AtMost,
    AtLeast,
}

fn target_line(
    fact_name: &'static str,
    label: &str,
    unit: &str,
    measure: &Measure,
    bound: Bound,
    target: f64,
    points: f64,
) -> RubricLine {
    let symbol = match bound {
        Bound::AtMost => "<=",
        Bound::AtLeast => ">=",
    };
    let passed = measure.value.is_some_and(|v| match bound {
        Bound::AtMost => v <= target,
        Bound::AtLeast => v >= target,
    });
    let shown = |v: f64| format!("{}{unit}", format_number((v * 10.0).round() / 10.0));
    let value_words = measure
        .value
        .map_or_else(|| "unavailable".to_string(), shown);
    let fix = if passed {
        String::new()
    } else {
        let direction = match bound {
            Bound::AtMost => "lower",
            Bound::AtLeast => "raise",
        };
        format!(
            "{direction} {label} to {symbol} {} (now {value_words})",
            shown(target)
        )
    };
    RubricLine {
        fact: fact_name,
        check: format!("{label} {symbol} {}", shown(target)),
        passed,
        points: if passed { points } else { 0.0 },
        max_points: points,
        reason: format!("{value_words}: {}", measure.reason),
        fix,
        component: measure.component,
        values: LineValues::of_design(fact_name, measure.value, unit, passed),
    }
}

/// Scores `design` against its targets.
pub fn score(design: &Design) -> Scorecard {
    let facts = derive(design);
    score_facts(facts, &design.targets)
}

/// Applies the rubric to already derived facts (used when a simulation
/// replaces the performance facts).
pub fn score_facts(facts: Facts, t: &Targets) -> Scorecard {
    use Bound::{AtLeast, AtMost};
    let f = &facts;
    let groups: [(Attribute, Vec<RubricLine>); 6] = [
        (
            Attribute::Scalability,
            vec![
                flag_line(
                    "supports_horizontal_scaling",
                    "horizontal scaling",
                    &f.supports_horizontal_scaling,
                    25.0,
                ),
                flag_line(
                    "has_load_balancing",
                    "load balancing",
                    &f.has_load_balancing,
                    25.0,
                ),
                flag_line("has_caching", "caching", &f.has_caching, 25.0),
                flag_line(
                    "supports_database_sharding",
                    "database sharding",
                    &f.supports_database_sharding,
                    25.0,
                ),
            ],
        ),
        (
            Attribute::Reliability,
            vec![
                flag_line(
                    "has_fault_tolerance",
                    "fault tolerance",
                    &f.has_fault_tolerance,
                    20.0,
                ),
                flag_line("has_redundancy", "redundancy", &f.has_redundancy, 20.0),
                flag_line(
                    "has_backup_recovery",
                    "backup and recovery",
                    &f.has_backup_recovery,
                    20.0,
                ),
                flag_line("has_monitoring", "monitoring", &f.has_monitoring, 20.0),
                flag_line("has_alerting", "alerting", &f.has_alerting, 20.0),
            ],
        ),
        (
            Attribute::Security,
            vec![
                flag_line(
                    "has_authentication",
                    "authentication",
                    &f.has_authentication,
                    20.0,
                ),
                flag_line(
                    "has_authorization",
                    "authorization",
                    &f.has_authorization,
                    20.0,
                ),
                flag_line("has_encryption", "encryption", &f.has_encryption, 20.0),
                flag_line(
                    "has_audit_logging",
                    "audit logging",
                    &f.has_audit_logging,
                    20.0,
                ),
                flag_line(
                    "has_vulnerability_scanning",
                    "vulnerability scanning",
                    &f.has_vulnerability_scanning,
                    20.0,
                ),
            ],
        ),
        (
            Attribute::Performance,
            vec![
                target_line(
                    "response_time_ms",
                    "response time",
                    " ms",
                    &f.response_time_ms,
                    AtMost,
                    t.response_time_ms,
                    25.0,
                ),
                target_line(
                    "throughput_rps",
                    "throughput",
                    " req/s",
                    &f.throughput_rps,
                    AtLeast,
                    t.throughput_rps,
                    25.0,
                ),
                target_line(
                    "latency_ms",
                    "latency",
                    " ms",
                    &f.latency_ms,
                    AtMost,
                    t.latency_ms,
                    25.0,
                ),
                target_line(
                    "cpu_percent",
                    "CPU",
                    "%",
                    &f.cpu_percent,
                    AtMost,
                    t.cpu_percent,
                    25.0,
                ),
            ],
        ),
        (
            Attribute::Maintainability,
            vec![
                target_line(
                    "code_quality",
                    "code quality",
                    "",
                    &f.code_quality,
                    AtLeast,
                    t.code_quality,
                    20.0,
                ),
                target_line(
                    "documentation",
                    "documentation",
                    "",
                    &f.documentation,
                    AtLeast,
                    t.documentation,
                    20.0,
                ),
                target_line(
                    "test_coverage",
                    "test coverage",
                    "",
                    &f.test_coverage,
                    AtLeast,
                    t.test_coverage,
                    20.0,
                ),
                target_line(
                    "modularity",
                    "modularity",
                    "",
                    &f.modularity,
                    AtLeast,
                    t.modularity,
                    20.0,
                ),
                target_line(
                    "complexity",
                    "complexity",
                    "",
                    &f.complexity,
                    AtMost,
                    t.complexity,
                    20.0,
                ),
            ],
        ),
        (
            Attribute::Usability,
            vec![
                target_line(
                    "user_experience",
                    "user experience",
                    "",
                    &f.user_experience,
                    AtLeast,
                    t.user_experience,
                    25.0,
                ),
                target_line(
                    "accessibility",
                    "accessibility",
                    "",
                    &f.accessibility,
                    AtLeast,
                    t.accessibility,
                    25.0,
                ),
                target_line(
                    "responsiveness",
                    "responsiveness",
                    "",
                    &f.responsiveness,
                    AtLeast,
                    t.responsiveness,
                    25.0,
                ),
                target_line(
                    "error_handling",
                    "error handling",
                    "",
                    &f.error_handling,
                    AtLeast,
                    t.error_handling,
                    25.0,
                ),
            ],
        ),
    ];
    let attributes: Vec<AttributeScore> = groups
        .into_iter()
        .map(|(attribute, lines)| AttributeScore {
            attribute,
            score: lines.iter().map(|l| l.points).sum(),
            lines,
        })
        .collect();
    let overall = attributes.iter().map(|a| a.score).sum::<f64>() / attributes.len() as f64;
    Scorecard {
        attributes,
        overall,
        facts,
    }
}
