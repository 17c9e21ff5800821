//! The analytic performance estimate, cheap enough to run on every edit.
//!
//! Every component is an M/M/c station (c = running replicas x concurrency,
//! mu = 1000 / service time). Arrival rates come from routing one request per
//! second from the clients and scaling by the workload (rates are linear in
//! the offered load):
//! - clients and plain load balancers split evenly, weighted balancers by
//!   connection weight, gateways by weight among the routes whose method takes
//!   the request (reads GET or ANY, writes POST/PUT/DELETE or ANY; a request
//!   no route takes is unroutable); auth providers behind a gateway see every request;
//! - a service calls each of its request targets once per request, and
//!   publishes one event per write to each bus or event store it is connected to;
//! - a cache answers `hit ratio` of the reads and passes misses and writes on;
//! - a database sends writes to the primary of the shard owning the key and
//!   reads to the shard's read replicas (to the primary when it has none);
//! - a bus delivers each event to every subscriber whose topics match,
//!   asynchronously: subscriber work adds load but not response time.
//!
//! What must stay true: the same design gives the same numbers; a loop or a
//! dangling id becomes a finding, never a panic or an endless loop.

mod routing;

/// TEMPORARY (track A's compile fix while the `cache_hit_ratio` input is
/// retired; track B replaces it with the hit ratio derived from the TTL):
/// the share of reads a cache answers, fixed at the old input's default.
pub fn cache_hit_ratio_placeholder(_cache: &Component) -> f64 {
    0.8
}

use crate::engine::model::graph::Index;
use crate::engine::model::{Component, ComponentId, ComponentKind, Design, HttpMethod};
use crate::engine::score::queueing::MmcStation;
use routing::Routing;
use serde::Serialize;

/// Requests per second arriving at one component, split by class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Rates {
    /// Reads per second.
    pub read: f64,
    /// Writes per second.
    pub write: f64,
}

impl Rates {
    fn total(self) -> f64 {
        self.read + self.write
    }
    fn scaled(self, factor: f64) -> Rates {
        Rates {
            read: self.read * factor,
            write: self.write * factor,
        }
    }
    fn add(&mut self, other: Rates) {
        self.read += other.read;
        self.write += other.write;
    }
}

/// The estimate for one component.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StationEstimate {
    /// The component.
    pub id: ComponentId,
    /// Arrivals per second, synchronous and asynchronous.
    pub arrival_rps: f64,
    /// Servers in the busiest internal station.
    pub servers: u32,
    /// Utilisation of its busiest internal station (may exceed 1).
    pub utilisation: f64,
    /// Mean time a request waits in queue, in ms; `None` when saturated.
    pub mean_wait_ms: Option<f64>,
    /// Mean time a request spends here, in ms; `None` when saturated.
    pub mean_response_ms: Option<f64>,
    /// Visits per entry request that the caller waits for.
    pub sync_visits: f64,
    /// Most entry requests per second this component sustains.
    pub capacity_rps: Option<f64>,
}

/// The whole estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    /// Offered entry requests per second.
    pub offered_rps: f64,
    /// Mean end-to-end response time in ms; `None` when saturated or nothing is offered.
    pub response_time_ms: Option<f64>,
    /// Mean time spent waiting in queues and on the network, in ms.
    pub latency_ms: Option<f64>,
    /// Most entry requests per second the design sustains (its bottleneck's capacity).
    pub throughput_rps: Option<f64>,
    /// Utilisation of the busiest station, in percent; infinite when a
    /// component receives requests with no replica running.
    pub cpu_percent: f64,
    /// Whether any station has utilisation of at least 1.
    pub saturated: bool,
    /// The component that limits throughput.
    pub bottleneck: Option<ComponentId>,
    /// Share of requests lost to routing: a gateway with no route for their
    /// method, or (the larger of the two) a database key no shard owns.
    pub unrouted_share: f64,
    /// Per component, in design order.
    pub stations: Vec<StationEstimate>,
    /// What the estimate had to assume or ignore, in words.
    pub findings: Vec<String>,
}

