//! One component as M/M/c stations: its internal stations (one per shard
//! side for a database), its estimate at the offered load, and the moments
//! of one visit's time that the percentiles are composed from.
//!
//! What must stay true: a station with no server or past saturation gives
//! `None` times, never NaN or a panic.

use super::tail::{sojourn_given, Moments};
use super::{shard_shares, Rates, StationEstimate};
use crate::engine::model::{Component, ComponentKind, Design, ServiceTimeKind};
use crate::engine::score::queueing::MmcStation;

/// The squared coefficient of variation of service times the design's
/// simulation settings choose: 1 for exponential, 0 for fixed, cv² for
/// log-normal.
pub(super) fn service_scv(design: &Design) -> f64 {
    match design.simulation.service_time {
        ServiceTimeKind::Exponential => 1.0,
        ServiceTimeKind::Fixed => 0.0,
        ServiceTimeKind::LogNormal => {
            let cv = design.simulation.service_time_cv;
            if cv.is_finite() {
                (cv * cv).max(0.0)
            } else {
                1.0
            }
        }
    }
}

/// The Allen–Cunneen factor (1 + cs²) / 2 that turns an M/M/c wait into an
/// M/G/c one (Poisson arrivals, ca² = 1); exact in the mean for M/G/1
/// (Pollaczek–Khinchine) and 1 for exponential service.
fn wait_factor(design: &Design) -> f64 {
    (1.0 + service_scv(design)) / 2.0
}

/// Service rate of one server, per second (infinite for a 0 ms service time).
fn service_rate(component: &Component) -> f64 {
    if component.service_time_ms > 0.0 {
        1000.0 / component.service_time_ms
    } else {
        f64::INFINITY
    }
}

/// The component's internal stations: (visits per entry request, servers).
/// A database has one per shard, split into primary (writes) and read
/// replicas (reads) when it has replicas; a client has none.
pub(super) fn internals(
    design: &Design,
    component: &Component,
    visits: Rates,
) -> Vec<(Rates, u32)> {
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
    internals
}

/// One internal station of a component at the offered load, with its
/// Erlang C probability computed once: the mean ([`station_estimate`]) and the
/// moments of a read and of a write ([`visit_moments`]) all read it, and it
/// costs up to O(servers).
pub(super) struct LoadedStation {
    /// Visits per entry request.
    visits: Rates,
    /// Servers.
    servers: u32,
    /// The M/M/c station at the offered load.
    station: MmcStation,
    /// `station.wait_probability()`.
    wait_probability: Option<f64>,
}

/// The component's internal stations ([`internals`]) at `offered` entry
/// requests per second, each with its wait probability.
pub(super) fn loaded_internals(
    design: &Design,
    component: &Component,
    visits: Rates,
    offered: f64,
) -> Vec<LoadedStation> {
    let mu = service_rate(component);
    internals(design, component, visits)
        .into_iter()
        .map(|(station_visits, servers)| {
            let station = MmcStation {
                lambda: station_visits.total() * offered,
                mu,
                servers,
            };
            LoadedStation {
                visits: station_visits,
                servers,
                station,
                wait_probability: station.wait_probability(),
            }
        })
        .collect()
}

/// The component's estimate from its internal stations (`loaded`, from
/// [`loaded_internals`] with the same `visits` and `offered`).
pub(super) fn station_estimate(
    design: &Design,
    component: &Component,
    internals: &[LoadedStation],
    visits: Rates,
    offered: f64,
) -> StationEstimate {
    let mut worst = StationEstimate {
        id: component.id,
        arrival_rps: visits.total() * offered,
        servers: internals.first().map_or(0, |s| s.servers),
        utilisation: 0.0,
        mean_wait_ms: Some(0.0),
        mean_response_ms: Some(0.0),
        sync_visits: 0.0,
        capacity_rps: None,
        cache_hit_ratio: None,
    };
    let total_visits = visits.total();
    let (mut wait, mut resp) = (0.0, 0.0);
    let mut stable = true;
    for internal in internals {
        let (v, servers, mmc) = (internal.visits.total(), internal.servers, internal.station);
        if v <= 0.0 {
            continue;
        }
        let capacity = mmc.capacity() / v;
        if worst.capacity_rps.is_none_or(|best| capacity < best) {
            worst.capacity_rps = Some(capacity);
        }
        let utilisation = mmc.utilisation();
        if utilisation >= worst.utilisation {
            worst.utilisation = utilisation;
            worst.servers = servers;
        }
        // mean_response() is mean_wait() + 1/μ, written out so that Erlang C
        // is evaluated once.
        match mmc.mean_wait_given(internal.wait_probability) {
            Some(mean_wait) => {
                let (w, r) = (mean_wait, mean_wait + 1.0 / mmc.mu);
                let w = w * wait_factor(design);
                let r = r - mean_wait + w;
                wait += v / total_visits * w * 1000.0;
                resp += v / total_visits * r * 1000.0;
            }
            None => stable = false,
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

/// Moments of one visit's time (ms) for a read (`read`) or a write: a
/// mixture over the internal stations that class goes to, weighted by its
/// visits there. `None` when one of them is saturated.
pub(super) fn visit_moments(
    design: &Design,
    component: &Component,
    loaded: &[LoadedStation],
    visits: Rates,
    read: bool,
) -> Option<Moments> {
    if component.kind == ComponentKind::Client {
        return Some(Moments::default());
    }
    let mu = service_rate(component);
    let scv = service_scv(design);
    let class = |r: Rates| if read { r.read } else { r.write };
    let total = class(visits);
    if total <= 0.0 {
        // Nothing of this class arrives: one visit would take a service time.
        return Some(if mu.is_finite() {
            Moments {
                m1: 1000.0 / mu,
                m2: (1.0 + scv) * (1000.0 / mu).powi(2),
            }
        } else {
            Moments::default()
        });
    }
    let mut mixed = Moments::default();
    for internal in loaded {
        let weight = class(internal.visits) / total;
        if weight <= 0.0 {
            continue;
        }
        let visit = sojourn_given(internal.station, internal.wait_probability, scv)?;
        mixed.m1 += weight * visit.m1;
        mixed.m2 += weight * visit.m2;
    }
    Some(mixed)
}
