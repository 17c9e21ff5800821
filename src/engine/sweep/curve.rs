//! The analytic estimate along a sweep's range, at more values than the
//! simulated points, so a chart can draw the estimate as a curve over the
//! runs' markers (the estimate costs microseconds, a run milliseconds).
//!
//! What must stay true: a curve sample is the estimate of the design with
//! the parameter set through the attribute table, exactly as a point's
//! design is ([`Sweep::design_at`]); samples are in increasing value order,
//! include both ends, and are whole numbers for whole-number attributes; a
//! value the table refuses between the ends is left out, never a panic.

use super::point::{ComponentUtilisation, PointEstimate};
use super::{Sweep, SweepError, SweepSpec};
use crate::engine::cost::monthly_cost;
use crate::engine::model::{ComponentKind, Design};
use crate::engine::score::analytic::estimate;
use serde::{Deserialize, Serialize};

/// The most values a curve samples.
pub const CURVE_SAMPLES: u32 = 97;

/// The estimate of the design with the parameter at one value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurveSample {
    /// The parameter's value.
    pub value: f64,
    /// The analytic estimate of the design at that value.
    pub estimate: PointEstimate,
    /// The estimate's utilisation of each component's busiest station (may
    /// exceed 1 past saturation), every component but the clients.
    pub utilisation: Vec<ComponentUtilisation>,
    /// The design's monthly cost at that value, USD.
    pub cost_usd_per_month: f64,
}

/// The values a curve over `sweep` samples: every whole value when the
/// attribute takes only those and there are at most [`CURVE_SAMPLES`], else
/// [`CURVE_SAMPLES`] evenly spaced values (rounded and deduplicated for
/// whole numbers).
fn sample_values(sweep: &Sweep) -> Vec<f64> {
    let (Some(&from), Some(&to)) = (sweep.values.first(), sweep.values.last()) else {
        return Vec::new();
    };
    if from == to {
        return vec![from];
    }
    let whole = sweep.whole();
    let last = CURVE_SAMPLES - 1;
    let mut values: Vec<f64> = (0..CURVE_SAMPLES)
        .map(|i| {
            let value = if i == last {
                to
            } else {
                from + (to - from) * f64::from(i) / f64::from(last)
            };
            if whole {
                value.round()
            } else {
                value
            }
        })
        .collect();
    values.dedup();
    values
}

/// The estimate along `spec`'s range on `design` (checked as a sweep first).
pub fn estimate_curve(design: &Design, spec: &SweepSpec) -> Result<Vec<CurveSample>, SweepError> {
    let sweep = Sweep::new(design, spec)?;
    Ok(sample_values(&sweep)
        .into_iter()
        .filter_map(|value| {
            let point = sweep.set(design, value).ok()?;
            let analytic = estimate(&point);
            let utilisation = analytic
                .stations
                .iter()
                .filter_map(|station| {
                    let component = point.component(station.id)?;
                    (component.kind != ComponentKind::Client).then(|| ComponentUtilisation {
                        name: component.name.clone(),
                        utilisation: station.utilisation,
                    })
                })
                .collect();
            Some(CurveSample {
                value,
                estimate: PointEstimate::of(&analytic),
                utilisation,
                cost_usd_per_month: monthly_cost(&point).total_usd_per_month,
            })
        })
        .collect())
}
