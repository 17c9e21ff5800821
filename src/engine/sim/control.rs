//! What happens to the system rather than to one call: the traffic profile,
//! autoscalers, replicas starting, and circuit breakers (faults and health
//! checks are in `faults`).
//!
//! What must stay true: these events are few (one per tick, check or fault),
//! so they may loop over replicas and targets; the per-call path never does.

use super::agenda::{Event, Micros};
use super::autoscaler::HpaSettings;
use super::autoscaler::{HpaPolicy, ReplicaBounds, SeedPolicy};
use super::options::{AutoscalerMode, TrafficProfile};
use super::random::seconds_to_micros;
use super::station::{ReplicaState, NONE};
use super::Simulation;
use crate::engine::model::SimulationSettings;
use crate::engine::model::{Design, ScalingMetric};

/// The highest total rate (requests per second) the profile reaches.
pub fn peak_rate(profile: &TrafficProfile, base_rps: f64) -> f64 {
    match *profile {
        TrafficProfile::Constant => base_rps,
        TrafficProfile::Ramp {
            to_rps,
            from_factor,
        } => (base_rps * from_factor).max(to_rps),
        TrafficProfile::Spike { factor, .. } | TrafficProfile::Step { factor, .. } => {
            base_rps * factor.max(1.0)
        }
        TrafficProfile::DailyWave { amplitude, .. } => base_rps * (1.0 + amplitude),
    }
}

/// The total rate (requests per second) at `seconds` into a run of `duration_s`.
pub fn rate_at(profile: &TrafficProfile, base_rps: f64, seconds: f64, duration_s: f64) -> f64 {
    match *profile {
        TrafficProfile::Constant => base_rps,
        TrafficProfile::Ramp {
            to_rps,
            from_factor,
        } => {
            let start = base_rps * from_factor;
            start + (to_rps - start) * (seconds / duration_s).clamp(0.0, 1.0)
        }
        TrafficProfile::Spike {
            at_s,
            duration_s,
            factor,
        } => {
            if seconds >= at_s && seconds < at_s + duration_s {
                base_rps * factor
            } else {
                base_rps
            }
        }
        TrafficProfile::Step { at_s, factor } => {
            if seconds >= at_s {
                base_rps * factor
            } else {
                base_rps
            }
        }
        TrafficProfile::DailyWave {
            period_s,
            amplitude,
        } => {
            base_rps
                * (1.0 + amplitude * libm::sin(2.0 * std::f64::consts::PI * seconds / period_s))
        }
    }
}

/// Cumulative measurements at the last autoscaler evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// When.
    pub time: Micros,
    busy_area: u128,
    queue_area: u128,
    servers_area: u128,
    arrivals: u64,
    node_arrivals: u64,
    node_failed: u64,
}

/// Which policy an autoscaler runs.
#[derive(Clone, Debug)]
enum Policy {
    Seed(SeedPolicy),
    Hpa(HpaPolicy),
}

/// The autoscaler of one service.
#[derive(Clone, Debug)]
pub struct Scaler {
    /// Component index.
    pub node: u32,
    station: u32,
    metric: ScalingMetric,
    min: u32,
    max: u32,
    policy: Policy,
    /// Measurements at the last evaluation.
    pub snapshot: Snapshot,
    /// (time, replicas) at the start and after every change, at most
    /// [`super::limits::MAX_TIMELINE_POINTS`] of them.
    pub timeline: Vec<(Micros, u32)>,
}

/// Circuit breakers, one per caller-callee pair that has been used.
#[derive(Clone, Debug, Default)]
pub struct Breakers {
    /// (caller, callee, consecutive failures, open until).
    states: Vec<(u32, u32, u32, Option<Micros>)>,
}

impl Breakers {
    /// Whether the breaker from `caller` to `callee` lets a call through at `now`.
    pub fn allows(&self, caller: u32, callee: u32, now: Micros) -> bool {
        self.states
            .iter()
            .find(|s| s.0 == caller && s.1 == callee)
            .is_none_or(|s| s.3.is_none_or(|until| now >= until))
    }

