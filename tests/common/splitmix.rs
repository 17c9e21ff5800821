//! A small seeded random source (SplitMix64), so the tests need no RNG crate.
//! Shared by the engine tests' mutations and the share tests' generated
//! designs and fuzzing (and, through `tests/share/generate.rs`, the link-length
//! benchmark); each includes this file with `#[path]`.
//!
//! What must stay true: the sequence for a seed never changes, since tests
//! (and the benchmark's figures) are reproducible only through it. No clock,
//! no entropy: the seed is the whole state.

// Each test binary uses only part of this file.
#![allow(dead_code)]

/// SplitMix64: the state is the seed, advanced by a fixed odd step per draw.
#[derive(Clone, Debug)]
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `percent` / 100.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}
