//! Random edits, seeded, with values that exercise every parser: each
//! either changes nothing or leaves a valid design.

use super::*;

/// Values that exercise every parser: valid, out of range, malformed.
const VALUES: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "10",
    "-1",
    "0.5",
    "1.5",
    "99.9",
    "1000",
    "1001",
    "1e9",
    "abc",
    "",
    " 7 ",
    "NaN",
    "inf",
    "true",
    "false",
    "maybe",
    "weighted",
    "round_robin",
    "least_connections",
    "cpu",
    "request_rate",
    "GET",
    "POST",
    "/orders",
    "orders",
    "0..500,500..1000",
    "0..2000",
    "0..10,5..20",
    "10..5",
    "a,b",
    "x",
    "new-name",
    "service-1",
];

fn random_edit(design: &Design, random: &mut SplitMix) -> Edit {
    let pick_component = |random: &mut SplitMix| {
        if design.components.is_empty() || random.below(20) == 0 {
            ComponentId(random.below(40) as u32)
        } else {
            design.components[random.below(design.components.len())].id
        }
    };
    let value = |random: &mut SplitMix| VALUES[random.below(VALUES.len())].to_string();
    match random.below(10) {
        0 | 1 => {
            let kind = ComponentKind::ALL[random.below(ComponentKind::ALL.len())];
            Edit::AddComponent {
                kind,
                position: None,
            }
        }
        2 | 3 => Edit::Connect {
            from: pick_component(random),
            to: pick_component(random),
        },
        4 => Edit::DeleteComponent(pick_component(random)),
        5 => {
            let id = match design.connections.len() {
                0 => ConnectionId(0),
                n => design.connections[random.below(n)].id,
            };
            Edit::DeleteConnection(id)
        }
        6 => {
            let specs = design_fields();
            Edit::SetField {
                target: FieldTarget::Design,
                key: specs[random.below(specs.len())].key.into(),
                value: value(random),
            }
        }
        7 if !design.connections.is_empty() => {
            let connection = &design.connections[random.below(design.connections.len())];
            let specs = connection_fields();
            let key = specs[random.below(specs.len())].key.into();
            Edit::SetField {
                target: FieldTarget::Connection(connection.id),
                key,
                value: value(random),
            }
        }
        _ => {
            let id = pick_component(random);
            let kind = design
                .component(id)
                .map_or(ComponentKind::Service, |c| c.kind);
            let specs = component_fields(kind);
            let key = specs[random.below(specs.len())].key.into();
            Edit::SetField {
                target: FieldTarget::Component(id),
                key,
                value: value(random),
            }
        }
    }
}

#[test]
fn random_edits_either_change_nothing_or_leave_a_valid_design() {
    for seed in 0..8u64 {
        let mut random = SplitMix(seed);
        let mut design = Design::new("random");
        let (mut accepted, mut refused) = (0, 0);
        for step in 0..400 {
            let edit = random_edit(&design, &mut random);
            let before = design.clone();
            match apply(&mut design, edit.clone()) {
                Ok(_) => {
                    accepted += 1;
                    if let Err(problems) = validate(&design) {
                        panic!("seed {seed} step {step}: {edit:?} was accepted but left an invalid design: {problems}");
                    }
                }
                Err(error) => {
                    refused += 1;
                    assert_eq!(design, before, "seed {seed} step {step}: refused {edit:?} ({error}) but changed the design");
                    assert!(!error.to_string().is_empty());
                }
            }
        }
        assert!(
            accepted > 50 && refused > 50,
            "seed {seed}: {accepted} accepted, {refused} refused"
        );
        // Whatever came out of the edits scores without panicking, with scores in range.
        let scorecard = archplay::engine::score::score(&design);
        assert!(scorecard
            .attributes
            .iter()
            .all(|a| (0.0..=100.0).contains(&a.score)));
    }
}
