//! Measurements between two sample steps of a [`Simulation`]: it keeps the
//! counters it saw at the last step and turns their differences into a chart
//! point and log lines.
//!
//! What must stay true: it only reads the simulation. Counters that went
//! down (statistics restart at the end of a warm-up) count from zero.

use super::progress::{ComponentLive, LogKind, LogLine, SeriesPoint};
use crate::engine::model::{ComponentKind, Design};
use crate::engine::sim::agenda::Micros;
use crate::engine::sim::health::health_log_lines;
use crate::engine::sim::options::FaultKind;
use crate::engine::sim::stats::LogHistogram;
use crate::engine::sim::{Cause, Simulation};
use crate::engine::words;

/// `now - before`, or `now` when the counter restarted.
fn since(now: u64, before: u64) -> u64 {
    if now >= before {
        now - before
    } else {
        now
    }
}

/// Like [`since`], for time integrals.
fn area_since(now: u128, before: u128) -> u128 {
    if now >= before {
        now - before
    } else {
        now
    }
}

/// What a fault does, in words.
fn fault_words(kind: FaultKind) -> String {
    match kind {
        FaultKind::KillReplica => "a replica is killed".to_string(),
        FaultKind::ComponentDown => "the component is down".to_string(),
        FaultKind::AddLatency { ms } => format!("every service takes {ms} ms longer"),
        FaultKind::AddErrors { rate } => format!("{:.0}% of calls fail", rate * 100.0),
    }
}

/// Counters at the last sample step, and what is needed to read the next.
pub struct Sampler {
    /// Stations of every node (by node index).
    stations_of: Vec<Vec<usize>>,
    /// Node indices of autoscaled services.
    autoscaled: Vec<usize>,
    last_time: Micros,
    completed: u64,
    failed: u64,
    request_errors: [u64; Cause::COUNT],
    latency: LogHistogram,
    node_errors: Vec<[u64; Cause::COUNT]>,
    cache_reads: Vec<(u64, u64)>,
    channel_full: u64,
    busy_area: Vec<u128>,
    server_area: Vec<u128>,
    utilisation: Vec<f64>,
    timeline_seen: Vec<usize>,
    breaker_open: Vec<bool>,
    health_seen: usize,
}

