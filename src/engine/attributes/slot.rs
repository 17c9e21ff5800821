//! How a model field of each Rust type turns into a [`FieldValue`] and back,
//! so that a table entry names only the field (`c.service_time_ms`) and never
//! spells out a conversion; and the snake_case options of every choice, each
//! written once next to its enum's variants.
//!
//! What must stay true: `write(read(x))` leaves `x` unchanged for every slot
//! type, and each choice's option list is exactly the slugs its `read` gives.

use crate::engine::attributes::spec::FieldValue;
use crate::engine::model::{
    ArrivalProfile, AutoscalerKind, HttpMethod, KeyPopularityKind, LoadBalancingStrategy,
    ScalingMetric, ServiceTimeKind, ShardRange,
};

/// Said when a value of the wrong shape reaches a setter (a table bug, not user input).
const WRONG_SHAPE: &str = "this value does not fit the attribute";

/// A model field that an attribute reads and writes.
pub trait Slot {
    /// The field's value.
    fn read(&self) -> FieldValue;
    /// Replaces the field's value; refuses a value of the wrong shape.
    fn write(&mut self, value: FieldValue) -> Result<(), String>;
}

impl Slot for f64 {
    fn read(&self) -> FieldValue {
        FieldValue::Number(*self)
    }
    fn write(&mut self, value: FieldValue) -> Result<(), String> {
        let FieldValue::Number(n) = value else {
            return Err(WRONG_SHAPE.into());
        };
        *self = n;
        Ok(())
    }
}

impl Slot for u32 {
    fn read(&self) -> FieldValue {
        FieldValue::Number(f64::from(*self))
    }
    fn write(&mut self, value: FieldValue) -> Result<(), String> {
        // The entry's range keeps `n` a whole number within u32.
        let FieldValue::Number(n) = value else {
            return Err(WRONG_SHAPE.into());
        };
        *self = n as u32;
        Ok(())
    }
}

impl Slot for u64 {
    fn read(&self) -> FieldValue {
        FieldValue::Seed(*self)
    }
    fn write(&mut self, value: FieldValue) -> Result<(), String> {
        let FieldValue::Seed(seed) = value else {
            return Err(WRONG_SHAPE.into());
        };
        *self = seed;
        Ok(())
    }
}

impl Slot for bool {
    fn read(&self) -> FieldValue {
        FieldValue::Bool(*self)
    }
    fn write(&mut self, value: FieldValue) -> Result<(), String> {
        let FieldValue::Bool(flag) = value else {
            return Err(WRONG_SHAPE.into());
        };
        *self = flag;
        Ok(())
    }
}

impl Slot for String {
    fn read(&self) -> FieldValue {
        FieldValue::Text(self.clone())
    }
    fn write(&mut self, value: FieldValue) -> Result<(), String> {
        let FieldValue::Text(text) = value else {
            return Err(WRONG_SHAPE.into());
        };
        *self = text;
        Ok(())
    }
}

impl Slot for Vec<String> {
    fn read(&self) -> FieldValue {
        FieldValue::Topics(self.clone())
    }
    fn write(&mut self, value: FieldValue) -> Result<(), String> {
        let FieldValue::Topics(topics) = value else {
            return Err(WRONG_SHAPE.into());
        };
        *self = topics;
        Ok(())
    }
}

impl Slot for Vec<ShardRange> {
    fn read(&self) -> FieldValue {
        FieldValue::Shards(self.clone())
    }
    fn write(&mut self, value: FieldValue) -> Result<(), String> {
        let FieldValue::Shards(shards) = value else {
            return Err(WRONG_SHAPE.into());
        };
        *self = shards;
        Ok(())
    }
}

/// Makes an enum a choice: its options list and its [`Slot`] from one list of
/// variant and slug pairs.
macro_rules! choice {
    ($(#[$doc:meta])* $options:ident, $enum:ty, [$($variant:path => $slug:literal),+ $(,)?]) => {
        $(#[$doc])*
        pub const $options: &[&str] = &[$($slug),+];

        impl Slot for $enum {
            fn read(&self) -> FieldValue {
                FieldValue::Choice(match self {
                    $($variant => $slug),+
                })
            }
            fn write(&mut self, value: FieldValue) -> Result<(), String> {
                let FieldValue::Choice(option) = value else {
                    return Err(WRONG_SHAPE.into());
                };
                *self = match option {
                    $($slug => $variant,)+
                    other => return Err(format!("`{other}` is not one of the options")),
                };
                Ok(())
            }
        }
    };
}

choice!(
    /// Options of a load balancer's `strategy`.
    STRATEGIES, LoadBalancingStrategy, [
    LoadBalancingStrategy::RoundRobin => "round_robin",
    LoadBalancingStrategy::Weighted => "weighted",
    LoadBalancingStrategy::LeastConnections => "least_connections",
]);
choice!(
    /// Options of `autoscaling.metric`.
    METRICS, ScalingMetric, [
    ScalingMetric::Cpu => "cpu",
    ScalingMetric::Memory => "memory",
    ScalingMetric::RequestRate => "request_rate",
    ScalingMetric::ErrorRate => "error_rate",
]);
choice!(
    /// Options of a connection's `method`.
    METHODS, HttpMethod, [
    HttpMethod::Any => "ANY",
    HttpMethod::Get => "GET",
    HttpMethod::Post => "POST",
    HttpMethod::Put => "PUT",
    HttpMethod::Delete => "DELETE",
]);
choice!(
    /// Options of `simulation.arrival`.
    ARRIVALS, ArrivalProfile, [
    ArrivalProfile::Steady => "steady",
    ArrivalProfile::Ramp => "ramp",
    ArrivalProfile::Spike => "spike",
    ArrivalProfile::Step => "step",
    ArrivalProfile::Wave => "wave",
]);
choice!(
    /// Options of `simulation.key_popularity`.
    KEY_POPULARITIES, KeyPopularityKind, [
    KeyPopularityKind::Uniform => "uniform",
    KeyPopularityKind::Zipf => "zipf",
]);
choice!(
    /// Options of `simulation.service_time`.
    SERVICE_TIMES, ServiceTimeKind, [
    ServiceTimeKind::Exponential => "exponential",
    ServiceTimeKind::Fixed => "fixed",
    ServiceTimeKind::LogNormal => "log_normal",
]);
choice!(
    /// Options of `simulation.autoscaler`.
    AUTOSCALERS, AutoscalerKind, [
    AutoscalerKind::Seed => "seed",
    AutoscalerKind::Hpa => "hpa",
]);

/// The snake_case option of a choice value (`ArrivalProfile::Ramp` gives `ramp`).
pub fn slug(value: &impl Slot) -> &'static str {
    match value.read() {
        FieldValue::Choice(option) => option,
        _ => "",
    }
}
