//! Bad settings are refused by name; the CLI's `simulate` end to end.

use crate::run;
use crate::support::chain;
use archplay::engine::model::{ArrivalProfile, ComponentId, SimulationSettings};
use archplay::engine::share::design_file;
use archplay::engine::sim::options::{
    Fault, FaultKind, KeyPopularity, ServiceTimeDistribution, TrafficProfile,
};
use archplay::engine::sim::{SimError, Simulation, SimulationOptions};
use archplay::engine::templates::template;

fn refused(options: SimulationOptions) -> String {
    match Simulation::new(&chain(10.0, &[(1, 10.0, 10)]), &options) {
        Ok(_) => panic!("options {options:?} were accepted"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn bad_options_are_refused_naming_the_setting() {
    let base = SimulationOptions::default;
    let cases: Vec<(SimulationOptions, &str)> = vec![
        (
            SimulationOptions {
                duration_s: 0.0,
                ..base()
            },
            "`duration_s`",
        ),
        (
            SimulationOptions {
                duration_s: f64::NAN,
                ..base()
            },
            "`duration_s`",
        ),
        (
            SimulationOptions {
                warmup_s: 60.0,
                ..base()
            },
            "`warmup_s`",
        ),
        (
            SimulationOptions {
                profile: TrafficProfile::DailyWave {
                    period_s: 10.0,
                    amplitude: 1.5,
                },
                ..base()
            },
            "`profile.amplitude`",
        ),
        (
            SimulationOptions {
                profile: TrafficProfile::Spike {
                    at_s: -1.0,
                    duration_s: 1.0,
                    factor: 2.0,
                },
                ..base()
            },
            "`profile.at_s`",
        ),
        (
            SimulationOptions {
                key_popularity: KeyPopularity::Zipf { exponent: 0.0 },
                ..base()
            },
            "`key_popularity.exponent`",
        ),
        (
            SimulationOptions {
                service_time: ServiceTimeDistribution::Erlang { k: 0 },
                ..base()
            },
            "`service_time.k`",
        ),
        (
            SimulationOptions {
                service_time: ServiceTimeDistribution::LogNormal { cv: f64::INFINITY },
                ..base()
            },
            "`service_time.cv`",
        ),
        (
            SimulationOptions {
                faults: vec![Fault {
                    at_s: 1.0,
                    component: ComponentId(0),
                    kind: FaultKind::AddErrors { rate: 2.0 },
                    duration_s: None,
                }],
                ..base()
            },
            "`faults[0].rate`",
        ),
        (
            SimulationOptions {
                faults: vec![Fault {
                    at_s: 1.0,
                    component: ComponentId(99),
                    kind: FaultKind::ComponentDown,
                    duration_s: None,
                }],
                ..base()
            },
            "`faults[0].component`: no component has id 99",
        ),
    ];
    for (options, expected) in cases {
        let message = refused(options);
        assert!(
            message.contains(expected),
            "`{message}` should name {expected}"
        );
        assert_eq!(message, message.to_lowercase(), "messages are lower case");
    }
}

#[test]
fn a_component_too_large_to_simulate_is_refused() {
    let mut design = chain(10.0, &[(1, 10.0, 10)]);
    design.components[1].concurrency = 10_000;
    design.components[1].replicas.max = 1000;
    let error = Simulation::new(&design, &SimulationOptions::default())
        .err()
        .unwrap();
    assert!(matches!(error, SimError::TooLarge { .. }), "{error}");
}

#[test]
fn options_read_from_json_with_every_field_optional() {
    let options: SimulationOptions =
        serde_json::from_str(r#"{"seed": 7, "profile": {"kind": "step", "at_s": 5, "factor": 2}}"#)
            .unwrap();
    assert_eq!(options.seed, 7);
    assert_eq!(options.duration_s, 60.0);
    assert_eq!(
        options.profile,
        TrafficProfile::Step {
            at_s: 5.0,
            factor: 2.0
        }
    );
    let settings = SimulationSettings {
        seed: 3,
        duration_s: 20.0,
        arrival: ArrivalProfile::Spike,
        ..SimulationSettings::default()
    };
    let converted = SimulationOptions::from_settings(&settings, 100.0);
    assert_eq!((converted.seed, converted.duration_s), (3, 20.0));
    assert_eq!(
        converted.profile,
        TrafficProfile::Spike {
            at_s: 9.0,
            duration_s: 2.0,
            factor: 3.0
        }
    );
}

fn archplay(args: &[&str]) -> (i32, String, String) {
    let output = run::archplay(args, None);
    (
        output.status.code().unwrap_or(-1),
        run::stdout(&output),
        run::stderr(&output),
    )
}

#[test]
fn the_cli_prints_a_json_summary_and_refuses_bad_arguments_with_exit_code_2() {
    let dir = std::env::temp_dir().join(format!("archplay-sim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("scaling.json");
    std::fs::write(
        &path,
        design_file::to_json(&template("auto-scaling").unwrap()),
    )
    .unwrap();
    let path = path.to_str().unwrap();

    let (code, stdout, _) = archplay(&["simulate", path, "--seed", "3", "--duration", "40"]);
    assert_eq!(code, 0);
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(summary["seed"], 3);
    assert_eq!(summary["simulated_s"], 40.0);
    assert!(summary["end_to_end"]["throughput_rps"].as_f64().unwrap() > 0.0);
    for key in ["mean_ms", "p50_ms", "p95_ms", "p99_ms"] {
        assert!(summary["end_to_end"]["latency"][key].is_number(), "{key}");
    }
    let web = summary["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "web-service")
        .unwrap();
    for key in [
        "utilisation",
        "mean_queue_length",
        "errors",
        "drops",
        "replica_timeline",
        "throughput_rps",
    ] {
        assert!(!web[key].is_null(), "{key}");
    }
    let (_, again, _) = archplay(&["simulate", path, "--seed", "3", "--duration", "40"]);
    assert_eq!(stdout, again, "the same seed prints the same summary");

    for bad in [
        vec!["simulate", path, "--seed", "x"],
        vec!["simulate", path, "--duration", "-5"],
        vec!["simulate", path, "--frobnicate"],
        vec!["simulate"],
        vec!["simulate", path, "extra"],
    ] {
        let (code, stdout, stderr) = archplay(&bad);
        assert_eq!(code, 2, "{bad:?}");
        assert!(stdout.is_empty());
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "one line for {bad:?}: {stderr}"
        );
    }
    let (code, _, stderr) = archplay(&["simulate", path, "--duration", "-5"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("`duration_s`"), "{stderr}");
    // Flags share the design's ranges: the attribute table's minimum duration is 0.001 s.
    let (code, _, stderr) = archplay(&["simulate", path, "--duration", "1e-300"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("0.001"), "{stderr}");
    // An echoed argument is escaped and cut: no control character reaches the terminal.
    let hostile = format!("--x\u{1b}[2J{}", "y".repeat(10_000));
    let (code, _, stderr) = archplay(&["simulate", path, &hostile]);
    assert_eq!(code, 2);
    assert!(stderr.contains("U+001B"), "{stderr}");
    assert!(!stderr.trim_end().chars().any(char::is_control), "{stderr}");
    assert!(stderr.len() < 400, "{} bytes", stderr.len());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_design_with_extreme_values_runs_without_panicking() {
    use archplay::engine::model::ComponentKind;
    let mut design = template("database-scaling").unwrap();
    design.workload.hop_latency_ms = 1e300;
    design.workload.key_space = 0;
    design.workload.read_share = f64::NAN;
    for component in &mut design.components {
        component.service_time_ms = if component.kind == ComponentKind::Cache {
            f64::NAN
        } else {
            1e300
        };
        component.concurrency = 0;
        component.queue_capacity = 0;
        component.health_check.interval_s = 1e-12;
    }
    let options = SimulationOptions {
        duration_s: 5.0,
        ..SimulationOptions::default()
    };
    let mut simulation = Simulation::new(&design, &options).unwrap();
    simulation.run_until(u64::MAX, 200_000);
    crate::support::check_universal(&simulation);
    design.workload.requests_per_second = f64::INFINITY;
    let mut simulation = Simulation::new(&design, &options).unwrap();
    simulation.run_until(u64::MAX, 200_000);
    assert_eq!(
        simulation.stats().requests_arrived,
        0,
        "an infinite rate offers nothing rather than everything"
    );
}

#[test]
fn the_cli_options_file_holds_design_settings_checked_by_the_attribute_table() {
    let dir = std::env::temp_dir().join(format!("archplay-cli-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let design = dir.join("scaling.json");
    std::fs::write(
        &design,
        design_file::to_json(&template("auto-scaling").unwrap()),
    )
    .unwrap();
    let design = design.to_str().unwrap();
    let write = |name: &str, json: &str| {
        let path = dir.join(name);
        std::fs::write(&path, json).unwrap();
        path.to_str().unwrap().to_string()
    };

    let good = write(
        "good.json",
        r#"{"seed": 4, "duration_s": 20, "arrival": "step"}"#,
    );
    let (code, stdout, stderr) = archplay(&["simulate", design, "--options", &good]);
    assert_eq!(code, 0, "{stderr}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (summary["seed"].as_u64(), summary["simulated_s"].as_f64()),
        (Some(4), Some(20.0))
    );

    // The same range the inspector shows: start-up delay is 0 to 86400 s.
    let late = write("late.json", r#"{"startup_delay_s": 90000}"#);
    let (code, stdout, stderr) = archplay(&["simulate", design, "--options", &late]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("Replica start-up delay must be between 0 and 86400"),
        "{stderr}"
    );
    // A flag goes through the same entry and is checked against the file's settings.
    let (code, _, stderr) = archplay(&["simulate", design, "--options", &good, "--warmup", "25"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`warmup_s`") && stderr.contains("shorter than the run"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
