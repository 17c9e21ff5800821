//! Deterministic designs for link tests and the link-length benchmark: built
//! only through `edit::apply`, so every design is one a user could make.
//! Shared with `benches/links.rs` through `#[path]`.

#![allow(dead_code)]

use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::model::edit::{apply, Edit};
use archplay::engine::model::{ComponentId, ComponentKind, Design, Position};

#[path = "../common/splitmix.rs"]
mod splitmix;

pub use splitmix::SplitMix;

const WORDS: [&str; 24] = [
    "orders",
    "users",
    "payments",
    "catalog",
    "search",
    "cart",
    "inventory",
    "shipping",
    "billing",
    "reviews",
    "email",
    "auth",
    "profile",
    "ledger",
    "pricing",
    "media",
    "notify",
    "report",
    "audit",
    "fraud",
    "session",
    "checkout",
    "stock",
    "feed",
];

/// A kind drawn with the mix a real design has: mostly services and stores.
fn pick_kind(random: &mut SplitMix) -> ComponentKind {
    use ComponentKind as K;
    const MIX: [(ComponentKind, usize); 11] = [
        (K::Service, 38),
        (K::Database, 16),
        (K::Cache, 8),
        (K::LoadBalancer, 8),
        (K::ApiGateway, 4),
        (K::EventBus, 5),
        (K::EventStore, 3),
        (K::ServiceRegistry, 3),
        (K::Monitoring, 3),
        (K::AuthProvider, 5),
        (K::Client, 7),
    ];
    let mut roll = random.below(MIX.iter().map(|(_, weight)| weight).sum());
    for (kind, weight) in MIX {
        if roll < weight {
            return kind;
        }
        roll -= weight;
    }
    K::Service
}

fn set(design: &mut Design, target: FieldTarget, key: &str, value: impl ToString) {
    // A refused value leaves the design as it was, which is fine for a generator.
    let _ = apply(
        design,
        Edit::SetField {
            target,
            key: key.to_string(),
            value: value.to_string(),
        },
    );
}

/// A design of `n_components` laid out on a jittered grid, with realistic
/// names, tuned attributes and about 1.5 connections per component.
pub fn generated_design(seed: u64, n_components: usize) -> Design {
    let mut random = SplitMix(seed);
    let mut design = Design::new(&format!("generated {n_components}"));
    set(
        &mut design,
        FieldTarget::Design,
        "workload.requests_per_second",
        100 * (1 + random.below(40)),
    );
    for index in 0..n_components {
        let kind = if index == 0 {
            ComponentKind::Client
        } else {
            pick_kind(&mut random)
        };
        let column = (index % 8) as f64;
        let row = (index / 8) as f64;
        let position = Position {
            x: 80.0 + column * 190.0 + (random.below(41) as f64 - 20.0),
            y: 60.0 + row * 120.0 + (random.below(31) as f64 - 15.0),
        };
        let Ok(_) = apply(
            &mut design,
            Edit::AddComponent {
                kind,
                position: Some(position),
            },
        ) else {
            continue;
        };
        let id = design
            .components
            .last()
            .map(|c| c.id)
            .unwrap_or(ComponentId(0));
        let target = FieldTarget::Component(id);
        if random.percent(70) {
            let word = WORDS[random.below(WORDS.len())];
            let suffix = kind.slug().split('_').next().unwrap_or("x");
            set(
                &mut design,
                target,
                "name",
                format!("{word}-{suffix}-{index}"),
            );
        }
        tune(&mut design, target, kind, &mut random);
    }
    connect_all(&mut design, &mut random);
    tune_simulation(&mut design, &mut random);
    design
}

