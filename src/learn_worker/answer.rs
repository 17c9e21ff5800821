//! What the Learn worker answers: the Learn module's [`LearnRequest`]s, from
//! the engine's exercise catalog (`archplay::engine::learn`) and its
//! challenge links (`archplay::engine::share::challenge`), so neither the
//! page, nor its worker, nor the Learn module links the catalog, the
//! starting and reference designs, the challenge codec or grading.
//!
//! What must stay true: every request gets exactly one answer, an error in
//! a sentence when the exercise is unknown, a design or link does not read,
//! or a run cannot be made; grading is the engine's [`grade`], the same
//! function the CLI uses, so the browser and `archplay exercise check` agree;
//! check lines keep the exercise's order.

use archplay::engine::learn::progress::{progress_from_json, progress_to_json};
use archplay::engine::learn::{
    catalog, exercise, grade, grade_with_runs, reference_design, run_checks, start_design,
    CheckResult, CheckState, Exercise,
};
use archplay::engine::model::Design;
use archplay::engine::share::challenge::{decode_challenge, encode_challenge};
use archplay::engine::share::{decode_link, decode_snapshot, encode_link, encode_snapshot};
use archplay::worker_protocol::learn::{
    ChallengeSheet, CheckLine, CheckMark, ExerciseBrief, ExerciseEntry, LearnAnswer, LearnRequest,
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

fn lines(results: Vec<CheckResult>) -> LearnAnswer {
    LearnAnswer::Graded(results.into_iter().map(line).collect())
}

fn find(id: &str) -> Result<Exercise, String> {
    exercise(id).ok_or_else(|| format!("there is no exercise \u{201c}{id}\u{201d} in this build"))
}

fn design(snapshot: &str) -> Result<Design, String> {
    decode_snapshot(snapshot).map_err(|error| format!("the design could not be read: {error}"))
}

fn graded(id: &str, snapshot: &str, run: bool) -> Result<LearnAnswer, String> {
    let exercise = find(id)?;
    let design = design(snapshot)?;
    let runs = if run {
        Some(run_checks(&exercise, &design)?)
    } else {
        None
    };
    Ok(lines(grade(&exercise, &design, runs.as_ref())))
}

fn started(id: &str) -> Result<LearnAnswer, String> {
    let exercise = find(id)?;
    let start = start_design(&exercise);
    Ok(LearnAnswer::Started(Box::new(ExerciseBrief {
        entry: entry(&exercise),
        brief: exercise.brief.clone(),
        scenario: exercise.runs.scenario_words(),
        hints: exercise.hints.clone(),
        debrief: exercise.debrief.clone(),
        checks: grade(&exercise, &start, None)
            .into_iter()
            .map(line)
            .collect(),
        start_design: encode_snapshot(&start),
    })))
}

fn opened_challenge(text: &str) -> Result<LearnAnswer, String> {
    let (exercise, design) = decode_challenge(text).map_err(|error| error.to_string())?;
    Ok(LearnAnswer::Challenge(Box::new(ChallengeSheet {
        title: exercise.title.clone(),
        brief: exercise.brief.clone(),
        hints: exercise.hints.clone(),
        checks: exercise.checks.iter().map(|c| c.label.clone()).collect(),
        design: encode_snapshot(&design),
    })))
}

/// Answers `request`.
pub fn answer(request: LearnRequest) -> Result<LearnAnswer, String> {
    match request {
        LearnRequest::List => Ok(LearnAnswer::List(catalog().iter().map(entry).collect())),
        LearnRequest::Start { exercise } => started(&exercise),
        LearnRequest::Grade { exercise, design } => graded(&exercise, &design, false),
        LearnRequest::Check { exercise, design } => graded(&exercise, &design, true),
        LearnRequest::Reference { exercise } => Ok(LearnAnswer::Design(encode_snapshot(
            &reference_design(&find(&exercise)?),
        ))),
        LearnRequest::ProgressToJson(record) => progress_to_json(&record).map(LearnAnswer::Text),
        LearnRequest::ProgressFromJson(json) => progress_from_json(&json).map(LearnAnswer::Text),
        LearnRequest::OpenLink(link) => decode_link(&link)
            .map(|design| LearnAnswer::Design(encode_snapshot(&design)))
            .map_err(|error| error.to_string()),
        LearnRequest::Link(snapshot) => Ok(LearnAnswer::Text(encode_link(&design(&snapshot)?))),
        LearnRequest::MakeChallenge { spec, design: made } => {
            let made = design(&made)?;
            Ok(LearnAnswer::Text(encode_challenge(
                &spec.exercise(&made)?,
                &made,
            )))
        }
        LearnRequest::OpenChallenge(text) => opened_challenge(&text),
        LearnRequest::GradeChallenge {
            challenge,
            design: snapshot,
        } => {
            let (exercise, _) = decode_challenge(&challenge).map_err(|error| error.to_string())?;
            Ok(lines(grade_with_runs(&exercise, &design(&snapshot)?)?))
        }
    }
}
