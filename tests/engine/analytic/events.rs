//! Events in the estimate: a bus delivering topics to its subscribers,
//! processors turning events into events, and loops cut off with a finding.

use super::*;

#[test]
fn a_bus_delivers_each_topic_to_its_subscribers_asynchronously() {
    let unsubscribed = sketch(EVENTS);
    let mut design = unsubscribed.clone();
    sketch_onto(&mut design, "bus -> sub-orders topics=orders\nbus -> sub-payments topics=payments\nbus -> sub-everything");
    // 100 writes per second become 100 order events.
    check_arrivals(
        &design,
        &[
            ("bus", 100.0),
            ("sub-orders", 100.0),
            ("sub-payments", 0.0),
            ("sub-everything", 100.0),
        ],
    );
    let estimate = run(&design);
    assert_eq!(
        station(&estimate, &design, "sub-orders").sync_visits,
        0.0,
        "nobody waits for a subscriber"
    );
    let before = run(&unsubscribed);
    assert_eq!(
        estimate.response_time_ms, before.response_time_ms,
        "subscribers add load, not response time"
    );
    assert_close(
        station(&estimate, &design, "sub-orders").utilisation,
        100.0 / 400.0,
        "but they are loaded",
    );
}

#[test]
fn processors_turn_events_into_further_events() {
    let mut design = sketch(EVENTS);
    sketch_onto(
        &mut design,
        "set sub-orders topic=validated\nbus -> sub-orders topics=orders\nsub-orders -> bus\nbus -> sub-payments topics=validated",
    );
    check_arrivals(
        &design,
        &[
            ("sub-orders", 100.0),
            ("sub-payments", 100.0),
            ("bus", 200.0),
        ],
    );
    // A publisher without a topic publishes under its own name.
    let mut unnamed = sketch(EVENTS);
    sketch_onto(
        &mut unnamed,
        "set producer topic=\nbus -> sub-orders topics=producer",
    );
    check_arrivals(&unnamed, &[("sub-orders", 100.0)]);
}

#[test]
fn a_request_loop_terminates_with_a_finding() {
    let design = sketch("client web\nservice a\nservice b\nweb -> a\na -> b\nb -> a\ndesign workload.requests_per_second=10");
    let estimate = run(&design);
    assert!(
        estimate.findings.iter().any(|f| f.contains("loop")),
        "{:?}",
        estimate.findings
    );
    assert!(estimate.stations.iter().all(|s| s.arrival_rps.is_finite()));
}

#[test]
fn an_event_feedback_loop_is_cut_off_with_a_finding() {
    let design = sketch(
        "client web\nservice echo topic=x\nevent_bus bus\nweb -> echo\necho -> bus\nbus -> echo topics=x\ndesign workload.requests_per_second=10",
    );
    let estimate = run(&design);
    assert!(
        estimate
            .findings
            .iter()
            .any(|f| f.contains("events feed back")),
        "{:?}",
        estimate.findings
    );
    assert!(estimate.stations.iter().all(|s| !s.arrival_rps.is_nan()));
}
