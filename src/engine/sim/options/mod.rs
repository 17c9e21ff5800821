//! The simulator's run plan: the design's
//! [`crate::engine::model::SimulationSettings`] (the one settings type a user
//! chooses, carried by the design file and its share link) resolved into what
//! the simulator steps through: seconds instead of shares of the run,
//! requests per second instead of rate factors, a traffic profile, key
//! popularity, service-time distribution, autoscaler, faults and the callers'
//! resilience. [`SimulationOptions::from_settings`] derives it; tests and
//! benchmarks may also build one directly.
//!
//! What must stay true: every field has a default, so `{}` is a valid plan;
//! the plan has no ranges of its own: [`SimulationOptions::validate`] checks
//! each option that stands for a setting against that setting's entry in the
//! attribute table, and the simulator never starts with a plan that did not
//! pass it.

mod settings;

use crate::engine::model::ComponentId;
use serde::{Deserialize, Serialize};

/// The longest run the simulator accepts, in seconds (keeps integer time sums far from overflow).
pub const MAX_DURATION_S: f64 = 1_000_000.0;

/// How the offered rate changes over the run, as a factor of the workload rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TrafficProfile {
    /// The workload rate for the whole run.
    #[default]
    Constant,
    /// Climbs linearly from `from_factor` times the workload rate at the start
    /// to `to_rps` at the end of the run.
    Ramp {
        /// Requests per second reached at the end of the run.
        to_rps: f64,
        /// Factor of the workload rate at the start (1 = start at the workload rate).
        #[serde(default = "one")]
        from_factor: f64,
    },
    /// The rate times `factor` between `at_s` and `at_s + duration_s`.
    Spike {
        /// When the spike starts, in seconds.
        at_s: f64,
        /// How long it lasts, in seconds.
        duration_s: f64,
        /// Multiplier of the rate during the spike.
        factor: f64,
    },
    /// The rate times `factor` from `at_s` on.
    Step {
        /// When the step happens, in seconds.
        at_s: f64,
        /// Multiplier of the rate after the step.
        factor: f64,
    },
    /// rate x (1 + amplitude x sin(2 pi t / period_s)).
    DailyWave {
        /// Length of one wave, in seconds.
        period_s: f64,
        /// Relative swing, in [0, 1].
        amplitude: f64,
    },
}

fn one() -> f64 {
    1.0
}

/// Which keys requests touch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KeyPopularity {
    /// Every key of the key space equally often.
    #[default]
    Uniform,
    /// Key k (0-based) with probability proportional to 1 / (k + 1)^exponent.
    Zipf {
        /// The skew; around 1 for typical web traffic.
        exponent: f64,
    },
}

/// How one server's time for one request is spread around the component's mean.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ServiceTimeDistribution {
    /// Exponential (coefficient of variation 1): what M/M/c assumes.
    #[default]
    Exponential,
    /// Always exactly the mean (M/D/c).
    Fixed,
    /// Sum of `k` exponential phases (coefficient of variation 1/sqrt(k)).
    Erlang {
        /// Number of phases, 1 to 100.
        k: u32,
    },
    /// Log-normal with the given coefficient of variation.
    LogNormal {
        /// Standard deviation over mean, in (0, 10].
        cv: f64,
    },
}

/// Kubernetes HPA parameters.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HpaSettings {
    /// No change while |metric / target - 1| is at most this.
    pub tolerance: f64,
    /// Scale down only to the highest recommendation of this many past seconds.
    pub stabilization_s: f64,
    /// Scale up by at most this many pods per period ...
    pub scale_up_pods: u32,
    /// ... or this percentage of the current pods, whichever is more.
    pub scale_up_percent: f64,
    /// Scale down by at most this percentage of the current pods per period.
    pub scale_down_percent: f64,
    /// The period the rate limits apply to, in seconds.
    pub policy_period_s: f64,
}

impl Default for HpaSettings {
    fn default() -> HpaSettings {
        HpaSettings {
            tolerance: 0.1,
            stabilization_s: 300.0,
            scale_up_pods: 4,
            scale_up_percent: 100.0,
            scale_down_percent: 100.0,
            policy_period_s: 15.0,
        }
    }
}

