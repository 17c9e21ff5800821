//! What opens validates (issue 12): a link, a snapshot or a design file whose
//! component holds NaN, infinity or an out-of-range number in a field its
//! kind does not use is refused, naming the component and the field; and
//! whatever does open survives `validate` and a design file of its own, so
//! `archplay open` followed by `archplay validate` never disagrees. The
//! validator's own messages are one short clean line whatever the names hold.

use crate::echoed_input::{assert_short_clean_line, hostile_name};
use archplay::engine::attributes::fields::{all_fields, FieldType, FieldValue};
use archplay::engine::attributes::spec::{Access, Applies};
use archplay::engine::model::validate::validate;
use archplay::engine::model::{
    Component, ComponentId, ComponentKind, Connection, ConnectionId, Design,
};
use archplay::engine::share::{self, design_file};

/// Numbers no fractional field of any kind may hold.
const HOSTILE_NUMBERS: [f64; 5] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 1e300];
/// A whole-number field is a `u32`: the largest is beyond every whole range.
const HOSTILE_WHOLE: [f64; 1] = [u32::MAX as f64];

/// A design of one component of `kind`, its number field `key` set to `value`
/// through the attribute table's own setter (as a hand-made link could).
fn design_with(kind: ComponentKind, key: &str, value: f64) -> Design {
    let mut component = Component::new(ComponentId(0), kind, "victim");
    let spec = all_fields()
        .find(|spec| spec.key == key && matches!(spec.access, Access::Component { .. }))
        .expect("a component attribute");
    if let Access::Component { set, .. } = spec.access {
        set(&mut component, FieldValue::Number(value)).expect("a number slot");
    }
    let mut design = Design::new("adversarial");
    design.components.push(component);
    design
}

/// Every component number field a kind does not use, with each hostile number:
/// the designs validation once skipped (issue 12, finding 5). Each comes with
/// the field's label, which the refusal must name.
pub fn unused_field_designs() -> Vec<(Design, &'static str)> {
    let mut designs = Vec::new();
    for kind in ComponentKind::ALL {
        for spec in all_fields() {
            let unused = matches!(spec.applies, Applies::Kinds(_)) && !spec.applies_to_kind(kind);
            let hostile: &[f64] = match spec.ty {
                FieldType::Number { integer: false, .. } => &HOSTILE_NUMBERS,
                FieldType::Number { integer: true, .. } => &HOSTILE_WHOLE,
                _ => &[],
            };
            if !unused {
                continue;
            }
            for &value in hostile {
                designs.push((design_with(kind, spec.key, value), spec.label));
            }
        }
    }
    designs
}

/// Adversarial designs for the link and snapshot fuzzers: hostile numbers in
/// unused fields, and hostile names in every place a message repeats a name.
pub fn adversarial_designs() -> Vec<Design> {
    let mut designs: Vec<Design> = unused_field_designs()
        .into_iter()
        .map(|(design, _)| design)
        .collect();
    designs.push(hostile_names_design());
    designs
}

/// Components with megabyte names full of control characters, named twice,
/// joined to themselves, twice to each other and into a client: every
/// validation message that repeats a name fires.
pub fn hostile_names_design() -> Design {
    let name = hostile_name();
    let mut design = Design::new("hostile names");
    let mut service = Component::new(ComponentId(0), ComponentKind::Service, &name);
    service.replicas.min = 5;
    service.health_check.timeout_s = 1000.0;
    service.position.x = f64::NAN;
    let mut twin = service.clone();
    twin.id = ComponentId(1);
    design.components.push(service);
    design.components.push(twin);
    let client = Component::new(ComponentId(2), ComponentKind::Client, &name);
    design.components.push(client);
    let store = Component::new(ComponentId(3), ComponentKind::EventStore, &name);
    design.components.push(store);
    for (id, (from, to)) in [(0, 0), (0, 1), (0, 1), (0, 2), (3, 0)]
        .into_iter()
        .enumerate()
    {
        design.connections.push(Connection {
            id: ConnectionId(id as u32),
            from: ComponentId(from),
            to: ComponentId(to),
            ..Connection::default()
        });
    }
    design
}

#[test]
fn hostile_numbers_in_unused_fields_are_refused_by_validation_naming_the_field() {
    let designs = unused_field_designs();
    assert!(designs.len() > 100, "{} designs", designs.len());
    for (design, label) in &designs {
        let error = validate(design).expect_err("a hostile number in an unused field");
        let message = error.to_string();
        assert!(
            message.contains(label) && message.contains("victim"),
            "{message:?} should name {label:?} and the component"
        );
    }
}

#[test]
fn a_link_or_snapshot_with_a_hostile_unused_field_does_not_open() {
    for (design, label) in unused_field_designs() {
        let link = share::encode_link(&design);
        let error = share::decode_link(&link).expect_err("the link must be refused");
        // The link's reader refuses a non-finite number itself, naming the field its way.
        let message = error.to_string();
        assert!(
            message.contains(label) || message.contains("is not a finite number"),
            "{message}"
        );
        let snapshot = share::encode_snapshot(&design);
        let error = share::decode_snapshot(&snapshot).expect_err("the snapshot must be refused");
        assert!(error.to_string().contains(label), "{error}");
    }
}

