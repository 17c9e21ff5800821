//! The rubric itself: every line of the seed's six scores, in the seed's
//! order, built from the derived facts and the design's targets, with the
//! reason and the fix each line shows.
//!
//! What must stay true: the checks, thresholds and points are the seed's,
//! each attribute's lines add up to 100 points, and every score is the sum
//! of its lines; a line reads only facts and targets, never the design.

use super::{Attribute, AttributeScore, RubricLine, Scorecard};
use crate::engine::attributes::fields::format_number;
use crate::engine::model::{Design, Targets};
use crate::engine::score::facts::{derive, Fact, Facts, Measure};
use crate::engine::score::source::LineValues;

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
