//! Why a share link could not be opened.
//!
//! What must stay true: every variant's message is one lower-case sentence
//! that names the problem, so the UI can show it as it is; text that came
//! from the link is escaped and cut ([`quote`]), so a message is one short
//! line whatever the link holds. This module reads
//! only the link's limits from `share/mod.rs`, never the envelope or the
//! layout that raise its errors, so they depend on it and not the reverse.

use super::bytes::WireError;
use super::{LINK_VERSION, MAX_COMPRESSED_BYTES, MAX_INFLATED_BYTES, MAX_LINK_CHARS};
use crate::engine::model::validate::ValidationError;
use crate::engine::quote::{quote_within, MESSAGE_BYTES};
use std::fmt;

/// Everything that can be wrong with a share link, from the outside in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing was given, or a URL with nothing after its `#`.
    Empty,
    /// The text does not start with a version like `v1.`.
    MissingVersion,
    /// The version is not a number this build has ever written; holds the
    /// prefix as given, escaped and cut.
    UnknownVersion(String),
    /// The link was made by a newer Archplay than this one.
    NewerVersion(u32),
    /// The link is longer than any this build accepts.
    TooLong {
        /// Characters after the version prefix.
        characters: usize,
    },
    /// A character that a link never contains.
    BadCharacter {
        /// The offending character.
        character: char,
        /// Its position in the text given, counting from 1.
        position: usize,
    },
    /// The data stops early: the link was cut off when copied.
    Truncated,
    /// The data does not unpack: the link was changed after it was made.
    Corrupt,
    /// The data would unpack to more than [`MAX_INFLATED_BYTES`].
    TooLarge,
    /// The data unpacks but does not describe a design; the message says where.
    Malformed(String),
    /// The design breaks the rules every design must follow.
    Invalid(ValidationError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(f, "the link is empty"),
            LinkError::MissingVersion => {
                write!(f, "the link has no version prefix: an Archplay link starts with `v{LINK_VERSION}.`")
            }
            LinkError::UnknownVersion(version) => write!(f, "the link version `{version}` is not one Archplay knows"),
            LinkError::NewerVersion(version) => write!(
                f,
                "the link is version {version}, made by a newer Archplay than this one (which reads up to version {LINK_VERSION}); update Archplay to open it"
            ),
            LinkError::TooLong { characters } => write!(
                f,
                "the link is too long: {characters} characters of data, more than the {} a link may hold",
                MAX_LINK_CHARS
            ),
            LinkError::BadCharacter { character, position } => {
                write!(f, "the link has a character that cannot be in a link: {} at position {position}", describe(*character))
            }
            LinkError::Truncated => write!(f, "the link is truncated: it was probably cut off when it was copied"),
            LinkError::Corrupt => write!(f, "the link's data is corrupt: it was probably changed after it was made"),
            LinkError::TooLarge => write!(
                f,
                "the link's data unpacks to more than {} KiB, more than any design needs (at most {} KiB packed)",
                MAX_INFLATED_BYTES / 1024,
                MAX_COMPRESSED_BYTES / 1024
            ),
            LinkError::Malformed(problem) => {
                write!(f, "the link's data is malformed: {}", quote_within(problem, MESSAGE_BYTES))
            }
            LinkError::Invalid(error) => write!(
                f,
                "the link holds a design that is not valid: {}",
                quote_within(&error.to_string(), MESSAGE_BYTES)
            ),
        }
    }
}

impl std::error::Error for LinkError {}

impl From<WireError> for LinkError {
    fn from(error: WireError) -> LinkError {
        LinkError::Malformed(error.0)
    }
}

/// A character as a person can read it back, even a space or a control character.
fn describe(character: char) -> String {
    match character {
        ' ' => "a space".to_string(),
        '\n' | '\r' => "a line break".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}