impl Sampler {
    /// A sampler of `simulation`, a run of `design`, at its start.
    pub fn new(design: &Design, simulation: &Simulation) -> Sampler {
        let nodes = simulation.nodes().len();
        let mut stations_of = vec![Vec::new(); nodes];
        for (index, station) in simulation.stations().iter().enumerate() {
            if let Some(list) = stations_of.get_mut(station.node as usize) {
                list.push(index);
            }
        }
        let autoscaled = design
            .components
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == ComponentKind::Service && c.autoscaling.enabled)
            .map(|(i, _)| i)
            .filter(|&i| i < nodes)
            .collect();
        let stations = simulation.stations().len();
        Sampler {
            stations_of,
            autoscaled,
            last_time: simulation.now(),
            completed: 0,
            failed: 0,
            request_errors: [0; Cause::COUNT],
            latency: LogHistogram::default(),
            node_errors: vec![[0; Cause::COUNT]; nodes],
            cache_reads: vec![(0, 0); nodes],
            channel_full: 0,
            busy_area: vec![0; stations],
            server_area: vec![0; stations],
            utilisation: vec![0.0; nodes],
            timeline_seen: Vec::new(),
            breaker_open: vec![false; nodes],
            health_seen: 0,
        }
    }

    /// Replicas serving at node `index` now.
    fn replicas(&self, simulation: &Simulation, index: usize) -> u32 {
        self.stations_of[index]
            .iter()
            .map(|&s| simulation.stations()[s].ready_replicas)
            .sum()
    }

    /// Every component that serves calls (has a queue): its utilisation over
    /// the last interval, and its queue and replicas now.
    pub fn components_now(&self, simulation: &Simulation) -> Vec<ComponentLive> {
        simulation
            .nodes()
            .iter()
            .enumerate()
            .filter(|(index, _)| !self.stations_of[*index].is_empty())
            .map(|(index, node)| {
                let queued: u64 = self.stations_of[index]
                    .iter()
                    .map(|&s| simulation.stations()[s].queue_length() as u64)
                    .sum();
                let held: u64 = node.channel_occupancy.iter().map(|&n| u64::from(n)).sum();
                ComponentLive {
                    id: node.id,
                    utilisation: self.utilisation.get(index).copied().unwrap_or(0.0),
                    queue: queued + held,
                    replicas: self.replicas(simulation, index),
                }
            })
            .collect()
    }

    /// Measures the interval since the last step; `None` if no time passed.
    pub fn sample(
        &mut self,
        simulation: &Simulation,
        log: &mut Vec<LogLine>,
    ) -> Option<SeriesPoint> {
        let now = simulation.now();
        if now <= self.last_time {
            return None;
        }
        let interval_s = (now - self.last_time) as f64 / 1e6;
        let t_s = now as f64 / 1e6;
        let requests = simulation.requests();
        let completed = since(requests.completed, self.completed);
        let failed = since(requests.failed, self.failed);
        let histogram = &requests.latency_histogram;
        let mut point = SeriesPoint {
            t_s,
            throughput_rps: completed as f64 / interval_s,
            error_percent: if completed + failed > 0 {
                failed as f64 * 100.0 / (completed + failed) as f64
            } else {
                0.0
            },
            p50_ms: histogram.quantile_since(&self.latency, 0.50) / 1000.0,
            p95_ms: histogram.quantile_since(&self.latency, 0.95) / 1000.0,
            p99_ms: histogram.quantile_since(&self.latency, 0.99) / 1000.0,
            ..SeriesPoint::default()
        };
        point.replicas = self
            .autoscaled
            .iter()
            .map(|&i| (simulation.nodes()[i].id, self.replicas(simulation, i)))
            .collect();
        let mut channel_full = 0;
        for (index, node) in simulation.nodes().iter().enumerate() {
            if node.kind == ComponentKind::Cache {
                let (hits, misses) = (node.stats.cache_hits, node.stats.cache_misses);
                let (hits_before, misses_before) = self.cache_reads[index];
                let (new_hits, new_misses) =
                    (since(hits, hits_before), since(misses, misses_before));
                if new_hits + new_misses > 0 {
                    point.cache_hit_percent.push((
                        node.id,
                        new_hits as f64 * 100.0 / (new_hits + new_misses) as f64,
                    ));
                }
                self.cache_reads[index] = (hits, misses);
            }
            if node.kind == ComponentKind::EventBus {
                point.channel_depth += node
                    .channel_occupancy
                    .iter()
                    .map(|&n| u64::from(n))
                    .sum::<u64>();
                channel_full += node.stats.channel_full.iter().sum::<u64>();
            }
            self.utilisation[index] = self.interval_utilisation(simulation, index, now);
        }
        point.dropped_events = since(channel_full, self.channel_full);
        self.channel_full = channel_full;

        self.log_faults(simulation, now, log);
        log.extend(health_log_lines(simulation, self.health_seen));
        self.health_seen = simulation.health_log().events().len();
        self.log_scaling(simulation, log);
        self.log_failures(simulation, t_s, failed, log);

        self.last_time = now;
        self.completed = requests.completed;
        self.failed = requests.failed;
        self.request_errors = requests.errors;
        self.latency.clone_from(histogram);
        Some(point)
    }

    /// Busy over ready server time at node `index` since the last step, and remembers the areas.
    fn interval_utilisation(&mut self, simulation: &Simulation, index: usize, now: Micros) -> f64 {
        let (mut busy, mut servers) = (0u128, 0u128);
        for &s in &self.stations_of[index] {
            let stats = &simulation.stations()[s].stats;
            let (busy_area, server_area) = (stats.busy.area(now), stats.servers.area(now));
            busy += area_since(busy_area, self.busy_area[s]);
            servers += area_since(server_area, self.server_area[s]);
            self.busy_area[s] = busy_area;
            self.server_area[s] = server_area;
        }
        if servers > 0 {
            (busy as f64 / servers as f64).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// Faults that started or ended since the last step.
    fn log_faults(&self, simulation: &Simulation, now: Micros, log: &mut Vec<LogLine>) {
        let passed = |at_s: f64| {
            let at = crate::engine::sim::random::seconds_to_micros(at_s.max(0.0));
            (at > self.last_time && at <= now) || (self.last_time == 0 && at == 0)
        };
        for fault in &simulation.plan().faults {
            let name = simulation
                .nodes()
                .iter()
                .find(|n| n.id == fault.component)
                .map_or("(missing)", |n| n.name.as_str());
            if passed(fault.at_s) {
                let lasting = fault
                    .duration_s
                    .map_or("until the end of the run".to_string(), |d| {
                        format!("for {d} s")
                    });
                log.push(LogLine {
                    t_s: fault.at_s,
                    kind: LogKind::Fault,
                    text: format!("fault at {name}: {} {lasting}", fault_words(fault.kind)),
                });
            }
            if let Some(duration) = fault.duration_s {
                if passed(fault.at_s + duration) {
                    log.push(LogLine {
                        t_s: fault.at_s + duration,
                        kind: LogKind::Fault,
                        text: format!("fault at {name} is over"),
                    });
                }
            }
        }
    }

    /// Replica counts the autoscalers changed since the last step.
    fn log_scaling(&mut self, simulation: &Simulation, log: &mut Vec<LogLine>) {
        let timelines = simulation.replica_timelines();
        self.timeline_seen.resize(timelines.len(), 1);
        for (k, (node, points)) in timelines.iter().enumerate() {
            let name = simulation
                .nodes()
                .get(*node as usize)
                .map_or("(missing)", |n| n.name.as_str());
            let seen = self.timeline_seen[k].max(1);
            for pair in points.windows(2).skip(seen - 1) {
                let ((_, from), (time, to)) = (pair[0], pair[1]);
                let direction = if to > from { "up" } else { "down" };
                log.push(LogLine {
                    t_s: time as f64 / 1e6,
                    kind: LogKind::Scale,
                    text: format!("{name} scaled {direction} from {from} to {} (new ones serve after the start-up delay)", words::count(u64::from(to), "replica", "replicas")),
                });
            }
            self.timeline_seen[k] = points.len().max(1);
        }
    }

    /// Requests that failed since the last step, by cause and where, and circuit breakers.
    fn log_failures(
        &mut self,
        simulation: &Simulation,
        t_s: f64,
        failed: u64,
        log: &mut Vec<LogLine>,
    ) {
        let mut places: Vec<(u64, &str, &'static str)> = Vec::new();
        let mut lost = 0;
        for (index, node) in simulation.nodes().iter().enumerate() {
            let before = self.node_errors[index];
            for cause in Cause::ALL {
                let count = since(node.stats.errors[cause as usize], before[cause as usize]);
                if count > 0 {
                    places.push((count, node.name.as_str(), cause.name()));
                    lost += count;
                }
            }
            let refused = since(
                node.stats.errors[Cause::CircuitOpen as usize],
                before[Cause::CircuitOpen as usize],
            );
            if refused > 0 && !self.breaker_open[index] {
                log.push(LogLine {
                    t_s,
                    kind: LogKind::Breaker,
                    text: format!(
                        "circuit breaker open at {}: {} refused",
                        node.name,
                        words::count(refused, "call", "calls")
                    ),
                });
            } else if refused == 0 && self.breaker_open[index] {
                log.push(LogLine {
                    t_s,
                    kind: LogKind::Breaker,
                    text: format!("circuit breaker at {} refuses no more calls", node.name),
                });
            }
            self.breaker_open[index] = refused > 0;
            self.node_errors[index] = node.stats.errors;
        }
        if failed == 0 {
            self.log_lost_calls(t_s, lost, &mut places, log);
            return;
        }
        let requests = simulation.requests();
        let mut causes: Vec<(u64, &'static str)> = Cause::ALL
            .iter()
            .map(|&c| {
                (
                    since(requests.errors[c as usize], self.request_errors[c as usize]),
                    c.name(),
                )
            })
            .filter(|(count, _)| *count > 0)
            .collect();
        causes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        places.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let causes: Vec<String> = causes
            .iter()
            .map(|(count, cause)| format!("{cause}: {count}"))
            .collect();
        let places: Vec<String> = places
            .iter()
            .take(3)
            .map(|(count, name, cause)| format!("{cause} at {name} ({count})"))
            .collect();
        let noun = if failed == 1 { "request" } else { "requests" };
        log.push(LogLine {
            t_s,
            kind: LogKind::Errors,
            text: format!(
                "{failed} {noun} failed since the last line: {}; where: {}",
                causes.join(", "),
                places.join(", ")
            ),
        });
    }

    /// Calls or events that failed while no request did (a consumer's full
    /// queue, a full bus channel): one line per interval, by cause and where.
    fn log_lost_calls(
        &self,
        t_s: f64,
        lost: u64,
        places: &mut [(u64, &str, &'static str)],
        log: &mut Vec<LogLine>,
    ) {
        if lost == 0 {
            return;
        }
        places.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let places: Vec<String> = places
            .iter()
            .take(3)
            .map(|(count, name, cause)| format!("{cause} at {name} ({count})"))
            .collect();
        log.push(LogLine {
            t_s,
            kind: LogKind::Errors,
            text: format!(
                "{lost} calls or events failed since the last line (no request waited on them): {}",
                places.join(", ")
            ),
        });
    }
}
