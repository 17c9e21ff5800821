//! The document's follow-up questions as exercises: how to choose between
//! architectural patterns, how to design for massive scale, and how to ensure
//! reliability and fault tolerance. Each brief quotes its question; the checks
//! follow the document's answer.
//!
//! What must stay true: every exercise's start fails and its reference passes
//! under its own seeds and faults (tests/engine/learn.rs); runs stay a few
//! simulated seconds.

use super::build::{check, simulated, ExerciseBuilder};
use super::database_scaling::shared::{
    budget, catalog_without_cache, design_field, fact, fault, load, overspend, steady_runs,
};
use super::reliability::overspend_microservices;
use crate::engine::learn::check::{Comparison, Metric, Rule};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::model::{ArrivalProfile, ComponentKind as K, FaultAction};

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![choose_pattern(), massive_scale(), fault_tolerance()]
}

fn synchronous_orders() -> Vec<Step> {
    let mut steps = load("300");
    steps.extend([
        Step::remove("event-bus"),
        Step::remove("fraud-processor"),
        Step::remove("event-store"),
        Step::connect("order-service", "inventory-consumer"),
        Step::connect("order-service", "email-consumer"),
    ]);
    steps
}

fn choose_pattern() -> Exercise {
    ExerciseBuilder::new(
        "followup-choose-pattern",
        Section::FollowUp,
        "How do you choose between architectural patterns?",
        "The document asks: \"How do you choose between different architectural patterns?\" \
         Here is a case. order-service calls inventory and email synchronously on every \
         request, so each customer waits for an email to be sent (50 ms) before the page \
         answers. Neither result is needed for the answer. Goal: p99 at most 150 ms at 300 \
         requests a second, with inventory and email still told about every order, through an \
         event bus. Constraint: stay within $3,800 a month.",
        DesignSource::template("event-driven", synchronous_orders()),
        DesignSource::template("event-driven", load("300")),
    )
    .checks(vec![
        simulated(
            "p99",
            "p99 at most 150 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            150.0,
        ),
        check(
            "bus",
            "an event bus carries the order events",
            Rule::KindCount {
                component_kind: K::EventBus,
                min: 1,
                max: None,
            },
        ),
        simulated(
            "email-told",
            "email-consumer handles at least 40 events/s",
            Metric::AnsweredRps,
            Some("email-consumer"),
            Comparison::AtLeast,
            40.0,
        ),
        budget(3800.0),
    ])
    .hints(&[
        "Ask what the customer needs to wait for. The order must be stored; the email and the \
         inventory update can happen after the answer.",
        "Add an Event bus, connect order-service to it (order-service publishes order.created \
         on every write), and subscribe inventory-consumer and email-consumer to it instead of \
         calling them.",
    ])
    .debrief(
        "The document's answer: consider system requirements, team expertise, scalability \
         needs, maintainability and business constraints, and evaluate trade-offs. Here the \
         requirement was a fast answer and the trade-off was consistency: with an event bus \
         the email goes out a moment after the answer instead of before it, and the page no \
         longer waits for the slowest consumer. The run showed p99 falling under 150 ms while \
         the consumers still handled every order event.",
    )
    .runs(steady_runs(5.0))
    .breaks(
        "email-told",
        vec![Step::disconnect("event-bus", "email-consumer")],
    )
    .breaks("bus", vec![Step::remove("event-bus")])
    .breaks("budget", overspend("order-service", "orders-db"))
    .finish()
}

fn massive_common() -> Vec<Step> {
    vec![Step::set("catalog-db", "service_time_ms", "30")]
}

fn massive_start() -> Vec<Step> {
    let mut steps = catalog_without_cache("600");
    steps.extend(massive_common());
    steps
}

fn massive_reference() -> Vec<Step> {
    let mut steps = load("600");
    steps.extend(massive_common());
    steps.extend([
        Step::set("catalog-db", "shards", "0..500, 500..1000"),
        Step::set("catalog-db", "read_replicas", "1"),
    ]);
    steps
}

