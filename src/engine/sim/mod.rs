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
//! `docs/simulation.md` describes the model and how it is validated.

pub mod agenda;
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
pub mod random;
pub mod routing;
pub mod score;
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
pub use summary::Summary;

use crate::engine::attributes::simulation_fields::check_settings;
use crate::engine::cost::run::RunPricing;
use crate::engine::model::{ComponentKind, Design};
use agenda::Agenda;
use control::Scaler;
use faults::Checker;
use options::KeyPopularity;
use pool::CallPool;
use random::{seconds_to_micros, ServiceSampler, SimRng, ZipfSampler};
use station::Station;
use stats::{LogHistogram, Moments, Presence};
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

/// How request keys are drawn.
#[derive(Clone, Copy, Debug)]
enum KeySampler {
    Uniform(u32),
    Zipf(ZipfSampler),
}

/// One client's arrival process (thinned Poisson).
#[derive(Clone, Copy, Debug)]
struct ClientSource {
    node: u32,
    /// Highest rate over the run, per µs.
    peak_rate_per_us: f64,
    /// Exact time of its next candidate arrival, µs (the agenda has it rounded).
    next_us: f64,
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
    /// Sets up a run of `design` under its own simulation settings with the
    /// default event budget ([`limits::DEFAULT_EVENT_BUDGET`]); fails naming
    /// the first bad setting (the one validator, `check_settings`) or the
    /// first limit the run would pass.
    pub fn new(design: &Design) -> Result<Simulation, SimError> {
        Simulation::with_event_budget(design, limits::DEFAULT_EVENT_BUDGET)
    }

    /// Sets up a run that handles at most `event_budget` events: it stops
    /// where the budget runs out, and its summary says so. A run whose client
    /// arrivals alone would pass the budget is refused.
    pub fn with_event_budget(design: &Design, event_budget: u64) -> Result<Simulation, SimError> {
        check_settings(design).map_err(|error| SimError::BadSettings(error.to_string()))?;
        limits::check_design(design)?;
        let topology = topology::build(design)?;
        let key_space = design.workload.key_space.max(1);
        let base_rps = if design.workload.requests_per_second.is_finite() {
            design.workload.requests_per_second.max(0.0)
        } else {
            0.0
        };
        let plan = RunPlan::from_settings(&design.simulation, base_rps);
        let key_sampler = match plan.key_popularity {
            KeyPopularity::Uniform => KeySampler::Uniform(key_space),
            KeyPopularity::Zipf { exponent } => {
                KeySampler::Zipf(ZipfSampler::new(key_space, exponent))
            }
        };
        let count = |kind| topology.nodes.iter().filter(|n| n.kind == kind).count();
        let cache_capacity = limits::cache_capacity(count(ComponentKind::Cache));
        let log_capacity = limits::event_log_capacity(count(ComponentKind::EventStore));
        let caches = topology
            .nodes
            .iter()
            .map(|n| {
                (n.kind == ComponentKind::Cache).then(|| CacheStore::new(key_space, cache_capacity))
            })
            .collect();
        let topic_count = topology.topics.len();
        let logs = topology
            .nodes
            .iter()
            .map(|n| {
                (n.kind == ComponentKind::EventStore)
                    .then(|| EventLog::new(topic_count, log_capacity))
            })
            .collect();
        limits::check_duration(&plan, base_rps, event_budget)?;
        let client_count = topology.clients.len().max(1) as f64;
        let peak = control::peak_rate(&plan.profile, base_rps) / client_count;
        let clients = topology
            .clients
            .iter()
            .map(|&node| ClientSource {
                node,
                peak_rate_per_us: peak / 1e6,
                next_us: 0.0,
            })
            .collect();
        let station_count = topology.stations.len();
        let end = seconds_to_micros(plan.settings.duration_s);
        let mut simulation = Simulation {
            now: 0,
            end,
            planned_end: end,
            event_budget,
            compact_at: limits::AGENDA_COMPACT_AT,
            measured_from: 0,
            events: 0,
            agenda: Agenda::with_capacity(1024),
            rng: SimRng::new(plan.settings.seed),
            service_sampler: ServiceSampler::new(plan.service_time),
            key_sampler,
            read_share: if design.workload.read_share.is_finite() {
                design.workload.read_share.clamp(0.0, 1.0)
            } else {
                1.0
            },
            base_rps,
            hop_us: seconds_to_micros(design.workload.hop_latency_ms.max(0.0) / 1000.0),
            timeout_us: plan.timeout_s.map(seconds_to_micros),
            nodes: topology.nodes,
            stations: topology.stations,
            topics: topology.topics,
            clients,
            pool: CallPool::with_capacity(1024),
            caches,
            logs,
            scalers: Vec::new(),
            checkers: Vec::new(),
            health: health::HealthLog::default(),
            checked: vec![false; station_count],
            killed: vec![None; plan.faults.len()],
            breakers: control::Breakers::default(),
            requests: RequestStats::default(),
            scratch: Vec::new(),
            pricing: RunPricing::of(design),
            plan,
        };
        simulation.schedule_start(design);
        Ok(simulation)
    }

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

    fn restart_statistics(&mut self) {
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
