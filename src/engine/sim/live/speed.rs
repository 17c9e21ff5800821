//! How fast a watched run goes against wall time: the speeds the Simulate
//! panel offers, and the simulated time a paced run should have reached.
//!
//! What must stay true: the engine reads no clock; the caller passes wall
//! times in and gets a simulated deadline back ([`Speed::target_us`]).

use super::super::agenda::Micros;
use serde::{Deserialize, Serialize};

/// How fast simulated time passes against wall time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speed {
    /// One simulated second per wall second.
    X1,
    /// Ten simulated seconds per wall second.
    #[default]
    X10,
    /// A hundred simulated seconds per wall second.
    X100,
    /// As fast as the machine goes.
    Max,
}

impl Speed {
    /// Every speed, slowest first.
    pub const ALL: [Speed; 4] = [Speed::X1, Speed::X10, Speed::X100, Speed::Max];

    /// Simulated seconds per wall second; `None` for as fast as possible.
    pub fn factor(self) -> Option<f64> {
        match self {
            Speed::X1 => Some(1.0),
            Speed::X10 => Some(10.0),
            Speed::X100 => Some(100.0),
            Speed::Max => None,
        }
    }

    /// The value of the speed select.
    pub fn slug(self) -> &'static str {
        match self {
            Speed::X1 => "1x",
            Speed::X10 => "10x",
            Speed::X100 => "100x",
            Speed::Max => "max",
        }
    }

    /// The speed whose [`Speed::slug`] is `slug`.
    pub fn from_slug(slug: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|speed| speed.slug() == slug)
    }

    /// The simulated time to reach at wall time `wall_ms`, for a run that was
    /// at `anchor_us` at wall time `anchor_wall_ms`; `None` at full speed.
    pub fn target_us(self, anchor_us: Micros, anchor_wall_ms: f64, wall_ms: f64) -> Option<Micros> {
        let factor = self.factor()?;
        let elapsed_us = ((wall_ms - anchor_wall_ms).max(0.0) * 1000.0 * factor).min(1e15);
        Some(anchor_us.saturating_add(elapsed_us as Micros))
    }
}