/// Which policy drives autoscaled services.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AutoscalerMode {
    /// The seed's policy: one replica up above the threshold, one down below
    /// half of it, with the component's cooldowns.
    #[default]
    Seed,
    /// The Kubernetes Horizontal Pod Autoscaler's rule, with the threshold as target.
    Hpa(HpaSettings),
}

/// The autoscaler.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AutoscalerOptions {
    /// The policy.
    pub mode: AutoscalerMode,
    /// Seconds between evaluations (Kubernetes syncs every 15 s).
    pub interval_s: f64,
}

impl Default for AutoscalerOptions {
    fn default() -> AutoscalerOptions {
        AutoscalerOptions {
            mode: AutoscalerMode::Seed,
            interval_s: 15.0,
        }
    }
}

/// What goes wrong in a fault.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// One running replica crashes; the requests it is serving fail. It is
    /// restarted after the fault's duration (and the start-up delay), or never.
    KillReplica,
    /// The whole component refuses every call for the fault's duration.
    ComponentDown,
    /// Every service at the component takes this much longer.
    AddLatency {
        /// Extra milliseconds per request.
        ms: f64,
    },
    /// This share of the requests reaching the component fail.
    AddErrors {
        /// Share in [0, 1].
        rate: f64,
    },
}

/// A fault injected at a scheduled time.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    /// When it starts, in seconds.
    pub at_s: f64,
    /// The component it hits.
    pub component: ComponentId,
    /// What goes wrong.
    pub kind: FaultKind,
    /// How long it lasts, in seconds; absent means until the end of the run.
    #[serde(default)]
    pub duration_s: Option<f64>,
}

/// A circuit breaker on every caller-to-callee edge.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CircuitBreakerOptions {
    /// Whether callers use circuit breakers.
    pub enabled: bool,
    /// Consecutive failures that open the circuit.
    pub failure_threshold: u32,
    /// Seconds the circuit stays open before one trial call is let through.
    pub open_s: f64,
}

impl Default for CircuitBreakerOptions {
    fn default() -> CircuitBreakerOptions {
        CircuitBreakerOptions {
            enabled: false,
            failure_threshold: 5,
            open_s: 10.0,
        }
    }
}

/// How callers protect themselves: timeouts, retries, circuit breakers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResilienceOptions {
    /// A call not answered within this many seconds fails; absent means callers wait forever.
    pub timeout_s: Option<f64>,
    /// Failed calls are tried again up to this many more times.
    pub retries: u32,
    /// Seconds to wait before a retry.
    pub retry_backoff_s: f64,
    /// The circuit breaker.
    pub circuit_breaker: CircuitBreakerOptions,
}

/// Everything about a run beyond the design.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SimulationOptions {
    /// Seed of the random source: the same design and options give the same run.
    pub seed: u64,
    /// Simulated seconds.
    pub duration_s: f64,
    /// Seconds at the start whose statistics are discarded.
    pub warmup_s: f64,
    /// How the offered rate changes over the run.
    pub profile: TrafficProfile,
    /// Which keys requests touch.
    pub key_popularity: KeyPopularity,
    /// The spread of service times.
    pub service_time: ServiceTimeDistribution,
    /// The autoscaler.
    pub autoscaler: AutoscalerOptions,
    /// Seconds a new or restarted replica takes before it serves.
    pub startup_delay_s: f64,
    /// Scheduled faults.
    pub faults: Vec<Fault>,
    /// Timeouts, retries, circuit breakers.
    pub resilience: ResilienceOptions,
}

impl Default for SimulationOptions {
    fn default() -> SimulationOptions {
        SimulationOptions {
            seed: 1,
            duration_s: 60.0,
            warmup_s: 0.0,
            profile: TrafficProfile::Constant,
            key_popularity: KeyPopularity::Uniform,
            service_time: ServiceTimeDistribution::Exponential,
            autoscaler: AutoscalerOptions::default(),
            startup_delay_s: 10.0,
            faults: Vec::new(),
            resilience: ResilienceOptions::default(),
        }
    }
}
