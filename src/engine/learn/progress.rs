//! The student's progress through the Learn path: which exercises were
//! started, passed, and how many hints each showed; kept by the Learn module
//! (`learn_ui::storage`) in `localStorage` under [`PROGRESS_KEY`], apart from
//! the design autosave. Plain data, so it lives in the engine, where the
//! worker (the JSON file) and the Learn module (the stored record) share it.
//!
//! What must stay true: the stored record is plain text the Learn module reads
//! and writes itself ([`Progress::encode`], [`Progress::decode`]: one line per
//! exercise, so it needs no JSON); decoding never panics and names the
//! line at fault; a passed exercise stays passed (editing it afterwards never
//! takes the pass away); the JSON file of an export is written and read by the
//! worker through serde ([`Progress`] derives both).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `localStorage` key of the progress record.
pub const PROGRESS_KEY: &str = "archplay.learn.progress";
/// Where a progress record that could not be read is copied before it is reset.
pub const UNREADABLE_PROGRESS_KEY: &str = "archplay.learn.progress.unreadable";
/// The first line of every record: names the format and its version.
pub const RECORD_HEADER: &str = "archplay-learn-progress 1";

/// Where an exercise stands for this student.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseStatus {
    /// Never opened.
    #[default]
    NotStarted,
    /// Opened, not passed yet.
    InProgress,
    /// Every check passed at least once.
    Passed,
}

impl ExerciseStatus {
    /// The word in the record and the JSON file.
    pub fn word(self) -> &'static str {
        match self {
            ExerciseStatus::NotStarted => "not_started",
            ExerciseStatus::InProgress => "in_progress",
            ExerciseStatus::Passed => "passed",
        }
    }

    /// What the path shows.
    pub fn label(self) -> &'static str {
        match self {
            ExerciseStatus::NotStarted => "not started",
            ExerciseStatus::InProgress => "in progress",
            ExerciseStatus::Passed => "passed",
        }
    }

    fn from_word(word: &str) -> Option<ExerciseStatus> {
        [
            ExerciseStatus::NotStarted,
            ExerciseStatus::InProgress,
            ExerciseStatus::Passed,
        ]
        .into_iter()
        .find(|status| status.word() == word)
    }
}

/// One exercise's progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseProgress {
    /// Where it stands.
    pub status: ExerciseStatus,
    /// How many of its hints have been revealed.
    pub hints_shown: u32,
}

/// Every exercise's progress, by exercise id (exercises never opened are absent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// By exercise id.
    pub exercises: BTreeMap<String, ExerciseProgress>,
}

/// Why a progress record could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressError {
    /// The first line is not [`RECORD_HEADER`].
    NotARecord,
    /// A line is not `id status hints`; carries its number (1-based).
    BadLine(usize),
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::NotARecord => {
                write!(
                    formatter,
                    "it does not start with \u{201c}{RECORD_HEADER}\u{201d}"
                )
            }
            ProgressError::BadLine(line) => write!(
                formatter,
                "line {line} is not an exercise id, a status and a hint count"
            ),
        }
    }
}

/// Whether `id` can be an exercise id in a record: ASCII letters, digits, `-` and `_`.
pub fn is_exercise_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
}

impl Progress {
    /// The progress of exercise `id` (not started when absent).
    pub fn of(&self, id: &str) -> ExerciseProgress {
        self.exercises.get(id).copied().unwrap_or_default()
    }

    /// Records that `id` was opened: not started becomes in progress; a pass stays.
    pub fn start(&mut self, id: &str) {
        let entry = self.exercises.entry(id.to_string()).or_default();
        if entry.status == ExerciseStatus::NotStarted {
            entry.status = ExerciseStatus::InProgress;
        }
    }

    /// Records that every check of `id` passed.
    pub fn pass(&mut self, id: &str) {
        self.exercises.entry(id.to_string()).or_default().status = ExerciseStatus::Passed;
    }

    /// Reveals one more hint of `id`, at most `available`; returns how many are shown.
    pub fn reveal_hint(&mut self, id: &str, available: u32) -> u32 {
        let entry = self.exercises.entry(id.to_string()).or_default();
        entry.hints_shown = (entry.hints_shown + 1).min(available);
        entry.hints_shown
    }

    /// How many of `ids` are passed.
    pub fn passed_among<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter()
            .filter(|id| self.of(id).status == ExerciseStatus::Passed)
            .count()
    }

    /// The record kept in `localStorage`.
    pub fn encode(&self) -> String {
        let mut text = String::from(RECORD_HEADER);
        for (id, progress) in &self.exercises {
            text.push('\n');
            text.push_str(&format!(
                "{id} {} {}",
                progress.status.word(),
                progress.hints_shown
            ));
        }
        text
    }

    /// Reads a record written by [`Progress::encode`].
    pub fn decode(text: &str) -> Result<Progress, ProgressError> {
        let mut lines = text.lines();
        if lines.next().map(str::trim) != Some(RECORD_HEADER) {
            return Err(ProgressError::NotARecord);
        }
        let mut progress = Progress::default();
        for (index, line) in lines.enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut words = line.split_whitespace();
            let parsed = match (words.next(), words.next(), words.next(), words.next()) {
                (Some(id), Some(status), Some(hints), None) if is_exercise_id(id) => {
                    ExerciseStatus::from_word(status)
                        .zip(hints.parse::<u32>().ok())
                        .map(|(status, hints_shown)| (id, status, hints_shown))
                }
                _ => None,
            };
            let Some((id, status, hints_shown)) = parsed else {
                return Err(ProgressError::BadLine(index + 2));
            };
            progress.exercises.insert(
                id.to_string(),
                ExerciseProgress {
                    status,
                    hints_shown,
                },
            );
        }
        Ok(progress)
    }

    /// Checks a progress read from an imported file: every id must be one a record can hold.
    pub fn validate(&self) -> Result<(), String> {
        match self.exercises.keys().find(|id| !is_exercise_id(id)) {
            Some(id) => Err(format!("\u{201c}{id}\u{201d} is not an exercise id")),
            None => Ok(()),
        }
    }
}

