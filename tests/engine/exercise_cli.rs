//! `archplay exercise list|start|check` run as a process: the catalog on
//! the command line, graded as the engine grades, with exit codes 0 (all
//! checks pass), 1 (some fail) and 2 (bad input).

use crate::run::{archplay, stderr, stdout};
use archplay::engine::learn::{catalog, exercise, reference_design, start_design};
use archplay::engine::share::design_file::{from_json, to_json};
use serde_json::Value;
use std::path::PathBuf;

/// A design file in the temporary directory, removed on drop.
struct TempDesign(PathBuf);

impl TempDesign {
    fn new(name: &str, text: &str) -> TempDesign {
        let path =
            std::env::temp_dir().join(format!("archplay-exercise-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        TempDesign(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempDesign {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn check(id: &str, design_text: &str) -> (i32, Value, String) {
    let file = TempDesign::new(id, design_text);
    let output = archplay(&["exercise", "check", id, file.path()], None);
    let report = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), report, stderr(&output))
}

#[test]
fn list_names_every_exercise_of_the_catalog_in_order() {
    let output = archplay(&["exercise", "list"], None);
    assert!(output.status.success(), "{}", stderr(&output));
    let ids: Vec<String> = stdout(&output)
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_string))
        .collect();
    let expected: Vec<String> = catalog().into_iter().map(|e| e.id).collect();
    assert_eq!(ids, expected);
}

#[test]
fn start_prints_the_starting_design_file() {
    let output = archplay(&["exercise", "start", "solid-single-responsibility"], None);
    assert!(output.status.success(), "{}", stderr(&output));
    let design = from_json(&stdout(&output)).unwrap();
    let expected = start_design(&exercise("solid-single-responsibility").unwrap());
    assert_eq!(design, expected);
}

#[test]
fn check_fails_the_start_and_passes_the_reference() {
    // One exercise graded instantly, one through its simulated runs.
    for id in ["rubric-security", "microservices-killed-replica"] {
        let made = exercise(id).unwrap();
        let (code, report, message) = check(id, &to_json(&start_design(&made)));
        assert_eq!(code, 1, "{id}: {message}");
        assert!(message.contains("fail"), "{id}: {message}");
        let checks = report["checks"].as_array().unwrap();
        assert_eq!(checks.len(), made.checks.len(), "{id}");
        assert_eq!(report["passed"], false);
        for (result, spec) in checks.iter().zip(&made.checks) {
            assert_eq!(result["id"], spec.id.as_str());
            assert_eq!(result["label"], spec.label.as_str());
            assert!(!result["measured"].as_str().unwrap().is_empty(), "{id}");
            assert!(!result["required"].as_str().unwrap().is_empty(), "{id}");
            assert!(result["passed"].is_boolean());
        }
        assert!(checks.iter().any(|c| c["passed"] == false), "{id}");

        let (code, report, message) = check(id, &to_json(&reference_design(&made)));
        assert_eq!(code, 0, "{id}: {message} {report}");
        assert_eq!(report["passed"], true);
    }
}

#[test]
fn bad_input_exits_2_naming_the_problem() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["exercise", "start", "no-such-exercise"],
            "no exercise has the id `no-such-exercise`",
        ),
        (
            &["exercise", "check", "no-such-exercise", "-"],
            "no exercise has the id",
        ),
        (&["exercise"], "`exercise` takes"),
        (&["exercise", "frobnicate", "x"], "`exercise` takes"),
    ];
    for (args, expected) in cases {
        let output = archplay(args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let (code, _, message) = check("rubric-security", "{\"not\": \"a design\"}");
    assert_eq!(code, 2);
    assert!(message.contains("not an Archplay design file"), "{message}");
}
