//! Scheduled faults as one line of text: parsing into ids, clause order and
//! time units, round trips with quoted names, refusals with messages, and
//! what renaming or deleting a component and validation do to faults.

use super::*;

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
