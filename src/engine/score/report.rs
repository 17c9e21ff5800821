//! The machine-readable score report the command-line tool prints.
//!
//! Fact names follow the seed's Architecture fields in snake_case, so a
//! teacher's script can read `facts.has_caching` or `facts.response_time_ms`.

use crate::engine::cost::{cost_by_kind, monthly_cost, CostLine, COST_SOURCE};
use crate::engine::model::{ComponentId, Design, Targets};
use crate::engine::score::analytic::Estimate;
use crate::engine::score::facts::{Fact, Facts, Measure};
use crate::engine::score::{score, Scorecard};
use serde_json::{json, Map, Value};

fn flags(facts: &Facts) -> [(&'static str, &Fact); 14] {
    [
        (
            "supports_horizontal_scaling",
            &facts.supports_horizontal_scaling,
        ),
        ("has_load_balancing", &facts.has_load_balancing),
        ("has_caching", &facts.has_caching),
        (
            "supports_database_sharding",
            &facts.supports_database_sharding,
        ),
        ("has_fault_tolerance", &facts.has_fault_tolerance),
        ("has_redundancy", &facts.has_redundancy),
        ("has_backup_recovery", &facts.has_backup_recovery),
        ("has_monitoring", &facts.has_monitoring),
        ("has_alerting", &facts.has_alerting),
        ("has_authentication", &facts.has_authentication),
        ("has_authorization", &facts.has_authorization),
        ("has_encryption", &facts.has_encryption),
        ("has_audit_logging", &facts.has_audit_logging),
        (
            "has_vulnerability_scanning",
            &facts.has_vulnerability_scanning,
        ),
    ]
}

fn measures(facts: &Facts) -> [(&'static str, &Measure); 13] {
    [
        ("response_time_ms", &facts.response_time_ms),
        ("throughput_rps", &facts.throughput_rps),
        ("latency_ms", &facts.latency_ms),
        ("cpu_percent", &facts.cpu_percent),
        ("code_quality", &facts.code_quality),
        ("documentation", &facts.documentation),
        ("test_coverage", &facts.test_coverage),
        ("modularity", &facts.modularity),
        ("complexity", &facts.complexity),
        ("user_experience", &facts.user_experience),
        ("accessibility", &facts.accessibility),
        ("responsiveness", &facts.responsiveness),
        ("error_handling", &facts.error_handling),
    ]
}

fn rounded(value: f64) -> Value {
    json!((value * 1000.0).round() / 1000.0)
}

/// The report for `design`: facts with reasons, targets, the six scores, the
/// rubric, the estimate and the monthly cost.
pub fn score_report(design: &Design) -> Value {
    let scorecard = score(design);
    let mut value = report_with_names(&scorecard, &design.targets, &|id| {
        design.name_of(id).to_string()
    });
    if let Some(object) = value.as_object_mut() {
        object.insert("cost".into(), cost_report(design));
    }
    value
}

/// The design's monthly cost as the report shows it: the total, one line per
/// component and one per kind of resource, in USD per month. Not a score.
pub fn cost_report(design: &Design) -> Value {
    let report = monthly_cost(design);
    let line = |line: &CostLine| {
        json!({
            "id": line.component.map(|id| id.0),
            "what": line.what,
            "usd_per_month": rounded(line.usd_per_month),
        })
    };
    json!({
        "source": COST_SOURCE,
        "total_usd_per_month": rounded(report.total_usd_per_month),
        "components": report.lines.iter().map(line).collect::<Vec<_>>(),
        "by_kind": cost_by_kind(design).iter().map(line).collect::<Vec<_>>(),
    })
}

/// The analytic estimate as the report shows it: the path figures (mean,
/// p95, p99, answered rate, capacity), the unstable stations, and per
/// component its arrivals, utilisation, mean time and (caches) the hit ratio
/// derived from its TTL.
fn estimate_report(estimate: &Estimate, names: &dyn Fn(ComponentId) -> String) -> Value {
    let optional = |v: Option<f64>| v.map_or(Value::Null, rounded);
    let stations: Vec<Value> = estimate
        .stations
        .iter()
        .filter(|s| s.arrival_rps > 0.0 || s.cache_hit_ratio.is_some())
        .map(|s| {
            let mut entry = json!({
                "id": s.id.0,
                "name": names(s.id),
                "arrival_rps": rounded(s.arrival_rps),
                "utilisation": if s.utilisation.is_finite() { rounded(s.utilisation) } else { Value::Null },
                "mean_response_ms": optional(s.mean_response_ms),
                "stable": s.utilisation < 1.0,
            });
            if let Some(ratio) = s.cache_hit_ratio {
                entry["cache_hit_ratio"] = rounded(ratio);
            }
            entry
        })
        .collect();
    json!({
        "source": "analytic estimate (M/M/c stations; cache hit ratios from TTL, key space and key popularity)",
        "offered_rps": estimate.offered_rps,
        "answered_rps": optional(estimate.answered_rps),
        "capacity_rps": optional(estimate.capacity_rps),
        "mean_response_ms": optional(estimate.response_time_ms),
        "p95_response_ms": optional(estimate.p95_ms),
        "p99_response_ms": optional(estimate.p99_ms),
        "mean_latency_ms": optional(estimate.latency_ms),
        "saturated": estimate.saturated,
        "bottleneck": estimate.bottleneck.map(|id| id.0),
        "bottleneck_name": estimate.bottleneck.map(names),
        "unstable": estimate.unstable.iter().map(|&id| json!({"id": id.0, "name": names(id), "words": "unstable: its queue grows without bound"})).collect::<Vec<_>>(),
        "unserved_share": rounded(estimate.unrouted_share),
        "stations": stations,
        "caches": estimate.caches,
        "findings": estimate.findings,
    })
}

/// The report for an already computed scorecard.
pub fn report_for(scorecard: &Scorecard, targets: &Targets) -> Value {
    report_with_names(scorecard, targets, &|id| format!("#{}", id.0))
}

/// [`report_for`], naming components with `names`.
pub fn report_with_names(
    scorecard: &Scorecard,
    targets: &Targets,
    names: &dyn Fn(ComponentId) -> String,
) -> Value {
    let mut facts = Map::new();
    let mut reasons = Map::new();
    for (name, fact) in flags(&scorecard.facts) {
        facts.insert(name.into(), json!(fact.holds));
        reasons.insert(name.into(), json!(fact.reason));
    }
    for (name, measure) in measures(&scorecard.facts) {
        facts.insert(name.into(), measure.value.map_or(Value::Null, rounded));
        reasons.insert(name.into(), json!(measure.reason));
    }
    let mut scores = Map::new();
    for attribute in &scorecard.attributes {
        scores.insert(attribute.attribute.slug().into(), json!(attribute.score));
    }
    scores.insert("overall".into(), rounded(scorecard.overall));
    let estimate = &scorecard.facts.estimate;
    json!({
        "facts": facts,
        "reasons": reasons,
        "targets": serde_json::to_value(targets).unwrap_or(Value::Null),
        "scores": scores,
        "rubric": scorecard.attributes,
        "estimate": estimate_report(estimate, names),
    })
}
