//! Small constructors that keep the catalog files readable.
//!
//! What must stay true: these only build data; nothing here decides a grade.

use crate::engine::learn::check::{Check, Comparison, Metric, Rule};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Breaker, Exercise, RunSettings, Section};

/// A check with an id, a label and a rule.
pub fn check(id: &str, label: &str, rule: Rule) -> Check {
    Check {
        id: id.to_string(),
        label: label.to_string(),
        rule,
    }
}

/// The cost-budget check every exercise carries (id `budget`).
pub fn budget(max_usd_per_month: f64) -> Check {
    check(
        "budget",
        &format!("at most ${max_usd_per_month:.0} a month"),
        Rule::CostBudget { max_usd_per_month },
    )
}

/// A simulated check of `metric` (at `component`) against `threshold`.
pub fn simulated(
    id: &str,
    label: &str,
    metric: Metric,
    component: Option<&str>,
    comparison: Comparison,
    threshold: f64,
) -> Check {
    check(
        id,
        label,
        Rule::Simulated {
            metric,
            component: component.map(str::to_string),
            topic: None,
            comparison,
            threshold,
        },
    )
}

/// Builds an [`Exercise`] field by field.
pub struct ExerciseBuilder {
    exercise: Exercise,
}

impl ExerciseBuilder {
    /// An exercise with its id, section, title and brief, starting from and
    /// solved by the given sources.
    pub fn new(
        id: &str,
        section: Section,
        title: &str,
        brief: &str,
        start: DesignSource,
        reference: DesignSource,
    ) -> ExerciseBuilder {
        ExerciseBuilder {
            exercise: Exercise {
                id: id.to_string(),
                section,
                title: title.to_string(),
                brief: brief.to_string(),
                start,
                reference,
                checks: Vec::new(),
                hints: Vec::new(),
                debrief: String::new(),
                runs: RunSettings::default(),
                breakers: Vec::new(),
            },
        }
    }

    /// Adds checks.
    pub fn checks(mut self, checks: Vec<Check>) -> ExerciseBuilder {
        self.exercise.checks = checks;
        self
    }

    /// Sets the hints, in the order they are revealed.
    pub fn hints(mut self, hints: &[&str]) -> ExerciseBuilder {
        self.exercise.hints = hints.iter().map(|h| h.to_string()).collect();
        self
    }

    /// Sets the debrief.
    pub fn debrief(mut self, debrief: &str) -> ExerciseBuilder {
        self.exercise.debrief = debrief.to_string();
        self
    }

    /// Sets the runs of the simulated checks.
    pub fn runs(mut self, runs: RunSettings) -> ExerciseBuilder {
        self.exercise.runs = runs;
        self
    }

    /// Records that `steps` on the reference design break the check `check`.
    pub fn breaks(mut self, check: &str, steps: Vec<Step>) -> ExerciseBuilder {
        self.exercise.breakers.push(Breaker {
            check: check.to_string(),
            steps,
        });
        self
    }

    /// The exercise.
    pub fn finish(self) -> Exercise {
        self.exercise
    }
}

/// Steps that run `replicas` replicas of the component called `name` (its
/// maximum raised first, so the count is accepted).
pub fn scale(name: &str, replicas: u32) -> Vec<Step> {
    let count = replicas.to_string();
    vec![
        Step::set(name, "replicas.max", &count),
        Step::set(name, "replicas.current", &count),
    ]
}
