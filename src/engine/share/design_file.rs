//! The design file: the JSON the command-line tool reads and the UI exports.
//!
//! ```json
//! { "archplay": 1, "name": "shop", "components": [...], "connections": [...],
//!   "workload": {...}, "team": {...}, "targets": {...},
//!   "milestones": [{ "name": "Before the cache", "design": { "name": ..., ... } }] }
//! ```
//!
//! `milestones` is optional: the user's saved milestones
//! ([`super::milestones`]), each a name and a design object of the same
//! shape as the file's own design (without `archplay`). Files without it
//! read as before.
//!
//! What must stay true: reading is two steps, parse then [`validate`], and a
//! file that fails either step yields an error naming the problem, never a
//! partly loaded design. Files from a newer format version are refused by name.
//! Every milestone is validated too, and an error in one names it (its
//! position and name).
//! A message repeats what the file holds only escaped and cut ([`quote_within`]),
//! so it is one short line whatever the file holds.
//! `docs/design-file.md` documents every field.

use super::milestones::Milestone;
use crate::engine::model::validate::{validate, ValidationError};
use crate::engine::model::Design;
use crate::engine::quote::{quote_within, MESSAGE_BYTES};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// Largest design file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

// The file is the design's fields plus `archplay`. These mirror `Design`
// field by field instead of using `#[serde(flatten)]`, whose buffering
// deserializer costs tens of kilobytes of wasm and reads numbers through an
// intermediate representation.
#[derive(Serialize)]
struct FileOut<'a> {
    // Absent on a milestone's design object.
    #[serde(skip_serializing_if = "Option::is_none")]
    archplay: Option<u32>,
    name: &'a str,
    components: &'a [crate::engine::model::Component],
    connections: &'a [crate::engine::model::Connection],
    workload: &'a crate::engine::model::Workload,
    team: &'a crate::engine::model::TeamInputs,
    targets: &'a crate::engine::model::Targets,
    simulation: &'a crate::engine::model::SimulationSettings,
    prices: &'a crate::engine::model::Prices,
    #[serde(skip_serializing_if = "<[MilestoneOut<'a>]>::is_empty")]
    milestones: Vec<MilestoneOut<'a>>,
}

#[derive(Serialize)]
struct MilestoneOut<'a> {
    name: &'a str,
    design: FileOut<'a>,
}

