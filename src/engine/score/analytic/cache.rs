//! A cache's hit ratio, derived from its TTL, the rates reaching it, the key
//! space and the key popularity: the one model of the TTL knob, which the
//! estimate routes with and the simulator's cache behaves as.
//!
//! The model is a TTL cache whose timer starts when a miss fills the entry
//! and is not refreshed by hits (as `sim::store::CacheStore` and the fill in
//! `sim::flow` do). For key k with popularity share p_k, reads arrive as a
//! Poisson stream at λ_k = p_k λ_read. A miss fills the entry, which then
//! lives for D_k = min(TTL, time to the next write of k) (writes invalidate,
//! and arrive at w_k = p_k λ_write), so E[D_k] = (1 - e^(-w_k TTL)) / w_k,
//! which is TTL without writes. Each fill is followed by λ_k E[D_k] hits on
//! average and then one miss, so (renewal argument)
//! h_k = λ_k E[D_k] / (1 + λ_k E[D_k]), the textbook λ TTL / (1 + λ TTL)
//! without writes, and the cache's hit ratio is Σ p_k h_k.
//!
//! Left out, on purpose: the time a fill takes (reads of a key while its miss
//! is still in flight also miss; a fill takes milliseconds, a TTL seconds) and
//! the run's bounded table (a run keeps at most `sim::limits::CACHE_ENTRIES`
//! entries over all caches; a larger key space evicts in the run, not here).
//!
//! What must stay true: the result is in [0, 1] for every input, never NaN;
//! the sum over a Zipf key space costs at most [`EXACT_RANKS`] terms plus a
//! fixed quadrature, whatever the key space.

use crate::engine::model::{Design, KeyPopularityKind};

/// Ranks summed term by term; the rest of a Zipf key space is integrated.
pub const EXACT_RANKS: u32 = 1_000;

/// Intervals of the Simpson rule over the tail (in log rank; even).
const TAIL_INTERVALS: usize = 512;

/// How requests spread over the key space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Popularity {
    /// Every key equally often.
    Uniform,
    /// Rank r (key r - 1) with weight 1 / r^exponent.
    Zipf {
        /// The Zipf exponent, above 0.
        exponent: f64,
    },
}

impl Popularity {
    /// The popularity a design's simulation settings choose.
    pub fn of(design: &Design) -> Popularity {
        let exponent = design.simulation.zipf_exponent;
        match design.simulation.key_popularity {
            KeyPopularityKind::Zipf if exponent.is_finite() && exponent > 0.0 => {
                Popularity::Zipf { exponent }
            }
            _ => Popularity::Uniform,
        }
    }
}

/// What one cache sees: rates reaching it and its TTL.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CacheLoad {
    /// Reads per second reaching the cache.
    pub read_rps: f64,
    /// Writes per second passing through it (each invalidates its key).
    pub write_rps: f64,
    /// Seconds an entry lives after the miss that filled it.
    pub ttl_s: f64,
    /// Distinct keys.
    pub key_space: u32,
    /// Key popularity.
    pub popularity: Popularity,
}

/// Hit ratio of one key read at `read_rate` and written at `write_rate` per second.
fn key_hit_ratio(read_rate: f64, write_rate: f64, ttl_s: f64) -> f64 {
    let y = write_rate * ttl_s;
    // E[min(TTL, Exp(w))] = (1 - e^-(w TTL)) / w, written to stay exact as w -> 0.
    let lifetime = if y > 1e-12 {
        -(-y).exp_m1() / write_rate
    } else {
        ttl_s
    };
    let hits_per_fill = read_rate * lifetime;
    if hits_per_fill.is_finite() {
        hits_per_fill / (1.0 + hits_per_fill)
    } else {
        1.0
    }
}

