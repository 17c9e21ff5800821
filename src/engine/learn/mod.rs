//! Graded exercises over the seed document (issue 10): each exercise is data
//! (a brief, a starting and a reference design, checks, hints, a debrief and
//! the runs its simulated checks need), and grading is a pure function of
//! (exercise, design, runs). A teacher's challenge starts as a
//! [`ChallengeSpec`] (the challenge maker's form: checks by [`CheckKind`]),
//! which becomes an exercise; a student's [`progress`] is plain data here too,
//! so the worker and the Learn module share it.
//!
//! What must stay true:
//! - An [`Exercise`] serializes whole (a challenge link carries one), and a
//!   catalog exercise survives a serde round trip unchanged.
//! - [`grade`] is pure and returns one [`CheckResult`] per check, in the
//!   exercise's order; a simulated check is [`CheckState::NeedsRun`] without runs.
//! - Every failing check says what was measured against what is required,
//!   with units, and names the component concerned where there is one.
//! - [`run_checks`] is bounded: it refuses a design whose runs would pass the
//!   event budget rather than run for ever.

pub mod catalog;
mod challenge_spec;
mod check;
mod check_kind;
mod cost;
mod design_source;
mod exercise_data;
pub mod facts;
mod grade;
mod metrics;
pub mod progress;
mod run;
mod structure;

pub use catalog::{catalog, exercise};
pub use challenge_spec::{grade_with_runs, ChallengeSpec, FieldProblem, SpecCheck, MAX_SEED};
pub use check::{Check, CheckResult, CheckState, Comparison, Metric, Rule};
pub use check_kind::{CheckKind, ComponentUse, KindInfo, ScoreKind, CHECK_KINDS};
pub use design_source::{DesignSource, Step};
pub use exercise_data::{Breaker, Exercise, NamedFault, RunSettings, Section};
pub use grade::grade;
pub use run::{run_checks, ExerciseRuns, SeedRun, EXERCISE_EVENT_BUDGET, MAX_SEEDS};

use crate::engine::model::Design;

/// The design a student starts from. A source that no longer builds (a
/// hand-made challenge naming a missing component) gives an empty design
/// named after the exercise; [`DesignSource::build`] says why.
pub fn start_design(exercise: &Exercise) -> Design {
    exercise
        .start
        .build()
        .unwrap_or_else(|_| Design::new(&exercise.title))
}

/// A design that passes every check of the exercise (for catalog exercises;
/// a challenge made by a teacher carries the teacher's design here).
pub fn reference_design(exercise: &Exercise) -> Design {
    exercise
        .reference
        .build()
        .unwrap_or_else(|_| Design::new(&exercise.title))
}
