//! Between the model and the link layout (`wire.rs`), slot by slot of the
//! frozen slot lists (`layout.rs`): a value equal to its slot's frozen
//! default is left out, a choice travels as its code (`codes.rs`), and every
//! value is read and written through the attribute table (`slot_access.rs`).
//!
//! What must stay true:
//! - Every attribute of the model is carried by a slot (the slot lists and
//!   the table are checked against each other by tests), so `into_model`
//!   after `from_model` gives the design back.
//! - `into_model` sets every slot, to the value the link carries or else to
//!   its frozen default, so a slot an older writer left out reads as what its
//!   link meant, whatever the model's own defaults are today.

use super::bytes::WireError;
use super::codes::{code_of, fault_action, fault_code, value_for_code, KINDS};
use super::layout::{
    frozen_number, Frozen, SlotKind, WireSlot, COMPONENT, CONNECTION, SIMULATION, TARGETS, TEAM,
    WORKLOAD,
};
use super::slot_access::{
    apply_flags, component_accessors, component_value, connection_accessors, connection_value,
    design_accessors, design_value, flags_of, frozen_value, set_component_value,
    set_connection_value, set_design_value,
};
use super::wire::{WireComponent, WireConnection, WireDesign, WireFault, WireFields, WireValue};
use crate::engine::attributes::fields::{Access, FieldValue};
use crate::engine::model::{
    Component, ComponentId, ComponentKind, Connection, ConnectionId, Design, FaultAction, Position,
    ScheduledFault, ShardRange,
};
use crate::engine::quote::quote;

/// Any kind, for the design-level sections whose defaults do not depend on one.
const NO_KIND: ComponentKind = ComponentKind::Service;

/// The link's wire form of `design`. Never fails: anything the model can
/// hold, the layout can carry.
pub fn from_model(design: &Design) -> WireDesign {
    let section = |slots: &[WireSlot]| {
        fields_of(slots, &design_accessors(slots), |slot, access| {
            match slot.kind {
                SlotKind::Faults => (!design.simulation.faults.is_empty()).then(|| {
                    WireValue::Faults(design.simulation.faults.iter().map(fault_of).collect())
                }),
                _ => {
                    design_value(access, design).and_then(|value| wire_value(slot, value, NO_KIND))
                }
            }
        })
    };
    let (component_access, connection_access) = (component_accessors(), connection_accessors());
    WireDesign {
        name: design.name.clone(),
        workload: section(WORKLOAD),
        team: section(TEAM),
        targets: section(TARGETS),
        simulation: section(SIMULATION),
        components: design
            .components
            .iter()
            .map(|component| component_from_model(component, &component_access))
            .collect(),
        connections: design
            .connections
            .iter()
            .map(|connection| connection_from_model(connection, &connection_access))
            .collect(),
    }
}

/// The model design a wire struct stands for. Fails only on codes the layout
/// does not define; whether the design is valid is for `validate`.
pub fn into_model(wire: WireDesign) -> Result<Design, WireError> {
    let mut design = Design::new(&wire.name);
    for (slots, fields) in [
        (WORKLOAD, &wire.workload),
        (TEAM, &wire.team),
        (TARGETS, &wire.targets),
        (SIMULATION, &wire.simulation),
    ] {
        let access = design_accessors(slots);
        for (index, slot) in slots.iter().enumerate() {
            match (slot.kind, fields.get(index)) {
                (SlotKind::Faults, Some(WireValue::Faults(faults))) => {
                    design.simulation.faults = faults
                        .iter()
                        .map(fault_into_model)
                        .collect::<Result<_, _>>()?;
                }
                (SlotKind::Faults, _) => design.simulation.faults = Vec::new(),
                (_, carried) => {
                    if let Some(value) = model_value(slot, carried, NO_KIND)? {
                        set_design_value(access[index], &mut design, value).map_err(WireError)?;
                    }
                }
            }
        }
    }
    let (component_access, connection_access) = (component_accessors(), connection_accessors());
    design.components = wire
        .components
        .into_iter()
        .map(|component| component_into_model(component, &component_access))
        .collect::<Result<_, _>>()?;
    design.connections = wire
        .connections
        .into_iter()
        .map(|connection| connection_into_model(connection, &connection_access))
        .collect::<Result<_, _>>()?;
    Ok(design)
}

