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
    /// The request went deeper than 64 calls: the design calls in a loop.
    CallLoop,
}

impl Cause {
    /// Number of causes.
    pub const COUNT: usize = 14;

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
        }
    }
}
