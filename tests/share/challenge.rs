//! Challenge links (`c1.`): an exercise and a design round-trip through one
//! fragment, and every broken link is refused by name without a panic.

use archplay::engine::learn::{catalog, exercise, start_design, CheckState, Exercise};
use archplay::engine::model::Design;
use archplay::engine::share::challenge::{
    decode_challenge, encode_challenge, is_challenge, ChallengeError, CHALLENGE_PREFIX, MAX_CHECKS,
};
use archplay::engine::share::envelope::seal;
use archplay::engine::share::{encode_link, LinkError, MAX_LINK_CHARS};

/// A teacher's challenge: a catalog exercise re-made as custom, with its start held whole.
fn teachers_challenge() -> (Exercise, Design) {
    let mut made = exercise("solid-open-closed").unwrap();
    made.id = "custom-adyen".into();
    made.section = archplay::engine::learn::Section::Custom;
    made.breakers.clear();
    let design = start_design(&made);
    made.start = archplay::engine::learn::DesignSource::Design {
        design: Box::new(design.clone()),
    };
    (made, design)
}

/// The payload bytes of a challenge with `json`, sealed as `c1.`.
fn sealed_json(json: &str) -> String {
    let sealed = seal(1, json.as_bytes());
    format!("c{}", &sealed[1..])
}

#[test]
fn a_challenge_round_trips_with_its_design_and_grades_the_same() {
    let (made, design) = teachers_challenge();
    let link = encode_challenge(&made, &design);
    assert!(link.starts_with(CHALLENGE_PREFIX), "{link}");
    assert!(is_challenge(&format!("https://example.org/#{link}")));
    let (exercise, opened) = decode_challenge(&format!("https://example.org/app#{link}")).unwrap();
    assert_eq!(exercise, made);
    assert_eq!(opened, design);
    let before = archplay::engine::learn::grade(&made, &design, None);
    let after = archplay::engine::learn::grade(&exercise, &opened, None);
    assert_eq!(before, after);
    assert!(after.iter().any(|r| r.state == CheckState::Failed));
}

#[test]
fn every_catalog_exercise_fits_in_a_challenge_link() {
    for made in catalog() {
        let design = start_design(&made);
        let link = encode_challenge(&made, &design);
        assert!(
            link.len() < MAX_LINK_CHARS,
            "{}: {} characters",
            made.id,
            link.len()
        );
        let (exercise, opened) = decode_challenge(&link).unwrap();
        assert_eq!((exercise, opened), (made, design));
    }
}

#[test]
fn broken_challenge_links_are_refused_by_name() {
    let (made, design) = teachers_challenge();
    let link = encode_challenge(&made, &design);
    let truncated = link[..link.len() / 2].to_string();
    let mut garbled = link.clone().into_bytes();
    let middle = garbled.len() / 2;
    garbled[middle] = if garbled[middle] == b'A' { b'B' } else { b'A' };
    let garbled = String::from_utf8(garbled).unwrap();
    let oversized = format!("c1.{}", "A".repeat(MAX_LINK_CHARS + 1));
    let no_checks = {
        let mut empty = made.clone();
        empty.checks.clear();
        encode_challenge(&empty, &design)
    };
    let too_many_checks = {
        let mut many = made.clone();
        many.checks = (0..=MAX_CHECKS).map(|_| made.checks[0].clone()).collect();
        encode_challenge(&many, &design)
    };
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", String::new(), "is empty"),
        (
            "design link",
            encode_link(&design),
            "design link, not a challenge",
        ),
        ("no prefix", "hello".into(), "not a challenge link"),
        ("newer", "c9.AAAA".into(), "newer Archplay"),
        ("truncated", truncated, "truncated"),
        ("garbled", garbled, "corrupt"),
        (
            "bad character",
            format!("{link}!"),
            "character that cannot be in a link",
        ),
        ("oversized", oversized, "too long"),
        ("not json", sealed_json("not json"), "malformed"),
        ("wrong shape", sealed_json("{\"challenge\":1}"), "malformed"),
        ("no checks", no_checks, "has no checks"),
        ("too many checks", too_many_checks, "more than the 32"),
    ];
    for (name, text, expected) in cases {
        let error: ChallengeError = decode_challenge(&text).expect_err(name);
        let message = error.to_string();
        assert!(message.contains(expected), "{name}: {message}");
        assert!(!message.contains('\n'), "{name}: one line: {message}");
    }
}

#[test]
fn a_design_link_error_keeps_its_kind() {
    let error = decode_challenge("c1.").unwrap_err();
    assert_eq!(error, ChallengeError::Link(LinkError::Truncated));
}