/// Simulation settings as a user sets a few of them: a traffic shape, an
/// autoscaler, resilience, and up to three faults.
fn tune_simulation(design: &mut Design, random: &mut SplitMix) {
    let target = FieldTarget::Design;
    if random.percent(60) {
        set(
            design,
            target,
            "simulation.arrival",
            ["ramp", "spike", "step", "wave"][random.below(4)],
        );
        set(
            design,
            target,
            "simulation.profile_factor",
            2 + random.below(4),
        );
    }
    if random.percent(40) {
        set(design, target, "simulation.autoscaler", "hpa");
    }
    if random.percent(30) {
        set(design, target, "simulation.key_popularity", "zipf");
        set(
            design,
            target,
            "simulation.zipf_exponent",
            format!("0.{}", 7 + random.below(3)),
        );
    }
    if random.percent(30) {
        set(design, target, "simulation.timeout_enabled", true);
        set(
            design,
            target,
            "simulation.timeout_ms",
            100 * (2 + random.below(20)),
        );
        set(design, target, "simulation.retries", 1 + random.below(3));
    }
    let names: Vec<String> = design
        .components
        .iter()
        .filter(|c| c.kind != ComponentKind::Client)
        .map(|c| c.name.clone())
        .collect();
    if names.is_empty() {
        return;
    }
    let faults: Vec<String> = (0..random.below(4))
        .map(|_| {
            let name = &names[random.below(names.len())];
            let at = 5 * (1 + random.below(10));
            match random.below(4) {
                0 => format!("kill {name} at {at}s for 15s"),
                1 => format!("down {name} at {at}s for 10s"),
                2 => format!(
                    "latency {name} at {at}s for 20s +{}ms",
                    10 * (1 + random.below(20))
                ),
                _ => format!("errors {name} at {at}s {}%", 5 * (1 + random.below(10))),
            }
        })
        .collect();
    set(design, target, "simulation.faults", faults.join("; "));
}

fn tune(design: &mut Design, target: FieldTarget, kind: ComponentKind, random: &mut SplitMix) {
    use ComponentKind as K;
    if kind == K::Client {
        return;
    }
    if random.percent(60) {
        set(design, target, "security.tls", true);
    }
    if random.percent(30) {
        set(design, target, "security.authentication", true);
    }
    if random.percent(20) {
        set(
            design,
            target,
            "description",
            format!("owned by team {}", WORDS[random.below(WORDS.len())]),
        );
    }
    if random.percent(40) {
        set(
            design,
            target,
            "service_time_ms",
            5 * (1 + random.below(30)),
        );
    }
    match kind {
        K::Service => {
            set(design, target, "replicas.current", 1 + random.below(6));
            if random.percent(40) {
                set(design, target, "autoscaling.enabled", true);
                set(
                    design,
                    target,
                    "autoscaling.threshold",
                    50 + random.below(40),
                );
            }
        }
        K::Database => {
            set(design, target, "read_replicas", random.below(3));
            set(design, target, "backup", random.percent(70));
            set(design, target, "security.encryption_at_rest", true);
        }
        // A TTL away from its default (this drew the retired hit ratio, so
        // the random sequence, and every other generated value, is unchanged).
        K::Cache => set(
            design,
            target,
            "cache_ttl_s",
            format!("{}", 60 * (1 + random.below(5))),
        ),
        K::Monitoring => set(design, target, "alerting", true),
        _ => {}
    }
}

fn connect_all(design: &mut Design, random: &mut SplitMix) {
    let ids: Vec<ComponentId> = design.components.iter().map(|c| c.id).collect();
    for (index, to) in ids.iter().enumerate().skip(1) {
        let links = if random.percent(50) { 2 } else { 1 };
        for _ in 0..links {
            let from = ids[random.below(index)];
            let Ok(archplay::engine::model::edit::Created::Connection(connection)) =
                apply(design, Edit::Connect { from, to: *to })
            else {
                continue;
            };
            let from_kind = design.component(from).map(|c| c.kind);
            if from_kind == Some(ComponentKind::ApiGateway) {
                let target = FieldTarget::Connection(connection);
                set(
                    design,
                    target,
                    "path",
                    format!("/{}", WORDS[random.below(WORDS.len())]),
                );
                set(design, target, "weight", 1 + random.below(5));
            }
            if from_kind == Some(ComponentKind::EventBus) && random.percent(50) {
                set(
                    design,
                    FieldTarget::Connection(connection),
                    "topics",
                    format!("{}.created", WORDS[random.below(WORDS.len())]),
                );
            }
        }
    }
}
