//! The monthly cost a cost-budget check reads.
//!
//! What must stay true: one function, so the check reads the same figure the
//! scorecard shows once `crate::engine::cost` (track F) is merged; until then
//! a rough stand-in of the same shape: a price per server of every replica,
//! per database primary, read replica and shard, and per cache, bus, gateway
//! and balancer.

use crate::engine::model::{ComponentKind as K, Design};

/// US dollars per month a design costs to run as designed.
pub fn monthly_cost_usd(design: &Design) -> f64 {
    design
        .components
        .iter()
        .map(|c| {
            let replicas = f64::from(c.replicas.current.max(c.replicas.min).max(1));
            // A server (one unit of concurrency) is priced like a small vCPU share.
            let servers = replicas * f64::from(c.concurrency.max(1));
            match c.kind {
                K::Client => 0.0,
                K::Database => {
                    let shards = c.shards.len().max(1) as f64;
                    shards * (1.0 + f64::from(c.read_replicas)) * 200.0 + servers * 2.0
                }
                K::Service => replicas * 30.0 + servers * 5.0,
                K::Cache | K::EventBus | K::EventStore => replicas * 60.0 + servers * 1.0,
                K::ApiGateway | K::LoadBalancer => replicas * 25.0 + servers * 0.5,
                K::ServiceRegistry | K::Monitoring | K::AuthProvider => replicas * 20.0,
            }
        })
        .sum()
}
