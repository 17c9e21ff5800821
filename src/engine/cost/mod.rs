//! What a design costs: a monthly price from what the design runs, priced with
//! the design's own unit prices ([`Prices`]).
//!
//! The model, kept simple enough to explain in a sentence per kind:
//! - a service replica costs its concurrency times the price of one unit of
//!   concurrency (one request served at once is about one vCPU);
//! - a database costs, for each shard (an unsharded database is one shard), a
//!   primary, its read replicas and the shard's storage;
//! - every other kind costs its unit price per running replica; clients cost
//!   nothing.
//!
//! Replicas counted are the running ones (`replicas.current`); a simulation
//! prices what actually ran instead ([`run`]).
//!
//! What must stay true: cost is not a seventh score (the six stay the seed's);
//! the result is deterministic, in component order, and never panics; every
//! figure is finite and at least 0 whatever the prices hold (each price and
//! each line is clamped).

pub mod run;

use crate::engine::model::{Component, ComponentId, ComponentKind, Design, Prices};
use serde::Serialize;

/// The largest figure a line or a total reports, so that extreme inputs still
/// give a finite number (a trillion dollars a month).
pub const MAX_USD: f64 = 1e12;

/// One line of a cost breakdown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostLine {
    /// The component this line prices; `None` for a line about a kind of
    /// resource across components.
    pub component: Option<ComponentId>,
    /// What is priced, in words with the counts and unit prices
    /// ("checkout: 3 replicas x 8 concurrency x $30").
    pub what: String,
    /// Its price in USD per month.
    pub usd_per_month: f64,
}

/// A design's monthly cost: the total and one line per component that costs
/// anything, in component order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CostReport {
    /// The sum of the lines, in USD per month.
    pub total_usd_per_month: f64,
    /// One line per priced component.
    pub lines: Vec<CostLine>,
}

/// Makes a price or a figure finite and at least 0.
pub fn clamp_usd(value: f64) -> f64 {
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, MAX_USD)
    }
}

/// The price of one running replica of `component` for a month, and the words
/// saying how it is made. A database's "replica" is one shard with its primary,
/// read replicas and storage. Clients cost nothing.
pub fn replica_price(component: &Component, prices: &Prices) -> (f64, String) {
    let p = |value: f64| clamp_usd(value);
    match component.kind {
        ComponentKind::Client => (0.0, String::new()),
        ComponentKind::Service => {
            let unit = p(prices.service_per_concurrency);
            (
                clamp_usd(f64::from(component.concurrency) * unit),
                format!("{} concurrency x ${}", component.concurrency, usd(unit)),
            )
        }
        ComponentKind::Database => {
            let primary = p(prices.database_primary);
            let replica = p(prices.database_read_replica);
            let storage = p(prices.database_shard);
            let reads = f64::from(component.read_replicas);
            (
                clamp_usd(primary + reads * replica + storage),
                format!(
                    "primary ${} + {} read replicas x ${} + storage ${}",
                    usd(primary),
                    component.read_replicas,
                    usd(replica),
                    usd(storage)
                ),
            )
        }
        kind => {
            let unit = p(match kind {
                ComponentKind::ApiGateway => prices.api_gateway,
                ComponentKind::LoadBalancer => prices.load_balancer,
                ComponentKind::Cache => prices.cache_node,
                ComponentKind::EventBus => prices.event_bus,
                ComponentKind::EventStore => prices.event_store,
                ComponentKind::ServiceRegistry => prices.service_registry,
                ComponentKind::Monitoring => prices.monitoring,
                ComponentKind::AuthProvider => prices.auth_provider,
                ComponentKind::Client | ComponentKind::Service | ComponentKind::Database => 0.0,
            });
            (unit, format!("${} each", usd(unit)))
        }
    }
}

/// How many priced units of `component` run now: shards of a database (at
/// least one), running replicas of anything else.
pub fn running_units(component: &Component) -> u32 {
    match component.kind {
        ComponentKind::Database => u32::try_from(component.shards.len().max(1)).unwrap_or(u32::MAX),
        _ => component.replicas.current,
    }
}

/// The design's monthly cost from what it runs now, priced with `design.prices`.
pub fn monthly_cost(design: &Design) -> CostReport {
    let lines: Vec<CostLine> = design
        .components
        .iter()
        .filter(|component| component.kind != ComponentKind::Client)
        .map(|component| {
            let (each, how) = replica_price(component, &design.prices);
            let units = running_units(component);
            let noun = if component.kind == ComponentKind::Database {
                "shards"
            } else {
                "replicas"
            };
            CostLine {
                component: Some(component.id),
                what: format!("{}: {units} {noun} x ({how})", component.name),
                usd_per_month: clamp_usd(f64::from(units) * each),
            }
        })
        .collect();
    CostReport {
        total_usd_per_month: clamp_usd(lines.iter().map(|line| line.usd_per_month).sum()),
        lines,
    }
}

/// The same cost summed per kind of resource (one line per kind present, in
/// palette order, `component` empty).
pub fn cost_by_kind(design: &Design) -> Vec<CostLine> {
    let report = monthly_cost(design);
    ComponentKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let of_kind = report.lines.iter().filter(|line| {
                line.component
                    .and_then(|id| design.component(id))
                    .is_some_and(|component| component.kind == kind)
            });
            let (count, sum) = of_kind.fold((0_usize, 0.0), |(n, s), line| {
                (n + 1, s + line.usd_per_month)
            });
            (count > 0).then(|| CostLine {
                component: None,
                what: format!("{} ({count})", kind.label()),
                usd_per_month: clamp_usd(sum),
            })
        })
        .collect()
}

/// A dollar figure in words: whole dollars, or cents below $10.
pub fn usd(value: f64) -> String {
    let value = clamp_usd(value);
    if value < 10.0 && value.fract() != 0.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.0}")
    }
}