    /// Records the outcome of a call from `caller` to `callee`.
    pub fn record(
        &mut self,
        caller: u32,
        callee: u32,
        ok: bool,
        now: Micros,
        settings: &SimulationSettings,
    ) {
        let index = match self
            .states
            .iter()
            .position(|s| s.0 == caller && s.1 == callee)
        {
            Some(i) => i,
            None => {
                self.states.push((caller, callee, 0, None));
                self.states.len() - 1
            }
        };
        let state = &mut self.states[index];
        if ok {
            state.2 = 0;
            state.3 = None;
        } else {
            state.2 += 1;
            if state.2 >= settings.breaker_threshold {
                state.3 = Some(now + seconds_to_micros(settings.breaker_open_s));
            }
        }
    }
}

impl Simulation {
    /// Schedules the first arrivals, the warm-up's end, autoscalers, health checks and faults.
    pub(super) fn schedule_start(&mut self, design: &Design) {
        for client in 0..self.clients.len() {
            let rate = self.clients[client].peak_rate_per_us;
            if rate > 0.0 {
                let exact_us = self.rng.standard_exponential() / rate;
                self.clients[client].next_us = exact_us;
                let first = super::random::to_micros(exact_us);
                if first <= self.end {
                    self.agenda.schedule(
                        first,
                        Event::ClientSends {
                            client: client as u32,
                        },
                    );
                }
            }
        }
        let settings = &self.plan.settings;
        if settings.warmup_s > 0.0 {
            self.agenda
                .schedule(seconds_to_micros(settings.warmup_s), Event::WarmupEnds);
        }
        let interval = seconds_to_micros(settings.autoscaler_interval_s);
        let hpa = HpaSettings::of(settings);
        for (i, component) in design.components.iter().enumerate() {
            let station = self.nodes[i].station;
            if !component.autoscaling.enabled || station == NONE {
                continue;
            }
            let policy = match self.plan.autoscaler {
                AutoscalerMode::Seed => Policy::Seed(SeedPolicy {
                    threshold: component.autoscaling.threshold,
                    up_cooldown_us: seconds_to_micros(
                        component.autoscaling.scale_up_cooldown_s.max(0.0),
                    ),
                    down_cooldown_us: seconds_to_micros(
                        component.autoscaling.scale_down_cooldown_s.max(0.0),
                    ),
                    last_scale: None,
                }),
                AutoscalerMode::Hpa => {
                    Policy::Hpa(HpaPolicy::new(component.autoscaling.threshold, hpa))
                }
            };
            let scaler = self.scalers.len() as u32;
            self.scalers.push(Scaler {
                node: i as u32,
                station,
                metric: component.autoscaling.metric,
                min: component.replicas.min,
                max: component.replicas.max,
                policy,
                snapshot: Snapshot::default(),
                timeline: vec![(0, component.replicas.current)],
            });
            self.agenda
                .schedule(interval, Event::AutoscalerTick { scaler });
        }
        self.schedule_health_checks(design);
        self.schedule_faults();
    }

    /// Whether a candidate arrival of the thinned Poisson process is kept.
    pub(super) fn accept_arrival(&mut self) -> bool {
        let profile = self.plan.profile;
        if profile == TrafficProfile::Constant {
            return true;
        }
        let peak = peak_rate(&profile, self.base_rps);
        let rate = rate_at(
            &profile,
            self.base_rps,
            self.now as f64 / 1e6,
            self.plan.settings.duration_s,
        );
        peak > 0.0 && self.rng.uniform() * peak < rate
    }

    /// Every station of a component.
    pub(super) fn stations_of(&self, node: u32) -> Vec<u32> {
        let node = &self.nodes[node as usize];
        if node.station != NONE {
            return vec![node.station];
        }
        node.shards
            .iter()
            .flat_map(|s| [s.primary, s.replicas])
            .filter(|&s| s != NONE)
            .collect()
    }

    /// Starts every waiting call a free server can take.
    pub(super) fn dispatch(&mut self, station: u32) {
        while let Some((call, slot)) = self.stations[station as usize].next_from_queue(self.now) {
            self.start_service(call, slot);
        }
    }

