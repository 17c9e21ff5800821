//! A simulation run watched while it runs: [`LiveRun`] advances a
//! [`Simulation`] in bounded slices and, at fixed steps of simulated time,
//! measures what happened since the step before (throughput, errors,
//! latency percentiles, replicas, cache hit rates, bus channels, each
//! component's utilisation) and writes log lines for scaling actions, faults,
//! circuit breakers and failed requests. The browser's simulator worker
//! drives it and sends what [`progress`] defines to the page (through
//! `crate::worker_protocol`); [`speed`] turns wall time into deadlines.
//!
//! What must stay true: watching never changes the run. Sample steps only
//! split `run_until` calls, and the simulator gives the same run however its
//! time is split, so the summary equals `archplay simulate`'s for the same
//! design and seed. Like the rest of the engine it reads no clock: the
//! caller turns wall time into deadlines (see [`speed::Speed::target_us`]).

pub mod progress;
mod sampler;
pub mod speed;

use super::agenda::Micros;
use super::error::SimError;
use super::random::seconds_to_micros;
use super::summary::Summary;
use super::{RunOutcome, Simulation};
use crate::engine::model::{ComponentId, ComponentKind, Design};
use progress::{LogKind, LogLine, QueryAnswer, SeriesPoint, StoreInfo, Update};
use sampler::Sampler;

/// Chart points per run (the sample step is the duration over this, at least [`MIN_SAMPLE_US`]).
pub const POINTS_PER_RUN: u64 = 120;
/// The shortest sample step, µs.
pub const MIN_SAMPLE_US: Micros = 100_000;

/// A run whose progress is measured at fixed steps of simulated time.
pub struct LiveRun {
    simulation: Simulation,
    sampler: Sampler,
    sample_us: Micros,
    next_sample_us: Micros,
    points: Vec<SeriesPoint>,
    log: Vec<LogLine>,
    finished_logged: bool,
}

impl LiveRun {
    /// A run of `design` under its own simulation settings.
    pub fn new(design: &Design) -> Result<LiveRun, SimError> {
        let simulation = Simulation::new(design)?;
        let settings = &simulation.plan().settings;
        let sample_us = (simulation.end() / POINTS_PER_RUN).max(MIN_SAMPLE_US);
        let sampler = Sampler::new(design, &simulation);
        let opening = LogLine {
            t_s: 0.0,
            kind: LogKind::Run,
            text: format!(
                "simulating {}: seed {}, {} s at {} req/s",
                design.name,
                settings.seed,
                crate::engine::attributes::fields::format_number(settings.duration_s),
                crate::engine::attributes::fields::format_number(
                    design.workload.requests_per_second
                )
            ),
        };
        Ok(LiveRun {
            next_sample_us: sample_us.min(simulation.end()),
            simulation,
            sampler,
            sample_us,
            points: Vec::new(),
            log: vec![opening],
            finished_logged: false,
        })
    }

    /// The simulation being watched.
    pub fn simulation(&self) -> &Simulation {
        &self.simulation
    }

    /// Simulated time now, µs.
    pub fn now(&self) -> Micros {
        self.simulation.now()
    }

    /// When the run ends, µs.
    pub fn end(&self) -> Micros {
        self.simulation.end()
    }

    /// The simulated time between two chart points, µs.
    pub fn sample_step(&self) -> Micros {
        self.sample_us
    }

    /// Whether the run has reached its end.
    pub fn finished(&self) -> bool {
        self.simulation.now() >= self.simulation.end()
    }

    /// Handles events up to `deadline_us` (and the end of the run), at most
    /// `max_events` of them, taking a sample at every sample step passed.
    pub fn advance(&mut self, deadline_us: Micros, max_events: u64) -> RunOutcome {
        let mut budget = max_events;
        loop {
            let target = deadline_us.min(self.next_sample_us);
            let before = self.simulation.stats().events;
            let outcome = self.simulation.run_until(target, budget);
            budget = budget.saturating_sub(self.simulation.stats().events - before);
            if outcome == RunOutcome::EventLimit {
                return outcome;
            }
            if self.simulation.now() >= self.next_sample_us {
                self.take_sample();
                self.next_sample_us = self
                    .next_sample_us
                    .saturating_add(self.sample_us)
                    .min(self.simulation.end());
            }
            if self.finished() {
                self.log_finish();
                return RunOutcome::Finished;
            }
            if target >= deadline_us {
                return outcome;
            }
        }
    }

    fn take_sample(&mut self) {
        if let Some(point) = self.sampler.sample(&self.simulation, &mut self.log) {
            self.points.push(point);
        }
    }

    fn log_finish(&mut self) {
        if self.finished_logged {
            return;
        }
        self.finished_logged = true;
        let stats = self.simulation.stats();
        self.log.push(LogLine {
            t_s: self.simulation.now() as f64 / 1e6,
            kind: LogKind::Run,
            text: format!(
                "run finished after {} events: {} requests answered, {} failed, {} still in flight",
                stats.events,
                stats.requests_completed,
                stats.requests_failed,
                stats.requests_in_flight
            ),
        });
    }

    /// Chart points and log lines since the last call, with every component's state now.
    pub fn take_update(&mut self) -> Update {
        Update {
            time_s: self.simulation.now() as f64 / 1e6,
            events: self.simulation.stats().events,
            components: self.sampler.components_now(&self.simulation),
            points: std::mem::take(&mut self.points),
            log: std::mem::take(&mut self.log),
        }
    }

    /// The summary of the run so far.
    pub fn summary(&self) -> Summary {
        self.simulation.summary()
    }

    /// The design's event stores.
    pub fn stores(&self) -> Vec<StoreInfo> {
        self.simulation
            .nodes()
            .iter()
            .filter(|node| node.kind == ComponentKind::EventStore)
            .map(|node| StoreInfo {
                id: node.id,
                name: node.name.clone(),
            })
            .collect()
    }

    /// Every topic some component publishes events under, in first-use order.
    pub fn topics(&self) -> Vec<String> {
        let nodes = self.simulation.nodes();
        let topics = self.simulation.topics();
        (0..topics.len())
            .filter(|&t| {
                nodes
                    .iter()
                    .any(|node| node.topic as usize == t && !node.publishes.is_empty())
            })
            .map(|t| topics[t].clone())
            .collect()
    }

    /// The events of `topic` the event store `store` (a component id) recorded in `[from_s, to_s)`.
    pub fn query(&self, store: ComponentId, topic: &str, from_s: f64, to_s: f64) -> QueryAnswer {
        let mut answer = QueryAnswer {
            store,
            topic: topic.to_string(),
            from_s,
            to_s,
            count: 0,
            times_s: Vec::new(),
        };
        let node = self
            .simulation
            .nodes()
            .iter()
            .position(|node| node.id == store);
        let topic_id = self
            .simulation
            .topics()
            .iter()
            .position(|name| name == topic);
        let (Some(node), Some(topic_id)) = (node, topic_id) else {
            return answer;
        };
        let Some(log) = self.simulation.event_log(node) else {
            return answer;
        };
        let to_micros = |seconds: f64| {
            if seconds.is_finite() {
                seconds_to_micros(seconds.max(0.0))
            } else {
                Micros::MAX
            }
        };
        let times = log.query(topic_id as u32, to_micros(from_s), to_micros(to_s));
        answer.count = times.len() as u64;
        answer.times_s = times
            .iter()
            .take(QueryAnswer::MAX_TIMES)
            .map(|&t| t as f64 / 1e6)
            .collect();
        answer
    }
}
