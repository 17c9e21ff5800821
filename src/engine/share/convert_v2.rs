//! Between the model and wire version 2, and the one migration step from
//! version 1 to version 2.
//!
//! What must stay true:
//! - [`from_model`] destructures the design and its simulation settings
//!   without `..` (and reuses version 1's functions, which do the same for
//!   everything else), so a new model field fails to compile here until
//!   someone decides how links carry it (a new wire version).
//! - [`into_model`] starts from the frozen defaults of version 2 (simulation)
//!   and version 1 (everything else), then sets everything the wire carries.
//! - [`migrate_v1_to_v2`] turns a version 1 struct into the version 2 struct
//!   that means the same design; only the newest struct is converted into
//!   the model.

use super::bytes::WireError;
use super::convert_v1::{
    changed, changed_u32, component_from_model, component_into_model, connection_from_model,
    connection_into_model, set, targets_from_model, targets_into_model, team_from_model,
    team_into_model, workload_from_model, workload_into_model,
};
use super::defaults_v1::{code_of, from_code, ARRIVALS};
use super::defaults_v2::{
    fault_code, fault_from_code, simulation_v2, ARRIVALS_V2, AUTOSCALERS_V2, KEY_POPULARITIES_V2,
    SERVICE_TIMES_V2,
};
use super::wire_v1::{WireDesignV1, WireSimulationV1};
use super::wire_v2::{WireDesignV2, WireFaultV2, WireSimulationV2};
use crate::engine::model::{ComponentId, Design, ScheduledFault, SimulationSettings};

/// The version 2 wire form of `design`. Never fails: anything the model can
/// hold, version 2 can carry.
pub fn from_model(design: &Design) -> WireDesignV2 {
    let Design {
        name,
        components,
        connections,
        workload,
        team,
        targets,
        simulation,
    } = design;
    WireDesignV2 {
        name: name.clone(),
        workload: workload_from_model(workload),
        team: team_from_model(team),
        targets: targets_from_model(targets),
        simulation: simulation_from_model(simulation),
        components: components.iter().map(component_from_model).collect(),
        connections: connections.iter().map(connection_from_model).collect(),
    }
}

fn simulation_from_model(settings: &SimulationSettings) -> WireSimulationV2 {
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
    let base = simulation_v2();
    WireSimulationV2 {
        seed: (*seed != base.seed).then_some(*seed),
        duration_s: changed(*duration_s, base.duration_s),
        arrival: (*arrival != base.arrival).then(|| code_of(&ARRIVALS_V2, arrival)),
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
            .then(|| code_of(&KEY_POPULARITIES_V2, key_popularity)),
        zipf_exponent: changed(*zipf_exponent, base.zipf_exponent),
        service_time: (*service_time != base.service_time)
            .then(|| code_of(&SERVICE_TIMES_V2, service_time)),
        service_time_cv: changed(*service_time_cv, base.service_time_cv),
        startup_delay_s: changed(*startup_delay_s, base.startup_delay_s),
        autoscaler: (*autoscaler != base.autoscaler).then(|| code_of(&AUTOSCALERS_V2, autoscaler)),
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

fn fault_from_model(fault: &ScheduledFault) -> WireFaultV2 {
    let ScheduledFault {
        component,
        action,
        at_s,
        duration_s,
    } = *fault;
    let (kind, amount) = fault_code(action);
    WireFaultV2 {
        component: component.0,
        kind,
        at_s,
        duration_s,
        amount,
    }
}

/// The model design a version 2 wire struct stands for. Fails only on codes
/// version 2 does not define; whether the design is valid is for `validate`.
pub fn into_model(wire: WireDesignV2) -> Result<Design, WireError> {
    let WireDesignV2 {
        name,
        workload,
        team,
        targets,
        simulation,
        components,
        connections,
    } = wire;
    Ok(Design {
        name,
        workload: workload_into_model(&workload),
        team: team_into_model(&team),
        targets: targets_into_model(&targets),
        simulation: simulation_into_model(simulation)?,
        components: components
            .into_iter()
            .map(component_into_model)
            .collect::<Result<_, _>>()?,
        connections: connections
            .into_iter()
            .map(connection_into_model)
            .collect::<Result<_, _>>()?,
    })
}

fn simulation_into_model(wire: WireSimulationV2) -> Result<SimulationSettings, WireError> {
    let WireSimulationV2 {
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
    let mut s = simulation_v2();
    set(&mut s.seed, seed);
    set(&mut s.duration_s, duration_s);
    set(
        &mut s.arrival,
        from_code(&ARRIVALS_V2, arrival, "arrival profile")?,
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
        from_code(&KEY_POPULARITIES_V2, key_popularity, "key popularity")?,
    );
    set(&mut s.zipf_exponent, zipf_exponent);
    set(
        &mut s.service_time,
        from_code(&SERVICE_TIMES_V2, service_time, "service-time distribution")?,
    );
    set(&mut s.service_time_cv, service_time_cv);
    set(&mut s.startup_delay_s, startup_delay_s);
    set(
        &mut s.autoscaler,
        from_code(&AUTOSCALERS_V2, autoscaler, "autoscaler")?,
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

fn fault_into_model(wire: WireFaultV2) -> Result<ScheduledFault, WireError> {
    let WireFaultV2 {
        component,
        kind,
        at_s,
        duration_s,
        amount,
    } = wire;
    Ok(ScheduledFault {
        component: ComponentId(component),
        action: fault_from_code(kind, amount)?,
        at_s,
        duration_s,
    })
}

/// The version 2 struct that means what a version 1 struct means. Version 1
/// carried the seed, the duration and the arrival profile with the same
/// defaults and codes version 2 uses for them (version 2 only appends `step`),
/// and every setting it could not carry meant what version 2's defaults mean,
/// so those are left out.
pub fn migrate_v1_to_v2(wire: WireDesignV1) -> Result<WireDesignV2, WireError> {
    let WireDesignV1 {
        name,
        workload,
        team,
        targets,
        simulation,
        components,
        connections,
    } = wire;
    let WireSimulationV1 {
        seed,
        duration_s,
        arrival,
    } = simulation;
    if let Some(code) = arrival.filter(|code| *code as usize >= ARRIVALS.len()) {
        // Code 4 is `step` in version 2, but version 1 never wrote it.
        return Err(WireError(format!("arrival profile code {code} is unknown")));
    }
    let simulation = WireSimulationV2 {
        seed,
        duration_s,
        arrival,
        ..WireSimulationV2::default()
    };
    Ok(WireDesignV2 {
        name,
        workload,
        team,
        targets,
        simulation,
        components,
        connections,
    })
}

#[cfg(test)]
mod tests {
    use super::super::defaults_v1::simulation_v1;
    use super::*;

    #[test]
    fn version_1_settings_mean_the_same_in_version_2() {
        let (v1, v2) = (simulation_v1(), simulation_v2());
        assert_eq!(
            (v1.seed, v1.duration_s, v1.arrival),
            (v2.seed, v2.duration_s, v2.arrival)
        );
        assert_eq!(
            ARRIVALS[..],
            ARRIVALS_V2[..ARRIVALS.len()],
            "version 2 only appends arrival codes"
        );
    }
}
