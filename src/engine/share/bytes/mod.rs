//! The primitives every wire version is written in: LEB128 varints, zig-zag
//! signed numbers, length-prefixed UTF-8 strings, lossless compact numbers, and
//! presence masks for fields that are left out when they hold their default.
//!
//! This file holds the errors, numbers and strings ([`ByteWriter`],
//! [`ByteReader`]); `presence` holds the presence masks ([`FieldsWriter`],
//! [`FieldsReader`]).
//!
//! What must stay true: these encodings are part of every frozen wire format,
//! so they never change; a reader never panics and never allocates more than
//! the bytes in front of it justify.

use std::fmt;

mod presence;

pub use presence::{FieldsReader, FieldsWriter};

/// Why a payload could not be read; the message names the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError(pub String);

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for WireError {}

/// Powers of ten a compact number may be scaled by, indexed by its scale tag.
const SCALES: [f64; 4] = [1.0, 10.0, 100.0, 1000.0];
/// The tag of a number written as its raw eight IEEE-754 bytes.
const RAW_NUMBER_TAG: u64 = 4;
/// Largest scaled magnitude written compactly, so the tagged varint cannot overflow.
const MAX_COMPACT: f64 = (1u64 << 50) as f64;

fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

fn unzigzag(value: u64) -> i64 {
    ((value >> 1) as i64) ^ -((value & 1) as i64)
}

/// Appends primitives to a growing payload.
#[derive(Clone, Debug, Default)]
pub struct ByteWriter {
    bytes: Vec<u8>,
}

impl ByteWriter {
    /// An empty payload.
    pub fn new() -> ByteWriter {
        ByteWriter::default()
    }

    /// The bytes written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// An unsigned LEB128 varint: seven bits per byte, low bits first.
    pub fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    /// A signed number as a zig-zag varint, so small negatives stay short.
    pub fn signed(&mut self, value: i64) {
        self.varint(zigzag(value));
    }

    /// A string as its byte length and its UTF-8 bytes.
    pub fn string(&mut self, value: &str) {
        self.varint(value.len() as u64);
        self.bytes.extend_from_slice(value.as_bytes());
    }

