//! Golden links: each `tests/fixtures/links/NAME.link` (prefix `v1.`) and
//! `NAME.v2.link` (prefix `v2.`) was made by `archplay link NAME.json` when
//! its prefix was current, and must decode to exactly `NAME.json` for as long
//! as Archplay exists. Both prefixes are the one frozen layout; the `v1.`
//! links come from a writer that did not know the later simulation fields
//! yet, so they check that a field a writer left out reads as its frozen
//! default. If one of these fails, the link format was changed: restore it.
//! `NAME.snapshot` holds the page's own `s1.` snapshot of the same design
//! (autosaves), frozen the same way. None of the golden designs sets a price:
//! old links and snapshots read the default prices.

use crate::{
    fixture_design, fixture_link, fixture_link_v2, fixture_snapshot, fixture_snapshot_s2,
    fixture_snapshot_s2_prices, FIXTURES, FIXTURES_V2,
};
use archplay::engine::attributes::access::get_field;
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::attributes::simulation_fields::simulation_fields;
use archplay::engine::model::{Design, FaultAction, Prices};
use archplay::engine::share::envelope::{open, seal, split};
use archplay::engine::share::layout::{COMPONENT, TARGETS};
use archplay::engine::share::wire::{WireDesign, WireValue};
use archplay::engine::share::{
    decode_link, decode_snapshot, encode_link, encode_payload, encode_snapshot, LINK_VERSION,
};

/// The unpacked payload of a link.
fn payload_of(link: &str) -> Vec<u8> {
    let envelope = split(link).expect("a golden link has a version");
    open(&envelope, link).expect("a golden link unpacks")
}

/// `payload` with every retired slot left out, re-encoded.
fn without_retired_slots(payload: &[u8]) -> Vec<u8> {
    let mut wire = WireDesign::from_bytes(payload).expect("a golden payload reads");
    for component in &mut wire.components {
        component.fields =
            std::mem::take(&mut component.fields).without(COMPONENT, "cache_hit_ratio");
    }
    wire.to_bytes()
}

#[test]
fn golden_links_with_a_retired_cache_hit_ratio_still_decode_and_drop_it() {
    // database-scaling sets 0.85 and edge-case 1.0 in their golden links,
    // written when the hit ratio was an input; it is read and ignored.
    for (name, cache, ratio) in [
        ("database-scaling", "redis-cache", 0.85),
        ("edge-case", "cache ü", 1.0),
    ] {
        for link in [fixture_link(name), fixture_link_v2(name)] {
            let wire = WireDesign::from_bytes(&payload_of(&link)).expect("reads");
            let carried = wire
                .components
                .iter()
                .find(|c| c.name == cache)
                .and_then(|c| c.fields.named(COMPONENT, "cache_hit_ratio").cloned());
            assert_eq!(
                carried,
                Some(WireValue::Number(ratio)),
                "{name}: the golden link carries it"
            );
            assert_eq!(decode_link(&link), Ok(fixture_design(name)), "{name}");
            let written = WireDesign::from_bytes(&encode_payload(&fixture_design(name)));
            assert!(
                written
                    .expect("reads")
                    .components
                    .iter()
                    .all(|c| c.fields.named(COMPONENT, "cache_hit_ratio").is_none()),
                "{name}: the writer never writes the retired slot"
            );
        }
    }
}

#[test]
fn golden_links_from_before_the_error_budget_read_it_as_one_percent() {
    for name in FIXTURES_V2 {
        let wire = WireDesign::from_bytes(&payload_of(&fixture_link_v2(name))).expect("reads");
        assert_eq!(
            wire.targets.named(TARGETS, "targets.error_budget_percent"),
            None,
            "{name}"
        );
        let design = decode_link(&fixture_link_v2(name)).expect("decodes");
        assert_eq!(design.targets.error_budget_percent, 1.0, "{name}");
    }
}

#[test]
fn the_error_budget_travels_in_a_link_and_a_design_file() {
    let mut design = fixture_design("microservices");
    design.targets.error_budget_percent = 0.25;
    assert_eq!(decode_link(&encode_link(&design)), Ok(design.clone()));
    let file = archplay::engine::share::design_file::to_json(&design);
    assert_eq!(
        archplay::engine::share::design_file::from_json(&file),
        Ok(design.clone())
    );
    // A link at the default leaves it out, so older links keep their bytes.
    design.targets.error_budget_percent = 1.0;
    let wire = WireDesign::from_bytes(&encode_payload(&design)).expect("reads");
    assert_eq!(
        wire.targets.named(TARGETS, "targets.error_budget_percent"),
        None
    );
}

