//! The "Simulation" group of the design's attributes: one [`FieldSpec`] per
//! setting of [`SimulationSettings`] (keys `simulation.<field>`), reading and
//! writing them by key, and the rules that tie them together.
//!
//! What must stay true: every field of [`SimulationSettings`] has exactly one
//! spec here, so the inspector shows it, `validate` checks it and a share link
//! carries it; [`apply_simulation_field`] changes nothing unless the value
//! parses, lies in its range and agrees with the rest of the design
//! ([`check_simulation`]).

use crate::engine::attributes::fault_text::{format_faults, resolve_faults};
use crate::engine::attributes::fields::{
    choice, flag, format_number, int, num, FieldError, FieldSpec, FieldType, FieldValue,
};
use crate::engine::model::simulation_settings::{
    ArrivalProfile, AutoscalerKind, KeyPopularityKind, ServiceTimeKind, SimulationSettings,
};
use crate::engine::model::Design;

const GROUP: &str = "Simulation";
/// Label of the faults field, also used in its error messages.
pub const FAULTS_LABEL: &str = "Scheduled faults";

/// Options of `simulation.arrival`.
pub const ARRIVALS: &[&str] = &["steady", "ramp", "spike", "step", "wave"];
/// Options of `simulation.key_popularity`.
pub const KEY_POPULARITIES: &[&str] = &["uniform", "zipf"];
/// Options of `simulation.service_time`.
pub const SERVICE_TIMES: &[&str] = &["exponential", "fixed", "log_normal"];
/// Options of `simulation.autoscaler`.
pub const AUTOSCALERS: &[&str] = &["seed", "hpa"];

const ALL_ARRIVALS: [ArrivalProfile; 5] = [
    ArrivalProfile::Steady,
    ArrivalProfile::Ramp,
    ArrivalProfile::Spike,
    ArrivalProfile::Step,
    ArrivalProfile::Wave,
];
const ALL_KEY_POPULARITIES: [KeyPopularityKind; 2] =
    [KeyPopularityKind::Uniform, KeyPopularityKind::Zipf];
const ALL_SERVICE_TIMES: [ServiceTimeKind; 3] = [
    ServiceTimeKind::Exponential,
    ServiceTimeKind::Fixed,
    ServiceTimeKind::LogNormal,
];
const ALL_AUTOSCALERS: [AutoscalerKind; 2] = [AutoscalerKind::Seed, AutoscalerKind::Hpa];

