//! The design file: the JSON the command-line tool reads and the UI exports.
//!
//! ```json
//! { "archplay": 1, "name": "shop", "components": [...], "connections": [...],
//!   "workload": {...}, "team": {...}, "targets": {...} }
//! ```
//!
//! What must stay true: reading is two steps, parse then [`validate`], and a
//! file that fails either step yields an error naming the problem, never a
//! partly loaded design. Files from a newer format version are refused by name.
//! A message repeats what the file holds only escaped and cut ([`quote_within`]),
//! so it is one short line whatever the file holds.
//! `docs/design-file.md` documents every field.

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
    archplay: u32,
    name: &'a str,
    components: &'a [crate::engine::model::Component],
    connections: &'a [crate::engine::model::Connection],
    workload: &'a crate::engine::model::Workload,
    team: &'a crate::engine::model::TeamInputs,
    targets: &'a crate::engine::model::Targets,
    simulation: &'a crate::engine::model::SimulationSettings,
    prices: &'a crate::engine::model::Prices,
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
            archplay: FORMAT_VERSION,
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
        }
    }
}

impl FileIn {
    fn into_design(self) -> Design {
        let FileIn {
            archplay: _,
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
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooLarge(bytes) => write!(f, "the file is {bytes} bytes; design files are at most {MAX_FILE_BYTES} bytes"),
            FormatError::Syntax(message) => write!(f, "not a valid design file: {message}"),
            FormatError::NotADesign => write!(f, "not an Archplay design file (no \"archplay\" version field)"),
            FormatError::NewerVersion(v) => write!(f, "the file uses format version {v}, newer than this app's {FORMAT_VERSION}; update Archplay to open it"),
            FormatError::Invalid(error) => write!(
                f,
                "the design is not valid: {}",
                quote_within(&error.to_string(), MESSAGE_BYTES)
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// Writes `design` as a pretty-printed design file.
pub fn to_json(design: &Design) -> String {
    serde_json::to_string_pretty(&FileOut::new(design))
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

/// Reads and validates a design file.
pub fn from_json(text: &str) -> Result<Design, FormatError> {
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
    let design = file.into_design();
    validate(&design).map_err(FormatError::Invalid)?;
    Ok(design)
}