/// The progress as the JSON file an export downloads (the worker writes it,
/// so the page links no JSON code).
pub fn progress_to_json(record: &str) -> Result<String, String> {
    let progress = Progress::decode(record).map_err(|error| error.to_string())?;
    serde_json::to_string_pretty(&progress).map_err(|error| error.to_string())
}

/// The progress record held by an imported JSON file, or why it holds none.
pub fn progress_from_json(json: &str) -> Result<String, String> {
    let progress: Progress =
        serde_json::from_str(json).map_err(|error| format!("not a progress file: {error}"))?;
    progress.validate()?;
    Ok(progress.encode())
}

/// What the stored text at start amounts to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredProgress {
    /// Nothing stored: a first visit.
    Nothing,
    /// A record that reads.
    Progress(Progress),
    /// Text that does not read, and why: it is backed up and reset.
    Corrupt(String),
}

impl StoredProgress {
    /// Reads the text stored under [`PROGRESS_KEY`], if any.
    pub fn read(text: Option<&str>) -> StoredProgress {
        match text.map(Progress::decode) {
            None => StoredProgress::Nothing,
            Some(Ok(progress)) => StoredProgress::Progress(progress),
            Some(Err(error)) => StoredProgress::Corrupt(error.to_string()),
        }
    }
}

/// The message shown when the stored progress could not be read.
pub fn corrupt_progress_message(problem: &str, backup: Result<(), String>) -> String {
    let kept = match backup {
        Ok(()) => format!(
            "Its text is kept under \u{201c}{UNREADABLE_PROGRESS_KEY}\u{201d} in this browser's local storage."
        ),
        Err(error) => format!("A copy could not be kept ({error})."),
    };
    format!("Your Learn progress could not be read ({problem}), so it starts afresh. {kept} Your design was not touched.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Progress {
        let mut progress = Progress::default();
        progress.start("srp-split");
        progress.reveal_hint("srp-split", 3);
        progress.start("ocp-processor");
        progress.pass("ocp-processor");
        progress
    }

    #[test]
    fn a_record_reads_back_as_the_same_progress() {
        let progress = sample();
        assert_eq!(Progress::decode(&progress.encode()), Ok(progress.clone()));
        assert_eq!(Progress::decode(RECORD_HEADER), Ok(Progress::default()));
        assert_eq!(
            StoredProgress::read(Some(&progress.encode())),
            StoredProgress::Progress(progress)
        );
        assert_eq!(StoredProgress::read(None), StoredProgress::Nothing);
    }

    #[test]
    fn damaged_records_name_the_problem() {
        let header = RECORD_HEADER;
        let cases: &[(&str, ProgressError)] = &[
            ("", ProgressError::NotARecord),
            ("{\"exercises\":{}}", ProgressError::NotARecord),
            (&format!("{header}\nsrp passed"), ProgressError::BadLine(2)),
            (&format!("{header}\nsrp done 1"), ProgressError::BadLine(2)),
            (
                &format!("{header}\nsrp passed -1"),
                ProgressError::BadLine(2),
            ),
            (
                &format!("{header}\n\nsrp passed 1 x"),
                ProgressError::BadLine(3),
            ),
            (
                &format!("{header}\nsr\u{e9}p passed 1"),
                ProgressError::BadLine(2),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(Progress::decode(text).as_ref(), Err(expected), "{text:?}");
            let StoredProgress::Corrupt(problem) = StoredProgress::read(Some(text)) else {
                panic!("{text:?} was read")
            };
            let message = corrupt_progress_message(&problem, Ok(()));
            assert!(
                message.contains(&problem) && message.contains(UNREADABLE_PROGRESS_KEY),
                "{message}"
            );
        }
    }

    #[test]
    fn a_pass_is_never_taken_back_and_hints_stop_at_the_last() {
        let mut progress = sample();
        progress.start("ocp-processor");
        assert_eq!(progress.of("ocp-processor").status, ExerciseStatus::Passed);
        assert_eq!(progress.of("srp-split").status, ExerciseStatus::InProgress);
        assert_eq!(progress.of("never").status, ExerciseStatus::NotStarted);
        assert_eq!(progress.reveal_hint("srp-split", 2), 2);
        assert_eq!(progress.reveal_hint("srp-split", 2), 2);
        assert_eq!(
            progress.passed_among(["srp-split", "ocp-processor", "never"]),
            1
        );
    }

    #[test]
    fn an_exported_file_imports_as_the_same_progress() {
        let record = sample().encode();
        let json = progress_to_json(&record).expect("a record exports");
        assert!(json.contains("\"in_progress\""), "{json}");
        assert_eq!(progress_from_json(&json), Ok(record));
        for bad in [
            "",
            "[]",
            "{\"exercises\":{\"a b\":{\"status\":\"passed\",\"hints_shown\":1}}}",
        ] {
            assert!(progress_from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn imported_ids_must_fit_a_record() {
        let mut progress = sample();
        assert_eq!(progress.validate(), Ok(()));
        progress.start("two words");
        assert!(progress.validate().is_err());
        assert!(!is_exercise_id("") && !is_exercise_id("a/b") && is_exercise_id("db_scale-2"));
    }
}
