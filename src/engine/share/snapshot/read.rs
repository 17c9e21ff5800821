//! Reading a snapshot: the primitives both layouts are written in, each read
//! bounded by the bytes left, so damaged text is an error and never a panic
//! or a large allocation; and the `s2.` design, slot by slot of the link's
//! frozen slot lists exactly as `write.rs` writes it, each value set through
//! the attribute table. The older `s1.` layout is read by `read_s1.rs`.

use super::super::codes::{fault_action, value_of, KINDS};
use super::super::layout::{
    SlotKind, WireSlot, COMPONENT, CONNECTION, SIMULATION, TARGETS, TEAM, WORKLOAD,
};
use super::super::slot_access::{
    apply_flags, component_accessors, connection_accessors, design_accessors, frozen_value,
    set_component_value, set_connection_value, set_design_value,
};
use crate::engine::attributes::fields::{Access, FieldValue};
use crate::engine::model::{
    Component, ComponentId, ComponentKind, Connection, ConnectionId, Design, Position,
    ScheduledFault, ShardRange,
};

/// What a failed read says: the part of the design being read.
pub(super) type Read<T> = Result<T, &'static str>;

/// Reads a snapshot's bytes front to back.
pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl Reader<'_> {
    pub(super) fn byte(&mut self, what: &'static str) -> Read<u8> {
        let byte = *self.bytes.get(self.at).ok_or(what)?;
        self.at += 1;
        Ok(byte)
    }

    pub(super) fn varint(&mut self, what: &'static str) -> Read<u64> {
        let mut value = 0_u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte(what)?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(what)
    }

    pub(super) fn u32(&mut self, what: &'static str) -> Read<u32> {
        u32::try_from(self.varint(what)?).map_err(|_| what)
    }

    /// A length or count: never more than the bytes left, so a damaged count cannot allocate much.
    pub(super) fn count(&mut self, what: &'static str) -> Read<usize> {
        let count = self.varint(what)?;
        usize::try_from(count)
            .ok()
            .filter(|count| *count <= self.bytes.len() - self.at)
            .ok_or(what)
    }

    pub(super) fn number(&mut self, what: &'static str) -> Read<f64> {
        let end = self
            .at
            .checked_add(8)
            .filter(|end| *end <= self.bytes.len())
            .ok_or(what)?;
        let mut eight = [0_u8; 8];
        eight.copy_from_slice(&self.bytes[self.at..end]);
        self.at = end;
        Ok(f64::from_le_bytes(eight))
    }

    pub(super) fn flag(&mut self, what: &'static str) -> Read<bool> {
        match self.byte(what)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(what),
        }
    }

    pub(super) fn text(&mut self, what: &'static str) -> Read<String> {
        let length = self.count(what)?;
        let text = std::str::from_utf8(&self.bytes[self.at..self.at + length]).map_err(|_| what)?;
        self.at += length;
        Ok(text.to_string())
    }

    pub(super) fn choice<T: Copy>(&mut self, table: &[T], what: &'static str) -> Read<T> {
        let code = self.varint(what)?;
        value_of(table, code).ok_or(what)
    }

    pub(super) fn numbers<const N: usize>(&mut self, what: &'static str) -> Read<[f64; N]> {
        let mut values = [0.0; N];
        for value in &mut values {
            *value = self.number(what)?;
        }
        Ok(values)
    }

    /// The design of an `s2.` snapshot.
    pub(super) fn design(&mut self) -> Read<Design> {
        let mut design = Design::new(&self.text("the design name")?);
        for (slots, what) in [
            (WORKLOAD, "the workload"),
            (TEAM, "the team inputs"),
            (TARGETS, "the targets"),
            (SIMULATION, "the simulation settings"),
        ] {
            let written = self.slot_count(slots, what)?;
            let access = design_accessors(slots);
            for (index, slot) in slots.iter().enumerate() {
                if index >= written {
                    if let Some(value) = frozen_value(slot, ComponentKind::Service) {
                        set_design_value(access[index], &mut design, value).map_err(|_| what)?;
                    }
                } else if let SlotKind::Faults = slot.kind {
                    let count = self.count(what)?;
                    design.simulation.faults =
                        (0..count).map(|_| self.fault()).collect::<Read<Vec<_>>>()?;
                } else if let Some(value) = self.value(slot, what)? {
                    set_design_value(access[index], &mut design, value).map_err(|_| what)?;
                }
            }
        }
        let (component_access, connection_access) = (component_accessors(), connection_accessors());
        let count = self.count("the components")?;
        design.components = (0..count)
            .map(|_| self.component(&component_access))
            .collect::<Read<Vec<_>>>()?;
        let count = self.count("the connections")?;
        design.connections = (0..count)
            .map(|_| self.connection(&connection_access))
            .collect::<Read<Vec<_>>>()?;
        Ok(design)
    }

    fn component(&mut self, access: &[Option<Access>]) -> Read<Component> {
        const WHAT: &str = "a component";
        let id = ComponentId(self.u32(WHAT)?);
        let kind = self.choice(&KINDS, WHAT)?;
        let mut component = Component::new(id, kind, &self.text(WHAT)?);
        let [x, y] = self.numbers(WHAT)?;
        component.position = Position { x, y };
        let written = self.slot_count(COMPONENT, WHAT)?;
        for (index, slot) in COMPONENT.iter().enumerate() {
            if index >= written {
                // Written before this slot joined the layout (the flags
                // come first, so this is never them).
                if let Some(value) = frozen_value(slot, kind) {
                    set_component_value(access[index], &mut component, value).map_err(|_| WHAT)?;
                }
            } else if let SlotKind::ComponentFlags = slot.kind {
                let flags = self.u32(WHAT)?;
                apply_flags(&mut component, flags)
                    .then_some(())
                    .ok_or(WHAT)?;
            } else if let Some(value) = self.value(slot, WHAT)? {
                set_component_value(access[index], &mut component, value).map_err(|_| WHAT)?;
            }
        }
        Ok(component)
    }

    fn connection(&mut self, access: &[Option<Access>]) -> Read<Connection> {
        const WHAT: &str = "a connection";
        let mut connection = Connection {
            id: ConnectionId(self.u32(WHAT)?),
            from: ComponentId(self.u32(WHAT)?),
            to: ComponentId(self.u32(WHAT)?),
            ..Connection::default()
        };
        let written = self.slot_count(CONNECTION, WHAT)?;
        for (index, slot) in CONNECTION.iter().enumerate() {
            let value = if index < written {
                self.value(slot, WHAT)?
            } else {
                frozen_value(slot, ComponentKind::Service)
            };
            if let Some(value) = value {
                set_connection_value(access[index], &mut connection, value).map_err(|_| WHAT)?;
            }
        }
        Ok(connection)
    }

    /// How many slots of `slots` a section holds: at most the layout's (a
    /// snapshot from an older build may hold fewer, never more).
    fn slot_count(&mut self, slots: &[WireSlot], what: &'static str) -> Read<usize> {
        usize::try_from(self.varint(what)?)
            .ok()
            .filter(|count| *count <= slots.len())
            .ok_or(what)
    }

    /// One slot's value as `write.rs` wrote it; `None` for the slots the
    /// table does not set (retired slots, which the snapshot does not hold).
    fn value(&mut self, slot: &WireSlot, what: &'static str) -> Read<Option<FieldValue>> {
        Ok(Some(match slot.kind {
            SlotKind::Number => FieldValue::Number(self.number(what)?),
            SlotKind::Whole => FieldValue::Number(f64::from(self.u32(what)?)),
            SlotKind::Seed => FieldValue::Seed(self.varint(what)?),
            SlotKind::Flag => FieldValue::Bool(self.flag(what)?),
            SlotKind::Text => FieldValue::Text(self.text(what)?),
            SlotKind::Choice(codes) => {
                let code = u32::try_from(self.varint(what)?).map_err(|_| what)?;
                FieldValue::Choice((codes.option)(code).ok_or(what)?)
            }
            SlotKind::Shards => {
                let count = self.count(what)?;
                FieldValue::Shards(
                    (0..count)
                        .map(|_| {
                            Ok(ShardRange {
                                start: self.u32(what)?,
                                end: self.u32(what)?,
                            })
                        })
                        .collect::<Read<Vec<_>>>()?,
                )
            }
            SlotKind::Topics => {
                let count = self.count(what)?;
                FieldValue::Topics((0..count).map(|_| self.text(what)).collect::<Read<_>>()?)
            }
            SlotKind::Faults | SlotKind::ComponentFlags | SlotKind::Retired => return Ok(None),
        }))
    }

    pub(super) fn fault(&mut self) -> Read<ScheduledFault> {
        const WHAT: &str = "a scheduled fault";
        let component = ComponentId(self.u32(WHAT)?);
        let code = self.varint(WHAT)?;
        let amount = self.number(WHAT)?;
        let action = fault_action(code, amount).ok_or(WHAT)?;
        let at_s = self.number(WHAT)?;
        let lasts = self.flag(WHAT)?;
        let duration = self.number(WHAT)?;
        Ok(ScheduledFault {
            component,
            action,
            at_s,
            duration_s: lasts.then_some(duration),
        })
    }
}
