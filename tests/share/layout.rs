//! The frozen slot lists against the attribute table: every slot names an
//! attribute its owner has, and every attribute is carried by a slot (or a
//! component flag bit), so that adding an attribute without its slot, or a
//! slot with a misspelt key, fails here rather than silently dropping a value
//! from links and snapshots.

use archplay::engine::attributes::fields::{component_fields, connection_fields, design_fields};
use archplay::engine::model::ComponentKind;
use archplay::engine::share::layout::{
    SlotKind, WireSlot, COMPONENT, CONNECTION, FLAG_KEYS, SIMULATION, TARGETS, TEAM, WORKLOAD,
};
use std::collections::BTreeSet;

/// The keys the slots of `sections` carry through the table.
fn carried(sections: &[&[WireSlot]]) -> BTreeSet<&'static str> {
    sections
        .iter()
        .flat_map(|slots| slots.iter())
        .filter(|slot| !matches!(slot.kind, SlotKind::Retired | SlotKind::ComponentFlags))
        .map(|slot| slot.key)
        .collect()
}

#[test]
fn the_slots_and_the_table_name_the_same_attributes() {
    let design: BTreeSet<&str> = design_fields()
        .iter()
        .map(|spec| spec.key)
        .filter(|key| *key != "name")
        .collect();
    assert_eq!(carried(&[WORKLOAD, TEAM, TARGETS, SIMULATION]), design);

    let mut component: BTreeSet<&str> = ComponentKind::ALL
        .into_iter()
        .flat_map(component_fields)
        .map(|spec| spec.key)
        .filter(|key| *key != "name")
        .collect();
    for key in FLAG_KEYS {
        assert!(
            component.remove(key),
            "{key} is a flag bit and an attribute"
        );
    }
    assert_eq!(carried(&[COMPONENT]), component);

    let connection: BTreeSet<&str> = connection_fields().iter().map(|spec| spec.key).collect();
    assert_eq!(carried(&[CONNECTION]), connection);
}

#[test]
fn every_section_fits_its_presence_mask_and_flags_default_off() {
    for slots in [WORKLOAD, TEAM, TARGETS, SIMULATION, COMPONENT, CONNECTION] {
        assert!(slots.len() <= 64, "a mask holds 64 slots");
        for slot in slots {
            if matches!(slot.kind, SlotKind::Flag) {
                // A flag is carried by its bit alone: only `on` can be written.
                assert!(
                    matches!(slot.frozen, archplay::engine::share::layout::Frozen::Empty),
                    "{}",
                    slot.key
                );
            }
        }
    }
    let retired: Vec<&str> = COMPONENT
        .iter()
        .filter(|slot| matches!(slot.kind, SlotKind::Retired))
        .map(|slot| slot.key)
        .collect();
    assert_eq!(retired, ["cache_hit_ratio"]);
}
