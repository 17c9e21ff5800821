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
//! - a cache answers the hit ratio its TTL gives at the rates reaching it
//!   ([`cache`]: TTL, key space and key popularity) and passes misses and
//!   writes on;
//! - a database sends writes to the primary of the shard owning the key and
//!   reads to the shard's read replicas (to the primary when it has none);
//!   a shard receives the share of requests its key range holds under the
//!   key popularity (uniform, or Zipf with hot low keys);
//! - a bus delivers each event to every subscriber whose topics match,
//!   asynchronously: subscriber work adds load but not response time.
//!
//! From the stations: the mean response time and latency of answered
//! requests; p95 and p99 ([`tail`]: Erlang C sojourn moments composed along
//! the path, read from a gamma fit); the answered rate at the offered load
//! and, apart, the capacity where the bottleneck saturates, both less what
//! nothing serves ([`served`]: no route, no shard, a client wired straight
//! to storage, a cache with nothing behind it); and the unstable stations
//! (utilisation of at least 1: their queues grow without bound), named.
//!
//! What must stay true: the same design gives the same numbers; a loop or a
//! dangling id becomes a finding, never a panic or an endless loop.

pub mod cache;
mod routing;
mod served;
mod station;
pub mod tail;

use crate::engine::model::graph::Index;
use crate::engine::model::{Component, ComponentId, ComponentKind, Design, HttpMethod};
use routing::Routing;
use serde::Serialize;
use served::{backless_caches, cache_words, straight_to_storage};
use station::{loaded_internals, station_estimate, visit_moments};
use tail::end_to_end;

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
    /// For a cache: the share of its reads it answers, derived from its TTL,
    /// the rates reaching it, the key space and the key popularity.
    pub cache_hit_ratio: Option<f64>,
}

