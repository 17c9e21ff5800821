//! The "Simulation" group of the attribute table: one entry per setting of
//! [`SimulationSettings`] (keys `simulation.<field>`), the rules that tie the
//! settings together ([`check_simulation`]), and [`check_settings`], the one
//! validator of a design's simulation settings (the inspector, the design
//! file, the command line and the simulator's options all go through it).
//!
//! What must stay true: every field of [`SimulationSettings`] has exactly one
//! entry here, so the inspector shows it, [`check_settings`] checks it and a
//! share link carries it; a range is written here and nowhere else.

use crate::engine::attributes::fault_text::{
    format_entries, name_faults, resolve_faults, FaultEntry,
};
use crate::engine::attributes::number::format_number;
use crate::engine::attributes::slot::{AUTOSCALERS, KEY_POPULARITIES, SERVICE_TIMES};
use crate::engine::attributes::spec::{
    entry, number, whole, Access, Applies, FieldError, FieldSpec, FieldType, FieldValue, TextRule,
};
use crate::engine::model::simulation_settings::{
    ArrivalProfile, AutoscalerKind, KeyPopularityKind, ServiceTimeKind, SimulationSettings,
};
use crate::engine::model::{ComponentKind, Design, FaultAction};

pub use crate::engine::attributes::slot::ARRIVALS;

const GROUP: &str = "Simulation";
const D: Applies = Applies::Design;
/// Label of the faults field, also used in its error messages.
pub const FAULTS_LABEL: &str = "Scheduled faults";

