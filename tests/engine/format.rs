//! The design file: round trips, refusals that name the problem, old files
//! in `tests/fixtures/designs` that must keep loading, and a few hundred
//! mutated files that must each load or be refused cleanly.

use crate::{sketch, SplitMix, EXEMPLARY};
use archplay::engine::model::Design;
use archplay::engine::score::score;
use archplay::engine::share::design_file::{
    from_json, to_compact_json, to_json, FormatError, FORMAT_VERSION, MAX_FILE_BYTES,
};
use archplay::engine::templates::{template, TEMPLATES};
use std::path::PathBuf;

fn every_template() -> Vec<Design> {
    TEMPLATES
        .iter()
        .map(|info| template(info.name).unwrap())
        .collect()
}

#[test]
fn every_template_round_trips_through_both_writers() {
    let mut designs = every_template();
    designs.push(sketch(EXEMPLARY));
    designs.push(Design::new(""));
    for design in designs {
        let pretty = to_json(&design);
        assert!(
            pretty.starts_with("{\n  \"archplay\": 1,"),
            "the version comes first: {}",
            &pretty[..40]
        );
        assert_eq!(
            from_json(&pretty).unwrap(),
            design,
            "{}: pretty",
            design.name
        );
        assert_eq!(
            from_json(&to_compact_json(&design)).unwrap(),
            design,
            "{}: compact",
            design.name
        );
        // Writing what was read gives the same text.
        assert_eq!(to_json(&from_json(&pretty).unwrap()), pretty);
    }
}

/// Reads `text` and checks it is refused with a message containing `words`.
#[track_caller]
fn check_refused(text: &str, words: &str) -> FormatError {
    let error = from_json(text).expect_err("the file should be refused");
    assert!(
        error.to_string().contains(words),
        "message {:?} should contain {words:?}",
        error.to_string()
    );
    error
}

#[test]
fn broken_files_are_refused_with_the_problem_named() {
    let error = check_refused(
        "{\"archplay\": 1, \"name\": ",
        "not a valid design file: EOF while parsing",
    );
    assert!(matches!(error, FormatError::Syntax(_)));
    check_refused("[1, 2, 3]", "not a valid design file");
    check_refused("", "not a valid design file");
    assert_eq!(
        check_refused("{\"name\": \"x\"}", "no \"archplay\" version field"),
        FormatError::NotADesign
    );
    assert_eq!(
        check_refused("{\"archplay\": null}", "not an Archplay design file"),
        FormatError::NotADesign
    );
    let newer = check_refused(
        &format!("{{\"archplay\": {}}}", FORMAT_VERSION + 1),
        "format version 2, newer than this app's 1",
    );
    assert_eq!(newer, FormatError::NewerVersion(2));
    check_refused("{\"archplay\": -1}", "not a valid design file");
    check_refused("{\"archplay\": \"1\"}", "not a valid design file");
}

#[test]
fn values_json_cannot_or_must_not_carry_are_refused() {
    let with_service = |field: &str| {
        format!("{{\"archplay\": 1, \"components\": [{{\"id\": 0, \"kind\": \"service\", \"name\": \"api\", {field}}}]}}")
    };
    // JSON has no NaN or infinity; the tokens and overflowing literals are syntax errors.
    check_refused(
        &with_service("\"service_time_ms\": NaN"),
        "not a valid design file",
    );
    check_refused(
        &with_service("\"service_time_ms\": Infinity"),
        "not a valid design file",
    );
    check_refused(
        &with_service("\"service_time_ms\": 1e999"),
        "not a valid design file",
    );
    check_refused(
        &with_service("\"service_time_ms\": null"),
        "not a valid design file",
    );
    check_refused(
        &with_service("\"service_time_ms\": \"20\""),
        "not a valid design file",
    );
    // Representable but out of range.
    check_refused(
        &with_service("\"service_time_ms\": -20"),
        "Service time must be between",
    );
    check_refused(
        &with_service("\"service_time_ms\": 1e-300"),
        "Service time must be between",
    );
    check_refused(
        &with_service("\"concurrency\": 4294967296"),
        "not a valid design file",
    );
    check_refused(
        &with_service("\"concurrency\": -1"),
        "not a valid design file",
    );
    check_refused(
        &with_service("\"concurrency\": 1.5"),
        "not a valid design file",
    );
    check_refused(
        &with_service("\"description\": \"  padded  \""),
        "component 0: Description has surrounding spaces",
    );
    // A hand-edited file cannot put a component where no one can find it.
    check_refused(
        &with_service("\"position\": {\"x\": 1e308, \"y\": 0}"),
        "component api has a position",
    );
}

