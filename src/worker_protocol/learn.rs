//! The Learn view's part of the worker protocol: what the page asks
//! ([`LearnRequest`]) and what the worker answers ([`LearnAnswer`]), with the
//! small data the page shows (an exercise's entry in the path, its brief, and
//! one line per check).
//!
//! What must stay true: this is a wire format, not the engine's exercise
//! model (`crate::engine::learn`), which only the worker links; the worker
//! converts one into the other. Designs travel as snapshots
//! (`engine::share::encode_snapshot`). Grading answers keep the order of the
//! exercise's checks, so the checklist never jumps.

use crate::engine::model::ComponentId;
use serde::{Deserialize, Serialize};

/// What the Learn view asks the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnRequest {
    /// The path: every exercise's entry, in the catalog's order.
    List,
    /// An exercise's brief, hints, debrief, checks and starting design.
    Start {
        /// The exercise's id.
        exercise: String,
    },
    /// The instant checks of `design` (a snapshot); simulated checks answer "needs a run".
    Grade {
        /// The exercise's id.
        exercise: String,
        /// The design, as a snapshot.
        design: String,
    },
    /// Every check, running the exercise's simulations (seeds, arrival profile, faults).
    Check {
        /// The exercise's id.
        exercise: String,
        /// The design, as a snapshot.
        design: String,
    },
    /// The exercise's reference solution, as a snapshot.
    Reference {
        /// The exercise's id.
        exercise: String,
    },
    /// The progress record (the text kept in `localStorage`) as a JSON file.
    ProgressToJson(String),
    /// A progress JSON file read back into a progress record.
    ProgressFromJson(String),
}

/// What the worker answers a [`LearnRequest`] with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnAnswer {
    /// The path.
    List(Vec<ExerciseEntry>),
    /// An exercise to start (boxed: it carries its starting design).
    Started(Box<ExerciseBrief>),
    /// One line per check, in the exercise's order.
    Graded(Vec<CheckLine>),
    /// A design, as a snapshot.
    Design(String),
    /// Text (a JSON file, a progress record).
    Text(String),
}

/// An exercise as the path lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseEntry {
    /// Stable id, used in links and the progress record.
    pub id: String,
    /// The document's section it belongs to ("Single responsibility", ...).
    pub section: String,
    /// Its title.
    pub title: String,
    /// One sentence: what the student will do.
    pub summary: String,
}

/// Everything the page shows of a started exercise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseBrief {
    /// Its entry in the path.
    pub entry: ExerciseEntry,
    /// The situation, the goal and the constraints, in plain words.
    pub brief: String,
    /// How the simulated checks run the design (traffic, faults, seeds), in words.
    pub scenario: String,
    /// Progressive hints, shown one at a time.
    pub hints: Vec<String>,
    /// The principle explained, shown after passing.
    pub debrief: String,
    /// Every check, before any grading: its label and whether it needs a run.
    pub checks: Vec<CheckLine>,
    /// The starting design, as a snapshot.
    pub start_design: String,
}

/// Where one check stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckMark {
    /// The design meets it.
    Passed,
    /// The design misses it; the line says by how much.
    Failed,
    /// A simulated check that has not run on this design yet (press Check).
    NeedsRun,
}

/// One check's state, as the checklist shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckLine {
    /// The check's id within its exercise.
    pub id: String,
    /// What it checks, in words.
    pub label: String,
    /// What was measured, with its unit (empty before grading).
    pub measured: String,
    /// What is required, with its unit.
    pub required: String,
    /// Where it stands.
    pub mark: CheckMark,
    /// The component concerned, if there is one.
    pub component: Option<ComponentId>,
}
