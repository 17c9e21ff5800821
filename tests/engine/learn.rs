//! The exercise catalog as a whole (every section, whoever wrote it): each
//! exercise's start fails, its reference passes with its own seeds, every
//! check fails for some design here (the start or a breaker the exercise
//! lists), the design at its maximum fails the cost budget, hints and a
//! debrief are present, ids are unique, and an exercise survives serde.
//! Problems are collected over the whole catalog and reported together.

use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::learn::{
    catalog, grade, reference_design, run_checks, start_design, Check, CheckResult, CheckState,
    Comparison, DesignSource, Exercise, Metric, Rule,
};
use archplay::engine::model::edit::{apply, Edit};
use archplay::engine::model::{ComponentKind, Design};
use std::collections::BTreeSet;

/// Replicas every workload runs in the "everything at maximum" design.
const MAXED_REPLICAS: &str = "20";

/// Grades `design`, running it only when an instant check does not already fail
/// (unless `always_run`); a design that cannot run leaves its simulated checks `NeedsRun`.
fn graded(exercise: &Exercise, design: &Design, always_run: bool) -> Vec<CheckResult> {
    let instant = grade(exercise, design, None);
    let any_failed = instant.iter().any(|r| r.state == CheckState::Failed);
    let any_needs_run = instant.iter().any(|r| r.state == CheckState::NeedsRun);
    if (any_failed && !always_run) || !any_needs_run {
        return instant;
    }
    match run_checks(exercise, design) {
        Ok(runs) => grade(exercise, design, Some(&runs)),
        Err(_) => instant,
    }
}

fn failing(results: &[CheckResult]) -> BTreeSet<String> {
    results
        .iter()
        .filter(|r| r.state == CheckState::Failed)
        .map(|r| r.id.clone())
        .collect()
}

/// The design with every dial at its maximum: many replicas, wide
/// concurrency, read replicas, and every security and reliability feature.
fn maximised(design: &Design) -> Design {
    let mut maxed = design.clone();
    let ids: Vec<_> = maxed
        .components
        .iter()
        .filter(|c| c.kind != ComponentKind::Client)
        .map(|c| (c.id, c.kind, c.concurrency))
        .collect();
    for (id, kind, concurrency) in ids {
        let mut fields = vec![
            ("replicas.max", MAXED_REPLICAS.to_string()),
            ("replicas.current", MAXED_REPLICAS.to_string()),
            ("concurrency", concurrency.max(64).to_string()),
            ("security.tls", "true".to_string()),
            ("security.audit_logging", "true".to_string()),
        ];
        if kind == ComponentKind::Database {
            fields.push(("read_replicas", "3".to_string()));
        }
        for (key, value) in fields {
            // A field a kind does not take is refused; the rest still apply.
            let _ = apply(
                &mut maxed,
                Edit::SetField {
                    target: FieldTarget::Component(id),
                    key: key.to_string(),
                    value,
                },
            );
        }
    }
    maxed
}

#[test]
fn the_catalog_has_unique_ids_and_enough_exercises() {
    let exercises = catalog();
    let ids: BTreeSet<&str> = exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), exercises.len(), "exercise ids repeat");
    assert!(exercises.len() >= 12, "only {} exercises", exercises.len());
    for exercise in &exercises {
        let check_ids: BTreeSet<&str> = exercise.checks.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            check_ids.len(),
            exercise.checks.len(),
            "{}: check ids repeat",
            exercise.id
        );
        assert!(
            exercise
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} is not a slug",
            exercise.id
        );
    }
}

