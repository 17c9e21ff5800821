//! Closed-form results for M/M/c stations (M/M/1 is c = 1).
//!
//! What must stay true: these are the textbook formulas (Erlang B by its
//! stable recursion, Erlang C from it), so tests can compare them with values
//! computed by hand, and every function returns a number or `None`, never NaN.

/// An M/M/c station: Poisson arrivals at `lambda` per second, `servers`
/// servers each completing `mu` requests per second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MmcStation {
    /// Arrival rate, per second.
    pub lambda: f64,
    /// Service rate of one server, per second.
    pub mu: f64,
    /// Number of servers.
    pub servers: u32,
}

/// Erlang B: the probability that an arrival finds all `servers` busy in a
/// loss system offered `load` erlangs (load = lambda / mu).
pub fn erlang_b(servers: u32, load: f64) -> f64 {
    // B(0) = 1; B(k) = a B(k-1) / (k + a B(k-1)). Stable for large k.
    //
    // For a large load the first steps are wasted: far below `load` servers,
    // B(k) sits at 1 - k/a to within O(1/a), and the recursion is a
    // contraction there (factor about k/a per step), so starting 40 standard
    // deviations below the load from that value converges to the exact
    // recursion long before k reaches the load. Together with the underflow
    // stop below, the cost is O(sqrt(load)) instead of O(servers).
    let (mut b, first) = if load > LARGE_LOAD {
        let start = (load - 40.0 * load.sqrt()).floor().max(0.0);
        let start = (start as u64).min(u64::from(servers)) as u32;
        (1.0 - f64::from(start) / load, start + 1)
    } else {
        (1.0, 1)
    };
    for k in first..=servers {
        b = load * b / (k as f64 + load * b);
        // Once B falls below the smallest normal number it only shrinks (or,
        // rounded in the subnormal range, sticks) and is 0 for every purpose;
        // stopping there keeps the cost near O(sqrt(load)) rather than
        // O(servers), and avoids slow subnormal arithmetic.
        if b < f64::MIN_POSITIVE {
            b = 0.0;
            break;
        }
    }
    b
}

/// Offered load above which [`erlang_b`] starts its recursion near the load.
const LARGE_LOAD: f64 = 5000.0;

/// Erlang C: the probability that an arrival waits, for `servers` servers
/// offered `load` erlangs. `None` when the station is unstable (load >= servers).
pub fn erlang_c(servers: u32, load: f64) -> Option<f64> {
    if servers == 0 || load >= servers as f64 || load < 0.0 || !load.is_finite() {
        return None;
    }
    let rho = load / servers as f64;
    let b = erlang_b(servers, load);
    Some(b / (1.0 - rho * (1.0 - b)))
}

impl MmcStation {
    /// Offered load in erlangs, lambda / mu.
    pub fn load(&self) -> f64 {
        if self.mu > 0.0 {
            self.lambda / self.mu
        } else {
            f64::INFINITY
        }
    }

    /// Server utilisation lambda / (c mu); may exceed 1 for an overloaded station.
    pub fn utilisation(&self) -> f64 {
        if self.lambda <= 0.0 {
            0.0
        } else if self.servers == 0 || self.mu <= 0.0 {
            f64::INFINITY
        } else {
            self.lambda / (self.servers as f64 * self.mu)
        }
    }

    /// Whether the queue grows without bound (utilisation of at least 1).
    pub fn is_saturated(&self) -> bool {
        self.utilisation() >= 1.0
    }

    /// Probability that an arrival has to wait (Erlang C).
    pub fn wait_probability(&self) -> Option<f64> {
        if self.lambda <= 0.0 {
            return Some(0.0);
        }
        erlang_c(self.servers, self.load())
    }

    /// Mean time in queue, Wq = C / (c mu - lambda), in seconds.
    pub fn mean_wait(&self) -> Option<f64> {
        self.mean_wait_given(self.wait_probability())
    }

    /// [`MmcStation::mean_wait`] from an already computed
    /// [`MmcStation::wait_probability`] (Erlang C costs up to O(servers); a
    /// caller that needs it several times computes it once).
    pub fn mean_wait_given(&self, wait_probability: Option<f64>) -> Option<f64> {
        let c = wait_probability?;
        if self.lambda <= 0.0 {
            return Some(0.0);
        }
        Some(c / (self.servers as f64 * self.mu - self.lambda))
    }

    /// Mean time in system, W = Wq + 1 / mu, in seconds.
    pub fn mean_response(&self) -> Option<f64> {
        Some(self.mean_wait()? + 1.0 / self.mu)
    }

    /// Mean number waiting, Lq = lambda Wq (Little's law).
    pub fn mean_queue_length(&self) -> Option<f64> {
        Some(self.lambda * self.mean_wait()?)
    }

    /// Probability that the wait exceeds `t` seconds: C exp(-(c mu - lambda) t).
    pub fn wait_exceeds(&self, t: f64) -> Option<f64> {
        let c = self.wait_probability()?;
        if c <= 0.0 {
            // Nobody waits; also keeps an infinite service rate from giving 0 x inf.
            return Some(0.0);
        }
        Some(c * (-(self.servers as f64 * self.mu - self.lambda) * t).exp())
    }

    /// Most arrivals per second the station sustains, c mu.
    pub fn capacity(&self) -> f64 {
        self.servers as f64 * self.mu
    }
}

/// Blocking probability of an M/M/c/K station (K places in all, servers included).
pub fn mmck_blocking(servers: u32, capacity: u32, load: f64) -> f64 {
    // p_n proportional to t_n = a^n / n! for n <= c and a^n / (c! c^(n-c))
    // above; the answer is t_K / (t_0 + ... + t_K). The terms themselves
    // overflow for long queues, so carry the ratio q_n = (t_0 + ... + t_n) / t_n
    // instead: q_0 = 1, q_n = 1 + q_(n-1) d_n / a, where t_n = t_(n-1) a / d_n.
    if capacity == 0 {
        return 1.0;
    }
    if load.is_nan() || load <= 0.0 {
        return 0.0;
    }
    let c = servers.max(1) as f64;
    let mut ratio = 1.0;
    for n in 1..=capacity {
        let divisor = if (n as f64) <= c { n as f64 } else { c };
        ratio = 1.0 + ratio * divisor / load;
    }
    1.0 / ratio
}
