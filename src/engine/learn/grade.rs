//! Grading: one result per check, a pure function of (exercise, design, runs).
//!
//! What must stay true: no check is skipped; a failing check says what was
//! measured against what is required, with units, and names the component
//! concerned; simulated checks without runs are `NeedsRun`; the worst seed
//! judges a simulated check.

use super::check::{Check, CheckResult, CheckState, Comparison, Rule};
use super::cost::monthly_cost_at;
use super::exercise_data::Exercise;
use super::facts::fact_named;
use super::metrics::{hotspot, measure};
use super::run::ExerciseRuns;
use super::structure::{self, Outcome};
use crate::engine::model::{ComponentId, Design, Prices};
use crate::engine::score::{score, Scorecard};

/// Grades `design` against every check of `exercise`; simulated checks read
/// `runs` (made by [`super::run_checks`] from this design).
pub fn grade(
    exercise: &Exercise,
    design: &Design,
    runs: Option<&ExerciseRuns>,
) -> Vec<CheckResult> {
    let needs_scorecard = exercise
        .checks
        .iter()
        .any(|c| matches!(c.rule, Rule::Score { .. } | Rule::Fact { .. }));
    let needs_start = exercise
        .checks
        .iter()
        .any(|c| !matches!(c.rule, Rule::Simulated { .. }));
    let start = needs_start.then(|| exercise.start.build());
    // Budgets are priced at the exercise's prices and scores judged against
    // the exercise's targets, never the student's: editing a price or a
    // target does not pass a check.
    let (prices, targets) = match &start {
        Some(Ok(start)) => (start.prices, Some(start.targets)),
        _ => (Prices::default(), None),
    };
    let scorecard = needs_scorecard.then(|| match targets {
        Some(targets) => {
            let mut judged = design.clone();
            judged.targets = targets;
            score(&judged)
        }
        None => score(design),
    });
    exercise
        .checks
        .iter()
        .map(|check| {
            let outcome = match &check.rule {
                Rule::Simulated { .. } => return simulated(exercise, design, check, runs),
                Rule::Unchanged { component } => match &start {
                    Some(Ok(start)) => structure::unchanged(design, start, component),
                    _ => Outcome {
                        passed: false,
                        measured: "the starting design does not build".into(),
                        required: format!("{component} as in the starting design"),
                        component: None,
                    },
                },
                rule => instant(rule, design, scorecard.as_ref(), &prices),
            };
            result(check, outcome)
        })
        .collect()
}

fn result(check: &Check, outcome: Outcome) -> CheckResult {
    CheckResult {
        id: check.id.clone(),
        label: check.label.clone(),
        measured: outcome.measured,
        required: outcome.required,
        state: if outcome.passed {
            CheckState::Passed
        } else {
            CheckState::Failed
        },
        component: outcome.component,
    }
}

fn instant(
    rule: &Rule,
    design: &Design,
    scorecard: Option<&Scorecard>,
    prices: &Prices,
) -> Outcome {
    match rule {
        Rule::Score { attribute, min } => {
            let value = scorecard.map_or(0.0, |s| s.score(*attribute));
            Outcome {
                passed: value >= *min,
                measured: format!("{} {value:.0}/100", attribute.label()),
                required: format!("{} at least {min:.0}/100", attribute.label()),
                component: None,
            }
        }
        Rule::Fact { fact, expected } => {
            let found = scorecard.and_then(|s| fact_named(&s.facts, fact));
            let wanted = if *expected { "holds" } else { "does not hold" };
            match found {
                Some(found) => Outcome {
                    passed: found.holds == *expected,
                    measured: found.reason.clone(),
                    required: format!("{fact} {wanted}"),
                    component: found.component,
                },
                None => Outcome {
                    passed: false,
                    measured: format!("there is no fact called {fact}"),
                    required: format!("{fact} {wanted}"),
                    component: None,
                },
            }
        }
        Rule::KindCount {
            component_kind,
            min,
            max,
        } => structure::kind_count(design, *component_kind, *min, *max),
        Rule::Present {
            name,
            component_kind,
        } => structure::present(design, name, *component_kind),
        Rule::Connected { from, to } => structure::connected(design, from, to),
        Rule::NoClientToStorage => structure::no_client_to_storage(design),
        Rule::SeparateCallers { components } => structure::separate_callers(design, components),
        Rule::CostBudget { max_usd_per_month } => {
            let (cost, biggest) = monthly_cost_at(design, prices);
            let biggest_words = biggest
                .as_ref()
                .map_or(String::new(), |line| format!("; the most: {}", line.what));
            Outcome {
                passed: cost <= *max_usd_per_month,
                measured: format!("${cost:.0}/month{biggest_words}"),
                required: format!("at most ${max_usd_per_month:.0}/month"),
                component: biggest.and_then(|line| line.component),
            }
        }
        // Handled by the caller; kept total so a new rule cannot be forgotten.
        Rule::Unchanged { component } => Outcome {
            passed: false,
            measured: String::new(),
            required: format!("{component} as in the starting design"),
            component: None,
        },
        Rule::Simulated { .. } => Outcome {
            passed: false,
            measured: String::new(),
            required: String::new(),
            component: None,
        },
    }
}