#[test]
fn every_golden_v1_link_decodes_to_its_design_file() {
    for name in FIXTURES {
        let link = fixture_link(name);
        assert!(
            link.starts_with("v1."),
            "{name}: golden links of version 1 start with `v1.`"
        );
        assert_eq!(
            decode_link(&link),
            Ok(fixture_design(name)),
            "golden link {name} no longer decodes to {name}.json"
        );
    }
}

#[test]
fn every_golden_v2_link_decodes_to_its_design_file() {
    for name in FIXTURES_V2 {
        let link = fixture_link_v2(name);
        assert!(
            link.starts_with("v2."),
            "{name}: golden links of version 2 start with `v2.`"
        );
        assert_eq!(
            decode_link(&link),
            Ok(fixture_design(name)),
            "golden link {name}.v2 no longer decodes to {name}.json"
        );
    }
}

#[test]
fn the_writer_still_writes_the_golden_payloads() {
    // Deflate output may change with the compressor; the payload bytes may
    // not, except that the writer never writes a retired slot: the golden
    // payload with its retired slots cleared is what the writer writes.
    for name in FIXTURES_V2 {
        assert_eq!(
            encode_payload(&fixture_design(name)),
            without_retired_slots(&payload_of(&fixture_link_v2(name))),
            "{name}: the writer changed"
        );
    }
    // The first writer (`v1.`) wrote the same bytes for every design it could
    // carry: the one writer of today still writes its golden payloads.
    for name in FIXTURES {
        assert_eq!(
            encode_payload(&fixture_design(name)),
            without_retired_slots(&payload_of(&fixture_link(name))),
            "{name}: the writer no longer writes the v1 golden payload"
        );
        assert_eq!(
            payload_of(&fixture_link(name)),
            payload_of(&fixture_link_v2(name)),
            "{name}"
        );
    }
}

#[test]
fn a_golden_payload_opens_the_same_under_either_prefix() {
    for name in FIXTURES_V2 {
        let payload = payload_of(&fixture_link_v2(name));
        assert_eq!(
            decode_link(&seal(1, &payload)),
            Ok(fixture_design(name)),
            "{name}: a v1 prefix reads the one layout"
        );
    }
}

#[test]
fn every_golden_design_survives_a_fresh_link_of_the_newest_version() {
    for name in FIXTURES_V2 {
        let design = fixture_design(name);
        let link = encode_link(&design);
        assert!(
            link.starts_with(&format!("v{LINK_VERSION}.")),
            "{name}: encoding writes the newest version"
        );
        assert_eq!(LINK_VERSION, 2);
        assert_eq!(decode_link(&link), Ok(design), "{name}");
    }
}

#[test]
fn the_edge_case_fixture_covers_what_it_claims() {
    let design = fixture_design("edge-case");
    let kinds: std::collections::BTreeSet<_> = design.components.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds.len(),
        archplay::engine::model::ComponentKind::ALL.len(),
        "every kind"
    );
    assert!(
        design
            .components
            .iter()
            .any(|c| c.position.x.fract() != 0.0),
        "a fractional position"
    );
    assert!(
        design
            .components
            .windows(2)
            .any(|pair| pair[1].id < pair[0].id),
        "ids out of order"
    );
    assert!(
        design
            .connections
            .windows(2)
            .any(|pair| pair[1].id < pair[0].id),
        "connection ids out of order"
    );
    assert!(
        design.components.iter().any(|c| !c.shards.is_empty()),
        "shards"
    );
    assert!(
        design.connections.iter().any(|c| c.topics.len() > 1),
        "topics"
    );
    assert!(!design.name.is_ascii(), "a non-ASCII name");
    assert_eq!(design.simulation.seed, u64::MAX, "the largest seed");
}

#[test]
fn the_simulation_fixture_sets_every_simulation_setting() {
    let design = fixture_design("simulation-everything");
    let defaults = Design {
        components: design.components.clone(),
        ..Design::default()
    };
    for spec in simulation_fields() {
        let value = get_field(&design, FieldTarget::Design, spec.key);
        assert_ne!(
            value,
            get_field(&defaults, FieldTarget::Design, spec.key),
            "{} is at its default",
            spec.key
        );
    }
    let actions: Vec<FaultAction> = design.simulation.faults.iter().map(|f| f.action).collect();
    assert!(
        actions.contains(&FaultAction::KillReplica)
            && actions.contains(&FaultAction::ComponentDown)
    );
    assert!(actions
        .iter()
        .any(|a| matches!(a, FaultAction::AddLatency { .. })));
    assert!(actions
        .iter()
        .any(|a| matches!(a, FaultAction::AddErrors { .. })));
    assert!(
        design
            .simulation
            .faults
            .iter()
            .any(|f| f.duration_s.is_none()),
        "a fault lasting to the end"
    );
    assert!(
        design
            .components
            .iter()
            .any(|c| c.name.contains(' ') && c.name.contains('"')),
        "a name that needs quotes"
    );
}

