//! The `archplay` command-line tool, run as a process: its JSON on standard
//! output, its messages on standard error and its exit codes.
//!
//! This file holds the helpers and `template`, `score` and `validate`;
//! `simulate` holds `score --simulate`.

mod simulate;

use crate::run::{archplay, stderr, stdout};
use serde_json::Value;
use std::path::PathBuf;

/// A file in the temporary directory, unique to this process and test, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("archplay-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn template_text(name: &str) -> String {
    let output = archplay(&["template", name], None);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn template_list_names_every_template() {
    let output = archplay(&["template", "--list"], None);
    assert!(output.status.success());
    let text = stdout(&output);
    let names: Vec<&str> = text
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert_eq!(
        names,
        [
            "microservices",
            "monolith",
            "event-driven",
            "auto-scaling",
            "database-scaling",
            "payment-gateway",
            "user-management-monolith",
            "user-management-split"
        ]
    );
}

#[test]
fn a_template_is_a_design_file() {
    let text = template_text("database-scaling");
    let design = archplay::engine::share::design_file::from_json(&text).unwrap();
    assert_eq!(
        design,
        archplay::engine::templates::template("database-scaling").unwrap()
    );
}

const FLAGS: [&str; 14] = [
    "supports_horizontal_scaling",
    "has_load_balancing",
    "has_caching",
    "supports_database_sharding",
    "has_fault_tolerance",
    "has_redundancy",
    "has_backup_recovery",
    "has_monitoring",
    "has_alerting",
    "has_authentication",
    "has_authorization",
    "has_encryption",
    "has_audit_logging",
    "has_vulnerability_scanning",
];

/// The seed's quality targets, by name (a template replaces the throughput
/// target with its own load; `check_report` takes that one apart).
const TARGETS: [(&str, f64); 13] = [
    ("response_time_ms", 100.0),
    ("throughput_rps", 1000.0),
    ("latency_ms", 50.0),
    ("cpu_percent", 70.0),
    ("code_quality", 85.0),
    ("documentation", 90.0),
    ("test_coverage", 80.0),
    ("modularity", 85.0),
    ("complexity", 70.0),
    ("user_experience", 90.0),
    ("accessibility", 85.0),
    ("responsiveness", 95.0),
    ("error_handling", 80.0),
];

fn check_report(report: &Value, load_rps: f64) {
    let facts = report["facts"].as_object().expect("facts");
    for flag in FLAGS {
        assert!(facts[flag].is_boolean(), "facts.{flag} is a boolean");
        assert!(
            report["reasons"][flag]
                .as_str()
                .is_some_and(|r| !r.is_empty()),
            "reasons.{flag}"
        );
    }
    for (name, target) in TARGETS {
        assert!(
            facts[name].is_number(),
            "facts.{name} is a number: {}",
            facts[name]
        );
        let target = if name == "throughput_rps" {
            load_rps
        } else {
            target
        };
        assert_eq!(
            report["targets"][name].as_f64(),
            Some(target),
            "targets.{name}"
        );
    }
    assert_eq!(facts.len(), 27, "27 facts");
    let scores = report["scores"].as_object().unwrap();
    let names: Vec<&str> = scores.keys().map(String::as_str).collect();
    for attribute in [
        "scalability",
        "reliability",
        "security",
        "performance",
        "maintainability",
        "usability",
        "overall",
    ] {
        assert!(
            names.contains(&attribute),
            "scores.{attribute} in {names:?}"
        );
        let score = scores[attribute].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&score));
    }
    let rubric = report["rubric"].as_array().unwrap();
    assert_eq!(rubric.len(), 6);
    for attribute in rubric {
        let lines = attribute["lines"].as_array().unwrap();
        let sum: f64 = lines.iter().map(|l| l["points"].as_f64().unwrap()).sum();
        assert_eq!(attribute["score"].as_f64(), Some(sum));
        assert_eq!(
            scores[attribute["attribute"].as_str().unwrap()].as_f64(),
            Some(sum)
        );
    }
}

#[test]
fn score_reads_a_file_and_prints_the_report() {
    let file = TempFile::new("microservices.json", &template_text("microservices"));
    let output = archplay(&["score", file.path()], None);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("the report is JSON");
    check_report(&report, 400.0);
    assert_eq!(report["facts"]["has_caching"], Value::Bool(false));
    assert_eq!(report["facts"]["has_monitoring"], Value::Bool(true));
    assert_eq!(report["scores"]["reliability"].as_f64(), Some(100.0));
    assert_eq!(report["estimate"]["saturated"], Value::Bool(false));
}

