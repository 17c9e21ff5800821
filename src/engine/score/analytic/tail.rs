//! Percentiles of the end-to-end response time (p95, p99) from the same
//! M/M/c stations as the mean.
//!
//! One visit to an M/M/c station takes T = W + S: the wait W is 0 with
//! probability 1 - C and exponential with rate θ = cμ - λ otherwise (Erlang
//! C's tail, P(W > t) = C e^(-θ t)); the service S is exponential with rate μ.
//! So E[T] = C/θ + 1/μ and E[T²] = 2C/θ² + 2C/(θμ) + 2/μ², exactly. For
//! service times that are not exponential (the run's fixed or log-normal
//! choice), the wait's mean is scaled by Allen–Cunneen's (1 + cs²)/2 and the
//! service's second moment is (1 + cs²)/μ² (an approximation; exact in the
//! mean for one server).
//!
//! Along the path, the first two moments of the end-to-end time are composed
//! exactly under one assumption, that the times at different stations are
//! independent: a service's calls add up (means add, variances add), a
//! balancer's or gateway's choice and a cache's hit or miss are mixtures, and
//! every hop adds the network delay. The percentile is then read from the
//! gamma distribution with those two moments. For one M/M/1 station the
//! sojourn time is exponential, a gamma, and the result is exact; for M/M/c
//! and for paths it is an approximation (the agreement test states how close
//! it comes to seeded runs).
//!
//! What must stay true: no panic and no endless recursion (a loop is
//! followed once, as by the mean); every figure is finite or `None`.

use super::routing::Routing;
use super::Rates;
use crate::engine::model::ComponentKind;
use crate::engine::score::queueing::MmcStation;

/// First and second moments of a time, in ms and ms².
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Moments {
    /// Mean.
    pub m1: f64,
    /// Mean square.
    pub m2: f64,
}

impl Moments {
    /// A fixed delay.
    pub fn constant(ms: f64) -> Moments {
        Moments {
            m1: ms,
            m2: ms * ms,
        }
    }

    /// The moments of the sum of two independent times.
    pub fn plus(self, other: Moments) -> Moments {
        Moments {
            m1: self.m1 + other.m1,
            m2: self.m2 + 2.0 * self.m1 * other.m1 + other.m2,
        }
    }

    /// `self` with probability `p` (and 0 otherwise).
    fn weighted(self, p: f64) -> Moments {
        Moments {
            m1: self.m1 * p,
            m2: self.m2 * p,
        }
    }

    fn add_weighted(&mut self, other: Moments) {
        self.m1 += other.m1;
        self.m2 += other.m2;
    }

    /// The variance, never negative.
    pub fn variance(self) -> f64 {
        (self.m2 - self.m1 * self.m1).max(0.0)
    }

    /// The `q` quantile (0 < q < 1) of the gamma distribution with these
    /// moments; the mean itself when the time does not vary.
    pub fn gamma_quantile(self, q: f64) -> Option<f64> {
        if !(self.m1.is_finite() && self.m2.is_finite()) || self.m1 < 0.0 {
            return None;
        }
        let variance = self.variance();
        if self.m1 <= 0.0 || variance <= 1e-12 * self.m1 * self.m1 {
            return Some(self.m1);
        }
        let shape = self.m1 * self.m1 / variance;
        let scale = variance / self.m1;
        Some(gamma_quantile(shape, q) * scale)
    }
}

/// Moments of one visit's time (wait plus service), in ms; `None` when
/// unstable. `scv` is the squared coefficient of variation of service times
/// (1 for exponential): the wait keeps Erlang C's probability and its
/// exponential shape, with its mean scaled by Allen–Cunneen's (1 + scv) / 2,
/// and the service's second moment is (1 + scv) / μ².
pub fn sojourn(station: MmcStation, scv: f64) -> Option<Moments> {
    if station.mu.is_infinite() {
        return Some(Moments::default());
    }
    sojourn_given(station, station.wait_probability(), scv)
}

/// [`sojourn`] from the station's already computed Erlang C probability
/// ([`MmcStation::wait_probability`]), so that one station's estimate and
/// its moments share one evaluation.
pub fn sojourn_given(
    station: MmcStation,
    wait_probability: Option<f64>,
    scv: f64,
) -> Option<Moments> {
    if station.mu.is_infinite() {
        return Some(Moments::default());
    }
    let c = wait_probability?;
    let mu = station.mu / 1000.0; // per ms
    let theta = station.servers as f64 * mu - station.lambda / 1000.0;
    if theta <= 0.0 {
        return None;
    }
    let theta = theta / ((1.0 + scv.max(0.0)) / 2.0);
    Some(Moments {
        m1: c / theta + 1.0 / mu,
        m2: 2.0 * c / (theta * theta) + 2.0 * c / (theta * mu) + (1.0 + scv) / (mu * mu),
    })
}

/// The end-to-end time of one request from each client, composed along the routing.
pub(super) struct PathTimes<'r, 'a> {
    routing: &'r Routing<'a>,
    /// Moments of one visit, per component, for a read and for a write
    /// (`None` when the component is saturated).
    visit: Vec<[Option<Moments>; 2]>,
    hop_ms: f64,
    memo: Vec<[Option<Option<Moments>>; 2]>,
    visiting: Vec<bool>,
}

impl<'r, 'a> PathTimes<'r, 'a> {
    pub(super) fn new(
        routing: &'r Routing<'a>,
        visit: Vec<[Option<Moments>; 2]>,
        hop_ms: f64,
    ) -> PathTimes<'r, 'a> {
        let n = visit.len();
        PathTimes {
            routing,
            visit,
            hop_ms,
            memo: vec![[None, None]; n],
            visiting: vec![false; n],
        }
    }