#[test]
fn every_golden_s1_snapshot_still_reads() {
    // Autosaves of older builds hold `s1.` snapshots. These were written when
    // the snapshot moved to the shared code tables, and checked to open as
    // their designs in the build before that move. They carry the retired
    // cache hit ratio (dropped) and no error budget (read as 1 %).
    for name in FIXTURES_V2 {
        let snapshot = fixture_snapshot(name);
        assert!(snapshot.starts_with("s1."), "{name}");
        assert_eq!(
            decode_snapshot(&snapshot),
            Ok(fixture_design(name)),
            "golden snapshot {name} no longer decodes to {name}.json"
        );
    }
}

#[test]
fn every_golden_s2_snapshot_still_reads_with_default_prices() {
    // `NAME.s2.snapshot` was written by the first `s2.` writer (error budget
    // among the targets, no cache hit ratio, no prices): its workload section
    // holds four slots, so the prices read as their frozen defaults.
    for name in FIXTURES_V2 {
        let snapshot = fixture_snapshot_s2(name);
        let design = fixture_design(name);
        assert!(snapshot.starts_with("s2."), "{name}");
        assert_eq!(design.prices, Prices::default(), "{name}");
        assert_eq!(
            decode_snapshot(&snapshot),
            Ok(design),
            "golden snapshot {name}.s2 no longer decodes to {name}.json"
        );
    }
}

#[test]
fn every_golden_s2_prices_snapshot_reads_and_writes_the_same_bytes() {
    // `NAME.s2-prices.snapshot` was written once the unit prices joined as
    // the workload section's last slots (the same `s2.` prefix: a new last
    // slot needs none).
    for name in FIXTURES_V2 {
        let snapshot = fixture_snapshot_s2_prices(name);
        let design = fixture_design(name);
        assert!(snapshot.starts_with("s2."), "{name}");
        assert_eq!(
            decode_snapshot(&snapshot),
            Ok(design.clone()),
            "golden snapshot {name}.s2-prices no longer decodes to {name}.json"
        );
        assert_eq!(
            encode_snapshot(&design),
            snapshot,
            "{name}: the snapshot writer changed"
        );
    }
}

#[test]
fn a_snapshot_carries_the_prices() {
    let mut design = fixture_design("microservices");
    design.prices.service_per_concurrency = 12.5;
    design.prices.monitoring = 0.0;
    assert_eq!(decode_snapshot(&encode_snapshot(&design)), Ok(design));
}

#[test]
fn a_snapshot_carries_the_error_budget() {
    let mut design = fixture_design("microservices");
    design.targets.error_budget_percent = 2.5;
    assert_eq!(decode_snapshot(&encode_snapshot(&design)), Ok(design));
}

#[test]
fn a_snapshot_section_with_fewer_slots_reads_the_rest_as_frozen_defaults() {
    // An `s2.` section starts with its slot count, so a snapshot written
    // before a slot was appended reads it as its frozen default. Forge one:
    // the targets of `x` without their last slot (the error budget).
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let mut design = Design::new("x");
    design.targets.error_budget_percent = 5.0;
    let snapshot = encode_snapshot(&design);
    let mut bytes = URL_SAFE_NO_PAD.decode(&snapshot[3..]).expect("base64");
    // name (2), workload (count, 3 numbers, a 2-byte key space, 12 prices),
    // team (count, 7 numbers, a flag): the targets' count is at
    // 2 + 123 + 58 = 183.
    let targets = 183;
    assert_eq!(bytes[targets], 14, "the targets hold 14 slots");
    let budget = targets + 1 + 13 * 8;
    assert_eq!(&bytes[budget..budget + 8], &5.0f64.to_le_bytes());
    bytes[targets] = 13;
    bytes.drain(budget..budget + 8);
    let older = format!("s2.{}", URL_SAFE_NO_PAD.encode(&bytes));
    design.targets.error_budget_percent = 1.0;
    assert_eq!(decode_snapshot(&older), Ok(design));
    // More slots than the layout has is refused.
    bytes[targets] = 15;
    let newer = format!("s2.{}", URL_SAFE_NO_PAD.encode(&bytes));
    assert!(decode_snapshot(&newer).is_err());
}
