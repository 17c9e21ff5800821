//! The summary of a run, as the CLI prints it and the UI will show it: end to
//! end and per component throughput, latency (mean, p50, p95, p99), utilisation,
//! queue length, errors by cause, drops; replica timelines; events by topic;
//! what the health checks changed; stations that fell behind; what the run cost.
//!
//! What must stay true: a summary is a pure function of the simulation's
//! state, so two runs with the same seed give equal summaries; every number is
//! finite (empty statistics read as 0).

use super::backlog::{falling_behind, FallingBehind};
use super::cause::Cause;
use super::health::{health_summaries, HealthSummary};
use super::stats::{LogHistogram, Moments};
use super::Simulation;
use crate::engine::cost::run::{run_cost, RunCost};
use crate::engine::model::ComponentKind;
use serde::Serialize;
use std::collections::BTreeMap;

/// Latency figures in milliseconds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Latency {
    /// Mean.
    pub mean_ms: f64,
    /// Median.
    pub p50_ms: f64,
    /// 95th percentile.
    pub p95_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Largest.
    pub max_ms: f64,
}

impl Latency {
    fn from(moments: &Moments, histogram: &LogHistogram) -> Latency {
        Latency {
            mean_ms: moments.mean() / 1000.0,
            p50_ms: histogram.quantile(0.50) / 1000.0,
            p95_ms: histogram.quantile(0.95) / 1000.0,
            p99_ms: histogram.quantile(0.99) / 1000.0,
            max_ms: moments.max() as f64 / 1000.0,
        }
    }
}

/// Requests from the clients' point of view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EndToEnd {
    /// Requests sent during measurement.
    pub arrived: u64,
    /// Answered successfully.
    pub completed: u64,
    /// Failed.
    pub failed: u64,
    /// In the system at the end.
    pub in_flight: u64,
    /// In the system when measurement began (after the warm-up).
    pub in_flight_at_start: u64,
    /// Successful answers per second.
    pub throughput_rps: f64,
    /// Latency of successful requests.
    pub latency: Latency,
    /// Time-averaged requests in the system (L of Little's law).
    pub mean_in_system: f64,
    /// Arrival rate times mean time in the system (lambda W of Little's law).
    pub arrival_rate_times_mean_time: f64,
    /// Failed requests by the cause that started the failure.
    pub errors: BTreeMap<&'static str, u64>,
}

/// One component.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComponentSummary {
    /// Its id.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// Its kind's slug.
    pub kind: &'static str,
    /// Calls that reached it.
    pub arrivals: u64,
    /// Calls it answered successfully.
    pub completed: u64,
    /// Calls that failed here or below.
    pub failed: u64,
    /// Successful answers per second.
    pub throughput_rps: f64,
    /// Time from arrival to a successful answer, callees included.
    pub latency: Latency,
    /// Mean wait in its queues, ms.
    pub mean_wait_ms: f64,
    /// Busy server time over ready server time, in [0, 1].
    pub utilisation: f64,
    /// Time-averaged calls waiting.
    pub mean_queue_length: f64,
    /// Calls waiting when measurement began.
    pub queued_at_start: u64,
    /// Calls waiting at the end.
    pub queued_at_end: u64,
    /// Time-averaged calls present (queued, served or waiting on a callee).
    pub mean_in_system: f64,
    /// Failures that started here, by cause.
    pub errors: BTreeMap<&'static str, u64>,
    /// Calls or events turned away by a full queue or channel.
    pub drops: u64,
    /// Servers of ready replicas at the end.
    pub servers: u32,
    /// Cache hits, misses and hit ratio, for caches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache: Option<CacheSummary>,
    /// (seconds, replicas) at the start and after every scaling action, for autoscaled services.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_timeline: Option<Vec<(f64, u32)>>,
}

/// What a cache answered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CacheSummary {
    /// Reads answered from the cache.
    pub hits: u64,
    /// Reads passed on.
    pub misses: u64,
    /// hits / (hits + misses).
    pub hit_ratio: f64,
}

