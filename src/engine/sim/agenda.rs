//! The agenda: every future event, in the order it will happen.
//!
//! What must stay true: time is an integer number of microseconds; events at
//! the same microsecond happen in the order they were scheduled (a monotonic
//! sequence number breaks ties), so no float is ever compared and no two runs
//! can order events differently. The heap holds plain values: scheduling
//! allocates only when the heap outgrows its largest size so far.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Simulated time in microseconds since the start of the run.
pub type Micros = u64;

/// Everything that can happen. Indices point into the simulation's own tables
/// (clients, the call pool, stations, scalers, checkers, faults); events that
/// concern a call carry its generation so that an event for a call that has
/// since ended (and whose slot was reused) is recognised and ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A client sends its next request.
    ClientSends {
        /// Index of the client.
        client: u32,
    },
    /// A call reaches its target after the network hop.
    CallArrives {
        /// The call.
        call: u32,
        /// Its generation when scheduled.
        generation: u32,
    },
    /// A server finishes its own work on a call.
    ServiceDone {
        /// The call.
        call: u32,
        /// Its generation when scheduled.
        generation: u32,
    },
    /// A caller stops waiting for a call.
    CallTimeout {
        /// The call waited for.
        call: u32,
        /// Its generation when scheduled.
        generation: u32,
    },
    /// A caller's back-off before retrying a failed call is over.
    RetryDue {
        /// The caller.
        call: u32,
        /// Its generation when scheduled.
        generation: u32,
    },
    /// The warm-up is over: statistics start afresh.
    WarmupEnds,
    /// An autoscaler evaluates its service.
    AutoscalerTick {
        /// Index of the autoscaler.
        scaler: u32,
    },
    /// A starting replica is ready to serve.
    ReplicaReady {
        /// The station it belongs to.
        station: u32,
        /// The replica.
        replica: u32,
        /// The replica's incarnation when it started.
        incarnation: u32,
    },
    /// A health checker probes the replicas behind it.
    HealthCheck {
        /// Index of the checker.
        checker: u32,
    },
    /// A failed probe's timeout has passed: the verdict takes effect.
    ProbeVerdict {
        /// The station probed.
        station: u32,
        /// The replica probed.
        replica: u32,
    },
    /// A scheduled fault begins.
    FaultStarts {
        /// Index into the options' faults.
        fault: u32,
    },
    /// A scheduled fault is over.
    FaultEnds {
        /// Index into the options' faults.
        fault: u32,
    },
}

/// One scheduled event.
#[derive(Clone, Copy, Debug)]
struct Scheduled {
    time: Micros,
    sequence: u64,
    event: Event,
}

impl PartialEq for Scheduled {
    fn eq(&self, other: &Scheduled) -> bool {
        self.time == other.time && self.sequence == other.sequence
    }
}

impl Eq for Scheduled {}

impl PartialOrd for Scheduled {
    fn partial_cmp(&self, other: &Scheduled) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Scheduled {
    fn cmp(&self, other: &Scheduled) -> Ordering {
        // Reversed: the standard heap is a max-heap and the earliest event must come first.
        (other.time, other.sequence).cmp(&(self.time, self.sequence))
    }
}

/// The future events of one run.
#[derive(Clone, Debug, Default)]
pub struct Agenda {
    heap: BinaryHeap<Scheduled>,
    next_sequence: u64,
}

impl Agenda {
    /// An empty agenda with room for `capacity` events.
    pub fn with_capacity(capacity: usize) -> Agenda {
        Agenda { heap: BinaryHeap::with_capacity(capacity), next_sequence: 0 }
    }

    /// Schedules `event` at `time`.
    #[inline]
    pub fn schedule(&mut self, time: Micros, event: Event) {
        let sequence = self.next_sequence;
        self.next_sequence += 1;
        self.heap.push(Scheduled { time, sequence, event });
    }

    /// Time of the earliest event, if any.
    #[inline]
    pub fn peek_time(&self) -> Option<Micros> {
        self.heap.peek().map(|scheduled| scheduled.time)
    }

    /// Removes and returns the earliest event with its time.
    #[inline]
    pub fn pop(&mut self) -> Option<(Micros, Event)> {
        self.heap.pop().map(|scheduled| (scheduled.time, scheduled.event))
    }

    /// Number of pending events.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether nothing is pending.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}
