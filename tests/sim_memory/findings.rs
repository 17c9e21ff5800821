//! One test per memory finding of issue 12: a design that passes validation
//! either runs under [`BOUND`] bytes or is refused at set-up with a message
//! that names the numbers and what to lower.

use crate::support::{options, with_settings, Sketch};
use crate::Measure;
use archplay::engine::model::validate::validate;
use archplay::engine::model::{ComponentKind as K, Design, ShardRange, SimulationSettings};
use archplay::engine::sim::Simulation;

/// Most bytes a run (set-up included) may hold here.
const BOUND: usize = 64 << 20;

/// How a measured run ended.
enum Ran {
    /// Set-up refused the run with this message.
    Refused(String),
    /// It ran (to the end, or until it passed the bound): its simulation.
    Ran(Box<Simulation>),
}

/// Sets up and runs `design` in slices, stopping once the bytes held pass
/// [`BOUND`] (so a regression fails the test instead of filling the machine);
/// returns how it ended and the peak.
fn measure(design: &Design, settings: &SimulationSettings) -> (Ran, usize) {
    // The design with these settings is made before the meter starts.
    let design = &with_settings(design, settings);
    assert!(validate(design).is_ok(), "{:?}", validate(design).err());
    let measure = Measure::start();
    let mut simulation = match Simulation::new(design) {
        Ok(simulation) => simulation,
        Err(error) => return (Ran::Refused(error.to_string()), measure.peak()),
    };
    while measure.peak() <= BOUND {
        let outcome = simulation.run_until(simulation.end(), 20_000);
        if outcome == archplay::engine::sim::RunOutcome::Finished {
            break;
        }
    }
    let peak = measure.peak();
    println!(
        "peak {:.1} MiB after {} events at {:.3} s",
        peak as f64 / (1 << 20) as f64,
        simulation.stats().events,
        simulation.now() as f64 / 1e6
    );
    (Ran::Ran(Box::new(simulation)), peak)
}

/// Asserts that the run stayed under the bound; returns its simulation.
fn assert_runs_bounded(design: &Design, options: &SimulationSettings) -> Simulation {
    match measure(design, options) {
        (Ran::Refused(message), _) => panic!("refused: {message}"),
        (Ran::Ran(simulation), peak) => {
            assert!(
                peak <= BOUND,
                "peak {} MiB is over the bound of {} MiB",
                peak >> 20,
                BOUND >> 20
            );
            *simulation
        }
    }
}

/// Asserts that set-up refused the run, cheaply, naming every word in `names`.
fn assert_refused(design: &Design, options: &SimulationSettings, names: &[&str]) {
    match measure(design, options) {
        (Ran::Ran(simulation), peak) => panic!(
            "ran {} events, peak {} MiB",
            simulation.stats().events,
            peak >> 20
        ),
        (Ran::Refused(message), peak) => {
            println!("refused: {message}");
            assert!(peak <= BOUND, "refusing held {} MiB", peak >> 20);
            for name in names {
                assert!(message.contains(name), "`{message}` should name {name}");
            }
        }
    }
}

fn errors_of(simulation: &Simulation, cause: &str) -> u64 {
    let summary = simulation.summary();
    let end_to_end = summary.end_to_end.errors.get(cause).copied().unwrap_or(0);
    let components: u64 = summary
        .components
        .iter()
        .map(|c| c.errors.get(cause).copied().unwrap_or(0))
        .sum();
    end_to_end.max(components)
}

#[test]
fn a_thousand_replicas_of_concurrency_a_thousand_under_ten_million_requests_stay_bounded() {
    let mut sketch = Sketch::new(10_000_000.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "service", |c| {
        c.replicas.current = 1000;
        c.replicas.max = 1000;
        c.concurrency = 1000;
        c.queue_capacity = 1_000_000;
        c.service_time_ms = 1000.0;
    });
    sketch.connect(client, service);
    let simulation = assert_runs_bounded(&sketch.design, &options(1, 0.2, 0.0));
    assert!(errors_of(&simulation, "simulation_limit") > 0);
}

#[test]
fn hundreds_of_event_stores_keep_a_bounded_log() {
    let mut sketch = Sketch::new(20_000.0);
    sketch.design.workload.read_share = 0.0;
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "writer", |c| {
        c.concurrency = 10_000;
        c.service_time_ms = 0.01;
    });
    sketch.connect(client, service);
    for i in 0..400 {
        let store = sketch.add(K::EventStore, &format!("store-{i}"), |c| {
            c.concurrency = 1000;
            c.service_time_ms = 0.001;
        });
        sketch.connect(service, store);
    }
    assert_runs_bounded(&sketch.design, &options(1, 1.0, 0.0));
}

