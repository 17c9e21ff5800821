//! The simulator's limits: what keeps every run bounded in memory and time,
//! natively and in the browser's worker, whatever design a link carries.
//!
//! Memory: everything a run holds grows with one of a few quantities, and each
//! has a bound here. Calls alive (each with its queue place and at most two
//! live events) are capped during the run: a call past
//! [`MAX_CALLS_IN_FLIGHT`] fails under [`Cause::SimulationLimit`]. Servers,
//! queues (stations) and per-topic tables are refused at set-up past their
//! limits, with the numbers and what to lower. Caches and event logs share a
//! fixed number of entries across the run; replica timelines keep a fixed
//! number of points. The agenda drops events of ended calls once it holds
//! [`AGENDA_COMPACT_AT`] or twice its live size, so stale timeouts cannot pile
//! up. Time: a run handles at most its event budget ([`DEFAULT_EVENT_BUDGET`]
//! unless the caller chooses another); a run whose client arrivals alone
//! would pass the budget is refused at set-up, and one that spends the budget
//! stops there and says so in its summary.
//!
//! What must stay true: with every limit at its value here, no design the
//! validator accepts makes a run hold more than a few hundred MiB (the sum of
//! the worst cases is in README "Limits"); every refusal names the numbers and
//! what to lower, in lower case; the cap check on the hot path is one compare.
//!
//! [`Cause::SimulationLimit`]: super::cause::Cause::SimulationLimit

use super::agenda::Event;
use super::control::peak_rate;
use super::error::SimError;
use super::options::RunPlan;
use super::topology::MAX_SERVERS_PER_STATION;
use crate::engine::model::{ComponentKind, Design};
use crate::engine::quote::quote;

/// Most calls (request visits and events) alive at once in a run: about 100
/// bytes each in the pool and up to 256 in the agenda with its slack.
pub const MAX_CALLS_IN_FLIGHT: u32 = 100_000;

/// Most servers (replicas x concurrency, read replicas per shard) a design may
/// have in all: 8 bytes each, twice that while a table grows.
pub const MAX_SERVERS: u64 = 2_000_000;

/// Most queues (stations) a run may have: one per component with a queue, and
/// per database shard one for the primary and one for the read replicas.
/// Each holds about 10 KB of histogram.
pub const MAX_STATIONS: u64 = 2048;

/// Most per-topic counters: (buses + event stores) x distinct topics.
pub const MAX_TOPIC_CELLS: u64 = 1_000_000;

/// Cache entries a run keeps, shared evenly by its caches (8 to 12 bytes each).
pub const CACHE_ENTRIES: u64 = 1 << 21;

/// Event-store entries a run keeps, shared evenly by its stores (8 bytes each);
/// later events are counted, not kept.
pub const EVENT_LOG_ENTRIES: u64 = 2_000_000;

/// Points of one autoscaler's replica timeline; later changes overwrite the last.
pub const MAX_TIMELINE_POINTS: usize = 1000;

/// Events a run handles unless its caller chooses another budget: about 10 s
/// natively and 12 s in the browser's worker.
pub const DEFAULT_EVENT_BUDGET: u64 = 100_000_000;

/// The agenda is compacted (events of ended calls dropped) when it holds more
/// than this many events, or twice as many as after the last compaction.
pub const AGENDA_COMPACT_AT: usize = 4 * MAX_CALLS_IN_FLIGHT as usize;

/// Queues and servers a component brings to a run.
fn size_of(kind: ComponentKind, component: &crate::engine::model::Component) -> (u64, u64) {
    let concurrency = u64::from(component.concurrency.max(1));
    match kind {
        ComponentKind::Client | ComponentKind::ServiceRegistry | ComponentKind::Monitoring => {
            (0, 0)
        }
        ComponentKind::Database => {
            let shards = component.shards.len().max(1) as u64;
            let read = u64::from(component.read_replicas);
            let per_shard = 1 + u64::from(read > 0);
            (shards * per_shard, shards * (1 + read) * concurrency)
        }
        _ => {
            let replicas = component.replicas.max.max(component.replicas.current);
            (1, u64::from(replicas) * concurrency)
        }
    }
}

