//! `archplay compare` end to end: the monolith against the microservices
//! template as JSON, `--simulate` runs equal to `archplay simulate` of each
//! design with the same seed and duration, and bad arguments refused with
//! exit code 2.

use crate::run::{archplay, stderr, stdout, TempFile};
use serde_json::Value;

/// Template `name` in a file of its own for the test called `test`.
fn template_file(name: &str, test: &str) -> TempFile {
    let output = archplay(&["template", name], None);
    assert!(output.status.success(), "{}", stderr(&output));
    TempFile::new(&format!("compare-{test}-{name}.json"), &stdout(&output))
}

fn compare_json(args: &[&str]) -> Value {
    let output = archplay(args, None);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("compare prints JSON")
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].as_str().expect("a name"))
        .collect()
}

#[test]
fn monolith_against_microservices_lists_what_the_split_adds() {
    let (monolith, micro) = (
        template_file("monolith", "lists"),
        template_file("microservices", "lists"),
    );
    let json = compare_json(&["compare", monolith.path(), micro.path()]);
    assert_eq!(
        names(&json["components"]["added"]),
        [
            "api-gateway",
            "auth",
            "registry",
            "users-service",
            "orders-service",
            "payments-service",
            "users-db",
            "orders-db",
            "payments-db"
        ]
    );
    assert_eq!(
        names(&json["components"]["removed"]),
        ["load-balancer", "app-server", "app-db"]
    );
    // The clients and monitoring are in both, unchanged.
    assert_eq!(json["components"]["changed"], serde_json::json!([]));
    let total = &json["cost"]["total_usd_per_month"];
    assert_eq!(total["a"], 985.0);
    assert_eq!(total["b"], 3275.0);
    assert_eq!(total["delta"], 2290.0);
    assert_eq!(json["estimate"]["bottleneck"]["a"], "app-server");
    assert_eq!(json["estimate"]["bottleneck"]["b"], "orders-service");
    assert_eq!(json["runs"], Value::Null, "no run without --simulate");
    let security = json["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["score"] == "security")
        .unwrap();
    assert!(
        security["points"]["delta"].as_f64().unwrap() > 0.0,
        "the gateway and auth provider earn security points: {security}"
    );
}

#[test]
fn simulated_runs_are_simulate_of_each_design_with_one_seed() {
    let (monolith, micro) = (
        template_file("monolith", "runs"),
        template_file("microservices", "runs"),
    );
    let json = compare_json(&[
        "compare",
        monolith.path(),
        micro.path(),
        "--simulate",
        "--seed",
        "11",
        "--duration",
        "15",
    ]);
    let runs = &json["runs"];
    assert_eq!(runs["seed"], 11);
    assert_eq!(
        runs["source"],
        "simulated runs of each design, seed 11, 15 s"
    );
    assert!(json["estimate"]["source"]
        .as_str()
        .unwrap()
        .starts_with("analytic estimate"));
    assert_eq!(runs["duration_s"], 15.0);
    for (side, file) in [("a", &monolith), ("b", &micro)] {
        let output = archplay(
            &["simulate", file.path(), "--seed", "11", "--duration", "15"],
            None,
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let summary: Value = serde_json::from_str(&stdout(&output)).unwrap();
        let latency = &summary["end_to_end"]["latency"];
        for (figure, field) in [
            ("p50_ms", "p50_ms"),
            ("p95_ms", "p95_ms"),
            ("p99_ms", "p99_ms"),
        ] {
            assert_eq!(runs[figure][side], latency[field], "{side} {figure}");
        }
        assert_eq!(
            runs["throughput_rps"][side], summary["end_to_end"]["throughput_rps"],
            "{side} throughput"
        );
        assert_eq!(
            runs["failed"][side].as_f64(),
            summary["end_to_end"]["failed"].as_f64(),
            "{side} failed"
        );
        let busiest = summary["components"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["kind"] != "client")
            .max_by(|x, y| {
                x["utilisation"]
                    .as_f64()
                    .unwrap()
                    .total_cmp(&y["utilisation"].as_f64().unwrap())
            })
            .unwrap();
        assert_eq!(runs["bottleneck"][side]["name"], busiest["name"], "{side}");
    }
    assert_eq!(runs["bottleneck"]["a"]["name"], "app-server");
}

#[test]
fn bad_arguments_are_refused_with_exit_code_2() {
    let monolith = template_file("monolith", "refused");
    let path = monolith.path();
    let cases: [(&[&str], &str); 6] = [
        (&["compare"], "`compare` takes two design files"),
        (&["compare", path], "`compare` takes two design files"),
        (
            &["compare", path, path, "--seed", "3"],
            "--seed and --duration set the runs of --simulate",
        ),
        (
            &["compare", path, path, "--frobnicate"],
            "unknown flag `--frobnicate`",
        ),
        (
            &["compare", path, path, "--simulate", "--duration", "-4"],
            "--duration -4: bad setting `duration_s`",
        ),
        (
            &["compare", path, "missing.json"],
            "cannot read missing.json",
        ),
    ];
    for (args, message) in cases {
        let output = archplay(args, None);
        let expected_code = if message.starts_with("cannot read") {
            1
        } else {
            2
        };
        assert_eq!(output.status.code(), Some(expected_code), "{args:?}");
        assert!(
            stderr(&output).contains(message),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stdout(&output).is_empty(),
            "{args:?} prints nothing on standard output"
        );
    }
}
