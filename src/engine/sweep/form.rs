//! What a sweep form needs from the engine: every parameter a design can
//! sweep with its group, label, unit and current value
//! ([`sweep_parameters`]), and which input of the form a refusal is about
//! ([`SweepField`], [`SweepError::field`]), so a page can show the message at
//! that input.
//!
//! What must stay true: the parameters are [`super::sweepable_keys`], in the
//! same order, each read through the attribute table (the inspector's
//! formatting); every refusal maps to exactly one input.

use super::{resolve_key, sweepable_keys, SweepError};
use crate::engine::attributes::access::get_field;
use crate::engine::attributes::spec::{FieldTarget, FieldType};
use crate::engine::model::Design;
use serde::{Deserialize, Serialize};

/// One parameter a sweep of a design takes, as a picker lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepParameter {
    /// The sweep key (`workload.requests_per_second`, `orders-service.replicas.current`).
    pub key: String,
    /// The picker's group: `Workload`, or the component's name.
    pub group: String,
    /// The attribute's label in the attribute table.
    pub label: String,
    /// Its unit, empty when it has none.
    pub unit: String,
    /// The design's current value, as the inspector shows it.
    pub current: String,
}

/// The group of the workload numbers in a picker.
pub const WORKLOAD_GROUP: &str = "Workload";

/// Every parameter `design` can sweep, in [`sweepable_keys`] order.
pub fn sweep_parameters(design: &Design) -> Vec<SweepParameter> {
    sweepable_keys(design)
        .into_iter()
        .filter_map(|key| {
            let (target, field) = resolve_key(design, &key).ok()?;
            let group = match target {
                FieldTarget::Component(id) => design.component(id)?.name.clone(),
                _ => WORKLOAD_GROUP.to_string(),
            };
            if matches!(field.ty, FieldType::Shards) {
                let FieldTarget::Component(id) = target else {
                    return None;
                };
                let shards = design.component(id)?.shards.len().max(1);
                return Some(SweepParameter {
                    current: shards.to_string(),
                    label: "Shard count".to_string(),
                    unit: String::new(),
                    group,
                    key,
                });
            }
            Some(SweepParameter {
                current: get_field(design, target, field.key).unwrap_or_default(),
                label: field.label.to_string(),
                unit: field.unit.to_string(),
                group,
                key,
            })
        })
        .collect()
}

/// The input of a sweep form a refusal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SweepField {
    /// The parameter key.
    Param,
    /// The first value.
    From,
    /// The last value.
    To,
    /// The two ends together, or a point between them.
    Range,
    /// The number of steps.
    Steps,
    /// The run's seed.
    Seed,
    /// The run's simulated duration.
    Duration,
}

impl SweepError {
    /// The input of a sweep form this refusal is about.
    pub fn field(&self) -> SweepField {
        match self {
            SweepError::UnknownKey { .. }
            | SweepError::UnknownComponent { .. }
            | SweepError::UnknownAttribute { .. }
            | SweepError::NotSweepable { .. } => SweepField::Param,
            SweepError::BadSteps { .. }
            | SweepError::OneStepSpan { .. }
            | SweepError::TooManyWholeSteps { .. }
            | SweepError::NoSuchPoint { .. } => SweepField::Steps,
            SweepError::BadEnd { end, .. } if *end == "from" => SweepField::From,
            SweepError::BadEnd { .. } => SweepField::To,
            SweepError::Descending { .. }
            | SweepError::PointRefused { .. }
            | SweepError::Simulation { .. } => SweepField::Range,
            SweepError::BadRunSetting { setting, .. } if *setting == "seed" => SweepField::Seed,
            SweepError::BadRunSetting { .. } => SweepField::Duration,
        }
    }
}