    /// Moments of the time from arriving at `i` with a request of one class
    /// until the answer leaves `i`; `None` when a saturated station is on the way.
    pub(super) fn from(&mut self, i: usize, read: bool) -> Option<Moments> {
        let class = usize::from(!read);
        if let Some(known) = self.memo[i][class] {
            return known;
        }
        if self.visiting[i] {
            // A loop: followed once, as the mean follows it.
            return Some(Moments::default());
        }
        self.visiting[i] = true;
        let result = self.compose(i, read);
        self.visiting[i] = false;
        self.memo[i][class] = Some(result);
        result
    }

    fn compose(&mut self, i: usize, read: bool) -> Option<Moments> {
        let own = self.visit[i][usize::from(!read)]?;
        let unit = if read {
            Rates {
                read: 1.0,
                write: 0.0,
            }
        } else {
            Rates {
                read: 0.0,
                write: 1.0,
            }
        };
        let kind = self.routing.kind(i);
        let mut summed = Moments::default();
        let mut mixture = Moments::default();
        let mut mixed_mass = 0.0;
        let mut branch = Moments::default();
        let mut branch_mass: f64 = 0.0;
        for (j, rates, chosen) in self.routing.forward_labelled(i, unit) {
            let mass = rates.total();
            if mass <= 0.0 {
                continue;
            }
            let child = self.child(j, rates)?;
            let child = Moments::constant(self.hop_ms).plus(child);
            match (kind, chosen) {
                // One of several routes is chosen: a mixture.
                (
                    ComponentKind::Client | ComponentKind::LoadBalancer | ComponentKind::ApiGateway,
                    true,
                ) => {
                    mixture.add_weighted(child.weighted(mass));
                    mixed_mass += mass;
                }
                // A miss visits every target in turn: with probability `mass`.
                (ComponentKind::Cache, true) => {
                    branch = branch.plus(child);
                    branch_mass = branch_mass.max(mass);
                }
                _ => summed = summed.plus(child),
            }
        }
        let mut total = own.plus(summed);
        if mixed_mass > 0.0 {
            // Requests no route takes fail; the answered ones took a route.
            let chosen = Moments {
                m1: mixture.m1 / mixed_mass,
                m2: mixture.m2 / mixed_mass,
            };
            total = total.plus(chosen);
        }
        if branch_mass > 0.0 {
            // X = base + 1{miss} B with B independent of the base: adding B
            // weighted by the miss probability gives exactly E[X] and E[X²].
            total = total.plus(branch.weighted(branch_mass));
        }
        Some(total)
    }

    /// Moments of a child visited with `rates` (a read, a write or a mix of both).
    fn child(&mut self, j: usize, rates: Rates) -> Option<Moments> {
        let mass = rates.total();
        let mut mixed = Moments::default();
        if rates.read > 0.0 {
            mixed.add_weighted(self.from(j, true)?.weighted(rates.read / mass));
        }
        if rates.write > 0.0 {
            mixed.add_weighted(self.from(j, false)?.weighted(rates.write / mass));
        }
        Some(mixed)
    }
}

/// Moments of the end-to-end time of one answered request: clients chosen
/// evenly, reads and writes by the read share.
pub(super) fn end_to_end(
    routing: &Routing,
    clients: &[usize],
    read_share: f64,
    visit: Vec<[Option<Moments>; 2]>,
    hop_ms: f64,
) -> Option<Moments> {
    let mut times = PathTimes::new(routing, visit, hop_ms);
    let mut mixed = Moments::default();
    let share = 1.0 / clients.len().max(1) as f64;
    for &client in clients {
        for (read, weight) in [(true, read_share), (false, 1.0 - read_share)] {
            if weight > 0.0 {
                let time = times.from(client, read)?;
                mixed.m1 += share * weight * time.m1;
                mixed.m2 += share * weight * time.m2;
            }
        }
    }
    Some(mixed)
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms).
fn ln_gamma(x: f64) -> f64 {
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = COEFFICIENTS[0];
    let t = x + 7.5;
    for (k, &c) in COEFFICIENTS.iter().enumerate().skip(1) {
        a += c / (x + k as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularised lower incomplete gamma function P(a, x).
pub fn gamma_cdf(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    gamma_cdf_given(a, ln_gamma(a), x)
}

/// [`gamma_cdf`] with ln Γ(a) already computed (`ln_gamma_a`): a quantile's
/// search evaluates P(a, x) some forty times at one shape.
fn gamma_cdf_given(a: f64, ln_gamma_a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let log_prefix = a * x.ln() - x - ln_gamma_a;
    if x < a + 1.0 {
        // Series: P = e^(-x) x^a / Γ(a+1) Σ x^n / ((a+1)...(a+n)).
        let (mut term, mut sum, mut denominator) = (1.0 / a, 1.0 / a, a);
        for _ in 0..1000 {
            denominator += 1.0;
            term *= x / denominator;
            sum += term;
            if term.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (sum.ln() + log_prefix).exp().clamp(0.0, 1.0)
    } else {
        // Continued fraction for Q = 1 - P (modified Lentz).
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..1000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (1.0 - (log_prefix.exp() * h)).clamp(0.0, 1.0)
    }
}

/// The `q` quantile of a gamma distribution with `shape` and scale 1.
pub fn gamma_quantile(shape: f64, q: f64) -> f64 {
    let ln_gamma_shape = ln_gamma(shape);
    let cdf = |x: f64| gamma_cdf_given(shape, ln_gamma_shape, x);
    let (mut low, mut high) = (0.0, shape.max(1.0));
    while cdf(high) < q && high < 1e12 {
        high *= 2.0;
    }
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if cdf(middle) < q {
            low = middle;
        } else {
            high = middle;
        }
        if high - low <= 1e-12 * high {
            break;
        }
    }
    0.5 * (low + high)
}