fn simulated(
    exercise: &Exercise,
    design: &Design,
    check: &Check,
    runs: Option<&ExerciseRuns>,
) -> CheckResult {
    let Rule::Simulated {
        metric,
        component,
        topic,
        comparison,
        threshold,
    } = &check.rule
    else {
        return result(
            check,
            instant(&check.rule, design, None, &Prices::default()),
        );
    };
    let at = component.as_deref();
    let where_words = at.map_or(String::new(), |name| format!(" at {name}"));
    let topic_words = topic.as_ref().map_or(String::new(), |t| format!(" of {t}"));
    let required = format!(
        "{}{topic_words}{where_words} {} {} {}",
        metric.name(),
        comparison.words(),
        metric.format(*threshold),
        exercise.runs.scenario_words()
    );
    let component_id: Option<ComponentId> = at
        .and_then(|name| design.component_named(name))
        .map(|c| c.id);
    let Some(runs) = runs.filter(|r| !r.runs.is_empty()) else {
        return CheckResult {
            id: check.id.clone(),
            label: check.label.clone(),
            measured: "not run yet: press Check".to_string(),
            required,
            state: CheckState::NeedsRun,
            component: component_id,
        };
    };
    let mut worst: Option<(u64, f64, usize)> = None;
    for (index, run) in runs.runs.iter().enumerate() {
        match measure(design, &run.summary, *metric, at, topic.as_deref()) {
            Ok(value) => {
                let worse = worst.is_none_or(|(_, w, _)| match comparison {
                    Comparison::AtMost => value > w,
                    Comparison::AtLeast => value < w,
                });
                if worse {
                    worst = Some((run.seed, value, index));
                }
            }
            Err(why) => {
                return CheckResult {
                    id: check.id.clone(),
                    label: check.label.clone(),
                    measured: why,
                    required,
                    state: CheckState::Failed,
                    component: component_id,
                }
            }
        }
    }
    let (seed, value, index) = worst.unwrap_or((0, f64::NAN, 0));
    let passed = value.is_finite() && comparison.holds(value, *threshold);
    // A failing whole-design figure points at where it comes from.
    let spot = if passed || at.is_some() {
        None
    } else {
        runs.runs
            .get(index)
            .and_then(|run| hotspot(&run.summary, *metric))
    };
    let spot_words = spot
        .as_ref()
        .map_or(String::new(), |(words, _)| format!("; {words}"));
    let component_id = component_id.or_else(|| {
        spot.as_ref()
            .and_then(|(_, name)| design.component_named(name))
            .map(|c| c.id)
    });
    let seeds = if runs.runs.len() > 1 {
        format!(" (worst of {} seeds: seed {seed})", runs.runs.len())
    } else {
        format!(" (seed {seed})")
    };
    CheckResult {
        id: check.id.clone(),
        label: check.label.clone(),
        measured: format!(
            "{}{topic_words}{where_words}: {}{seeds}{spot_words}",
            metric.name(),
            metric.format(value)
        ),
        required,
        state: if passed {
            CheckState::Passed
        } else {
            CheckState::Failed
        },
        component: component_id,
    }
}
