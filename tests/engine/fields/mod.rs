//! Field specs and `set_field`: every attribute reads back what it was set
//! to, and every bad value is refused with a message naming the attribute,
//! leaving the design exactly as it was.
//!
//! This file holds the helpers and the checks every field passes (read-back,
//! ranges, choices, unknown keys, inspector order); `conflicts` holds values
//! refused because of their neighbours and `text` the fields typed as text
//! (paths, topics, numbers, shards).

mod conflicts;
mod text;

use crate::{connection_between, id_of, sketch};
use archplay::engine::attributes::access::{get_field, set_field};
use archplay::engine::attributes::fields::{
    component_fields, connection_fields, design_fields, fields_for, format_number, parse_shards,
    FieldError, FieldTarget, FieldType,
};
use archplay::engine::model::{ComponentId, ComponentKind, ConnectionId, Design};

/// Sets `key` to `value` on `target`, expects a refusal whose message
/// contains every word in `words`, and checks nothing changed.
#[track_caller]
fn check_refused(
    design: &mut Design,
    target: FieldTarget,
    key: &str,
    value: &str,
    words: &[&str],
) -> FieldError {
    let before = design.clone();
    let error = set_field(design, target, key, value).expect_err("the value should be refused");
    let message = error.to_string();
    for word in words {
        assert!(
            message.contains(word),
            "{key}={value:?}: message {message:?} should contain {word:?}"
        );
    }
    assert_eq!(
        *design, before,
        "{key}={value:?}: a refused value changes nothing"
    );
    error
}

/// One component of every kind, connected so connection fields exist too.
fn every_kind() -> Design {
    let mut text = String::new();
    for kind in ComponentKind::ALL {
        text.push_str(&format!("{} the-{}\n", kind.slug(), kind.slug()));
    }
    text.push_str("the-client -> the-api_gateway\n");
    sketch(&text)
}

fn all_targets(design: &Design) -> Vec<FieldTarget> {
    let mut targets = vec![FieldTarget::Design];
    targets.extend(
        design
            .components
            .iter()
            .map(|c| FieldTarget::Component(c.id)),
    );
    targets.extend(
        design
            .connections
            .iter()
            .map(|c| FieldTarget::Connection(c.id)),
    );
    targets
}

const DB: &str = "
service api
service other
database db
load_balancer lb
api -> db
";

#[test]
fn every_field_reads_back_and_accepts_its_own_value() {
    let mut design = every_kind();
    for target in all_targets(&design) {
        for spec in fields_for(&design, target).unwrap() {
            let value = get_field(&design, target, spec.key)
                .unwrap_or_else(|| panic!("{target:?} has no value for {}", spec.key));
            assert!(
                spec.parse(&value).is_ok(),
                "{}: the shown value {value:?} parses",
                spec.key
            );
            let before = design.clone();
            set_field(&mut design, target, spec.key, &value)
                .unwrap_or_else(|e| panic!("{}={value:?}: {e}", spec.key));
            assert_eq!(
                design, before,
                "{}: setting the shown value is a no-op",
                spec.key
            );
        }
    }
}

#[test]
fn every_number_field_refuses_text_and_values_out_of_range() {
    let mut design = every_kind();
    for target in all_targets(&design) {
        for spec in fields_for(&design, target).unwrap() {
            let FieldType::Number { min, max, integer } = spec.ty else {
                continue;
            };
            let label = spec.label;
            check_refused(
                &mut design,
                target,
                spec.key,
                "twelve",
                &[label, "`twelve` is not a number"],
            );
            check_refused(
                &mut design,
                target,
                spec.key,
                "NaN",
                &[label, "is not a number"],
            );
            check_refused(
                &mut design,
                target,
                spec.key,
                "inf",
                &[label, "is not a number"],
            );
            let range = [
                label,
                "must be between",
                &format_number(min),
                &format_number(max),
            ];
            check_refused(
                &mut design,
                target,
                spec.key,
                &format_number(max + max.abs().max(1.0)),
                &range,
            );
            check_refused(
                &mut design,
                target,
                spec.key,
                &format_number(min - 1.0),
                &range,
            );
            if integer {
                check_refused(
                    &mut design,
                    target,
                    spec.key,
                    "2.5",
                    &[label, "must be a whole number"],
                );
            }
        }
    }
}

#[test]
fn flags_and_choices_accept_their_options_and_nothing_else() {
    let mut design = every_kind();
    for target in all_targets(&design) {
        for spec in fields_for(&design, target).unwrap() {
            match spec.ty {
                FieldType::Bool => {
                    for (input, shown) in [
                        ("true", "true"),
                        ("off", "false"),
                        ("1", "true"),
                        ("no", "false"),
                    ] {
                        set_field(&mut design, target, spec.key, input).unwrap();
                        assert_eq!(
                            get_field(&design, target, spec.key).unwrap(),
                            shown,
                            "{}",
                            spec.key
                        );
                    }
                    check_refused(
                        &mut design,
                        target,
                        spec.key,
                        "maybe",
                        &[spec.label, "`maybe` is not one of the options"],
                    );
                }
                FieldType::Choice(options) => {
                    for option in options {
                        set_field(&mut design, target, spec.key, &option.to_lowercase()).unwrap();
                        assert_eq!(
                            get_field(&design, target, spec.key).unwrap(),
                            *option,
                            "{}",
                            spec.key
                        );
                    }
                    check_refused(
                        &mut design,
                        target,
                        spec.key,
                        "sideways",
                        &[spec.label, "not one of the options"],
                    );
                }
                _ => {}
            }
        }
    }
}

#[test]
fn unknown_attributes_and_missing_targets_are_refused() {
    let mut design = sketch(DB);
    let api = FieldTarget::Component(id_of(&design, "api"));
    check_refused(
        &mut design,
        api,
        "colour",
        "red",
        &["unknown attribute `colour`"],
    );
    // Attributes of other kinds are not attributes of this one.
    check_refused(
        &mut design,
        api,
        "cache_hit_ratio",
        "0.5",
        &["unknown attribute `cache_hit_ratio`"],
    );
    check_refused(
        &mut design,
        FieldTarget::Component(ComponentId(99)),
        "name",
        "x",
        &["the selected item no longer exists"],
    );
    check_refused(
        &mut design,
        FieldTarget::Connection(ConnectionId(99)),
        "weight",
        "1",
        &["the selected item no longer exists"],
    );
    check_refused(
        &mut design,
        FieldTarget::Design,
        "workload.colour",
        "1",
        &["unknown attribute"],
    );
}

#[test]
fn every_kind_shows_general_fields_first_and_security_last() {
    for kind in ComponentKind::ALL {
        let keys: Vec<&str> = component_fields(kind).iter().map(|s| s.key).collect();
        assert_eq!(&keys[..2], &["name", "description"], "{kind:?}");
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{kind:?}: no key listed twice");
        if kind != ComponentKind::Client {
            assert_eq!(keys.last(), Some(&"security.audit_logging"), "{kind:?}");
        }
    }
    assert_eq!(connection_fields().len(), 4);
    assert!(design_fields()
        .iter()
        .any(|s| s.key == "targets.cpu_percent"));
}
