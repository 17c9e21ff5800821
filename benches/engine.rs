//! How long scoring takes: `score` (facts, analytic estimate and rubric) and
//! `analytic::estimate` alone, on a deterministic 100-component design.
//!
//! Run with `cargo bench --no-default-features --bench engine`. Each case is
//! warmed up, then timed as 31 samples of N calls (N chosen so a sample takes
//! about 10 ms); the median time per call is printed beside baselines measured
//! in the same run (cloning the design, scoring a 10-component design), since
//! only ratios within one run mean anything on a shared machine.
//! The target from the issue: scoring a 100-component design in under 1 ms.

use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::model::edit::{apply, Created, Edit};
use archplay::engine::model::validate::validate;
use archplay::engine::model::{ComponentId, ComponentKind as K, Design, Position};
use archplay::engine::score::analytic::estimate;
use archplay::engine::score::score;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SAMPLES: usize = 31;
const SAMPLE_TARGET: Duration = Duration::from_millis(10);

/// Builds a design through the editing API, as a user would.
struct Builder {
    design: Design,
}

impl Builder {
    fn add(&mut self, kind: K, name: &str, fields: &[(&str, &str)]) -> ComponentId {
        let n = self.design.components.len();
        let position = Some(Position {
            x: (n % 10) as f64 * 200.0,
            y: (n / 10) as f64 * 120.0,
        });
        let Ok(Created::Component(id)) =
            apply(&mut self.design, Edit::AddComponent { kind, position })
        else {
            panic!("cannot add {name}")
        };
        self.set(FieldTarget::Component(id), "name", name);
        for (key, value) in fields {
            self.set(FieldTarget::Component(id), key, value);
        }
        id
    }

    fn set(&mut self, target: FieldTarget, key: &str, value: &str) {
        let edit = Edit::SetField {
            target,
            key: key.into(),
            value: value.into(),
        };
        if let Err(error) = apply(&mut self.design, edit) {
            panic!("{key}={value}: {error}");
        }
    }

    fn connect(&mut self, from: ComponentId, to: ComponentId, fields: &[(&str, &str)]) {
        let Ok(Created::Connection(id)) = apply(&mut self.design, Edit::Connect { from, to })
        else {
            panic!("cannot connect {from:?} to {to:?}")
        };
        for (key, value) in fields {
            self.set(FieldTarget::Connection(id), key, value);
        }
    }
}

const SECURE: [(&str, &str); 3] = [
    ("security.tls", "true"),
    ("security.audit_logging", "true"),
    ("security.authorization", "true"),
];

/// Two clients, a gateway with auth, six domains of a load balancer, eight
/// API services, two event consumers, a cache, a sharded database and a
/// reporting database; an event bus with a store and batch workers; a
/// registry and monitoring watching everything: 100 components.
fn hundred_components() -> Design {
    let mut b = Builder {
        design: Design::new("bench: 100 components"),
    };
    let clients = [
        b.add(K::Client, "web", &[]),
        b.add(K::Client, "mobile", &[]),
    ];
    let edge = b.add(
        K::ApiGateway,
        "edge",
        &[
            ("replicas.max", "4"),
            ("replicas.current", "4"),
            ("security.authentication", "true"),
            ("health_check.enabled", "true"),
        ],
    );
    let auth = b.add(
        K::AuthProvider,
        "auth",
        &[("replicas.max", "4"), ("replicas.current", "4")],
    );
    let bus = b.add(
        K::EventBus,
        "bus",
        &[("replicas.max", "3"), ("replicas.current", "3")],
    );
    let store = b.add(K::EventStore, "event-store", &[("backup", "true")]);
    let registry = b.add(K::ServiceRegistry, "registry", &[]);
    let monitoring = b.add(K::Monitoring, "monitoring", &[("alerting", "true")]);
    for client in clients {
        b.connect(client, edge, &[]);
    }
    b.connect(edge, auth, &[]);
    b.connect(bus, store, &[]);
    for domain in 0..6 {
        let weight = (domain + 1).to_string();
        let lb = b.add(
            K::LoadBalancer,
            &format!("lb-{domain}"),
            &[("replicas.max", "2"), ("replicas.current", "2")],
        );
        b.connect(
            edge,
            lb,
            &[("weight", &weight), ("path", &format!("/domain-{domain}"))],
        );
        let cache = b.add(
            K::Cache,
            &format!("cache-{domain}"),
            &[
                ("replicas.max", "2"),
                ("replicas.current", "2"),
                ("cache_ttl_s", "120"),
            ],
        );
        let db = b.add(
            K::Database,
            &format!("db-{domain}"),
            &[
                ("read_replicas", "2"),
                ("shards", "0..250,250..500,500..750,750..1000"),
                ("backup", "true"),
                ("concurrency", "32"),
            ],
        );
        let reporting = b.add(
            K::Database,
            &format!("reporting-{domain}"),
            &[("read_replicas", "1"), ("backup", "true")],
        );
        b.connect(cache, db, &[]);
        for s in 0..8 {
            let topic = if s == 0 {
                format!("domain-{domain}")
            } else {
                String::new()
            };
            let mut fields: Vec<(&str, &str)> = SECURE.to_vec();
            fields.extend([("replicas.current", "3"), ("topic", topic.as_str())]);
            let service = b.add(K::Service, &format!("api-{domain}-{s}"), &fields);
            b.connect(lb, service, &[]);
            b.connect(service, cache, &[]);
            if s == 0 {
                b.connect(service, bus, &[]);
            }
        }
        for s in 0..2 {
            let consumer = b.add(
                K::Service,
                &format!("consumer-{domain}-{s}"),
                &[("replicas.current", "2")],
            );
            b.connect(bus, consumer, &[("topics", &format!("domain-{domain}"))]);
            b.connect(consumer, reporting, &[]);
            b.connect(consumer, registry, &[]);
        }
    }
    let mut worker_idx = 0;
    while b.design.components.len() < 100 {
        let worker = b.add(
            K::Service,
            &format!("batch-worker-{worker_idx}"),
            &[("service_time_ms", "5")],
        );
        b.connect(bus, worker, &[]);
        b.connect(worker, registry, &[]);
        worker_idx += 1;
    }
    let watched: Vec<ComponentId> = b
        .design
        .components
        .iter()
        .filter(|c| c.kind.is_workload() && c.id != monitoring)
        .map(|c| c.id)
        .collect();
    for id in watched {
        b.connect(monitoring, id, &[]);
    }
    b.set(FieldTarget::Design, "workload.requests_per_second", "3000");
    b.design
}

