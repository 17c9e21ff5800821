//! How the run plan relates to the design's settings: [`SimulationOptions::from_settings`]
//! derives the plan, and `setting_values` lists each option that stands for
//! one setting so that the option check reads that setting's range from the
//! attribute table.
//!
//! What must stay true: every setting of `SimulationSettings` reaches the
//! plan, and an option carried straight through appears in `setting_values`.

use super::{
    AutoscalerMode, AutoscalerOptions, CircuitBreakerOptions, Fault, FaultKind, HpaSettings,
    KeyPopularity, ResilienceOptions, ServiceTimeDistribution, SimulationOptions, TrafficProfile,
};
use crate::engine::model::{
    ArrivalProfile, AutoscalerKind, FaultAction, KeyPopularityKind, ScheduledFault,
    ServiceTimeKind, SimulationSettings,
};

impl SimulationOptions {
    /// The options a design's own settings stand for: every setting the
    /// design carries maps onto its option here, so the CLI and the UI run
    /// what the design says. Shares of the run become seconds of `duration_s`,
    /// rate factors apply to `workload_rps`, milliseconds become seconds and
    /// percentages shares. Settings are not checked here; [`Self::validate`] does.
    pub fn from_settings(settings: &SimulationSettings, workload_rps: f64) -> SimulationOptions {
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
        let mode = match settings.autoscaler {
            AutoscalerKind::Seed => AutoscalerMode::Seed,
            AutoscalerKind::Hpa => AutoscalerMode::Hpa(HpaSettings {
                tolerance: settings.hpa_tolerance,
                stabilization_s: settings.hpa_stabilization_s,
                scale_up_pods: settings.hpa_scale_up_pods,
                scale_up_percent: settings.hpa_scale_up_percent,
                scale_down_percent: settings.hpa_scale_down_percent,
                policy_period_s: settings.hpa_policy_period_s,
            }),
        };
        let resilience = ResilienceOptions {
            timeout_s: settings
                .timeout_enabled
                .then_some(settings.timeout_ms / 1000.0),
            retries: settings.retries,
            retry_backoff_s: settings.retry_backoff_ms / 1000.0,
            circuit_breaker: CircuitBreakerOptions {
                enabled: settings.circuit_breaker,
                failure_threshold: settings.breaker_threshold,
                open_s: settings.breaker_open_s,
            },
        };
        SimulationOptions {
            seed: settings.seed,
            duration_s,
            warmup_s: settings.warmup_s,
            profile,
            key_popularity,
            service_time,
            autoscaler: AutoscalerOptions {
                mode,
                interval_s: settings.autoscaler_interval_s,
            },
            startup_delay_s: settings.startup_delay_s,
            faults: settings.faults.iter().map(fault_from_settings).collect(),
            resilience,
        }
    }
}

impl SimulationOptions {
    /// Each option that stands for one of the design's settings: its path
    /// here (as in the JSON), the setting's key in the attribute table, and
    /// its value in the setting's unit. [`Self::validate`] checks each against
    /// the table's range, so a setting carried straight through needs only
    /// its line here, never a range of its own.
    pub(crate) fn setting_values(&self) -> Vec<(String, &'static str, f64)> {
        let mut values = vec![
            (
                "duration_s".into(),
                "simulation.duration_s",
                self.duration_s,
            ),
            (
                "startup_delay_s".into(),
                "simulation.startup_delay_s",
                self.startup_delay_s,
            ),
            (
                "autoscaler.interval_s".into(),
                "simulation.autoscaler_interval_s",
                self.autoscaler.interval_s,
            ),
        ];
        if let KeyPopularity::Zipf { exponent } = self.key_popularity {
            values.push((
                "key_popularity.exponent".into(),
                "simulation.zipf_exponent",
                exponent,
            ));
        }
        if let ServiceTimeDistribution::LogNormal { cv } = self.service_time {
            values.push(("service_time.cv".into(), "simulation.service_time_cv", cv));
        }
        if let AutoscalerMode::Hpa(hpa) = self.autoscaler.mode {
            let hpa_values = [
                ("tolerance", "simulation.hpa_tolerance", hpa.tolerance),
                (
                    "stabilization_s",
                    "simulation.hpa_stabilization_s",
                    hpa.stabilization_s,
                ),
                (
                    "scale_up_pods",
                    "simulation.hpa_scale_up_pods",
                    f64::from(hpa.scale_up_pods),
                ),
                (
                    "scale_up_percent",
                    "simulation.hpa_scale_up_percent",
                    hpa.scale_up_percent,
                ),
                (
                    "scale_down_percent",
                    "simulation.hpa_scale_down_percent",
                    hpa.scale_down_percent,
                ),
                (
                    "policy_period_s",
                    "simulation.hpa_policy_period_s",
                    hpa.policy_period_s,
                ),
            ];
            values.extend(
                hpa_values
                    .into_iter()
                    .map(|(name, key, value)| (format!("autoscaler.mode.{name}"), key, value)),
            );
        }
        let resilience = &self.resilience;
        if let Some(timeout_s) = resilience.timeout_s {
            values.push((
                "resilience.timeout_s".into(),
                "simulation.timeout_ms",
                timeout_s * 1000.0,
            ));
        }
        values.push((
            "resilience.retries".into(),
            "simulation.retries",
            f64::from(resilience.retries),
        ));
        values.push((
            "resilience.retry_backoff_s".into(),
            "simulation.retry_backoff_ms",
            resilience.retry_backoff_s * 1000.0,
        ));
        let breaker = &resilience.circuit_breaker;
        if breaker.enabled {
            values.push((
                "resilience.circuit_breaker.failure_threshold".into(),
                "simulation.breaker_threshold",
                f64::from(breaker.failure_threshold),
            ));
        }
        values.push((
            "resilience.circuit_breaker.open_s".into(),
            "simulation.breaker_open_s",
            breaker.open_s,
        ));
        values
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
