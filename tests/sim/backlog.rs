//! Stations that fall behind and events that are lost (`engine::sim::backlog`
//! and the verdict's findings): a slow consumer is named with its growth
//! rate though no request failed, a consumer's full queue and a full bus
//! channel (with its bus and topic) are named in words.

use crate::support::{run, Sketch};
use crate::verdict::options_of;
use archplay::engine::model::{ComponentKind as K, Design};
use archplay::engine::sim::score::SimulatedPerformance;
use archplay::engine::sim::verdict::{run_verdict, RunState};

/// A producer publishing every write to a bus whose consumer takes 2,000 ms
/// an event on 2 servers: it cannot keep up with 20 events a second.
fn slow_consumer(channel_capacity: u32, queue_capacity: u32) -> Design {
    let mut sketch = Sketch::new(20.0);
    sketch.design.workload.read_share = 0.0;
    let client = sketch.add(K::Client, "client", |_| {});
    let producer = sketch.add(K::Service, "orders", |c| {
        c.topic = "order.created".into();
        c.replicas.current = 2;
        c.service_time_ms = 5.0;
    });
    let bus = sketch.add(K::EventBus, "bus", |c| {
        c.channel_capacity = channel_capacity
    });
    let consumer = sketch.add(K::Service, "email", |c| {
        c.replicas.current = 1;
        c.concurrency = 2;
        c.service_time_ms = 2000.0;
        c.queue_capacity = queue_capacity;
    });
    sketch.connect(client, producer);
    sketch.connect(producer, bus);
    sketch.connect_with(bus, consumer, |c| c.topics = vec!["order.created".into()]);
    let mut design = sketch.design;
    design.simulation.duration_s = 60.0;
    design
}

#[test]
fn a_slow_consumer_is_named_as_falling_behind_though_no_request_failed() {
    let design = slow_consumer(10_000, 100_000);
    let summary = run(&design, &options_of(&design)).summary();
    assert_eq!(
        summary.end_to_end.failed, 0,
        "requests do not wait on events"
    );
    let behind = &summary.falling_behind;
    assert_eq!(behind.len(), 1, "{behind:?}");
    assert_eq!(behind[0].name, "email");
    // About 20 events/s arrive, 1 per second is served: the backlog grows by about 19/s.
    assert!(
        (16.0..=22.0).contains(&behind[0].growth_per_s),
        "{behind:?}"
    );
    let performance = SimulatedPerformance::from_summary(&summary);
    let verdict = run_verdict(&performance, &design);
    assert_eq!(verdict.state, RunState::Degraded, "{}", verdict.headline);
    assert!(
        verdict.headline.starts_with("degraded: no request failed")
            && verdict
                .headline
                .contains("email is falling behind: busy 100 % of the time"),
        "{}",
        verdict.headline
    );
    assert!(verdict.headline.contains("calls per second"));
}

#[test]
fn a_full_event_channel_is_named_with_its_bus_and_topic() {
    // The bus itself is slow here (one server, 500 ms an event), so its channel of 5 fills.
    let mut design = slow_consumer(5, 100_000);
    let bus = design
        .components
        .iter_mut()
        .find(|c| c.name == "bus")
        .unwrap();
    bus.service_time_ms = 500.0;
    bus.concurrency = 1;
    bus.replicas.current = 1;
    bus.replicas.min = 1;
    let summary = run(&design, &options_of(&design)).summary();
    let performance = SimulatedPerformance::from_summary(&summary);
    let verdict = run_verdict(&performance, &design);
    assert_ne!(verdict.state, RunState::Ok, "{}", verdict.headline);
    let channel = verdict
        .findings
        .iter()
        .find(|f| f.starts_with("event channel full on bus, topic order.created: "))
        .unwrap_or_else(|| panic!("{:?}", verdict.findings));
    assert!(channel.ends_with("events dropped"), "{channel}");
    assert!(verdict
        .glossary
        .iter()
        .any(|e| e.name == "event channel full"));
}

#[test]
fn a_consumer_whose_full_queue_turns_events_away_is_not_called_a_success() {
    // The case: 100 % busy with 200 queued while no request failed.
    let design = slow_consumer(10_000, 200);
    let summary = run(&design, &options_of(&design)).summary();
    assert_eq!(summary.end_to_end.failed, 0);
    let performance = SimulatedPerformance::from_summary(&summary);
    let verdict = run_verdict(&performance, &design);
    assert_eq!(verdict.state, RunState::Degraded, "{}", verdict.headline);
    assert!(
        verdict
            .findings
            .iter()
            .any(|f| f.starts_with("queue full at email: ")
                && f.ends_with("(no request waited on them)")),
        "{:?}",
        verdict.findings
    );
    let behind = verdict
        .findings
        .iter()
        .find(|f| f.starts_with("email is falling behind: busy 100 % of the time"))
        .unwrap_or_else(|| panic!("{:?}", verdict.findings));
    assert!(
        behind.contains("to 200 waiting (") && behind.ends_with("turned away, queue full)"),
        "{behind}"
    );
}
