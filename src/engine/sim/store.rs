//! What caches and event stores hold during a run.
//!
//! - [`CacheStore`]: when each key's entry expires. A key space that fits the
//!   cache's share of [`super::limits::CACHE_ENTRIES`] is a plain array, exact;
//!   a larger one a direct-mapped table of that many slots, where storing a key
//!   evicts whatever key held its slot (a cache of bounded size).
//! - [`EventLog`]: the (type, time) of every event an event store recorded,
//!   one time-ordered list per type, queried by type and time range.
//!
//! What must stay true: lookups are O(1) (cache) and O(log n) (log queries);
//! a cache never holds more slots than its capacity and allocates only when
//! made; the log keeps at most its capacity of entries and counts the rest.

use super::agenda::Micros;

/// Expiry times of one cache's entries.
#[derive(Clone, Debug)]
pub enum CacheStore {
    /// Indexed by key; 0 means absent.
    Dense(Vec<Micros>),
    /// Direct-mapped: key k may only live in slot [`slot_of`]`(k)`.
    Table {
        /// The key each slot holds.
        keys: Vec<u32>,
        /// When each slot's entry expires; 0 means empty.
        expiries: Vec<Micros>,
    },
}

/// The slot of `key` in a table of `len` slots (multiplicative hashing, the
/// same on every run).
#[inline]
fn slot_of(key: u32, len: usize) -> usize {
    let hash = u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
    ((hash * len as u64) >> 32) as usize
}

impl CacheStore {
    /// An empty cache over `key_space` keys holding at most `capacity` entries.
    pub fn new(key_space: u32, capacity: u32) -> CacheStore {
        if key_space <= capacity {
            CacheStore::Dense(vec![0; key_space.max(1) as usize])
        } else {
            let slots = capacity.max(1) as usize;
            CacheStore::Table {
                keys: vec![0; slots],
                expiries: vec![0; slots],
            }
        }
    }

    /// Whether `key` has an entry that has not expired at `now`.
    #[inline]
    pub fn is_fresh(&self, key: u32, now: Micros) -> bool {
        let expiry = match self {
            CacheStore::Dense(expiries) => expiries.get(key as usize).copied().unwrap_or(0),
            CacheStore::Table { keys, expiries } => {
                let slot = slot_of(key, keys.len());
                if keys[slot] == key {
                    expiries[slot]
                } else {
                    0
                }
            }
        };
        now < expiry
    }

    /// Stores `key` until `expiry`.
    #[inline]
    pub fn store(&mut self, key: u32, expiry: Micros) {
        match self {
            CacheStore::Dense(expiries) => {
                if let Some(slot) = expiries.get_mut(key as usize) {
                    *slot = expiry;
                }
            }
            CacheStore::Table { keys, expiries } => {
                let slot = slot_of(key, keys.len());
                keys[slot] = key;
                expiries[slot] = expiry;
            }
        }
    }

    /// Drops `key`'s entry.
    #[inline]
    pub fn invalidate(&mut self, key: u32) {
        match self {
            CacheStore::Dense(expiries) => {
                if let Some(slot) = expiries.get_mut(key as usize) {
                    *slot = 0;
                }
            }
            CacheStore::Table { keys, expiries } => {
                let slot = slot_of(key, keys.len());
                if keys[slot] == key {
                    expiries[slot] = 0;
                }
            }
        }
    }
}

/// The events one event store recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventLog {
    /// Times (µs) per topic id, in recording order (which is time order).
    times: Vec<Vec<Micros>>,
    recorded: u64,
    capacity: u64,
    /// Events not kept because the log was full.
    pub overflow: u64,
}

impl EventLog {
    /// A log for `topics` topic ids keeping at most `capacity` entries.
    pub fn new(topics: usize, capacity: u64) -> EventLog {
        EventLog {
            times: vec![Vec::new(); topics],
            recorded: 0,
            capacity,
            overflow: 0,
        }
    }

    /// Records an event of `topic` at `time`.
    pub fn record(&mut self, topic: u32, time: Micros) {
        if self.recorded >= self.capacity {
            self.overflow += 1;
            return;
        }
        if let Some(times) = self.times.get_mut(topic as usize) {
            times.push(time);
            self.recorded += 1;
        }
    }

    /// Times of the events of `topic` recorded in `[from, to)`.
    pub fn query(&self, topic: u32, from: Micros, to: Micros) -> &[Micros] {
        let Some(times) = self.times.get(topic as usize) else {
            return &[];
        };
        let start = times.partition_point(|&t| t < from);
        let end = times.partition_point(|&t| t < to).max(start);
        &times[start..end]
    }

    /// Events recorded per topic id.
    pub fn counts(&self) -> Vec<u64> {
        self.times.iter().map(|times| times.len() as u64).collect()
    }

    /// Events recorded in all.
    pub fn recorded(&self) -> u64 {
        self.recorded
    }
}
