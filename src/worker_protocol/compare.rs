//! The protocol between the Compare module (`compare_ui`) and its own worker
//! (`src/compare_worker.rs`): what the module asks ([`CompareRequest`], sent
//! as a [`CompareCommand`]) and what the worker answers ([`CompareAnswer`],
//! in a [`CompareReport`]).
//!
//! What must stay true: designs travel as snapshots
//! (`engine::share::encode_snapshot`); comparisons travel as the engine's
//! own [`Comparison`] and [`RunComparison`], so the module shows exactly what
//! `archplay compare` prints; every [`CompareCommand::Compare`] is answered
//! by exactly one [`CompareReport::Compare`] with the same id. The page and
//! its own worker link none of this.

use crate::engine::compare::marks::CanvasMarks;
use crate::engine::compare::{Comparison, RunComparison};
use serde::{Deserialize, Serialize};

/// What the Compare module asks its worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareRequest {
    /// Compare design A with design B (snapshots); answers [`CompareAnswer::Compared`].
    Compare {
        /// Design A, as a snapshot.
        a: String,
        /// Design B, as a snapshot.
        b: String,
    },
    /// Run both designs with one seed and duration; answers [`CompareAnswer::Ran`].
    Run {
        /// Design A, as a snapshot.
        a: String,
        /// Design B, as a snapshot.
        b: String,
        /// The seed both runs use.
        seed: u64,
        /// Simulated seconds of both runs.
        duration_s: f64,
    },
    /// The compare-link fragment (without `#`) of A and B; answers text.
    Link {
        /// Design A, as a snapshot.
        a: String,
        /// Design B, as a snapshot.
        b: String,
    },
    /// Open a compare link (fragment, with `#`, or a URL); answers [`CompareAnswer::Pair`].
    OpenCompareLink(String),
    /// Build a template by name; answers a design.
    Template(String),
    /// Open a design file's text; answers a design.
    OpenFile(String),
    /// Open a share link; answers a design.
    OpenLink(String),
    /// The templates' names; answers [`CompareAnswer::Names`].
    Templates,
}

/// What the worker answers a [`CompareRequest`] with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareAnswer {
    /// A comparison and what the canvas marks (boxed: it is large).
    Compared(Box<Compared>),
    /// What two runs measured.
    Ran(Box<RunComparison>),
    /// Text (a link fragment).
    Text(String),
    /// A design, as a snapshot, with its name.
    Design {
        /// The snapshot.
        snapshot: String,
        /// The design's name.
        name: String,
    },
    /// Two designs, as snapshots.
    Pair {
        /// Design A.
        a: String,
        /// Design B.
        b: String,
    },
    /// Names (of templates).
    Names(Vec<String>),
}

/// A comparison with the ids of design B that the canvas marks and reveals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compared {
    /// What differs.
    pub comparison: Comparison,
    /// What the canvas marks, and B's ids of the components named.
    pub marks: CanvasMarks,
    /// B's own seed, the default of a run of both.
    pub seed: u64,
    /// B's own simulated duration, seconds, the default of a run of both.
    pub duration_s: f64,
}

/// What the Compare module sends its worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareCommand {
    /// Ask `request`; answered by one [`CompareReport::Compare`] with the same id.
    Compare {
        /// Chosen by the module.
        id: u32,
        /// What is asked.
        request: CompareRequest,
    },
}

/// What the Compare worker tells the Compare module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareReport {
    /// The worker has loaded and takes commands.
    Ready,
    /// The answer to a [`CompareCommand::Compare`].
    Compare {
        /// The request's id.
        id: u32,
        /// What was asked for, or why it could not be had, in a sentence.
        answer: Result<CompareAnswer, String>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_reports_read_back_as_sent() {
        let command = CompareCommand::Compare {
            id: 3,
            request: CompareRequest::Run {
                a: "s2.a".into(),
                b: "s2.b".into(),
                seed: 7,
                duration_s: 30.0,
            },
        };
        let text = serde_json::to_string(&command).unwrap();
        assert_eq!(
            serde_json::from_str::<CompareCommand>(&text).unwrap(),
            command
        );
        let report = CompareReport::Compare {
            id: 3,
            answer: Err("design B cannot run".into()),
        };
        let text = serde_json::to_string(&report).unwrap();
        assert_eq!(
            serde_json::from_str::<CompareReport>(&text).unwrap(),
            report
        );
    }
}
