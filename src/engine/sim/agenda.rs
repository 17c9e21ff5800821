//! The agenda: every future event, in the order it will happen.
//!
//! What must stay true: time is an integer number of microseconds; events at
//! the same microsecond happen in the order they were scheduled (a monotonic
//! sequence number breaks ties), so no float is ever compared and no two runs
//! can order events differently. The heap holds plain values: scheduling
//! allocates only when the heap outgrows its largest size so far.
//!
//! The simulator takes an event with [`Agenda::take_first`], which leaves it
//! at the root until [`Agenda::settle`]: most events schedule one follow-up
//! (the next arrival, the next service end), and that one then replaces the
//! root in a single sift down instead of a removal and an insertion. Which
//! event comes next still depends only on (time, sequence).

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
        /// Index of the checker whose probes failed.
        checker: u32,
        /// The station probed.
        station: u32,
        /// The replica probed.
        replica: u32,
    },
    /// A scheduled fault begins.
    FaultStarts {
        /// Index into the run plan's faults.
        fault: u32,
    },
    /// A scheduled fault is over.
    FaultEnds {
        /// Index into the run plan's faults.
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

impl Scheduled {
    /// Whether `self` happens before `other`.
    #[inline(always)]
    fn before(&self, other: &Scheduled) -> bool {
        (self.time, self.sequence) < (other.time, other.sequence)
    }
}

/// The future events of one run.
#[derive(Clone, Debug, Default)]
pub struct Agenda {
    /// A binary min-heap on (time, sequence). Hand-written rather than
    /// `std::collections::BinaryHeap` because that one writes the last element
    /// into the root before sifting it, which stalls store forwarding on every
    /// pop; here the moving element stays in a local until its place is found.
    heap: Vec<Scheduled>,
    next_sequence: u64,
    /// Whether the root is an event already handed out by `take_first`: it
    /// counts as gone, and the next `schedule` (or `settle`) replaces it.
    taken: bool,
}

impl Agenda {
    /// An empty agenda with room for `capacity` events.
    pub fn with_capacity(capacity: usize) -> Agenda {
        Agenda {
            heap: Vec::with_capacity(capacity),
            next_sequence: 0,
            taken: false,
        }
    }

    /// Schedules `event` at `time`.
    #[inline]
    pub fn schedule(&mut self, time: Micros, event: Event) {
        let sequence = self.next_sequence;
        self.next_sequence += 1;
        let item = Scheduled {
            time,
            sequence,
            event,
        };
        if self.taken {
            // The root is gone: the new event takes its place, and a sift
            // down from the root restores the heap whatever its time.
            self.taken = false;
            self.sift_down(0, item);
            return;
        }
        let mut hole = self.heap.len();
        self.heap.push(item);
        while hole > 0 {
            let parent = (hole - 1) / 2;
            if !item.before(&self.heap[parent]) {
                break;
            }
            self.heap[hole] = self.heap[parent];
            hole = parent;
        }
        self.heap[hole] = item;
    }

    /// Time of the earliest event, if any.
    #[inline]
    pub fn peek_time(&self) -> Option<Micros> {
        if self.taken {
            // The smaller child of the taken root is the earliest of the rest.
            let children = self.heap.get(1..).unwrap_or_default();
            let first = children
                .iter()
                .take(2)
                .reduce(|a, b| if b.before(a) { b } else { a });
            return first.map(|scheduled| scheduled.time);
        }
        self.heap.first().map(|scheduled| scheduled.time)
    }

    /// Hands out the earliest event with its time, leaving it in place until
    /// [`Agenda::settle`] or the next [`Agenda::schedule`] replaces it.
    #[inline]
    pub fn take_first(&mut self) -> Option<(Micros, Event)> {
        self.settle();
        let top = self.heap.first()?;
        self.taken = true;
        Some((top.time, top.event))
    }

    /// Removes the event handed out by [`Agenda::take_first`] if nothing has
    /// replaced it yet.
    #[inline]
    pub fn settle(&mut self) {
        if self.taken {
            self.taken = false;
            self.remove_root();
        }
    }

    /// Removes and returns the earliest event with its time.
    #[inline]
    pub fn pop(&mut self) -> Option<(Micros, Event)> {
        self.settle();
        self.remove_root().map(|top| (top.time, top.event))
    }

    /// Removes and returns the root of the heap.
    #[inline]
    fn remove_root(&mut self) -> Option<Scheduled> {
        let top = *self.heap.first()?;
        let last = self.heap.pop()?;
        let len = self.heap.len();
        if len > 0 {
            // Floyd: move the hole down along the smaller children to the
            // bottom, then let the former last element rise into place.
            let mut hole = 0;
            loop {
                let mut child = 2 * hole + 1;
                if child >= len {
                    break;
                }
                if child + 1 < len && self.heap[child + 1].before(&self.heap[child]) {
                    child += 1;
                }
                self.heap[hole] = self.heap[child];
                hole = child;
            }
            while hole > 0 {
                let parent = (hole - 1) / 2;
                if !last.before(&self.heap[parent]) {
                    break;
                }
                self.heap[hole] = self.heap[parent];
                hole = parent;
            }
            self.heap[hole] = last;
        }
        Some(top)
    }

    /// Drops every event `keep` refuses, then restores the heap. Order of the
    /// rest is unchanged: it depends only on (time, sequence), never on where
    /// an event sits in the heap.
    pub fn retain(&mut self, mut keep: impl FnMut(&Event) -> bool) {
        self.settle();
        self.heap.retain(|scheduled| keep(&scheduled.event));
        for start in (0..self.heap.len() / 2).rev() {
            self.sift_down(start, self.heap[start]);
        }
    }

    /// Puts `item` at `hole` or below it, moving the earlier of the children
    /// up while one comes before `item`.
    #[inline]
    fn sift_down(&mut self, mut hole: usize, item: Scheduled) {
        let len = self.heap.len();
        loop {
            let mut child = 2 * hole + 1;
            if child >= len {
                break;
            }
            if child + 1 < len && self.heap[child + 1].before(&self.heap[child]) {
                child += 1;
            }
            if !self.heap[child].before(&item) {
                break;
            }
            self.heap[hole] = self.heap[child];
            hole = child;
        }
        self.heap[hole] = item;
    }

    /// Number of pending events.
    pub fn len(&self) -> usize {
        self.heap.len() - usize::from(self.taken)
    }

    /// Whether nothing is pending.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
