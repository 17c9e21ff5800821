//! The simulation settings a design carries: everything a user can choose
//! about a run (seed, duration, traffic shape, key popularity, service-time
//! spread, autoscaler, start-up delay, callers' resilience and scheduled
//! faults). They travel with the design file and its share link, so whoever
//! opens a design replays the same run. This is the one settings type: the
//! simulator checks it with `attributes::simulation_fields::check_settings`
//! and derives its run plan from it (`crate::engine::sim::RunPlan::from_settings`).
//!
//! What must stay true:
//! - Every field has a serde default equal to what a design without it meant
//!   (so older design files load unchanged), and [`SimulationSettings::default`]
//!   is the behaviour of a run before these settings existed.
//! - Times of the traffic profile are shares of the run, so a spike stays in
//!   the middle of the run whatever its duration; fault times are seconds.
//! - A fault names its component by [`ComponentId`], so renaming a component
//!   keeps its faults; deleting it removes them.

use crate::engine::model::ComponentId;
use serde::{Deserialize, Serialize};

/// How requests arrive over a simulated run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArrivalProfile {
    /// Random (Poisson) arrivals at the workload rate for the whole run.
    #[default]
    Steady,
    /// The rate climbs linearly from `ramp_from_factor` to `ramp_to_factor`
    /// times the workload rate over the run.
    Ramp,
    /// The workload rate, times `profile_factor` from `profile_at_percent` of
    /// the run for `profile_length_percent` of it.
    Spike,
    /// The rate swings `wave_count` times per run around the workload rate by
    /// `wave_amplitude`, like a daily wave.
    Wave,
    /// The workload rate, times `profile_factor` from `profile_at_percent` of the run on.
    Step,
}

/// Which keys of the key space requests touch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyPopularityKind {
    /// Every key equally often.
    #[default]
    Uniform,
    /// Key k with probability proportional to 1 / (k + 1)^`zipf_exponent`: a few hot keys.
    Zipf,
}

/// How one server's time for one request spreads around the component's mean.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceTimeKind {
    /// Exponential (coefficient of variation 1), as the analytic estimate assumes.
    #[default]
    Exponential,
    /// Always exactly the mean.
    Fixed,
    /// Log-normal with coefficient of variation `service_time_cv`.
    LogNormal,
}

/// Which policy drives autoscaled services.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AutoscalerKind {
    /// The seed's policy: one replica up above the threshold, one down below
    /// half of it, with each component's cooldowns.
    #[default]
    Seed,
    /// The Kubernetes Horizontal Pod Autoscaler's rule with the `hpa_*` settings.
    Hpa,
}

/// What goes wrong in a scheduled fault.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultAction {
    /// One running replica crashes; it restarts when the fault ends (never, without a duration).
    KillReplica,
    /// The whole component refuses every call.
    ComponentDown,
    /// Every service at the component takes longer.
    AddLatency {
        /// Extra milliseconds per request.
        ms: f64,
    },
    /// A share of the requests reaching the component fail.
    AddErrors {
        /// Failing share in percent, 0 to 100.
        percent: f64,
    },
}

/// A fault injected into every run of the design at a set time.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduledFault {
    /// The component it hits.
    pub component: ComponentId,
    /// What goes wrong.
    #[serde(flatten)]
    pub action: FaultAction,
    /// When it starts, in seconds from the start of the run.
    pub at_s: f64,
    /// How long it lasts, in seconds; absent means until the end of the run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<f64>,
}

