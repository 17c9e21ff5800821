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
                "{} is saturated: {:.0} req/s arrive for {} servers (utilisation {:.2}), so its queue grows without bound",
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

/// A mean time along the request path: unavailable without traffic or when a
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

/// Mean end-to-end response time.
pub fn response_time(design: &Design, estimate: &Estimate) -> Measure {
    let reason = format!(
        "M/M/c estimate at {:.0} req/s: queueing and service along the request path plus network hops; {}",
        estimate.offered_rps,
        bottleneck_words(design, estimate)
    );
    path_time(design, estimate, estimate.response_time_ms, reason)
}

/// Mean latency: time waiting in queues plus network hops.
pub fn latency(design: &Design, estimate: &Estimate) -> Measure {
    let reason = format!(
        "time spent waiting in queues and on the network ({} ms per hop), excluding service time; {}",
        crate::engine::attributes::fields::format_number(design.workload.hop_latency_ms),
        bottleneck_words(design, estimate)
    );
    path_time(design, estimate, estimate.latency_ms, reason)
}

/// Sustainable throughput: the offered rate at which the bottleneck saturates.
pub fn throughput(design: &Design, estimate: &Estimate) -> Measure {
    if estimate.findings.iter().any(|f| f.starts_with("no client")) {
        return Measure {
            value: None,
            reason: "no client sends traffic, so there is nothing to measure".into(),
            component: None,
        };
    }
    match estimate.throughput_rps {
        Some(capacity) => Measure {
            value: Some(capacity),
            reason: format!(
                "{} saturates at {capacity:.0} req/s of client traffic",
                design.name_of(estimate.bottleneck.unwrap_or(ComponentId(u32::MAX)))
            ),
            component: estimate.bottleneck,
        },
        None => Measure {
            value: None,
            reason: "no station carries traffic".into(),
            component: None,
        },
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
