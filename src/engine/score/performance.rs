//! The performance facts, read off the analytic estimate, with their reasons;
//! and the loop detection the maintainability facts share.

use crate::engine::model::graph::{flow, Flow, Index};
use crate::engine::model::{ComponentId, ComponentKind, Design};
use crate::engine::score::analytic::Estimate;
use crate::engine::score::evidence::Measure;

fn bottleneck_words(design: &Design, estimate: &Estimate) -> String {
    match estimate
        .bottleneck
        .and_then(|id| estimate.stations.iter().find(|s| s.id == id))
    {
        Some(station) => format!(
            "bottleneck {} at {:.0}% utilisation",
            design.name_of(station.id),
            station.utilisation.min(99.99) * 100.0
        ),
        None => "no station carries traffic".into(),
    }
}

fn saturated_words(design: &Design, estimate: &Estimate) -> (String, Option<ComponentId>) {
    let worst = estimate
        .stations
        .iter()
        .filter(|s| s.utilisation >= 1.0)
        .max_by(|a, b| a.utilisation.total_cmp(&b.utilisation));
    match worst {
        Some(s) if s.utilisation.is_finite() => (
            format!(
                "{} is unstable: its queue grows without bound ({:.0} req/s arrive for {} servers, utilisation {:.2})",
                design.name_of(s.id),
                s.arrival_rps,
                s.servers,
                s.utilisation
            ),
            Some(s.id),
        ),
        Some(s) => (format!("{} has no running replica but receives requests", design.name_of(s.id)), Some(s.id)),
        None => ("nothing is offered".into(), None),
    }
}

fn no_traffic(estimate: &Estimate) -> Option<Measure> {
    if estimate.findings.iter().any(|f| f.starts_with("no client")) {
        return Some(Measure {
            value: None,
            reason: "no client sends traffic, so there is nothing to measure".into(),
            component: None,
        });
    }
    if estimate.offered_rps <= 0.0 {
        return Some(Measure {
            value: None,
            reason: "the workload offers 0 requests per second".into(),
            component: None,
        });
    }
    None
}

/// A time along the request path: unavailable without traffic or when a
/// station is saturated (its queue, and so the mean, grows without bound).
fn path_time(design: &Design, estimate: &Estimate, value: Option<f64>, reason: String) -> Measure {
    if let Some(measure) = no_traffic(estimate) {
        return measure;
    }
    if estimate.saturated {
        let (reason, component) = saturated_words(design, estimate);
        return Measure {
            value: None,
            reason,
            component,
        };
    }
    Measure {
        value,
        reason,
        component: estimate.bottleneck,
    }
}

/// The p95 end-to-end response time (the statistic the response-time
/// target judges), with the mean and p99 beside it in the reason.
pub fn response_time(design: &Design, estimate: &Estimate) -> Measure {
    let shown = |v: Option<f64>| v.map_or_else(|| "n/a".to_string(), |ms| format!("{ms:.1} ms"));
    let reason = format!(
        "estimated p95 response time {} (mean {}, p99 {}) at {:.0} req/s, from the M/M/c estimate: queueing and service along the request path plus network hops, percentiles from a gamma fit to the path's mean and variance; {}",
        shown(estimate.p95_ms),
        shown(estimate.response_time_ms),
        shown(estimate.p99_ms),
        estimate.offered_rps,
        bottleneck_words(design, estimate)
    );
    path_time(design, estimate, estimate.p95_ms, reason)
}

/// Mean latency: time waiting in queues plus network hops.
pub fn latency(design: &Design, estimate: &Estimate) -> Measure {
    let reason = format!(
        "estimated mean latency: time spent waiting in queues and on the network ({} ms per hop), excluding service time; {}",
        crate::engine::attributes::fields::format_number(design.workload.hop_latency_ms),
        bottleneck_words(design, estimate)
    );
    path_time(design, estimate, estimate.latency_ms, reason)
}

/// Throughput: the requests answered per second at the offered load, with
/// the capacity (where the bottleneck saturates) beside it in the reason.
pub fn throughput(design: &Design, estimate: &Estimate) -> Measure {
    if estimate.findings.iter().any(|f| f.starts_with("no client")) {
        return Measure {
            value: None,
            reason: "no client sends traffic, so there is nothing to measure".into(),
            component: None,
        };
    }
    let (Some(answered), Some(capacity)) = (estimate.answered_rps, estimate.capacity_rps) else {
        return Measure {
            value: None,
            reason: "no station carries traffic".into(),
            component: None,
        };
    };
    let bottleneck = design.name_of(estimate.bottleneck.unwrap_or(ComponentId(u32::MAX)));
    let mut reason = format!(
        "estimated {answered:.0} req/s answered of {:.0} req/s offered; capacity {capacity:.0} req/s, where {bottleneck} saturates",
        estimate.offered_rps
    );
    if estimate.unrouted_share > 1e-9 {
        reason.push_str(&format!(
            "; {:.1}% of requests are not served (no route, no shard, or sent straight to storage)",
            estimate.unrouted_share * 100.0
        ));
    }
    if estimate.saturated {
        let (words, _) = saturated_words(design, estimate);
        reason.push_str(&format!("; {words}"));
    }
    Measure {
        value: Some(answered),
        reason,
        component: estimate.bottleneck,
    }
}

/// Peak utilisation, as CPU percent.
pub fn cpu(design: &Design, estimate: &Estimate) -> Measure {
    if let Some(measure) = no_traffic(estimate) {
        return Measure {
            value: Some(0.0),
            ..measure
        };
    }
    let busiest = estimate
        .stations
        .iter()
        .max_by(|a, b| a.utilisation.total_cmp(&b.utilisation));
    Measure {
        value: estimate
            .cpu_percent
            .is_finite()
            .then_some(estimate.cpu_percent),
        reason: match busiest {
            Some(s) => format!(
                "busiest component {} runs at {:.0}% utilisation",
                design.name_of(s.id),
                (s.utilisation * 100.0).min(1e9)
            ),
            None => "no components".into(),
        },
        component: busiest.map(|s| s.id),
    }
}

/// Services that can reach themselves along request connections.
pub fn services_in_loops(design: &Design) -> Vec<ComponentId> {
    let index = Index::new(design);
    let n = design.components.len();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); n];
    for c in &design.connections {
        if let (Some(i), Some(j)) = (index.get(c.from), index.get(c.to)) {
            if flow(design.components[i].kind, design.components[j].kind) == Flow::Request {
                next[i].push(j);
            }
        }
    }
    let mut looped = Vec::new();
    for start in 0..n {
        if design.components[start].kind != ComponentKind::Service {
            continue;
        }
        let mut seen = vec![false; n];
        let mut stack = next[start].clone();
        while let Some(i) = stack.pop() {
            if i == start {
                looped.push(design.components[start].id);
                break;
            }
            if !std::mem::replace(&mut seen[i], true) {
                stack.extend(next[i].iter().copied());
            }
        }
    }
    looped
}
