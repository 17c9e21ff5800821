//! Streaming statistics: nothing here stores samples.
//!
//! - [`Moments`]: count, mean, variance and maximum as exact integer sums.
//! - [`LogHistogram`]: integer microseconds in log-linear buckets (32 per
//!   power of two, so a quantile is off by at most about 3 %; values below 32 µs
//!   are exact).
//! - [`TimeWeighted`]: the time average of a level (queue length, busy
//!   servers, requests in the system), as an exact integer area.
//!
//! What must stay true: recording is O(1) and never allocates; every result
//! is a plain number (an empty statistic reads as 0, never NaN).

use super::agenda::Micros;

/// Count, mean, variance and maximum of a stream of integer microseconds,
/// kept as exact integer sums: no division while recording, no rounding
/// drift, and the same bits on every platform (a Moments update would cost a
/// division per value and round at every step).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moments {
    count: u64,
    sum: u128,
    sum_squares: u128,
    max: u64,
}

impl Moments {
    /// Adds one value.
    #[inline]
    pub fn record(&mut self, value: Micros) {
        self.count += 1;
        self.sum += u128::from(value);
        self.sum_squares += u128::from(value) * u128::from(value);
        self.max = self.max.max(value);
    }

    /// Values recorded.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Their mean (0 when empty).
    pub fn mean(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.sum as f64 / self.count as f64
        }
    }

    /// Their sum.
    pub fn sum(&self) -> u128 {
        self.sum
    }

    /// Their sample variance (0 with fewer than two).
    pub fn variance(&self) -> f64 {
        if self.count < 2 {
            return 0.0;
        }
        let n = u128::from(self.count);
        // n * sum of squares - sum^2 is exact in integers (and never negative).
        let spread = (n * self.sum_squares).saturating_sub(self.sum * self.sum);
        spread as f64 / (n * (n - 1)) as f64
    }

    /// The largest value (0 when empty).
    pub fn max(&self) -> u64 {
        self.max
    }
}

const SUB_BITS: u32 = 5;
const SUB_BUCKETS: usize = 1 << SUB_BITS;
/// Values up to 2^42 µs (about 50 days) have their own bucket; larger ones share the last.
const TOP_EXPONENT: u32 = 42;
const BUCKETS: usize = (TOP_EXPONENT - SUB_BITS + 2) as usize * SUB_BUCKETS;

/// A log-linear histogram of microsecond values.
#[derive(Clone, Debug, PartialEq)]
pub struct LogHistogram {
    counts: Vec<u64>,
    total: u64,
}

impl Default for LogHistogram {
    fn default() -> LogHistogram {
        LogHistogram {
            counts: vec![0; BUCKETS],
            total: 0,
        }
    }
}

/// The bucket of a value.
#[inline]
fn bucket_of(value: u64) -> usize {
    if value < SUB_BUCKETS as u64 {
        return value as usize;
    }
    let exponent = 63 - value.leading_zeros();
    if exponent > TOP_EXPONENT {
        return BUCKETS - 1;
    }
    let mantissa = (value >> (exponent - SUB_BITS)) as usize & (SUB_BUCKETS - 1);
    (exponent - SUB_BITS + 1) as usize * SUB_BUCKETS + mantissa
}

/// The first value of a bucket, and the first value of the next one.
fn bucket_bounds(bucket: usize) -> (u64, u64) {
    if bucket < SUB_BUCKETS {
        return (bucket as u64, bucket as u64 + 1);
    }
    let shift = (bucket / SUB_BUCKETS - 1) as u32;
    let mantissa = (SUB_BUCKETS + bucket % SUB_BUCKETS) as u64;
    (mantissa << shift, (mantissa + 1) << shift)
}

impl LogHistogram {
    /// Adds one value.
    #[inline]
    pub fn record(&mut self, value: Micros) {
        self.counts[bucket_of(value)] += 1;
        self.total += 1;
    }

    /// Values recorded.
    pub fn count(&self) -> u64 {
        self.total
    }

