//! The design's simulation settings: every setting is a field of the
//! "Simulation" group that reads back what it was set to, refuses bad input
//! by name without changing anything, survives the design file, and maps onto
//! the simulator's options; scheduled faults are one line of text that names
//! components by name while the model keeps their ids.
//!
//! This file holds the helpers and the settings as fields (values, refusals,
//! conflicts); `faults` holds the faults text and `saved` the settings
//! in a design file.

mod faults;
mod saved;

use crate::{id_of, sketch};
use archplay::engine::attributes::access::{get_field, set_field};
use archplay::engine::attributes::fault_text::{format_faults, parse_faults, resolve_faults};
use archplay::engine::attributes::fields::{
    design_fields, FieldError, FieldSpec, FieldTarget, FieldType,
};
use archplay::engine::attributes::simulation_fields::simulation_fields;
use archplay::engine::model::edit::{apply, Edit};
use archplay::engine::model::validate::validate;
use archplay::engine::model::{
    ArrivalProfile, AutoscalerKind, ComponentId, Design, FaultAction, KeyPopularityKind,
    ScheduledFault, ServiceTimeKind, SimulationSettings,
};
use archplay::engine::share::design_file;

const DESIGN: FieldTarget = FieldTarget::Design;

/// A small shop whose names match the faults of the example.
pub(crate) fn shop() -> Design {
    sketch(
        "
client web
api_gateway api-gateway
service orders-service autoscaling.enabled=true
service payments-service
database users-db
web -> api-gateway
api-gateway -> orders-service
api-gateway -> payments-service
orders-service -> users-db
",
    )
}

pub(crate) fn set(design: &mut Design, key: &str, value: &str) {
    set_field(design, DESIGN, key, value)
        .unwrap_or_else(|error| panic!("{key}={value:?}: {error}"));
}

pub(crate) fn get(design: &Design, key: &str) -> String {
    get_field(design, DESIGN, key).unwrap_or_else(|| panic!("{key} has no value"))
}

/// Sets `key` to `value`, expects a refusal mentioning every one of `words`,
/// and checks that the design did not change.
#[track_caller]
pub(crate) fn check_refused(
    design: &mut Design,
    key: &str,
    value: &str,
    words: &[&str],
) -> FieldError {
    let before = design.clone();
    let error = set_field(design, DESIGN, key, value)
        .expect_err(&format!("{key}={value:?} should be refused"));
    let message = error.to_string();
    for word in words {
        assert!(
            message.contains(word),
            "{key}={value:?}: {message:?} should mention {word:?}"
        );
    }
    assert_eq!(
        *design, before,
        "{key}={value:?}: a refused value changes nothing"
    );
    error
}

#[test]
fn every_simulation_setting_is_a_design_field_of_the_simulation_group() {
    let specs = simulation_fields();
    assert_eq!(specs.len(), 32, "one spec per field of SimulationSettings");
    let design_specs = design_fields();
    let design = Design::new("d");
    let mut keys = std::collections::BTreeSet::new();
    for spec in &specs {
        assert!(
            spec.key.starts_with("simulation.") && keys.insert(spec.key),
            "{}",
            spec.key
        );
        assert_eq!(spec.group, "Simulation", "{}", spec.key);
        assert!(
            design_specs.contains(spec),
            "{} is not in design_fields()",
            spec.key
        );
        let value = get(&design, spec.key);
        assert!(
            spec.parse(&value).is_ok(),
            "{}: the default {value:?} parses",
            spec.key
        );
    }
    let faults: Vec<&FieldSpec> = specs
        .iter()
        .filter(|spec| spec.ty == FieldType::Faults)
        .collect();
    assert_eq!(faults.len(), 1, "the faults are one text field");
    assert_eq!(
        get(&design, "simulation.faults"),
        "",
        "no faults by default"
    );
}