/// One topic on one bus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopicSummary {
    /// The bus.
    pub bus: String,
    /// The topic.
    pub topic: String,
    /// Events accepted into the channel.
    pub published: u64,
    /// Events refused because the channel was full.
    pub channel_full: u64,
}

/// Events one event store recorded, by topic.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventStoreSummary {
    /// The store.
    pub store: String,
    /// Events recorded per topic (since the start of the run).
    pub by_topic: BTreeMap<String, u64>,
}

/// Self-checks of the run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Checks {
    /// Times a station had an idle server while calls waited (must be 0).
    pub invariant_violations: u64,
    /// Whether arrived + in flight at start = completed + failed + in flight, end to end.
    pub conservation_holds: bool,
    /// Whether, end to end and at every component, the time integral of the
    /// number present equals the time spent by those who left plus the time so
    /// far of those present (Little's law over the measured interval, exactly).
    pub littles_law_holds: bool,
}

/// The whole summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Seed of the run.
    pub seed: u64,
    /// Simulated seconds so far.
    pub simulated_s: f64,
    /// Seconds measured (after the warm-up).
    pub measured_s: f64,
    /// Events handled.
    pub events: u64,
    /// Present when the run spent its event budget before its planned end:
    /// a sentence saying so, with the numbers (the figures cover only the
    /// simulated part).
    pub partial: Option<String>,
    /// Requests end to end.
    pub end_to_end: EndToEnd,
    /// Per component, in design order.
    pub components: Vec<ComponentSummary>,
    /// Per bus and topic.
    pub topics: Vec<TopicSummary>,
    /// Per event store.
    pub event_stores: Vec<EventStoreSummary>,
    /// What health checks changed, in time order (the first
    /// [`super::health::MAX_HEALTH_EVENTS`]).
    pub health: Vec<HealthSummary>,
    /// Stations busy nearly all the time whose backlog grew through the run.
    pub falling_behind: Vec<FallingBehind>,
    /// What the run cost: replica-seconds per component from the replica
    /// timelines, priced with the design's unit prices, and the monthly rate
    /// they imply.
    pub cost: RunCost,
    /// Self-checks.
    pub checks: Checks,
}

fn errors_map(errors: &[u64; Cause::COUNT]) -> BTreeMap<&'static str, u64> {
    Cause::ALL
        .iter()
        .filter(|c| errors[**c as usize] > 0)
        .map(|c| (c.slug(), errors[*c as usize]))
        .collect()
}

fn per_second(count: u64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        count as f64 / seconds
    } else {
        0.0
    }
}