#[test]
fn structural_problems_are_refused_as_invalid() {
    let two = "{\"id\": 0, \"kind\": \"client\", \"name\": \"web\"}, {\"id\": 1, \"kind\": \"service\", \"name\": \"api\"}";
    let dangling =
        format!("{{\"archplay\": 1, \"components\": [{two}], \"connections\": [{{\"id\": 0, \"from\": 0, \"to\": 5}}]}}");
    let error = check_refused(
        &dangling,
        "the design is not valid: connection 0 joins component 0 to component 5",
    );
    assert!(matches!(error, FormatError::Invalid(_)));
    let duplicate = "{\"archplay\": 1, \"components\": [{\"id\": 0, \"name\": \"a\"}, {\"id\": 0, \"name\": \"b\"}]}";
    check_refused(duplicate, "component id 0 is used twice");
    let into_client =
        format!("{{\"archplay\": 1, \"components\": [{two}], \"connections\": [{{\"id\": 0, \"from\": 1, \"to\": 0}}]}}");
    check_refused(&into_client, "sends traffic into the client web");
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let padding = " ".repeat(MAX_FILE_BYTES);
    let text = format!("{{\"archplay\": 1}}{padding}");
    let error = check_refused(&text, "design files are at most 4194304 bytes");
    assert_eq!(error, FormatError::TooLarge(text.len()));
    // Just under the limit is read (whitespace is valid JSON).
    let fits = format!("{{\"archplay\": 1}}{}", " ".repeat(MAX_FILE_BYTES - 20));
    assert!(from_json(&fits).is_ok());
}

fn fixtures(kind: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/designs")
        .join(kind);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn old_design_files_keep_loading() {
    let files = fixtures("valid");
    assert_eq!(
        files.len(),
        2,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (name, text) in &files {
        let design = from_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            from_json(&to_json(&design)).unwrap(),
            design,
            "{name} round-trips"
        );
    }
    let shop = from_json(&files[1].1).unwrap();
    assert_eq!(shop.name, "shop written by hand");
    assert_eq!(shop.components.len(), 5);
    // Omitted fields take their defaults.
    assert_eq!(shop.workload.read_share, 0.8);
    assert_eq!(shop.team.documentation, 95.0);
    assert_eq!(shop.team.code_quality, 85.0);
    assert_eq!(shop.components[3].concurrency, 8);
    let scorecard = score(&shop);
    assert!(
        scorecard.facts.supports_database_sharding.holds,
        "{}",
        scorecard.facts.supports_database_sharding.reason
    );
    assert!(scorecard.facts.response_time_ms.value.is_some());
    let minimal = from_json(&files[0].1).unwrap();
    assert_eq!(minimal, Design::new("minimal"));
}

#[test]
fn a_file_with_the_retired_cache_hit_ratio_loads_and_ignores_it() {
    // Builds before the estimate derived the hit ratio from the TTL wrote
    // `cache_hit_ratio` on every component; the reader tolerates the key.
    let text = r#"{ "archplay": 1, "components": [
        { "id": 0, "kind": "cache", "name": "hot", "cache_hit_ratio": 0.85, "cache_ttl_s": 60 }
    ] }"#;
    let design = from_json(text).expect("an old file loads");
    assert_eq!(design.components[0].cache_ttl_s, 60.0);
    assert!(
        !to_json(&design).contains("cache_hit_ratio"),
        "never written again"
    );
    // Out of its old range it is still ignored, not refused.
    assert!(from_json(&text.replace("0.85", "7.5")).is_ok());
}