/// The simulation attributes, in inspector order.
pub fn simulation_fields() -> Vec<FieldSpec> {
    vec![
        FieldSpec {
            key: "simulation.seed",
            label: "Seed",
            group: GROUP,
            ty: FieldType::Seed,
        },
        num(
            "simulation.duration_s",
            "Duration (s)",
            GROUP,
            0.001,
            1_000_000.0,
        ),
        num(
            "simulation.warmup_s",
            "Warm-up (s)",
            GROUP,
            0.0,
            1_000_000.0,
        ),
        choice("simulation.arrival", "Arrival profile", GROUP, ARRIVALS),
        num(
            "simulation.ramp_from_factor",
            "Ramp from (× rate)",
            GROUP,
            0.0,
            1000.0,
        ),
        num(
            "simulation.ramp_to_factor",
            "Ramp to (× rate)",
            GROUP,
            0.0,
            1000.0,
        ),
        num(
            "simulation.profile_at_percent",
            "Spike or step at (% of run)",
            GROUP,
            0.0,
            100.0,
        ),
        num(
            "simulation.profile_length_percent",
            "Spike length (% of run)",
            GROUP,
            0.0,
            100.0,
        ),
        num(
            "simulation.profile_factor",
            "Spike or step factor (× rate)",
            GROUP,
            0.0,
            1000.0,
        ),
        num("simulation.wave_count", "Waves per run", GROUP, 1.0, 1000.0),
        num(
            "simulation.wave_amplitude",
            "Wave swing (0 to 1)",
            GROUP,
            0.0,
            1.0,
        ),
        choice(
            "simulation.key_popularity",
            "Key popularity",
            GROUP,
            KEY_POPULARITIES,
        ),
        num(
            "simulation.zipf_exponent",
            "Zipf exponent",
            GROUP,
            0.01,
            10.0,
        ),
        choice(
            "simulation.service_time",
            "Service-time distribution",
            GROUP,
            SERVICE_TIMES,
        ),
        num(
            "simulation.service_time_cv",
            "Service-time variation (CV)",
            GROUP,
            0.01,
            10.0,
        ),
        num(
            "simulation.startup_delay_s",
            "Replica start-up delay (s)",
            GROUP,
            0.0,
            86_400.0,
        ),
        choice("simulation.autoscaler", "Autoscaler", GROUP, AUTOSCALERS),
        num(
            "simulation.autoscaler_interval_s",
            "Autoscaler interval (s)",
            GROUP,
            0.1,
            3600.0,
        ),
        num(
            "simulation.hpa_tolerance",
            "HPA tolerance",
            GROUP,
            0.0,
            0.99,
        ),
        num(
            "simulation.hpa_stabilization_s",
            "HPA scale-down window (s)",
            GROUP,
            0.0,
            3600.0,
        ),
        int(
            "simulation.hpa_scale_up_pods",
            "HPA scale-up pods per period",
            GROUP,
            0.0,
            1000.0,
        ),
        num(
            "simulation.hpa_scale_up_percent",
            "HPA scale-up % per period",
            GROUP,
            0.0,
            10_000.0,
        ),
        num(
            "simulation.hpa_scale_down_percent",
            "HPA scale-down % per period",
            GROUP,
            0.0,
            100.0,
        ),
        num(
            "simulation.hpa_policy_period_s",
            "HPA policy period (s)",
            GROUP,
            0.1,
            3600.0,
        ),
        flag("simulation.timeout_enabled", "Call timeouts", GROUP),
        num(
            "simulation.timeout_ms",
            "Timeout (ms)",
            GROUP,
            1.0,
            3_600_000.0,
        ),
        int("simulation.retries", "Retries", GROUP, 0.0, 10.0),
        num(
            "simulation.retry_backoff_ms",
            "Retry backoff (ms)",
            GROUP,
            0.0,
            3_600_000.0,
        ),
        flag("simulation.circuit_breaker", "Circuit breakers", GROUP),
        int(
            "simulation.breaker_threshold",
            "Failures that open a breaker",
            GROUP,
            1.0,
            1000.0,
        ),
        num(
            "simulation.breaker_open_s",
            "Breaker cool-off (s)",
            GROUP,
            0.001,
            3600.0,
        ),
        FieldSpec {
            key: "simulation.faults",
            label: FAULTS_LABEL,
            group: GROUP,
            ty: FieldType::Faults,
        },
    ]
}

/// Whether `key` changes anything under the current choices (the HPA
/// settings only matter with the HPA autoscaler, and so on), so that an
/// inspector may dim or fold away the rest. Keys it does not know are in use.
pub fn simulation_field_in_use(settings: &SimulationSettings, key: &str) -> bool {
    let arrival = settings.arrival;
    match key {
        "simulation.ramp_from_factor" | "simulation.ramp_to_factor" => {
            arrival == ArrivalProfile::Ramp
        }
        "simulation.profile_at_percent" | "simulation.profile_factor" => {
            matches!(arrival, ArrivalProfile::Spike | ArrivalProfile::Step)
        }
        "simulation.profile_length_percent" => arrival == ArrivalProfile::Spike,
        "simulation.wave_count" | "simulation.wave_amplitude" => arrival == ArrivalProfile::Wave,
        "simulation.zipf_exponent" => settings.key_popularity == KeyPopularityKind::Zipf,
        "simulation.service_time_cv" => settings.service_time == ServiceTimeKind::LogNormal,
        "simulation.timeout_ms" => settings.timeout_enabled,
        "simulation.retry_backoff_ms" => settings.retries > 0,
        "simulation.breaker_threshold" | "simulation.breaker_open_s" => settings.circuit_breaker,
        hpa if hpa.starts_with("simulation.hpa_") => settings.autoscaler == AutoscalerKind::Hpa,
        _ => true,
    }
}

/// The snake_case option of an arrival profile.
pub fn arrival_slug(arrival: ArrivalProfile) -> &'static str {
    match arrival {
        ArrivalProfile::Steady => "steady",
        ArrivalProfile::Ramp => "ramp",
        ArrivalProfile::Spike => "spike",
        ArrivalProfile::Step => "step",
        ArrivalProfile::Wave => "wave",
    }
}

fn key_popularity_slug(kind: KeyPopularityKind) -> &'static str {
    match kind {
        KeyPopularityKind::Uniform => "uniform",
        KeyPopularityKind::Zipf => "zipf",
    }
}

fn service_time_slug(kind: ServiceTimeKind) -> &'static str {
    match kind {
        ServiceTimeKind::Exponential => "exponential",
        ServiceTimeKind::Fixed => "fixed",
        ServiceTimeKind::LogNormal => "log_normal",
    }
}

