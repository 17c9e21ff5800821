//! Buses deliver by topic and bound their channels; the event store answers
//! queries.

use super::*;

/// Events accepted by the bus but not yet delivered when the run ended, of
/// every topic (the bus carries both `order.created` and `order.validated`).
fn in_flight_margin(simulation: &Simulation) -> u64 {
    simulation.nodes()[2].stats.in_system.level()
}

#[test]
fn buses_deliver_by_topic_bound_their_channels_and_the_store_answers_queries() {
    let mut sketch = Sketch::new(200.0);
    sketch.design.workload.read_share = 0.0;
    let client = sketch.add(K::Client, "client", |_| {});
    let producer = sketch.add(K::Service, "orders", |c| c.topic = "order.created".into());
    let bus = sketch.add(K::EventBus, "bus", |c| c.channel_capacity = 1000);
    let processor = sketch.add(K::Service, "fraud", |c| c.topic = "order.validated".into());
    let consumer = sketch.add(K::Service, "email", |_| {});
    let bystander = sketch.add(K::Service, "bystander", |_| {});
    let store = sketch.add(K::EventStore, "store", |_| {});
    sketch.connect(client, producer);
    sketch.connect(producer, bus);
    sketch.connect_with(bus, processor, |c| c.topics = vec!["order.created".into()]);
    sketch.connect(processor, bus);
    sketch.connect_with(bus, consumer, |c| c.topics = vec!["order.validated".into()]);
    sketch.connect_with(bus, bystander, |c| c.topics = vec!["nothing".into()]);
    sketch.connect(bus, store);
    let simulation = run(&sketch.design, &options(8, 30.0, 0.0));
    let summary = simulation.summary();
    let writes = summary.components[1].completed;
    // Every order.created event reached the processor but those still in the
    // bus at the end; the bus's in-flight count holds both topics, so it
    // bounds those from above.
    let created = summary
        .topics
        .iter()
        .find(|t| t.topic == "order.created")
        .unwrap()
        .published;
    let delivered = arrivals(&simulation, 3);
    assert!(
        delivered <= created && delivered + in_flight_margin(&simulation) >= created,
        "order.created: {created} published, {delivered} delivered, {} in the bus at the end",
        in_flight_margin(&simulation)
    );
    assert!(
        arrivals(&simulation, 4) > writes * 9 / 10,
        "validated events reach the consumer"
    );
    assert_eq!(
        arrivals(&simulation, 5),
        0,
        "no topic matches the bystander"
    );
    let log = simulation.event_log(6).unwrap();
    let created = simulation
        .topics()
        .iter()
        .position(|t| t == "order.created")
        .unwrap() as u32;
    let validated = simulation
        .topics()
        .iter()
        .position(|t| t == "order.validated")
        .unwrap() as u32;
    let all = log.query(created, 0, u64::MAX).len();
    let first_half = log.query(created, 0, 15_000_000).len();
    let second_half = log.query(created, 15_000_000, u64::MAX).len();
    assert_eq!(all, first_half + second_half);
    assert!(first_half > 0 && second_half > 0);
    assert!(log.query(validated, 0, u64::MAX).len() > all * 9 / 10);
    assert!(
        log.query(created, 0, u64::MAX)
            .windows(2)
            .all(|w| w[0] <= w[1]),
        "times are in order"
    );

    // A slow bus with small channels refuses what does not fit.
    sketch.design.components[2].service_time_ms = 50.0;
    sketch.design.components[2].concurrency = 1;
    sketch.design.components[2].replicas.current = 1;
    sketch.design.components[2].channel_capacity = 5;
    let summary = run(&sketch.design, &options(8, 30.0, 0.0)).summary();
    let created = summary
        .topics
        .iter()
        .find(|t| t.topic == "order.created")
        .unwrap();
    assert!(created.channel_full > 0 && created.published > 0);
    assert_eq!(
        summary.components[2].errors["channel_full"],
        summary.topics.iter().map(|t| t.channel_full).sum::<u64>()
    );
    assert!(summary.components[2].drops >= created.channel_full);
}
