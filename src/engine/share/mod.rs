//! Share links: a whole design in the fragment of a URL, so that a link is the
//! design and nothing is stored anywhere.
//!
//! A link fragment is `v2.` followed by URL-safe base64 (no padding) of the
//! zlib-compressed payload, in the one frozen layout of `wire.rs` (read and
//! written by `codec.rs`; `docs/share-links.md` draws the bytes), whose
//! sections are the frozen slot lists of `layout.rs`. Decoding is two steps,
//! as for the design file: read the frozen wire struct, then convert it into
//! the model (`convert.rs`, through the attribute table, every slot a link
//! leaves out at its frozen default) and [`validate`] it.
//!
//! Links of the first writer (`v1.`) have the same layout with a shorter
//! simulation section, so the same reader reads them: the fields that writer
//! did not know yet take their frozen defaults, which mean what its links
//! meant. Nothing was released before the layout settled, so there is one
//! layout and no migrations.
//!
//! What must stay true:
//! - Old links decode forever: the layout is never changed except by a new
//!   last field of a section whose default means what older links meant (the
//!   golden links in `tests/fixtures/links/` fail otherwise). Only a change an
//!   older reader could not cope with takes a new [`LINK_VERSION`], with a
//!   reader of its own beside this one.
//! - `decode_link(&encode_link(design))` is `design`, for every valid design.
//! - Decoding never panics and is bounded: at most [`MAX_COMPRESSED_BYTES`]
//!   packed and [`MAX_INFLATED_BYTES`] unpacked, whatever the text.

mod bytes;
pub mod challenge;
mod codec;
mod codec_fields;
mod codes;
mod convert;
mod defaults;
pub mod design_file;
pub mod envelope;
mod error;
pub mod layout;
pub mod milestones;
mod slot_access;
mod snapshot;
pub mod wire;

pub use bytes::WireError;
pub use error::LinkError;
pub use snapshot::{
    decode_snapshot, encode_snapshot, is_snapshot, SnapshotError, OLDER_SNAPSHOT_PREFIX,
    SNAPSHOT_PREFIX,
};

use super::model::Design;
use crate::engine::model::validate::validate;
use wire::WireDesign;

/// The version this build writes, and the newest it reads. Every version from
/// 1 up to this one is read by the one layout of `wire.rs`.
pub const LINK_VERSION: u32 = 2;
/// Most packed (compressed) bytes a link may carry: 64 KiB.
pub const MAX_COMPRESSED_BYTES: usize = 64 * 1024;
/// Most bytes a link's data may unpack to: 1 MiB.
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;
/// Most characters of data after the version prefix: the base64 length of
/// [`MAX_COMPRESSED_BYTES`].
pub const MAX_LINK_CHARS: usize = MAX_COMPRESSED_BYTES.div_ceil(3) * 4;

/// The URL fragment (without `#`) that carries `design`, e.g. `v2.eNpj...`.
pub fn encode_link(design: &Design) -> String {
    envelope::seal(LINK_VERSION, &encode_payload(design))
}

/// The uncompressed payload for `design`.
pub fn encode_payload(design: &Design) -> Vec<u8> {
    convert::from_model(design).to_bytes()
}

/// Reads a link: a bare fragment, a fragment with its `#`, or a whole URL.
/// Returns the design only when it passes [`validate`].
pub fn decode_link(text: &str) -> Result<Design, LinkError> {
    let envelope = envelope::split(text)?;
    check_version(envelope.version)?;
    let payload = envelope::open(&envelope, text)?;
    decode_payload(envelope.version, &payload)
}

/// Refuses versions this build cannot read, before looking at the data.
fn check_version(version: u32) -> Result<(), LinkError> {
    match version {
        0 => Err(LinkError::UnknownVersion("v0".to_string())),
        version if version > LINK_VERSION => Err(LinkError::NewerVersion(version)),
        _ => Ok(()),
    }
}

/// Reads an unpacked payload of `version` into a valid design.
pub fn decode_payload(version: u32, payload: &[u8]) -> Result<Design, LinkError> {
    check_version(version)?;
    let wire = WireDesign::from_bytes(payload)?;
    let design = convert::into_model(wire)?;
    validate(&design).map_err(LinkError::Invalid)?;
    Ok(design)
}
