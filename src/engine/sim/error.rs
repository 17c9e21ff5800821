//! Why a simulation could not be set up.
//!
//! What must stay true: setting up is the only fallible step; once a
//! [`super::Simulation`] exists, running it never fails and never panics.

use std::fmt;

/// Why [`super::Simulation::new`] refused to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    /// An option is out of range; `setting` names it (e.g. `faults[0].rate`).
    BadOption {
        /// The option's path.
        setting: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A fault names a component the design does not have.
    UnknownComponent {
        /// The option's path.
        setting: String,
        /// The missing id.
        id: u32,
    },
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
            SimError::BadOption { setting, problem } => {
                write!(f, "bad simulation setting `{setting}`: {problem}")
            }
            SimError::UnknownComponent { setting, id } => write!(
                f,
                "bad simulation setting `{setting}`: no component has id {id}"
            ),
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