#[test]
fn each_setting_takes_a_valid_value_and_reads_it_back() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "simulation.seed",
            "18446744073709551615",
            "18446744073709551615",
        ),
        ("simulation.duration_s", "90", "90"),
        ("simulation.warmup_s", "5.5", "5.5"),
        ("simulation.arrival", "step", "step"),
        ("simulation.arrival", "WAVE", "wave"),
        ("simulation.ramp_from_factor", "0.5", "0.5"),
        ("simulation.ramp_to_factor", "2", "2"),
        ("simulation.profile_at_percent", "30", "30"),
        ("simulation.profile_length_percent", "20", "20"),
        ("simulation.profile_factor", "4.0", "4"),
        ("simulation.wave_count", "2.5", "2.5"),
        ("simulation.wave_amplitude", "0.25", "0.25"),
        ("simulation.key_popularity", "zipf", "zipf"),
        ("simulation.zipf_exponent", "1.3", "1.3"),
        ("simulation.service_time", "fixed", "fixed"),
        ("simulation.service_time", "log_normal", "log_normal"),
        ("simulation.service_time_cv", "0.4", "0.4"),
        ("simulation.startup_delay_s", "3", "3"),
        ("simulation.autoscaler", "hpa", "hpa"),
        ("simulation.autoscaler_interval_s", "30", "30"),
        ("simulation.hpa_tolerance", "0.2", "0.2"),
        ("simulation.hpa_stabilization_s", "60", "60"),
        ("simulation.hpa_scale_up_pods", "8", "8"),
        ("simulation.hpa_scale_up_percent", "200", "200"),
        ("simulation.hpa_scale_down_percent", "50", "50"),
        ("simulation.hpa_policy_period_s", "20", "20"),
        ("simulation.timeout_enabled", "on", "true"),
        ("simulation.timeout_ms", "250", "250"),
        ("simulation.retries", "3", "3"),
        ("simulation.retry_backoff_ms", "25", "25"),
        ("simulation.circuit_breaker", "yes", "true"),
        ("simulation.breaker_threshold", "10", "10"),
        ("simulation.breaker_open_s", "2.5", "2.5"),
        (
            "simulation.faults",
            " kill orders-service at 20 ",
            "kill orders-service at 20s",
        ),
    ];
    let mut design = shop();
    for (key, input, shown) in cases {
        let before = design.clone();
        set(&mut design, key, input);
        assert_eq!(get(&design, key), *shown, "{key}={input:?}");
        assert_ne!(design, before, "{key}={input:?} changed the design");
    }
    let settings = &design.simulation;
    assert_eq!(
        (
            settings.arrival,
            settings.key_popularity,
            settings.autoscaler
        ),
        (
            ArrivalProfile::Wave,
            KeyPopularityKind::Zipf,
            AutoscalerKind::Hpa
        )
    );
    assert_eq!(
        (
            settings.service_time,
            settings.timeout_enabled,
            settings.circuit_breaker
        ),
        (ServiceTimeKind::LogNormal, true, true)
    );
    let orders = id_of(&design, "orders-service");
    assert_eq!(
        settings.faults,
        vec![ScheduledFault {
            component: orders,
            action: FaultAction::KillReplica,
            at_s: 20.0,
            duration_s: None
        }]
    );
}

#[test]
fn bad_values_are_refused_naming_the_field_and_change_nothing() {
    let mut design = shop();
    for spec in simulation_fields() {
        let bad: Vec<String> = match spec.ty {
            FieldType::Number { min, max, integer } => {
                let mut bad = vec![
                    "abc".to_string(),
                    "NaN".to_string(),
                    format!("{}", max * 2.0 + 1.0),
                    format!("{}", min - 1.0),
                ];
                if integer {
                    bad.push(format!("{}", min + 0.5));
                }
                bad
            }
            FieldType::Choice(_) => vec!["bogus".into(), "".into()],
            FieldType::Bool => vec!["maybe".into()],
            FieldType::Seed => vec!["-1".into(), "18446744073709551616".into(), "x".into()],
            FieldType::Faults => vec![
                "explode orders-service at 1s".into(),
                "kill nobody at 1s".into(),
            ],
            _ => panic!("{}: unexpected field type", spec.key),
        };
        for value in bad {
            check_refused(&mut design, spec.key, &value, &[spec.label]);
        }
    }
}

#[test]
fn settings_that_conflict_are_refused_either_way() {
    let mut design = shop();
    set(&mut design, "simulation.warmup_s", "30");
    check_refused(
        &mut design,
        "simulation.duration_s",
        "30",
        &["warm-up (30 s) must be shorter than the run (30 s)"],
    );
    check_refused(
        &mut design,
        "simulation.warmup_s",
        "60",
        &["warm-up (60 s) must be shorter than the run (60 s)"],
    );
    set(&mut design, "simulation.ramp_to_factor", "1000");
    set(&mut design, "workload.requests_per_second", "20000");
    check_refused(
        &mut design,
        "simulation.arrival",
        "ramp",
        &["ramp would end at 20000000 requests per second"],
    );
    set(&mut design, "simulation.ramp_to_factor", "2");
    set(&mut design, "simulation.arrival", "ramp");
    check_refused(
        &mut design,
        "workload.requests_per_second",
        "6000000",
        &["ramp would end at 12000000 requests per second"],
    );
}
