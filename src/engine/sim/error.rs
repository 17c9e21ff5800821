//! Why a simulation could not be set up.
//!
//! What must stay true: setting up is the only fallible step; once a
//! [`super::Simulation`] exists, running it never fails and never panics.

use std::fmt;

/// Why [`super::Simulation::new`] refused to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    /// The design's simulation settings break a rule of the attribute table
    /// (`check_settings`); the message names the setting and the rule.
    BadSettings(String),
    /// A component is larger than the simulator handles.
    TooLarge {
        /// The component's name.
        component: String,
        /// What is too large.
        problem: String,
    },
    /// The run would pass one of the simulator's limits (see [`super::limits`]).
    OverLimit {
        /// What passes which limit, with the numbers.
        problem: String,
        /// What to lower.
        fix: String,
    },
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SimError::BadSettings(problem) => write!(f, "bad simulation settings: {problem}"),
            SimError::TooLarge { component, problem } => {
                write!(f, "{component} is too large to simulate: {problem}")
            }
            SimError::OverLimit { problem, fix } => {
                write!(f, "too large to simulate: {problem}; {fix}")
            }
        }
    }
}

impl std::error::Error for SimError {}