    /// An autoscaler evaluates its metric and scales.
    pub(super) fn autoscale(&mut self, index: u32) {
        let now = self.now;
        let interval = seconds_to_micros(self.plan.settings.autoscaler_interval_s);
        self.agenda.schedule(
            now.saturating_add(interval),
            Event::AutoscalerTick { scaler: index },
        );
        let scaler = &self.scalers[index as usize];
        let station = &self.stations[scaler.station as usize];
        let node = &self.nodes[scaler.node as usize];
        let current = Snapshot {
            time: now,
            busy_area: station.stats.busy.area(now),
            queue_area: station.stats.queue_length.area(now),
            servers_area: station.stats.servers.area(now),
            arrivals: station.stats.arrivals,
            node_arrivals: node.stats.arrivals,
            node_failed: node.stats.failed,
        };
        let last = scaler.snapshot;
        let span_s = (now - last.time) as f64 / 1e6;
        let servers = (current.servers_area - last.servers_area) as f64;
        let busy = (current.busy_area - last.busy_area) as f64;
        let queued = (current.queue_area - last.queue_area) as f64;
        let metric = match scaler.metric {
            ScalingMetric::Cpu if servers > 0.0 => 100.0 * busy / servers,
            ScalingMetric::Memory if servers > 0.0 => 100.0 * (busy + queued) / servers,
            ScalingMetric::Cpu | ScalingMetric::Memory => 0.0,
            ScalingMetric::RequestRate if span_s > 0.0 => {
                (current.arrivals - last.arrivals) as f64
                    / span_s
                    / f64::from(station.ready_replicas.max(1))
            }
            ScalingMetric::RequestRate => 0.0,
            ScalingMetric::ErrorRate => {
                let arrivals = current.node_arrivals - last.node_arrivals;
                if arrivals == 0 {
                    0.0
                } else {
                    100.0 * (current.node_failed - last.node_failed) as f64 / arrivals as f64
                }
            }
        };
        let bounds = ReplicaBounds {
            current: station.counted_replicas(),
            min: scaler.min,
            max: scaler.max,
        };
        let station_index = scaler.station;
        let scaler = &mut self.scalers[index as usize];
        scaler.snapshot = current;
        let desired = match &mut scaler.policy {
            Policy::Seed(policy) => policy.decide(now, metric, bounds),
            Policy::Hpa(policy) => policy.decide(now, metric, bounds),
        };
        if desired == bounds.current {
            return;
        }
        // A bounded timeline: once full, the last point follows the latest change.
        if scaler.timeline.len() < super::limits::MAX_TIMELINE_POINTS {
            scaler.timeline.push((now, desired));
        } else if let Some(last) = scaler.timeline.last_mut() {
            *last = (now, desired);
        }
        for _ in desired..bounds.current {
            self.stations[station_index as usize].retire_replica(now);
        }
        for _ in bounds.current..desired {
            let replica = self.stations[station_index as usize].add_replica();
            let incarnation =
                self.stations[station_index as usize].replicas[replica as usize].incarnation;
            self.start_replica(station_index, replica, incarnation);
        }
    }

    /// A replica begins its start-up delay.
    pub(super) fn start_replica(&mut self, station: u32, replica: u32, incarnation: u32) {
        let delay = seconds_to_micros(self.plan.settings.startup_delay_s);
        if delay == 0 {
            self.replica_ready(station, replica, incarnation);
        } else {
            self.agenda.schedule(
                self.now.saturating_add(delay),
                Event::ReplicaReady {
                    station,
                    replica,
                    incarnation,
                },
            );
        }
    }

    /// A replica's start-up delay is over: it serves, or waits for a health check where one watches.
    pub(super) fn replica_ready(&mut self, station: u32, replica: u32, incarnation: u32) {
        let st = &mut self.stations[station as usize];
        let r = st.replicas[replica as usize];
        if r.incarnation != incarnation || r.state != ReplicaState::Starting {
            return;
        }
        if self.checked[station as usize] {
            st.replicas[replica as usize].state = ReplicaState::Probation;
            return;
        }
        st.make_ready(self.now, replica);
        self.dispatch(station);
    }
}
