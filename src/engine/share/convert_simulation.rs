//! Between the model's simulation settings and the link's simulation section
//! (`wire::WireSimulation`), scheduled faults included.
//!
//! What must stay true, as in `convert.rs`: [`simulation_from_model`]
//! destructures the settings without `..`, and [`simulation_into_model`]
//! starts from the frozen defaults, so a link of the first writer (seed,
//! duration and arrival only) reads every other setting as what it meant.

use super::bytes::WireError;
use super::codes::{
    code_of, fault_action, fault_code, from_code, ARRIVALS, AUTOSCALERS, KEY_POPULARITIES,
    SERVICE_TIMES,
};
use super::convert::{changed, changed_u32, set};
use super::defaults;
use super::wire::{WireFault, WireSimulation};
use crate::engine::model::{ComponentId, FaultAction, ScheduledFault, SimulationSettings};

/// The simulation settings that differ from the frozen defaults.
pub(super) fn simulation_from_model(settings: &SimulationSettings) -> WireSimulation {
    let SimulationSettings {
        seed,
        duration_s,
        warmup_s,
        arrival,
        ramp_from_factor,
        ramp_to_factor,
        profile_at_percent,
        profile_length_percent,
        profile_factor,
        wave_count,
        wave_amplitude,
        key_popularity,
        zipf_exponent,
        service_time,
        service_time_cv,
        startup_delay_s,
        autoscaler,
        autoscaler_interval_s,
        hpa_tolerance,
        hpa_stabilization_s,
        hpa_scale_up_pods,
        hpa_scale_up_percent,
        hpa_scale_down_percent,
        hpa_policy_period_s,
        timeout_enabled,
        timeout_ms,
        retries,
        retry_backoff_ms,
        circuit_breaker,
        breaker_threshold,
        breaker_open_s,
        faults,
    } = settings;
    let base = defaults::simulation();
    WireSimulation {
        seed: (*seed != base.seed).then_some(*seed),
        duration_s: changed(*duration_s, base.duration_s),
        arrival: (*arrival != base.arrival).then(|| code_of(&ARRIVALS, arrival)),
        faults: (!faults.is_empty()).then(|| faults.iter().map(fault_from_model).collect()),
        warmup_s: changed(*warmup_s, base.warmup_s),
        ramp_from_factor: changed(*ramp_from_factor, base.ramp_from_factor),
        ramp_to_factor: changed(*ramp_to_factor, base.ramp_to_factor),
        profile_at_percent: changed(*profile_at_percent, base.profile_at_percent),
        profile_length_percent: changed(*profile_length_percent, base.profile_length_percent),
        profile_factor: changed(*profile_factor, base.profile_factor),
        wave_count: changed(*wave_count, base.wave_count),
        wave_amplitude: changed(*wave_amplitude, base.wave_amplitude),
        key_popularity: (*key_popularity != base.key_popularity)
            .then(|| code_of(&KEY_POPULARITIES, key_popularity)),
        zipf_exponent: changed(*zipf_exponent, base.zipf_exponent),
        service_time: (*service_time != base.service_time)
            .then(|| code_of(&SERVICE_TIMES, service_time)),
        service_time_cv: changed(*service_time_cv, base.service_time_cv),
        startup_delay_s: changed(*startup_delay_s, base.startup_delay_s),
        autoscaler: (*autoscaler != base.autoscaler).then(|| code_of(&AUTOSCALERS, autoscaler)),
        autoscaler_interval_s: changed(*autoscaler_interval_s, base.autoscaler_interval_s),
        hpa_tolerance: changed(*hpa_tolerance, base.hpa_tolerance),
        hpa_stabilization_s: changed(*hpa_stabilization_s, base.hpa_stabilization_s),
        hpa_scale_up_pods: changed_u32(*hpa_scale_up_pods, base.hpa_scale_up_pods),
        hpa_scale_up_percent: changed(*hpa_scale_up_percent, base.hpa_scale_up_percent),
        hpa_scale_down_percent: changed(*hpa_scale_down_percent, base.hpa_scale_down_percent),
        hpa_policy_period_s: changed(*hpa_policy_period_s, base.hpa_policy_period_s),
        timeout_enabled: *timeout_enabled,
        timeout_ms: changed(*timeout_ms, base.timeout_ms),
        retries: changed_u32(*retries, base.retries),
        retry_backoff_ms: changed(*retry_backoff_ms, base.retry_backoff_ms),
        circuit_breaker: *circuit_breaker,
        breaker_threshold: changed_u32(*breaker_threshold, base.breaker_threshold),
        breaker_open_s: changed(*breaker_open_s, base.breaker_open_s),
    }
}

