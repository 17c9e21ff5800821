//! design -> link -> design is the identity, for every design a user can make.
//!
//! This file holds the properties and cases; `edits` holds the proptest
//! strategies that build a design the way a user does, through edits.

mod edits;

use edits::{build, step};

use crate::generate::generated_design;
use archplay::engine::attributes::fields::{
    component_fields, connection_fields, design_fields, FieldSpec, FieldTarget, FieldType,
};
use archplay::engine::attributes::simulation_fields::ARRIVALS;
use archplay::engine::model::edit::{apply, Edit};
use archplay::engine::model::validate::validate;
use archplay::engine::model::{ComponentKind, Design, Position};
use archplay::engine::share::design_file;
use archplay::engine::share::envelope::seal;
use archplay::engine::share::wire::{WireDesign, WireFields};
use archplay::engine::share::{
    decode_link, decode_snapshot, encode_link, encode_payload, encode_snapshot,
};
use archplay::engine::templates::{template, TEMPLATES};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn config() -> Config {
    Config {
        cases: 400,
        rng_seed: RngSeed::Fixed(20_240_601),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_design_built_by_edits_survives_a_link(steps in proptest::collection::vec(step(), 0..100)) {
        let design = build(&steps);
        prop_assert_eq!(validate(&design), Ok(()));
        let link = encode_link(&design);
        prop_assert!(link.starts_with("v2."));
        prop_assert_eq!(decode_link(&link), Ok(design.clone()));
        // The page's own snapshot (autosave, and the worker's input) too.
        prop_assert_eq!(decode_snapshot(&encode_snapshot(&design)), Ok(design.clone()));
        // A `v1.` link of the same payload is read by the same layout into
        // exactly the same design.
        prop_assert_eq!(decode_link(&seal(1, &encode_payload(&design))), Ok(design));
    }
}

#[test]
fn generated_designs_of_every_size_survive_a_link() {
    for n_components in [0, 1, 2, 5, 20, 60, 100, 200] {
        for seed in 1..=4 {
            let design = generated_design(seed, n_components);
            assert_eq!(
                validate(&design),
                Ok(()),
                "generator made an invalid design (n={n_components}, seed={seed})"
            );
            assert_eq!(
                decode_link(&encode_link(&design)),
                Ok(design.clone()),
                "n={n_components}, seed={seed}"
            );
            assert_eq!(
                decode_snapshot(&encode_snapshot(&design)),
                Ok(design.clone()),
                "snapshot: n={n_components}, seed={seed}"
            );
            // What the first writer wrote for such a design: a simulation
            // section holding seed, duration and arrival at most (mask bits
            // 0 to 2), every later field left out and read as its default.
            let mut v1_design = design;
            v1_design.simulation = Default::default();
            v1_design.simulation.seed = seed;
            let payload = encode_payload(&v1_design);
            let wire = WireDesign::from_bytes(&payload).expect("the writer's payload reads");
            // The first writer knew only the seed, duration and arrival.
            let first_writer = WireFields(wire.simulation.0.iter().take(3).cloned().collect());
            assert_eq!(
                wire.simulation, first_writer,
                "n={n_components}, seed={seed}"
            );
            assert_eq!(
                decode_link(&seal(1, &payload)),
                Ok(v1_design),
                "v1: n={n_components}, seed={seed}"
            );
        }
    }
}

#[test]
fn every_template_survives_a_link() {
    for info in TEMPLATES {
        let design = template(info.name).expect("template exists");
        assert_eq!(
            decode_link(&encode_link(&design)),
            Ok(design),
            "{}",
            info.name
        );
    }
}

#[test]
fn a_link_keeps_the_exact_bits_of_awkward_numbers() {
    let mut design = template("auto-scaling").expect("template exists");
    design.components[1].position = Position {
        x: -0.0,
        y: 0.1 + 0.2,
    };
    design.components[2].position = Position {
        x: 99_999.999_999_9,
        y: -100_000.0,
    };
    design.components[3].service_time_ms = std::f64::consts::PI;
    design.workload.read_share = 1.0 / 3.0;
    design.simulation.seed = u64::MAX;
    let decoded = decode_link(&encode_link(&design)).expect("valid design decodes");
    assert_eq!(
        decoded.components[1].position.x.to_bits(),
        (-0.0f64).to_bits()
    );
    assert_eq!(
        decoded.components[1].position.y.to_bits(),
        (0.1f64 + 0.2).to_bits()
    );
    assert_eq!(decoded, design);
}

#[test]
fn a_design_file_keeps_the_exact_bits_of_awkward_numbers() {
    let mut design = template("auto-scaling").expect("template exists");
    design.components[1].position = Position {
        x: 0.1 + 0.2,
        y: 99_999.999_999_9,
    };
    // The fuzzer's find: read without `float_roundtrip`, this came back as 20.000000000000014.
    design.components[3].service_time_ms = 20.000_000_000_000_018;
    design.workload.read_share = 1.0 / 3.0;
    let file = design_file::to_json(&design);
    let read = design_file::from_json(&file).expect("a written file reads");
    assert_eq!(
        read.components[3].service_time_ms.to_bits(),
        20.000_000_000_000_018f64.to_bits()
    );
    assert_eq!(read, design);
    // Many numbers with every mantissa bit in use, not only the hand-picked ones.
    let mut random = crate::generate::SplitMix(7);
    let mut awkward = template("auto-scaling").expect("template exists");
    for round in 0..500 {
        for component in &mut awkward.components {
            let unit = (random.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            component.position.x = unit * 10_000.0;
            component.position.y = unit * 3.0;
        }
        let read = design_file::from_json(&design_file::to_json(&awkward)).expect("reads");
        assert_eq!(read, awkward, "round {round}");
    }
}

#[test]
fn a_link_is_the_same_for_a_url_a_hash_and_a_bare_fragment() {
    let design = template("microservices").expect("template exists");
    let link = encode_link(&design);
    for text in [
        link.clone(),
        format!("#{link}"),
        format!("https://archplay.example/play?x=1#{link}"),
        format!("  {link}\n"),
    ] {
        assert_eq!(decode_link(&text), Ok(design.clone()), "{text}");
    }
}
