//! Why a call failed. Every failure is counted once, at the component where it
//! happened, under one of these causes; the end-to-end summary counts failed
//! requests by the cause that started the failure.
//!
//! Every cause has a slug (JSON), a short human name for reports and a
//! one-line glossary entry saying what it means and what usually fixes it.
//! What must stay true: [`Cause::from_slug`] inverts [`Cause::slug`], and no
//! name or glossary line is empty.

use serde::Serialize;

/// Why a call failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The station's queue was full.
    QueueFull,
    /// No replica of the component was running.
    NoReplica,
    /// The call went to a crashed replica that no health check had taken out yet.
    ReplicaDown,
    /// The replica serving the call crashed.
    Crashed,
    /// The component was down.
    ComponentDown,
    /// An injected error.
    Injected,
    /// A gateway had no route for the request's method.
    NoRoute,
    /// A gateway's route led to a service its health checks found down.
    ServiceNotFound,
    /// A client or load balancer had nowhere (healthy) to send the request.
    NoTarget,
    /// No database shard owns the key.
    NoShard,
    /// The caller stopped waiting.
    Timeout,
    /// The caller's circuit breaker was open.
    CircuitOpen,
    /// A bus channel was full, so the event was not published.
    ChannelFull,
    /// The request came back to a component already waiting on it (or went
    /// deeper than 64 calls): the design calls in a loop.
    CallLoop,
    /// The run already held [`super::limits::MAX_CALLS_IN_FLIGHT`] calls, so the
    /// simulator refused one more (a bound on the run's memory, not a property
    /// of the design).
    SimulationLimit,
}

impl Cause {
    /// Number of causes.
    pub const COUNT: usize = 15;

    /// Every cause, in report order.
    pub const ALL: [Cause; Cause::COUNT] = [
        Cause::QueueFull,
        Cause::NoReplica,
        Cause::ReplicaDown,
        Cause::Crashed,
        Cause::ComponentDown,
        Cause::Injected,
        Cause::NoRoute,
        Cause::ServiceNotFound,
        Cause::NoTarget,
        Cause::NoShard,
        Cause::Timeout,
        Cause::CircuitOpen,
        Cause::ChannelFull,
        Cause::CallLoop,
        Cause::SimulationLimit,
    ];

    /// The snake_case name used in the JSON summary.
    pub fn slug(self) -> &'static str {
        match self {
            Cause::QueueFull => "queue_full",
            Cause::NoReplica => "no_replica",
            Cause::ReplicaDown => "replica_down",
            Cause::Crashed => "crashed",
            Cause::ComponentDown => "component_down",
            Cause::Injected => "injected",
            Cause::NoRoute => "no_route",
            Cause::ServiceNotFound => "service_not_found",
            Cause::NoTarget => "no_target",
            Cause::NoShard => "no_shard",
            Cause::Timeout => "timeout",
            Cause::CircuitOpen => "circuit_open",
            Cause::ChannelFull => "channel_full",
            Cause::CallLoop => "call_loop",
            Cause::SimulationLimit => "simulation_limit",
        }
    }

    /// A short human sentence for reports.
    pub fn text(self) -> String {
        match self {
            Cause::QueueFull => "the queue was full".into(),
            Cause::NoReplica => "no replica was running".into(),
            Cause::ReplicaDown => "sent to a crashed replica".into(),
            Cause::Crashed => "the replica serving it crashed".into(),
            Cause::ComponentDown => "the component was down".into(),
            Cause::Injected => "an injected error".into(),
            Cause::NoRoute => "no route for the method".into(),
            Cause::ServiceNotFound => "the route's service was down".into(),
            Cause::NoTarget => "nowhere healthy to send it".into(),
            Cause::NoShard => "no shard owns the key".into(),
            Cause::Timeout => "the caller stopped waiting".into(),
            Cause::CircuitOpen => "the circuit breaker was open".into(),
            Cause::ChannelFull => "the bus channel was full".into(),
            Cause::CallLoop => "the design calls in a loop".into(),
            Cause::SimulationLimit => format!(
                "simulation limit: more than {} calls (requests and events) in flight",
                super::limits::MAX_CALLS_IN_FLIGHT
            ),
        }
    }

    /// The cause whose [`Cause::slug`] is `slug`.
    pub fn from_slug(slug: &str) -> Option<Cause> {
        Cause::ALL.into_iter().find(|cause| cause.slug() == slug)
    }

    /// A short human name, as the run's summary and log say it.
    pub fn name(self) -> &'static str {
        match self {
            Cause::QueueFull => "queue full",
            Cause::NoReplica => "no replica running",
            Cause::ReplicaDown => "sent to a dead replica",
            Cause::Crashed => "replica crashed mid-call",
            Cause::ComponentDown => "component down",
            Cause::Injected => "injected error",
            Cause::NoRoute => "no route",
            Cause::ServiceNotFound => "route's service down",
            Cause::NoTarget => "nowhere healthy to send",
            Cause::NoShard => "no shard for the key",
            Cause::Timeout => "timed out",
            Cause::CircuitOpen => "circuit breaker open",
            Cause::ChannelFull => "event channel full",
            Cause::CallLoop => "call loop",
            Cause::SimulationLimit => "simulation limit",
        }
    }

    /// One line: what the cause means in the run, and what usually removes it.
    pub fn glossary(self) -> &'static str {
        match self {
            Cause::QueueFull => "every server was busy and the waiting room (queue capacity per replica) was full, so the call was turned away; add replicas or concurrency, or lower the service time",
            Cause::NoReplica => "the component had no replica running (all crashed, or still starting); keep more replicas or shorten the start-up delay",
            Cause::ReplicaDown => "the call went to a crashed replica that health checks had not yet taken out of rotation; check more often or with fewer retries",
            Cause::Crashed => "the replica serving the call crashed while it worked on it; callers can retry",
            Cause::ComponentDown => "the whole component was down and refused every call; add a health-checking gateway or balancer, and a fallback",
            Cause::Injected => "a scheduled fault made a share of the calls fail on purpose",
            Cause::NoRoute => "the gateway had no route for the request's method or path; add a connection with that route",
            Cause::ServiceNotFound => "the gateway's route led to a service its health checks found down",
            Cause::NoTarget => "the client or load balancer had no healthy target left to send to",
            Cause::NoShard => "no database shard owns the request's key; check the shard count",
            Cause::Timeout => "the caller stopped waiting after its timeout; the callee was too slow or its queue too long",
            Cause::CircuitOpen => "the caller's circuit breaker was open after repeated failures, so it refused the call at once",
            Cause::ChannelFull => "the event bus channel for the topic was full, so the event was dropped; consumers are too slow or the channel too small",
            Cause::CallLoop => "the request came back to a component already waiting on it: the design calls in a loop",
            Cause::SimulationLimit => "the run held too many calls at once and refused more (a bound on the simulator's memory, not a property of the design)",
        }
    }
}
