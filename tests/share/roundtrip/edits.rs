//! Designs built the way a user builds them: proptest strategies for one
//! edit at a time (add, connect, move, set any attribute to text that is in
//! range more often than not), applied through `edit::apply`, refused edits
//! changing nothing as in the app.

use super::*;

/// Raw material for one attribute value; turned into text fitting the field.
#[derive(Clone, Debug)]
pub(super) struct ValueSeed {
    unit: f64,
    pick: u64,
    text: String,
}

/// One thing a user does.
#[derive(Clone, Debug)]
pub(super) enum Step {
    Add {
        kind: usize,
        position: Option<(f64, f64)>,
    },
    Move {
        index: usize,
        x: f64,
        y: f64,
    },
    Connect {
        from: usize,
        to: usize,
    },
    DeleteComponent {
        index: usize,
    },
    DeleteConnection {
        index: usize,
    },
    SetComponent {
        index: usize,
        field: usize,
        value: ValueSeed,
    },
    SetConnection {
        index: usize,
        field: usize,
        value: ValueSeed,
    },
    SetDesign {
        field: usize,
        value: ValueSeed,
    },
    Simulation {
        seed: u64,
        duration_s: f64,
        arrival: usize,
    },
}

fn value_seed() -> impl Strategy<Value = ValueSeed> {
    (0.0..=1.0f64, any::<u64>(), "\\PC{0,24}").prop_map(|(unit, pick, text)| ValueSeed {
        unit,
        pick,
        text,
    })
}

fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-2000i32..4000).prop_map(f64::from),
        -100_000.0..100_000.0f64
    ]
}

pub(super) fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..ComponentKind::ALL.len(), proptest::option::of((coordinate(), coordinate())))
            .prop_map(|(kind, position)| Step::Add { kind, position }),
        1 => (any::<usize>(), coordinate(), coordinate()).prop_map(|(index, x, y)| Step::Move { index, x, y }),
        12 => (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Step::Connect { from, to }),
        1 => any::<usize>().prop_map(|index| Step::DeleteComponent { index }),
        1 => any::<usize>().prop_map(|index| Step::DeleteConnection { index }),
        8 => (any::<usize>(), any::<usize>(), value_seed()).prop_map(|(index, field, value)| Step::SetComponent { index, field, value }),
        4 => (any::<usize>(), any::<usize>(), value_seed()).prop_map(|(index, field, value)| Step::SetConnection { index, field, value }),
        2 => (any::<usize>(), value_seed()).prop_map(|(field, value)| Step::SetDesign { field, value }),
        1 => (any::<u64>(), 0.001..1e6f64, 0..ARRIVALS.len()).prop_map(|(seed, duration_s, arrival)| Step::Simulation { seed, duration_s, arrival }),
    ]
}