    /// A number, losslessly: `k / 10^s` for the smallest scale `s` in 0..=3
    /// that gives back exactly the same bits, else the raw eight bytes.
    pub fn number(&mut self, value: f64) {
        for (tag, scale) in SCALES.iter().enumerate() {
            let scaled = (value * scale).round();
            if scaled.is_nan() || scaled.abs() > MAX_COMPACT {
                continue;
            }
            let whole = scaled as i64;
            if ((whole as f64) / scale).to_bits() == value.to_bits() {
                self.varint((zigzag(whole) << 3) | tag as u64);
                return;
            }
        }
        self.varint(RAW_NUMBER_TAG);
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// A canvas coordinate as a whole-number step from `previous` when that is
    /// exact (the usual case), else the raw eight bytes.
    pub fn coordinate(&mut self, value: f64, previous: f64) {
        let step = value - previous;
        if step.fract() == 0.0
            && step.abs() <= MAX_COMPACT
            && (previous + (step as i64) as f64).to_bits() == value.to_bits()
        {
            self.varint(zigzag(step as i64) << 1);
        } else {
            self.varint(1);
            self.bytes.extend_from_slice(&value.to_le_bytes());
        }
    }

    /// Raw bytes, already encoded by a [`FieldsWriter`].
    pub fn extend(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }
}

/// Reads primitives from a payload, front to back.
#[derive(Clone, Debug)]
pub struct ByteReader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> ByteReader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> ByteReader<'a> {
        ByteReader { bytes, offset: 0 }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.offset
    }

    /// Fails unless every byte has been read.
    pub fn finish(&self) -> Result<(), WireError> {
        match self.remaining() {
            0 => Ok(()),
            extra => Err(WireError(format!(
                "{extra} unexpected bytes after the design"
            ))),
        }
    }

    fn byte(&mut self, what: &str) -> Result<u8, WireError> {
        let byte = *self
            .bytes
            .get(self.offset)
            .ok_or_else(|| WireError(format!("the data ends in the middle of {what}")))?;
        self.offset += 1;
        Ok(byte)
    }

    /// An unsigned LEB128 varint of at most ten bytes.
    pub fn varint(&mut self, what: &str) -> Result<u64, WireError> {
        let mut value: u64 = 0;
        for index in 0..10 {
            let byte = self.byte(what)?;
            let bits = u64::from(byte & 0x7f);
            if index == 9 && bits > 1 {
                break;
            }
            value |= bits << (7 * index);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(WireError(format!(
            "{what} is a number too large to be real"
        )))
    }

    /// A varint that must fit in 32 bits.
    pub fn u32(&mut self, what: &str) -> Result<u32, WireError> {
        let value = self.varint(what)?;
        u32::try_from(value)
            .map_err(|_| WireError(format!("{what} ({value}) is larger than {}", u32::MAX)))
    }

    /// A zig-zag signed varint.
    pub fn signed(&mut self, what: &str) -> Result<i64, WireError> {
        self.varint(what).map(unzigzag)
    }

    /// A count of items that each take at least one byte, so a forged count
    /// cannot make the reader allocate more than the payload justifies.
    pub fn count(&mut self, what: &str, most: usize) -> Result<usize, WireError> {
        let count = self.varint(what)?;
        if count > most as u64 {
            return Err(WireError(format!(
                "{count} {what} is more than the {most} allowed"
            )));
        }
        if count > self.remaining() as u64 {
            return Err(WireError(format!(
                "the data ends before its {count} {what}"
            )));
        }
        Ok(count as usize)
    }

    /// A length-prefixed UTF-8 string.
    pub fn string(&mut self, what: &str) -> Result<String, WireError> {
        let length = self.varint(what)?;
        if length > self.remaining() as u64 {
            return Err(WireError(format!("the data ends in the middle of {what}")));
        }
        let end = self.offset + length as usize;
        let text = std::str::from_utf8(&self.bytes[self.offset..end])
            .map_err(|_| WireError(format!("{what} is not valid UTF-8 text")))?;
        self.offset = end;
        Ok(text.to_string())
    }

    fn raw_f64(&mut self, what: &str) -> Result<f64, WireError> {
        if self.remaining() < 8 {
            return Err(WireError(format!("the data ends in the middle of {what}")));
        }
        let mut raw = [0u8; 8];
        raw.copy_from_slice(&self.bytes[self.offset..self.offset + 8]);
        self.offset += 8;
        // No design holds an infinity or a NaN (validation refuses them where
        // they matter, and the design file cannot write them anywhere).
        Some(f64::from_le_bytes(raw))
            .filter(|value| value.is_finite())
            .ok_or_else(|| WireError(format!("{what} is not a finite number")))
    }

    /// A number written by [`ByteWriter::number`].
    pub fn number(&mut self, what: &str) -> Result<f64, WireError> {
        let head = self.varint(what)?;
        let tag = head & 7;
        if head == RAW_NUMBER_TAG {
            return self.raw_f64(what);
        }
        let scale = SCALES
            .get(tag as usize)
            .ok_or_else(|| WireError(format!("{what} has an unknown number tag {tag}")))?;
        Ok((unzigzag(head >> 3) as f64) / scale)
    }

    /// A coordinate written by [`ByteWriter::coordinate`].
    pub fn coordinate(&mut self, previous: f64, what: &str) -> Result<f64, WireError> {
        let head = self.varint(what)?;
        match head {
            1 => self.raw_f64(what),
            _ if head & 1 == 0 => Ok(previous + unzigzag(head >> 1) as f64),
            _ => Err(WireError(format!("{what} has an unknown coordinate tag"))),
        }
    }
}
