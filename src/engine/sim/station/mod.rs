//! A station: the replicas of one component (or one database role) sharing
//! one FIFO queue, each replica serving `concurrency` requests at once.
//!
//! Servers are numbered slots (`replica * concurrency + k`); a stack of free
//! slots gives O(1) dispatch, and slots of a replica that stopped serving are
//! dropped lazily when they come off the stack. The waiting room holds
//! `queue_per_replica` requests per ready replica; an arrival that finds it
//! full is rejected.
//!
//! This file holds the types, the queue and the servers; `replicas` holds
//! the life of the replicas (start, ready, retire, crash, rotation).
//!
//! What must stay true (checked by [`Station::check_invariant`], counted in
//! `invariant_violations`): no server is idle while the queue is non-empty,
//! and `busy` equals the number of occupied slots.

use super::agenda::Micros;
use super::stats::{LogHistogram, Moments, TimeWeighted};
use std::collections::VecDeque;

mod replicas;

/// No call / no slot.
pub const NONE: u32 = u32::MAX;

/// The life of one replica.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplicaState {
    /// Started, not serving until its start-up delay is over.
    Starting,
    /// Restarted after a crash, waiting for a health check to pass before it serves.
    Probation,
    /// Serving.
    Ready,
    /// Finishing what it serves, taking nothing new (scaled down).
    Draining,
    /// Crashed; callers that still send to it fail until a health check takes it out.
    Dead,
    /// Gone; its index may be reused.
    Removed,
}

/// One replica.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Replica {
    /// Where it is in its life.
    pub state: ReplicaState,
    /// Bumped whenever it stops, so that stale start-up events are ignored.
    pub incarnation: u32,
    /// Requests it is serving.
    pub busy: u32,
    /// Dead, but callers have not noticed yet.
    pub in_rotation: bool,
    /// Health checks failed in a row.
    pub probe_failures: u32,
}

/// What happened to an arriving call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    /// A server took it: start serving in this slot.
    Serve(u32),
    /// It waits in the queue.
    Queued,
    /// The queue is full.
    Rejected,
    /// It was sent to a crashed replica that is still in rotation.
    DeadReplica,
    /// No replica is running.
    NoReplica,
}

/// Measurements of one station.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StationStats {
    /// Calls that arrived.
    pub arrivals: u64,
    /// Calls whose service finished.
    pub served: u64,
    /// Calls turned away because the queue was full.
    pub rejected: u64,
    /// Time from arrival to start of service, in µs.
    pub wait: Moments,
    /// The same, as a histogram.
    pub wait_histogram: LogHistogram,
    /// Calls waiting.
    pub queue_length: TimeWeighted,
    /// Busy servers.
    pub busy: TimeWeighted,
    /// Servers of ready replicas (what utilisation is relative to).
    pub servers: TimeWeighted,
    /// Times the no-idle-server-while-queued invariant was found broken.
    pub invariant_violations: u64,
    /// Calls waiting when measurement began (0 without a warm-up).
    pub queued_at_start: u64,
}

/// One station.
#[derive(Clone, Debug)]
pub struct Station {
    /// Index of the component it belongs to.
    pub node: u32,
    /// Mean service time, µs.
    pub mean_service_us: f64,
    /// Servers per replica.
    pub concurrency: u32,
    /// Waiting places per ready replica; `None` for an unbounded queue (bus channels bound it instead).
    pub queue_per_replica: Option<u32>,
    /// Replicas, by index.
    pub replicas: Vec<Replica>,
    /// Replicas in state Ready.
    pub ready_replicas: u32,
    /// Crashed replicas still in rotation.
    pub dead_in_rotation: u32,
    /// Servers busy.
    pub busy: u32,
    /// Extra service time from a latency fault, µs.
    pub extra_latency_us: u64,
    /// Measurements.
    pub stats: StationStats,
    queue: VecDeque<(u32, Micros)>,
    free_slots: Vec<u32>,
    slot_call: Vec<u32>,
    rotation_cursor: usize,
}

impl Station {
    /// A station with `ready` replicas serving from time 0.
    pub fn new(
        node: u32,
        mean_service_us: f64,
        concurrency: u32,
        queue_per_replica: Option<u32>,
        ready: u32,
    ) -> Station {
        let mut station = Station {
            node,
            mean_service_us,
            concurrency: concurrency.max(1),
            queue_per_replica,
            replicas: Vec::new(),
            ready_replicas: 0,
            dead_in_rotation: 0,
            busy: 0,
            extra_latency_us: 0,
            stats: StationStats::default(),
            queue: VecDeque::new(),
            free_slots: Vec::new(),
            slot_call: Vec::new(),
            rotation_cursor: 0,
        };
        for _ in 0..ready {
            let replica = station.add_replica();
            station.make_ready(0, replica);
        }
        station
    }

    /// Servers of ready replicas.
    pub fn servers(&self) -> u32 {
        self.ready_replicas * self.concurrency
    }

