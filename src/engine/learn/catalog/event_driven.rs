//! Event-driven exercises: a bus that absorbs a 3x spike without refusing
//! events, and an event store that answers a query by type and time.
//!
//! What must stay true: the thresholds follow from the scenario (a store's
//! expected count is the orders the workload creates in the run).

use super::build::{budget, scale, simulated, ExerciseBuilder};
use crate::engine::learn::check::{Comparison, Metric, Rule};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, RunSettings, Section};
use crate::engine::model::{ArrivalProfile, SimulationSettings};

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![spike(), event_store_query()]
}

/// A bus that keeps up at the workload's rate but not at three times it.
fn small_bus(replicas: &str) -> Vec<Step> {
    vec![
        Step::set("event-bus", "channel_capacity", "200"),
        Step::set("event-bus", "service_time_ms", "10"),
        Step::set("event-bus", "concurrency", "2"),
        Step::set("event-bus", "replicas.min", "1"),
        Step::set("event-bus", "replicas.current", replicas),
        Step::set("order-service", "replicas.current", "3"),
    ]
}

fn spike() -> Exercise {
    let runs = RunSettings {
        seeds: vec![1, 2],
        scenario: SimulationSettings {
            duration_s: 30.0,
            arrival: ArrivalProfile::Spike,
            profile_factor: 3.0,
            profile_at_percent: 33.3,
            profile_length_percent: 33.3,
            ..SimulationSettings::default()
        },
        faults: Vec::new(),
    };
    ExerciseBuilder::new(
        "event-driven-spike",
        Section::EventDriven,
        "Event-driven: absorb a 3x spike",
        "A flash sale triples the orders for ten seconds. The event bus, one small broker, \
         keeps up with normal traffic, but in the spike its channels fill and it refuses \
         events with \"event channel full\": those orders are never validated, stocked or \
         emailed. Goal: no event refused through the spike, and failed requests under 0.5 %. \
         Constraint: at most $4,000 a month.",
        DesignSource::template("event-driven", small_bus("1")),
        DesignSource::template("event-driven", small_bus("3")),
    )
    .runs(runs)
    .checks(vec![
        simulated(
            "channel-full",
            "no event channel full",
            Metric::ChannelFull,
            None,
            Comparison::AtMost,
            0.0,
        ),
        simulated(
            "errors",
            "failed requests under 0.5 %",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            0.5,
        ),
        budget(4000.0),
    ])
    .hints(&[
        "The run's topics show where events were refused: order.created on event-bus, during \
         the spike.",
        "The bus needs about three times its normal throughput for ten seconds: more broker \
         replicas, or a deeper channel to buffer the burst.",
    ])
    .debrief(
        "The document's EventBus uses buffered channels: `channels map[string]chan Event`. A \
         channel is a buffer, and a buffer only absorbs a burst it can drain: capacity for \
         the peak (or room to hold it) is what keeps Publish from failing. Queues decouple \
         producers from consumers; they do not make work disappear.",
    )
    .breaks(
        "errors",
        vec![Step::set("order-service", "replicas.current", "2")],
    )
    .breaks("budget", scale("order-service", 20))
    .finish()
}

fn event_store_query() -> Exercise {
    let runs = RunSettings {
        seeds: vec![1, 2],
        scenario: SimulationSettings {
            duration_s: 20.0,
            ..SimulationSettings::default()
        },
        faults: Vec::new(),
    };
    let stored = crate::engine::learn::check::Check {
        id: "stored".into(),
        label: "the store returns every order.created event of the run".into(),
        rule: Rule::Simulated {
            metric: Metric::StoredEvents,
            component: Some("event-store".into()),
            topic: Some("order.created".into()),
            comparison: Comparison::AtLeast,
            threshold: 1100.0,
        },
    };
    ExerciseBuilder::new(
        "event-driven-event-store",
        Section::EventDriven,
        "Event-driven: an event store that remembers",
        "Support asks: \"which orders were created since the start of the run?\" The event \
         store is there, but nothing delivers events to it, so the query by type \
         (order.created) and time (from 0 s) comes back empty. The shop takes 300 requests \
         a second, a fifth of them new orders: about 1,200 orders in the 20 s run. Goal: the \
         store answers with at least 1,100 of them. Constraint: at most $4,000 a month.",
        DesignSource::template(
            "event-driven",
            vec![Step::disconnect("event-bus", "event-store")],
        ),
        DesignSource::template("event-driven", Vec::new()),
    )
    .runs(runs)
    .checks(vec![stored, budget(4000.0)])
    .hints(&[
        "An event store records what the bus delivers to it: it must subscribe.",
        "Connect event-bus to event-store, with no topic filter (or with order.created).",
    ])
    .debrief(
        "The document's EventStore keeps every event and an index by type, so \
         `GetEvents(eventType, from)` is a lookup rather than a scan. It only knows what it \
         was sent: the store is a subscriber like any consumer, and one that must never \
         filter away the history it is asked about.",
    )
    .breaks("budget", scale("order-service", 20))
    .finish()
}
