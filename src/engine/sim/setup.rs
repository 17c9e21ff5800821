//! Setting a run up: [`Simulation::with_event_budget`] checks the design and
//! its settings, builds the topology, and fills every field of the
//! [`Simulation`] before the first event is scheduled.
//!
//! What must stay true: this is the only step of a run that can fail, and it
//! fails before anything is built, naming the first bad setting or limit;
//! the generator is seeded here from the settings and nowhere else.

use super::agenda::Agenda;
use super::control;
use super::options::{KeyPopularity, RunPlan};
use super::pool::CallPool;
use super::random::{seconds_to_micros, ServiceSampler, SimRng, ZipfSampler};
use super::store::{CacheStore, EventLog};
use super::{health, limits, topology, RequestStats, SimError, Simulation};
use crate::engine::attributes::simulation_fields::check_settings;
use crate::engine::cost::run::RunPricing;
use crate::engine::model::{ComponentKind, Design};

/// How request keys are drawn.
#[derive(Clone, Copy, Debug)]
pub(super) enum KeySampler {
    Uniform(u32),
    Zipf(ZipfSampler),
}

/// One client's arrival process (thinned Poisson).
#[derive(Clone, Copy, Debug)]
pub(super) struct ClientSource {
    pub(super) node: u32,
    /// Highest rate over the run, per µs.
    pub(super) peak_rate_per_us: f64,
    /// Exact time of its next candidate arrival, µs (the agenda has it rounded).
    pub(super) next_us: f64,
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
}
