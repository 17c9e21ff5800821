//! Reliability exercises (the document leaves its section empty; these teach
//! it): no single point of failure on the request path, and timeouts with a
//! circuit breaker so a slow dependency does not slow every caller.
//!
//! What must stay true: every exercise's start fails and its reference passes
//! under its own seeds and faults (tests/engine/learn.rs); runs stay a few
//! simulated seconds at a few hundred requests per second.

use super::build::{simulated, ExerciseBuilder};
use super::database_scaling::shared::{
    budget, design_field, fact, fault, load, overspend, steady_runs,
};
use crate::engine::learn::check::{Comparison, Metric};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::model::FaultAction;

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![no_single_point(), cascade()]
}

/// The database-scaling template at 300 requests a second with one of
/// everything: one balancer, one service replica, one cache node and a
/// database without read replicas or shards.
pub(super) fn single_everything() -> Vec<Step> {
    let mut steps = vec![Step::set("catalog-db", "shards", "")];
    steps.extend(load("300"));
    for name in ["load-balancer", "catalog-service", "redis-cache"] {
        steps.push(Step::set(name, "replicas.min", "1"));
        steps.push(Step::set(name, "replicas.current", "1"));
    }
    steps.push(Step::set("catalog-db", "read_replicas", "0"));
    steps
}

/// Two of everything on the request path, and callers that retry a failed call twice.
pub(super) fn redundant_everything() -> Vec<Step> {
    let mut steps = single_everything();
    for name in ["load-balancer", "catalog-service", "redis-cache"] {
        steps.push(Step::set(name, "replicas.current", "2"));
    }
    steps.push(Step::set("catalog-db", "read_replicas", "1"));
    steps.push(design_field("simulation.retries", "2"));
    steps
}

fn no_single_point() -> Exercise {
    let mut runs = steady_runs(6.0);
    runs.faults = vec![fault(
        "catalog-service",
        FaultAction::KillReplica,
        2.0,
        None,
    )];
    ExerciseBuilder::new(
        "rel-no-single-point",
        Section::Reliability,
        "No single point of failure",
        "The catalogue runs one of everything: one load balancer, one catalog-service replica, \
         one cache node, and a database with no copy. At 2 s a catalog-service replica \
         crashes and does not come back. Goal: at most 1 % of requests fail through the crash, \
         and every component on the request path has a second replica. Constraint: stay \
         within $1,500 a month.",
        DesignSource::template("database-scaling", single_everything()),
        DesignSource::template("database-scaling", redundant_everything()),
    )
    .checks(vec![
        fact(
            "no-spof",
            "no single point of failure on the request path",
            "has_fault_tolerance",
        ),
        fact(
            "redundancy",
            "every data store keeps a second copy",
            "has_redundancy",
        ),
        simulated(
            "errors",
            "at most 1 % of requests fail",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            1.0,
        ),
        budget(1500.0),
    ])
    .hints(&[
        "The reliability findings name the first single point of failure; fix them one by one \
         (replicas for the balancer, the service and the cache, a read replica for the database).",
        "With two service replicas the crash still fails the calls sent to the dead replica \
         until the health checks take it out of rotation (several seconds).",
        "Let callers try again: set the design's retries (Simulation settings) to 2, so a call \
         that hits the dead replica is retried on the live one.",
    ])
    .debrief(
        "Redundancy is necessary but not enough: a second replica only helps if the callers \
         stop using the dead one. Health checks take a crashed replica out of rotation in \
         seconds, and retries cover the requests caught in between, so the crash cost no \
         answered request in the run. The document's follow-up question \
         \"How do you ensure system reliability and fault tolerance?\" starts its answer \
         with redundancy.",
    )
    .runs(runs)
    .breaks("errors", vec![design_field("simulation.retries", "0")])
    .breaks("budget", overspend("catalog-service", "catalog-db"))
    .finish()
}

