//! The attribute table as its readers see it: the entries of a component
//! kind, of a connection, of the design, and the one lookup of an entry by
//! its key ([`attribute`]). The inspector renders these entries, `set_field`
//! parses and checks a typed-in value against them, `validate` checks whole
//! designs with them and the command line sets simulation settings through
//! them, so a range, a label or a help text is written in exactly one place.
//!
//! What must stay true: [`attribute`] is the only place a key string is
//! matched against the table; every entry of [`fields_for`] a target is
//! readable and writable on it.

use crate::engine::attributes::component_table::{COMPONENT_FIELDS, CONNECTION_FIELDS};
use crate::engine::attributes::design_table::DESIGN_FIELDS;
use crate::engine::attributes::simulation_fields::SIMULATION_FIELDS;
use crate::engine::model::{ComponentKind, Design, SimulationSettings};

pub use crate::engine::attributes::component_table::{
    MAX_DESCRIPTION_LEN, MAX_NAME_LEN, MAX_REPLICAS,
};
pub use crate::engine::attributes::number::format_number;
pub use crate::engine::attributes::parse::{format_shards, parse_shards, parse_topics};
pub use crate::engine::attributes::spec::{
    Access, Applies, FieldError, FieldSpec, FieldTarget, FieldType, FieldValue, TextRule,
};

/// Every entry of the attribute table: design, simulation, component and
/// connection entries, in that order.
pub fn all_fields() -> impl Iterator<Item = &'static FieldSpec> {
    DESIGN_FIELDS
        .iter()
        .chain(SIMULATION_FIELDS)
        .chain(COMPONENT_FIELDS)
        .chain(CONNECTION_FIELDS)
}

/// The attributes the inspector shows for a component of `kind`, in order.
pub fn component_fields(kind: ComponentKind) -> Vec<FieldSpec> {
    COMPONENT_FIELDS
        .iter()
        .filter(|spec| spec.applies_to_kind(kind))
        .cloned()
        .collect()
}

/// The attributes of a connection.
pub fn connection_fields() -> Vec<FieldSpec> {
    CONNECTION_FIELDS.to_vec()
}

/// The design-level attributes: name, workload, team inputs, targets and simulation settings.
pub fn design_fields() -> Vec<FieldSpec> {
    DESIGN_FIELDS
        .iter()
        .chain(SIMULATION_FIELDS)
        .cloned()
        .collect()
}

/// The specs for a target, or `None` when it does not exist.
pub fn fields_for(design: &Design, target: FieldTarget) -> Option<Vec<FieldSpec>> {
    match target {
        FieldTarget::Design => Some(design_fields()),
        FieldTarget::Component(id) => design.component(id).map(|c| component_fields(c.kind)),
        FieldTarget::Connection(id) => design.connection(id).map(|_| connection_fields()),
    }
}

/// The entry `key` names on `target`: the one place a key is looked up.
pub fn attribute(
    design: &Design,
    target: FieldTarget,
    key: &str,
) -> Result<&'static FieldSpec, FieldError> {
    let mut entries: Box<dyn Iterator<Item = &'static FieldSpec>> = match target {
        FieldTarget::Design => {
            return design_attribute(key).ok_or_else(|| FieldError::UnknownField(key.to_string()))
        }
        FieldTarget::Component(id) => {
            let kind = design.component(id).ok_or(FieldError::NoSuchTarget)?.kind;
            Box::new(
                COMPONENT_FIELDS
                    .iter()
                    .filter(move |spec| spec.applies_to_kind(kind)),
            )
        }
        FieldTarget::Connection(id) => {
            design.connection(id).ok_or(FieldError::NoSuchTarget)?;
            Box::new(CONNECTION_FIELDS.iter())
        }
    };
    entries
        .find(|spec| spec.key == key)
        .ok_or_else(|| FieldError::UnknownField(key.to_string()))
}

/// The design-level entry (simulation settings included) named `key`, for
/// readers that have no design at hand (the simulator's option check, the
/// command line).
pub fn design_attribute(key: &str) -> Option<&'static FieldSpec> {
    DESIGN_FIELDS
        .iter()
        .chain(SIMULATION_FIELDS)
        .find(|spec| spec.key == key)
}

/// The component entry named `key`, whichever kinds have it, for readers
/// that carry every attribute of every component (share links, snapshots).
pub fn component_attribute(key: &str) -> Option<&'static FieldSpec> {
    COMPONENT_FIELDS.iter().find(|spec| spec.key == key)
}

/// The connection entry named `key`.
pub fn connection_attribute(key: &str) -> Option<&'static FieldSpec> {
    CONNECTION_FIELDS.iter().find(|spec| spec.key == key)
}

/// Whether the design-level attribute `key` changes anything under the
/// current simulation settings (the HPA settings only matter with the HPA
/// autoscaler, and so on), so that an inspector may dim or fold away the
/// rest. Keys it does not know are in use.
pub fn simulation_field_in_use(settings: &SimulationSettings, key: &str) -> bool {
    design_attribute(key).is_none_or(|spec| spec.is_in_use(settings))
}
