//! The unit prices a design's monthly cost is computed from: design inputs a
//! user can edit, with defaults of the order of on-demand cloud prices (USD per
//! month, 730 hours).
//!
//! What must stay true: every field has a serde default, so a design file
//! without `prices` reads as these defaults; every price is finite and at
//! least 0 (the attribute table's ranges say so and validation enforces it).
//! The defaults are documented in README ("What a design costs"); change both
//! together. It is part of the model and re-exported from
//! [`crate::engine::model`].

use serde::{Deserialize, Serialize};

/// Unit prices in USD per month. A service replica costs its concurrency times
/// [`Prices::service_per_concurrency`] (one request served at once is taken as
/// one vCPU); a database costs, per shard, one primary, its read replicas and
/// the shard's storage; every other kind costs its unit price per running
/// replica. Clients cost nothing: they are the users.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prices {
    /// One unit of concurrency of one service replica for a month (about one
    /// on-demand general-purpose vCPU with its memory).
    pub service_per_concurrency: f64,
    /// One database primary (one per shard) for a month.
    pub database_primary: f64,
    /// One database read replica for a month.
    pub database_read_replica: f64,
    /// Storage and backups of one database shard for a month.
    pub database_shard: f64,
    /// One cache node for a month.
    pub cache_node: f64,
    /// One event bus broker for a month.
    pub event_bus: f64,
    /// One event store node for a month.
    pub event_store: f64,
    /// One API gateway replica for a month.
    pub api_gateway: f64,
    /// One load balancer for a month.
    pub load_balancer: f64,
    /// One auth provider replica for a month.
    pub auth_provider: f64,
    /// One service registry node for a month.
    pub service_registry: f64,
    /// One monitoring instance for a month.
    pub monitoring: f64,
}

/// On-demand prices of a realistic order (us-east, 2026): a vCPU-month of a
/// general-purpose instance about $30, a large managed database instance about
/// $190, a large managed cache node about $110, a managed broker about $150.
impl Default for Prices {
    fn default() -> Prices {
        Prices {
            service_per_concurrency: 30.0,
            database_primary: 190.0,
            database_read_replica: 190.0,
            database_shard: 25.0,
            cache_node: 110.0,
            event_bus: 150.0,
            event_store: 120.0,
            api_gateway: 90.0,
            load_balancer: 25.0,
            auth_provider: 60.0,
            service_registry: 30.0,
            monitoring: 50.0,
        }
    }
}
