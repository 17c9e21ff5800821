//! The outside of a link: `v<version>.<base64url(zlib(payload))>`, and
//! finding that fragment in whatever a person pasted.
//!
//! What must stay true: opening never panics, never reads more than
//! [`MAX_LINK_CHARS`] characters (64 KiB packed), and never unpacks more
//! than [`MAX_INFLATED_BYTES`], whatever the text (a deflate bomb stops at
//! the cap).
//! The zlib checksum is verified, and every input byte must belong to the
//! stream, so a link changed after it was made is refused rather than opened
//! as some other design.

use super::error::LinkError;
use super::{MAX_INFLATED_BYTES, MAX_LINK_CHARS};
use crate::engine::quote::quote;
use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Deflate effort; links are made rarely and read often, so the best.
const COMPRESSION_LEVEL: u8 = 10;

/// The version prefix and packed data of a link, as found in the text given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope<'a> {
    /// The number after `v`.
    pub version: u32,
    /// The base64 characters after the `.`.
    pub data: &'a str,
    /// Byte offset of `data` within the text given, for error positions.
    pub data_offset: usize,
}

/// Packs `payload` as a link fragment of `version` (no leading `#`).
pub fn seal(version: u32, payload: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload, COMPRESSION_LEVEL);
    format!("v{version}.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The fragment in `text`: everything after the first `#` of a URL, or the
/// whole text, without surrounding whitespace.
pub fn fragment(text: &str) -> &str {
    let after_hash = text.split_once('#').map_or(text, |(_, fragment)| fragment);
    after_hash.trim()
}

/// Splits `text` into its version and data, without looking at the data.
pub fn split(text: &str) -> Result<Envelope<'_>, LinkError> {
    let fragment = fragment(text);
    if fragment.is_empty() {
        return Err(LinkError::Empty);
    }
    let Some((prefix, data)) = fragment.split_once('.') else {
        return Err(LinkError::MissingVersion);
    };
    let Some(number) = prefix.strip_prefix('v') else {
        return Err(LinkError::MissingVersion);
    };
    let version = match number.parse::<u32>() {
        Ok(version) if number.bytes().all(|b| b.is_ascii_digit()) && !number.starts_with('0') => {
            version
        }
        _ => return Err(LinkError::UnknownVersion(quote(prefix))),
    };
    let data_offset = data.as_ptr() as usize - text.as_ptr() as usize;
    Ok(Envelope {
        version,
        data,
        data_offset,
    })
}

/// Unpacks the data of `envelope` into the payload bytes. `text` is the text
/// the envelope was split from, for the position of a bad character.
pub fn open(envelope: &Envelope<'_>, text: &str) -> Result<Vec<u8>, LinkError> {
    let data = envelope.data;
    if data.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong {
            characters: data.chars().count(),
        });
    }
    if let Some((index, character)) = data
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        let byte_offset = envelope.data_offset + index;
        let position = text
            .get(..byte_offset)
            .map_or(index, |before| before.chars().count())
            + 1;
        return Err(LinkError::BadCharacter {
            character,
            position,
        });
    }
    if data.is_empty() {
        return Err(LinkError::Truncated);
    }
    match URL_SAFE_NO_PAD.decode(data) {
        Ok(packed) => inflate_capped(&packed),
        // One character too many for base64: cut off, or something appended.
        Err(base64::DecodeError::InvalidLength(_)) => {
            let shorter = &data[..data.len() - 1];
            let packed = LENIENT.decode(shorter).map_err(|_| LinkError::Truncated)?;
            inflate_capped(&packed).and(Err(LinkError::Corrupt))
        }
        // The last character carries bits no encoder sets: either the link was
        // cut off mid-character, or it was edited. The stream tells which.
        Err(base64::DecodeError::InvalidLastSymbol(..)) => {
            let packed = LENIENT.decode(data).map_err(|_| LinkError::Corrupt)?;
            inflate_capped(&packed).and(Err(LinkError::Corrupt))
        }
        Err(_) => Err(LinkError::Corrupt),
    }
}

/// URL-safe base64 that ignores the unused bits of the last character, only
/// to tell a cut-off link from an edited one.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

/// Inflates a zlib stream into at most [`MAX_INFLATED_BYTES`], growing the
/// output as it goes so a small stream never allocates the whole cap.
///
/// The output doubles through powers of two with exact reservations, so the
/// most ever held at once is the cap plus the half-cap it grew from. (A plain
/// `Vec::resize` would round the capacity up to twice the old one, and
/// `miniz_oxide`'s own `decompress_to_vec_with_limit` peaks near three times
/// the cap for that reason.)
fn inflate_capped(mut input: &[u8]) -> Result<Vec<u8>, LinkError> {
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let first = input
        .len()
        .saturating_mul(4)
        .clamp(64, MAX_INFLATED_BYTES)
        .next_power_of_two()
        .min(MAX_INFLATED_BYTES);
    let mut output = vec![0u8; first];
    let mut decompressor = Box::<DecompressorOxide>::default();
    let mut written = 0;
    loop {
        let (status, consumed, produced) =
            decompress(&mut decompressor, input, &mut output, written, flags);
        written += produced;
        input = input.get(consumed..).unwrap_or_default();
        match status {
            TINFLStatus::Done if input.is_empty() => {
                output.truncate(written);
                return Ok(output);
            }
            // Bytes after the end of the stream: the link was extended or spliced.
            TINFLStatus::Done => return Err(LinkError::Corrupt),
            TINFLStatus::HasMoreOutput if output.len() >= MAX_INFLATED_BYTES => {
                return Err(LinkError::TooLarge)
            }
            TINFLStatus::HasMoreOutput => {
                let grown = output.len().saturating_mul(2).min(MAX_INFLATED_BYTES);
                output.reserve_exact(grown - output.len());
                output.resize(grown, 0);
            }
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                return Err(LinkError::Truncated)
            }
            _ => return Err(LinkError::Corrupt),
        }
    }
}
