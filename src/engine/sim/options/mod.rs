//! The simulator's run plan: what it derives from the design's
//! [`crate::engine::model::SimulationSettings`] (the one settings type a user
//! chooses, carried by the design file and its share link, checked by the one
//! validator `attributes::simulation_fields::check_settings`) before it steps:
//! seconds instead of shares of the run, requests per second instead of rate
//! factors, the traffic profile, key popularity, service-time distribution,
//! autoscaler, faults and the callers' timeouts in the simulator's units.
//! [`RunPlan::from_settings`] derives it (`settings.rs`).
//!
//! What must stay true: the plan is not a settings type. It has no serde
//! form, no defaults of its own and no ranges: a user never writes one, and
//! the simulator builds it only from settings that passed `check_settings`.
//! A setting the simulator takes as it is (the seed, the duration, the
//! start-up delay...) is read from [`RunPlan::settings`], never copied into a
//! field of its own.

mod settings;

use crate::engine::model::{ComponentId, SimulationSettings};

/// How the offered rate changes over the run, as a factor of the workload rate.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
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

/// Which keys requests touch.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum ServiceTimeDistribution {
    /// Exponential (coefficient of variation 1): what M/M/c assumes.
    #[default]
    Exponential,
    /// Always exactly the mean (M/D/c).
    Fixed,
    /// Log-normal with the given coefficient of variation.
    LogNormal {
        /// Standard deviation over mean, in (0, 10].
        cv: f64,
    },
}

/// Which policy drives autoscaled services.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum AutoscalerMode {
    /// The seed's policy: one replica up above the threshold, one down below
    /// half of it, with the component's cooldowns.
    #[default]
    Seed,
    /// The Kubernetes Horizontal Pod Autoscaler's rule, with the threshold as
    /// target and the settings' `hpa_*` parameters.
    Hpa,
}

/// What goes wrong in a fault.
#[derive(Clone, Copy, Debug, PartialEq)]
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
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fault {
    /// When it starts, in seconds.
    pub at_s: f64,
    /// The component it hits.
    pub component: ComponentId,
    /// What goes wrong.
    pub kind: FaultKind,
    /// How long it lasts, in seconds; absent means until the end of the run.
    pub duration_s: Option<f64>,
}

/// The run plan: the design's settings, and what the simulator derives
/// from them (see the module above).
#[derive(Clone, Debug, PartialEq)]
pub struct RunPlan {
    /// The settings the plan was made from; the simulator reads every
    /// setting it takes as it is here.
    pub settings: SimulationSettings,
    /// How the offered rate changes over the run.
    pub profile: TrafficProfile,
    /// Which keys requests touch.
    pub key_popularity: KeyPopularity,
    /// The spread of service times.
    pub service_time: ServiceTimeDistribution,
    /// The autoscaler's policy.
    pub autoscaler: AutoscalerMode,
    /// Seconds after which a call not answered fails; `None`: callers wait forever.
    pub timeout_s: Option<f64>,
    /// Seconds to wait before a retry.
    pub retry_backoff_s: f64,
    /// Scheduled faults.
    pub faults: Vec<Fault>,
}
