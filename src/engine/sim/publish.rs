//! Events: a write at a publishing component puts an event on a bus (through
//! its bounded channel, one per topic) or in an event store, and a bus hands
//! each event to every subscriber whose topics match.
//!
//! What must stay true: an event that finds its channel full is dropped and
//! counted (`Cause::ChannelFull`), never queued past the capacity; no event
//! call is taken while the simulator's call limit is reached
//! (`Cause::SimulationLimit`).

use super::cause::Cause;
use super::pool::flag;
use super::station::NONE;
use super::Simulation;
use crate::engine::model::ComponentKind;

impl Simulation {
    /// Publishes an event of `topic` to a bus (through its bounded channel) or an event store.
    pub(super) fn publish(&mut self, target: u32, topic: u32, key: u32) {
        if self.at_call_limit() {
            let stats = &mut self.nodes[target as usize].stats;
            stats.errors[Cause::SimulationLimit as usize] += 1;
            return;
        }
        let node = &mut self.nodes[target as usize];
        let mut flags = flag::EVENT;
        if node.kind == ComponentKind::EventBus {
            let t = topic as usize;
            if node.channel_occupancy[t] >= node.channel_capacity {
                node.stats.channel_full[t] += 1;
                node.stats.errors[Cause::ChannelFull as usize] += 1;
                return;
            }
            node.channel_occupancy[t] += 1;
            node.stats.published[t] += 1;
            flags |= flag::IN_CHANNEL;
        }
        let call = self.pool.take(target, NONE, flags, key, topic, self.now);
        let generation = self.pool.get(call).generation;
        self.transmit(call, generation);
    }

    /// A bus hands an event to every subscriber whose topics match.
    pub(super) fn deliver(&mut self, bus: usize, topic: u32, key: u32) {
        for i in 0..self.nodes[bus].subscribers.len() {
            let subscription = &self.nodes[bus].subscribers[i];
            if !subscription.topics.is_empty() && !subscription.topics.contains(&topic) {
                continue;
            }
            let subscriber = subscription.node;
            if self.at_call_limit() {
                self.nodes[bus].stats.errors[Cause::SimulationLimit as usize] += 1;
                continue;
            }
            self.nodes[bus].stats.delivered += 1;
            let call = self
                .pool
                .take(subscriber, NONE, flag::EVENT, key, topic, self.now);
            let generation = self.pool.get(call).generation;
            self.transmit(call, generation);
        }
    }
}
