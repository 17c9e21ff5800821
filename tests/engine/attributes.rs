//! The attribute table itself: every entry reads back what it writes, every
//! range refuses what lies outside it, every kind has exactly the entries
//! the inspector shows, and the inspector, the design validator, the
//! settings validator and the simulator's option check agree on each range.

use crate::sketch;
use archplay::engine::attributes::access::{get_field, read, set_field};
use archplay::engine::attributes::fields::{
    all_fields, attribute, component_fields, design_attribute, fields_for, Access, Applies,
    FieldError, FieldTarget, FieldType, FieldValue,
};
use archplay::engine::attributes::simulation_fields::{check_settings, SIMULATION_FIELDS};
use archplay::engine::model::validate::validate;
use archplay::engine::model::{ComponentKind, Design};
use archplay::engine::sim::{SimError, Simulation};

/// A design with one component of every kind (named `k0`, `k1`, ... in
/// [`ComponentKind::ALL`] order) and one connection.
fn every_kind() -> Design {
    let mut lines: Vec<String> = ComponentKind::ALL
        .iter()
        .enumerate()
        .map(|(i, kind)| format!("{} k{i}", kind.slug()))
        .collect();
    lines.push("k0 -> k1".into());
    sketch(&lines.join("\n"))
}

/// The kind named `k{i}` in [`every_kind`].
fn named(design: &Design, kind: ComponentKind) -> FieldTarget {
    let i = ComponentKind::ALL.iter().position(|k| *k == kind).unwrap();
    FieldTarget::Component(design.component_named(&format!("k{i}")).unwrap().id)
}