fn massive_scale() -> Exercise {
    let mut runs = steady_runs(6.0);
    runs.scenario.arrival = ArrivalProfile::Step;
    runs.scenario.profile_factor = 3.0;
    runs.scenario.profile_at_percent = 30.0;
    ExerciseBuilder::new(
        "followup-massive-scale",
        Section::FollowUp,
        "How do you design systems for massive scale?",
        "The document asks: \"How do you design systems for massive scale?\" Here, the \
         catalogue answers 600 requests a second, and a launch will triple that. Every read \
         goes to catalog-db's two read replicas (30 ms a query), which can answer about 1,070 \
         a second: fine today, not at 1,800. Goal, after the document's answer: services that \
         scale out, a cache and a sharded database, and at most 1 % failed with p99 under \
         300 ms after the 3x step. Constraint: stay within $3,000 a month.",
        DesignSource::template("database-scaling", massive_start()),
        DesignSource::template("database-scaling", massive_reference()),
    )
    .checks(vec![
        fact(
            "horizontal",
            "services can add replicas behind a balancer",
            "supports_horizontal_scaling",
        ),
        fact("cached", "a cache is on the request path", "has_caching"),
        fact(
            "sharded",
            "the database is range-sharded",
            "supports_database_sharding",
        ),
        simulated(
            "errors",
            "at most 1 % of requests fail",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            1.0,
        ),
        simulated(
            "p99",
            "p99 at most 300 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            300.0,
        ),
        budget(3000.0),
    ])
    .hints(&[
        "The document's answer lists horizontal scaling, caching, statelessness, message \
         queues, sharding and geographic distribution. Which of them does this design lack?",
        "Put a cache between catalog-service and catalog-db: at 1,800 requests a second most \
         reads hit it, and the database sees a fraction.",
        "Split catalog-db into two range shards (0..500 and 500..1000) so writes have two \
         primaries; one read replica per shard is then enough.",
    ])
    .debrief(
        "Massive scale is many multipliers at once: stateless replicas multiply compute, a \
         cache divides the reads that reach storage, replicas multiply read capacity, and \
         shards multiply write capacity. None of them alone survives the next 10x. The run \
         showed the tripled load answered because the cache took most reads off the \
         database; without it, the read replicas' queues overflowed within seconds of the \
         step.",
    )
    .runs(runs)
    .breaks(
        "horizontal",
        vec![
            Step::set("catalog-service", "replicas.min", "1"),
            Step::set("catalog-service", "replicas.current", "1"),
            Step::set("catalog-service", "replicas.max", "1"),
        ],
    )
    .breaks("sharded", vec![Step::set("catalog-db", "shards", "")])
    .breaks("budget", overspend("catalog-service", "catalog-db"))
    .finish()
}

fn fragile_platform() -> Vec<Step> {
    let mut steps = load("300");
    steps.extend([
        Step::remove("monitoring"),
        Step::set("users-db", "backup", "false"),
        Step::set("orders-db", "read_replicas", "0"),
    ]);
    steps
}

fn fault_tolerance() -> Exercise {
    let mut runs = steady_runs(6.0);
    runs.faults = vec![fault("orders-service", FaultAction::KillReplica, 2.0, None)];
    let mut reference = load("300");
    reference.push(design_field("simulation.retries", "2"));
    ExerciseBuilder::new(
        "followup-fault-tolerance",
        Section::FollowUp,
        "How do you ensure reliability and fault tolerance?",
        "The document asks: \"How do you ensure system reliability and fault tolerance?\" Here \
         the platform has gaps: orders-db keeps one copy, users-db has no backup, nothing \
         monitors anything, and at 2 s an orders-service replica crashes with every caller \
         trusting the first try. Goal, after the document's answer: redundancy on every data \
         store, backups for disaster recovery, monitoring with alerts, and at most 1 % of \
         requests failed through the crash. Constraint: stay within $3,800 a month.",
        DesignSource::template("microservices", fragile_platform()),
        DesignSource::template("microservices", reference),
    )
    .checks(vec![
        fact(
            "redundancy",
            "every data store keeps a second copy",
            "has_redundancy",
        ),
        fact(
            "backups",
            "every database is backed up",
            "has_backup_recovery",
        ),
        fact(
            "monitored",
            "monitoring watches the request path",
            "has_monitoring",
        ),
        fact("alerting", "monitoring raises alerts", "has_alerting"),
        simulated(
            "errors",
            "at most 1 % of requests fail",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            1.0,
        ),
        budget(3800.0),
    ])
    .hints(&[
        "The document's answer: redundancy, circuit breakers, graceful degradation, \
         comprehensive monitoring and disaster recovery. The reliability rubric lines name \
         each gap.",
        "Give orders-db a read replica, turn on users-db's backup, and add Monitoring with \
         alerting connected to every component on the request path.",
        "The crash itself is covered by the gateway's health checks and by retries: set the \
         design's retries (Simulation settings) to 2.",
    ])
    .debrief(
        "Fault tolerance is layered: redundancy so a failure leaves a copy, health checks and \
         retries so callers move to the copy, backups for the failure redundancy cannot cover \
         (a bad write copied everywhere), and monitoring with alerts so people learn about it \
         before customers do. The run showed the crash of an orders-service replica absorbed \
         with no failed request.",
    )
    .runs(runs)
    .breaks("errors", vec![design_field("simulation.retries", "0")])
    .breaks("budget", overspend_microservices())
    .finish()
}