#[test]
fn a_bus_fanning_out_to_many_slow_consumers_stays_bounded() {
    let mut sketch = Sketch::new(50_000.0);
    sketch.design.workload.read_share = 0.0;
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "writer", |c| {
        c.concurrency = 10_000;
        c.service_time_ms = 0.01;
    });
    let bus = sketch.add(K::EventBus, "bus", |c| {
        c.concurrency = 10_000;
        c.service_time_ms = 0.001;
        c.channel_capacity = 10_000_000;
    });
    sketch.connect(client, service);
    sketch.connect(service, bus);
    for i in 0..300 {
        let consumer = sketch.add(K::Service, &format!("consumer-{i}"), |c| {
            c.queue_capacity = 1_000_000;
            c.service_time_ms = 60_000.0;
        });
        sketch.connect(bus, consumer);
    }
    let simulation = assert_runs_bounded(&sketch.design, &options(1, 1.0, 0.0));
    assert!(errors_of(&simulation, "simulation_limit") > 0);
}

#[test]
fn long_timeouts_under_overload_keep_the_agenda_bounded() {
    let mut sketch = Sketch::new(400_000.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let gateway = sketch.add(K::ApiGateway, "gateway", |c| {
        c.concurrency = 10_000;
        c.service_time_ms = 0.001;
    });
    let service = sketch.add(K::Service, "overloaded", |c| {
        c.concurrency = 1;
        c.queue_capacity = 0;
        c.service_time_ms = 1000.0;
    });
    sketch.connect(client, gateway);
    sketch.connect(gateway, service);
    let mut options = options(1, 1.0, 0.0);
    options.timeout_enabled = true;
    options.timeout_ms = 600_000.0;
    options.retries = 3;
    assert_runs_bounded(&sketch.design, &options);
}

#[test]
fn a_database_with_millions_of_servers_is_refused_at_set_up() {
    let mut sketch = Sketch::new(10.0);
    sketch.design.workload.key_space = 1_000_000;
    let client = sketch.add(K::Client, "client", |_| {});
    let database = sketch.add(K::Database, "db", |c| {
        c.read_replicas = 1000;
        c.concurrency = 1000;
        c.shards = (0..8)
            .map(|i| ShardRange {
                start: i * 1000,
                end: (i + 1) * 1000,
            })
            .collect();
    });
    sketch.connect(client, database);
    assert_refused(&sketch.design, &options(1, 1.0, 0.0), &["servers", "lower"]);
}

#[test]
fn many_sharded_databases_are_refused_at_set_up() {
    let mut sketch = Sketch::new(10.0);
    sketch.design.workload.key_space = 1_000_000;
    let client = sketch.add(K::Client, "client", |_| {});
    for d in 0..20 {
        let database = sketch.add(K::Database, &format!("db-{d}"), |c| {
            c.read_replicas = 1;
            c.shards = (0..256)
                .map(|i| ShardRange {
                    start: i * 1000,
                    end: (i + 1) * 1000,
                })
                .collect();
        });
        sketch.connect(client, database);
    }
    assert_refused(&sketch.design, &options(1, 1.0, 0.0), &["queues", "shards"]);
}

#[test]
fn many_caches_over_a_large_key_space_stay_bounded() {
    let mut sketch = Sketch::new(20_000.0);
    sketch.design.workload.key_space = 1_000_000_000;
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "reader", |c| {
        c.concurrency = 10_000;
        c.service_time_ms = 0.01;
    });
    sketch.connect(client, service);
    for i in 0..60 {
        let cache = sketch.add(K::Cache, &format!("cache-{i}"), |c| {
            c.concurrency = 10_000;
            c.service_time_ms = 0.001;
        });
        sketch.connect(service, cache);
    }
    assert_runs_bounded(&sketch.design, &options(1, 2.0, 0.0));
}

#[test]
fn many_caches_over_a_million_keys_stay_bounded_at_set_up() {
    let mut sketch = Sketch::new(10.0);
    sketch.design.workload.key_space = 1 << 20;
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "reader", |_| {});
    sketch.connect(client, service);
    for i in 0..20 {
        let cache = sketch.add(K::Cache, &format!("cache-{i}"), |_| {});
        sketch.connect(service, cache);
    }
    assert_runs_bounded(&sketch.design, &options(1, 1.0, 0.0));
}