fn autoscaler_slug(kind: AutoscalerKind) -> &'static str {
    match kind {
        AutoscalerKind::Seed => "seed",
        AutoscalerKind::Hpa => "hpa",
    }
}

/// The variant whose slug is `option`.
fn from_slug<T: Copy>(all: &[T], slug: fn(T) -> &'static str, option: &str) -> Option<T> {
    all.iter().copied().find(|variant| slug(*variant) == option)
}

/// A number setting's value, or `None` when `key` is not a number setting.
fn number_of(s: &SimulationSettings, key: &str) -> Option<f64> {
    Some(match key {
        "simulation.duration_s" => s.duration_s,
        "simulation.warmup_s" => s.warmup_s,
        "simulation.ramp_from_factor" => s.ramp_from_factor,
        "simulation.ramp_to_factor" => s.ramp_to_factor,
        "simulation.profile_at_percent" => s.profile_at_percent,
        "simulation.profile_length_percent" => s.profile_length_percent,
        "simulation.profile_factor" => s.profile_factor,
        "simulation.wave_count" => s.wave_count,
        "simulation.wave_amplitude" => s.wave_amplitude,
        "simulation.zipf_exponent" => s.zipf_exponent,
        "simulation.service_time_cv" => s.service_time_cv,
        "simulation.startup_delay_s" => s.startup_delay_s,
        "simulation.autoscaler_interval_s" => s.autoscaler_interval_s,
        "simulation.hpa_tolerance" => s.hpa_tolerance,
        "simulation.hpa_stabilization_s" => s.hpa_stabilization_s,
        "simulation.hpa_scale_up_pods" => f64::from(s.hpa_scale_up_pods),
        "simulation.hpa_scale_up_percent" => s.hpa_scale_up_percent,
        "simulation.hpa_scale_down_percent" => s.hpa_scale_down_percent,
        "simulation.hpa_policy_period_s" => s.hpa_policy_period_s,
        "simulation.timeout_ms" => s.timeout_ms,
        "simulation.retries" => f64::from(s.retries),
        "simulation.retry_backoff_ms" => s.retry_backoff_ms,
        "simulation.breaker_threshold" => f64::from(s.breaker_threshold),
        "simulation.breaker_open_s" => s.breaker_open_s,
        _ => return None,
    })
}

/// Sets a number setting; `n` has passed its spec (whole where the spec says so).
fn set_number(s: &mut SimulationSettings, key: &str, n: f64) -> bool {
    let slot: &mut f64 = match key {
        "simulation.hpa_scale_up_pods" => {
            s.hpa_scale_up_pods = n as u32;
            return true;
        }
        "simulation.retries" => {
            s.retries = n as u32;
            return true;
        }
        "simulation.breaker_threshold" => {
            s.breaker_threshold = n as u32;
            return true;
        }
        "simulation.duration_s" => &mut s.duration_s,
        "simulation.warmup_s" => &mut s.warmup_s,
        "simulation.ramp_from_factor" => &mut s.ramp_from_factor,
        "simulation.ramp_to_factor" => &mut s.ramp_to_factor,
        "simulation.profile_at_percent" => &mut s.profile_at_percent,
        "simulation.profile_length_percent" => &mut s.profile_length_percent,
        "simulation.profile_factor" => &mut s.profile_factor,
        "simulation.wave_count" => &mut s.wave_count,
        "simulation.wave_amplitude" => &mut s.wave_amplitude,
        "simulation.zipf_exponent" => &mut s.zipf_exponent,
        "simulation.service_time_cv" => &mut s.service_time_cv,
        "simulation.startup_delay_s" => &mut s.startup_delay_s,
        "simulation.autoscaler_interval_s" => &mut s.autoscaler_interval_s,
        "simulation.hpa_tolerance" => &mut s.hpa_tolerance,
        "simulation.hpa_stabilization_s" => &mut s.hpa_stabilization_s,
        "simulation.hpa_scale_up_percent" => &mut s.hpa_scale_up_percent,
        "simulation.hpa_scale_down_percent" => &mut s.hpa_scale_down_percent,
        "simulation.hpa_policy_period_s" => &mut s.hpa_policy_period_s,
        "simulation.timeout_ms" => &mut s.timeout_ms,
        "simulation.retry_backoff_ms" => &mut s.retry_backoff_ms,
        "simulation.breaker_open_s" => &mut s.breaker_open_s,
        _ => return false,
    };
    *slot = n;
    true
}

