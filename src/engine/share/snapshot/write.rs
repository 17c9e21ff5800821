//! Writing a snapshot (`s2.`): the design's name, then each section of the
//! link's frozen slot lists (`share/layout.rs`) as its slot count and every
//! slot's value in order, read through the attribute table and written whole
//! (no presence masks, no defaults): numbers as their eight bytes, whole
//! numbers, seeds and choice codes as varints, flags as one byte, text as
//! length and UTF-8. A retired slot is counted and writes nothing.
//!
//! What must stay true: `read.rs` reads exactly this, slot kind by slot
//! kind. FROZEN per prefix: a change of order or encoding takes a new
//! prefix; a new last slot of a section does not (an older snapshot's
//! shorter count gives it its frozen default).

use super::super::codes::{code_of, fault_code, KINDS};
use super::super::layout::{
    SlotKind, WireSlot, COMPONENT, CONNECTION, SIMULATION, TARGETS, TEAM, WORKLOAD,
};
use super::super::slot_access::{
    component_accessors, component_value, connection_accessors, connection_value, design_accessors,
    design_value, flags_of,
};
use crate::engine::attributes::fields::FieldValue;
use crate::engine::model::{Design, ScheduledFault};

pub(super) struct Writer(pub(super) Vec<u8>);

impl Writer {
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.0.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
    }

    fn number(&mut self, value: f64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn flag(&mut self, value: bool) {
        self.0.push(u8::from(value));
    }

    fn text(&mut self, value: &str) {
        self.varint(value.len() as u64);
        self.0.extend_from_slice(value.as_bytes());
    }

    pub(super) fn design(&mut self, design: &Design) {
        self.text(&design.name);
        for slots in [WORKLOAD, TEAM, TARGETS, SIMULATION] {
            self.varint(slots.len() as u64);
            for (slot, access) in slots.iter().zip(design_accessors(slots)) {
                match slot.kind {
                    SlotKind::Faults => self.faults(&design.simulation.faults),
                    _ => self.value(slot, design_value(access, design)),
                }
            }
        }
        let (component_access, connection_access) = (component_accessors(), connection_accessors());
        self.varint(design.components.len() as u64);
        for component in &design.components {
            self.varint(u64::from(component.id.0));
            self.varint(u64::from(code_of(&KINDS, &component.kind)));
            self.text(&component.name);
            self.number(component.position.x);
            self.number(component.position.y);
            self.varint(COMPONENT.len() as u64);
            for (slot, access) in COMPONENT.iter().zip(&component_access) {
                match slot.kind {
                    SlotKind::ComponentFlags => self.varint(u64::from(flags_of(component))),
                    _ => self.value(slot, component_value(*access, component)),
                }
            }
        }
        self.varint(design.connections.len() as u64);
        for connection in &design.connections {
            for id in [connection.id.0, connection.from.0, connection.to.0] {
                self.varint(u64::from(id));
            }
            self.varint(CONNECTION.len() as u64);
            for (slot, access) in CONNECTION.iter().zip(&connection_access) {
                self.value(slot, connection_value(*access, connection));
            }
        }
    }

    /// One slot's value as the table gives it. A slot the table has no value
    /// for (retired) writes nothing; the layout test keeps the others there.
    fn value(&mut self, slot: &WireSlot, value: Option<FieldValue>) {
        match (slot.kind, value) {
            (SlotKind::Number, Some(FieldValue::Number(number))) => self.number(number),
            (SlotKind::Whole, Some(FieldValue::Number(whole))) => self.varint(whole as u64),
            (SlotKind::Seed, Some(FieldValue::Seed(seed))) => self.varint(seed),
            (SlotKind::Flag, Some(FieldValue::Bool(on))) => self.flag(on),
            (SlotKind::Text, Some(FieldValue::Text(text))) => self.text(&text),
            (SlotKind::Choice(codes), Some(FieldValue::Choice(option))) => {
                self.varint(u64::from(codes.code(option).unwrap_or_default()))
            }
            (SlotKind::Shards, Some(FieldValue::Shards(shards))) => {
                self.varint(shards.len() as u64);
                for shard in shards {
                    self.varint(u64::from(shard.start));
                    self.varint(u64::from(shard.end));
                }
            }
            (SlotKind::Topics, Some(FieldValue::Topics(topics))) => {
                self.varint(topics.len() as u64);
                topics.iter().for_each(|topic| self.text(topic));
            }
            _ => {}
        }
    }

    fn faults(&mut self, faults: &[ScheduledFault]) {
        self.varint(faults.len() as u64);
        for fault in faults {
            self.varint(u64::from(fault.component.0));
            let (code, amount) = fault_code(fault.action);
            self.varint(u64::from(code));
            // A snapshot always writes an amount; the kinds without one write 0.
            self.number(amount.unwrap_or(0.0));
            self.number(fault.at_s);
            self.flag(fault.duration_s.is_some());
            self.number(fault.duration_s.unwrap_or(0.0));
        }
    }
}