/// Builds the summary of `simulation` as it stands.
pub fn summarise(simulation: &Simulation) -> Summary {
    let now = simulation.now();
    let measured_s = (now - simulation.measured_from()) as f64 / 1e6;
    let requests = simulation.requests();
    let finished = requests.completed + requests.failed;
    let mean_time_s = if finished > 0 {
        requests.sojourn_total_us as f64 / finished as f64 / 1e6
    } else {
        0.0
    };
    let in_flight = requests.in_system.level();
    let end_to_end = EndToEnd {
        arrived: requests.arrived,
        completed: requests.completed,
        failed: requests.failed,
        in_flight,
        in_flight_at_start: requests.in_flight_at_start,
        throughput_rps: per_second(requests.completed, measured_s),
        latency: Latency::from(&requests.latency, &requests.latency_histogram),
        mean_in_system: requests.in_system.mean(now),
        arrival_rate_times_mean_time: per_second(requests.arrived, measured_s) * mean_time_s,
        errors: errors_map(&requests.errors),
    };
    let timelines = simulation.replica_timelines();
    let stations = simulation.stations();
    let mut components = Vec::new();
    let mut topics = Vec::new();
    let mut event_stores = Vec::new();
    let mut violations = 0;
    for (i, node) in simulation.nodes().iter().enumerate() {
        let own: Vec<_> = stations.iter().filter(|s| s.node as usize == i).collect();
        let busy: u128 = own.iter().map(|s| s.stats.busy.area(now)).sum();
        let servers: u128 = own
            .iter()
            .map(|s| s.stats.servers.area(now).max(s.stats.busy.area(now)))
            .sum();
        let waits: u64 = own.iter().map(|s| s.stats.wait.count()).sum();
        let wait_sum = own
            .iter()
            .map(|s| s.stats.wait.mean() * s.stats.wait.count() as f64)
            .fold(0.0, |total, part| total + part);
        violations += own
            .iter()
            .map(|s| s.stats.invariant_violations)
            .sum::<u64>();
        let stats = &node.stats;
        let cache = (node.kind == ComponentKind::Cache).then(|| {
            let looked_up = stats.cache_hits + stats.cache_misses;
            CacheSummary {
                hits: stats.cache_hits,
                misses: stats.cache_misses,
                hit_ratio: if looked_up > 0 {
                    stats.cache_hits as f64 / looked_up as f64
                } else {
                    0.0
                },
            }
        });
        let replica_timeline = timelines
            .iter()
            .find(|(n, _)| *n as usize == i)
            .map(|(_, points)| points.iter().map(|&(t, r)| (t as f64 / 1e6, r)).collect());
        let channel_full: u64 = stats.channel_full.iter().sum();
        components.push(ComponentSummary {
            id: node.id.0,
            name: node.name.clone(),
            kind: node.kind.slug(),
            arrivals: stats.arrivals,
            completed: stats.completed,
            failed: stats.failed,
            throughput_rps: per_second(stats.completed, measured_s),
            latency: Latency::from(&stats.latency, &stats.latency_histogram),
            mean_wait_ms: if waits > 0 {
                wait_sum / waits as f64 / 1000.0
            } else {
                0.0
            },
            utilisation: if servers > 0 {
                (busy as f64 / servers as f64).clamp(0.0, 1.0)
            } else {
                0.0
            },
            mean_queue_length: own
                .iter()
                .map(|s| s.stats.queue_length.mean(now))
                .fold(0.0, |total, mean| total + mean),
            queued_at_start: own.iter().map(|s| s.stats.queued_at_start).sum(),
            queued_at_end: own.iter().map(|s| s.queue_length() as u64).sum(),
            mean_in_system: stats.in_system.mean(now),
            errors: errors_map(&stats.errors),
            drops: own.iter().map(|s| s.stats.rejected).sum::<u64>() + channel_full,
            servers: own.iter().map(|s| s.servers()).sum(),
            cache,
            replica_timeline,
        });
        if node.kind == ComponentKind::EventBus {
            for (t, name) in simulation.topics().iter().enumerate() {
                let (published, full) = (stats.published[t], stats.channel_full[t]);
                if published + full > 0 {
                    topics.push(TopicSummary {
                        bus: node.name.clone(),
                        topic: name.clone(),
                        published,
                        channel_full: full,
                    });
                }
            }
        }
        if let Some(log) = simulation.event_log(i) {
            let by_topic = log
                .counts()
                .into_iter()
                .enumerate()
                .filter(|&(_, count)| count > 0)
                .map(|(t, count)| (simulation.topics()[t].clone(), count))
                .collect();
            event_stores.push(EventStoreSummary {
                store: node.name.clone(),
                by_topic,
            });
        }
    }
    let health = health_summaries(simulation);
    let falling_behind = falling_behind(&components, measured_s);
    Summary {
        seed: simulation.plan().settings.seed,
        simulated_s: now as f64 / 1e6,
        measured_s,
        events: simulation.stats().events,
        partial: simulation.stopped_early().then(|| {
            format!(
                "partial run: stopped after {} events (the run's event budget) at {:.3} s \
                 of the planned {:.3} s",
                simulation.stats().events,
                now as f64 / 1e6,
                simulation.planned_end() as f64 / 1e6
            )
        }),
        end_to_end,
        components,
        topics,
        event_stores,
        health,
        falling_behind,
        cost: run_cost(simulation.pricing(), &timelines, now),
        checks: Checks {
            invariant_violations: violations,
            conservation_holds: requests.arrived + requests.in_flight_at_start
                == requests.completed + requests.failed + in_flight,
            littles_law_holds: requests.in_system.littles_law_holds(now)
                && simulation
                    .nodes()
                    .iter()
                    .all(|node| node.stats.in_system.littles_law_holds(now)),
        },
    }
}
