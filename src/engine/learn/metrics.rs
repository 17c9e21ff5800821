//! Reading one simulated figure out of a run's summary.
//!
//! What must stay true: a figure that needs a component the design lacks (or
//! the run did not measure) is `Err` with a sentence saying so, never a
//! made-up number.

use super::check::Metric;
use crate::engine::model::Design;
use crate::engine::sim::Summary;

/// The figure `metric` of one run, at `component` (by name) where given.
pub fn measure(
    design: &Design,
    summary: &Summary,
    metric: Metric,
    component: Option<&str>,
    topic: Option<&str>,
) -> Result<f64, String> {
    let at = match component {
        Some(name) => Some(
            summary
                .components
                .iter()
                .find(|c| c.name == name)
                .ok_or_else(|| format!("no component is called {name}"))?,
        ),
        None => None,
    };
    let end = &summary.end_to_end;
    Ok(match metric {
        Metric::P95Ms => at.map_or(end.latency.p95_ms, |c| c.latency.p95_ms),
        Metric::P99Ms => at.map_or(end.latency.p99_ms, |c| c.latency.p99_ms),
        Metric::MeanMs => at.map_or(end.latency.mean_ms, |c| c.latency.mean_ms),
        Metric::ErrorPercent => {
            let (failed, total) = at.map_or((end.failed, end.arrived), |c| (c.failed, c.arrivals));
            if total == 0 {
                0.0
            } else {
                failed as f64 * 100.0 / total as f64
            }
        }
        Metric::ChannelFull => summary
            .topics
            .iter()
            .filter(|t| component.is_none_or(|name| t.bus == name))
            .map(|t| t.channel_full as f64)
            .sum(),
        Metric::CacheHitRatio => {
            let c = at.ok_or("the cache hit ratio needs a cache named in the check")?;
            c.cache
                .as_ref()
                .map(|cache| cache.hit_ratio)
                .ok_or_else(|| format!("{} is not a cache", c.name))?
        }
        Metric::MaxReplicas => {
            let c = at.ok_or("the replica count needs a component named in the check")?;
            match &c.replica_timeline {
                Some(timeline) => timeline.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64,
                None => design
                    .component_named(&c.name)
                    .map_or(0.0, |d| f64::from(d.replicas.current)),
            }
        }
        Metric::ScaleActions => summary
            .components
            .iter()
            .filter(|c| component.is_none_or(|name| c.name == name))
            .filter_map(|c| c.replica_timeline.as_ref())
            .map(|timeline| timeline.len().saturating_sub(1) as f64)
            .sum(),
        Metric::AnsweredRps => at.map_or(end.throughput_rps, |c| c.throughput_rps),
        Metric::StoredEvents => {
            let topic = topic.ok_or("stored events need a topic named in the check")?;
            summary
                .event_stores
                .iter()
                .filter(|s| component.is_none_or(|name| s.store == name))
                .filter_map(|s| s.by_topic.get(topic))
                .map(|n| *n as f64)
                .sum()
        }
    })
}

/// Where a whole-design figure comes from, for a failing check to point at:
/// the bus and topic refusing the most events, or the component where the
/// most failures started. `None` when nothing stands out.
pub fn hotspot(summary: &Summary, metric: Metric) -> Option<(String, String)> {
    match metric {
        Metric::ChannelFull => summary
            .topics
            .iter()
            .filter(|t| t.channel_full > 0)
            .max_by_key(|t| t.channel_full)
            .map(|t| (format!("most on {} at {}", t.topic, t.bus), t.bus.clone())),
        Metric::ErrorPercent => summary
            .components
            .iter()
            .map(|c| (c, c.errors.values().sum::<u64>()))
            .filter(|(_, failed)| *failed > 0)
            .max_by_key(|(_, failed)| *failed)
            .map(|(c, failed)| {
                let causes: Vec<&str> = c.errors.keys().copied().collect();
                (
                    format!("{failed} started at {} ({})", c.name, causes.join(", ")),
                    c.name.clone(),
                )
            }),
        _ => None,
    }
}
