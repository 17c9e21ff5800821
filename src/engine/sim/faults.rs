//! Faults and health checks: scheduled kills, outages, latency and errors;
//! probes that take crashed replicas out of rotation, let started ones in,
//! and tell gateways and balancers which targets are down.
//!
//! What must stay true: a fault only ever changes state through the
//! station's own operations, and every call it ends is ended through
//! `finish`, so conservation holds across faults.

use super::agenda::{Event, Micros};
use super::cause::Cause;
use super::health::{HealthChange, HealthEvent};
use super::options::FaultKind;
use super::random::seconds_to_micros;
use super::station::{ReplicaState, NONE};
use super::Simulation;
use crate::engine::model::{ComponentKind, Design};

/// The health checks one gateway or load balancer runs on its targets.
#[derive(Clone, Debug)]
pub struct Checker {
    node: u32,
    interval_us: Micros,
    timeout_us: Micros,
    retries: u32,
    failures: Vec<u32>,
}

impl Simulation {
    /// Sets up a checker for every gateway and balancer with health checks enabled.
    pub(super) fn schedule_health_checks(&mut self, design: &Design) {
        for (i, component) in design.components.iter().enumerate() {
            let checks = component.health_check;
            let node = &self.nodes[i];
            let checks_targets = matches!(
                node.kind,
                ComponentKind::LoadBalancer | ComponentKind::ApiGateway
            );
            let has_interval = checks.interval_s > 0.0;
            if !checks.enabled || !checks_targets || node.split.is_empty() || !has_interval {
                continue;
            }
            let checker = self.checkers.len() as u32;
            let interval_us = seconds_to_micros(checks.interval_s).max(1);
            let targets: Vec<u32> = node.split.iter().map(|t| t.node).collect();
            self.checkers.push(Checker {
                node: i as u32,
                interval_us,
                timeout_us: seconds_to_micros(checks.timeout_s.max(0.0)),
                retries: checks.retries.max(1),
                failures: vec![0; targets.len()],
            });
            for target in targets {
                for station in self.stations_of(target) {
                    self.checked[station as usize] = true;
                }
            }
            self.agenda
                .schedule(interval_us, Event::HealthCheck { checker });
        }
    }

    /// Schedules the start and end of every fault.
    pub(super) fn schedule_faults(&mut self) {
        for (i, fault) in self.plan.faults.iter().enumerate() {
            let start = seconds_to_micros(fault.at_s);
            self.agenda
                .schedule(start, Event::FaultStarts { fault: i as u32 });
            if let Some(duration) = fault.duration_s {
                self.agenda.schedule(
                    start + seconds_to_micros(duration),
                    Event::FaultEnds { fault: i as u32 },
                );
            }
        }
    }

