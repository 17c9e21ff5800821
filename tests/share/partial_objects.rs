//! Partly filled sub-objects in a design file (issue 12, finding 6): a
//! `position`, `replicas`, `health_check`, `security` or `autoscaling` that
//! names only some of its fields loads, the rest taking the default
//! component's values, as `docs/design-file.md` says.

use archplay::engine::model::{
    AutoscalingPolicy, Component, HealthCheck, Position, Replicas, ScalingMetric, Security,
};
use archplay::engine::share::design_file::from_json;

/// The one component of a design file whose component JSON is `fields`.
fn load_component(fields: &str) -> Component {
    let text = format!(
        r#"{{"archplay": 1, "components": [{{"id": 0, "kind": "service", "name": "api", {fields}}}]}}"#
    );
    let design = from_json(&text).unwrap_or_else(|error| panic!("{fields}: {error}"));
    design.components[0].clone()
}

#[test]
fn the_sub_objects_defaults_are_the_default_component_s() {
    let component = Component::default();
    assert_eq!(Position::default(), component.position);
    assert_eq!(Replicas::default(), component.replicas);
    assert_eq!(HealthCheck::default(), component.health_check);
    assert_eq!(Security::default(), component.security);
    assert_eq!(AutoscalingPolicy::default(), component.autoscaling);
}

#[test]
fn a_partial_position_loads_with_the_rest_at_its_default() {
    let component = load_component(r#""position": {"x": 120}"#);
    assert_eq!(component.position, Position { x: 120.0, y: 0.0 });
}

#[test]
fn a_partial_replicas_loads_with_the_rest_at_its_default() {
    let component = load_component(r#""replicas": {"current": 3}"#);
    assert_eq!(
        component.replicas,
        Replicas {
            current: 3,
            ..Replicas::default()
        }
    );
}

#[test]
fn a_partial_health_check_loads_with_the_rest_at_its_default() {
    let component = load_component(r#""health_check": {"enabled": true}"#);
    assert_eq!(
        component.health_check,
        HealthCheck {
            enabled: true,
            ..HealthCheck::default()
        }
    );
}

#[test]
fn a_partial_security_loads_with_the_rest_at_its_default() {
    let component = load_component(r#""security": {"tls": true}"#);
    assert_eq!(
        component.security,
        Security {
            tls: true,
            ..Security::default()
        }
    );
}

#[test]
fn a_partial_autoscaling_loads_with_the_rest_at_its_default() {
    let component = load_component(r#""autoscaling": {"enabled": true, "metric": "memory"}"#);
    assert_eq!(
        component.autoscaling,
        AutoscalingPolicy {
            enabled: true,
            metric: ScalingMetric::Memory,
            ..AutoscalingPolicy::default()
        }
    );
}

#[test]
fn empty_sub_objects_load_as_the_defaults() {
    let component = load_component(
        r#""position": {}, "replicas": {}, "health_check": {}, "security": {}, "autoscaling": {}"#,
    );
    assert_eq!(
        component,
        Component::new(component.id, component.kind, "api")
    );
}

/// Whether two JSON values agree, numbers compared as numbers (`300` is `300.0`).
fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, x)| y.get(key).is_some_and(|y| same_json(x, y)))
        }
        _ => a == b,
    }
}

#[test]
fn the_documented_component_defaults_are_the_default_component_s() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/design-file.md");
    let doc = std::fs::read_to_string(path).expect("docs/design-file.md");
    let section = doc
        .split("## Component\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a component section");
    let default = serde_json::to_value(Component::default()).expect("a component is JSON");
    let mut checked = 0;
    for row in section.lines().filter(|line| line.starts_with("| `")) {
        let cells: Vec<&str> = row.split(" | ").collect();
        let fields: Vec<&str> = cells[0].split('`').skip(1).step_by(2).collect();
        let documented = cells[cells.len() - 1].trim_end_matches(" |").trim();
        let values: Vec<&str> = if fields.len() == 1 {
            vec![documented]
        } else {
            documented.split(", ").collect()
        };
        assert_eq!(fields.len(), values.len(), "{row}");
        for (field, value) in fields.iter().zip(values) {
            let text = value.trim_matches('`');
            let documented = if text == "all false" || value == "all `false`" {
                serde_json::to_value(Security::default()).expect("flags")
            } else {
                serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::from(text))
            };
            assert!(
                same_json(&documented, &default[*field]),
                "{field}: documented {documented}, default {}",
                default[*field]
            );
            checked += 1;
        }
    }
    let n_fields = default.as_object().map_or(0, |fields| fields.len());
    assert_eq!(
        checked, n_fields,
        "every component field has a documented default"
    );
}