/// The carried values of a section: `value` of each slot, in slot order,
/// without the trailing slots left out.
fn fields_of(
    slots: &[WireSlot],
    access: &[Option<Access>],
    value: impl Fn(&WireSlot, Option<Access>) -> Option<WireValue>,
) -> WireFields {
    let mut values: Vec<Option<WireValue>> = slots
        .iter()
        .zip(access)
        .map(|(slot, access)| value(slot, *access))
        .collect();
    while values.last().is_some_and(Option::is_none) {
        values.pop();
    }
    WireFields(values)
}

/// The wire value of a table value, or `None` when it is its slot's frozen default.
fn wire_value(slot: &WireSlot, value: FieldValue, kind: ComponentKind) -> Option<WireValue> {
    let frozen = frozen_number(slot.frozen, kind);
    match (slot.kind, value) {
        (SlotKind::Number, FieldValue::Number(number)) => {
            (number.to_bits() != frozen?.to_bits()).then_some(WireValue::Number(number))
        }
        (SlotKind::Whole, FieldValue::Number(number)) => {
            (number != frozen?).then_some(WireValue::Whole(number as u64))
        }
        (SlotKind::Seed, FieldValue::Seed(seed)) => {
            (seed != frozen? as u64).then_some(WireValue::Whole(seed))
        }
        (SlotKind::Flag, FieldValue::Bool(on)) => on.then_some(WireValue::On),
        (SlotKind::Text, FieldValue::Text(text)) => {
            (!text.is_empty()).then_some(WireValue::Text(text))
        }
        (SlotKind::Choice(codes), FieldValue::Choice(option)) => match slot.frozen {
            Frozen::Option(default) if default == option => None,
            _ => codes
                .code(option)
                .map(|code| WireValue::Whole(u64::from(code))),
        },
        (SlotKind::Shards, FieldValue::Shards(shards)) => (!shards.is_empty()).then(|| {
            WireValue::Shards(
                shards
                    .iter()
                    .map(|shard| (shard.start, shard.end))
                    .collect(),
            )
        }),
        (SlotKind::Topics, FieldValue::Topics(topics)) => {
            (!topics.is_empty()).then_some(WireValue::Topics(topics))
        }
        _ => None,
    }
}

/// The table value a slot stands for: what the link carries, else its frozen
/// default; `None` for the slots the table does not set (custom, retired).
fn model_value(
    slot: &WireSlot,
    carried: Option<&WireValue>,
    kind: ComponentKind,
) -> Result<Option<FieldValue>, WireError> {
    Ok(match (slot.kind, carried) {
        (SlotKind::Number, Some(WireValue::Number(number))) => Some(FieldValue::Number(*number)),
        (SlotKind::Whole, Some(WireValue::Whole(whole))) => Some(FieldValue::Number(*whole as f64)),
        (SlotKind::Seed, Some(WireValue::Whole(seed))) => Some(FieldValue::Seed(*seed)),
        (SlotKind::Flag, Some(WireValue::On)) => Some(FieldValue::Bool(true)),
        (SlotKind::Text, Some(WireValue::Text(text))) => Some(FieldValue::Text(text.clone())),
        (SlotKind::Choice(codes), Some(WireValue::Whole(code))) => {
            let option = u32::try_from(*code).ok().and_then(codes.option);
            let option = option
                .ok_or_else(|| WireError(format!("{} code {code} is unknown", codes.what)))?;
            Some(FieldValue::Choice(option))
        }
        (SlotKind::Shards, Some(WireValue::Shards(shards))) => Some(FieldValue::Shards(
            shards
                .iter()
                .map(|&(start, end)| ShardRange { start, end })
                .collect(),
        )),
        (SlotKind::Topics, Some(WireValue::Topics(topics))) => {
            Some(FieldValue::Topics(topics.clone()))
        }
        _ => frozen_value(slot, kind),
    })
}