/// Computes the estimate for `design`.
pub fn estimate(design: &Design) -> Estimate {
    let index = Index::new(design);
    let mut findings = Vec::new();
    let n = design.components.len();
    let clients: Vec<usize> = (0..n)
        .filter(|&i| design.components[i].kind == ComponentKind::Client)
        .collect();
    let read_share = design.workload.read_share.clamp(0.0, 1.0);

    // Synchronous visits per entry request.
    let mut seeds = vec![Rates::default(); n];
    for &i in &clients {
        seeds[i] = Rates {
            read: read_share,
            write: 1.0 - read_share,
        }
        .scaled(1.0 / clients.len() as f64);
    }
    let routing = Routing::new(design, &index);
    let (sync, sync_hops) = routing.propagate(&seeds, &mut findings);
    let unroutable = routing.unroutable.get();
    if unroutable > 1e-12 {
        findings.push(format!(
            "{:.1}% of requests reach a gateway with no route for their method (reads take GET or ANY routes, writes POST, PUT, DELETE or ANY)",
            unroutable * 100.0
        ));
    }

    // Asynchronous work: events delivered by buses, iterated to a fixed point
    // because processors turn events into further events.
    let mut async_rates = vec![Rates::default(); n];
    for round in 0..32 {
        let emitted = routing.deliveries(&sync, &async_rates);
        let (next, _) = routing.propagate(&emitted, &mut Vec::new());
        let change: f64 = next
            .iter()
            .zip(&async_rates)
            .map(|(a, b)| (a.total() - b.total()).abs())
            .sum();
        async_rates = next;
        if change < 1e-12 {
            break;
        }
        if round == 31 || async_rates.iter().any(|r| r.total() > 1e6) {
            findings.push("events feed back into the topics they come from; asynchronous load is cut off after 32 rounds".into());
            break;
        }
    }

    let offered = design.workload.requests_per_second.max(0.0);
    let mut stations = Vec::with_capacity(n);
    let mut response = 0.0;
    let mut latency = sync_hops * design.workload.hop_latency_ms;
    let mut saturated = false;
    let mut unrouted_share: f64 = unroutable;
    let mut bottleneck: Option<(ComponentId, f64)> = None;
    let mut peak_utilisation: f64 = 0.0;
    for (i, component) in design.components.iter().enumerate() {
        let visits_sync = sync[i];
        let mut visits = visits_sync;
        visits.add(async_rates[i]);
        let station = station_estimate(design, component, visits, offered);
        if component.kind == ComponentKind::Database && visits.total() > 0.0 {
            unrouted_share = unrouted_share.max(unrouted(design, component));
        }
        if station.utilisation >= 1.0 {
            saturated = true;
        }
        peak_utilisation = peak_utilisation.max(station.utilisation);
        if let Some(capacity) = station.capacity_rps {
            if bottleneck.is_none_or(|(_, best)| capacity < best) {
                bottleneck = Some((component.id, capacity));
            }
        }
        match (station.mean_response_ms, station.mean_wait_ms) {
            (Some(r), Some(w)) => {
                response += visits_sync.total() * r;
                latency += visits_sync.total() * w;
            }
            _ if visits_sync.total() > 0.0 => {
                response = f64::INFINITY;
                latency = f64::INFINITY;
            }
            _ => {}
        }
        stations.push(StationEstimate {
            sync_visits: visits_sync.total(),
            ..station
        });
    }
    response += sync_hops * design.workload.hop_latency_ms;
    if clients.is_empty() {
        findings.push("no client sends traffic, so nothing can be estimated".into());
    } else if bottleneck.is_none() {
        // Requests that reach nothing have no response time (not one of 0 ms).
        findings.push("the clients' requests reach no component that serves them".into());
    }
    let finite = |v: f64| (v.is_finite() && bottleneck.is_some() && offered > 0.0).then_some(v);
    Estimate {
        offered_rps: offered,
        response_time_ms: if saturated { None } else { finite(response) },
        latency_ms: if saturated { None } else { finite(latency) },
        throughput_rps: bottleneck.map(|(_, capacity)| capacity),
        cpu_percent: peak_utilisation * 100.0,
        saturated,
        bottleneck: bottleneck.map(|(id, _)| id),
        unrouted_share,
        stations,
        findings,
    }
}