impl<'a> FileOut<'a> {
    fn new(design: &'a Design) -> FileOut<'a> {
        let Design {
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
            prices,
        } = design;
        FileOut {
            archplay: Some(FORMAT_VERSION),
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
            prices,
            milestones: Vec::new(),
        }
    }

    /// A milestone's design object: the design without `archplay`.
    fn nested(design: &'a Design) -> FileOut<'a> {
        FileOut {
            archplay: None,
            ..FileOut::new(design)
        }
    }
}

#[derive(Deserialize)]
#[serde(default)]
struct FileIn {
    archplay: Option<u32>,
    name: String,
    components: Vec<crate::engine::model::Component>,
    connections: Vec<crate::engine::model::Connection>,
    workload: crate::engine::model::Workload,
    team: crate::engine::model::TeamInputs,
    targets: crate::engine::model::Targets,
    simulation: crate::engine::model::SimulationSettings,
    prices: crate::engine::model::Prices,
    milestones: Vec<MilestoneIn>,
}

#[derive(Deserialize)]
struct MilestoneIn {
    name: String,
    design: FileIn,
}

impl Default for FileIn {
    fn default() -> FileIn {
        let Design {
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
            prices,
        } = Design::default();
        FileIn {
            archplay: None,
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
            prices,
            milestones: Vec::new(),
        }
    }
}

impl FileIn {
    fn into_design(self) -> Design {
        let FileIn {
            archplay: _,
            milestones: _,
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
            prices,
        } = self;
        Design {
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
            prices,
        }
    }
}

/// Why a design file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(usize),
    /// The text is not JSON of the expected shape; the message says where.
    Syntax(String),
    /// The file names no `archplay` version, so it is not a design file.
    NotADesign,
    /// The file was written by a newer Archplay.
    NewerVersion(u32),
    /// The JSON is well formed but the design breaks a rule.
    Invalid(ValidationError),
    /// A milestone has no name.
    UnnamedMilestone {
        /// Its position in `milestones`, from 1.
        position: usize,
    },
    /// A milestone's design breaks a rule.
    InvalidMilestone {
        /// Its position in `milestones`, from 1.
        position: usize,
        /// Its name, as the file gives it.
        name: String,
        /// What is wrong with its design.
        error: ValidationError,
    },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooLarge(bytes) => f.write_str(&too_large_message(*bytes)),
            FormatError::Syntax(message) => write!(f, "not a valid design file: {message}"),
            FormatError::NotADesign => write!(f, "not an Archplay design file (no \"archplay\" version field)"),
            FormatError::NewerVersion(v) => write!(f, "the file uses format version {v}, newer than this app's {FORMAT_VERSION}; update Archplay to open it"),
            FormatError::Invalid(error) => write!(
                f,
                "the design is not valid: {}",
                quote_within(&error.to_string(), MESSAGE_BYTES)
            ),
            FormatError::UnnamedMilestone { position } => write!(f, "milestone {position} has no name"),
            FormatError::InvalidMilestone { position, name, error } => write!(
                f,
                "the design of milestone {position} \u{201c}{}\u{201d} is not valid: {}",
                quote_within(name, MESSAGE_BYTES / 4),
                quote_within(&error.to_string(), MESSAGE_BYTES)
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// What [`FormatError::TooLarge`] says, on its own: the page refuses a big
/// file with it before reading a byte, and links no other message of this
/// module.
pub fn too_large_message(bytes: usize) -> String {
    format!("the file is {bytes} bytes; design files are at most {MAX_FILE_BYTES} bytes")
}

/// Writes `design` as a pretty-printed design file.
pub fn to_json(design: &Design) -> String {
    to_json_with_milestones(design, &[])
}

/// Writes `design` and the user's `milestones` as a pretty-printed design
/// file (no `milestones` field when there are none).
pub fn to_json_with_milestones(design: &Design, milestones: &[Milestone]) -> String {
    let file = FileOut {
        milestones: milestones
            .iter()
            .map(|milestone| MilestoneOut {
                name: &milestone.name,
                design: FileOut::nested(&milestone.design),
            })
            .collect(),
        ..FileOut::new(design)
    };
    serde_json::to_string_pretty(&file)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
}

/// Writes `design` as compact JSON (for storage).
pub fn to_compact_json(design: &Design) -> String {
    serde_json::to_string(&FileOut::new(design)).unwrap_or_default()
}

/// The parser's complaint, which may repeat a value from the file (an unknown
/// kind, a string where a number belongs), escaped and cut, with its position.
/// For any JSON the tool reads (design files, options files).
pub fn json_error_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let (problem, position) = match message.strip_suffix(&position) {
        Some(problem) => (problem, position.as_str()),
        None => (message.as_str(), ""),
    };
    format!("{}{position}", quote_within(problem, MESSAGE_BYTES / 2))
}

/// Reads and validates a design file (its milestones are validated and left out).
pub fn from_json(text: &str) -> Result<Design, FormatError> {
    read_file(text).map(|(design, _)| design)
}

/// Reads and validates a design file and its milestones, in the file's order.
pub fn read_file(text: &str) -> Result<(Design, Vec<Milestone>), FormatError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge(text.len()));
    }
    let file: FileIn = serde_json::from_str(text)
        .map_err(|error| FormatError::Syntax(json_error_message(&error)))?;
    match file.archplay {
        None => return Err(FormatError::NotADesign),
        Some(version) if version > FORMAT_VERSION => {
            return Err(FormatError::NewerVersion(version))
        }
        Some(_) => {}
    }
    let mut file = file;
    let milestones = std::mem::take(&mut file.milestones);
    let design = file.into_design();
    validate(&design).map_err(FormatError::Invalid)?;
    let milestones = milestones
        .into_iter()
        .enumerate()
        .map(|(index, milestone)| {
            let position = index + 1;
            let name = milestone.name.trim().to_string();
            if name.is_empty() {
                return Err(FormatError::UnnamedMilestone { position });
            }
            let design = milestone.design.into_design();
            validate(&design).map_err(|error| FormatError::InvalidMilestone {
                position,
                name: name.clone(),
                error,
            })?;
            Ok(Milestone { name, design })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((design, milestones))
}
