//! The worker's Learn half: answers [`LearnRequest`]s from the engine's
//! exercise catalog (`archplay::engine::learn`), so the page links neither
//! the catalog, nor the starting and reference designs, nor grading.
//!
//! What must stay true: every request gets exactly one answer, an error in
//! a sentence when the exercise is unknown or the design does not read;
//! grading is the engine's [`grade`], the same function the CLI uses, so the
//! browser and `archplay exercise check` agree; check lines keep the
//! exercise's order.

use archplay::engine::learn::{
    catalog, exercise, grade, reference_design, run_checks, start_design, CheckResult, CheckState,
    Exercise,
};
use archplay::engine::share::{decode_snapshot, encode_snapshot};
use archplay::ui::learn::progress::{progress_from_json, progress_to_json};
use archplay::worker_protocol::{
    CheckLine, CheckMark, ExerciseBrief, ExerciseEntry, LearnAnswer, LearnRequest,
};

/// The first sentence of a brief: the path's one-line summary.
fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

fn entry(exercise: &Exercise) -> ExerciseEntry {
    ExerciseEntry {
        id: exercise.id.clone(),
        section: exercise.section.label().to_string(),
        title: exercise.title.clone(),
        summary: first_sentence(&exercise.brief),
    }
}

fn line(result: CheckResult) -> CheckLine {
    CheckLine {
        id: result.id,
        label: result.label,
        measured: result.measured,
        required: result.required,
        mark: match result.state {
            CheckState::Passed => CheckMark::Passed,
            CheckState::Failed => CheckMark::Failed,
            CheckState::NeedsRun => CheckMark::NeedsRun,
        },
        component: result.component,
    }
}

fn find(id: &str) -> Result<Exercise, String> {
    exercise(id).ok_or_else(|| format!("there is no exercise \u{201c}{id}\u{201d} in this build"))
}

fn graded(id: &str, design: &str, run: bool) -> Result<LearnAnswer, String> {
    let exercise = find(id)?;
    let design = decode_snapshot(design)
        .map_err(|error| format!("the design could not be read: {error}"))?;
    let runs = if run {
        Some(run_checks(&exercise, &design)?)
    } else {
        None
    };
    let results = grade(&exercise, &design, runs.as_ref());
    Ok(LearnAnswer::Graded(results.into_iter().map(line).collect()))
}

/// Answers `request`.
pub fn answer(request: LearnRequest) -> Result<LearnAnswer, String> {
    match request {
        LearnRequest::List => Ok(LearnAnswer::List(catalog().iter().map(entry).collect())),
        LearnRequest::Start { exercise } => {
            let exercise = find(&exercise)?;
            let start = start_design(&exercise);
            let checks = grade(&exercise, &start, None)
                .into_iter()
                .map(line)
                .collect();
            Ok(LearnAnswer::Started(Box::new(ExerciseBrief {
                entry: entry(&exercise),
                brief: exercise.brief.clone(),
                scenario: exercise.runs.scenario_words(),
                hints: exercise.hints.clone(),
                debrief: exercise.debrief.clone(),
                checks,
                start_design: encode_snapshot(&start),
            })))
        }
        LearnRequest::Grade { exercise, design } => graded(&exercise, &design, false),
        LearnRequest::Check { exercise, design } => graded(&exercise, &design, true),
        LearnRequest::Reference { exercise } => Ok(LearnAnswer::Design(encode_snapshot(
            &reference_design(&find(&exercise)?),
        ))),
        LearnRequest::ProgressToJson(record) => progress_to_json(&record).map(LearnAnswer::Text),
        LearnRequest::ProgressFromJson(json) => progress_from_json(&json).map(LearnAnswer::Text),
    }
}
