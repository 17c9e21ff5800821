//! What every derived figure carries: a yes-or-no [`Fact`] or a number
//! ([`Measure`]), each with the reason it holds in terms of the design, and
//! the component it is mostly about.
//!
//! What must stay true: a reason names components of this design, never a
//! generic rule; a fact that does not hold says what would fix it.

use crate::engine::model::ComponentId;
use serde::{Deserialize, Serialize};

/// A yes-or-no fact with its reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Whether the design has the property.
    pub holds: bool,
    /// Why, naming components.
    pub reason: String,
    /// What change would make it hold (empty when it holds).
    pub fix: String,
    /// The component the reason is mostly about.
    pub component: Option<ComponentId>,
}

/// A measured or entered figure with its reason (plain data: a run's
/// measures travel from the worker in a [`super::run_score::RunScore`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// The figure; `None` when it cannot be had (a saturated design has no mean response time).
    pub value: Option<f64>,
    /// Where it comes from.
    pub reason: String,
    /// The component the reason is mostly about.
    pub component: Option<ComponentId>,
}
