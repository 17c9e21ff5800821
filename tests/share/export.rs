//! Exports: Mermaid line counts and escaping, HPA manifests parsed back as
//! YAML, and SVG parsed back as XML.

use crate::fixture_design;
use crate::generate::generated_design;
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::export::{dns_name, to_hpa_manifests, to_mermaid, to_svg};
use archplay::engine::model::edit::{apply, Created, Edit};
use archplay::engine::model::{ComponentId, ComponentKind, Design};
use archplay::engine::templates::{template, TEMPLATES};
use serde_json::Value;

const ARROWS: [&str; 3] = [" --> ", " ==> ", " -.-> "];

fn every_sample_design() -> Vec<Design> {
    let mut designs: Vec<Design> = TEMPLATES
        .iter()
        .filter_map(|info| template(info.name))
        .collect();
    designs.push(fixture_design("edge-case"));
    designs.push(generated_design(7, 40));
    designs
}

/// A design with one service named `name` (and autoscaling on), for escaping tests.
fn one_service(name: &str) -> Design {
    let mut design = Design::new("escaping");
    let Ok(Created::Component(id)) = apply(
        &mut design,
        Edit::AddComponent {
            kind: ComponentKind::Service,
            position: None,
        },
    ) else {
        panic!("cannot add a component");
    };
    if let Some(component) = design.component_mut(id) {
        component.name = name.to_string();
        component.autoscaling.enabled = true;
    }
    design
}

#[test]
fn mermaid_has_one_node_line_per_component_and_one_edge_line_per_connection() {
    for design in every_sample_design() {
        let mermaid = to_mermaid(&design);
        let lines: Vec<&str> = mermaid.lines().collect();
        assert_eq!(lines[0], "flowchart LR");
        let edges = lines
            .iter()
            .filter(|line| ARROWS.iter().any(|arrow| line.contains(arrow.trim_end())))
            .count();
        let nodes = lines
            .iter()
            .filter(|line| {
                line.starts_with("    c")
                    && !ARROWS.iter().any(|arrow| line.contains(arrow.trim_end()))
            })
            .count();
        assert_eq!(nodes, design.components.len(), "{}", design.name);
        assert_eq!(edges, design.connections.len(), "{}", design.name);
    }
}

#[test]
fn mermaid_escapes_names_so_they_cannot_break_a_label() {
    let cases = [
        ("plain-name_1.v2", "    c0[\"plain-name_1.v2<br/>Service\"]"),
        ("say \"hi\"", "    c0[\"say #34;hi#34;<br/>Service\"]"),
        (
            "[brackets] {braces} (parens)",
            "    c0[\"#91;brackets#93; #123;braces#125; #40;parens#41;<br/>Service\"]",
        ),
        (
            "<b>&amp;|#;`",
            "    c0[\"#60;b#62;#38;amp#59;#124;#35;#59;#96;<br/>Service\"]",
        ),
        ("ünï 🚀", "    c0[\"#252;n#239; #128640;<br/>Service\"]"),
    ];
    for (name, expected) in cases {
        let mermaid = to_mermaid(&one_service(name));
        let node = mermaid.lines().nth(2).unwrap_or_default();
        assert_eq!(node, expected, "name {name:?}");
        let label = &node[node.find('"').unwrap_or(0) + 1..node.rfind('"').unwrap_or(0)];
        assert!(
            !label
                .replace("<br/>", "")
                .contains(['"', '[', ']', '{', '}', '(', ')', '|', '<', '>'].as_slice()),
            "{label}"
        );
    }
}

#[test]
fn mermaid_labels_routes_and_topics() {
    let mermaid = to_mermaid(&template("payment-gateway").expect("template exists"));
    assert!(mermaid.contains("-->|\"POST /pay/stripe\"|"), "{mermaid}");
    let mermaid = to_mermaid(&template("microservices").expect("template exists"));
    assert!(mermaid.contains("c1 -->|\"/users\"| c4"), "{mermaid}");
    let mermaid = to_mermaid(&template("event-driven").expect("template exists"));
    assert!(mermaid.contains("==>|\"order.validated\"|"), "{mermaid}");
}

fn is_dns_1123_label(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-')
}

