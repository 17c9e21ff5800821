//! A discrete-event simulator of a design: Poisson clients, multi-server FIFO
//! stations with bounded queues, the analytic estimate's routing rules,
//! caches with TTLs, event buses with bounded channels, an event store,
//! autoscalers, scheduled faults, health checks, timeouts, retries and
//! circuit breakers.
//!
//! The API has the shape of nexosim's: [`Simulation::new`] sets a run up (the
//! only step that can fail), [`Simulation::step`] handles one event,
//! [`Simulation::run_until`] handles events up to a deadline and an event
//! budget (so a UI can bound the work per frame; the wall clock is the
//! caller's business), [`Simulation::now`], [`Simulation::stats`] and
//! [`Simulation::summary`] read it.
//!
//! What must stay true:
//! - Time is integer microseconds; events are ordered by (time, sequence
//!   number); no float is compared to order anything.
//! - All randomness comes from one generator seeded from the settings, and
//!   every float function used in a decision comes from `libm`; so the same
//!   design and settings give the same run, bit for bit, on every platform.
//! - The hot loop does not allocate once pools have grown: calls live in a
//!   [`pool::CallPool`], queues and heaps keep their capacity.
//! - Statistics stream ([`stats`]); no sample is stored.
//! - Running never panics and always ends: time only moves forward, every
//!   run has an end time and an event budget, and its memory is bounded
//!   ([`limits`]: calls in flight, servers, queues, caches, logs, agenda).
//!
//! This file holds the [`Simulation`] type and its event loop; its `impl` is
//! spread by concern: `setup` builds a run, `readout` reads it (and restarts
//! the statistics after the warm-up), `flow` moves calls, `control` holds
//! arrivals and autoscaling, `faults` health checks and faults, `limits` the
//! bounds on memory.
//!
//! `docs/simulation.md` describes the model and how it is validated.

pub mod agenda;
mod answer;
pub mod autoscaler;
pub mod backlog;
pub mod cause;
mod control;
pub mod error;
mod faults;
mod flow;
pub mod health;
pub mod limits;
pub mod live;
pub mod options;
pub mod performance;
pub mod pool;
mod publish;
pub mod random;
mod readout;
pub mod routing;
pub mod score;
mod setup;
pub mod station;
pub mod stats;
pub mod store;
pub mod summary;
pub mod topology;
pub mod verdict;

pub use agenda::{Event, Micros};
pub use cause::Cause;
pub use error::SimError;
pub use options::RunPlan;
pub use readout::{RequestStats, RunStats};
pub use summary::Summary;

use crate::engine::cost::run::RunPricing;
use agenda::Agenda;
use control::Scaler;
use faults::Checker;
use pool::CallPool;
use random::{ServiceSampler, SimRng};
use setup::{ClientSource, KeySampler};
use station::Station;
use store::{CacheStore, EventLog};
use topology::Node;

/// Why [`Simulation::run_until`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunOutcome {
    /// Every event up to the deadline was handled; the clock is at the deadline.
    ReachedDeadline,
    /// The event budget ran out first; the clock is at the last event handled.
    EventLimit,
    /// The run is over: the clock is at its end.
    Finished,
}

/// A simulation run of one design.
pub struct Simulation {
    plan: RunPlan,
    now: Micros,
    /// When the run ends: the planned end, or where the event budget ran out.
    end: Micros,
    planned_end: Micros,
    event_budget: u64,
    /// The agenda is compacted when it holds more events than this.
    compact_at: usize,
    measured_from: Micros,
    events: u64,
    agenda: Agenda,
    rng: SimRng,
    service_sampler: ServiceSampler,
    key_sampler: KeySampler,
    read_share: f64,
    base_rps: f64,
    hop_us: Micros,
    timeout_us: Option<Micros>,
    nodes: Vec<Node>,
    stations: Vec<Station>,
    topics: Vec<String>,
    clients: Vec<ClientSource>,
    pool: CallPool,
    caches: Vec<Option<CacheStore>>,
    logs: Vec<Option<EventLog>>,
    scalers: Vec<Scaler>,
    checkers: Vec<Checker>,
    /// What the health checks changed, for the log and the summary.
    health: health::HealthLog,
    /// Per station: whether a health checker watches it (new replicas then wait for a passing check).
    checked: Vec<bool>,
    /// Per fault: the replica it killed, to restart at its end.
    killed: Vec<Option<(u32, u32)>>,
    breakers: control::Breakers,
    requests: RequestStats,
    scratch: Vec<u32>,
    /// What each component costs per running unit (the design's prices at setup).
    pricing: RunPricing,
}

impl Simulation {
    /// Handles the next event if it happens before the end of the run; returns
    /// its time. Once the event budget is spent the run ends where it stands.
    pub fn step(&mut self) -> Option<Micros> {
        let time = self.agenda.peek_time()?;
        self.step_at(time)
    }

    /// [`Simulation::step`] when the earliest event is known to be at `time`.
    #[inline]
    fn step_at(&mut self, time: Micros) -> Option<Micros> {
        if time > self.end {
            return None;
        }
        if self.events >= self.event_budget {
            self.end = self.now;
            return None;
        }
        if self.agenda.len() > self.compact_at {
            self.compact_agenda();
        }
        let (time, event) = self.agenda.take_first()?;
        self.now = time;
        self.events += 1;
        self.handle(event);
        self.agenda.settle();
        Some(time)
    }

    /// Handles events up to `deadline_us` (and the end of the run), at most `max_events` of them.
    pub fn run_until(&mut self, deadline_us: Micros, max_events: u64) -> RunOutcome {
        let mut handled = 0;
        while let Some(time) = self.agenda.peek_time() {
            // `end` moves back to now when the event budget runs out.
            if time > deadline_us.min(self.end) {
                break;
            }
            if handled >= max_events {
                return RunOutcome::EventLimit;
            }
            if self.step_at(time).is_none() {
                break;
            }
            handled += 1;
        }
        let limit = deadline_us.min(self.end);
        self.now = self.now.max(limit);
        if limit == self.end {
            RunOutcome::Finished
        } else {
            RunOutcome::ReachedDeadline
        }
    }

    /// Runs to the end of the run.
    pub fn run(&mut self) -> RunOutcome {
        self.run_until(self.end, u64::MAX)
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::ClientSends { client } => self.client_sends(client),
            Event::CallArrives { call, generation } => {
                if self.pool.is_current(call, generation) {
                    self.arrive(call);
                }
            }
            Event::ServiceDone { call, generation } => {
                if self.pool.is_current(call, generation) {
                    self.service_done(call);
                }
            }
            Event::CallTimeout { call, generation } => {
                if self.pool.is_current(call, generation) {
                    self.time_out(call);
                }
            }
            Event::RetryDue { call, generation } => {
                if self.pool.is_current(call, generation) {
                    self.advance(call);
                }
            }
            Event::WarmupEnds => self.restart_statistics(),
            Event::AutoscalerTick { scaler } => self.autoscale(scaler),
            Event::ReplicaReady {
                station,
                replica,
                incarnation,
            } => self.replica_ready(station, replica, incarnation),
            Event::HealthCheck { checker } => self.health_check(checker),
            Event::ProbeVerdict {
                checker,
                station,
                replica,
            } => self.probe_verdict(checker, station, replica),
            Event::FaultStarts { fault } => self.fault_starts(fault),
            Event::FaultEnds { fault } => self.fault_ends(fault),
        }
    }
}
