//! The design's simulation settings: every setting is a field of the
//! "Simulation" group that reads back what it was set to, refuses bad input
//! by name without changing anything, survives the design file, and maps onto
//! the simulator's options; scheduled faults are one line of text that names
//! components by name while the model keeps their ids.

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

/// A small shop whose names match the faults of the issue's example.
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
fn the_issue_example_parses_into_ids_and_reads_back_the_same() {
    let text = "kill orders-service at 20s; down users-db at 30s for 10s; latency api-gateway at 10s for 20s +50ms; errors payments-service at 5s for 10s 20%";
    let mut design = shop();
    set(&mut design, "simulation.faults", text);
    assert_eq!(get(&design, "simulation.faults"), text);
    let id = |name: &str| id_of(&design, name);
    let fault = |component, action, at_s, duration_s| ScheduledFault {
        component,
        action,
        at_s,
        duration_s,
    };
    assert_eq!(
        design.simulation.faults,
        vec![
            fault(id("orders-service"), FaultAction::KillReplica, 20.0, None),
            fault(id("users-db"), FaultAction::ComponentDown, 30.0, Some(10.0)),
            fault(
                id("api-gateway"),
                FaultAction::AddLatency { ms: 50.0 },
                10.0,
                Some(20.0)
            ),
            fault(
                id("payments-service"),
                FaultAction::AddErrors { percent: 20.0 },
                5.0,
                Some(10.0)
            ),
        ]
    );
    assert_eq!(validate(&design), Ok(()));
}

#[test]
fn clauses_come_in_any_order_and_times_in_seconds_or_milliseconds() {
    let mut design = shop();
    let cases = [
        (
            "errors payments-service 20% for 10s at 5000ms",
            "errors payments-service at 5s for 10s 20%",
        ),
        (
            "LATENCY api-gateway +0.05s at 1.5",
            "latency api-gateway at 1.5s +50ms",
        ),
        (
            "latency api-gateway at 1s +7",
            "latency api-gateway at 1s +7ms",
        ),
        (
            "down users-db at 0s\nkill orders-service at 1ms;;",
            "down users-db at 0s; kill orders-service at 0.001s",
        ),
        ("", ""),
        (" ; ", ""),
    ];
    for (input, shown) in cases {
        set(&mut design, "simulation.faults", input);
        assert_eq!(get(&design, "simulation.faults"), shown, "{input:?}");
    }
}

#[test]
fn faults_text_round_trips_with_names_that_need_quotes() {
    let mut design = shop();
    for (old, new) in [
        ("orders-service", "orders service"),
        ("users-db", "a\"b"),
        ("api-gateway", "semi;colon"),
        ("payments-service", "back\\slash"),
    ] {
        let id = id_of(&design, old);
        apply(
            &mut design,
            Edit::SetField {
                target: FieldTarget::Component(id),
                key: "name".into(),
                value: new.into(),
            },
        )
        .unwrap();
    }
    let text = r#"kill "orders service" at 20s; down "a\"b" at 30s for 10s; latency "semi;colon" at 10s +50ms; errors "back\\slash" at 5.25s 12.5%; kill web at 0.1s"#;
    set(&mut design, "simulation.faults", text);
    assert_eq!(get(&design, "simulation.faults"), text);
    // format -> parse -> resolve gives the same faults, and setting the shown text changes nothing.
    let shown = format_faults(&design, &design.simulation.faults);
    let parsed = resolve_faults(&design, parse_faults(&shown).unwrap()).unwrap();
    assert_eq!(parsed, design.simulation.faults);
    let before = design.clone();
    set(&mut design, "simulation.faults", &shown);
    assert_eq!(design, before);
}

#[test]
fn bad_fault_texts_are_refused_with_messages() {
    let mut design = shop();
    set(
        &mut design,
        "simulation.faults",
        "kill orders-service at 1s",
    );
    let too_many = vec!["kill orders-service at 1s"; 101].join("; ");
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("kill nobody at 1s", vec!["no component is named `nobody`"]),
        (
            "kill Orders-Service at 1s",
            vec!["no component is named `Orders-Service`"],
        ),
        (
            "kill orders-service at soon",
            vec![
                "fault 1 (`kill orders-service at soon`)",
                "`soon` is not a time like 20s",
            ],
        ),
        (
            "kill orders-service at -5s",
            vec!["`-5s` is not a time from 0 to 1000000 s"],
        ),
        (
            "kill orders-service at 2000000s",
            vec!["not a time from 0 to 1000000 s"],
        ),
        ("kill orders-service at", vec!["`at` needs a time"]),
        (
            "errors payments-service at 5s 150%",
            vec!["`150%` is not a percentage from 0% to 100%"],
        ),
        (
            "errors payments-service at 5s -1%",
            vec!["`-1%` is not a percentage"],
        ),
        (
            "errors payments-service at 5s lots%",
            vec!["`lots%` is not a percentage"],
        ),
        (
            "errors payments-service at 5s",
            vec!["say what share of calls fail"],
        ),
        (
            "latency api-gateway at 5s",
            vec!["say how much latency to add"],
        ),
        (
            "latency api-gateway at 5s +slow",
            vec!["`+slow` is not an added latency"],
        ),
        (
            "latency api-gateway at 5s +5000000ms",
            vec!["not an added latency from +0ms to +3600000ms"],
        ),
        (
            "kill orders-service at 5s 20%",
            vec!["only goes with `errors`"],
        ),
        (
            "down users-db at 5s +20ms",
            vec!["only goes with `latency`"],
        ),
        ("kill orders-service", vec!["say when it starts"]),
        ("kill at 5s", vec!["name the component after `kill`"]),
        (
            "explode orders-service at 5s",
            vec!["`explode` is not a fault; start with kill, down, latency or errors"],
        ),
        (
            "kill orders service at 5s",
            vec!["`service` is not understood", "quote names with spaces"],
        ),
        ("kill \"orders-service at 5s", vec!["is not closed"]),
        (
            "kill \"orders-service\"x at 5s",
            vec!["put a space after the quoted name"],
        ),
        (
            "kill orders-service at 5s at 6s",
            vec!["`at` is written twice"],
        ),
        (
            "kill orders-service at 5s for 0s",
            vec!["a fault lasts more than 0 s"],
        ),
        (
            "kill orders-service at 1s; down users-db at x",
            vec!["fault 2 (`down users-db at x`)"],
        ),
        (too_many.as_str(), vec!["at most 100 faults, not 101"]),
    ];
    for (text, words) in cases {
        let mut all_words = vec!["Scheduled faults: "];
        all_words.extend(words);
        let error = check_refused(&mut design, "simulation.faults", text, &all_words);
        assert!(
            matches!(error, FieldError::BadText { .. }),
            "{text}: {error:?}"
        );
    }
}

