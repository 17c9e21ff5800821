//! Share links: a whole design in the fragment of a URL, so that a link is the
//! design and nothing is stored anywhere.
//!
//! A link fragment is `v2.` followed by URL-safe base64 (no padding) of the
//! zlib-compressed version 2 payload (`wire_v2.rs` and `codec_v2.rs`, which
//! reuse version 1's sections for everything but the simulation settings;
//! `docs/share-links.md` draws the bytes). Version 1 links (`v1.`) still
//! open. Decoding is two steps, as for the design file: read the frozen wire
//! struct of the link's version, migrate it forward to the newest, then
//! convert that into the model and [`validate`] it.
//!
//! What must stay true:
//! - Old links decode forever: a wire version, once released, is never
//!   changed (the golden links in `tests/fixtures/links/` fail if it is).
//!   A new version adds `wire_vN.rs`, `codec_vN.rs`, `defaults_vN.rs` and
//!   `convert_vN.rs`, and older versions are migrated forward one step at a
//!   time in `upgrade`.
//! - `decode_link(&encode_link(design))` is `design`, for every valid design.
//! - Decoding never panics and is bounded: at most [`MAX_COMPRESSED_BYTES`]
//!   packed and [`MAX_INFLATED_BYTES`] unpacked, whatever the text.

mod bytes;
mod codec_v1;
mod codec_v2;
mod convert_v1;
mod convert_v2;
mod defaults_v1;
mod defaults_v2;
pub mod design_file;
pub mod envelope;
mod error;
mod snapshot;
pub mod wire_v1;
pub mod wire_v2;

pub use bytes::WireError;
pub use error::LinkError;
pub use snapshot::{decode_snapshot, encode_snapshot, is_snapshot, SnapshotError, SNAPSHOT_PREFIX};

use super::model::Design;
use crate::engine::model::validate::validate;
use wire_v1::WireDesignV1;
use wire_v2::WireDesignV2;

/// The version this build writes, and the newest it reads.
pub const LINK_VERSION: u32 = 2;
/// Most packed (compressed) bytes a link may carry: 64 KiB.
pub const MAX_COMPRESSED_BYTES: usize = 64 * 1024;
/// Most bytes a link's data may unpack to: 1 MiB.
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;

/// A link's wire struct, of whichever version the link was made with.
// One lives briefly during a decode, so boxing the larger version buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum VersionedWire {
    /// Version 1: everything but the simulation settings beyond seed, duration and arrival.
    V1(WireDesignV1),
    /// Version 2: version 1 plus every simulation setting.
    V2(WireDesignV2),
}

/// The URL fragment (without `#`) that carries `design`, e.g. `v2.eNpj...`.
pub fn encode_link(design: &Design) -> String {
    envelope::seal(LINK_VERSION, &encode_payload(design))
}

/// The uncompressed payload of the current version for `design`.
pub fn encode_payload(design: &Design) -> Vec<u8> {
    convert_v2::from_model(design).to_bytes()
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
    let wire = parse_wire(version, payload)?;
    let design = upgrade(wire)?;
    validate(&design).map_err(LinkError::Invalid)?;
    Ok(design)
}

/// Step one: the bytes into the frozen struct of their version.
pub fn parse_wire(version: u32, payload: &[u8]) -> Result<VersionedWire, LinkError> {
    match version {
        1 => Ok(VersionedWire::V1(WireDesignV1::from_bytes(payload)?)),
        2 => Ok(VersionedWire::V2(WireDesignV2::from_bytes(payload)?)),
        other => Err(LinkError::UnknownVersion(format!("v{other}"))),
    }
}

/// Step two: migrate an older wire struct forward one version at a time
/// until it is the newest, then convert that into the model. Each migration
/// is one small, tested step between two frozen structs, and only the newest
/// struct is converted into the model. A version 3 would add
/// `V2(wire) => upgrade(VersionedWire::V3(migrate_v2_to_v3(wire)?))`.
fn upgrade(wire: VersionedWire) -> Result<Design, LinkError> {
    match wire {
        VersionedWire::V1(wire) => upgrade(VersionedWire::V2(convert_v2::migrate_v1_to_v2(wire)?)),
        VersionedWire::V2(wire) => Ok(convert_v2::into_model(wire)?),
    }
}