#[test]
fn what_opens_validates_and_survives_a_design_file() {
    for design in adversarial_designs() {
        for opened in [
            share::decode_link(&share::encode_link(&design)).ok(),
            share::decode_snapshot(&share::encode_snapshot(&design)).ok(),
        ]
        .into_iter()
        .flatten()
        {
            assert_eq!(validate(&opened), Ok(()));
            let file = design_file::to_json(&opened);
            assert_eq!(design_file::from_json(&file), Ok(opened));
        }
    }
}

#[test]
fn a_design_file_with_an_out_of_range_unused_field_is_refused() {
    // JSON cannot hold NaN, but it can hold a negative TTL on a service.
    let text = r#"{"archplay": 1, "components": [
        {"id": 0, "kind": "service", "name": "victim", "cache_ttl_s": -5}]}"#;
    let error = design_file::from_json(text).expect_err("a negative TTL");
    assert!(error.to_string().contains("Time to live (TTL)"), "{error}");
}

#[test]
fn validation_messages_with_megabyte_control_character_names_are_short_clean_lines() {
    let error = validate(&hostile_names_design()).expect_err("everything is wrong");
    assert!(error.problems.len() >= 8, "{:?}", error.problems);
    for problem in &error.problems {
        assert_short_clean_line(problem);
    }
    assert_short_clean_line(&error.to_string());
}

#[test]
fn a_kind_s_own_defaults_in_unused_fields_still_validate() {
    // A new client's service time is 0, below the servers' range: a default
    // every kind is created with must not make its design invalid.
    for kind in ComponentKind::ALL {
        let mut design = Design::new("defaults");
        design
            .components
            .push(Component::new(ComponentId(0), kind, "plain"));
        assert_eq!(validate(&design), Ok(()), "{kind:?}");
        design.components[0] = Component {
            kind,
            name: "plain".into(),
            ..Component::default()
        };
        assert_eq!(
            validate(&design),
            Ok(()),
            "{kind:?} from the default component"
        );
    }
}

#[test]
fn typed_in_values_are_echoed_escaped_and_cut() {
    use archplay::engine::attributes::access::set_field;
    use archplay::engine::attributes::fields::FieldTarget;
    let mut design = Design::new("typed");
    design.components.push(Component::new(
        ComponentId(0),
        ComponentKind::Database,
        "db",
    ));
    let mut bus = Component::new(ComponentId(1), ComponentKind::EventBus, "bus");
    bus.position.x = 100.0;
    design.components.push(bus);
    design.connections.push(Connection {
        id: ConnectionId(0),
        from: ComponentId(1),
        to: ComponentId(0),
        ..Connection::default()
    });
    let hostile = hostile_name();
    let component = FieldTarget::Component(ComponentId(0));
    let cases = [
        (component, "service_time_ms".to_string(), hostile.clone()),
        (component, hostile.clone(), "1".to_string()),
        (component, "shards".to_string(), format!("{hostile}..5")),
        (component, "shards".to_string(), format!("0..{hostile}")),
        (component, "shards".to_string(), hostile.clone()),
        (component, "backup".to_string(), hostile.clone()),
        (
            FieldTarget::Connection(ConnectionId(0)),
            "topics".to_string(),
            format!("a\u{7}{hostile}"),
        ),
        (
            FieldTarget::Design,
            "simulation.seed".to_string(),
            hostile.clone(),
        ),
        (
            FieldTarget::Design,
            "simulation.faults".to_string(),
            hostile.clone(),
        ),
        (
            FieldTarget::Design,
            "simulation.faults".to_string(),
            format!("kill db at {hostile}"),
        ),
        (
            FieldTarget::Design,
            "simulation.faults".to_string(),
            format!("kill \"{hostile}\" at 1s"),
        ),
        (
            FieldTarget::Design,
            "simulation.faults".to_string(),
            format!("latency db at 1s +{hostile}"),
        ),
        (
            FieldTarget::Design,
            "simulation.faults".to_string(),
            format!("errors db at 1s {hostile}%"),
        ),
    ];
    for (target, key, input) in cases {
        let error = set_field(&mut design, target, &key, &input).expect_err("hostile input");
        assert_short_clean_line(&error.to_string());
    }
}

/// Runs the command-line tool with `stdin` on standard input.
fn archplay(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_archplay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the archplay binary runs");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin is open");
    }
    child.wait_with_output().expect("archplay finishes")
}

#[test]
fn archplay_open_then_validate_agree() {
    // A snapshot with NaN in a service's cache TTL: `open` refuses it, naming the field.
    let snapshot = share::encode_snapshot(&design_with(
        ComponentKind::Service,
        "cache_ttl_s",
        f64::NAN,
    ));
    let opened = archplay(&["open", &snapshot], "");
    let stderr = String::from_utf8_lossy(&opened.stderr);
    assert_eq!(opened.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("Time to live (TTL)") && stderr.contains("victim"),
        "{stderr}"
    );
    assert_short_clean_line(stderr.trim_end());
    // A snapshot that opens gives a design file `validate` accepts.
    let mut fine = design_with(ComponentKind::Client, "service_time_ms", 0.0);
    fine.components[0].autoscaling.threshold = 12.5;
    let opened = archplay(&["open", &share::encode_snapshot(&fine)], "");
    assert!(opened.status.success());
    let file = String::from_utf8_lossy(&opened.stdout).into_owned();
    let validated = archplay(&["validate", "-"], &file);
    assert!(
        validated.status.success(),
        "{}",
        String::from_utf8_lossy(&validated.stderr)
    );
}
