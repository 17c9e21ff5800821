//! Bad settings are refused by name; the CLI's `simulate` end to end.

use crate::run;
use crate::support::chain;
use archplay::engine::model::{
    ArrivalProfile, ComponentId, FaultAction, KeyPopularityKind, ScheduledFault, ServiceTimeKind,
    SimulationSettings,
};
use archplay::engine::share::design_file;
use archplay::engine::sim::options::TrafficProfile;
use archplay::engine::sim::{RunPlan, SimError, Simulation};
use archplay::engine::templates::template;

fn refused(settings: SimulationSettings) -> String {
    let mut design = chain(10.0, &[(1, 10.0, 10)]);
    design.simulation = settings;
    match Simulation::new(&design) {
        Ok(_) => panic!("settings {:?} were accepted", design.simulation),
        Err(error) => error.to_string(),
    }
}

#[test]
fn bad_settings_are_refused_naming_the_setting() {
    // The simulator checks with the one validator (`check_settings`), so a
    // message names the setting by its inspector label, as the inspector does.
    let base = SimulationSettings::default;
    let fault = |component: u32, action| ScheduledFault {
        component: ComponentId(component),
        action,
        at_s: 1.0,
        duration_s: None,
    };
    let cases: Vec<(SimulationSettings, &str)> = vec![
        (
            SimulationSettings {
                duration_s: 0.0,
                ..base()
            },
            "Duration must be between 0.001",
        ),
        (
            SimulationSettings {
                duration_s: f64::NAN,
                ..base()
            },
            "Duration",
        ),
        (
            SimulationSettings {
                warmup_s: 60.0,
                ..base()
            },
            "warm-up (60 s) must be shorter than the run (60 s)",
        ),
        (
            SimulationSettings {
                arrival: ArrivalProfile::Wave,
                wave_amplitude: 1.5,
                ..base()
            },
            "Wave swing must be between 0 and 1",
        ),
        (
            SimulationSettings {
                arrival: ArrivalProfile::Spike,
                profile_at_percent: -1.0,
                ..base()
            },
            "Spike or step at must be between 0",
        ),
        (
            SimulationSettings {
                key_popularity: KeyPopularityKind::Zipf,
                zipf_exponent: 0.0,
                ..base()
            },
            "Zipf exponent must be between",
        ),
        (
            SimulationSettings {
                service_time: ServiceTimeKind::LogNormal,
                service_time_cv: f64::INFINITY,
                ..base()
            },
            "Service-time variation (CV)",
        ),
        (
            SimulationSettings {
                faults: vec![fault(1, FaultAction::AddErrors { percent: 200.0 })],
                ..base()
            },
            "Scheduled faults",
        ),
        (
            SimulationSettings {
                faults: vec![fault(99, FaultAction::ComponentDown)],
                ..base()
            },
            "99",
        ),
    ];
    for (settings, expected) in cases {
        let message = refused(settings);
        assert!(
            message.starts_with("bad simulation settings: ") && message.contains(expected),
            "`{message}` should name {expected}"
        );
    }
}

#[test]
fn a_component_too_large_to_simulate_is_refused() {
    let mut design = chain(10.0, &[(1, 10.0, 10)]);
    design.components[1].concurrency = 10_000;
    design.components[1].replicas.max = 1000;
    let error = Simulation::new(&design).err().unwrap();
    assert!(matches!(error, SimError::TooLarge { .. }), "{error}");
}

#[test]
fn the_plan_turns_shares_of_the_run_into_seconds() {
    let settings = SimulationSettings {
        seed: 3,
        duration_s: 20.0,
        arrival: ArrivalProfile::Spike,
        ..SimulationSettings::default()
    };
    let plan = RunPlan::from_settings(&settings, 100.0);
    assert_eq!((plan.settings.seed, plan.settings.duration_s), (3, 20.0));
    assert_eq!(
        plan.profile,
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
    // What the run cost: the autoscaled services priced as they ran.
    let cost = &summary["cost"];
    assert_eq!(cost["seconds"], 40.0);
    assert!(cost["usd_per_month"].as_f64().unwrap() > 0.0);
    assert!(cost["total_usd"].as_f64().unwrap() > 0.0);
    assert!(!cost["lines"].as_array().unwrap().is_empty());
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
    design.simulation.duration_s = 5.0;
    let mut simulation = Simulation::new(&design).unwrap();
    simulation.run_until(u64::MAX, 200_000);
    crate::support::check_universal(&simulation);
    design.workload.requests_per_second = f64::INFINITY;
    let mut simulation = Simulation::new(&design).unwrap();
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
    let mut scaling = template("auto-scaling").unwrap();
    scaling.simulation.seed = 17;
    std::fs::write(&design, design_file::to_json(&scaling)).unwrap();
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

    // The file overlays the design's settings: what it leaves out stays as
    // the design says (seed 17).
    let shorter = write("shorter.json", r#"{"duration_s": 12}"#);
    let (code, stdout, stderr) = archplay(&["simulate", design, "--options", &shorter]);
    assert_eq!(code, 0, "{stderr}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (summary["seed"].as_u64(), summary["simulated_s"].as_f64()),
        (Some(17), Some(12.0))
    );
    // A key the settings do not have, or a file that is not an object, is
    // refused by name rather than ignored.
    for (name, json, words) in [
        (
            "typo.json",
            r#"{"duraton_s": 12}"#,
            "unknown setting `duraton_s`",
        ),
        ("list.json", "[1, 2]", "expected a JSON object"),
        ("kind.json", r#"{"arrival": "sawtooth"}"#, "sawtooth"),
    ] {
        let path = write(name, json);
        let (code, stdout, stderr) = archplay(&["simulate", design, "--options", &path]);
        assert_eq!(code, 2, "{name}");
        assert!(stdout.is_empty(), "{name}");
        assert!(
            stderr.contains("not valid simulation settings") && stderr.contains(words),
            "{name}: {stderr}"
        );
    }

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
