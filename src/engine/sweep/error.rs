//! Why a sweep spec was refused, or one of its points could not run: one
//! variant per failure, each message naming what is wrong (the key, the
//! component, the end, the steps, the point's value) in one lower-case line.
//!
//! What must stay true: every message quotes echoed input through
//! [`crate::engine::quote`], so a key a user typed cannot break the line.

use super::MAX_STEPS;
use crate::engine::attributes::number::format_number;
use crate::engine::attributes::spec::FieldError;
use crate::engine::quote::quote;
use crate::engine::sim::SimError;
use std::fmt;

/// Why a sweep spec was refused, or a point could not run.
#[derive(Clone, Debug, PartialEq)]
pub enum SweepError {
    /// The key names neither a workload number nor a component.
    UnknownKey {
        /// The key as given.
        key: String,
    },
    /// The key reads `<component>.<attribute>`, but the design has no
    /// component of that name.
    UnknownComponent {
        /// The name before the attribute key.
        component: String,
        /// The attribute key after it.
        attribute: String,
    },
    /// `<component>.` matched a component, but the rest is not one of its attributes.
    UnknownAttribute {
        /// The component's name.
        component: String,
        /// The attribute key after the component's name.
        attribute: String,
    },
    /// The key names an attribute that is not a number a sweep can step
    /// (text, a flag, a choice, a seed, a target, a price, a setting).
    NotSweepable {
        /// The key as given.
        key: String,
        /// What kind of attribute it is.
        what: String,
    },
    /// Steps is 0 or more than [`MAX_STEPS`].
    BadSteps {
        /// The steps asked for.
        steps: u32,
    },
    /// `from` is larger than `to`.
    Descending {
        /// The first value.
        from: f64,
        /// The last value.
        to: f64,
    },
    /// One step with `from` and `to` apart: the step would drop `to`.
    OneStepSpan {
        /// The first value.
        from: f64,
        /// The last value.
        to: f64,
    },
    /// `from` or `to` is not a value the attribute takes (out of its range,
    /// not whole for a whole-number attribute, not finite).
    BadEnd {
        /// `from` or `to`.
        end: &'static str,
        /// What the attribute table said.
        problem: FieldError,
    },
    /// A whole-number attribute has fewer whole values between `from` and
    /// `to` than steps, so points would repeat.
    TooManyWholeSteps {
        /// The attribute's label.
        label: &'static str,
        /// Whole values between the ends, both included.
        distinct: u64,
        /// The steps asked for.
        steps: u32,
    },
    /// A point's value is in range but conflicts with the rest of the design
    /// (more current replicas than the maximum, a key space below a shard...).
    PointRefused {
        /// The value.
        value: f64,
        /// What the attribute table said.
        problem: FieldError,
    },
    /// The point index is not below the steps.
    NoSuchPoint {
        /// The index asked for.
        index: u32,
        /// The sweep's steps.
        steps: u32,
    },
    /// The seed or duration is not one the simulation settings take.
    BadRunSetting {
        /// `seed` or `duration`.
        setting: &'static str,
        /// What the attribute table said.
        problem: FieldError,
    },
    /// The simulator refused to set a point's run up.
    Simulation {
        /// The point's value.
        value: f64,
        /// Why.
        problem: SimError,
    },
}

impl fmt::Display for SweepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |v: &f64| format_number(*v);
        match self {
            SweepError::UnknownKey { key } => write!(
                f,
                "unknown sweep key `{}`: use a workload number ({}) or \
                 `<component>.<attribute>` such as `orders.replicas.current` \
                 (a database's shard count is `<database>.shards.count`)",
                quote(key),
                WORKLOAD_KEYS_WORDS
            ),
            SweepError::UnknownComponent {
                component,
                attribute,
            } => write!(
                f,
                "no component named `{}` (for `{}`): the key reads `<component>.<attribute>`",
                quote(component),
                quote(attribute)
            ),
            SweepError::UnknownAttribute {
                component,
                attribute,
            } => write!(
                f,
                "component `{}` has no attribute `{}`",
                quote(component),
                quote(attribute)
            ),
            SweepError::NotSweepable { key, what } => write!(
                f,
                "`{}` is {what}, not a number a sweep can step: use a workload number ({}) \
                 or a component's number attribute",
                quote(key),
                WORKLOAD_KEYS_WORDS
            ),
            SweepError::BadSteps { steps } => {
                write!(f, "steps must be from 1 to {MAX_STEPS}, not {steps}")
            }
            SweepError::Descending { from, to } => write!(
                f,
                "from ({}) is larger than to ({}): a sweep runs upwards",
                n(from),
                n(to)
            ),
            SweepError::OneStepSpan { from, to } => write!(
                f,
                "one step runs from ({}) alone, so to ({}) must equal it; take 2 or more steps",
                n(from),
                n(to)
            ),
            SweepError::BadEnd { end, problem } => write!(f, "{end}: {problem}"),
            SweepError::TooManyWholeSteps {
                label,
                distinct,
                steps,
            } => write!(
                f,
                "{label} takes whole values: {distinct} between from and to, fewer than \
                 {steps} steps; take {distinct} steps or fewer"
            ),
            SweepError::PointRefused { value, problem } => {
                write!(f, "the point at {} is refused: {problem}", n(value))
            }
            SweepError::NoSuchPoint { index, steps } => write!(
                f,
                "no point {index}: the sweep has {steps} (0 to {})",
                steps.saturating_sub(1)
            ),
            SweepError::BadRunSetting { setting, problem } => write!(f, "{setting}: {problem}"),
            SweepError::Simulation { value, problem } => {
                write!(f, "the point at {} cannot run: {problem}", n(value))
            }
        }
    }
}

impl std::error::Error for SweepError {}

/// The workload keys a sweep takes, in words for messages.
pub(super) const WORKLOAD_KEYS_WORDS: &str = "workload.requests_per_second, workload.read_share, \
     workload.key_space or workload.hop_latency_ms";
