//! What a simulation run cost: replica-seconds per component from the run's
//! replica timeline, priced with the design's unit prices, and the monthly rate
//! that implies.
//!
//! What must stay true: the same unit prices as [`super::monthly_cost`]; a
//! fixed fleet run for any time implies exactly the design's monthly cost;
//! every figure is finite and at least 0.

use crate::engine::cost::{clamp_usd, replica_price, running_units, usd, CostLine};
use crate::engine::model::{ComponentId, ComponentKind, Design};
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
    /// One line per component but the clients, in design order: its
    /// replica-seconds and the monthly rate they imply.
    pub lines: Vec<CostLine>,
}

/// What each component of a run costs per running unit, fixed when the run
/// is set up (a run of a design is priced with that design's prices, even if
/// the design is edited while the run goes on).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunPricing {
    /// Per component, in design order (the simulator's node order).
    pub components: Vec<PricedComponent>,
}

/// One component's price per running unit and its fixed count.
#[derive(Clone, Debug, PartialEq)]
pub struct PricedComponent {
    /// The component.
    pub id: ComponentId,
    /// Its kind (clients are not priced).
    pub kind: ComponentKind,
    /// Its name, for the line's words.
    pub name: String,
    /// USD per month of one running unit ([`replica_price`]).
    pub usd_per_unit_month: f64,
    /// Units running when no autoscaler changes them ([`running_units`]).
    pub units: u32,
}

impl RunPricing {
    /// The pricing of `design`'s components with its own prices.
    pub fn of(design: &Design) -> RunPricing {
        RunPricing {
            components: design
                .components
                .iter()
                .map(|component| PricedComponent {
                    id: component.id,
                    kind: component.kind,
                    name: component.name.clone(),
                    usd_per_unit_month: replica_price(component, &design.prices).0,
                    units: running_units(component),
                })
                .collect(),
        }
    }
}

/// Unit-seconds of a step function that starts at `points[0]`'s count and
/// holds each count until the next point, up to `end_us` (µs). Points after
/// `end_us` are ignored; an empty timeline counts nothing.
pub fn unit_seconds(points: &[(u64, u32)], end_us: u64) -> f64 {
    let mut total_us = 0.0;
    for (k, &(at, count)) in points.iter().enumerate() {
        let until = points.get(k + 1).map_or(end_us, |next| next.0).min(end_us);
        if until > at {
            total_us += (until - at) as f64 * f64::from(count);
        }
    }
    total_us / 1e6
}

/// The cost of a run that lasted `end_us` µs of simulated time, given the
/// replica timeline of every autoscaled component as (component index,
/// points in µs); every other component ran its fixed units throughout.
pub fn run_cost(pricing: &RunPricing, timelines: &[(u32, &[(u64, u32)])], end_us: u64) -> RunCost {
    let seconds = end_us as f64 / 1e6;
    let lines: Vec<CostLine> = pricing
        .components
        .iter()
        .enumerate()
        .filter(|(_, priced)| priced.kind != ComponentKind::Client)
        .map(|(index, priced)| {
            let timeline = timelines
                .iter()
                .find(|(node, _)| usize::try_from(*node).is_ok_and(|node| node == index));
            let unit_s = match timeline {
                Some((_, points)) if !points.is_empty() => unit_seconds(points, end_us),
                _ => f64::from(priced.units) * seconds,
            };
            let spent = clamp_usd(unit_s * priced.usd_per_unit_month / SECONDS_PER_MONTH);
            let average = if seconds > 0.0 { unit_s / seconds } else { 0.0 };
            CostLine {
                component: Some(priced.id),
                what: format!(
                    "{}: {:.0} unit-seconds (on average {:.2} running) x ${}/month",
                    priced.name,
                    unit_s,
                    average,
                    usd(priced.usd_per_unit_month)
                ),
                usd_per_month: monthly_rate(spent, seconds),
            }
        })
        .collect();
    let usd_per_month = clamp_usd(lines.iter().map(|line| line.usd_per_month).sum());
    RunCost {
        seconds,
        total_usd: clamp_usd(usd_per_month * seconds / SECONDS_PER_MONTH),
        usd_per_month,
        lines,
    }
}

/// The monthly rate that spending `usd` over `seconds` implies (0 for no time).
fn monthly_rate(usd: f64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        clamp_usd(usd / seconds * SECONDS_PER_MONTH)
    } else {
        0.0
    }
}