    /// The `q`-quantile (q in [0, 1]), as the middle of its bucket; 0 when empty.
    pub fn quantile(&self, q: f64) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        let rank = ((q.clamp(0.0, 1.0) * self.total as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for (bucket, &count) in self.counts.iter().enumerate() {
            seen += count;
            if seen >= rank {
                let (low, high) = bucket_bounds(bucket);
                return (low as f64 + (high - 1) as f64) / 2.0;
            }
        }
        0.0
    }

    /// How many values exceed `threshold`. Exact when `threshold + 1` starts a
    /// bucket (every value below 32, and e.g. 2^k - 1); otherwise the bucket
    /// holding the threshold is split in proportion.
    pub fn count_above(&self, threshold: Micros) -> f64 {
        let home = bucket_of(threshold);
        let above: u64 = self.counts[home + 1..].iter().sum();
        let (low, high) = bucket_bounds(home);
        let share_above = (high - 1 - threshold) as f64 / (high - low) as f64;
        above as f64 + self.counts[home] as f64 * share_above
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.counts.iter_mut().for_each(|count| *count = 0);
        self.total = 0;
    }

    /// The `q`-quantile of the values recorded since `earlier` (a copy of this
    /// histogram taken before); 0 when none. If this histogram was cleared
    /// since, `earlier` is ignored.
    pub fn quantile_since(&self, earlier: &LogHistogram, q: f64) -> f64 {
        let cleared = earlier.total > self.total || earlier.counts.len() != self.counts.len();
        let since = |bucket: usize| {
            if cleared {
                self.counts[bucket]
            } else {
                self.counts[bucket].saturating_sub(earlier.counts[bucket])
            }
        };
        let total: u64 = (0..self.counts.len()).map(since).sum();
        if total == 0 {
            return 0.0;
        }
        let rank = ((q.clamp(0.0, 1.0) * total as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for bucket in 0..self.counts.len() {
            seen += since(bucket);
            if seen >= rank {
                let (low, high) = bucket_bounds(bucket);
                return (low as f64 + (high - 1) as f64) / 2.0;
            }
        }
        0.0
    }
}

/// The time average of an integer level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeWeighted {
    level: u64,
    last_change: Micros,
    start: Micros,
    area: u128,
}

impl TimeWeighted {
    /// Sets the level at time `now` (not before the last change).
    #[inline]
    pub fn set(&mut self, now: Micros, level: u64) {
        self.area += u128::from(self.level) * u128::from(now - self.last_change);
        self.last_change = now;
        self.level = level;
    }

    /// Raises the level by one.
    #[inline]
    pub fn increment(&mut self, now: Micros) {
        self.set(now, self.level + 1);
    }

    /// Lowers the level by one (not below 0).
    #[inline]
    pub fn decrement(&mut self, now: Micros) {
        self.set(now, self.level.saturating_sub(1));
    }

    /// The level now.
    pub fn level(&self) -> u64 {
        self.level
    }

    /// Level x time accumulated from the start of measurement up to `now`, in level-microseconds.
    pub fn area(&self, now: Micros) -> u128 {
        self.area + u128::from(self.level) * u128::from(now.saturating_sub(self.last_change))
    }

    /// The average level from the start of measurement to `now` (0 for an empty interval).
    pub fn mean(&self, now: Micros) -> f64 {
        let span = now.saturating_sub(self.start);
        if span == 0 {
            self.level as f64
        } else {
            self.area(now) as f64 / span as f64
        }
    }

    /// Starts measuring afresh at `now`, keeping the current level.
    pub fn restart(&mut self, now: Micros) {
        self.area = 0;
        self.start = now;
        self.last_change = now;
    }
}

/// Calls present somewhere (a component, or the whole system), with the
/// bookkeeping that makes Little's law checkable exactly: over the measured
/// interval, the area under the count equals the time spent inside by those
/// who left plus the time spent so far by those still inside.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presence {
    count: TimeWeighted,
    /// Sum of the entry times (or the start of measurement, if later) of those present.
    entered_sum: u128,
    /// Sum of the measured time spent inside by those who left.
    departed_time: u128,
    measured_from: Micros,
}

impl Presence {
    /// One call enters at `now`.
    #[inline]
    pub fn enter(&mut self, now: Micros) {
        self.count.increment(now);
        self.entered_sum += u128::from(now);
    }

    /// The call that entered at `entered_at` leaves at `now`.
    #[inline]
    pub fn leave(&mut self, now: Micros, entered_at: Micros) {
        let since = entered_at.max(self.measured_from);
        self.count.decrement(now);
        self.entered_sum -= u128::from(since);
        self.departed_time += u128::from(now - since);
    }

    /// Calls present now.
    pub fn level(&self) -> u64 {
        self.count.level()
    }

    /// Time-averaged calls present since measurement began.
    pub fn mean(&self, now: Micros) -> f64 {
        self.count.mean(now)
    }

    /// Whether area = time of the departed + time so far of the present, exactly.
    pub fn littles_law_holds(&self, now: Micros) -> bool {
        let present = u128::from(self.count.level()) * u128::from(now);
        self.count.area(now) + self.entered_sum == self.departed_time + present
    }

    /// Starts measuring afresh at `now`; those present count from `now`.
    pub fn restart(&mut self, now: Micros) {
        self.count.restart(now);
        self.entered_sum = u128::from(self.count.level()) * u128::from(now);
        self.departed_time = 0;
        self.measured_from = now;
    }
}
