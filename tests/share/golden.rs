//! Golden links: each `tests/fixtures/links/NAME.link` was made by
//! `archplay link NAME.json` when its version was current, and must decode to
//! exactly `NAME.json` for as long as Archplay exists. If one of these fails,
//! a released link format was changed: restore it and add a new version instead.

use crate::{fixture_design, fixture_link, FIXTURES};
use archplay::engine::share::{decode_link, encode_link};

#[test]
fn every_golden_link_decodes_to_its_design_file() {
    for name in FIXTURES {
        let link = fixture_link(name);
        assert!(link.starts_with("v1."), "{name}: golden links of version 1 start with `v1.`");
        assert_eq!(decode_link(&link), Ok(fixture_design(name)), "golden link {name} no longer decodes to {name}.json");
    }
}

#[test]
fn every_golden_design_survives_a_fresh_link() {
    for name in FIXTURES {
        let design = fixture_design(name);
        assert_eq!(decode_link(&encode_link(&design)), Ok(design), "{name}");
    }
}

#[test]
fn the_edge_case_fixture_covers_what_it_claims() {
    let design = fixture_design("edge-case");
    let kinds: std::collections::BTreeSet<_> = design.components.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.len(), archplay::engine::model::ComponentKind::ALL.len(), "every kind");
    assert!(design.components.iter().any(|c| c.position.x.fract() != 0.0), "a fractional position");
    assert!(design.components.windows(2).any(|pair| pair[1].id < pair[0].id), "ids out of order");
    assert!(design.connections.windows(2).any(|pair| pair[1].id < pair[0].id), "connection ids out of order");
    assert!(design.components.iter().any(|c| !c.shards.is_empty()), "shards");
    assert!(design.connections.iter().any(|c| c.topics.len() > 1), "topics");
    assert!(!design.name.is_ascii(), "a non-ASCII name");
    assert_eq!(design.simulation.seed, u64::MAX, "the largest seed");
}