#[test]
fn score_prints_the_monthly_cost_beside_the_six_scores() {
    let file = TempFile::new("cost.json", &template_text("microservices"));
    let output = archplay(&["score", file.path()], None);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let cost = &report["cost"];
    assert_eq!(cost["total_usd_per_month"].as_f64(), Some(3275.0));
    let components = cost["components"].as_array().unwrap();
    let sum: f64 = components
        .iter()
        .map(|line| line["usd_per_month"].as_f64().unwrap())
        .sum();
    assert_eq!(sum, 3275.0);
    assert!(components.iter().all(|line| line["id"].is_number()));
    assert!(components[0]["what"]
        .as_str()
        .unwrap()
        .starts_with("api-gateway: 2 replicas"));
    assert!(cost["by_kind"].as_array().unwrap().len() >= 5);
    assert!(cost["source"].as_str().unwrap().contains("unit prices"));
    // Not a seventh score: the six and the overall, as before.
    assert_eq!(report["scores"].as_object().unwrap().len(), 7);
    assert!(report["scores"]["cost"].is_null());
}

#[test]
fn score_reads_standard_input_for_a_dash() {
    // The shape of `archplay template database-scaling | archplay score -`.
    let output = archplay(&["score", "-"], Some(&template_text("database-scaling")));
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    check_report(&report, 1500.0);
    assert_eq!(
        report["facts"]["supports_database_sharding"],
        Value::Bool(true)
    );
    assert_eq!(report["facts"]["has_caching"], Value::Bool(true));
    assert_eq!(report["scores"]["scalability"].as_f64(), Some(100.0));
    // The estimate: each cache's hit ratio derived from its TTL (1.2 reads/s
    // and 0.3 writes/s per key, 300 s TTL: 80 %), in figures and in words,
    // and the path figures beside the answered rate and the capacity.
    let estimate = &report["estimate"];
    let cache = estimate["stations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "redis-cache")
        .expect("the cache is in the estimate");
    assert_eq!(cache["cache_hit_ratio"].as_f64(), Some(0.8));
    assert!(estimate["caches"][0]
        .as_str()
        .unwrap()
        .starts_with("redis-cache answers an estimated 80.0% of reads: TTL 300 s"));
    for figure in ["mean_response_ms", "p95_response_ms", "p99_response_ms"] {
        assert!(estimate[figure].as_f64().unwrap() > 0.0, "{figure}");
    }
    assert_eq!(estimate["answered_rps"].as_f64(), Some(1500.0));
    assert_eq!(estimate["capacity_rps"].as_f64(), Some(2400.0));
    assert_eq!(estimate["bottleneck_name"], "catalog-service");
}

#[test]
fn validate_says_ok_for_a_good_file() {
    let output = archplay(&["validate", "-"], Some(&template_text("payment-gateway")));
    assert!(output.status.success());
    assert_eq!(stdout(&output).trim(), "ok");
}

/// Runs `args`, expects exit code `code`, nothing on standard output and a
/// message on standard error containing `words`.
#[track_caller]
fn check_fails(args: &[&str], stdin: Option<&str>, code: i32, words: &str) {
    let output = archplay(args, stdin);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}: stderr {}",
        stderr(&output)
    );
    assert!(
        stdout(&output).is_empty(),
        "{args:?} printed {}",
        stdout(&output)
    );
    let message = stderr(&output);
    assert!(message.starts_with("archplay: "), "{message}");
    assert!(
        message.contains(words),
        "{args:?}: {message:?} should contain {words:?}"
    );
}

#[test]
fn bad_input_fails_with_a_message_naming_the_problem() {
    let missing = std::env::temp_dir().join(format!(
        "archplay-cli-{}-does-not-exist.json",
        std::process::id()
    ));
    let missing = missing.to_str().unwrap();
    check_fails(
        &["score", missing],
        None,
        1,
        &format!("cannot read {missing}"),
    );
    let bad_json = TempFile::new("bad.json", "{\"archplay\": 1, ");
    check_fails(
        &["score", bad_json.path()],
        None,
        2,
        "not a valid design file",
    );
    check_fails(
        &["score", "-"],
        Some("{\"archplay\": 7}"),
        2,
        "-: the file uses format version 7",
    );
    check_fails(
        &["validate", "-"],
        Some("{\"archplay\": 1, \"connections\": [{\"id\": 0, \"from\": 0, \"to\": 1}]}"),
        2,
        "does not exist",
    );
    check_fails(
        &["template", "monolithic"],
        None,
        2,
        "no template named `monolithic`; try one of: microservices, monolith,",
    );
    check_fails(&["template"], None, 2, "`template` takes a name or --list");
    check_fails(&["score"], None, 2, "`score` takes one design file");
    check_fails(
        &["score", "a.json", "b.json"],
        None,
        2,
        "`score` takes one design file",
    );
    check_fails(&["frobnicate"], None, 2, "unknown command `frobnicate`");
    check_fails(&[], None, 2, "usage:");
}
