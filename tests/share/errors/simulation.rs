//! Simulation sections of a link that are not a design: each bad setting is
//! refused as a `LinkError` naming it.

use super::*;

#[test]
fn simulation_data_that_is_not_a_design() {
    let with_simulation = |simulation: WireFields| {
        seal(
            2,
            &WireDesign {
                name: "x".into(),
                simulation,
                ..WireDesign::default()
            }
            .to_bytes(),
        )
    };
    let fault = |kind: u32, amount: Option<f64>| WireFault {
        component: 0,
        kind,
        at_s: 1.0,
        duration_s: None,
        amount,
    };
    let cases: [(WireFields, &str); 6] = [
        (
            simulation_with("simulation.arrival", WireValue::Whole(5)),
            "arrival profile code 5 is unknown",
        ),
        (
            simulation_with("simulation.key_popularity", WireValue::Whole(2)),
            "key popularity code 2 is unknown",
        ),
        (
            simulation_with("simulation.autoscaler", WireValue::Whole(7)),
            "autoscaler code 7 is unknown",
        ),
        (
            simulation_with("simulation.faults", WireValue::Faults(vec![fault(4, None)])),
            "fault kind code 4 is unknown",
        ),
        (
            simulation_with("simulation.faults", WireValue::Faults(vec![fault(2, None)])),
            "fault of kind code 2 has no amount",
        ),
        (
            simulation_with(
                "simulation.faults",
                WireValue::Faults(vec![fault(0, Some(5.0))]),
            ),
            "carries an amount it cannot have",
        ),
    ];
    for (simulation, words) in cases {
        check(
            &with_simulation(simulation),
            |e| matches!(e, LinkError::Malformed(_)),
            &["malformed", words],
        );
    }
    // Mask bit 32 is past the last simulation field of the layout.
    let mut payload = encode_payload(&Design::new("x"));
    let simulation_mask = 5;
    assert_eq!(
        &payload[..=simulation_mask],
        &[1, b'x', 0, 0, 0, 0],
        "name, three empty sections, empty simulation mask"
    );
    payload.splice(
        simulation_mask..=simulation_mask,
        [0x80, 0x80, 0x80, 0x80, 0x10],
    );
    check(
        &seal(2, &payload),
        |e| matches!(e, LinkError::Malformed(_)),
        &["the simulation settings has fields this version does not know"],
    );
}
