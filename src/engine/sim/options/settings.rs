//! [`RunPlan::from_settings`]: the run plan a design's settings stand for.
//!
//! What must stay true: every setting of `SimulationSettings` reaches the
//! run, either converted here (a share of the run, a rate factor, a
//! millisecond or percent value, a choice with its parameters) or read from
//! [`RunPlan::settings`] by the simulator as it is.

use super::{
    AutoscalerMode, Fault, FaultKind, KeyPopularity, RunPlan, ServiceTimeDistribution,
    TrafficProfile,
};
use crate::engine::model::{
    ArrivalProfile, AutoscalerKind, FaultAction, KeyPopularityKind, ScheduledFault,
    ServiceTimeKind, SimulationSettings,
};

impl RunPlan {
    /// The plan for `settings` with the workload offering `workload_rps`.
    /// Shares of the run become seconds of `duration_s`, rate factors apply
    /// to `workload_rps`, milliseconds become seconds and percentages shares.
    /// Settings are not checked here: the simulator runs only settings that
    /// passed `check_settings`.
    pub fn from_settings(settings: &SimulationSettings, workload_rps: f64) -> RunPlan {
        let duration_s = settings.duration_s;
        let of_run = |percent: f64| duration_s * percent / 100.0;
        let profile = match settings.arrival {
            ArrivalProfile::Steady => TrafficProfile::Constant,
            ArrivalProfile::Ramp => TrafficProfile::Ramp {
                to_rps: workload_rps * settings.ramp_to_factor,
                from_factor: settings.ramp_from_factor,
            },
            ArrivalProfile::Spike => TrafficProfile::Spike {
                at_s: of_run(settings.profile_at_percent),
                duration_s: of_run(settings.profile_length_percent),
                factor: settings.profile_factor,
            },
            ArrivalProfile::Step => TrafficProfile::Step {
                at_s: of_run(settings.profile_at_percent),
                factor: settings.profile_factor,
            },
            ArrivalProfile::Wave => TrafficProfile::DailyWave {
                period_s: duration_s / settings.wave_count,
                amplitude: settings.wave_amplitude,
            },
        };
        let key_popularity = match settings.key_popularity {
            KeyPopularityKind::Uniform => KeyPopularity::Uniform,
            KeyPopularityKind::Zipf => KeyPopularity::Zipf {
                exponent: settings.zipf_exponent,
            },
        };
        let service_time = match settings.service_time {
            ServiceTimeKind::Exponential => ServiceTimeDistribution::Exponential,
            ServiceTimeKind::Fixed => ServiceTimeDistribution::Fixed,
            ServiceTimeKind::LogNormal => ServiceTimeDistribution::LogNormal {
                cv: settings.service_time_cv,
            },
        };
        let autoscaler = match settings.autoscaler {
            AutoscalerKind::Seed => AutoscalerMode::Seed,
            AutoscalerKind::Hpa => AutoscalerMode::Hpa,
        };
        RunPlan {
            settings: settings.clone(),
            profile,
            key_popularity,
            service_time,
            autoscaler,
            timeout_s: settings
                .timeout_enabled
                .then_some(settings.timeout_ms / 1000.0),
            retry_backoff_s: settings.retry_backoff_ms / 1000.0,
            faults: settings.faults.iter().map(fault_from_settings).collect(),
        }
    }
}

/// The simulator's form of a design's scheduled fault.
fn fault_from_settings(fault: &ScheduledFault) -> Fault {
    let kind = match fault.action {
        FaultAction::KillReplica => FaultKind::KillReplica,
        FaultAction::ComponentDown => FaultKind::ComponentDown,
        FaultAction::AddLatency { ms } => FaultKind::AddLatency { ms },
        FaultAction::AddErrors { percent } => FaultKind::AddErrors {
            rate: percent / 100.0,
        },
    };
    Fault {
        at_s: fault.at_s,
        component: fault.component,
        kind,
        duration_s: fault.duration_s,
    }
}
