//! The monthly cost a cost-budget check reads: the scorecard's own figure
//! ([`crate::engine::cost::monthly_cost`]), at the exercise's prices.
//!
//! What must stay true: a student cannot pass a budget by editing the
//! prices in their design: the check prices the design at the prices of the
//! exercise's starting design.

use crate::engine::cost::{monthly_cost, CostLine};
use crate::engine::model::{Design, Prices};

/// US dollars per month `design` costs at `prices`, and its most expensive line.
pub fn monthly_cost_at(design: &Design, prices: &Prices) -> (f64, Option<CostLine>) {
    let mut priced = design.clone();
    priced.prices = *prices;
    let report = monthly_cost(&priced);
    let biggest = report
        .lines
        .iter()
        .filter(|line| line.component.is_some())
        .max_by(|a, b| a.usd_per_month.total_cmp(&b.usd_per_month))
        .cloned();
    (report.total_usd_per_month, biggest)
}
