//! What caches and event stores hold during a run.
//!
//! - [`CacheStore`]: when each key's entry expires. A key space of up to 2^20
//!   keys is a plain array; a larger one a hash map with a fixed hasher, used
//!   only for lookups (never iterated), so results stay deterministic.
//! - [`EventLog`]: the (type, time) of every event an event store recorded,
//!   one time-ordered list per type, queried by type and time range.
//!
//! What must stay true: lookups are O(1) (cache) and O(log n) (log queries);
//! the log keeps at most [`EventLog::CAPACITY`] entries and counts the rest.

use super::agenda::Micros;
// tidy: allow(HashMap) the sparse cache is only looked up, never iterated, and its hasher is fixed
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Key spaces up to this size use a dense array.
const DENSE_LIMIT: u32 = 1 << 20;

/// A multiplicative hasher for `u32` keys: fast, and the same on every run.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u32(&mut self, value: u32) {
        self.0 = u64::from(value).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Expiry times of one cache's entries.
#[derive(Clone, Debug)]
pub enum CacheStore {
    /// Indexed by key; 0 means absent.
    Dense(Vec<Micros>),
    /// Present keys only.
    Sparse(HashMap<u32, Micros, BuildHasherDefault<KeyHasher>>),
}

impl CacheStore {
    /// An empty cache over `key_space` keys.
    pub fn new(key_space: u32) -> CacheStore {
        if key_space <= DENSE_LIMIT {
            CacheStore::Dense(vec![0; key_space.max(1) as usize])
        } else {
            CacheStore::Sparse(HashMap::default())
        }
    }

    /// Whether `key` has an entry that has not expired at `now`.
    #[inline]
    pub fn is_fresh(&self, key: u32, now: Micros) -> bool {
        let expiry = match self {
            CacheStore::Dense(expiries) => expiries.get(key as usize).copied().unwrap_or(0),
            CacheStore::Sparse(map) => map.get(&key).copied().unwrap_or(0),
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
            CacheStore::Sparse(map) => {
                map.insert(key, expiry);
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
            CacheStore::Sparse(map) => {
                map.remove(&key);
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
    /// Events not kept because the log was full.
    pub overflow: u64,
}

impl EventLog {
    /// Most entries kept per store.
    pub const CAPACITY: u64 = 4_000_000;

    /// A log for `topics` topic ids.
    pub fn new(topics: usize) -> EventLog {
        EventLog {
            times: vec![Vec::new(); topics],
            recorded: 0,
            overflow: 0,
        }
    }

    /// Records an event of `topic` at `time`.
    pub fn record(&mut self, topic: u32, time: Micros) {
        if self.recorded >= EventLog::CAPACITY {
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
