//! Challenge links: an exercise (a teacher's own, or a catalog one) together
//! with a design, in one URL fragment, so a student can ask for help and a
//! teacher can hand out a graded task with no server.
//!
//! A challenge fragment is `c1.` followed by URL-safe base64 (no padding) of
//! the zlib-compressed JSON `{"challenge": 1, "exercise": ..., "design": ...}`:
//! the same envelope (compression, base64, size caps) as a design link, with
//! a prefix of its own so neither is mistaken for the other. Decoding and
//! grading run in the worker, never in the page's start bundle.
//!
//! What must stay true:
//! - `decode_challenge(&encode_challenge(e, d))` gives back `e` and `d`.
//! - Decoding never panics and is bounded like a design link: at most
//!   [`super::MAX_LINK_CHARS`] characters, [`super::MAX_INFLATED_BYTES`]
//!   unpacked, and at most [`MAX_CHECKS`] checks, [`MAX_HINTS`] hints and
//!   [`MAX_TEXT_CHARS`] characters of brief, hint or debrief.
//! - Every refusal names the problem in one lower-case sentence.

use super::envelope::{self, Envelope};
use super::error::LinkError;
use crate::engine::learn::{Exercise, MAX_SEEDS};
use crate::engine::model::validate::validate;
use crate::engine::model::Design;
use crate::engine::quote::{quote_within, MESSAGE_BYTES};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the challenge layout this build writes and reads.
pub const CHALLENGE_VERSION: u32 = 1;
/// The fragment prefix of a challenge link.
pub const CHALLENGE_PREFIX: &str = "c1.";
/// Most checks a challenge may carry.
pub const MAX_CHECKS: usize = 32;
/// Most hints a challenge may carry.
pub const MAX_HINTS: usize = 10;
/// Most faults a challenge's runs may inject.
pub const MAX_FAULTS: usize = 16;
/// Most characters of a title, brief, hint or debrief.
pub const MAX_TEXT_CHARS: usize = 4000;

/// What a challenge link carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct ChallengeWire {
    /// The layout version.
    challenge: u32,
    /// The exercise.
    exercise: Exercise,
    /// The design of whoever made the link.
    design: Design,
}

/// Why a challenge link could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum ChallengeError {
    /// The text is a design link (`v2.`), not a challenge.
    DesignLink,
    /// The text has no `c<version>.` prefix.
    NotAChallenge,
    /// The link was made by a newer Archplay.
    NewerVersion(u32),
    /// The envelope is broken: empty, too long, a bad character, cut off,
    /// changed, or unpacking too large.
    Link(LinkError),
    /// The data unpacks but is not a challenge; the message says where.
    Malformed(String),
    /// The design is not valid.
    InvalidDesign(String),
    /// The exercise breaks a limit or cannot build its starting design.
    InvalidExercise(String),
}

impl fmt::Display for ChallengeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChallengeError::DesignLink => write!(
                f,
                "this is a design link, not a challenge link: open it as a design"
            ),
            ChallengeError::NotAChallenge => write!(
                f,
                "this is not a challenge link: a challenge link starts with `{CHALLENGE_PREFIX}`"
            ),
            ChallengeError::NewerVersion(version) => write!(
                f,
                "the challenge is version {version}, made by a newer Archplay than this one (which reads version {CHALLENGE_VERSION}); update Archplay to open it"
            ),
            ChallengeError::Link(error) => {
                let text = error.to_string().replacen("the link", "the challenge link", 1);
                write!(f, "{text}")
            }
            ChallengeError::Malformed(problem) => write!(
                f,
                "the challenge link's data is malformed: {}",
                quote_within(problem, MESSAGE_BYTES)
            ),
            ChallengeError::InvalidDesign(problem) => write!(
                f,
                "the challenge holds a design that is not valid: {}",
                quote_within(problem, MESSAGE_BYTES)
            ),
            ChallengeError::InvalidExercise(problem) => write!(
                f,
                "the challenge's exercise cannot be used: {}",
                quote_within(problem, MESSAGE_BYTES)
            ),
        }
    }
}

impl std::error::Error for ChallengeError {}