/// How a simulation of the design is run. Keys in the inspector are
/// `simulation.<field>`; `crate::engine::attributes::simulation_fields` holds their ranges.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SimulationSettings {
    /// Seed of the simulator's random source: the same seed gives the same run.
    pub seed: u64,
    /// Simulated time to run, in seconds.
    pub duration_s: f64,
    /// Seconds at the start whose statistics are discarded.
    pub warmup_s: f64,
    /// How arrivals are spread over the run.
    pub arrival: ArrivalProfile,
    /// Ramp: the rate at the start, as a factor of the workload rate.
    pub ramp_from_factor: f64,
    /// Ramp: the rate at the end, as a factor of the workload rate.
    pub ramp_to_factor: f64,
    /// Spike or step: when it happens, in percent of the run.
    pub profile_at_percent: f64,
    /// Spike: how long it lasts, in percent of the run.
    pub profile_length_percent: f64,
    /// Spike or step: the factor the rate is multiplied by.
    pub profile_factor: f64,
    /// Wave: how many whole waves fit in the run.
    pub wave_count: f64,
    /// Wave: relative swing around the workload rate, 0 to 1.
    pub wave_amplitude: f64,
    /// Which keys requests touch.
    pub key_popularity: KeyPopularityKind,
    /// Zipf: the skew, around 1 for typical web traffic.
    pub zipf_exponent: f64,
    /// The spread of service times.
    pub service_time: ServiceTimeKind,
    /// Log-normal: standard deviation over mean of a service time.
    pub service_time_cv: f64,
    /// Seconds a new or restarted replica takes before it serves.
    pub startup_delay_s: f64,
    /// The autoscaler's policy.
    pub autoscaler: AutoscalerKind,
    /// Seconds between autoscaler evaluations.
    pub autoscaler_interval_s: f64,
    /// HPA: no change while |metric / target - 1| is at most this.
    pub hpa_tolerance: f64,
    /// HPA: scale down only to the highest recommendation of this many past seconds.
    pub hpa_stabilization_s: f64,
    /// HPA: scale up by at most this many pods per period ...
    pub hpa_scale_up_pods: u32,
    /// ... or this percentage of the current pods, whichever is more.
    pub hpa_scale_up_percent: f64,
    /// HPA: scale down by at most this percentage of the current pods per period.
    pub hpa_scale_down_percent: f64,
    /// HPA: the period the rate limits apply to, in seconds.
    pub hpa_policy_period_s: f64,
    /// Callers give up on a call after `timeout_ms`.
    pub timeout_enabled: bool,
    /// The call timeout, in milliseconds.
    pub timeout_ms: f64,
    /// Failed calls are tried again up to this many more times.
    pub retries: u32,
    /// Milliseconds to wait before a retry.
    pub retry_backoff_ms: f64,
    /// Callers use a circuit breaker per callee.
    pub circuit_breaker: bool,
    /// Consecutive failures that open a circuit.
    pub breaker_threshold: u32,
    /// Seconds a circuit stays open before a trial call.
    pub breaker_open_s: f64,
    /// Faults injected at set times, in the order the user wrote them.
    pub faults: Vec<ScheduledFault>,
}

impl Default for SimulationSettings {
    fn default() -> SimulationSettings {
        SimulationSettings {
            seed: 1,
            duration_s: 60.0,
            warmup_s: 0.0,
            arrival: ArrivalProfile::Steady,
            ramp_from_factor: 0.0,
            ramp_to_factor: 1.0,
            profile_at_percent: 45.0,
            profile_length_percent: 10.0,
            profile_factor: 3.0,
            wave_count: 1.0,
            wave_amplitude: 0.5,
            key_popularity: KeyPopularityKind::Uniform,
            zipf_exponent: 1.0,
            service_time: ServiceTimeKind::Exponential,
            service_time_cv: 1.0,
            startup_delay_s: 10.0,
            autoscaler: AutoscalerKind::Seed,
            autoscaler_interval_s: 15.0,
            hpa_tolerance: 0.1,
            hpa_stabilization_s: 300.0,
            hpa_scale_up_pods: 4,
            hpa_scale_up_percent: 100.0,
            hpa_scale_down_percent: 100.0,
            hpa_policy_period_s: 15.0,
            timeout_enabled: false,
            timeout_ms: 1000.0,
            retries: 0,
            retry_backoff_ms: 0.0,
            circuit_breaker: false,
            breaker_threshold: 5,
            breaker_open_s: 10.0,
            faults: Vec::new(),
        }
    }
}
