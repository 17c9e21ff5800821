//! Why a call failed. Every failure is counted once, at the component where it
//! happened, under one of these causes; the end-to-end summary counts failed
//! requests by the cause that started the failure.

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
}