/// The value of the simulation setting `key`, formatted as the inspector shows it.
pub fn get_simulation_field(design: &Design, key: &str) -> Option<String> {
    let s = &design.simulation;
    let text = match key {
        "simulation.seed" => s.seed.to_string(),
        "simulation.arrival" => arrival_slug(s.arrival).to_string(),
        "simulation.key_popularity" => key_popularity_slug(s.key_popularity).to_string(),
        "simulation.service_time" => service_time_slug(s.service_time).to_string(),
        "simulation.autoscaler" => autoscaler_slug(s.autoscaler).to_string(),
        "simulation.timeout_enabled" => s.timeout_enabled.to_string(),
        "simulation.circuit_breaker" => s.circuit_breaker.to_string(),
        "simulation.faults" => format_faults(design, &s.faults),
        _ => format_number(number_of(s, key)?),
    };
    Some(text)
}

/// Applies an already parsed `value` to the simulation setting `key`, or
/// returns why not and leaves the design unchanged.
pub fn apply_simulation_field(
    design: &mut Design,
    key: &str,
    value: FieldValue,
) -> Result<(), FieldError> {
    let unknown = || FieldError::UnknownField(key.to_string());
    let mut next = design.simulation.clone();
    match value {
        FieldValue::Seed(seed) if key == "simulation.seed" => next.seed = seed,
        FieldValue::Number(n) => {
            if !set_number(&mut next, key, n) {
                return Err(unknown());
            }
        }
        FieldValue::Bool(on) => match key {
            "simulation.timeout_enabled" => next.timeout_enabled = on,
            "simulation.circuit_breaker" => next.circuit_breaker = on,
            _ => return Err(unknown()),
        },
        FieldValue::Choice(option) => match key {
            "simulation.arrival" => {
                next.arrival = from_slug(&ALL_ARRIVALS, arrival_slug, option).ok_or_else(unknown)?
            }
            "simulation.key_popularity" => {
                next.key_popularity = from_slug(&ALL_KEY_POPULARITIES, key_popularity_slug, option)
                    .ok_or_else(unknown)?
            }
            "simulation.service_time" => {
                next.service_time =
                    from_slug(&ALL_SERVICE_TIMES, service_time_slug, option).ok_or_else(unknown)?
            }
            "simulation.autoscaler" => {
                next.autoscaler =
                    from_slug(&ALL_AUTOSCALERS, autoscaler_slug, option).ok_or_else(unknown)?
            }
            _ => return Err(unknown()),
        },
        FieldValue::Faults(entries) if key == "simulation.faults" => {
            next.faults =
                resolve_faults(design, entries).map_err(|reason| FieldError::BadText {
                    label: FAULTS_LABEL,
                    reason,
                })?;
        }
        _ => return Err(unknown()),
    }
    check_simulation(design, &next)?;
    design.simulation = next;
    Ok(())
}

/// Highest rate a ramp may end at, in requests per second (the simulator's bound).
pub const MAX_RAMP_RPS: f64 = 10_000_000.0;

/// Checks that a ramp profile ends at a rate the simulator accepts, given the workload rate.
pub fn check_ramp_rate(settings: &SimulationSettings, workload_rps: f64) -> Result<(), FieldError> {
    let end_rps = workload_rps * settings.ramp_to_factor;
    if settings.arrival == ArrivalProfile::Ramp && end_rps > MAX_RAMP_RPS {
        return Err(FieldError::Conflict(format!(
            "the simulation ramp would end at {} requests per second, more than the {} a run may reach",
            format_number(end_rps),
            format_number(MAX_RAMP_RPS)
        )));
    }
    Ok(())
}

/// Checks the rules that tie simulation settings together and to the design:
/// the warm-up ends before the run, a ramp ends at a rate the simulator
/// accepts, and every fault hits a component the design has.
pub fn check_simulation(design: &Design, settings: &SimulationSettings) -> Result<(), FieldError> {
    check_ramp_rate(settings, design.workload.requests_per_second)?;
    if settings.warmup_s > 0.0 && settings.warmup_s >= settings.duration_s {
        return Err(FieldError::Conflict(format!(
            "the simulation warm-up ({} s) must be shorter than the run ({} s)",
            format_number(settings.warmup_s),
            format_number(settings.duration_s)
        )));
    }
    for (index, fault) in settings.faults.iter().enumerate() {
        if design.component(fault.component).is_none() {
            return Err(FieldError::Conflict(format!(
                "simulation fault {} is on component id {}, which the design does not have",
                index + 1,
                fault.component.0
            )));
        }
    }
    Ok(())
}