/// The cache's hit ratio over its reads, in [0, 1].
pub fn hit_ratio(load: CacheLoad) -> f64 {
    let clean = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let (reads, writes, ttl) = (
        clean(load.read_rps),
        clean(load.write_rps),
        clean(load.ttl_s),
    );
    if reads <= 0.0 || ttl <= 0.0 {
        return 0.0;
    }
    let n = load.key_space.max(1);
    let ratio = match load.popularity {
        Popularity::Uniform => {
            let share = 1.0 / f64::from(n);
            key_hit_ratio(reads * share, writes * share, ttl)
        }
        Popularity::Zipf { exponent } => zipf_hit_ratio(reads, writes, ttl, n, exponent),
    };
    if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Σ p_r h_r over Zipf ranks 1..=n: exact for the first [`EXACT_RANKS`]
/// ranks, the rest as the integral over [K + 1/2, n + 1/2] (the midpoint rule
/// read backwards; the terms vary slowly there), by Simpson's rule in log rank.
fn zipf_hit_ratio(reads: f64, writes: f64, ttl: f64, n: u32, exponent: f64) -> f64 {
    let weight = |r: f64| (-exponent * r.ln()).exp();
    let exact = n.min(EXACT_RANKS);
    let mut normaliser = 0.0;
    let mut weighted = 0.0;
    // First pass: normaliser, so that shares are known in the second.
    for r in 1..=exact {
        normaliser += weight(f64::from(r));
    }
    let (from, to) = (f64::from(exact) + 0.5, f64::from(n) + 0.5);
    if n > exact {
        normaliser += if (exponent - 1.0).abs() < 1e-12 {
            (to / from).ln()
        } else {
            (to.powf(1.0 - exponent) - from.powf(1.0 - exponent)) / (1.0 - exponent)
        };
    }
    let term = |r: f64| {
        let share = weight(r) / normaliser;
        share * key_hit_ratio(reads * share, writes * share, ttl)
    };
    for r in 1..=exact {
        weighted += term(f64::from(r));
    }
    if n > exact {
        let (a, b) = (from.ln(), to.ln());
        let step = (b - a) / TAIL_INTERVALS as f64;
        let f = |u: f64| term(u.exp()) * u.exp();
        let mut sum = f(a) + f(b);
        for i in 1..TAIL_INTERVALS {
            let factor = if i % 2 == 1 { 4.0 } else { 2.0 };
            sum += factor * f(a + step * i as f64);
        }
        weighted += sum * step / 3.0;
    }
    weighted
}

/// Σ p_r h_r over every rank, term by term (for tests of [`hit_ratio`]).
pub fn hit_ratio_exact(load: CacheLoad) -> f64 {
    let n = load.key_space.max(1);
    let exponent = match load.popularity {
        Popularity::Uniform => 0.0,
        Popularity::Zipf { exponent } => exponent,
    };
    let weight = |r: f64| (-exponent * r.ln()).exp();
    let normaliser: f64 = (1..=n).map(|r| weight(f64::from(r))).sum();
    (1..=n)
        .map(|r| {
            let share = weight(f64::from(r)) / normaliser;
            share * key_hit_ratio(load.read_rps * share, load.write_rps * share, load.ttl_s)
        })
        .sum()
}

/// Σ_{r=1}^{m} r^-s: exact for the first [`EXACT_RANKS`] ranks, the rest as
/// the integral over [K + 1/2, m + 1/2] (in closed form).
fn zipf_partial_sum(m: u32, exponent: f64) -> f64 {
    let exact = m.min(EXACT_RANKS);
    let mut sum: f64 = (1..=exact)
        .map(|r| (-exponent * f64::from(r).ln()).exp())
        .sum();
    if m > exact {
        let (from, to) = (f64::from(exact) + 0.5, f64::from(m) + 0.5);
        sum += if (exponent - 1.0).abs() < 1e-12 {
            (to / from).ln()
        } else {
            (to.powf(1.0 - exponent) - from.powf(1.0 - exponent)) / (1.0 - exponent)
        };
    }
    sum
}

/// The share of requests whose key lies in `start..end` of a key space of
/// `key_space` keys, under `popularity` (key k has rank k + 1). This is what
/// a range shard receives, as the run's key sampler sends it.
pub fn key_share(popularity: Popularity, key_space: u32, start: u32, end: u32) -> f64 {
    let n = key_space.max(1);
    let (start, end) = (start.min(n), end.min(n));
    if end <= start {
        return 0.0;
    }
    match popularity {
        Popularity::Uniform => f64::from(end - start) / f64::from(n),
        Popularity::Zipf { exponent } => {
            let total = zipf_partial_sum(n, exponent);
            let share =
                (zipf_partial_sum(end, exponent) - zipf_partial_sum(start, exponent)) / total;
            if share.is_finite() {
                share.clamp(0.0, 1.0)
            } else {
                0.0
            }
        }
    }
}
