//! A snapshot: a whole design as short text, for the page's own use. The page
//! autosaves snapshots and hands them to its worker, so the main bundle
//! carries only this reader and writer, while compression, every link version
//! and the design file's JSON live in the worker (`src/worker.rs`).
//!
//! The format is `s2.` and URL-safe base64 of the design's name and then
//! every slot of the share link's frozen slot lists (`share/layout.rs`), in
//! their order, each value read and written through the attribute table:
//! numbers as their eight bytes, whole numbers, choice codes and lengths as
//! LEB128 varints, flags as one byte, strings as length and UTF-8. The choice
//! codes are the link's (`share/codes.rs`). Unlike a link it keeps no
//! defaults and no presence masks: every slot is written, so the same slot
//! line that carries an attribute in links carries it here.
//!
//! What must stay true:
//! - `decode_snapshot(&encode_snapshot(design))` is `design`, for every valid design.
//! - Decoding never panics, reads at most [`MAX_INFLATED_BYTES`] of payload,
//!   and returns only designs that pass [`validate`].
//! - Each section starts with its slot count, so a slot appended to a
//!   section in `layout.rs` needs nothing here: a snapshot from before it
//!   reads it as its frozen default. Any other change of the layout takes a
//!   new prefix, and the reader keeps reading the older ones (autosaves of
//!   older builds): `s1.` (`read_s1.rs`), written before the error budget
//!   joined the targets and the cache hit ratio left the components, grouped
//!   its values by type.

mod read;
mod read_s1;
mod write;

use super::MAX_INFLATED_BYTES;
use crate::engine::model::validate::{validate, ValidationError};
use crate::engine::model::Design;
use crate::engine::quote::{quote_within, MESSAGE_BYTES};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use read::Reader;
use std::fmt;
use write::Writer;

/// What every snapshot this build writes starts with.
pub const SNAPSHOT_PREFIX: &str = "s2.";
/// The prefix of snapshots written before the error budget joined the
/// targets and the cache hit ratio left the components; still read.
pub const OLDER_SNAPSHOT_PREFIX: &str = "s1.";

/// Why a snapshot could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The text does not start with [`SNAPSHOT_PREFIX`].
    NotASnapshot,
    /// The text is longer than any snapshot this build writes.
    TooLarge,
    /// The base64 after the prefix is damaged.
    Damaged,
    /// The bytes stop early, run on, or hold a value no design has; says what was being read.
    Malformed(&'static str),
    /// The design breaks the rules every design must follow.
    Invalid(ValidationError),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotASnapshot => write!(
                f,
                "the text is not an Archplay snapshot (it does not start with `{SNAPSHOT_PREFIX}`)"
            ),
            SnapshotError::TooLarge => {
                write!(f, "the snapshot is larger than any design Archplay writes")
            }
            SnapshotError::Damaged => write!(f, "the snapshot's text is damaged"),
            SnapshotError::Malformed(what) => {
                write!(f, "the snapshot does not describe a design (at {what})")
            }
            SnapshotError::Invalid(error) => {
                write!(f, "{}", quote_within(&error.to_string(), MESSAGE_BYTES))
            }
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Whether `text` looks like a snapshot (rather than a design file or a link).
pub fn is_snapshot(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with(SNAPSHOT_PREFIX) || text.starts_with(OLDER_SNAPSHOT_PREFIX)
}

/// The snapshot of `design`.
pub fn encode_snapshot(design: &Design) -> String {
    let mut out = Writer(Vec::with_capacity(256 + 160 * design.components.len()));
    out.design(design);
    format!("{SNAPSHOT_PREFIX}{}", URL_SAFE_NO_PAD.encode(out.0))
}

/// Reads a snapshot back into a valid design.
pub fn decode_snapshot(text: &str) -> Result<Design, SnapshotError> {
    let text = text.trim();
    let (older, data) = match text.strip_prefix(SNAPSHOT_PREFIX) {
        Some(data) => (false, data),
        None => (
            true,
            text.strip_prefix(OLDER_SNAPSHOT_PREFIX)
                .ok_or(SnapshotError::NotASnapshot)?,
        ),
    };
    if data.len() > MAX_INFLATED_BYTES.div_ceil(3) * 4 {
        return Err(SnapshotError::TooLarge);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| SnapshotError::Damaged)?;
    let mut reader = Reader {
        bytes: &bytes,
        at: 0,
    };
    let design = if older {
        reader.design_s1()
    } else {
        reader.design()
    };
    let design = design.map_err(SnapshotError::Malformed)?;
    if reader.at != bytes.len() {
        return Err(SnapshotError::Malformed("the end: bytes follow the design"));
    }
    validate(&design).map_err(SnapshotError::Invalid)?;
    Ok(design)
}