#[test]
fn every_exercise_has_hints_a_debrief_a_budget_and_survives_serde() {
    let mut problems = Vec::new();
    for exercise in catalog() {
        let id = &exercise.id;
        if exercise.hints.len() < 2 {
            problems.push(format!("{id}: fewer than two hints"));
        }
        if exercise.debrief.trim().len() < 80 {
            problems.push(format!("{id}: no debrief of a few sentences"));
        }
        if exercise.brief.trim().len() < 80 {
            problems.push(format!("{id}: no brief"));
        }
        if !exercise
            .checks
            .iter()
            .any(|c| matches!(c.rule, Rule::CostBudget { .. }))
        {
            problems.push(format!("{id}: no cost budget"));
        }
        let text = serde_json::to_string(&exercise).unwrap();
        match serde_json::from_str::<Exercise>(&text) {
            Ok(back) if back == exercise => {}
            Ok(_) => problems.push(format!("{id}: changes through serde")),
            Err(error) => problems.push(format!("{id}: does not read back: {error}")),
        }
        if let Err(why) = exercise.start.build() {
            problems.push(format!("{id}: start does not build: {why}"));
        }
        if let Err(why) = exercise.reference.build() {
            problems.push(format!("{id}: reference does not build: {why}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_start_fails_every_reference_passes_and_no_check_is_decorative() {
    let mut problems = Vec::new();
    for exercise in catalog() {
        let id = &exercise.id;
        let start = graded(&exercise, &start_design(&exercise), true);
        let mut failed_somewhere = failing(&start);
        if failed_somewhere.is_empty() {
            problems.push(format!("{id}: the starting design passes"));
        }
        let reference = reference_design(&exercise);
        let passed = graded(&exercise, &reference, true);
        for result in passed.iter().filter(|r| r.state != CheckState::Passed) {
            problems.push(format!(
                "{id}: the reference fails {}: {}, needs {}",
                result.id, result.measured, result.required
            ));
        }
        for result in start.iter().filter(|r| r.state == CheckState::Failed) {
            if result.measured.is_empty() || result.required.is_empty() {
                problems.push(format!("{id}: {} fails without saying why", result.id));
            }
        }
        for breaker in &exercise.breakers {
            let broken = match exercise.reference.with_steps(&breaker.steps) {
                Ok(design) => design,
                Err(why) => {
                    problems.push(format!(
                        "{id}: breaker of {} does not apply: {why}",
                        breaker.check
                    ));
                    continue;
                }
            };
            let results = graded(&exercise, &broken, true);
            let failed = failing(&results);
            if failed.contains(&breaker.check) {
                failed_somewhere.insert(breaker.check.clone());
            } else {
                problems.push(format!(
                    "{id}: the breaker of {} leaves it passing",
                    breaker.check
                ));
            }
        }
        for check in &exercise.checks {
            if !failed_somewhere.contains(&check.id) {
                problems.push(format!("{id}: check {} never fails (decorative)", check.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_design_at_its_maximum_fails_every_budget() {
    let mut problems = Vec::new();
    for exercise in catalog() {
        for (which, design) in [
            ("start", start_design(&exercise)),
            ("reference", reference_design(&exercise)),
        ] {
            let results = grade(&exercise, &maximised(&design), None);
            let budget_failed = exercise
                .checks
                .iter()
                .filter(|c| matches!(c.rule, Rule::CostBudget { .. }))
                .all(|c| {
                    results
                        .iter()
                        .any(|r| r.id == c.id && r.state == CheckState::Failed)
                });
            if !budget_failed {
                problems.push(format!(
                    "{}: the maximised {which} design is within budget",
                    exercise.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn simulated_checks_wait_for_a_run_and_say_the_scenario() {
    for exercise in catalog() {
        for (check, result) in
            exercise
                .checks
                .iter()
                .zip(grade(&exercise, &reference_design(&exercise), None))
        {
            assert_eq!(check.id, result.id);
            if check.rule.is_simulated() {
                assert_eq!(
                    result.state,
                    CheckState::NeedsRun,
                    "{} {}",
                    exercise.id,
                    check.id
                );
                assert!(
                    result.required.contains("under")
                        || result.required.contains("through")
                        || result.required.contains("after"),
                    "{}",
                    result.required
                );
            } else {
                assert_ne!(result.state, CheckState::NeedsRun);
            }
        }
    }
}

/// An exercise over `template` with one simulated check of each given figure,
/// run for a short steady 10 s on one seed.
fn probe(template: &str, checks: Vec<(Metric, Option<&str>, Option<&str>)>) -> Exercise {
    let mut made = archplay::engine::learn::exercise("solid-open-closed").unwrap();
    made.start = DesignSource::template(template, Vec::new());
    made.reference = made.start.clone();
    made.runs.seeds = vec![3];
    made.runs.scenario.duration_s = 10.0;
    made.runs.faults.clear();
    made.checks = checks
        .into_iter()
        .enumerate()
        .map(|(index, (metric, component, topic))| Check {
            id: format!("probe-{index}"),
            label: metric.name().to_string(),
            rule: Rule::Simulated {
                metric,
                component: component.map(str::to_string),
                topic: topic.map(str::to_string),
                comparison: Comparison::AtLeast,
                threshold: 0.0,
            },
        })
        .collect();
    made
}

#[test]
fn every_simulated_figure_is_measured_with_its_unit_or_refused_by_name() {
    let cases = [
        (
            "database-scaling",
            vec![
                (Metric::P95Ms, None, None, " ms"),
                (Metric::P99Ms, Some("catalog-service"), None, " ms"),
                (Metric::MeanMs, None, None, " ms"),
                (Metric::ErrorPercent, None, None, " %"),
                (Metric::CacheHitRatio, Some("redis-cache"), None, "0."),
                (
                    Metric::MaxReplicas,
                    Some("catalog-service"),
                    None,
                    "6 replicas",
                ),
                (Metric::AnsweredRps, None, None, "requests/s"),
            ],
        ),
        (
            "event-driven",
            vec![
                (Metric::ChannelFull, Some("event-bus"), None, "0 events"),
                (
                    Metric::StoredEvents,
                    Some("event-store"),
                    Some("order.created"),
                    "events",
                ),
                (Metric::ScaleActions, None, None, "0 actions"),
            ],
        ),
    ];
    for (template, figures) in cases {
        let made = probe(
            template,
            figures.iter().map(|(m, c, t, _)| (*m, *c, *t)).collect(),
        );
        let design = start_design(&made);
        let runs = run_checks(&made, &design).unwrap();
        for (result, (metric, _, _, unit)) in
            grade(&made, &design, Some(&runs)).iter().zip(&figures)
        {
            assert_eq!(
                result.state,
                CheckState::Passed,
                "{template} {metric:?}: {}",
                result.measured
            );
            assert!(
                result.measured.contains(unit),
                "{template} {metric:?}: {}",
                result.measured
            );
        }
    }
    // A figure at a component the design lacks fails and says so.
    let made = probe(
        "database-scaling",
        vec![(Metric::CacheHitRatio, Some("no-cache"), None)],
    );
    let design = start_design(&made);
    let runs = run_checks(&made, &design).unwrap();
    let result = &grade(&made, &design, Some(&runs))[0];
    assert_eq!(result.state, CheckState::Failed);
    assert_eq!(result.measured, "no component is called no-cache");
}

#[test]
fn a_fault_on_a_missing_component_is_refused_before_running() {
    let mut made = archplay::engine::learn::exercise("microservices-killed-replica").unwrap();
    made.runs.faults[0].component = "gone-service".into();
    let error = run_checks(&made, &start_design(&made)).unwrap_err();
    assert!(error.contains("gone-service"), "{error}");
}
