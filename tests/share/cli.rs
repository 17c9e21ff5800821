//! `archplay link`, `open` and `export` as a script would run them.

use crate::run::stdout;
use crate::{fixture_design, fixtures_dir};
use archplay::engine::share::design_file;
use std::process::Output;

/// Runs `archplay` with nothing on standard input.
fn archplay(args: &[&str]) -> Output {
    crate::run::archplay(args, None)
}

/// Bad input: exit code 2 and one line on standard error that mentions `words`.
fn assert_refused(output: &Output, words: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "not one line: {stderr}"
    );
    for word in words {
        assert!(
            stderr.contains(word),
            "{stderr:?} does not mention {word:?}"
        );
    }
}

#[test]
fn link_then_open_gives_back_the_design_file() {
    for name in ["edge-case", "simulation-everything"] {
        let path = fixtures_dir().join(format!("{name}.json"));
        let linked = archplay(&["link", path.to_str().unwrap_or_default()]);
        assert!(linked.status.success());
        let link = stdout(&linked).trim().to_string();
        assert!(link.starts_with("v2.") && !link.contains('#'));
        let url = format!("https://archplay.example/#{link}");
        let opened = archplay(&["open", &url]);
        assert!(opened.status.success());
        assert_eq!(
            design_file::from_json(&stdout(&opened)),
            Ok(fixture_design(name)),
            "{name}"
        );
    }
}

#[test]
fn open_reads_an_autosaved_snapshot() {
    let design = fixture_design("simulation-everything");
    let snapshot = archplay::engine::share::encode_snapshot(&design);
    let opened = archplay(&["open", &snapshot]);
    assert!(opened.status.success());
    assert_eq!(design_file::from_json(&stdout(&opened)), Ok(design));
    assert_refused(&archplay(&["open", "s1.!!"]), &["snapshot", "damaged"]);
}

#[test]
fn bad_links_are_refused_in_one_line() {
    assert_refused(&archplay(&["open", "v9.abc"]), &["newer Archplay"]);
    assert_refused(&archplay(&["open", ""]), &["empty"]);
    assert_refused(&archplay(&["open", "v1.ab%c"]), &["`%` at position 6"]);
    assert_refused(&archplay(&["open"]), &["takes one link"]);
}

#[test]
fn exports_print_mermaid_yaml_and_svg() {
    let path = fixtures_dir().join("auto-scaling.json");
    let path = path.to_str().unwrap_or_default();
    let mermaid = archplay(&["export", "mermaid", path]);
    assert!(mermaid.status.success() && stdout(&mermaid).starts_with("flowchart LR\n"));
    let hpa = archplay(&["export", "hpa", path]);
    assert!(hpa.status.success());
    assert_eq!(
        stdout(&hpa)
            .matches("kind: HorizontalPodAutoscaler")
            .count(),
        2
    );
    assert_eq!(stdout(&hpa).matches("\n---\n").count(), 1);
    let svg = archplay(&["export", "svg", path]);
    assert!(svg.status.success() && stdout(&svg).starts_with("<svg "));
    assert_refused(
        &archplay(&["export", "png", path]),
        &["unknown export format `png`"],
    );
    assert_refused(
        &archplay(&["export", "svg"]),
        &["takes a format and a design file"],
    );
    // A missing file is an I/O failure (exit 1), still named in one line.
    let missing = archplay(&["link", "/nonexistent/design.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/design.json")
    );
}