    /// A health checker probes its targets and their replicas.
    pub(super) fn health_check(&mut self, index: u32) {
        let now = self.now;
        let checker = &self.checkers[index as usize];
        self.agenda.schedule(
            now.saturating_add(checker.interval_us),
            Event::HealthCheck { checker: index },
        );
        let (node, retries, timeout) = (checker.node as usize, checker.retries, checker.timeout_us);
        for k in 0..self.nodes[node].split.len() {
            let target = self.nodes[node].split[k].node;
            let failures = &mut self.checkers[index as usize].failures[k];
            if self.nodes[target as usize].down {
                *failures += 1;
                let failed_checks = *failures;
                if failed_checks >= retries && !self.nodes[node].unhealthy[k] {
                    self.nodes[node].unhealthy[k] = true;
                    self.record_health(node, target, None, HealthChange::TakenOut, failed_checks);
                }
                continue;
            }
            *failures = 0;
            if self.nodes[node].unhealthy[k] {
                self.nodes[node].unhealthy[k] = false;
                self.record_health(node, target, None, HealthChange::LetIn, 0);
            }
            for station in self.stations_of(target) {
                for replica in 0..self.stations[station as usize].replicas.len() {
                    let r = &mut self.stations[station as usize].replicas[replica];
                    match r.state {
                        ReplicaState::Dead if r.in_rotation => {
                            r.probe_failures += 1;
                            if r.probe_failures == retries {
                                let event = Event::ProbeVerdict {
                                    checker: index,
                                    station,
                                    replica: replica as u32,
                                };
                                self.agenda.schedule(now.saturating_add(timeout), event);
                            }
                        }
                        ReplicaState::Probation => {
                            self.stations[station as usize].make_ready(now, replica as u32);
                            let replica = Some(replica as u32);
                            self.record_health(node, target, replica, HealthChange::LetIn, 0);
                            self.dispatch(station);
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// A failed probe's timeout has passed: the dead replica leaves rotation
    /// (unless something else took it out already), and the log says so.
    pub(super) fn probe_verdict(&mut self, checker: u32, station: u32, replica: u32) {
        if !self.stations[station as usize].take_out_of_rotation(replica) {
            return;
        }
        let (node, retries) = {
            let checker = &self.checkers[checker as usize];
            (checker.node as usize, checker.retries)
        };
        let target = self.stations[station as usize].node;
        let change = HealthChange::TakenOut;
        self.record_health(node, target, Some(replica), change, retries);
    }

    fn record_health(
        &mut self,
        checker: usize,
        target: u32,
        replica: Option<u32>,
        change: HealthChange,
        failed_checks: u32,
    ) {
        self.health.record(HealthEvent {
            at: self.now,
            checker: checker as u32,
            target,
            replica,
            change,
            failed_checks,
        });
    }

    /// A scheduled fault begins.
    pub(super) fn fault_starts(&mut self, index: u32) {
        let fault = self.plan.faults[index as usize];
        let Some(node) = self.nodes.iter().position(|n| n.id == fault.component) else {
            return;
        };
        let mut lost = std::mem::take(&mut self.scratch);
        lost.clear();
        match fault.kind {
            FaultKind::KillReplica => {
                for station in self.stations_of(node as u32) {
                    if let Some(replica) =
                        self.stations[station as usize].crash_replica(self.now, &mut lost)
                    {
                        self.killed[index as usize] = Some((station, replica));
                        break;
                    }
                }
                self.fail_all(&lost, Cause::Crashed);
            }
            FaultKind::ComponentDown => {
                self.nodes[node].down = true;
                for station in self.stations_of(node as u32) {
                    self.stations[station as usize].evict_all(self.now, &mut lost);
                }
                self.fail_all(&lost, Cause::ComponentDown);
            }
            FaultKind::AddLatency { ms } => {
                for station in self.stations_of(node as u32) {
                    self.stations[station as usize].extra_latency_us +=
                        super::random::to_micros(ms * 1000.0);
                }
            }
            FaultKind::AddErrors { rate } => self.nodes[node].error_rate = rate,
        }
        self.scratch = lost;
    }

    fn fail_all(&mut self, lost: &[u32], cause: Cause) {
        for &call in lost {
            self.pool.get_mut(call).slot = NONE;
            self.finish(call, Err(cause), true);
        }
    }

    /// A scheduled fault is over.
    pub(super) fn fault_ends(&mut self, index: u32) {
        let fault = self.plan.faults[index as usize];
        let Some(node) = self.nodes.iter().position(|n| n.id == fault.component) else {
            return;
        };
        match fault.kind {
            FaultKind::KillReplica => {
                if let Some((station, replica)) = self.killed[index as usize].take() {
                    let incarnation = self.stations[station as usize].restart_replica(replica);
                    self.start_replica(station, replica, incarnation);
                }
            }
            FaultKind::ComponentDown => self.nodes[node].down = false,
            FaultKind::AddLatency { ms } => {
                for station in self.stations_of(node as u32) {
                    let extra = &mut self.stations[station as usize].extra_latency_us;
                    *extra = extra.saturating_sub(super::random::to_micros(ms * 1000.0));
                }
            }
            FaultKind::AddErrors { .. } => self.nodes[node].error_rate = 0.0,
        }
    }
}