/// Up to three faults on components of `design`, every name quoted (so
/// names with spaces, quotes and semicolons travel too).
fn faults_text(design: &Design, seed: &ValueSeed) -> String {
    let quote = |name: &str| format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""));
    let count = if design.components.is_empty() {
        0
    } else {
        (seed.pick % 4) as usize
    };
    (0..count)
        .map(|i| {
            let pick = seed.pick.rotate_left(8 * i as u32);
            let name = quote(&design.components[pick as usize % design.components.len()].name);
            let at = format!("{}s", (seed.unit * 1000.0 * (i + 1) as f64).round() / 10.0);
            let length = if pick.is_multiple_of(3) {
                String::new()
            } else {
                format!(" for {}ms", 1 + pick % 90_000)
            };
            match pick % 4 {
                0 => format!("kill {name} at {at}{length}"),
                1 => format!("down {name} at {at}{length}"),
                2 => format!("latency {name} at {at}{length} +{}ms", pick % 5000),
                _ => format!(
                    "errors {name} at {at}{length} {}%",
                    (pick % 1001) as f64 / 10.0
                ),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Text for `spec` from `seed`: in range more often than not, sometimes not,
/// with numbers at every precision (so both compact and raw encodings run).
fn value_text(spec: &FieldSpec, seed: &ValueSeed, design: &Design) -> String {
    match &spec.ty {
        FieldType::Number { min, max, integer } => {
            let raw = min + seed.unit * (max - min).min(1e9);
            let value = if *integer {
                raw.round()
            } else {
                match seed.pick % 5 {
                    0 => raw,
                    places => {
                        (raw * 10f64.powi(places as i32 - 1)).round()
                            / 10f64.powi(places as i32 - 1)
                    }
                }
            };
            format!("{value}")
        }
        FieldType::Bool => seed.pick.is_multiple_of(2).to_string(),
        FieldType::Choice(options) => options[(seed.pick as usize) % options.len()].to_string(),
        FieldType::Text { .. } => seed.text.clone(),
        FieldType::Shards => {
            let cuts = [0, 1 + seed.pick % 300, 301 + seed.pick % 400, 1000];
            let count = 1 + (seed.pick % 3) as usize;
            cuts.windows(2)
                .take(count)
                .map(|pair| format!("{}..{}", pair[0], pair[1]))
                .collect::<Vec<_>>()
                .join(", ")
        }
        FieldType::Topics => seed
            .text
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(", "),
        FieldType::Seed => ((seed.unit * u64::MAX as f64) as u64 ^ seed.pick).to_string(),
        FieldType::Faults => faults_text(design, seed),
    }
}

pub(super) fn build(steps: &[Step]) -> Design {
    let mut design = Design::new("proptest");
    for step in steps {
        let component = |index: usize, design: &Design| {
            design
                .components
                .get(index % design.components.len().max(1))
                .map(|c| (c.id, c.kind))
        };
        let edit = match step {
            Step::Add { kind, position } => Edit::AddComponent {
                kind: ComponentKind::ALL[*kind],
                position: position.map(|(x, y)| Position { x, y }),
            },
            Step::Move { index, x, y } => match component(*index, &design) {
                Some((id, _)) => Edit::MoveComponent {
                    id,
                    position: Position { x: *x, y: *y },
                },
                None => continue,
            },
            Step::Connect { from, to } => {
                match (component(*from, &design), component(*to, &design)) {
                    (Some((from, _)), Some((to, _))) => Edit::Connect { from, to },
                    _ => continue,
                }
            }
            Step::DeleteComponent { index } => match component(*index, &design) {
                Some((id, _)) => Edit::DeleteComponent(id),
                None => continue,
            },
            Step::DeleteConnection { index } => match design
                .connections
                .get(index % design.connections.len().max(1))
            {
                Some(connection) => Edit::DeleteConnection(connection.id),
                None => continue,
            },
            Step::SetComponent {
                index,
                field,
                value,
            } => match component(*index, &design) {
                Some((id, kind)) => {
                    let specs = component_fields(kind);
                    let spec = &specs[field % specs.len()];
                    Edit::SetField {
                        target: FieldTarget::Component(id),
                        key: spec.key.to_string(),
                        value: value_text(spec, value, &design),
                    }
                }
                None => continue,
            },
            Step::SetConnection {
                index,
                field,
                value,
            } => match design
                .connections
                .get(index % design.connections.len().max(1))
            {
                Some(connection) => {
                    let specs = connection_fields();
                    let spec = &specs[field % specs.len()];
                    Edit::SetField {
                        target: FieldTarget::Connection(connection.id),
                        key: spec.key.to_string(),
                        value: value_text(spec, value, &design),
                    }
                }
                None => continue,
            },
            Step::SetDesign { field, value } => {
                let specs = design_fields();
                let spec = &specs[field % specs.len()];
                Edit::SetField {
                    target: FieldTarget::Design,
                    key: spec.key.to_string(),
                    value: value_text(spec, value, &design),
                }
            }
            Step::Simulation {
                seed,
                duration_s,
                arrival,
            } => {
                for (key, value) in [
                    ("seed", seed.to_string()),
                    ("duration_s", duration_s.to_string()),
                    ("arrival", ARRIVALS[*arrival].to_string()),
                ] {
                    let _ = apply(
                        &mut design,
                        Edit::SetField {
                            target: FieldTarget::Design,
                            key: format!("simulation.{key}"),
                            value,
                        },
                    );
                }
                continue;
            }
        };
        // A refused edit changes nothing, as in the app.
        let _ = apply(&mut design, edit);
    }
    design
}