fn parse_yaml(yaml: &str) -> Value {
    serde_norway::from_str(yaml).unwrap_or_else(|error| panic!("not YAML ({error}):\n{yaml}"))
}

#[test]
fn hpa_manifests_are_autoscaling_v2_that_kubectl_accepts() {
    for design in every_sample_design() {
        let autoscaled: Vec<_> = design
            .components
            .iter()
            .filter(|c| c.kind == ComponentKind::Service && c.autoscaling.enabled)
            .collect();
        let manifests = to_hpa_manifests(&design);
        assert_eq!(manifests.len(), autoscaled.len(), "{}", design.name);
        for ((file, yaml), component) in manifests.iter().zip(autoscaled) {
            let hpa = parse_yaml(yaml);
            let name = hpa["metadata"]["name"].as_str().unwrap_or_default();
            assert!(is_dns_1123_label(name), "{name:?} is not a DNS-1123 label");
            assert_eq!(file, &format!("{name}-hpa.yaml"));
            assert_eq!(hpa["apiVersion"], "autoscaling/v2");
            assert_eq!(hpa["kind"], "HorizontalPodAutoscaler");
            assert_eq!(
                hpa["metadata"]["annotations"]["archplay/component"],
                component.name.as_str()
            );
            let spec = &hpa["spec"];
            assert_eq!(spec["scaleTargetRef"]["apiVersion"], "apps/v1");
            assert_eq!(spec["scaleTargetRef"]["kind"], "Deployment");
            assert_eq!(spec["scaleTargetRef"]["name"], name);
            let min = spec["minReplicas"].as_u64().unwrap_or_default();
            let max = spec["maxReplicas"].as_u64().unwrap_or_default();
            assert!(min >= 1 && max >= min, "replicas {min}..{max}");
            assert_eq!(min, u64::from(component.replicas.min.max(1)));
            let metrics = spec["metrics"].as_array().cloned().unwrap_or_default();
            assert_eq!(metrics.len(), 1);
            for window in ["scaleUp", "scaleDown"] {
                let seconds = spec["behavior"][window]["stabilizationWindowSeconds"].as_u64();
                assert!(seconds.is_some_and(|s| s <= 3600), "{window}: {seconds:?}");
            }
        }
    }
}

#[test]
fn hpa_metrics_follow_the_policy() {
    // The edge case autoscales on error rate, memory and request rate, with
    // cooldowns of 0 s and 86,400 s and a min of 0 replicas.
    let design = fixture_design("edge-case");
    let manifests = to_hpa_manifests(&design);
    let by_name = |name: &str| {
        manifests
            .iter()
            .map(|(_, yaml)| parse_yaml(yaml))
            .find(|hpa| hpa["metadata"]["name"] == name)
            .unwrap_or(Value::Null)
    };
    let users = by_name("users-svc-v2-beta-x-co");
    let metric = &users["spec"]["metrics"][0];
    assert_eq!(metric["type"], "Pods");
    assert_eq!(metric["pods"]["target"]["type"], "AverageValue");
    assert_eq!(metric["pods"]["target"]["averageValue"], "2500m");
    assert_eq!(users["spec"]["minReplicas"], 1);
    assert_eq!(users["spec"]["maxReplicas"], 1000);
    assert_eq!(
        users["spec"]["behavior"]["scaleUp"]["stabilizationWindowSeconds"],
        0
    );
    assert_eq!(
        users["spec"]["behavior"]["scaleDown"]["stabilizationWindowSeconds"],
        3600
    );
    let orders = by_name("orders-service");
    assert_eq!(orders["spec"]["metrics"][0]["resource"]["name"], "memory");
    assert_eq!(
        orders["spec"]["metrics"][0]["resource"]["target"]["type"],
        "Utilization"
    );
    assert_eq!(
        orders["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"],
        66
    );
    let payments = by_name("payments-service");
    assert_eq!(
        payments["spec"]["metrics"][0]["pods"]["metric"]["name"],
        "http_requests_per_second"
    );
    assert_eq!(
        payments["spec"]["metrics"][0]["pods"]["target"]["averageValue"],
        "250m"
    );
    let web = to_hpa_manifests(&template("auto-scaling").expect("template exists"));
    let cpu = parse_yaml(&web[0].1);
    assert_eq!(cpu["spec"]["metrics"][0]["resource"]["name"], "cpu");
    assert_eq!(
        cpu["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"],
        70
    );
}