    /// Calls waiting.
    pub fn queue_length(&self) -> usize {
        self.queue.len()
    }

    /// Decides what happens to a call arriving now.
    #[inline]
    pub fn admit(&mut self, now: Micros, call: u32) -> Admission {
        self.stats.arrivals += 1;
        if self.dead_in_rotation > 0 && self.sent_to_dead_replica() {
            return Admission::DeadReplica;
        }
        if let Some(slot) = self.take_free_slot() {
            self.occupy(now, slot, call);
            self.stats.wait.record(0);
            self.stats.wait_histogram.record(0);
            return Admission::Serve(slot);
        }
        if self.ready_replicas == 0 {
            return Admission::NoReplica;
        }
        let room = self.queue_per_replica.map_or(usize::MAX, |per| {
            per as usize * self.ready_replicas as usize
        });
        if self.queue.len() >= room {
            self.stats.rejected += 1;
            return Admission::Rejected;
        }
        self.queue.push_back((call, now));
        self.stats.queue_length.set(now, self.queue.len() as u64);
        Admission::Queued
    }

    /// Frees `slot` after its call's service; returns the next queued call and
    /// the slot it now occupies, if a server is free and a call waits.
    #[inline]
    pub fn release(&mut self, now: Micros, slot: u32) -> Option<(u32, u32)> {
        self.stats.served += 1;
        self.vacate(now, slot, true);
        self.next_from_queue(now)
    }

    /// Starts the next queued call if a server is free.
    pub fn next_from_queue(&mut self, now: Micros) -> Option<(u32, u32)> {
        if self.queue.is_empty() {
            return None;
        }
        let slot = self.take_free_slot()?;
        let (call, since) = self.queue.pop_front()?;
        self.stats.queue_length.set(now, self.queue.len() as u64);
        let waited = now - since;
        self.stats.wait.record(waited);
        self.stats.wait_histogram.record(waited);
        self.occupy(now, slot, call);
        Some((call, slot))
    }

    /// Whether the invariants hold now; a broken one is counted.
    #[inline]
    pub fn check_invariant(&mut self) -> bool {
        // Every idle server of a ready replica has its slot on the free stack, and
        // a dispatch that found no server emptied the stack; so a waiting call
        // next to a non-empty stack means a dispatch was missed.
        let holds = self.queue.is_empty() || self.free_slots.is_empty();
        if !holds {
            self.stats.invariant_violations += 1;
        }
        debug_assert!(holds, "an idle server while calls wait");
        holds
    }

    /// Starts measuring afresh (after the warm-up).
    pub fn restart_statistics(&mut self, now: Micros) {
        self.stats.arrivals = 0;
        self.stats.served = 0;
        self.stats.rejected = 0;
        self.stats.wait = Moments::default();
        self.stats.wait_histogram.clear();
        self.stats.queue_length.restart(now);
        self.stats.queued_at_start = self.queue.len() as u64;
        self.stats.busy.restart(now);
        self.stats.servers.restart(now);
    }

    /// Which call a slot serves.
    pub fn call_in_slot(&self, slot: u32) -> u32 {
        self.slot_call.get(slot as usize).copied().unwrap_or(NONE)
    }

    fn slot_usable(&self, slot: u32) -> bool {
        self.replicas[(slot / self.concurrency) as usize].state == ReplicaState::Ready
            && self.slot_call[slot as usize] == NONE
    }

    #[inline]
    fn take_free_slot(&mut self) -> Option<u32> {
        while let Some(slot) = self.free_slots.pop() {
            if self.slot_usable(slot) {
                return Some(slot);
            }
        }
        None
    }

    #[inline]
    fn occupy(&mut self, now: Micros, slot: u32, call: u32) {
        self.slot_call[slot as usize] = call;
        self.replicas[(slot / self.concurrency) as usize].busy += 1;
        self.busy += 1;
        self.stats.busy.set(now, u64::from(self.busy));
    }

    #[inline]
    fn vacate(&mut self, now: Micros, slot: u32, reusable: bool) {
        self.slot_call[slot as usize] = NONE;
        self.busy -= 1;
        self.stats.busy.set(now, u64::from(self.busy));
        let r = &mut self.replicas[(slot / self.concurrency) as usize];
        r.busy -= 1;
        match r.state {
            ReplicaState::Ready if reusable => self.free_slots.push(slot),
            ReplicaState::Draining if r.busy == 0 => r.state = ReplicaState::Removed,
            _ => {}
        }
    }

    /// Round robin over the replicas callers send to; true if this arrival hit a dead one.
    fn sent_to_dead_replica(&mut self) -> bool {
        let n = self.replicas.len();
        for _ in 0..n {
            self.rotation_cursor = (self.rotation_cursor + 1) % n;
            let r = &self.replicas[self.rotation_cursor];
            match r.state {
                ReplicaState::Ready => return false,
                ReplicaState::Dead if r.in_rotation => return true,
                _ => {}
            }
        }
        false
    }
}