/// Refuses a design with more servers or queues than a run may hold, before
/// anything is allocated for them.
pub(super) fn check_design(design: &Design) -> Result<(), SimError> {
    let (mut stations, mut servers) = (0u64, 0u64);
    let (mut most_stations, mut most_servers) = ((0u64, ""), (0u64, ""));
    for component in &design.components {
        // One station past its own limit is named as the component too large.
        let largest = u64::from(
            component
                .replicas
                .max
                .max(component.replicas.current)
                .max(component.read_replicas),
        ) * u64::from(component.concurrency.max(1));
        if largest > MAX_SERVERS_PER_STATION {
            return Err(SimError::TooLarge {
                component: quote(&component.name),
                problem: format!(
                    "{largest} servers; the simulator handles at most \
                     {MAX_SERVERS_PER_STATION} per component"
                ),
            });
        }
        let (s, n) = size_of(component.kind, component);
        stations += s;
        servers += n;
        if s > most_stations.0 {
            most_stations = (s, &component.name);
        }
        if n > most_servers.0 {
            most_servers = (n, &component.name);
        }
    }
    if servers > MAX_SERVERS {
        let (n, name) = most_servers;
        return Err(SimError::OverLimit {
            problem: format!(
                "{servers} servers in all (replicas x concurrency, read replicas per shard), \
                 {n} of them in {name}; the simulator handles at most {MAX_SERVERS}"
            ),
            fix: format!("lower the replicas, read replicas, shards or concurrency of {name}"),
        });
    }
    if stations > MAX_STATIONS {
        let (n, name) = most_stations;
        return Err(SimError::OverLimit {
            problem: format!(
                "{stations} queues in all (one per component, one or two per database shard), \
                 {n} of them in {name}; the simulator handles at most {MAX_STATIONS}"
            ),
            fix: format!("lower the shards of {name} or the number of databases"),
        });
    }
    Ok(())
}

/// Refuses per-topic tables past [`MAX_TOPIC_CELLS`].
pub(super) fn check_topics(topics: usize, holders: usize) -> Result<(), SimError> {
    let cells = topics as u64 * holders as u64;
    if cells > MAX_TOPIC_CELLS {
        return Err(SimError::OverLimit {
            problem: format!(
                "{topics} topics across {holders} buses and event stores make {cells} topic \
                 counters; the simulator handles at most {MAX_TOPIC_CELLS}"
            ),
            fix: "use fewer distinct topic names or fewer buses and stores".into(),
        });
    }
    Ok(())
}

/// Refuses a run whose client arrivals alone (one event each, at the peak
/// rate for the whole run) would pass `budget` events.
pub(super) fn check_duration(plan: &RunPlan, base_rps: f64, budget: u64) -> Result<(), SimError> {
    let rate = peak_rate(&plan.profile, base_rps);
    let arrivals = rate * plan.settings.duration_s;
    if arrivals.is_finite() && arrivals <= budget as f64 {
        return Ok(());
    }
    let fits_s = if rate > 0.0 {
        budget as f64 / rate
    } else {
        0.0
    };
    Err(SimError::OverLimit {
        problem: format!(
            "about {arrivals:.0} request arrivals ({rate:.0} req/s at the peak for {} s) \
             would pass the {budget} events a run may handle",
            plan.settings.duration_s
        ),
        fix: format!(
            "lower the request rate or the duration (at this rate about {fits_s:.0} s fit)"
        ),
    })
}

/// Entries each of `caches` caches may keep.
pub(super) fn cache_capacity(caches: usize) -> u32 {
    (CACHE_ENTRIES / caches.max(1) as u64).max(1) as u32
}

/// Entries each of `stores` event stores may keep.
pub(super) fn event_log_capacity(stores: usize) -> u64 {
    (EVENT_LOG_ENTRIES / stores.max(1) as u64).max(1)
}

impl super::Simulation {
    /// Drops the agenda's events for calls that have ended (a timeout for a
    /// call long answered, a service end for a call a crash failed) and for
    /// replicas that stopped before they started.
    pub(super) fn compact_agenda(&mut self) {
        let (pool, stations) = (&self.pool, &self.stations);
        self.agenda.retain(|event| match *event {
            Event::CallArrives { call, generation }
            | Event::ServiceDone { call, generation }
            | Event::CallTimeout { call, generation }
            | Event::RetryDue { call, generation } => pool.is_current(call, generation),
            Event::ReplicaReady {
                station,
                replica,
                incarnation,
            } => stations
                .get(station as usize)
                .and_then(|s| s.replicas.get(replica as usize))
                .is_some_and(|r| r.incarnation == incarnation),
            _ => true,
        });
        self.compact_at = AGENDA_COMPACT_AT.max(2 * self.agenda.len());
    }

    /// Whether the run holds as many calls as it may.
    #[inline]
    pub(super) fn at_call_limit(&self) -> bool {
        self.pool.alive() >= MAX_CALLS_IN_FLIGHT
    }
}
