//! What a simulation run cost: replica-seconds per component from the run's
//! replica timeline, priced with the design's unit prices, and the monthly rate
//! that implies.
//!
//! What must stay true: the same unit prices as [`super::monthly_cost`]; a
//! fixed fleet run for any time implies exactly the design's monthly cost;
//! every figure is finite and at least 0.

use crate::engine::cost::CostLine;
use serde::Serialize;

/// Seconds in the month the prices are quoted for (730 hours).
pub const SECONDS_PER_MONTH: f64 = 730.0 * 3600.0;

/// The cost of what a run actually ran.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RunCost {
    /// Simulated seconds the run covered.
    pub seconds: f64,
    /// What the run used, in USD for its simulated time.
    pub total_usd: f64,
    /// The monthly rate that use implies, in USD per month.
    pub usd_per_month: f64,
    /// One line per priced component: its replica-seconds and the monthly
    /// rate they imply.
    pub lines: Vec<CostLine>,
}
