//! Reading and writing attributes by key, for the inspector, the edit log and
//! `validate`: each goes through the entry [`attribute`] finds and that
//! entry's getter or setter.
//!
//! What must stay true: [`set_field`] changes nothing unless the value parses,
//! lies in its range and agrees with the attributes beside it.

use crate::engine::attributes::fields::attribute;
use crate::engine::attributes::number::format_number;
use crate::engine::attributes::simulation_fields::check_simulation;
use crate::engine::attributes::spec::{Access, FieldError, FieldSpec, FieldTarget, FieldValue};
use crate::engine::model::{Component, Design};
use crate::engine::quote::quote;

/// The current value of `key` on `target`, formatted as the inspector shows it.
pub fn get_field(design: &Design, target: FieldTarget, key: &str) -> Option<String> {
    let spec = attribute(design, target, key).ok()?;
    read(design, target, spec).map(|value| value.to_text())
}

/// The current value of `spec` on `target`, or `None` when the target does
/// not exist or does not have it.
pub fn read(design: &Design, target: FieldTarget, spec: &FieldSpec) -> Option<FieldValue> {
    match (target, spec.access) {
        (FieldTarget::Design, Access::Design { get, .. }) => Some(get(design)),
        (FieldTarget::Component(id), Access::Component { get, .. }) => {
            design.component(id).map(get)
        }
        (FieldTarget::Connection(id), Access::Connection { get, .. }) => {
            design.connection(id).map(get)
        }
        _ => None,
    }
}

/// Parses `input` for `key` and applies it to `target` when it is valid.
/// On error the design is unchanged.
pub fn set_field(
    design: &mut Design,
    target: FieldTarget,
    key: &str,
    input: &str,
) -> Result<(), FieldError> {
    let spec = attribute(design, target, key)?;
    let value = spec.parse(input)?;
    let refused = |reason: String| FieldError::BadText {
        label: spec.label,
        reason,
    };
    let unknown = || FieldError::UnknownField(key.to_string());
    match (target, spec.access) {
        (FieldTarget::Design, Access::Design { set, .. }) => {
            // Only the design's own values can change; the components stay as they are.
            let before = (
                design.name.clone(),
                design.workload,
                design.team,
                design.targets,
                design.simulation.clone(),
            );
            let checked = set(design, value)
                .map_err(refused)
                .and_then(|()| check_design(design));
            if checked.is_err() {
                (
                    design.name,
                    design.workload,
                    design.team,
                    design.targets,
                    design.simulation,
                ) = before;
            }
            checked
        }
        (FieldTarget::Component(id), Access::Component { set, .. }) => {
            let mut next = design
                .component(id)
                .ok_or(FieldError::NoSuchTarget)?
                .clone();
            set(&mut next, value).map_err(refused)?;
            check_component(design, &next)?;
            if let Some(slot) = design.component_mut(id) {
                *slot = next;
            }
            Ok(())
        }
        (FieldTarget::Connection(id), Access::Connection { set, .. }) => {
            let mut next = design
                .connection(id)
                .ok_or(FieldError::NoSuchTarget)?
                .clone();
            set(&mut next, value).map_err(refused)?;
            if let Some(slot) = design.connections.iter_mut().find(|c| c.id == id) {
                *slot = next;
            }
            Ok(())
        }
        _ => Err(unknown()),
    }
}

/// Checks the rules that tie the design's own values to each other and to
/// its components: the simulation settings agree ([`check_simulation`]) and
/// no shard ends beyond the key space.
pub fn check_design(design: &Design) -> Result<(), FieldError> {
    check_simulation(design, &design.simulation)?;
    let key_space = design.workload.key_space;
    let beyond = design
        .components
        .iter()
        .find(|c| c.shards.iter().any(|s| s.end > key_space));
    if let Some(component) = beyond {
        return Err(FieldError::Conflict(format!(
            "the key space cannot shrink to {key_space}: {} has shards beyond it",
            quote(&component.name)
        )));
    }
    Ok(())
}

/// Checks the rules that tie a component's attributes together and to the design.
pub fn check_component(design: &Design, component: &Component) -> Result<(), FieldError> {
    let replicas = component.replicas;
    if replicas.min > replicas.max {
        return Err(FieldError::Conflict(format!(
            "{}: min replicas ({}) cannot exceed max replicas ({})",
            quote(&component.name),
            replicas.min,
            replicas.max
        )));
    }
    if replicas.current < replicas.min || replicas.current > replicas.max {
        return Err(FieldError::Conflict(format!(
            "{}: replicas ({}) must lie between min ({}) and max ({})",
            quote(&component.name),
            replicas.current,
            replicas.min,
            replicas.max
        )));
    }
    if let Some(other) = design
        .components
        .iter()
        .find(|c| c.id != component.id && c.name == component.name)
    {
        return Err(FieldError::Conflict(format!(
            "another component is already named `{}`",
            quote(&other.name)
        )));
    }
    if component.health_check.timeout_s > component.health_check.interval_s {
        return Err(FieldError::Conflict(format!(
            "{}: health-check timeout ({} s) cannot exceed the interval ({} s)",
            quote(&component.name),
            format_number(component.health_check.timeout_s),
            format_number(component.health_check.interval_s)
        )));
    }
    if let Some(shard) = component
        .shards
        .iter()
        .find(|shard| shard.end > design.workload.key_space)
    {
        return Err(FieldError::Conflict(format!(
            "{}: shard {}..{} ends beyond the key space (0..{})",
            quote(&component.name),
            shard.start,
            shard.end,
            design.workload.key_space
        )));
    }
    Ok(())
}