/// A component's fields that differ from the frozen defaults for its kind.
fn component_from_model(component: &Component, access: &[Option<Access>]) -> WireComponent {
    let kind = component.kind;
    let fields = fields_of(COMPONENT, access, |slot, access| {
        match (slot.kind, slot.frozen) {
            (SlotKind::ComponentFlags, Frozen::Flags(of_kind)) => {
                let flags = flags_of(component);
                (flags != of_kind(kind)).then_some(WireValue::Whole(u64::from(flags)))
            }
            (SlotKind::Retired, _) => None,
            _ => component_value(access, component).and_then(|value| wire_value(slot, value, kind)),
        }
    });
    WireComponent {
        id: component.id.0,
        kind: code_of(&KINDS, &kind),
        name: component.name.clone(),
        x: component.position.x,
        y: component.position.y,
        fields,
    }
}

/// The component a link's component stands for; fails only on unknown codes or flags.
fn component_into_model(
    wire: WireComponent,
    access: &[Option<Access>],
) -> Result<Component, WireError> {
    let kind = value_for_code(&KINDS, wire.kind, "component kind")?;
    let mut component = Component::new(ComponentId(wire.id), kind, &wire.name);
    component.position = Position {
        x: wire.x,
        y: wire.y,
    };
    for (index, slot) in COMPONENT.iter().enumerate() {
        let carried = wire.fields.get(index);
        if let (SlotKind::ComponentFlags, Frozen::Flags(of_kind)) = (slot.kind, slot.frozen) {
            let flags = match carried {
                Some(WireValue::Whole(flags)) => u32::try_from(*flags).unwrap_or(u32::MAX),
                _ => of_kind(kind),
            };
            if !apply_flags(&mut component, flags) {
                return Err(WireError(format!(
                    "component {} has unknown flags",
                    quote(&component.name)
                )));
            }
        } else if let Some(value) = model_value(slot, carried, kind)? {
            set_component_value(access[index], &mut component, value).map_err(WireError)?;
        }
    }
    Ok(component)
}

/// A connection's fields that differ from the frozen defaults.
fn connection_from_model(connection: &Connection, access: &[Option<Access>]) -> WireConnection {
    WireConnection {
        id: connection.id.0,
        from: connection.from.0,
        to: connection.to.0,
        fields: fields_of(CONNECTION, access, |slot, access| {
            connection_value(access, connection).and_then(|value| wire_value(slot, value, NO_KIND))
        }),
    }
}

/// The connection a link's connection stands for; fails only on an unknown method code.
fn connection_into_model(
    wire: WireConnection,
    access: &[Option<Access>],
) -> Result<Connection, WireError> {
    let mut connection = Connection {
        id: ConnectionId(wire.id),
        from: ComponentId(wire.from),
        to: ComponentId(wire.to),
        ..Connection::default()
    };
    for (index, slot) in CONNECTION.iter().enumerate() {
        if let Some(value) = model_value(slot, wire.fields.get(index), NO_KIND)? {
            set_connection_value(access[index], &mut connection, value).map_err(WireError)?;
        }
    }
    Ok(connection)
}

/// The wire form of a scheduled fault.
fn fault_of(fault: &ScheduledFault) -> WireFault {
    let (kind, amount) = fault_code(fault.action);
    WireFault {
        component: fault.component.0,
        kind,
        at_s: fault.at_s,
        duration_s: fault.duration_s,
        amount,
    }
}

fn fault_into_model(wire: &WireFault) -> Result<ScheduledFault, WireError> {
    Ok(ScheduledFault {
        component: ComponentId(wire.component),
        action: fault_action_of(wire.kind, wire.amount)?,
        at_s: wire.at_s,
        duration_s: wire.duration_s,
    })
}

/// The fault a kind code and amount stand for; the amount must be present
/// exactly for the kinds that have one.
fn fault_action_of(code: u32, amount: Option<f64>) -> Result<FaultAction, WireError> {
    let action = fault_action(u64::from(code), amount.unwrap_or_default())
        .ok_or_else(|| WireError(format!("fault kind code {code} is unknown")))?;
    match (fault_code(action).1, amount) {
        (Some(_), None) => Err(WireError(format!(
            "a fault of kind code {code} has no amount"
        ))),
        (None, Some(_)) => Err(WireError(format!(
            "a fault of kind code {code} carries an amount it cannot have"
        ))),
        _ => Ok(action),
    }
}