/// The URL fragment (without `#`) carrying `exercise` and `design`, e.g. `c1.eNp...`.
pub fn encode_challenge(exercise: &Exercise, design: &Design) -> String {
    let wire = ChallengeWire {
        challenge: CHALLENGE_VERSION,
        exercise: exercise.clone(),
        design: design.clone(),
    };
    let payload = serde_json::to_vec(&wire).unwrap_or_default();
    let sealed = envelope::seal(CHALLENGE_VERSION, &payload);
    // The envelope writes `v1.`; a challenge says `c1.`.
    format!("c{}", sealed.strip_prefix('v').unwrap_or(&sealed))
}

/// Whether `text` (a fragment, with or without `#`, or a URL) looks like a challenge link.
pub fn is_challenge(text: &str) -> bool {
    envelope::fragment(text).starts_with('c')
}

/// Reads a challenge link: a bare fragment, a fragment with its `#`, or a whole URL.
pub fn decode_challenge(text: &str) -> Result<(Exercise, Design), ChallengeError> {
    let fragment = envelope::fragment(text);
    if fragment.is_empty() {
        return Err(ChallengeError::Link(LinkError::Empty));
    }
    if fragment.starts_with('v') && fragment.contains('.') {
        return Err(ChallengeError::DesignLink);
    }
    let Some((prefix, data)) = fragment.split_once('.') else {
        return Err(ChallengeError::NotAChallenge);
    };
    let version = prefix
        .strip_prefix('c')
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'))
        .and_then(|n| n.parse::<u32>().ok())
        .ok_or(ChallengeError::NotAChallenge)?;
    if version > CHALLENGE_VERSION {
        return Err(ChallengeError::NewerVersion(version));
    }
    let data_offset = data.as_ptr() as usize - text.as_ptr() as usize;
    let envelope = Envelope {
        version,
        data,
        data_offset,
    };
    let payload = envelope::open(&envelope, text).map_err(ChallengeError::Link)?;
    let wire: ChallengeWire = serde_json::from_slice(&payload).map_err(|error| {
        ChallengeError::Malformed(super::design_file::json_error_message(&error))
    })?;
    if wire.challenge != version {
        return Err(ChallengeError::Malformed(format!(
            "it says layout {} inside a version {version} link",
            wire.challenge
        )));
    }
    validate(&wire.design).map_err(|error| ChallengeError::InvalidDesign(error.to_string()))?;
    check_exercise(&wire.exercise).map_err(ChallengeError::InvalidExercise)?;
    Ok((wire.exercise, wire.design))
}

/// Checks the limits an exercise from a link must keep, and that its
/// starting design builds and is valid.
pub fn check_exercise(exercise: &Exercise) -> Result<(), String> {
    if exercise.checks.is_empty() {
        return Err("it has no checks".to_string());
    }
    if exercise.checks.len() > MAX_CHECKS {
        return Err(format!(
            "it has {} checks, more than the {MAX_CHECKS} a challenge may have",
            exercise.checks.len()
        ));
    }
    if exercise.hints.len() > MAX_HINTS {
        return Err(format!(
            "it has {} hints, more than the {MAX_HINTS} a challenge may have",
            exercise.hints.len()
        ));
    }
    let runs = &exercise.runs;
    if runs.seeds.is_empty() || runs.seeds.len() > MAX_SEEDS {
        return Err(format!(
            "it runs {} seeds; a challenge runs 1 to {MAX_SEEDS}",
            runs.seeds.len()
        ));
    }
    if runs.faults.len() > MAX_FAULTS {
        return Err(format!(
            "it injects {} faults, more than the {MAX_FAULTS} a challenge may",
            runs.faults.len()
        ));
    }
    let texts = [
        ("title", exercise.title.as_str()),
        ("brief", exercise.brief.as_str()),
        ("debrief", exercise.debrief.as_str()),
    ];
    let hints = exercise.hints.iter().map(|h| ("hint", h.as_str()));
    let labels = exercise
        .checks
        .iter()
        .map(|c| ("check label", c.label.as_str()));
    for (what, text) in texts.into_iter().chain(hints).chain(labels) {
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(format!(
                "its {what} is {chars} characters, more than the {MAX_TEXT_CHARS} allowed"
            ));
        }
    }
    let start = exercise
        .start
        .build()
        .map_err(|why| format!("its starting design does not build: {why}"))?;
    validate(&start).map_err(|error| format!("its starting design is not valid: {error}"))?;
    Ok(())
}
