//! One presence-masked section of the link layout, written and read slot by
//! slot from its frozen slot list (`layout.rs`): each slot kind is one call
//! of [`FieldsWriter`] and the mirror call of [`FieldsReader`], so the bytes
//! are those the hand-written codec of the first links produced.
//!
//! What must stay true: FROZEN, like `wire.rs`. The writer and reader of each
//! slot kind mirror each other; a reader takes a slot an older writer left
//! out as absent (its frozen default), and refuses a mask bit it has no slot
//! for. A retired slot is read and never written.

use super::bytes::{ByteReader, ByteWriter, FieldsReader, FieldsWriter, WireError};
use super::layout::{SlotKind, WireSlot};
use super::wire::{WireFault, WireFields, WireValue, MAX_LIST_ITEMS};

/// Writes `values` as the section `slots` describes.
pub(super) fn write_fields(slots: &[WireSlot], values: &WireFields, writer: &mut ByteWriter) {
    let mut fields = FieldsWriter::new();
    for (index, slot) in slots.iter().enumerate() {
        let value = values.get(index);
        match slot.kind {
            SlotKind::Number => fields.number(value.and_then(number)),
            SlotKind::Retired => fields.number(None),
            SlotKind::Whole | SlotKind::Seed | SlotKind::Choice(_) | SlotKind::ComponentFlags => {
                fields.varint(value.and_then(whole))
            }
            SlotKind::Flag => fields.flag(value == Some(&WireValue::On)),
            SlotKind::Text => fields.string(match value {
                Some(WireValue::Text(text)) => Some(text),
                _ => None,
            }),
            SlotKind::Shards => fields.custom(
                match value {
                    Some(WireValue::Shards(shards)) => Some(shards),
                    _ => None,
                },
                |body, shards: &Vec<(u32, u32)>| {
                    body.varint(shards.len() as u64);
                    for (start, end) in shards {
                        body.varint(u64::from(*start));
                        body.varint(u64::from(*end));
                    }
                },
            ),
            SlotKind::Topics => fields.custom(
                match value {
                    Some(WireValue::Topics(topics)) => Some(topics),
                    _ => None,
                },
                |body, topics: &Vec<String>| {
                    body.varint(topics.len() as u64);
                    topics.iter().for_each(|topic| body.string(topic));
                },
            ),
            SlotKind::Faults => fields.custom(
                match value {
                    Some(WireValue::Faults(faults)) => Some(faults),
                    _ => None,
                },
                write_faults,
            ),
        }
    }
    fields.finish(writer);
}

fn number(value: &WireValue) -> Option<f64> {
    match value {
        WireValue::Number(number) => Some(*number),
        _ => None,
    }
}

fn whole(value: &WireValue) -> Option<u64> {
    match value {
        WireValue::Whole(whole) => Some(*whole),
        _ => None,
    }
}

/// Reads what [`write_fields`] wrote for the section `slots` describes;
/// `what` names the section in messages ("a component").
pub(super) fn read_fields(
    slots: &[WireSlot],
    reader: &mut ByteReader<'_>,
    what: &'static str,
) -> Result<WireFields, WireError> {
    let mut fields = FieldsReader::new(reader, what)?;
    let mut values = Vec::with_capacity(slots.len());
    for slot in slots {
        let key = slot.key;
        let value = match slot.kind {
            SlotKind::Number | SlotKind::Retired => fields.number(key)?.map(WireValue::Number),
            SlotKind::Whole | SlotKind::Choice(_) | SlotKind::ComponentFlags => fields
                .u32(key)?
                .map(|value| WireValue::Whole(u64::from(value))),
            SlotKind::Seed => fields.varint(key)?.map(WireValue::Whole),
            SlotKind::Flag => fields.flag().then_some(WireValue::On),
            SlotKind::Text => fields.string(key)?.map(WireValue::Text),
            SlotKind::Shards => fields
                .custom(|body| {
                    let count = body.count("shards", MAX_LIST_ITEMS)?;
                    (0..count)
                        .map(|_| Ok((body.u32("a shard start")?, body.u32("a shard end")?)))
                        .collect::<Result<Vec<(u32, u32)>, WireError>>()
                })?
                .map(WireValue::Shards),
            SlotKind::Topics => fields
                .custom(|body| {
                    let count = body.count("topics", MAX_LIST_ITEMS)?;
                    (0..count)
                        .map(|_| body.string("a topic"))
                        .collect::<Result<Vec<String>, WireError>>()
                })?
                .map(WireValue::Topics),
            SlotKind::Faults => fields
                .custom(|body| {
                    let count = body.count("faults", MAX_LIST_ITEMS)?;
                    (0..count)
                        .map(|_| read_fault(body))
                        .collect::<Result<Vec<WireFault>, WireError>>()
                })?
                .map(WireValue::Faults),
        };
        values.push(value);
    }
    fields.finish()?;
    // As the writer's side holds them: without the trailing slots left out.
    while values.last().is_some_and(Option::is_none) {
        values.pop();
    }
    Ok(WireFields(values))
}

/// The faults list: a count, then per fault its component id, kind code and
/// start, and a section of its length and amount.
fn write_faults(body: &mut ByteWriter, faults: &Vec<WireFault>) {
    body.varint(faults.len() as u64);
    for fault in faults {
        body.varint(u64::from(fault.component));
        body.varint(u64::from(fault.kind));
        body.number(fault.at_s);
        let mut fault_fields = FieldsWriter::new();
        fault_fields.number(fault.duration_s);
        fault_fields.number(fault.amount);
        fault_fields.finish(body);
    }
}

fn read_fault(reader: &mut ByteReader<'_>) -> Result<WireFault, WireError> {
    let component = reader.u32("a fault's component")?;
    let kind = reader.u32("a fault's kind")?;
    let at_s = reader.number("a fault's start")?;
    let mut fields = FieldsReader::new(reader, "a fault")?;
    let duration_s = fields.number("a fault's length")?;
    let amount = fields.number("a fault's amount")?;
    fields.finish()?;
    Ok(WireFault {
        component,
        kind,
        at_s,
        duration_s,
        amount,
    })
}
