//! A snapshot: a whole design as short text, for the page's own use. It is
//! the current link version's payload (`wire_v2.rs`) in URL-safe base64
//! behind `s2.`, without the link's compression. The page autosaves
//! snapshots and hands them to its worker, so that the main bundle carries
//! only this reader and writer: compression, the older link versions and the
//! design file's JSON live in the worker (`src/worker.rs`).
//!
//! What must stay true:
//! - `decode_snapshot(&encode_snapshot(design))` is `design`, for every valid design.
//! - Decoding never panics, reads at most [`MAX_INFLATED_BYTES`] of payload,
//!   and returns only designs that pass [`validate`].
//! - The payload is exactly a version 2 link's before compression, so a
//!   snapshot and a link of the same design describe it field for field.

use super::bytes::WireError;
use super::convert_v2;
use super::wire_v2::WireDesignV2;
use super::{encode_payload, LINK_VERSION, MAX_INFLATED_BYTES};
use crate::engine::model::Design;
use crate::engine::validate::{validate, ValidationError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;

/// What every snapshot this build writes starts with.
pub const SNAPSHOT_PREFIX: &str = "s2.";

/// Why a snapshot could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The text does not start with [`SNAPSHOT_PREFIX`].
    NotASnapshot,
    /// The text is longer than any snapshot this build writes.
    TooLarge,
    /// The base64 after the prefix is damaged.
    Damaged,
    /// The bytes do not describe a design; the message says where.
    Malformed(WireError),
    /// The design breaks the rules every design must follow.
    Invalid(ValidationError),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotASnapshot => write!(f, "the text is not an Archplay snapshot (it does not start with `{SNAPSHOT_PREFIX}`)"),
            SnapshotError::TooLarge => write!(f, "the snapshot is larger than any design Archplay writes"),
            SnapshotError::Damaged => write!(f, "the snapshot's text is damaged"),
            SnapshotError::Malformed(error) => write!(f, "the snapshot does not describe a design: {error}"),
            SnapshotError::Invalid(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// The snapshot of `design`.
pub fn encode_snapshot(design: &Design) -> String {
    debug_assert_eq!(SNAPSHOT_PREFIX, format!("s{LINK_VERSION}."));
    format!("{SNAPSHOT_PREFIX}{}", URL_SAFE_NO_PAD.encode(encode_payload(design)))
}

/// Whether `text` looks like a snapshot (rather than a design file or a link).
pub fn is_snapshot(text: &str) -> bool {
    text.trim_start().starts_with(SNAPSHOT_PREFIX)
}

/// Reads a snapshot back into a valid design.
pub fn decode_snapshot(text: &str) -> Result<Design, SnapshotError> {
    let data = text.trim().strip_prefix(SNAPSHOT_PREFIX).ok_or(SnapshotError::NotASnapshot)?;
    if data.len() > MAX_INFLATED_BYTES.div_ceil(3) * 4 {
        return Err(SnapshotError::TooLarge);
    }
    let payload = URL_SAFE_NO_PAD.decode(data).map_err(|_| SnapshotError::Damaged)?;
    let wire = WireDesignV2::from_bytes(&payload).map_err(SnapshotError::Malformed)?;
    let design = convert_v2::into_model(wire).map_err(SnapshotError::Malformed)?;
    validate(&design).map_err(SnapshotError::Invalid)?;
    Ok(design)
}
