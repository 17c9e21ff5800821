//! The simulator's random source and the distributions it draws from.
//!
//! What must stay true: one seeded generator (xoshiro256++) is passed in, never
//! a global one, and every transcendental function comes from `libm`, a pure
//! Rust implementation that gives the same bits on every platform (wasm32
//! included), so the same seed gives the same run everywhere. That includes
//! `rand_distr`'s exponential (its ziggurat), which this crate builds without
//! `std_math`, so its rare logarithms and exponentials go through `libm` too.
//! Durations are returned as integer microseconds, rounded to nearest.

use super::options::ServiceTimeDistribution;
use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The seeded generator of one run.
#[derive(Clone, Debug)]
pub struct SimRng {
    inner: Xoshiro256PlusPlus,
}

impl SimRng {
    /// A generator whose whole sequence follows from `seed`.
    pub fn new(seed: u64) -> SimRng {
        SimRng {
            inner: Xoshiro256PlusPlus::seed_from_u64(seed),
        }
    }

    /// The next raw 64 bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }

    /// Uniform in [0, 1), with 53 random bits.
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform integer in [0, n); 0 when n is 0 (Lemire's multiply-shift, unbiased).
    #[inline]
    pub fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        let n = u64::from(n);
        loop {
            let product = u128::from(self.next_u64()) * u128::from(n);
            let low = product as u64;
            if low >= n || low >= n.wrapping_neg() % n {
                return (product >> 64) as u32;
            }
        }
    }

    /// True with probability `p`.
    #[inline]
    pub fn chance(&mut self, p: f64) -> bool {
        p > 0.0 && (p >= 1.0 || self.uniform() < p)
    }

    /// Exponential with mean 1: `rand_distr`'s ziggurat (Marsaglia and
    /// Tsang), which takes one 64-bit draw and a table look-up for about 98.9 %
    /// of samples and a logarithm only in the rest. Inverting a uniform
    /// (`-ln(1 - u)`) costs a logarithm on every sample, which was a quarter of
    /// the simulator's time.
    #[inline]
    pub fn standard_exponential(&mut self) -> f64 {
        rand_distr::Distribution::<f64>::sample(&rand_distr::Exp1, &mut self.inner)
    }

    /// Standard normal (Box-Muller, one of the pair).
    pub fn standard_normal(&mut self) -> f64 {
        let radius = libm::sqrt(2.0 * self.standard_exponential());
        radius * libm::cos(2.0 * std::f64::consts::PI * self.uniform())
    }

    /// Exponential duration with the given mean, in whole microseconds.
    #[inline]
    pub fn exponential_us(&mut self, mean_us: f64) -> u64 {
        to_micros(self.standard_exponential() * mean_us)
    }
}

/// Rounds a non-negative duration in microseconds to an integer, saturating.
#[inline]
pub fn to_micros(value: f64) -> u64 {
    if value > 0.0 {
        // `as` saturates for huge values and `round` is exact in IEEE arithmetic.
        (value + 0.5) as u64
    } else {
        0
    }
}

/// Seconds to whole microseconds.
pub fn seconds_to_micros(seconds: f64) -> u64 {
    to_micros(seconds * 1e6)
}

/// Draws service times of a given mean under one distribution.
#[derive(Clone, Copy, Debug)]
pub enum ServiceSampler {
    /// Exponential.
    Exponential,
    /// Always the mean.
    Fixed,
    /// Log-normal: sigma and the shift -sigma^2 / 2 that keeps the mean.
    LogNormal {
        /// Standard deviation of the logarithm.
        sigma: f64,
        /// ln of (mean / median).
        shift: f64,
    },
}

impl ServiceSampler {
    /// The sampler for a service-time distribution of the run plan.
    pub fn new(distribution: ServiceTimeDistribution) -> ServiceSampler {
        match distribution {
            ServiceTimeDistribution::Exponential => ServiceSampler::Exponential,
            ServiceTimeDistribution::Fixed => ServiceSampler::Fixed,
            ServiceTimeDistribution::LogNormal { cv } => {
                let variance = libm::log(1.0 + cv * cv);
                ServiceSampler::LogNormal {
                    sigma: libm::sqrt(variance),
                    shift: -variance / 2.0,
                }
            }
        }
    }

    /// One service time with mean `mean_us`, in microseconds.
    #[inline]
    pub fn sample(self, rng: &mut SimRng, mean_us: f64) -> u64 {
        match self {
            ServiceSampler::Exponential => rng.exponential_us(mean_us),
            ServiceSampler::Fixed => to_micros(mean_us),
            ServiceSampler::LogNormal { sigma, shift } => {
                to_micros(mean_us * libm::exp(shift + sigma * rng.standard_normal()))
            }
        }
    }
}

/// Zipf over ranks 1..=n by rejection-inversion (Hoermann and Derflinger
/// 1996): constant expected time and no table, so huge key spaces cost nothing.
#[derive(Clone, Copy, Debug)]
pub struct ZipfSampler {
    n: f64,
    exponent: f64,
    h_integral_x1: f64,
    h_integral_n: f64,
    s: f64,
}

impl ZipfSampler {
    /// Ranks 1..=n (n at least 1) with weights 1 / k^exponent (exponent > 0).
    pub fn new(n: u32, exponent: f64) -> ZipfSampler {
        let mut sampler = ZipfSampler {
            n: f64::from(n.max(1)),
            exponent,
            h_integral_x1: 0.0,
            h_integral_n: 0.0,
            s: 0.0,
        };
        sampler.h_integral_x1 = sampler.h_integral(1.5) - 1.0;
        sampler.h_integral_n = sampler.h_integral(sampler.n + 0.5);
        sampler.s = 2.0 - sampler.h_integral_inverse(sampler.h_integral(2.5) - sampler.h(2.0));
        sampler
    }

    /// A key in [0, n): rank minus one, so key 0 is the most popular.
    pub fn sample(&self, rng: &mut SimRng) -> u32 {
        loop {
            let u = self.h_integral_n + rng.uniform() * (self.h_integral_x1 - self.h_integral_n);
            let x = self.h_integral_inverse(u);
            let k = libm::floor(x + 0.5).clamp(1.0, self.n);
            if k - x <= self.s || u >= self.h_integral(k + 0.5) - self.h(k) {
                return k as u32 - 1;
            }
        }
    }

    fn h(&self, x: f64) -> f64 {
        libm::exp(-self.exponent * libm::log(x))
    }

    fn h_integral(&self, x: f64) -> f64 {
        let log_x = libm::log(x);
        helper_expm1_over_x((1.0 - self.exponent) * log_x) * log_x
    }

    fn h_integral_inverse(&self, x: f64) -> f64 {
        let t = (x * (1.0 - self.exponent)).max(-1.0);
        libm::exp(helper_log1p_over_x(t) * x)
    }
}

/// ln(1 + x) / x, continuous at 0.
fn helper_log1p_over_x(x: f64) -> f64 {
    if x.abs() > 1e-8 {
        libm::log1p(x) / x
    } else {
        1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x))
    }
}

/// (e^x - 1) / x, continuous at 0.
fn helper_expm1_over_x(x: f64) -> f64 {
    if x.abs() > 1e-8 {
        libm::expm1(x) / x
    } else {
        1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + 0.25 * x))
    }
}
