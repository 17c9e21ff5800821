//! The life of a call: a client sends a request, each component queues it,
//! serves it, calls its targets one after the other, and answers its caller;
//! writes publish events, which buses deliver to subscribers. This file holds
//! the way out (sending, queueing, serving); `answer` holds the way back
//! (timeouts, answers, [`Simulation::finish`]) and `publish` the events.
//!
//! What must stay true: every call that is taken from the pool is given back
//! exactly once, through [`Simulation::finish`]; a caller waits for one child
//! at a time; a request is complete when its whole synchronous chain is; no
//! call is taken while [`super::limits::MAX_CALLS_IN_FLIGHT`] are alive (a
//! client's request then fails at once, a child call fails back to its caller
//! and an event is dropped, all under `Cause::SimulationLimit`); a call never
//! goes to a component already waiting in its chain (`Cause::CallLoop`).
//! Arrived = completed + failed + in flight holds for requests and for every
//! component at all times.

use super::agenda::Event;
use super::cause::Cause;
use super::pool::flag;
use super::random::to_micros;
use super::routing;
use super::station::{Admission, NONE};
use super::{KeySampler, Simulation};
use crate::engine::model::ComponentKind;

/// Deepest call chain a request may build before it is failed as a loop
/// (a chain that comes back to a component is failed as soon as it does).
pub const MAX_DEPTH: u8 = 64;

impl Simulation {
    /// A client's arrival process fires: maybe send a request, and schedule the next candidate.
    pub(super) fn client_sends(&mut self, client: u32) {
        let source = self.clients[client as usize];
        // The exact time is carried from one arrival to the next and only the
        // schedule is rounded: rounding each gap would turn gaps shorter than
        // half a microsecond (rates past 2 M/s) into 0 and multiply the rate.
        let exact_us = source.next_us + self.rng.standard_exponential() / source.peak_rate_per_us;
        self.clients[client as usize].next_us = exact_us;
        let next = to_micros(exact_us);
        if next <= self.end {
            self.agenda.schedule(next, Event::ClientSends { client });
        }
        if self.accept_arrival() {
            self.start_request(source.node);
        }
    }

    fn start_request(&mut self, node: u32) {
        let now = self.now;
        let read = self.rng.chance(self.read_share);
        let key = match self.key_sampler {
            KeySampler::Uniform(n) => self.rng.below(n),
            KeySampler::Zipf(sampler) => sampler.sample(&mut self.rng),
        };
        let over_limit = self.at_call_limit();
        let root = self
            .pool
            .take(node, NONE, if read { flag::READ } else { 0 }, key, 0, now);
        self.requests.arrived += 1;
        self.requests.in_system.enter(now);
        let stats = &mut self.nodes[node as usize].stats;
        stats.arrivals += 1;
        stats.in_system.enter(now);
        if over_limit {
            self.finish(root, Err(Cause::SimulationLimit), true);
            return;
        }
        self.advance(root);
    }

    /// The call's component takes its next step after its own work (or after a child answered).
    pub(super) fn advance(&mut self, call: u32) {
        let c = *self.pool.get(call);
        let node_index = c.node as usize;
        let stage = c.stage as usize;
        let node = &self.nodes[node_index];
        match node.kind {
            ComponentKind::Client | ComponentKind::ApiGateway | ComponentKind::LoadBalancer => {
                let auth_count = node.auth.len();
                if stage < auth_count {
                    let target = node.auth[stage];
                    self.send(call, target);
                } else if stage == auth_count {
                    let node = &mut self.nodes[node_index];
                    match routing::pick_target(node, c.has(flag::READ), &mut self.rng) {
                        Ok(i) => {
                            let target = node.split[i].node;
                            if node.kind == ComponentKind::LoadBalancer {
                                node.in_flight[i] += 1;
                            }
                            self.send(call, target);
                        }
                        Err(cause) => self.finish(call, Err(cause), true),
                    }
                } else {
                    self.finish(call, Ok(()), false);
                }
            }
            ComponentKind::Service | ComponentKind::AuthProvider => {
                if let Some(&target) = node.calls.get(stage) {
                    self.send(call, target);
                } else {
                    self.finish(call, Ok(()), false);
                }
            }
            ComponentKind::Cache => {
                if stage == 0 && c.has(flag::READ) && !c.has(flag::CACHE_MISS) {
                    let fresh = self.caches[node_index]
                        .as_ref()
                        .is_some_and(|cache| cache.is_fresh(c.key, self.now));
                    let stats = &mut self.nodes[node_index].stats;
                    if fresh {
                        stats.cache_hits += 1;
                        self.finish(call, Ok(()), false);
                        return;
                    }
                    stats.cache_misses += 1;
                    self.pool.get_mut(call).flags |= flag::CACHE_MISS;
                }
                if let Some(&target) = self.nodes[node_index].calls.get(stage) {
                    self.send(call, target);
                } else {
                    self.finish(call, Ok(()), false);
                }
            }
            ComponentKind::EventBus => {
                self.deliver(node_index, c.topic, c.key);
                self.finish(call, Ok(()), false);
            }
            ComponentKind::EventStore => {
                if let Some(log) = self.logs[node_index].as_mut() {
                    log.record(c.topic, self.now);
                }
                self.finish(call, Ok(()), false);
            }
            ComponentKind::ServiceRegistry
            | ComponentKind::Monitoring
            | ComponentKind::Database => self.finish(call, Ok(()), false),
        }
    }

