//! Version 2's frozen defaults and codes for the simulation settings: what a
//! left-out field means, and the numbers that stand for arrival profiles,
//! key popularity, service-time distributions, autoscalers and fault kinds.
//! Everything else (workload, team, targets, components, connections) keeps
//! version 1's defaults and codes (`defaults_v1.rs`).
//!
//! What must stay true: everything here is a copy of the model as it was when
//! version 2 was made, written out by hand. Never replace a value with a call
//! to `SimulationSettings::default` (it may change, and would silently change
//! what old links mean), and never reorder a code table. The settings version
//! 1 could not carry default to exactly what a version 1 link meant, so the
//! migration from version 1 leaves them out.

use super::bytes::WireError;
use crate::engine::model::{
    ArrivalProfile, AutoscalerKind, FaultAction, KeyPopularityKind, ServiceTimeKind,
    SimulationSettings,
};

/// The simulation settings of a version 2 link that leaves every field out.
pub(super) fn simulation_v2() -> SimulationSettings {
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

/// Arrival codes: version 1's four, then `step`.
pub(super) const ARRIVALS_V2: [ArrivalProfile; 5] = [
    ArrivalProfile::Steady,
    ArrivalProfile::Ramp,
    ArrivalProfile::Spike,
    ArrivalProfile::Wave,
    ArrivalProfile::Step,
];
/// Key popularity codes.
pub(super) const KEY_POPULARITIES_V2: [KeyPopularityKind; 2] =
    [KeyPopularityKind::Uniform, KeyPopularityKind::Zipf];
/// Service-time distribution codes.
pub(super) const SERVICE_TIMES_V2: [ServiceTimeKind; 3] = [
    ServiceTimeKind::Exponential,
    ServiceTimeKind::Fixed,
    ServiceTimeKind::LogNormal,
];
/// Autoscaler codes.
pub(super) const AUTOSCALERS_V2: [AutoscalerKind; 2] = [AutoscalerKind::Seed, AutoscalerKind::Hpa];

/// A fault's kind code and amount (milliseconds or percent).
pub(super) fn fault_code(action: FaultAction) -> (u32, Option<f64>) {
    match action {
        FaultAction::KillReplica => (0, None),
        FaultAction::ComponentDown => (1, None),
        FaultAction::AddLatency { ms } => (2, Some(ms)),
        FaultAction::AddErrors { percent } => (3, Some(percent)),
    }
}

/// The fault a kind code and amount stand for; the amount must be present
/// exactly for the kinds that have one.
pub(super) fn fault_from_code(code: u32, amount: Option<f64>) -> Result<FaultAction, WireError> {
    match (code, amount) {
        (0, None) => Ok(FaultAction::KillReplica),
        (1, None) => Ok(FaultAction::ComponentDown),
        (2, Some(ms)) => Ok(FaultAction::AddLatency { ms }),
        (3, Some(percent)) => Ok(FaultAction::AddErrors { percent }),
        (0..=3, Some(_)) => Err(WireError(format!(
            "a fault of kind code {code} carries an amount it cannot have"
        ))),
        (0..=3, None) => Err(WireError(format!(
            "a fault of kind code {code} has no amount"
        ))),
        _ => Err(WireError(format!("fault kind code {code} is unknown"))),
    }
}