#[test]
fn renaming_keeps_faults_and_deleting_a_component_drops_its_faults() {
    let mut design = shop();
    set(
        &mut design,
        "simulation.faults",
        "kill orders-service at 20s; down users-db at 30s for 10s; errors orders-service at 1s 5%",
    );
    let orders = id_of(&design, "orders-service");
    apply(
        &mut design,
        Edit::SetField {
            target: FieldTarget::Component(orders),
            key: "name".into(),
            value: "orders-v2".into(),
        },
    )
    .unwrap();
    assert_eq!(
        get(&design, "simulation.faults"),
        "kill orders-v2 at 20s; down users-db at 30s for 10s; errors orders-v2 at 1s 5%"
    );
    let users = id_of(&design, "users-db");
    apply(&mut design, Edit::DeleteComponent(users)).unwrap();
    assert_eq!(
        get(&design, "simulation.faults"),
        "kill orders-v2 at 20s; errors orders-v2 at 1s 5%"
    );
    assert_eq!(validate(&design), Ok(()));
}

#[test]
fn validation_refuses_faults_on_missing_components_and_broken_fault_values() {
    let mut design = shop();
    design.simulation.faults.push(ScheduledFault {
        component: ComponentId(77),
        action: FaultAction::KillReplica,
        at_s: 1.0,
        duration_s: None,
    });
    let problems = validate(&design).expect_err("a fault on nothing").problems;
    assert!(
        problems
            .iter()
            .any(|p| p.contains("simulation fault 1 is on component id 77")),
        "{problems:?}"
    );
    let mut design = shop();
    let orders = id_of(&design, "orders-service");
    design.simulation.faults.push(ScheduledFault {
        component: orders,
        action: FaultAction::AddErrors { percent: 250.0 },
        at_s: 1.0,
        duration_s: None,
    });
    let problems = validate(&design).expect_err("a share above 100 %").problems;
    assert!(
        problems
            .iter()
            .any(|p| p.contains("`250%` is not a percentage")),
        "{problems:?}"
    );
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

#[test]
fn a_design_file_without_the_new_settings_loads_with_their_defaults() {
    let old = r#"{"archplay": 1, "name": "old", "simulation": {"seed": 5, "duration_s": 30, "arrival": "spike"}}"#;
    let design = design_file::from_json(old).unwrap();
    let expected = SimulationSettings {
        seed: 5,
        duration_s: 30.0,
        arrival: ArrivalProfile::Spike,
        ..SimulationSettings::default()
    };
    assert_eq!(design.simulation, expected);
    let step =
        design_file::from_json(r#"{"archplay": 1, "simulation": {"arrival": "step"}}"#).unwrap();
    assert_eq!(step.simulation.arrival, ArrivalProfile::Step);
    assert!(
        design_file::from_json(r#"{"archplay": 1, "simulation": {"arrival": "sawtooth"}}"#)
            .is_err()
    );
}

#[test]
fn every_setting_survives_the_design_file() {
    let mut design = shop();
    for (key, value) in [
        ("simulation.arrival", "spike"),
        ("simulation.profile_length_percent", "12.5"),
        ("simulation.autoscaler", "hpa"),
        ("simulation.hpa_tolerance", "0.15"),
        ("simulation.timeout_enabled", "true"),
        (
            "simulation.faults",
            "latency api-gateway at 10s for 20s +50ms; errors payments-service at 5s 20%",
        ),
    ] {
        set(&mut design, key, value);
    }
    let json = design_file::to_json(&design);
    assert!(
        json.contains(r#""kind": "add_latency""#) && json.contains(r#""percent": 20.0"#),
        "{json}"
    );
    assert_eq!(design_file::from_json(&json), Ok(design));
}
