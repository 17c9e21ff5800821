//! `exercise list`, `exercise start ID` and `exercise check ID DESIGN.json`:
//! the exercise catalog on the command line, graded by the same engine
//! function as the page.
//!
//! What must stay true: `check` prints every check (id, label, measured,
//! required, passed) as JSON and exits 0 when all pass, 1 when any fails,
//! 2 on bad input (an unknown id, a file that is not a design, a design the
//! exercise's runs cannot run).

use super::design_commands::read_input;
use super::Failure;
use archplay::engine::learn::{self, CheckState, Exercise};
use archplay::engine::quote::quote;
use archplay::engine::share::design_file;
use serde_json::json;

/// Dispatches `exercise ...`.
pub fn exercise(args: &[String]) -> Result<(), Failure> {
    match args {
        [command] if command == "list" => {
            list();
            Ok(())
        }
        [command, id] if command == "start" => {
            let exercise = find(id)?;
            println!("{}", design_file::to_json(&learn::start_design(&exercise)));
            Ok(())
        }
        [command, id, path] if command == "check" => check(&find(id)?, path),
        _ => Err(Failure::Usage(
            "`exercise` takes `list`, `start ID` or `check ID DESIGN.json`".into(),
        )),
    }
}

fn list() {
    for exercise in learn::catalog() {
        println!(
            "{:<34} {:<20} {}",
            exercise.id,
            exercise.section.label(),
            exercise.title
        );
    }
}

fn find(id: &str) -> Result<Exercise, Failure> {
    learn::exercise(id).ok_or_else(|| {
        Failure::Usage(format!(
            "no exercise has the id `{}`; `archplay exercise list` lists them",
            quote(id)
        ))
    })
}

fn check(exercise: &Exercise, path: &str) -> Result<(), Failure> {
    let text = read_input(path)?;
    let design = design_file::from_json(&text).map_err(|error| {
        Failure::Usage(format!(
            "{}: {error}",
            super::design_commands::shown_path(path)
        ))
    })?;
    let needs_run = exercise.checks.iter().any(|c| c.rule.is_simulated());
    let runs = if needs_run {
        Some(learn::run_checks(exercise, &design).map_err(|why| {
            Failure::Usage(format!(
                "the design cannot be run for exercise {}: {why}",
                exercise.id
            ))
        })?)
    } else {
        None
    };
    let results = learn::grade(exercise, &design, runs.as_ref());
    let failed = results
        .iter()
        .filter(|r| r.state != CheckState::Passed)
        .count();
    let checks: Vec<_> = results
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "label": r.label,
                "measured": r.measured,
                "required": r.required,
                "passed": r.state == CheckState::Passed,
                "component": r.component.and_then(|id| design.component(id)).map(|c| c.name.clone()),
            })
        })
        .collect();
    let report = json!({
        "exercise": exercise.id,
        "passed": failed == 0,
        "checks": checks,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::ChecksFailed(format!(
            "{failed} of {} checks of {} fail",
            results.len(),
            exercise.id
        )))
    }
}
