//! What a sweep chart can show against the parameter, with no browser in
//! it: each [`Metric`]'s runs' values, the estimate's values, the design's
//! target line, and the words saying where each comes from.
//!
//! What must stay true: a run value comes from the point's run, an
//! estimate value from the analytic estimate at that parameter value, a
//! target from the design; a metric the estimate has no figure for
//! returns `None`, never a made-up number.

use crate::engine::sweep::{CurveSample, SweepPoint};
use crate::worker_protocol::sweep::SweepTargets;

/// One figure a chart can draw against the parameter.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Median response time of answered requests.
    P50,
    /// 95th percentile response time.
    P95,
    /// 99th percentile response time.
    P99,
    /// Answered requests per second.
    Throughput,
    /// Failed over finished requests.
    ErrorShare,
    /// A component's utilisation (by name).
    Utilisation(String),
    /// The design's monthly cost.
    Cost,
}

/// A horizontal line a chart draws: a design target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetLine {
    /// Its value, in the metric's unit.
    pub value: f64,
    /// What it is, in words.
    pub label: String,
}

impl Metric {
    /// A short name for ids and keys (`p99`, `utilisation:app-db`).
    pub fn slug(&self) -> String {
        match self {
            Metric::P50 => "p50".into(),
            Metric::P95 => "p95".into(),
            Metric::P99 => "p99".into(),
            Metric::Throughput => "throughput".into(),
            Metric::ErrorShare => "error-share".into(),
            Metric::Utilisation(name) => format!("utilisation-{name}"),
            Metric::Cost => "cost".into(),
        }
    }

    /// Its name in words.
    pub fn label(&self) -> String {
        match self {
            Metric::P50 => "p50 response time".into(),
            Metric::P95 => "p95 response time".into(),
            Metric::P99 => "p99 response time".into(),
            Metric::Throughput => "Throughput".into(),
            Metric::ErrorShare => "Error share".into(),
            Metric::Utilisation(name) => format!("Utilisation of {name}"),
            Metric::Cost => "Monthly cost".into(),
        }
    }

    /// Its unit.
    pub fn unit(&self) -> &'static str {
        match self {
            Metric::P50 | Metric::P95 | Metric::P99 => "ms",
            Metric::Throughput => "req/s",
            Metric::ErrorShare | Metric::Utilisation(_) => "%",
            Metric::Cost => "USD/month",
        }
    }

    /// The value of a point's run (percent for shares).
    pub fn run_value(&self, point: &SweepPoint) -> Option<f64> {
        match self {
            Metric::P50 => Some(point.p50_ms),
            Metric::P95 => Some(point.p95_ms),
            Metric::P99 => Some(point.p99_ms),
            Metric::Throughput => Some(point.throughput_rps),
            Metric::ErrorShare => Some(point.error_share * 100.0),
            Metric::Utilisation(name) => point
                .utilisation
                .iter()
                .find(|c| &c.name == name)
                .map(|c| c.utilisation * 100.0),
            Metric::Cost => Some(point.cost_usd_per_month),
        }
    }

    /// The estimate's value at a curve sample; `None` where the estimate
    /// has no figure (no median, no error share; saturated).
    pub fn estimate_value(&self, sample: &CurveSample) -> Option<f64> {
        match self {
            Metric::P50 | Metric::ErrorShare => None,
            Metric::P95 => sample.estimate.p95_ms,
            Metric::P99 => sample.estimate.p99_ms,
            Metric::Throughput => sample.estimate.answered_rps,
            Metric::Utilisation(name) => sample
                .utilisation
                .iter()
                .find(|c| &c.name == name)
                .map(|c| c.utilisation * 100.0),
            Metric::Cost => Some(sample.cost_usd_per_month),
        }
    }

    /// The design's target for it, if it has one.
    pub fn target(&self, targets: &SweepTargets) -> Option<TargetLine> {
        let line = |value: f64, label: String| (value > 0.0).then_some(TargetLine { value, label });
        match self {
            Metric::P50 | Metric::P95 | Metric::P99 => line(
                targets.latency_ms,
                format!(
                    "design target: mean latency at most {} ms",
                    targets.latency_ms
                ),
            ),
            Metric::Throughput => line(
                targets.throughput_rps,
                format!("design target: at least {} req/s", targets.throughput_rps),
            ),
            Metric::ErrorShare => line(
                targets.error_budget_percent,
                format!(
                    "design target: error budget {} %",
                    targets.error_budget_percent
                ),
            ),
            Metric::Utilisation(_) => line(
                targets.cpu_percent,
                format!("design target: peak CPU at most {} %", targets.cpu_percent),
            ),
            Metric::Cost => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sweep::{estimate_curve, sweep_point, SweepSpec};
    use crate::engine::templates::template;

    #[test]
    fn values_come_from_the_run_the_estimate_and_the_design() {
        let design = template("microservices").unwrap();
        let spec = SweepSpec {
            param: "workload.requests_per_second".to_string(),
            from: 200.0,
            to: 400.0,
            steps: 2,
        };
        let point = sweep_point(&design, &spec, 0, 3, 2.0).unwrap();
        assert_eq!(Metric::P99.run_value(&point), Some(point.p99_ms));
        assert_eq!(
            Metric::ErrorShare.run_value(&point),
            Some(point.error_share * 100.0)
        );
        let db = &point.utilisation[point.utilisation.len() - 1];
        let metric = Metric::Utilisation(db.name.clone());
        assert_eq!(metric.run_value(&point), Some(db.utilisation * 100.0));
        assert_eq!(Metric::Utilisation("nobody".into()).run_value(&point), None);
        let curve = estimate_curve(&design, &spec).unwrap();
        assert_eq!(
            Metric::P99.estimate_value(&curve[0]),
            curve[0].estimate.p99_ms
        );
        assert_eq!(Metric::P50.estimate_value(&curve[0]), None);
        assert!(metric.estimate_value(&curve[0]).is_some());
        let targets = SweepTargets {
            latency_ms: 200.0,
            throughput_rps: 0.0,
            error_budget_percent: 1.0,
            cpu_percent: 70.0,
        };
        assert_eq!(Metric::P95.target(&targets).map(|t| t.value), Some(200.0));
        assert_eq!(Metric::Throughput.target(&targets), None, "no target set");
        assert_eq!(Metric::Cost.target(&targets), None);
    }
}