/// Every simulation setting, in inspector order.
pub static SIMULATION_FIELDS: &[FieldSpec] = &[
    entry!(Design, D, GROUP, "simulation.seed", "Seed", "", FieldType::Seed,
        "The random source's seed: the same seed replays exactly the same run.",
        simulation.seed),
    entry!(Design, D, GROUP, "simulation.duration_s", "Duration", "s",
        number(0.001, 1_000_000.0), "Simulated time one run lasts.", simulation.duration_s),
    entry!(Design, D, GROUP, "simulation.warmup_s", "Warm-up", "s",
        number(0.0, 1_000_000.0),
        "Time at the start left out of the statistics, while queues fill up.",
        simulation.warmup_s),
    entry!(Design, D, GROUP, "simulation.arrival", "Arrival profile", "",
        FieldType::Choice(ARRIVALS),
        "How the request rate moves over the run: steady, a ramp, a spike, a step or waves.",
        simulation.arrival),
    entry!(Design, D, GROUP, "simulation.ramp_from_factor", "Ramp from", "× rate",
        number(0.0, 1000.0), "Ramp: the rate at the start, as a multiple of the workload rate.",
        simulation.ramp_from_factor; when |s| s.arrival == ArrivalProfile::Ramp),
    entry!(Design, D, GROUP, "simulation.ramp_to_factor", "Ramp to", "× rate",
        number(0.0, 1000.0), "Ramp: the rate at the end, as a multiple of the workload rate.",
        simulation.ramp_to_factor; when |s| s.arrival == ArrivalProfile::Ramp),
    entry!(Design, D, GROUP, "simulation.profile_at_percent", "Spike or step at",
        "% of run", number(0.0, 100.0), "Spike or step: when it happens, in percent of the run.",
        simulation.profile_at_percent; when |s| matches!(s.arrival, ArrivalProfile::Spike | ArrivalProfile::Step)),
    entry!(Design, D, GROUP, "simulation.profile_length_percent", "Spike length",
        "% of run", number(0.0, 100.0), "Spike: how long it lasts, in percent of the run.",
        simulation.profile_length_percent; when |s| s.arrival == ArrivalProfile::Spike),
    entry!(Design, D, GROUP, "simulation.profile_factor", "Spike or step factor",
        "× rate", number(0.0, 1000.0),
        "Spike or step: what the workload rate is multiplied by.", simulation.profile_factor; when |s| matches!(s.arrival, ArrivalProfile::Spike | ArrivalProfile::Step)),
    entry!(Design, D, GROUP, "simulation.wave_count", "Waves per run", "waves",
        number(1.0, 1000.0), "Waves: how many whole waves, like days, fit in the run.",
        simulation.wave_count; when |s| s.arrival == ArrivalProfile::Wave),
    entry!(Design, D, GROUP, "simulation.wave_amplitude", "Wave swing", "of the rate",
        number(0.0, 1.0), "Waves: how far the rate swings around the workload rate, from 0 (flat) to 1 (down to zero and up to double).",
        simulation.wave_amplitude; when |s| s.arrival == ArrivalProfile::Wave),
    entry!(Design, D, GROUP, "simulation.key_popularity", "Key popularity", "",
        FieldType::Choice(KEY_POPULARITIES),
        "Whether every key is equally popular, or a few hot keys get most requests (Zipf).",
        simulation.key_popularity),
    entry!(Design, D, GROUP, "simulation.zipf_exponent", "Zipf exponent", "",
        number(0.01, 10.0), "Zipf: how skewed popularity is; around 1 for typical web traffic.",
        simulation.zipf_exponent; when |s| s.key_popularity == KeyPopularityKind::Zipf),
    entry!(Design, D, GROUP, "simulation.service_time", "Service-time distribution", "",
        FieldType::Choice(SERVICE_TIMES),
        "How one request's service time spreads around the mean: exponential, fixed or log-normal.",
        simulation.service_time),
    entry!(Design, D, GROUP, "simulation.service_time_cv", "Service-time variation (CV)", "",
        number(0.01, 10.0),
        "Log-normal: standard deviation over mean; higher means more slow outliers.",
        simulation.service_time_cv; when |s| s.service_time == ServiceTimeKind::LogNormal),
    entry!(Design, D, GROUP, "simulation.startup_delay_s", "Replica start-up delay", "s",
        number(0.0, 86_400.0),
        "Time a new or restarted replica takes before it serves requests.",
        simulation.startup_delay_s),
    entry!(Design, D, GROUP, "simulation.autoscaler", "Autoscaler", "",
        FieldType::Choice(AUTOSCALERS),
        "Which rule scales services: the simple seed policy or Kubernetes' HPA.",
        simulation.autoscaler),
    entry!(Design, D, GROUP, "simulation.autoscaler_interval_s", "Autoscaler interval", "s",
        number(0.1, 3600.0), "Time between two decisions of the autoscaler.",
        simulation.autoscaler_interval_s),
    entry!(Design, D, GROUP, "simulation.hpa_tolerance", "HPA tolerance", "of the target",
        number(0.0, 0.99),
        "HPA: no change while the metric is within this share of its target, from 0 to 0.99 (0.1 means within 10 %).",
        simulation.hpa_tolerance; when |s| s.autoscaler == AutoscalerKind::Hpa),
    entry!(Design, D, GROUP, "simulation.hpa_stabilization_s", "HPA scale-down window", "s",
        number(0.0, 3600.0),
        "HPA: scale down only to the highest recommendation of this past window.",
        simulation.hpa_stabilization_s; when |s| s.autoscaler == AutoscalerKind::Hpa),
    entry!(Design, D, GROUP, "simulation.hpa_scale_up_pods", "HPA scale-up pods per period", "pods",
        whole(0.0, 1000.0), "HPA: most pods added per policy period (or the percentage below).",
        simulation.hpa_scale_up_pods; when |s| s.autoscaler == AutoscalerKind::Hpa),
    entry!(Design, D, GROUP, "simulation.hpa_scale_up_percent", "HPA scale-up per period", "%",
        number(0.0, 10_000.0), "HPA: most pods added per period, in percent of those running.",
        simulation.hpa_scale_up_percent; when |s| s.autoscaler == AutoscalerKind::Hpa),
    entry!(Design, D, GROUP, "simulation.hpa_scale_down_percent", "HPA scale-down per period",
        "%", number(0.0, 100.0),
        "HPA: most pods removed per period, in percent of those running.",
        simulation.hpa_scale_down_percent; when |s| s.autoscaler == AutoscalerKind::Hpa),
    entry!(Design, D, GROUP, "simulation.hpa_policy_period_s", "HPA policy period", "s",
        number(0.1, 3600.0), "HPA: the period the scale-up and scale-down limits apply to.",
        simulation.hpa_policy_period_s; when |s| s.autoscaler == AutoscalerKind::Hpa),
    entry!(Design, D, GROUP, "simulation.timeout_enabled", "Call timeouts", "", FieldType::Bool,
        "Whether callers give up on a call that takes too long.", simulation.timeout_enabled),
    entry!(Design, D, GROUP, "simulation.timeout_ms", "Timeout", "ms",
        number(1.0, 3_600_000.0), "How long a caller waits before giving up on a call.",
        simulation.timeout_ms; when |s| s.timeout_enabled),
    entry!(Design, D, GROUP, "simulation.retries", "Retries", "retries", whole(0.0, 10.0),
        "How many more times a failed call is tried.", simulation.retries),
    entry!(Design, D, GROUP, "simulation.retry_backoff_ms", "Retry backoff", "ms",
        number(0.0, 3_600_000.0), "How long a caller waits before trying again.",
        simulation.retry_backoff_ms; when |s| s.retries > 0),
    entry!(Design, D, GROUP, "simulation.circuit_breaker", "Circuit breakers", "",
        FieldType::Bool,
        "Whether callers stop calling a failing component for a while instead of piling on.",
        simulation.circuit_breaker),
    entry!(Design, D, GROUP, "simulation.breaker_threshold", "Failures that open a breaker", "failures",
        whole(1.0, 1000.0), "Failures in a row after which a caller stops calling.",
        simulation.breaker_threshold; when |s| s.circuit_breaker),
    entry!(Design, D, GROUP, "simulation.breaker_open_s", "Breaker cool-off", "s",
        number(0.001, 3600.0), "Time a breaker stays open before it tries one call again.",
        simulation.breaker_open_s; when |s| s.circuit_breaker),
    FieldSpec {
        key: "simulation.faults",
        label: FAULTS_LABEL,
        unit: "",
        help: "Failures injected at set times: kill a replica, take a component down, add latency or errors.",
        group: GROUP,
        ty: FieldType::Faults,
        rule: TextRule::Any,
        in_use: None,
        applies: D,
        access: Access::Design {
            get: |design| FieldValue::Faults(name_faults(design, &design.simulation.faults)),
            set: |design, value| {
                let FieldValue::Faults(entries) = value else {
                    return Err("this value does not fit the attribute".into());
                };
                design.simulation.faults = resolve_faults(design, entries)?;
                Ok(())
            },
        },
    },
];

