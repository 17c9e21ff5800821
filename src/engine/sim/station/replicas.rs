//! The life of a station's replicas: adding one (reusing a removed index),
//! putting it into service, retiring it gracefully, crashing it, emptying the
//! station, and the rotation of dead replicas that health checks take out.
//!
//! What must stay true: `ready_replicas` counts the replicas in state Ready
//! and `dead_in_rotation` the dead ones still in rotation; a replica's
//! `incarnation` changes whenever it stops serving, so events meant for an
//! earlier life are ignored; a ready replica's slots go on the free stack and
//! slots of a replica that stopped serving are dropped lazily.

use super::{Replica, ReplicaState, Station, NONE};
use crate::engine::sim::agenda::Micros;

impl Station {
    /// Replicas that count as running for the autoscaler (starting, ready, on probation).
    pub fn counted_replicas(&self) -> u32 {
        self.replicas
            .iter()
            .filter(|r| {
                matches!(
                    r.state,
                    ReplicaState::Starting | ReplicaState::Ready | ReplicaState::Probation
                )
            })
            .count() as u32
    }

    /// A new replica in state Starting (reusing a removed one's index); returns its index.
    pub fn add_replica(&mut self) -> u32 {
        if let Some(index) = self
            .replicas
            .iter()
            .position(|r| r.state == ReplicaState::Removed)
        {
            self.replicas[index].state = ReplicaState::Starting;
            return index as u32;
        }
        self.replicas.push(Replica {
            state: ReplicaState::Starting,
            incarnation: 0,
            busy: 0,
            in_rotation: false,
            probe_failures: 0,
        });
        let slots = self.replicas.len() * self.concurrency as usize;
        self.slot_call.resize(slots, NONE);
        (self.replicas.len() - 1) as u32
    }

    /// Puts a starting (or probation) replica into service.
    pub fn make_ready(&mut self, now: Micros, replica: u32) {
        let concurrency = self.concurrency;
        let r = &mut self.replicas[replica as usize];
        if !matches!(r.state, ReplicaState::Starting | ReplicaState::Probation) {
            return;
        }
        r.state = ReplicaState::Ready;
        r.probe_failures = 0;
        self.ready_replicas += 1;
        let first = replica * concurrency;
        // Pushed highest first so that the lowest slot is used first.
        self.free_slots.extend((first..first + concurrency).rev());
        self.stats.servers.set(now, u64::from(self.servers()));
    }

    /// Takes the highest ready replica out of service gracefully (or cancels a
    /// starting one first); false if none could be removed.
    pub fn retire_replica(&mut self, now: Micros) -> bool {
        if let Some(index) = self
            .replicas
            .iter()
            .rposition(|r| matches!(r.state, ReplicaState::Starting | ReplicaState::Probation))
        {
            let r = &mut self.replicas[index];
            r.state = ReplicaState::Removed;
            r.incarnation += 1;
            return true;
        }
        let Some(index) = self
            .replicas
            .iter()
            .rposition(|r| r.state == ReplicaState::Ready)
        else {
            return false;
        };
        let r = &mut self.replicas[index];
        r.incarnation += 1;
        r.state = if r.busy == 0 {
            ReplicaState::Removed
        } else {
            ReplicaState::Draining
        };
        self.ready_replicas -= 1;
        self.stats.servers.set(now, u64::from(self.servers()));
        true
    }

    /// Crashes the ready replica serving the most calls (the lowest such);
    /// returns it and the calls it was serving (which the caller must fail),
    /// or `None` if no replica is ready.
    pub fn crash_replica(&mut self, now: Micros, lost: &mut Vec<u32>) -> Option<u32> {
        let mut index = None;
        for (i, r) in self.replicas.iter().enumerate() {
            if r.state == ReplicaState::Ready
                && index.is_none_or(|best: usize| r.busy > self.replicas[best].busy)
            {
                index = Some(i);
            }
        }
        let index = index?;
        let first = index * self.concurrency as usize;
        for slot in first..first + self.concurrency as usize {
            if self.slot_call[slot] != NONE {
                lost.push(self.slot_call[slot]);
                self.vacate(now, slot as u32, false);
            }
        }
        let r = &mut self.replicas[index];
        r.state = ReplicaState::Dead;
        r.incarnation += 1;
        r.in_rotation = true;
        r.probe_failures = 0;
        self.dead_in_rotation += 1;
        self.ready_replicas -= 1;
        self.stats.servers.set(now, u64::from(self.servers()));
        Some(index as u32)
    }

    /// Empties the station (its component went down): every queued and
    /// in-service call is pushed to `lost`, which the caller must fail.
    pub fn evict_all(&mut self, now: Micros, lost: &mut Vec<u32>) {
        lost.extend(self.queue.drain(..).map(|(call, _)| call));
        self.stats.queue_length.set(now, 0);
        for slot in 0..self.slot_call.len() {
            if self.slot_call[slot] != NONE {
                lost.push(self.slot_call[slot]);
                self.vacate(now, slot as u32, true);
            }
        }
    }

    /// A health check found a dead replica: callers stop sending to it.
    /// Returns whether it was in rotation until now.
    pub fn take_out_of_rotation(&mut self, replica: u32) -> bool {
        let r = &mut self.replicas[replica as usize];
        if r.state == ReplicaState::Dead && r.in_rotation {
            r.in_rotation = false;
            self.dead_in_rotation -= 1;
            return true;
        }
        false
    }

    /// Restarts a dead replica: it starts again (state Starting); returns its incarnation.
    pub fn restart_replica(&mut self, replica: u32) -> u32 {
        self.take_out_of_rotation(replica);
        let r = &mut self.replicas[replica as usize];
        if r.state == ReplicaState::Dead {
            r.state = ReplicaState::Starting;
        }
        r.incarnation
    }
}