/// The microservices template where orders-service also calls payments-service.
pub(super) fn orders_call_payments() -> Vec<Step> {
    let mut steps = vec![Step::connect("orders-service", "payments-service")];
    steps.extend(load("300"));
    steps
}

/// Microservices steps that make the design expensive under any sensible price list.
pub(super) fn overspend_microservices() -> Vec<Step> {
    let mut steps = Vec::new();
    for service in ["users-service", "orders-service", "payments-service"] {
        steps.push(Step::set(service, "replicas.max", "10"));
        steps.push(Step::set(service, "replicas.current", "10"));
    }
    for database in ["users-db", "orders-db", "payments-db"] {
        steps.push(Step::set(database, "read_replicas", "3"));
    }
    steps
}

fn cascade_reference() -> Vec<Step> {
    let mut steps = orders_call_payments();
    steps.extend([
        design_field("simulation.timeout_enabled", "true"),
        design_field("simulation.timeout_ms", "250"),
        design_field("simulation.circuit_breaker", "true"),
        design_field("simulation.breaker_threshold", "5"),
        design_field("simulation.breaker_open_s", "1"),
    ]);
    steps
}

fn cascade() -> Exercise {
    let mut runs = steady_runs(10.0);
    runs.faults = vec![fault(
        "payments-service",
        FaultAction::AddLatency { ms: 1000.0 },
        2.0,
        Some(2.0),
    )];
    ExerciseBuilder::new(
        "rel-timeouts-circuit-breaker",
        Section::Reliability,
        "Stop a cascade with timeouts and a circuit breaker",
        "orders-service calls payments-service on every order. From 2 s to 4 s payments-service \
         takes a whole second longer per call. Nobody gives up on a call, so orders wait, \
         payments' queue overflows, and answered requests take seconds (p99 near 2 s) long \
         after the slowdown. Goal: answered requests keep p99 under 300 ms and a mean under \
         100 ms, payments-service itself fails at most 1 % of the calls that reach it (its \
         queue never overflows), and at most 35 % of requests fail overall (the payments that \
         depend on the slow call may fail fast). Constraint: stay within $3,800 a month.",
        DesignSource::template("microservices", orders_call_payments()),
        DesignSource::template("microservices", cascade_reference()),
    )
    .checks(vec![
        simulated(
            "p99",
            "p99 at most 300 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            300.0,
        ),
        simulated(
            "mean",
            "mean response time at most 100 ms",
            Metric::MeanMs,
            None,
            Comparison::AtMost,
            100.0,
        ),
        simulated(
            "payments-protected",
            "payments-service fails at most 1 % of the calls reaching it",
            Metric::ErrorPercent,
            Some("payments-service"),
            Comparison::AtMost,
            1.0,
        ),
        simulated(
            "errors",
            "at most 35 % of requests fail",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            35.0,
        ),
        budget(3800.0),
    ])
    .hints(&[
        "Callers wait for ever by default. Turn on call timeouts in the Simulation settings and \
         pick one a little above a healthy call (a few hundred milliseconds).",
        "Timeouts bound the wait, but callers keep sending to payments-service, whose queue \
         still overflows. A circuit breaker stops calling a callee after a few failures in a \
         row and tries again after a cool-off.",
        "Timeout 250 ms, circuit breakers on, 5 failures to open, 1 s cool-off.",
    ])
    .debrief(
        "A slow dependency is worse than a dead one: callers queue behind it and its slowness \
         spreads to everything that waits. A timeout turns waiting into a fast failure; a \
         circuit breaker stops the callers from piling more work onto the struggling service \
         so it recovers as soon as the slowdown ends. The run showed p99 of answered requests \
         falling from about 2 s to under 300 ms, with the failures confined to the payments \
         that needed the slow call. The document's answer to \
         \"How do you ensure system reliability and fault tolerance?\" names circuit \
         breakers and graceful degradation.",
    )
    .runs(runs)
    .breaks("errors", vec![design_field("simulation.timeout_ms", "5")])
    .breaks("budget", overspend_microservices())
    .finish()
}
