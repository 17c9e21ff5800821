//! How a call ends: a caller that stops waiting ([`Simulation::time_out`]),
//! a child's answer reaching its caller (success moves the caller on, a
//! failure is retried or passed up), and [`Simulation::finish`], which
//! records the call, applies its effects (cache fill or invalidation,
//! published events) and gives it back to the pool.
//!
//! What must stay true: `finish` is the only place a call goes back to the
//! pool, once per call; a failure is counted by cause only where it started
//! (`origin`); retries go through the agenda, never the stack; calls the
//! breaker or the simulator's limit refused are neither retried nor recorded
//! by the breaker.

use super::agenda::Event;
use super::cause::Cause;
use super::pool::flag;
use super::station::NONE;
use super::Simulation;
use crate::engine::model::ComponentKind;

impl Simulation {
    /// A caller stops waiting for `child`: the child goes on unheard, the caller sees a timeout.
    pub(super) fn time_out(&mut self, child: u32) {
        let c = *self.pool.get(child);
        if c.parent == NONE || c.has(flag::ORPHAN) {
            return;
        }
        let child_call = self.pool.get_mut(child);
        child_call.parent = NONE;
        child_call.flags |= flag::ORPHAN;
        let caller_node = self.pool.get(c.parent).node as usize;
        self.nodes[caller_node].stats.errors[Cause::Timeout as usize] += 1;
        self.child_returned(c.parent, c.node, Err(Cause::Timeout));
    }

    /// The child that `parent` waited for, at component `child_node`, answered.
    pub(super) fn child_returned(
        &mut self,
        parent: u32,
        child_node: u32,
        result: Result<(), Cause>,
    ) {
        let p = self.pool.get_mut(parent);
        p.child = NONE;
        let parent_node = p.node as usize;
        let node = &mut self.nodes[parent_node];
        if node.kind == ComponentKind::LoadBalancer {
            if let Some(i) = node.split.iter().position(|t| t.node == child_node) {
                node.in_flight[i] = node.in_flight[i].saturating_sub(1);
            }
        }
        // A call the breaker or the simulator's limit refused says nothing new about the callee.
        let refused = matches!(result, Err(Cause::CircuitOpen | Cause::SimulationLimit));
        if self.plan.settings.circuit_breaker && !refused {
            self.breakers.record(
                parent_node as u32,
                child_node,
                result.is_ok(),
                self.now,
                &self.plan.settings,
            );
        }
        match result {
            Ok(()) => {
                let p = self.pool.get_mut(parent);
                p.stage += 1;
                p.attempts = 0;
                self.advance(parent);
            }
            Err(cause) => {
                let (retries, retry_backoff_s) =
                    (self.plan.settings.retries, self.plan.retry_backoff_s);
                let p = self.pool.get_mut(parent);
                let retryable = !matches!(
                    cause,
                    Cause::CircuitOpen | Cause::CallLoop | Cause::SimulationLimit
                );
                if retryable && u32::from(p.attempts) < retries {
                    p.attempts += 1;
                    let generation = p.generation;
                    // Through the agenda even without back-off, so that a chain of
                    // immediate failures cannot nest retries on the stack.
                    let backoff = super::random::seconds_to_micros(retry_backoff_s);
                    self.agenda.schedule(
                        self.now.saturating_add(backoff),
                        Event::RetryDue {
                            call: parent,
                            generation,
                        },
                    );
                } else {
                    self.finish(parent, Err(cause), false);
                }
            }
        }
    }

    /// Ends a call: records it, applies its effects, answers its caller, returns it to the pool.
    /// `origin` says whether the failure started here (and so is counted here by cause).
    pub(super) fn finish(&mut self, call: u32, result: Result<(), Cause>, origin: bool) {
        let now = self.now;
        let c = *self.pool.get(call);
        let node_index = c.node as usize;
        let node = &mut self.nodes[node_index];
        let sojourn = now - c.arrived_at;
        node.stats.in_system.leave(now, c.arrived_at);
        node.stats.sojourn_total_us += u128::from(sojourn);
        match result {
            Ok(()) => {
                node.stats.completed += 1;
                node.stats.latency.record(sojourn);
                node.stats.latency_histogram.record(sojourn);
            }
            Err(cause) => {
                node.stats.failed += 1;
                if origin {
                    node.stats.errors[cause as usize] += 1;
                }
            }
        }
        if c.has(flag::IN_CHANNEL) {
            if let Some(held) = node.channel_occupancy.get_mut(c.topic as usize) {
                *held = held.saturating_sub(1);
            }
        }
        let is_write = !c.has(flag::READ) || c.has(flag::EVENT);
        if result.is_ok() {
            if let Some(cache) = self.caches[node_index].as_mut() {
                if c.has(flag::CACHE_MISS) {
                    cache.store(c.key, now.saturating_add(self.nodes[node_index].ttl_us));
                } else if !c.has(flag::READ) {
                    cache.invalidate(c.key);
                }
            }
            if is_write && !self.nodes[node_index].publishes.is_empty() {
                let topic = self.nodes[node_index].topic;
                for i in 0..self.nodes[node_index].publishes.len() {
                    let target = self.nodes[node_index].publishes[i];
                    self.publish(target, topic, c.key);
                }
            }
        }
        if c.parent == NONE && self.nodes[node_index].kind == ComponentKind::Client {
            let requests = &mut self.requests;
            requests.in_system.leave(now, c.arrived_at);
            requests.sojourn_total_us += u128::from(sojourn);
            match result {
                Ok(()) => {
                    requests.completed += 1;
                    requests.latency.record(sojourn);
                    requests.latency_histogram.record(sojourn);
                }
                Err(cause) => {
                    requests.failed += 1;
                    requests.errors[cause as usize] += 1;
                }
            }
        }
        self.pool.give_back(call);
        if c.parent != NONE {
            self.child_returned(c.parent, c.node, result);
        }
    }
}
