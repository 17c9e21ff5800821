//! The simulation settings in a design file: an old file without them loads
//! with their defaults, and every setting survives a save and a load.

use super::*;

#[test]
fn a_design_file_without_the_new_settings_loads_with_their_defaults() {
    let old = r#"{"archplay": 1, "name": "old", "simulation": {"seed": 5, "duration_s": 30, "arrival": "spike"}}"#;
    let design = design_file::from_json(old).unwrap();
    let expected = SimulationSettings {
        seed: 5,
        duration_s: 30.0,
        arrival: ArrivalProfile::Spike,
        ..SimulationSettings::default()
    };
    assert_eq!(design.simulation, expected);
    let step =
        design_file::from_json(r#"{"archplay": 1, "simulation": {"arrival": "step"}}"#).unwrap();
    assert_eq!(step.simulation.arrival, ArrivalProfile::Step);
    assert!(
        design_file::from_json(r#"{"archplay": 1, "simulation": {"arrival": "sawtooth"}}"#)
            .is_err()
    );
}

#[test]
fn every_setting_survives_the_design_file() {
    let mut design = shop();
    for (key, value) in [
        ("simulation.arrival", "spike"),
        ("simulation.profile_length_percent", "12.5"),
        ("simulation.autoscaler", "hpa"),
        ("simulation.hpa_tolerance", "0.15"),
        ("simulation.timeout_enabled", "true"),
        (
            "simulation.faults",
            "latency api-gateway at 10s for 20s +50ms; errors payments-service at 5s 20%",
        ),
    ] {
        set(&mut design, key, value);
    }
    let json = design_file::to_json(&design);
    assert!(
        json.contains(r#""kind": "add_latency""#) && json.contains(r#""percent": 20.0"#),
        "{json}"
    );
    assert_eq!(design_file::from_json(&json), Ok(design));
}
