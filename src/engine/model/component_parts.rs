//! The parts of a component: its position, replica counts, health checks,
//! security flags, autoscaling policy and shard ranges, and the choices among
//! them.
//!
//! What must stay true: each struct takes `#[serde(default)]`, and its
//! `Default` is what `Component::default()` holds, so a design file may name
//! only some of a part's fields (`docs/design-file.md`) and the rest read as
//! they would had the whole part been left out.

use serde::{Deserialize, Serialize};

/// A point on the canvas, in canvas units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Position {
    /// Horizontal position of the component's centre.
    pub x: f64,
    /// Vertical position of the component's centre.
    pub y: f64,
}

/// How many copies of a component run, and between which bounds it may scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Replicas {
    /// The fewest replicas the autoscaler may leave running.
    pub min: u32,
    /// The most replicas the autoscaler may start.
    pub max: u32,
    /// Replicas running now.
    pub current: u32,
}

/// The default component's (a service's): one running, up to ten.
impl Default for Replicas {
    fn default() -> Replicas {
        Replicas {
            min: 1,
            max: 10,
            current: 1,
        }
    }
}

/// How a load balancer chooses among its targets (the seed's DatabaseLoadBalancer strategies).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadBalancingStrategy {
    /// Each target in turn.
    RoundRobin,
    /// In proportion to the connection weights.
    Weighted,
    /// The target with the fewest requests in flight.
    LeastConnections,
}

/// Health checking as in the seed's HealthCheck.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthCheck {
    /// Whether health checks run at all.
    pub enabled: bool,
    /// Seconds between checks.
    pub interval_s: f64,
    /// Seconds before a check counts as failed.
    pub timeout_s: f64,
    /// Failed checks in a row before a replica is taken out.
    pub retries: u32,
}

/// Off, every 30 s with a 5 s timeout and 3 retries (a new load balancer's, switched off).
impl Default for HealthCheck {
    fn default() -> HealthCheck {
        HealthCheck {
            enabled: false,
            interval_s: 30.0,
            timeout_s: 5.0,
            retries: 3,
        }
    }
}

/// The security flags of one component.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Security {
    /// Requests must carry a verified identity.
    pub authentication: bool,
    /// Requests are checked against permissions.
    pub authorization: bool,
    /// Traffic to and from the component is encrypted in transit.
    pub tls: bool,
    /// Stored data is encrypted.
    pub encryption_at_rest: bool,
    /// Security-relevant actions are written to an audit log.
    pub audit_logging: bool,
}

/// The metric an autoscaling policy watches (the seed's MetricType).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScalingMetric {
    /// CPU utilisation in percent.
    Cpu,
    /// Memory utilisation in percent.
    Memory,
    /// Requests per second per replica.
    RequestRate,
    /// Failed requests in percent.
    ErrorRate,
}

/// The seed's ScalingPolicy for one service.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AutoscalingPolicy {
    /// Whether the autoscaler manages this service.
    pub enabled: bool,
    /// The metric compared with the threshold.
    pub metric: ScalingMetric,
    /// Scale up above this value, down below half of it.
    pub threshold: f64,
    /// Seconds after a scaling action before scaling up again.
    pub scale_up_cooldown_s: f64,
    /// Seconds after a scaling action before scaling down again.
    pub scale_down_cooldown_s: f64,
}

/// Off; CPU above 70, with cooldowns of 60 s up and 300 s down.
impl Default for AutoscalingPolicy {
    fn default() -> AutoscalingPolicy {
        AutoscalingPolicy {
            enabled: false,
            metric: ScalingMetric::Cpu,
            threshold: 70.0,
            scale_up_cooldown_s: 60.0,
            scale_down_cooldown_s: 300.0,
        }
    }
}

/// One range shard of a database: keys in `[start, end)` live here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardRange {
    /// First key of the range, inclusive.
    pub start: u32,
    /// End of the range, exclusive.
    pub end: u32,
}
