//! A slot's value on the model, read and written through the attribute
//! table's getter and setter for its key: the link (`convert.rs`) and the
//! snapshot (`snapshot/`) carry attributes without naming model fields. The
//! slots the table does not describe as one value (scheduled faults, whose
//! table entry names components, and a component's flag bits) have their
//! typed accessors here too.
//!
//! What must stay true: every slot key of `layout.rs` except the custom and
//! retired ones names an entry of the table for its owner (a test checks),
//! and every attribute in the table is carried by a slot or by a component
//! flag bit, so a design survives a link and a snapshot whole.

use super::layout::{frozen_number, Frozen, SlotKind, WireSlot, COMPONENT, CONNECTION};
use super::wire::flag;
use crate::engine::attributes::fields::{
    component_attribute, connection_attribute, design_attribute, Access, FieldSpec, FieldValue,
};
use crate::engine::model::{Component, ComponentKind, Connection, Design, Security};

/// Said when a slot names no attribute of its owner (a layout bug, caught by tests).
const NO_ENTRY: &str = "the link layout names an attribute the table does not have";

/// The table value a slot's frozen default stands for on a component of
/// `kind` (any kind for the other sections); `None` for the slots the table
/// does not set (faults, component flags, retired slots).
pub(super) fn frozen_value(slot: &WireSlot, kind: ComponentKind) -> Option<FieldValue> {
    match (slot.kind, slot.frozen) {
        (SlotKind::Number | SlotKind::Whole, frozen) => {
            frozen_number(frozen, kind).map(FieldValue::Number)
        }
        (SlotKind::Seed, frozen) => {
            frozen_number(frozen, kind).map(|seed| FieldValue::Seed(seed as u64))
        }
        (SlotKind::Flag, _) => Some(FieldValue::Bool(false)),
        (SlotKind::Text, _) => Some(FieldValue::Text(String::new())),
        (SlotKind::Choice(_), Frozen::Option(option)) => Some(FieldValue::Choice(option)),
        (SlotKind::Shards, _) => Some(FieldValue::Shards(Vec::new())),
        (SlotKind::Topics, _) => Some(FieldValue::Topics(Vec::new())),
        _ => None,
    }
}

/// The table entry of each slot of a section, looked up by key once (the
/// link and the snapshot walk a section once per component); `None` for the
/// slots the table does not carry (faults, component flags, retired slots).
pub(super) fn accessors(
    slots: &[WireSlot],
    lookup: fn(&str) -> Option<&'static FieldSpec>,
) -> Vec<Option<Access>> {
    slots
        .iter()
        .map(|slot| lookup(slot.key).map(|spec| spec.access))
        .collect()
}

/// The design-level sections' entries ([`accessors`]).
pub(super) fn design_accessors(slots: &[WireSlot]) -> Vec<Option<Access>> {
    accessors(slots, design_attribute)
}

/// The component section's entries ([`accessors`]).
pub(super) fn component_accessors() -> Vec<Option<Access>> {
    accessors(COMPONENT, component_attribute)
}

/// The connection section's entries ([`accessors`]).
pub(super) fn connection_accessors() -> Vec<Option<Access>> {
    accessors(CONNECTION, connection_attribute)
}

/// The value a design-level entry reads.
pub(super) fn design_value(access: Option<Access>, design: &Design) -> Option<FieldValue> {
    match access? {
        Access::Design { get, .. } => Some(get(design)),
        _ => None,
    }
}

/// Writes a design-level entry.
pub(super) fn set_design_value(
    access: Option<Access>,
    design: &mut Design,
    value: FieldValue,
) -> Result<(), String> {
    match access {
        Some(Access::Design { set, .. }) => set(design, value),
        _ => Err(NO_ENTRY.into()),
    }
}

/// The value a component entry reads.
pub(super) fn component_value(access: Option<Access>, component: &Component) -> Option<FieldValue> {
    match access? {
        Access::Component { get, .. } => Some(get(component)),
        _ => None,
    }
}

/// Writes a component entry.
pub(super) fn set_component_value(
    access: Option<Access>,
    component: &mut Component,
    value: FieldValue,
) -> Result<(), String> {
    match access {
        Some(Access::Component { set, .. }) => set(component, value),
        _ => Err(NO_ENTRY.into()),
    }
}

/// The value a connection entry reads.
pub(super) fn connection_value(
    access: Option<Access>,
    connection: &Connection,
) -> Option<FieldValue> {
    match access? {
        Access::Connection { get, .. } => Some(get(connection)),
        _ => None,
    }
}

/// Writes a connection entry.
pub(super) fn set_connection_value(
    access: Option<Access>,
    connection: &mut Connection,
    value: FieldValue,
) -> Result<(), String> {
    match access {
        Some(Access::Connection { set, .. }) => set(connection, value),
        _ => Err(NO_ENTRY.into()),
    }
}

/// The component's nine on/off attributes as [`flag`] bits.
pub(super) fn flags_of(component: &Component) -> u32 {
    let Security {
        authentication,
        authorization,
        tls,
        encryption_at_rest,
        audit_logging,
    } = component.security;
    [
        (authentication, flag::AUTHENTICATION),
        (authorization, flag::AUTHORIZATION),
        (tls, flag::TLS),
        (encryption_at_rest, flag::ENCRYPTION_AT_REST),
        (audit_logging, flag::AUDIT_LOGGING),
        (component.backup, flag::BACKUP),
        (component.alerting, flag::ALERTING),
        (component.health_check.enabled, flag::HEALTH_CHECK),
        (component.autoscaling.enabled, flag::AUTOSCALING),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .fold(0, |flags, (_, bit)| flags | bit)
}

/// Sets the component's on/off attributes from [`flag`] bits; `false` when
/// `flags` has bits the layout does not know (nothing is set then).
pub(super) fn apply_flags(component: &mut Component, flags: u32) -> bool {
    if flags & !flag::ALL != 0 {
        return false;
    }
    let on = |bit: u32| flags & bit != 0;
    component.security = Security {
        authentication: on(flag::AUTHENTICATION),
        authorization: on(flag::AUTHORIZATION),
        tls: on(flag::TLS),
        encryption_at_rest: on(flag::ENCRYPTION_AT_REST),
        audit_logging: on(flag::AUDIT_LOGGING),
    };
    component.backup = on(flag::BACKUP);
    component.alerting = on(flag::ALERTING);
    component.health_check.enabled = on(flag::HEALTH_CHECK);
    component.autoscaling.enabled = on(flag::AUTOSCALING);
    true
}
