//! Time bounds of a run (issue 12): call loops stopped at once, runs too
//! long for the event budget refused up front with the numbers, a run that
//! spends its budget reported as partial, and the budget in `--help`.
//! (Memory bounds are in the `sim_memory` test binary.)

use crate::support::{check_universal, options, run, start, with_settings, Sketch};
use archplay::engine::model::ComponentKind as K;
use archplay::engine::sim::limits::DEFAULT_EVENT_BUDGET;
use archplay::engine::sim::{RunOutcome, Simulation};
use std::process::Command;

#[test]
fn a_gateway_and_auth_provider_calling_each_other_are_stopped_at_once() {
    let mut sketch = Sketch::new(1000.0);
    sketch.design.workload.hop_latency_ms = 1.0;
    let client = sketch.add(K::Client, "client", |_| {});
    let gateway = sketch.add(K::ApiGateway, "gateway", |_| {});
    let auth = sketch.add(K::AuthProvider, "auth", |_| {});
    let service = sketch.add(K::Service, "service", |_| {});
    sketch.connect(client, gateway);
    sketch.connect(gateway, auth);
    sketch.connect(auth, gateway);
    sketch.connect(gateway, service);
    let simulation = run(&sketch.design, &options(1, 10.0, 0.0));
    let summary = simulation.summary();
    let end = &summary.end_to_end;
    assert!(end.arrived > 5000);
    assert_eq!(end.completed, 0);
    assert_eq!(end.errors["call_loop"] + end.in_flight, end.arrived);
    let per_request = summary.events as f64 / end.arrived as f64;
    // Client sends, gateway and auth each reached and served once: 5 events.
    assert!(per_request <= 6.0, "{per_request} events per request");
}

#[test]
fn ten_million_requests_a_second_for_a_million_seconds_is_refused_with_the_numbers() {
    let mut sketch = Sketch::new(10_000_000.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "service", |_| {});
    sketch.connect(client, service);
    let error = start(&sketch.design, &options(1, 1_000_000.0, 0.0))
        .err()
        .expect("refused")
        .to_string();
    for expected in ["10000000 req/s", "1000000 s", "100000000 events", "lower"] {
        assert!(error.contains(expected), "`{error}` should name {expected}");
    }
    assert_eq!(error, error.to_lowercase());
    // Within the budget the same design sets up.
    assert!(start(&sketch.design, &options(1, 5.0, 0.0)).is_ok());
}

#[test]
fn a_run_that_spends_its_event_budget_stops_and_says_it_is_partial() {
    let mut sketch = Sketch::new(1000.0);
    let client = sketch.add(K::Client, "client", |_| {});
    // Two events a request (sent, served): 120,000 in 60 s.
    let service = sketch.station("service", 100, 20.0, 100);
    sketch.connect(client, service);
    let design = with_settings(&sketch.design, &options(1, 60.0, 0.0));
    let mut simulation = Simulation::with_event_budget(&design, 100_000).unwrap();
    // Sliced as the worker drives it: the slices end, at the budget.
    let mut slices = 0;
    while simulation.run_until(simulation.end(), 3333) == RunOutcome::EventLimit {
        slices += 1;
        assert!(slices < 100, "the slices never end");
    }
    assert_eq!(simulation.stats().events, 100_000);
    assert!(simulation.stopped_early());
    assert!(simulation.now() < simulation.planned_end());
    check_universal(&simulation);
    let partial = simulation.summary().partial.expect("a partial run says so");
    assert!(partial.contains("100000 events"), "{partial}");
    assert!(partial.contains("60.000 s"), "{partial}");
    // A run that fits its budget is not partial.
    let whole = run(&sketch.design, &super::support::options(1, 30.0, 0.0));
    assert!(whole.summary().partial.is_none());
}

#[test]
fn help_names_max_events_with_its_default() {
    let output = Command::new(env!("CARGO_BIN_EXE_archplay"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("--max-events"), "{help}");
    assert!(help.contains(&DEFAULT_EVENT_BUDGET.to_string()), "{help}");
}
