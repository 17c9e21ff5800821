//! The call pool: every call in flight lives in one `Vec`, addressed by index,
//! and ended calls go on a free list for reuse.
//!
//! A call is one visit of a request (or of an event) to one component. A
//! request is the tree of calls under a client's root call; a caller waits
//! for one child at a time (fan-out is sequential).
//!
//! What must stay true: after the pool has grown to the largest number of
//! calls alive at once, taking and returning calls never allocates; every
//! return bumps the call's generation, so events scheduled for an earlier
//! occupant of the slot are recognised as stale.

use super::agenda::Micros;
use super::station::NONE;

/// Flags of a call.
pub mod flag {
    /// The request only reads.
    pub const READ: u8 = 1;
    /// The call carries an event, not a request.
    pub const EVENT: u8 = 2;
    /// A cache missed on this read and went to its store.
    pub const CACHE_MISS: u8 = 4;
    /// Its caller gave up waiting: nobody hears its answer.
    pub const ORPHAN: u8 = 8;
    /// It holds a place in a bus channel until the bus has handled it.
    pub const IN_CHANNEL: u8 = 16;
}

/// One visit of a request or event to one component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Call {
    /// Bumped whenever the call ends.
    pub generation: u32,
    /// The caller waiting for this call, or [`NONE`].
    pub parent: u32,
    /// Component index it visits.
    pub node: u32,
    /// Station it queues at, or [`NONE`].
    pub station: u32,
    /// Server slot while in service, or [`NONE`].
    pub slot: u32,
    /// The child call being waited for, or [`NONE`].
    pub child: u32,
    /// Component index of that child's target (for least connections and breakers).
    pub child_node: u32,
    /// Key the request touches.
    pub key: u32,
    /// Topic of an event.
    pub topic: u32,
    /// Progress through the component's behaviour.
    pub stage: u16,
    /// Attempts made at the current stage's call.
    pub attempts: u8,
    /// See [`flag`].
    pub flags: u8,
    /// Calls above it in its request (a guard against call loops).
    pub depth: u8,
    /// When it reached this component.
    pub arrived_at: Micros,
}

impl Call {
    /// Whether `flag` is set.
    #[inline]
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Every call alive, plus the free list.
#[derive(Clone, Debug, Default)]
pub struct CallPool {
    calls: Vec<Call>,
    free: Vec<u32>,
    alive: u32,
}

impl CallPool {
    /// A pool with room for `capacity` calls before it grows.
    pub fn with_capacity(capacity: usize) -> CallPool {
        CallPool {
            calls: Vec::with_capacity(capacity),
            free: Vec::with_capacity(capacity),
            alive: 0,
        }
    }

    /// A fresh call at component `node`; returns its index.
    #[inline]
    pub fn take(
        &mut self,
        node: u32,
        parent: u32,
        flags: u8,
        key: u32,
        topic: u32,
        now: Micros,
    ) -> u32 {
        self.alive += 1;
        let fresh = |generation| Call {
            generation,
            parent,
            node,
            station: NONE,
            slot: NONE,
            child: NONE,
            child_node: NONE,
            key,
            topic,
            stage: 0,
            attempts: 0,
            flags,
            depth: 0,
            arrived_at: now,
        };
        if let Some(index) = self.free.pop() {
            let call = &mut self.calls[index as usize];
            *call = fresh(call.generation);
            index
        } else {
            self.calls.push(fresh(0));
            (self.calls.len() - 1) as u32
        }
    }

    /// Ends a call: its index becomes free and its generation moves on.
    #[inline]
    pub fn give_back(&mut self, index: u32) {
        let call = &mut self.calls[index as usize];
        call.generation = call.generation.wrapping_add(1);
        self.alive -= 1;
        self.free.push(index);
    }

    /// The call at `index`.
    #[inline]
    pub fn get(&self, index: u32) -> &Call {
        &self.calls[index as usize]
    }

    /// The call at `index`, mutably.
    #[inline]
    pub fn get_mut(&mut self, index: u32) -> &mut Call {
        &mut self.calls[index as usize]
    }

    /// Whether `index` still holds the call of `generation`.
    #[inline]
    pub fn is_current(&self, index: u32, generation: u32) -> bool {
        self.calls
            .get(index as usize)
            .is_some_and(|call| call.generation == generation)
    }

    /// Calls alive.
    pub fn alive(&self) -> u32 {
        self.alive
    }
}