#[test]
fn hpa_names_are_dns_labels_and_unique() {
    let cases = [
        ("Orders Service", "orders-service"),
        ("--Weird__Name!!--", "weird-name"),
        ("ünïcode 🚀 svc", "n-code-svc"),
        ("!!!", "fallback"),
        (&"a".repeat(80), &"a".repeat(63)),
    ];
    for (name, expected) in cases {
        assert_eq!(dns_name(name, "fallback"), expected, "{name:?}");
    }
    let mut design = one_service("Orders");
    for name in ["orders", "ORDERS", "orders-1"] {
        let Ok(Created::Component(id)) = apply(
            &mut design,
            Edit::AddComponent {
                kind: ComponentKind::Service,
                position: None,
            },
        ) else {
            panic!("cannot add");
        };
        let _ = apply(
            &mut design,
            Edit::SetField {
                target: FieldTarget::Component(id),
                key: "name".into(),
                value: name.into(),
            },
        );
        let _ = apply(
            &mut design,
            Edit::SetField {
                target: FieldTarget::Component(id),
                key: "autoscaling.enabled".into(),
                value: "true".into(),
            },
        );
    }
    let names: Vec<String> = to_hpa_manifests(&design)
        .into_iter()
        .map(|(file, _)| file)
        .collect();
    assert_eq!(
        names,
        [
            "orders-hpa.yaml",
            "orders-1-hpa.yaml",
            "orders-2-hpa.yaml",
            "orders-1-3-hpa.yaml"
        ]
    );
}

#[test]
fn svg_is_well_formed_with_a_box_per_component_and_a_line_per_connection() {
    let mut designs = every_sample_design();
    designs.push(Design::new("empty"));
    designs.push(one_service("<script>alert('x')</script> & \"friends\""));
    for design in designs {
        let svg = to_svg(&design);
        let document = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|error| panic!("{}: not XML: {error}", design.name));
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        let view_box: Vec<f64> = root
            .attribute("viewBox")
            .unwrap_or_default()
            .split(' ')
            .filter_map(|n| n.parse().ok())
            .collect();
        assert_eq!(view_box.len(), 4);
        let boxes: Vec<_> = document
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("rx").is_some())
            .collect();
        assert_eq!(boxes.len(), design.components.len(), "{}", design.name);
        let lines = document
            .descendants()
            .filter(|n| n.has_tag_name("line"))
            .count();
        assert_eq!(lines, design.connections.len(), "{}", design.name);
        for rect in boxes {
            let value = |key: &str| {
                rect.attribute(key)
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap_or(f64::NAN)
            };
            assert!(
                value("x") >= view_box[0]
                    && value("x") + value("width") <= view_box[0] + view_box[2],
                "{}",
                design.name
            );
            assert!(
                value("y") >= view_box[1]
                    && value("y") + value("height") <= view_box[1] + view_box[3],
                "{}",
                design.name
            );
        }
        let names: Vec<&str> = document
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("font-weight").is_some())
            .filter_map(|n| n.text())
            .collect();
        for component in &design.components {
            let drawn = names.iter().any(|text| {
                *text == component.name
                    || (text.ends_with('…')
                        && component.name.starts_with(text.trim_end_matches('…')))
            });
            assert!(drawn, "{:?} is not drawn", component.name);
        }
    }
}

#[test]
fn exports_never_panic_on_designs_that_did_not_pass_validation() {
    let mut design = generated_design(9, 30);
    design.components[3].position.x = f64::NAN;
    design.components[4].position.y = f64::INFINITY;
    design
        .connections
        .push(archplay::engine::model::Connection {
            from: ComponentId(999),
            to: ComponentId(1000),
            ..Default::default()
        });
    design.components[5].name = String::new();
    assert!(roxmltree::Document::parse(&to_svg(&design)).is_ok());
    assert!(to_mermaid(&design).lines().count() > design.components.len());
    let _ = to_hpa_manifests(&design);
}
