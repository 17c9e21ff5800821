//! A sweep's points as CSV, one row per point in index order, for the
//! command line and for a page's download.
//!
//! Columns: `index`, the parameter (named by its key), the run's `p50_ms`,
//! `p95_ms`, `p99_ms`, `throughput_rps`, `error_share` and `partial`, the
//! design's `cost_usd_per_month` and the run's `run_cost_usd_per_month`,
//! the analytic estimate's `estimate_mean_ms`, `estimate_p95_ms`,
//! `estimate_p99_ms` and `estimate_answered_rps` (empty where the estimate
//! has none), then `utilisation:<component>` for every component but the
//! clients.
//!
//! What must stay true: the text is a pure function of the points (numbers
//! in Rust's shortest round-trip form), so the same points give the same
//! bytes whichever threads or workers ran them; a field holding a comma, a
//! quote or a line break is quoted.

use super::point::SweepPoint;

/// Writes `points` (of a sweep of `param`) as CSV with a header line; every
/// line ends with `\n`.
pub fn to_csv(param: &str, points: &[SweepPoint]) -> String {
    let mut header: Vec<String> = ["index", param]
        .iter()
        .chain(&[
            "p50_ms",
            "p95_ms",
            "p99_ms",
            "throughput_rps",
            "error_share",
            "partial",
            "cost_usd_per_month",
            "run_cost_usd_per_month",
            "estimate_mean_ms",
            "estimate_p95_ms",
            "estimate_p99_ms",
            "estimate_answered_rps",
        ])
        .map(|name| name.to_string())
        .collect();
    if let Some(first) = points.first() {
        header.extend(
            first
                .utilisation
                .iter()
                .map(|c| format!("utilisation:{}", c.name)),
        );
    }
    let mut text = line(&header);
    for point in points {
        let optional = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
        let mut row = vec![
            point.index.to_string(),
            point.value.to_string(),
            point.p50_ms.to_string(),
            point.p95_ms.to_string(),
            point.p99_ms.to_string(),
            point.throughput_rps.to_string(),
            point.error_share.to_string(),
            point.partial.is_some().to_string(),
            point.cost_usd_per_month.to_string(),
            point.run_cost_usd_per_month.to_string(),
            optional(point.estimate.mean_ms),
            optional(point.estimate.p95_ms),
            optional(point.estimate.p99_ms),
            optional(point.estimate.answered_rps),
        ];
        row.extend(point.utilisation.iter().map(|c| c.utilisation.to_string()));
        text.push_str(&line(&row));
    }
    text
}

/// One CSV line of `fields`, quoted where they need it.
fn line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields.iter().map(|field| quote_field(field)).collect();
    format!("{}\n", quoted.join(","))
}

/// `field` as a CSV field: in double quotes (inner quotes doubled) when it
/// holds a comma, a quote or a line break.
pub fn quote_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
