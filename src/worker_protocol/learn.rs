//! The protocol between the Learn module (`learn_ui`) and its own worker
//! (`src/learn_worker.rs`): what the module asks ([`LearnRequest`], sent as a
//! [`LearnCommand`]) and what the worker answers ([`LearnAnswer`], in a
//! [`LearnReport`]), with the small data the module shows (an exercise's
//! entry in the path, its brief, one line per check, an opened challenge).
//!
//! What must stay true: this is a wire format, not the engine's exercise
//! model (`crate::engine::learn`), whose catalog and grading only the worker
//! links; the worker converts one into the other. Designs travel as
//! snapshots (`engine::share::encode_snapshot`). Grading answers keep the
//! order of the exercise's checks, so the checklist never jumps. Every
//! [`LearnCommand::Learn`] is answered by exactly one [`LearnReport::Learn`]
//! with the same id. The page and its own worker link none of this.

use crate::engine::learn::ChallengeSpec;
use crate::engine::model::ComponentId;
use serde::{Deserialize, Serialize};

/// What the Learn module asks the worker.
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
    /// The design in a share link (an exercise link carries one); answers a snapshot.
    OpenLink(String),
    /// The share-link fragment (without `#`) of a design given as a snapshot.
    Link(String),
    /// The challenge text (`c1.`...) of the teacher's spec over the design;
    /// refuses an invalid spec, naming the field.
    MakeChallenge {
        /// The teacher's choices.
        spec: ChallengeSpec,
        /// The design, as a snapshot.
        design: String,
    },
    /// What an opened challenge link shows (bare `c1.` text, with `#`, or a URL).
    OpenChallenge(String),
    /// Every check of a challenge on a design, running its simulation.
    GradeChallenge {
        /// The challenge text.
        challenge: String,
        /// The design, as a snapshot.
        design: String,
    },
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
    /// Text (a JSON file, a progress record, a link, a challenge text).
    Text(String),
    /// An opened challenge (boxed: it carries its design).
    Challenge(Box<ChallengeSheet>),
}

/// An exercise as the path lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseEntry {
    /// Stable id, used in links and the progress record.
    pub id: String,
    /// The document's section it belongs to ("SOLID principles", ...).
    pub section: String,
    /// Its title.
    pub title: String,
    /// One sentence: what the student will do.
    pub summary: String,
}

/// Everything the Learn module shows of a started exercise.
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
    /// Every check, graded on the starting design without runs.
    pub checks: Vec<CheckLine>,
    /// The starting design, as a snapshot.
    pub start_design: String,
}

/// What an opened challenge shows: its texts, its checks' labels and its design.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeSheet {
    /// Title.
    pub title: String,
    /// Brief.
    pub brief: String,
    /// Hints, in order.
    pub hints: Vec<String>,
    /// The checks' labels, in order.
    pub checks: Vec<String>,
    /// The teacher's design, as a snapshot.
    pub design: String,
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

/// What the Learn module sends its worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnCommand {
    /// Ask `request`; answered by one [`LearnReport::Learn`] with the same id.
    Learn {
        /// Chosen by the Learn module.
        id: u32,
        /// What is asked.
        request: LearnRequest,
    },
}

/// What the Learn worker tells the Learn module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnReport {
    /// The worker has loaded and takes commands.
    Ready,
    /// The answer to a [`LearnCommand::Learn`].
    Learn {
        /// The request's id.
        id: u32,
        /// What was asked for, or why it could not be had, in a sentence.
        answer: Result<LearnAnswer, String>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_reports_read_back_as_sent() {
        let command = LearnCommand::Learn {
            id: 7,
            request: LearnRequest::Grade {
                exercise: "solid-open-closed".to_string(),
                design: "s2.abc".to_string(),
            },
        };
        let text = serde_json::to_string(&command).unwrap();
        assert_eq!(
            serde_json::from_str::<LearnCommand>(&text).unwrap(),
            command
        );
        let sheet = ChallengeSheet {
            title: "Hold the spike".to_string(),
            brief: "Keep p99 low.".to_string(),
            hints: vec!["Add replicas.".to_string()],
            checks: vec!["p99 latency at most 150 ms".to_string()],
            design: "s2.abc".to_string(),
        };
        for report in [
            LearnReport::Ready,
            LearnReport::Learn {
                id: 7,
                answer: Ok(LearnAnswer::Challenge(Box::new(sheet))),
            },
            LearnReport::Learn {
                id: 8,
                answer: Err("there is no exercise \u{201c}x\u{201d} in this build".to_string()),
            },
        ] {
            let text = serde_json::to_string(&report).unwrap();
            assert_eq!(serde_json::from_str::<LearnReport>(&text).unwrap(), report);
        }
    }
}