    /// `caller` calls component `target` and waits for the answer.
    fn send(&mut self, caller: u32, target: u32) {
        let c = *self.pool.get(caller);
        if c.depth >= MAX_DEPTH || self.waits_in_chain(caller, target) {
            self.finish(caller, Err(Cause::CallLoop), true);
            return;
        }
        if self.at_call_limit() {
            self.nodes[c.node as usize].stats.errors[Cause::SimulationLimit as usize] += 1;
            self.child_returned(caller, target, Err(Cause::SimulationLimit));
            return;
        }
        if self.plan.settings.circuit_breaker && !self.breakers.allows(c.node, target, self.now) {
            self.nodes[c.node as usize].stats.errors[Cause::CircuitOpen as usize] += 1;
            self.child_returned(caller, target, Err(Cause::CircuitOpen));
            return;
        }
        let child = self.pool.take(
            target,
            caller,
            c.flags & (flag::READ | flag::EVENT),
            c.key,
            c.topic,
            self.now,
        );
        let generation = {
            let child_call = self.pool.get_mut(child);
            child_call.depth = c.depth + 1;
            child_call.generation
        };
        let parent = self.pool.get_mut(caller);
        parent.child = child;
        parent.child_node = target;
        if let Some(timeout) = self.timeout_us {
            self.agenda.schedule(
                self.now.saturating_add(timeout),
                Event::CallTimeout {
                    call: child,
                    generation,
                },
            );
        }
        self.transmit(child, generation);
    }

    /// Whether component `target` is `call`'s own or one of its callers' (so
    /// calling it again would go round the same loop).
    fn waits_in_chain(&self, call: u32, target: u32) -> bool {
        let mut link = call;
        while link != NONE {
            let c = self.pool.get(link);
            if c.node == target {
                return true;
            }
            link = c.parent;
        }
        false
    }

    /// Sends a fresh call over the network hop to its component.
    pub(super) fn transmit(&mut self, call: u32, generation: u32) {
        if self.hop_us > 0 {
            self.agenda.schedule(
                self.now.saturating_add(self.hop_us),
                Event::CallArrives { call, generation },
            );
        } else {
            self.arrive(call);
        }
    }

    /// A call reaches its component.
    pub(super) fn arrive(&mut self, call: u32) {
        let now = self.now;
        let c = *self.pool.get(call);
        let node_index = c.node as usize;
        let node = &mut self.nodes[node_index];
        node.stats.arrivals += 1;
        node.stats.in_system.enter(now);
        self.pool.get_mut(call).arrived_at = now;
        if node.down {
            self.finish(call, Err(Cause::ComponentDown), true);
            return;
        }
        if node.error_rate > 0.0 && self.rng.chance(node.error_rate) {
            self.finish(call, Err(Cause::Injected), true);
            return;
        }
        let station = if node.kind == ComponentKind::Database {
            match routing::database_station(node, c.key, c.has(flag::READ)) {
                Ok(station) => station,
                Err(cause) => {
                    self.finish(call, Err(cause), true);
                    return;
                }
            }
        } else {
            node.station
        };
        if station == NONE {
            self.advance(call);
            return;
        }
        self.pool.get_mut(call).station = station;
        match self.stations[station as usize].admit(now, call) {
            Admission::Serve(slot) => self.start_service(call, slot),
            Admission::Queued => {}
            Admission::Rejected => self.finish(call, Err(Cause::QueueFull), true),
            Admission::DeadReplica => self.finish(call, Err(Cause::ReplicaDown), true),
            Admission::NoReplica => self.finish(call, Err(Cause::NoReplica), true),
        }
    }

    /// A server takes the call: its service ends after a sampled time.
    pub(super) fn start_service(&mut self, call: u32, slot: u32) {
        let c = self.pool.get_mut(call);
        c.slot = slot;
        let generation = c.generation;
        let station = &self.stations[c.station as usize];
        let duration = self
            .service_sampler
            .sample(&mut self.rng, station.mean_service_us)
            .saturating_add(station.extra_latency_us);
        self.agenda.schedule(
            self.now.saturating_add(duration),
            Event::ServiceDone { call, generation },
        );
    }

    /// A server finished its work on the call: the server takes the next waiting call, and the call moves on.
    pub(super) fn service_done(&mut self, call: u32) {
        let c = self.pool.get_mut(call);
        let (station, slot) = (c.station as usize, c.slot);
        c.slot = NONE;
        if let Some((next, next_slot)) = self.stations[station].release(self.now, slot) {
            self.start_service(next, next_slot);
        }
        self.stations[station].check_invariant();
        self.advance(call);
    }
}