/// The whole estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    /// Offered entry requests per second.
    pub offered_rps: f64,
    /// Mean end-to-end response time in ms; `None` when saturated or nothing is offered.
    pub response_time_ms: Option<f64>,
    /// 95th percentile of the end-to-end response time in ms (see [`tail`]
    /// for the approximation); `None` when the mean is.
    pub p95_ms: Option<f64>,
    /// 99th percentile of the end-to-end response time in ms.
    pub p99_ms: Option<f64>,
    /// Mean time spent waiting in queues and on the network, in ms.
    pub latency_ms: Option<f64>,
    /// Entry requests per second answered at the offered load:
    /// min(offered, capacity) less the share no component serves (see
    /// `unrouted_share`).
    pub answered_rps: Option<f64>,
    /// Entry requests per second answered when the bottleneck saturates: its
    /// capacity in entry requests, less the share no component serves. Cache
    /// hit ratios are those at the offered load.
    pub capacity_rps: Option<f64>,
    /// Utilisation of the busiest station, in percent; infinite when a
    /// component receives requests with no replica running.
    pub cpu_percent: f64,
    /// Whether any station has utilisation of at least 1.
    pub saturated: bool,
    /// The component that limits throughput.
    pub bottleneck: Option<ComponentId>,
    /// Components at or past saturation (utilisation of at least 1): their
    /// queues grow without bound at the offered load.
    pub unstable: Vec<ComponentId>,
    /// Share of entry requests no component serves: a gateway with no route
    /// for their method, or (the larger of the two) a database key no shard
    /// owns; plus requests a client sends straight to a database or cache
    /// (answered without authorization, so not counted as served).
    pub unrouted_share: f64,
    /// Per component, in design order.
    pub stations: Vec<StationEstimate>,
    /// What the estimate had to assume or ignore, in words.
    pub findings: Vec<String>,
    /// Each cache's derived hit ratio in words, with what it came from.
    pub caches: Vec<String>,
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
    let (sync, _) = routing.propagate(&seeds, &mut findings);
    let unroutable = routing.unroutable.get();
    let hit_ratios = routing.hit_ratios.borrow().clone();
    let bypass = straight_to_storage(design, &routing, &clients, &seeds, &mut findings);
    // The answered requests' path: the same routing without what clients send
    // straight to storage (loads above still include it, as a run would).
    routing.served_only.set(true);
    let (served, served_hops) = routing.propagate(&seeds, &mut Vec::new());
    let served_fraction = 1.0 - bypass.min(1.0);
    let per_served = |v: f64| {
        if served_fraction > 0.0 {
            v / served_fraction
        } else {
            f64::INFINITY
        }
    };
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
    let mut latency = per_served(served_hops) * design.workload.hop_latency_ms;
    let mut saturated = false;
    let mut unrouted_share: f64 = unroutable;
    let mut bottleneck: Option<(ComponentId, f64)> = None;
    let mut peak_utilisation: f64 = 0.0;
    let mut unstable = Vec::new();
    let mut caches = Vec::new();
    // Entry requests per second stuck behind the worst saturated station.
    let mut stuck: f64 = 0.0;
    let mut visit = Vec::with_capacity(n);
    for (i, component) in design.components.iter().enumerate() {
        let visits_sync = sync[i];
        let mut visits = visits_sync;
        visits.add(async_rates[i]);
        let loaded = loaded_internals(design, component, visits, offered);
        let station = station_estimate(design, component, &loaded, visits, offered);
        if component.kind == ComponentKind::Database && visits.total() > 0.0 {
            unrouted_share = unrouted_share.max(unrouted(design, component));
        }
        if station.utilisation >= 1.0 {
            saturated = true;
            unstable.push(component.id);
            findings.push(if station.utilisation.is_finite() {
                format!(
                    "{} is unstable: its queue grows without bound (utilisation {:.2} at {:.0} req/s offered)",
                    component.name, station.utilisation, offered
                )
            } else {
                format!(
                    "{} is unstable: its queue grows without bound (it receives requests with no server running)",
                    component.name
                )
            });
            if let Some(capacity) = station.capacity_rps {
                stuck = stuck.max(visits_sync.total().min(1.0) * (offered - capacity).max(0.0));
            } else if visits_sync.total() > 0.0 {
                stuck = stuck.max(visits_sync.total().min(1.0) * offered);
            }
        }
        visit.push(
            [true, false].map(|read| visit_moments(design, component, &loaded, visits, read)),
        );
        peak_utilisation = peak_utilisation.max(station.utilisation);
        if let Some(capacity) = station.capacity_rps {
            if bottleneck.is_none_or(|(_, best)| capacity < best) {
                bottleneck = Some((component.id, capacity));
            }
        }
        match (station.mean_response_ms, station.mean_wait_ms) {
            (Some(r), Some(w)) => {
                response += per_served(served[i].total()) * r;
                latency += per_served(served[i].total()) * w;
            }
            _ if served[i].total() > 0.0 => {
                response = f64::INFINITY;
                latency = f64::INFINITY;
            }
            _ => {}
        }
        if let (ComponentKind::Cache, Some(ratio)) = (component.kind, hit_ratios[i]) {
            caches.push(cache_words(
                design,
                component,
                ratio,
                sync[i].scaled(offered),
            ));
        }
        stations.push(StationEstimate {
            sync_visits: visits_sync.total(),
            cache_hit_ratio: (component.kind == ComponentKind::Cache)
                .then(|| hit_ratios[i].unwrap_or(0.0)),
            ..station
        });
    }
    response += per_served(served_hops) * design.workload.hop_latency_ms;
    if clients.is_empty() {
        findings.push("no client sends traffic, so nothing can be estimated".into());
    } else if bottleneck.is_none() {
        // Requests that reach nothing have no response time (not one of 0 ms).
        findings.push("the clients' requests reach no component that serves them".into());
    }
    let finite = |v: f64| (v.is_finite() && bottleneck.is_some() && offered > 0.0).then_some(v);
    let backless = backless_caches(design, &routing, &served, &mut findings);
    let unrouted_share = (unrouted_share + bypass + backless).min(1.0);
    let served = 1.0 - unrouted_share;
    let path = if saturated || bottleneck.is_none() || offered <= 0.0 {
        None
    } else {
        end_to_end(
            &routing,
            &clients,
            read_share,
            visit,
            design.workload.hop_latency_ms,
        )
    };
    let quantile = |q: f64| path.and_then(|m| m.gamma_quantile(q)).and_then(finite);
    Estimate {
        offered_rps: offered,
        response_time_ms: if saturated { None } else { finite(response) },
        p95_ms: quantile(0.95),
        p99_ms: quantile(0.99),
        latency_ms: if saturated { None } else { finite(latency) },
        answered_rps: bottleneck.map(|_| ((offered - stuck).max(0.0) * served).min(offered)),
        capacity_rps: bottleneck.map(|(_, capacity)| capacity * served),
        cpu_percent: peak_utilisation * 100.0,
        saturated,
        bottleneck: bottleneck.map(|(id, _)| id),
        unstable,
        unrouted_share,
        stations,
        findings,
        caches,
    }
}

/// Share of requests whose key no shard owns, for a sharded database.
fn unrouted(design: &Design, component: &Component) -> f64 {
    if component.shards.is_empty() {
        return 0.0;
    }
    let owned: f64 = shard_shares(design, component).iter().sum();
    (1.0 - owned).max(0.0)
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

/// Shares of the requests each shard receives (one full shard when
/// unsharded): its key range weighted by the key popularity of the design's
/// simulation settings, as the run samples keys.
pub fn shard_shares(design: &Design, component: &Component) -> Vec<f64> {
    if component.shards.is_empty() {
        return vec![1.0];
    }
    let popularity = cache::Popularity::of(design);
    component
        .shards
        .iter()
        .map(|s| cache::key_share(popularity, design.workload.key_space, s.start, s.end))
        .collect()
}
