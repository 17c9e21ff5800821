//! Presence masks: a run of optional fields written as one mask (field `n`
//! is bit `n`) followed by the values that are present, in field order, so a
//! field that holds its default costs one bit.
//!
//! What must stay true: the mask and the field order are part of every
//! frozen wire format that uses them, so they never change; a reader refuses
//! a mask with bits past the fields it knows, naming the problem, and never
//! panics.

use super::{ByteReader, ByteWriter, WireError};

/// Writes a run of optional fields as a presence mask followed by the values
/// that are present, in field order. Field `n` is bit `n` of the mask.
#[derive(Debug, Default)]
pub struct FieldsWriter {
    mask: u64,
    next_bit: u32,
    body: ByteWriter,
}

impl FieldsWriter {
    /// No fields yet.
    pub fn new() -> FieldsWriter {
        FieldsWriter::default()
    }

    fn present(&mut self, present: bool) -> bool {
        if present {
            self.mask |= 1 << self.next_bit;
        }
        self.next_bit += 1;
        present
    }

    /// An optional number.
    pub fn number(&mut self, value: Option<f64>) {
        if self.present(value.is_some()) {
            self.body.number(value.unwrap_or_default());
        }
    }

    /// An optional unsigned whole number.
    pub fn varint(&mut self, value: Option<u64>) {
        if self.present(value.is_some()) {
            self.body.varint(value.unwrap_or_default());
        }
    }

    /// An optional string.
    pub fn string(&mut self, value: Option<&str>) {
        if self.present(value.is_some()) {
            self.body.string(value.unwrap_or_default());
        }
    }

    /// A flag that costs no bytes: the bit alone says it is set.
    pub fn flag(&mut self, set: bool) {
        self.present(set);
    }

    /// An optional value written by `write` when present.
    pub fn custom<T>(&mut self, value: Option<&T>, write: impl FnOnce(&mut ByteWriter, &T)) {
        if let Some(value) = value {
            self.present(true);
            write(&mut self.body, value);
        } else {
            self.present(false);
        }
    }

    /// Writes the mask and then the present values.
    pub fn finish(self, writer: &mut ByteWriter) {
        writer.varint(self.mask);
        writer.extend(&self.body.into_bytes());
    }
}

/// Reads what a [`FieldsWriter`] wrote, field by field in the same order.
pub struct FieldsReader<'r, 'a> {
    mask: u64,
    next_bit: u32,
    reader: &'r mut ByteReader<'a>,
    what: &'static str,
}

impl<'r, 'a> FieldsReader<'r, 'a> {
    /// Reads the presence mask of `what` (e.g. "a component").
    pub fn new(
        reader: &'r mut ByteReader<'a>,
        what: &'static str,
    ) -> Result<FieldsReader<'r, 'a>, WireError> {
        let mask = reader.varint(what)?;
        Ok(FieldsReader {
            mask,
            next_bit: 0,
            reader,
            what,
        })
    }

    fn present(&mut self) -> bool {
        let present = self.next_bit < 64 && self.mask & (1 << self.next_bit) != 0;
        self.next_bit += 1;
        present
    }

    /// An optional number.
    pub fn number(&mut self, field: &str) -> Result<Option<f64>, WireError> {
        if self.present() {
            self.reader.number(field).map(Some)
        } else {
            Ok(None)
        }
    }

    /// An optional whole number that must fit in 32 bits.
    pub fn u32(&mut self, field: &str) -> Result<Option<u32>, WireError> {
        if self.present() {
            self.reader.u32(field).map(Some)
        } else {
            Ok(None)
        }
    }

    /// An optional whole number.
    pub fn varint(&mut self, field: &str) -> Result<Option<u64>, WireError> {
        if self.present() {
            self.reader.varint(field).map(Some)
        } else {
            Ok(None)
        }
    }

    /// An optional string.
    pub fn string(&mut self, field: &str) -> Result<Option<String>, WireError> {
        if self.present() {
            self.reader.string(field).map(Some)
        } else {
            Ok(None)
        }
    }

    /// A flag carried by its bit alone.
    pub fn flag(&mut self) -> bool {
        self.present()
    }

    /// An optional value read by `read` when present.
    pub fn custom<T>(
        &mut self,
        read: impl FnOnce(&mut ByteReader<'a>) -> Result<T, WireError>,
    ) -> Result<Option<T>, WireError> {
        if self.present() {
            read(self.reader).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Fails when the mask names fields this version does not have.
    pub fn finish(self) -> Result<(), WireError> {
        let known = if self.next_bit >= 64 {
            u64::MAX
        } else {
            (1u64 << self.next_bit) - 1
        };
        if self.mask & !known != 0 {
            return Err(WireError(format!(
                "{} has fields this version does not know",
                self.what
            )));
        }
        Ok(())
    }
}