/// A time `share` of the way through a run of `duration_s` seconds, rounded
/// to whole seconds (tenths in a run shorter than ten seconds).
fn time_into_run(duration_s: f64, share: f64) -> f64 {
    let at = duration_s * share;
    if duration_s >= 10.0 {
        at.round()
    } else {
        (at * 10.0).round() / 10.0
    }
}

/// An example for the faults field that works on `design`: one fault of
/// each kind, on components the design has (a replicated service for the
/// kill, a database or cache for the outage) at times inside its run, written
/// as the field reads it. `None` when the design has nothing but clients.
pub fn faults_example(design: &Design) -> Option<String> {
    let servers = || {
        design
            .components
            .iter()
            .filter(|c| c.kind != ComponentKind::Client)
    };
    let service = servers()
        .find(|c| c.kind == ComponentKind::Service && c.replicas.current > 1)
        .or_else(|| servers().find(|c| c.kind == ComponentKind::Service))
        .or_else(|| servers().next())?;
    let store = servers()
        .find(|c| c.kind == ComponentKind::Database)
        .or_else(|| servers().find(|c| c.kind == ComponentKind::Cache))
        .unwrap_or(service);
    let duration = design.simulation.duration_s;
    let fault = |component: &str, action, at, duration_s| FaultEntry {
        component: component.to_string(),
        action,
        at_s: time_into_run(duration, at),
        duration_s,
    };
    Some(format_entries(&[
        fault(&service.name, FaultAction::KillReplica, 0.3, None),
        fault(
            &store.name,
            FaultAction::ComponentDown,
            0.5,
            Some(time_into_run(duration, 0.1).max(0.1)),
        ),
        fault(
            &service.name,
            FaultAction::AddLatency { ms: 50.0 },
            0.2,
            None,
        ),
        fault(
            &service.name,
            FaultAction::AddErrors { percent: 20.0 },
            0.1,
            None,
        ),
    ]))
}

/// The simulation attributes, in inspector order.
pub fn simulation_fields() -> Vec<FieldSpec> {
    SIMULATION_FIELDS.to_vec()
}

/// The one validator of a design's simulation settings: every setting lies in
/// its entry's range (read through the same getter and parser the inspector
/// uses), then the settings agree with each other and with the design
/// ([`check_simulation`]). The error names the first problem.
pub fn check_settings(design: &Design) -> Result<(), FieldError> {
    for spec in SIMULATION_FIELDS {
        if let Access::Design { get, .. } = spec.access {
            spec.parse(&get(design).to_text())?;
        }
    }
    check_simulation(design, &design.simulation)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::attributes::access::set_field;
    use crate::engine::attributes::fault_text::parse_faults;
    use crate::engine::attributes::spec::FieldTarget;
    use crate::engine::model::validate::validate;
    use crate::engine::templates::{template, TEMPLATES};

    #[test]
    fn the_faults_example_parses_and_validates_on_every_template() {
        for info in TEMPLATES {
            let mut design = template(info.name).expect("a listed template exists");
            let example = faults_example(&design).expect("every template has a server");
            let entries = parse_faults(&example).unwrap_or_else(|e| panic!("{}: {e}", info.name));
            assert_eq!(entries.len(), 4, "{}: {example}", info.name);
            for entry in &entries {
                assert!(
                    design.component_named(&entry.component).is_some(),
                    "{}: {example} names a component the design lacks",
                    info.name
                );
                assert!(
                    entry.at_s < design.simulation.duration_s,
                    "{}: {example}",
                    info.name
                );
            }
            set_field(
                &mut design,
                FieldTarget::Design,
                "simulation.faults",
                &example,
            )
            .unwrap_or_else(|e| panic!("{}: {example}: {e}", info.name));
            assert_eq!(design.simulation.faults.len(), 4, "{}", info.name);
            validate(&design).unwrap_or_else(|e| panic!("{}: {example}: {e}", info.name));
        }
    }

    #[test]
    fn a_design_of_clients_only_has_no_example() {
        let mut design = template("microservices").expect("a template");
        design
            .components
            .retain(|c| c.kind == ComponentKind::Client);
        design.connections.clear();
        assert_eq!(faults_example(&design), None);
    }

    #[test]
    fn times_fall_inside_short_and_long_runs() {
        assert_eq!(time_into_run(60.0, 0.3), 18.0);
        assert_eq!(time_into_run(5.0, 0.3), 1.5);
        assert!(time_into_run(0.5, 0.3) < 0.5);
    }
}
