//! Routing, caches, key popularity, buses and event stores, templates, determinism.
//!
//! This file holds the helper and determinism; `routing` holds caches, key
//! popularity, databases, balancers and gateways, `events` buses and event
//! stores, `templates` the templates, loops and every kind of option.

mod events;
mod routing;
mod templates;

use crate::support::start;
use crate::support::{assert_agrees, options, run, Sketch};
use archplay::engine::model::{ComponentKind as K, HttpMethod, LoadBalancingStrategy, ShardRange};
use archplay::engine::model::{KeyPopularityKind, SimulationSettings};
use archplay::engine::sim::Simulation;
use archplay::engine::templates::{template, TEMPLATES};

/// Arrivals at the component with index `i`.
fn arrivals(simulation: &Simulation, i: usize) -> u64 {
    simulation.nodes()[i].stats.arrivals
}

#[test]
fn same_seed_gives_identical_summaries_and_other_seeds_differ() {
    for info in TEMPLATES {
        let design = template(info.name).unwrap();
        let first = run(&design, &options(42, 20.0, 0.0)).summary();
        let again = run(&design, &options(42, 20.0, 0.0)).summary();
        let other = run(&design, &options(43, 20.0, 0.0)).summary();
        assert_eq!(first, again, "{} is not reproducible", info.name);
        assert_eq!(
            serde_json::to_string(&first).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
        assert_ne!(
            first, other,
            "{}: seeds 42 and 43 gave the same run",
            info.name
        );
        assert!(
            first.end_to_end.completed > 0,
            "{} completed nothing",
            info.name
        );
    }
}

#[test]
fn stepping_and_running_in_slices_give_the_same_run() {
    let design = template("event-driven").unwrap();
    let whole = run(&design, &options(5, 10.0, 0.0)).summary();
    let mut sliced = start(&design, &options(5, 10.0, 0.0)).unwrap();
    let mut deadline = 0;
    while sliced.run_until(deadline, 997) != archplay::engine::sim::RunOutcome::Finished {
        deadline += 250_000;
    }
    assert_eq!(whole, sliced.summary());
}
