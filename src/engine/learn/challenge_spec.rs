//! A teacher's challenge as the challenge maker's form fills it
//! ([`ChallengeSpec`]: checks by [`CheckKind`] with thresholds, the graded
//! run's seed, arrival profile and faults, a title, a brief and hints), and
//! [`ChallengeSpec::exercise`], which turns it into the [`Exercise`] a `c1.`
//! challenge link carries (`engine::share::challenge`). Written by track J
//! over its own codec; here over the `c1.` codec of track G.
//!
//! What must stay true:
//! - [`ChallengeSpec::problems`] names every bad field once (`title`,
//!   `brief`, `hints`, `checks`, `check-N` from 1, `seed`, `faults`), and a
//!   spec without problems makes an exercise that the link's own checks
//!   (`share::challenge::check_exercise`) accept: the limits here are the
//!   codec's.
//! - The exercise's start and reference are the teacher's design, and its one
//!   run uses the spec's seed, arrival profile and faults, so a student's
//!   page grades exactly as the teacher's did ([`grade_with_runs`]).

use super::check::{Check, CheckResult};
use super::check_kind::{CheckKind, ComponentUse};
use super::design_source::DesignSource;
use super::exercise_data::{Exercise, NamedFault, RunSettings, Section};
use super::grade::grade;
use super::run::run_checks;
use crate::engine::attributes::fault_text::parse_faults;
use crate::engine::model::simulation_settings::ArrivalProfile;
use crate::engine::model::Design;
use crate::engine::share::challenge::{MAX_CHECKS, MAX_FAULTS, MAX_HINTS, MAX_TEXT_CHARS};
use serde::{Deserialize, Serialize};

/// Largest seed: 2^53 - 1, so the page's JavaScript reads every seed exactly.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// One check as the teacher chose it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpecCheck {
    /// What is measured.
    pub kind: CheckKind,
    /// The threshold, in the kind's unit, bounded the kind's way.
    pub threshold: f64,
    /// The component it is measured at, by name (empty for none).
    #[serde(default)]
    pub component: String,
}

/// A teacher's challenge as the form fills it, before it is an [`Exercise`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChallengeSpec {
    /// A short name.
    pub title: String,
    /// The situation, the goal and the constraints, in plain words.
    pub brief: String,
    /// Hints, revealed one at a time.
    pub hints: Vec<String>,
    /// The checks, all of which must pass.
    pub checks: Vec<SpecCheck>,
    /// Seed of the graded run.
    pub seed: u64,
    /// Arrival profile of the graded run.
    pub arrival: ArrivalProfile,
    /// Faults of the graded run, in the inspector's faults syntax.
    pub faults: String,
}

/// One problem with one field of a challenge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field: `title`, `brief`, `hints`, `checks`, `check-N` (from 1), `seed`, `faults`.
    pub field: String,
    /// What is wrong, as a lower-case sentence.
    pub message: String,
}

fn problem(field: impl Into<String>, message: impl Into<String>) -> FieldProblem {
    FieldProblem {
        field: field.into(),
        message: message.into(),
    }
}