#[test]
fn a_file_without_an_error_budget_has_the_one_percent_budget() {
    let design = from_json(r#"{ "archplay": 1, "targets": { "cpu_percent": 60 } }"#).unwrap();
    assert_eq!(design.targets.error_budget_percent, 1.0);
    assert_eq!(design.targets.cpu_percent, 60.0);
    let refused = from_json(r#"{ "archplay": 1, "targets": { "error_budget_percent": 101 } }"#);
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("Error budget")),
        "{refused:?}"
    );
}

#[test]
fn broken_fixture_files_are_refused_by_name() {
    let expected = [
        (
            "dangling-connection.json",
            "connection 1 joins component 1 to component 7",
        ),
        ("duplicate-ids.json", "component id 3 is used twice"),
        ("newer-version.json", "format version 2"),
        ("no-version.json", "no \"archplay\" version field"),
        (
            "out-of-range.json",
            "component 0 (hot): Time to live (TTL) must be between 0.001 and 31536000 s",
        ),
        ("truncated.json", "EOF while parsing"),
        ("unknown-kind.json", "unknown variant `mainframe`"),
    ];
    let files = fixtures("invalid");
    assert_eq!(files.len(), expected.len());
    for ((name, text), (expected_name, words)) in files.iter().zip(expected) {
        assert_eq!(name, expected_name);
        let error = from_json(text).expect_err(name);
        assert!(
            error.to_string().contains(words),
            "{name}: {error} should contain {words:?}"
        );
    }
}

/// One random change to `text`: delete, duplicate or replace a character,
/// or swap a number for an extreme one.
fn mutate(text: &str, random: &mut SplitMix) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    let at = random.below(chars.len());
    match random.below(4) {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        2 => {
            const SUBSTITUTES: &[char] = &[
                '"', '{', '}', '[', ']', ',', ':', '0', '1', '9', '.', '-', 'e', 'x', ' ', '\\',
                'é',
            ];
            chars[at] = SUBSTITUTES[random.below(SUBSTITUTES.len())];
        }
        _ => {
            let digits: Vec<usize> = (0..chars.len())
                .filter(|&i| chars[i].is_ascii_digit())
                .collect();
            if let Some(&start) = digits.get(random.below(digits.len().max(1))) {
                let end = (start..chars.len())
                    .find(|&i| !chars[i].is_ascii_digit() && chars[i] != '.')
                    .unwrap_or(chars.len());
                const EXTREMES: &[&str] = &[
                    "0",
                    "1e308",
                    "4294967295",
                    "4294967296",
                    "0.000001",
                    "999999999",
                    "-0",
                    "1000001",
                ];
                let extreme: Vec<char> = EXTREMES[random.below(EXTREMES.len())].chars().collect();
                chars.splice(start..end, extreme);
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_files_load_or_are_refused_cleanly() {
    let mut random = SplitMix(0x5eed);
    let (mut loaded, mut refused) = (0, 0);
    for design in every_template() {
        for (style, original) in [
            ("pretty", to_json(&design)),
            ("compact", to_compact_json(&design)),
        ] {
            for _ in 0..60 {
                let mut text = original.clone();
                for _ in 0..=random.below(3) {
                    text = mutate(&text, &mut random);
                }
                let outcome = std::panic::catch_unwind(|| match from_json(&text) {
                    Ok(design) => {
                        let scorecard = score(&design);
                        assert!(scorecard
                            .attributes
                            .iter()
                            .all(|a| (0.0..=100.0).contains(&a.score)));
                        assert!((0.0..=100.0).contains(&scorecard.overall));
                        assert_eq!(
                            from_json(&to_json(&design)).as_ref(),
                            Ok(&design),
                            "a loaded design round-trips"
                        );
                        true
                    }
                    Err(error) => {
                        assert!(!error.to_string().is_empty());
                        false
                    }
                });
                match outcome {
                    Ok(true) => loaded += 1,
                    Ok(false) => refused += 1,
                    Err(_) => panic!("{} ({style}): panicked on this input:\n{text}", design.name),
                }
            }
        }
    }
    assert_eq!(loaded + refused, 2 * 60 * TEMPLATES.len());
    assert!(
        loaded > 30 && refused > 30,
        "{loaded} loaded, {refused} refused: the mutations should do both"
    );
}
