//! Reading a run: the counters and measurements a caller sees
//! ([`RunStats`], [`RequestStats`], the accessors of [`Simulation`]) and the
//! restart of every statistic when the warm-up ends.
//!
//! What must stay true: reading never changes the run; after
//! `restart_statistics` every measurement counts from the end of the warm-up,
//! except the levels (requests and calls in the system) that carry over.

use super::agenda::Micros;
use super::cause::Cause;
use super::options::RunPlan;
use super::station::Station;
use super::stats::{LogHistogram, Moments, Presence};
use super::store::EventLog;
use super::topology::{self, Node};
use super::{control, health, summary, Simulation, Summary};
use crate::engine::cost::run::RunPricing;

/// Counters of the whole run, cheap to read at any time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Events handled.
    pub events: u64,
    /// Events waiting in the agenda.
    pub pending: u64,
    /// Calls alive now.
    pub calls_alive: u64,
    /// Requests sent by clients since measurement began.
    pub requests_arrived: u64,
    /// Requests answered successfully since measurement began.
    pub requests_completed: u64,
    /// Requests failed since measurement began.
    pub requests_failed: u64,
    /// Requests in the system now.
    pub requests_in_flight: u64,
    /// Requests already in the system when measurement began.
    pub requests_in_flight_at_start: u64,
}

/// End-to-end request measurements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequestStats {
    /// Requests sent.
    pub arrived: u64,
    /// Requests answered successfully.
    pub completed: u64,
    /// Requests that failed.
    pub failed: u64,
    /// Failed requests by the cause that started the failure.
    pub errors: [u64; Cause::COUNT],
    /// Time from sending to a successful answer, µs.
    pub latency: Moments,
    /// The same, as a histogram.
    pub latency_histogram: LogHistogram,
    /// Sum of the time every finished request (success or failure) took, µs.
    pub sojourn_total_us: u128,
    /// Requests in the system.
    pub in_system: Presence,
    /// Requests in the system when measurement began.
    pub in_flight_at_start: u64,
}

impl Simulation {
    /// Simulated time now, µs.
    pub fn now(&self) -> Micros {
        self.now
    }

    /// When the run ends, µs: the planned end, or where the event budget ran out.
    pub fn end(&self) -> Micros {
        self.end
    }

    /// When the run was planned to end, µs.
    pub fn planned_end(&self) -> Micros {
        self.planned_end
    }

    /// Events the run may handle in all.
    pub fn event_budget(&self) -> u64 {
        self.event_budget
    }

    /// What the health checks changed so far: replicas and components taken
    /// out of rotation and let (back) in.
    pub fn health_log(&self) -> &health::HealthLog {
        &self.health
    }

    /// Whether the event budget ran out before the planned end.
    pub fn stopped_early(&self) -> bool {
        self.end < self.planned_end
    }

    /// The plan of this run: the design's settings and what the simulator
    /// derived from them.
    pub fn plan(&self) -> &RunPlan {
        &self.plan
    }

    /// Counters of the run so far.
    pub fn stats(&self) -> RunStats {
        RunStats {
            events: self.events,
            pending: self.agenda.len() as u64,
            calls_alive: u64::from(self.pool.alive()),
            requests_arrived: self.requests.arrived,
            requests_completed: self.requests.completed,
            requests_failed: self.requests.failed,
            requests_in_flight: self.requests.in_system.level(),
            requests_in_flight_at_start: self.requests.in_flight_at_start,
        }
    }

    /// End-to-end request measurements since measurement began.
    pub fn requests(&self) -> &RequestStats {
        &self.requests
    }

    /// The runtime state of every component, in design order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Every station.
    pub fn stations(&self) -> &[Station] {
        &self.stations
    }

    /// Topic names by id.
    pub fn topics(&self) -> &[String] {
        &self.topics
    }

    /// When measurement began (the end of the warm-up), µs.
    pub fn measured_from(&self) -> Micros {
        self.measured_from
    }

    /// The event log of the event store at component index `node`.
    pub fn event_log(&self, node: usize) -> Option<&EventLog> {
        self.logs.get(node).and_then(Option::as_ref)
    }

    /// The replica timeline of every autoscaled service: (component index, [(time µs, replicas)]).
    pub fn replica_timelines(&self) -> Vec<(u32, &[(Micros, u32)])> {
        self.scalers
            .iter()
            .map(|s| (s.node, s.timeline.as_slice()))
            .collect()
    }

    /// The prices the run is costed with ([`crate::engine::cost::run`]).
    pub fn pricing(&self) -> &RunPricing {
        &self.pricing
    }

    /// The summary of the run so far.
    pub fn summary(&self) -> Summary {
        summary::summarise(self)
    }

    /// Starts every statistic afresh at the end of the warm-up.
    pub(super) fn restart_statistics(&mut self) {
        let now = self.now;
        self.measured_from = now;
        for station in &mut self.stations {
            station.restart_statistics(now);
        }
        for node in &mut self.nodes {
            let in_system = node.stats.in_system;
            let topics = node.stats.published.len();
            node.stats = topology::NodeStats {
                in_system,
                published: vec![0; topics],
                channel_full: vec![0; topics],
                ..topology::NodeStats::default()
            };
            node.stats.in_system.restart(now);
        }
        let in_system = self.requests.in_system;
        self.requests = RequestStats {
            in_system,
            in_flight_at_start: in_system.level(),
            ..RequestStats::default()
        };
        self.requests.in_system.restart(now);
        for scaler in &mut self.scalers {
            scaler.snapshot = control::Snapshot::default();
            scaler.snapshot.time = now;
        }
    }
}