/// A 10-component design: the baseline a user's first sketch looks like.
fn ten_components() -> Design {
    let mut b = Builder {
        design: Design::new("bench: 10 components"),
    };
    let web = b.add(K::Client, "web", &[]);
    let edge = b.add(
        K::ApiGateway,
        "edge",
        &[("security.authentication", "true")],
    );
    let auth = b.add(K::AuthProvider, "auth", &[]);
    let lb = b.add(K::LoadBalancer, "lb", &[]);
    let orders = b.add(K::Service, "orders", &[("replicas.current", "3")]);
    let users = b.add(K::Service, "users", &[("replicas.current", "2")]);
    let cache = b.add(K::Cache, "cache", &[]);
    let db = b.add(
        K::Database,
        "db",
        &[("read_replicas", "1"), ("shards", "0..500,500..1000")],
    );
    let monitoring = b.add(K::Monitoring, "monitoring", &[]);
    let registry = b.add(K::ServiceRegistry, "registry", &[]);
    for (from, to) in [
        (web, edge),
        (edge, auth),
        (edge, lb),
        (lb, orders),
        (lb, users),
        (orders, cache),
        (users, cache),
        (cache, db),
    ] {
        b.connect(from, to, &[]);
    }
    for id in [edge, auth, lb, orders, users, cache, db] {
        b.connect(monitoring, id, &[]);
    }
    b.connect(orders, registry, &[]);
    b.design
}

/// Median time per call of `f`, in microseconds, over [`SAMPLES`] samples.
fn median_micros<T>(mut f: impl FnMut() -> T) -> f64 {
    // Warm up, then pick N so that one sample takes about SAMPLE_TARGET.
    let warm_up = Instant::now();
    let mut calls = 0u64;
    while warm_up.elapsed() < SAMPLE_TARGET * 5 {
        black_box(f());
        calls += 1;
    }
    let per_sample = ((calls as f64 / 5.0).ceil() as u64).max(1);
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_sample {
                black_box(f());
            }
            start.elapsed().as_secs_f64() * 1e6 / per_sample as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[SAMPLES / 2]
}

/// The largest station a user can type: 1000 replicas x 10000 servers at 90%
/// utilisation. Erlang B's recursion runs once per server, so this shows the
/// worst case of the estimate rather than a typical one.
fn largest_station() -> Design {
    let mut b = Builder {
        design: Design::new("bench: largest station"),
    };
    let web = b.add(K::Client, "web", &[]);
    let service = b.add(
        K::Service,
        "huge",
        &[
            ("replicas.max", "1000"),
            ("replicas.current", "1000"),
            ("concurrency", "10000"),
            ("service_time_ms", "1000"),
        ],
    );
    b.connect(web, service, &[]);
    b.set(
        FieldTarget::Design,
        "workload.requests_per_second",
        "9000000",
    );
    b.design
}

fn main() {
    let big = hundred_components();
    let small = ten_components();
    for design in [&big, &small] {
        if let Err(error) = validate(design) {
            panic!("{}: {error}", design.name);
        }
    }
    let scorecard = score(&big);
    let estimate_big = &scorecard.facts.estimate;
    assert!(
        !estimate_big.saturated,
        "the benchmark design must not saturate, so the whole estimate runs"
    );
    println!(
        "design: {} components, {} connections; overall score {:.1}, response time {:.1} ms, bottleneck {}",
        big.components.len(),
        big.connections.len(),
        scorecard.overall,
        estimate_big.response_time_ms.unwrap_or(f64::NAN),
        estimate_big.bottleneck.map_or("none", |id| big.name_of(id)),
    );

    let clone_big = median_micros(|| big.clone());
    let score_small = median_micros(|| score(black_box(&small)));
    let estimate_only = median_micros(|| estimate(black_box(&big)));
    let score_big = median_micros(|| score(black_box(&big)));

    println!("median per call over {SAMPLES} samples:");
    println!("  baseline: clone the 100-component design   {clone_big:>9.2} us");
    println!("  baseline: score a 10-component design       {score_small:>9.2} us");
    println!("  analytic::estimate, 100 components          {estimate_only:>9.2} us");
    println!("  score (facts + estimate + rubric), 100      {score_big:>9.2} us");
    println!(
        "ratios: score/clone {:.1}x, score 100/score 10 {:.1}x, estimate/score {:.0}%",
        score_big / clone_big,
        score_big / score_small,
        100.0 * estimate_only / score_big,
    );
    let huge = largest_station();
    let score_huge = median_micros(|| score(black_box(&huge)));
    println!("  worst case: score one 10^7-server station at 90%   {score_huge:>9.2} us (not part of the target)");
    let verdict = if score_big < 1000.0 { "under" } else { "OVER" };
    println!(
        "target: score a 100-component design in under 1 ms: {verdict} ({:.3} ms)",
        score_big / 1000.0
    );
}