fn fault_from_model(fault: &ScheduledFault) -> WireFault {
    let ScheduledFault {
        component,
        action,
        at_s,
        duration_s,
    } = *fault;
    let (kind, amount) = fault_code(action);
    WireFault {
        component: component.0,
        kind,
        at_s,
        duration_s,
        amount,
    }
}

/// The settings a simulation section stands for; fails only on unknown codes.
pub(super) fn simulation_into_model(wire: WireSimulation) -> Result<SimulationSettings, WireError> {
    let WireSimulation {
        seed,
        duration_s,
        arrival,
        faults,
        warmup_s,
        ramp_from_factor,
        ramp_to_factor,
        profile_at_percent,
        profile_length_percent,
        profile_factor,
        wave_count,
        wave_amplitude,
        key_popularity,
        zipf_exponent,
        service_time,
        service_time_cv,
        startup_delay_s,
        autoscaler,
        autoscaler_interval_s,
        hpa_tolerance,
        hpa_stabilization_s,
        hpa_scale_up_pods,
        hpa_scale_up_percent,
        hpa_scale_down_percent,
        hpa_policy_period_s,
        timeout_enabled,
        timeout_ms,
        retries,
        retry_backoff_ms,
        circuit_breaker,
        breaker_threshold,
        breaker_open_s,
    } = wire;
    let mut s = defaults::simulation();
    set(&mut s.seed, seed);
    set(&mut s.duration_s, duration_s);
    set(
        &mut s.arrival,
        from_code(&ARRIVALS, arrival, "arrival profile")?,
    );
    if let Some(faults) = faults {
        s.faults = faults
            .into_iter()
            .map(fault_into_model)
            .collect::<Result<_, _>>()?;
    }
    set(&mut s.warmup_s, warmup_s);
    set(&mut s.ramp_from_factor, ramp_from_factor);
    set(&mut s.ramp_to_factor, ramp_to_factor);
    set(&mut s.profile_at_percent, profile_at_percent);
    set(&mut s.profile_length_percent, profile_length_percent);
    set(&mut s.profile_factor, profile_factor);
    set(&mut s.wave_count, wave_count);
    set(&mut s.wave_amplitude, wave_amplitude);
    set(
        &mut s.key_popularity,
        from_code(&KEY_POPULARITIES, key_popularity, "key popularity")?,
    );
    set(&mut s.zipf_exponent, zipf_exponent);
    set(
        &mut s.service_time,
        from_code(&SERVICE_TIMES, service_time, "service-time distribution")?,
    );
    set(&mut s.service_time_cv, service_time_cv);
    set(&mut s.startup_delay_s, startup_delay_s);
    set(
        &mut s.autoscaler,
        from_code(&AUTOSCALERS, autoscaler, "autoscaler")?,
    );
    set(&mut s.autoscaler_interval_s, autoscaler_interval_s);
    set(&mut s.hpa_tolerance, hpa_tolerance);
    set(&mut s.hpa_stabilization_s, hpa_stabilization_s);
    set(&mut s.hpa_scale_up_pods, hpa_scale_up_pods);
    set(&mut s.hpa_scale_up_percent, hpa_scale_up_percent);
    set(&mut s.hpa_scale_down_percent, hpa_scale_down_percent);
    set(&mut s.hpa_policy_period_s, hpa_policy_period_s);
    s.timeout_enabled = timeout_enabled;
    set(&mut s.timeout_ms, timeout_ms);
    set(&mut s.retries, retries);
    set(&mut s.retry_backoff_ms, retry_backoff_ms);
    s.circuit_breaker = circuit_breaker;
    set(&mut s.breaker_threshold, breaker_threshold);
    set(&mut s.breaker_open_s, breaker_open_s);
    Ok(s)
}

fn fault_into_model(wire: WireFault) -> Result<ScheduledFault, WireError> {
    let WireFault {
        component,
        kind,
        at_s,
        duration_s,
        amount,
    } = wire;
    Ok(ScheduledFault {
        component: ComponentId(component),
        action: fault_action_of(kind, amount)?,
        at_s,
        duration_s,
    })
}

/// The fault a kind code and amount stand for; the amount must be present
/// exactly for the kinds that have one.
fn fault_action_of(code: u32, amount: Option<f64>) -> Result<FaultAction, WireError> {
    let action = fault_action(u64::from(code), amount.unwrap_or_default())
        .ok_or_else(|| WireError(format!("fault kind code {code} is unknown")))?;
    match (fault_code(action).1, amount) {
        (Some(_), None) => Err(WireError(format!(
            "a fault of kind code {code} has no amount"
        ))),
        (None, Some(_)) => Err(WireError(format!(
            "a fault of kind code {code} carries an amount it cannot have"
        ))),
        _ => Ok(action),
    }
}