/// Every target of `design` with the entries it has.
fn targets(design: &Design) -> Vec<FieldTarget> {
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

#[test]
fn every_entry_round_trips_through_its_getter_and_setter() {
    let mut design = every_kind();
    for target in targets(&design) {
        for spec in fields_for(&design, target).unwrap() {
            let value = read(&design, target, &spec).expect("the target has the entry");
            let text = value.to_text();
            assert_eq!(
                spec.parse(&text),
                Ok(value),
                "{}: `{text}` parses back to what was read",
                spec.key
            );
            let before = design.clone();
            set_field(&mut design, target, spec.key, &text)
                .unwrap_or_else(|error| panic!("{}: `{text}` is refused: {error}", spec.key));
            assert_eq!(
                design, before,
                "{}: writing what was read changes nothing",
                spec.key
            );
            assert_eq!(get_field(&design, target, spec.key), Some(text));
        }
    }
}

#[test]
fn every_number_range_refuses_values_just_outside_it_and_changes_nothing() {
    let mut design = every_kind();
    for target in targets(&design) {
        for spec in fields_for(&design, target).unwrap() {
            let FieldType::Number { min, max, .. } = spec.ty else {
                continue;
            };
            let step = if max - min >= 2.0 { 1.0 } else { 0.001 };
            for outside in [min - step, max + step, f64::NAN] {
                let before = design.clone();
                let error = set_field(&mut design, target, spec.key, &outside.to_string())
                    .expect_err(spec.key);
                assert!(
                    matches!(
                        error,
                        FieldError::OutOfRange { .. } | FieldError::NotANumber { .. }
                    ),
                    "{}: {outside} gave {error}",
                    spec.key
                );
                assert_eq!(design, before, "{}: a refusal changes nothing", spec.key);
            }
            for inside in [min, max] {
                assert_eq!(spec.check_number(inside), Ok(()), "{}: {inside}", spec.key);
            }
        }
    }
}

#[test]
fn each_kind_has_exactly_its_own_entries_and_every_entry_belongs_somewhere() {
    use ComponentKind as K;
    let expected: [(K, &[&str]); 4] = [
        (K::Client, &["name", "description"]),
        (
            K::Cache,
            &[
                "name",
                "description",
                "replicas.min",
                "replicas.max",
                "replicas.current",
                "service_time_ms",
                "concurrency",
                "queue_capacity",
                "cache_ttl_s",
                "security.authentication",
                "security.authorization",
                "security.tls",
                "security.encryption_at_rest",
                "security.audit_logging",
            ],
        ),
        (
            K::EventStore,
            &[
                "name",
                "description",
                "replicas.min",
                "replicas.max",
                "replicas.current",
                "service_time_ms",
                "concurrency",
                "queue_capacity",
                "backup",
                "security.authentication",
                "security.authorization",
                "security.tls",
                "security.encryption_at_rest",
                "security.audit_logging",
            ],
        ),
        (K::LoadBalancer, &[]),
    ];
    for (kind, keys) in expected.iter().filter(|(_, keys)| !keys.is_empty()) {
        let actual: Vec<&str> = component_fields(*kind).iter().map(|s| s.key).collect();
        assert_eq!(&actual, keys, "{kind:?}");
    }
    let balancer: Vec<&str> = component_fields(K::LoadBalancer)
        .iter()
        .map(|s| s.key)
        .collect();
    assert!(balancer.contains(&"strategy") && balancer.contains(&"health_check.retries"));
    assert!(
        !balancer.contains(&"autoscaling.enabled"),
        "only services autoscale"
    );

    let mut keys = std::collections::BTreeSet::new();
    for spec in all_fields() {
        assert!(!spec.label.is_empty(), "{}", spec.key);
        assert!(
            spec.help.ends_with('.') && spec.help.len() > 20,
            "{}: a one-sentence help text for a learner",
            spec.key
        );
        match spec.applies {
            Applies::Kinds(kinds) => {
                assert!(!kinds.is_empty(), "{}", spec.key);
                assert!(
                    matches!(spec.access, Access::Component { .. }),
                    "{}",
                    spec.key
                );
                for kind in kinds {
                    // One entry per key and kind: `backup` has two entries for different kinds.
                    assert!(keys.insert((spec.key, format!("{kind:?}"))), "{}", spec.key);
                }
            }
            Applies::Design => assert!(matches!(spec.access, Access::Design { .. })),
            Applies::Connection => assert!(matches!(spec.access, Access::Connection { .. })),
        }
        if !spec.unit.is_empty() {
            assert!(
                matches!(spec.ty, FieldType::Number { .. }),
                "{}: a unit",
                spec.key
            );
        }
    }
}

#[test]
fn the_one_lookup_finds_an_entry_only_where_it_applies() {
    let design = every_kind();
    let id = |kind| named(&design, kind);
    let backup = |kind| attribute(&design, id(kind), "backup").unwrap().group;
    assert_eq!(backup(ComponentKind::Database), "Database");
    assert_eq!(backup(ComponentKind::EventBus), "Events");
    assert_eq!(
        attribute(&design, id(ComponentKind::Client), "service_time_ms").unwrap_err(),
        FieldError::UnknownField("service_time_ms".into())
    );
    assert!(design_attribute("simulation.startup_delay_s").is_some());
    assert!(design_attribute("startup_delay_s").is_none());
}

#[test]
fn the_inspector_the_validators_and_the_simulator_agree_on_every_simulation_range() {
    let mut base = every_kind();
    // Every mode on, so that the simulator's options carry every setting.
    for (key, value) in [
        ("simulation.arrival", "spike"),
        ("simulation.key_popularity", "zipf"),
        ("simulation.service_time", "log_normal"),
        ("simulation.autoscaler", "hpa"),
        ("simulation.timeout_enabled", "true"),
        ("simulation.retries", "2"),
        ("simulation.circuit_breaker", "true"),
    ] {
        set_field(&mut base, FieldTarget::Design, key, value).unwrap();
    }
    for spec in SIMULATION_FIELDS {
        let (FieldType::Number { min, max, .. }, Access::Design { set, .. }) =
            (&spec.ty, spec.access)
        else {
            continue;
        };
        for (value, fits) in [(*min, true), (*max, true), (*max * 2.0 + 1.0, false)] {
            let mut start = base.clone();
            if spec.key == "simulation.warmup_s" {
                // The warm-up must also end before the run.
                start.simulation.duration_s = 1_000_000.0;
                if value == *max {
                    continue;
                }
            }
            // Written past the inspector, the way a hand-edited file would be.
            let mut design = start.clone();
            set(&mut design, FieldValue::Number(value)).unwrap();
            let mut typed = start.clone();
            let typed_ok = set_field(
                &mut typed,
                FieldTarget::Design,
                spec.key,
                &value.to_string(),
            )
            .is_ok();
            assert_eq!(
                (
                    typed_ok,
                    check_settings(&design).is_ok(),
                    validate(&design).is_ok()
                ),
                (fits, fits, fits),
                "{} = {value}: the inspector, the settings validator and the design validator",
                spec.key
            );
            // The simulator checks with the same validator: it refuses the
            // settings exactly when they do not fit (a run may still be too
            // large, which is another refusal).
            let refused = matches!(Simulation::new(&design), Err(SimError::BadSettings(_)));
            assert_eq!(refused, !fits, "{} = {value}: the simulator", spec.key);
        }
    }
}