impl ChallengeSpec {
    /// Everything wrong with the challenge, per field; empty when it can be made.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(problem("title", "give the challenge a title"));
        }
        if self.brief.trim().is_empty() {
            problems.push(problem(
                "brief",
                "write a brief: the situation, the goal and the constraints",
            ));
        }
        for (field, text) in [("title", &self.title), ("brief", &self.brief)] {
            if text.chars().count() > MAX_TEXT_CHARS {
                problems.push(problem(
                    field,
                    format!("at most {MAX_TEXT_CHARS} characters"),
                ));
            }
        }
        if self.hints.len() > MAX_HINTS {
            problems.push(problem(
                "hints",
                format!("at most {MAX_HINTS} hints, not {}", self.hints.len()),
            ));
        } else if self
            .hints
            .iter()
            .any(|h| h.chars().count() > MAX_TEXT_CHARS)
        {
            problems.push(problem(
                "hints",
                format!("a hint has at most {MAX_TEXT_CHARS} characters"),
            ));
        }
        match self.checks.len() {
            0 => problems.push(problem("checks", "add at least one check")),
            n if n > MAX_CHECKS => problems.push(problem(
                "checks",
                format!("at most {MAX_CHECKS} checks, not {n}"),
            )),
            _ => {}
        }
        for (index, check) in self.checks.iter().enumerate() {
            let info = check.kind.info();
            let (low, high) = info.range;
            let field = format!("check-{}", index + 1);
            if !(check.threshold.is_finite() && (low..=high).contains(&check.threshold)) {
                problems.push(problem(
                    field,
                    format!("the threshold must be between {low} and {high}"),
                ));
            } else if info.component == ComponentUse::Required && check.component.trim().is_empty()
            {
                problems.push(problem(field, "name the component it is measured at"));
            }
        }
        if self.seed > MAX_SEED {
            problems.push(problem(
                "seed",
                format!("the seed must be at most {MAX_SEED}"),
            ));
        }
        match parse_faults(&self.faults) {
            Err(message) => problems.push(problem("faults", message)),
            Ok(faults) if faults.len() > MAX_FAULTS => problems.push(problem(
                "faults",
                format!(
                    "a challenge injects at most {MAX_FAULTS} faults, not {}",
                    faults.len()
                ),
            )),
            Ok(_) => {}
        }
        problems
    }

    /// The exercise over `design`: its checks, one run with the spec's seed,
    /// arrival profile and faults (the rest of the scenario is the design's
    /// own settings), `design` as its start and reference. Refuses an
    /// invalid spec with its first problem.
    pub fn exercise(&self, design: &Design) -> Result<Exercise, String> {
        if let Some(first) = self.problems().into_iter().next() {
            return Err(format!("{}: {}", first.field, first.message));
        }
        let faults = parse_faults(&self.faults)?
            .into_iter()
            .map(|entry| NamedFault {
                component: entry.component,
                action: entry.action,
                at_s: entry.at_s,
                duration_s: entry.duration_s,
            })
            .collect();
        let mut scenario = design.simulation.clone();
        scenario.arrival = self.arrival;
        let checks = self
            .checks
            .iter()
            .enumerate()
            .map(|(index, check)| spec_check(index, check))
            .collect();
        let held = DesignSource::Design {
            design: Box::new(design.clone()),
        };
        Ok(Exercise {
            id: "challenge".to_string(),
            section: Section::Custom,
            title: self.title.trim().to_string(),
            brief: self.brief.trim().to_string(),
            start: held.clone(),
            reference: held,
            checks,
            hints: self.hints.clone(),
            debrief: String::new(),
            runs: RunSettings {
                seeds: vec![self.seed],
                scenario,
                faults,
            },
            breakers: Vec::new(),
        })
    }
}

/// The exercise check of the spec's check number `index` (from 0).
fn spec_check(index: usize, check: &SpecCheck) -> Check {
    let info = check.kind.info();
    let at = match check.component.trim() {
        "" => String::new(),
        name => format!(" at {name}"),
    };
    Check {
        id: format!("check-{}", index + 1),
        label: format!(
            "{}{at} {} {} {}",
            info.label,
            info.comparison.words(),
            check.threshold,
            info.unit
        )
        .trim_end()
        .to_string(),
        rule: check.kind.rule(check.threshold, check.component.trim()),
    }
}

/// Grades `design` against `exercise`, running the exercise's simulations
/// (its seeds, arrival profile and faults) only when a check needs them,
/// as `archplay exercise check` does. A run that cannot be made is the error.
pub fn grade_with_runs(exercise: &Exercise, design: &Design) -> Result<Vec<CheckResult>, String> {
    let needs_runs = exercise.checks.iter().any(|c| c.rule.is_simulated());
    let runs = if needs_runs {
        Some(run_checks(exercise, design)?)
    } else {
        None
    };
    Ok(grade(exercise, design, runs.as_ref()))
}