/// Share of keys no shard owns, for a sharded database.
fn unrouted(design: &Design, component: &Component) -> f64 {
    if component.shards.is_empty() {
        return 0.0;
    }
    let covered: u64 = component
        .shards
        .iter()
        .map(|s| u64::from(s.end.saturating_sub(s.start)))
        .sum();
    let space = u64::from(design.workload.key_space.max(1));
    (1.0 - covered as f64 / space as f64).max(0.0)
}

/// Whether a gateway route with `method` takes a read (`read`) or a write,
/// as the simulator's gateway decides it.
fn accepts(method: HttpMethod, read: bool) -> bool {
    match method {
        HttpMethod::Any => true,
        HttpMethod::Get => read,
        HttpMethod::Post | HttpMethod::Put | HttpMethod::Delete => !read,
    }
}

/// Shares of the key space owned by each shard (one full shard when unsharded).
pub fn shard_shares(design: &Design, component: &Component) -> Vec<f64> {
    if component.shards.is_empty() {
        return vec![1.0];
    }
    let space = f64::from(design.workload.key_space.max(1));
    component
        .shards
        .iter()
        .map(|s| f64::from(s.end.saturating_sub(s.start)) / space)
        .collect()
}

fn station_estimate(
    design: &Design,
    component: &Component,
    visits: Rates,
    offered: f64,
) -> StationEstimate {
    let mu = if component.service_time_ms > 0.0 {
        1000.0 / component.service_time_ms
    } else {
        f64::INFINITY
    };
    let running = component.replicas.current;
    // Internal stations: (visits per entry request, servers, share of reads, share of writes).
    let mut internals: Vec<(Rates, u32)> = Vec::new();
    if component.kind == ComponentKind::Client {
        internals.clear();
    } else if component.kind == ComponentKind::Database {
        for share in shard_shares(design, component) {
            let replicas = component.read_replicas;
            if replicas > 0 {
                internals.push((
                    Rates {
                        read: 0.0,
                        write: visits.write * share,
                    },
                    component.concurrency,
                ));
                internals.push((
                    Rates {
                        read: visits.read * share,
                        write: 0.0,
                    },
                    replicas.saturating_mul(component.concurrency),
                ));
            } else {
                internals.push((visits.scaled(share), component.concurrency));
            }
        }
    } else {
        internals.push((visits, running.saturating_mul(component.concurrency)));
    }
    let mut worst = StationEstimate {
        id: component.id,
        arrival_rps: visits.total() * offered,
        servers: internals.first().map_or(0, |s| s.1),
        utilisation: 0.0,
        mean_wait_ms: Some(0.0),
        mean_response_ms: Some(0.0),
        sync_visits: 0.0,
        capacity_rps: None,
    };
    let total_visits = visits.total();
    let (mut wait, mut resp) = (0.0, 0.0);
    let mut stable = true;
    for (station_visits, servers) in internals {
        let v = station_visits.total();
        if v <= 0.0 {
            continue;
        }
        let mmc = MmcStation {
            lambda: v * offered,
            mu,
            servers,
        };
        let capacity = mmc.capacity() / v;
        if worst.capacity_rps.is_none_or(|best| capacity < best) {
            worst.capacity_rps = Some(capacity);
        }
        let utilisation = mmc.utilisation();
        if utilisation >= worst.utilisation {
            worst.utilisation = utilisation;
            worst.servers = servers;
        }
        match (mmc.mean_wait(), mmc.mean_response()) {
            (Some(w), Some(r)) => {
                wait += v / total_visits * w * 1000.0;
                resp += v / total_visits * r * 1000.0;
            }
            _ => stable = false,
        }
    }
    if !stable {
        worst.mean_wait_ms = None;
        worst.mean_response_ms = None;
    } else if total_visits > 0.0 {
        worst.mean_wait_ms = Some(wait);
        worst.mean_response_ms = Some(resp);
    }
    worst
}
