//! The entry fuzzers seeded with issue 12's adversarial designs: hostile
//! numbers in fields a kind does not use, megabyte names full of control
//! characters, and partly filled sub-objects. Links (payload bits flipped,
//! then repacked), snapshots (bits flipped) and design files (numbers swapped
//! for extreme ones, characters dropped) built from them must each either be
//! refused with one short clean line, or open as a design that validates and
//! travels unchanged through a design file, a link and a snapshot: what opens
//! validates, whichever way it came in. Fixed seeds; counts print with
//! `-- --nocapture`.

use crate::echoed_input::assert_short_clean_line;
use crate::entry_checks::{adversarial_designs, hostile_names_design, unused_field_designs};
use crate::generate::{generated_design, SplitMix};
use archplay::engine::model::validate::validate;
use archplay::engine::model::Design;
use archplay::engine::share::design_file::{from_json, to_json};
use archplay::engine::share::{
    decode_link, decode_snapshot, encode_link, encode_payload, encode_snapshot, LINK_VERSION,
    SNAPSHOT_PREFIX,
};
use archplay::engine::templates::{template, TEMPLATES};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

const LINK_BIT_FLIPS: usize = 6_000;
const SNAPSHOT_BIT_FLIPS: usize = 6_000;
const FILE_MUTATIONS: usize = 3_000;

/// A design that opened: it validates, travels unchanged through a link and a
/// snapshot, and a design file, each giving back the same design bit for bit.
#[track_caller]
fn assert_opened_design_travels(design: &Design) {
    assert_eq!(validate(design), Ok(()));
    match from_json(&to_json(design)) {
        Ok(read) => assert_eq!(&read, design, "a design file changed the design"),
        Err(error) => panic!("an opened design's file is refused: {error}"),
    }
    assert_eq!(decode_link(&encode_link(design)).as_ref(), Ok(design));
    assert_eq!(
        decode_snapshot(&encode_snapshot(design)).as_ref(),
        Ok(design)
    );
}

/// Seeds small enough to damage thousands of times: the unused-field designs
/// (the megabyte names are damaged separately, fewer times).
fn small_seeds() -> Vec<Design> {
    unused_field_designs()
        .into_iter()
        .map(|(design, _)| design)
        .collect()
}

/// Valid designs beside them, so that a flipped bit can also put a hostile
/// number into a field of a design that was fine: every template and a
/// generated design of every kind.
fn valid_seeds() -> Vec<Design> {
    let mut designs: Vec<Design> = TEMPLATES
        .iter()
        .filter_map(|info| template(info.name))
        .collect();
    designs.push(generated_design(4, 20));
    designs
}

/// Half adversarial, half valid.
fn pick<'a, T>(adversarial: &'a [T], valid: &'a [T], random: &mut SplitMix) -> &'a T {
    if random.percent(50) {
        &adversarial[random.below(adversarial.len())]
    } else {
        &valid[random.below(valid.len())]
    }
}

fn flip_bits(bytes: &mut [u8], random: &mut SplitMix) {
    for _ in 0..1 + random.below(3) {
        let bit = random.below(bytes.len() * 8);
        bytes[bit / 8] ^= 1 << (bit % 8);
    }
}

#[test]
fn adversarial_links_with_bits_flipped_open_only_as_valid_designs() {
    let payloads: Vec<Vec<u8>> = small_seeds().iter().map(encode_payload).collect();
    let valid: Vec<Vec<u8>> = valid_seeds().iter().map(encode_payload).collect();
    let mut random = SplitMix(21);
    let (mut refused, mut opened) = (0, 0);
    for _ in 0..LINK_BIT_FLIPS {
        let mut payload = pick(&payloads, &valid, &mut random).clone();
        flip_bits(&mut payload, &mut random);
        let link = format!(
            "v{LINK_VERSION}.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(&payload, 1))
        );
        match decode_link(&link) {
            Err(error) => {
                assert_short_clean_line(&error.to_string());
                refused += 1;
            }
            Ok(design) => {
                assert_opened_design_travels(&design);
                opened += 1;
            }
        }
    }
    println!("fuzz: {LINK_BIT_FLIPS} adversarial links with bits flipped: {refused} refused, {opened} opened as valid designs");
    assert!(refused > 0);
}

#[test]
fn adversarial_snapshots_with_bits_flipped_open_only_as_valid_designs() {
    let bytes_of = |design: &Design| {
        let text = encode_snapshot(design);
        URL_SAFE_NO_PAD
            .decode(&text[SNAPSHOT_PREFIX.len()..])
            .expect("a snapshot is base64")
    };
    let snapshots: Vec<Vec<u8>> = small_seeds().iter().map(bytes_of).collect();
    let valid: Vec<Vec<u8>> = valid_seeds().iter().map(bytes_of).collect();
    let mut random = SplitMix(22);
    let (mut refused, mut opened) = (0, 0);
    for _ in 0..SNAPSHOT_BIT_FLIPS {
        let mut bytes = pick(&snapshots, &valid, &mut random).clone();
        flip_bits(&mut bytes, &mut random);
        let text = format!("{SNAPSHOT_PREFIX}{}", URL_SAFE_NO_PAD.encode(&bytes));
        match decode_snapshot(&text) {
            Err(error) => {
                assert_short_clean_line(&error.to_string());
                refused += 1;
            }
            Ok(design) => {
                assert_opened_design_travels(&design);
                opened += 1;
            }
        }
    }
    println!("fuzz: {SNAPSHOT_BIT_FLIPS} adversarial snapshots with bits flipped: {refused} refused, {opened} opened as valid designs");
    assert!(
        refused > 0 && opened > 0,
        "{refused} refused, {opened} opened"
    );
}

/// Partly filled sub-objects, and numbers a kind does not use, written by hand.
const HAND_WRITTEN: &[&str] = &[
    r#"{"archplay": 1, "components": [{"id": 0, "kind": "service", "name": "api",
        "position": {"x": 12}, "replicas": {"current": 2}, "health_check": {"enabled": true},
        "security": {"tls": true}, "autoscaling": {"threshold": 55}}]}"#,
    r#"{"archplay": 1, "components": [{"id": 0, "kind": "client", "name": "web",
        "service_time_ms": 0, "cache_ttl_s": 300, "channel_capacity": 1000,
        "health_check": {"interval_s": 30, "timeout_s": 5}}]}"#,
    r#"{"archplay": 1, "components": [{"id": 0, "kind": "database", "name": "db",
        "autoscaling": {"scale_up_cooldown_s": 60, "scale_down_cooldown_s": 300},
        "replicas": {"min": 1, "max": 1}}]}"#,
];

/// One random change: a number swapped for an extreme one, or a character dropped.
fn mutate(text: &str, random: &mut SplitMix) -> String {
    const EXTREMES: &[&str] = &[
        "-1",
        "0",
        "1e308",
        "1e400",
        "-1e308",
        "4294967295",
        "4294967296",
        "0.0000001",
        "NaN",
        "null",
        "{}",
    ];
    let mut chars: Vec<char> = text.chars().collect();
    let digits: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].is_ascii_digit())
        .collect();
    if random.percent(15) || digits.is_empty() {
        if !chars.is_empty() {
            chars.remove(random.below(chars.len()));
        }
        return chars.into_iter().collect();
    }
    let start = digits[random.below(digits.len())];
    let end = (start..chars.len())
        .find(|&i| !chars[i].is_ascii_digit() && chars[i] != '.' && chars[i] != 'e')
        .unwrap_or(chars.len());
    let extreme = EXTREMES[random.below(EXTREMES.len())];
    chars.splice(start..end, extreme.chars());
    chars.into_iter().collect()
}

#[test]
fn adversarial_design_files_mutated_load_only_as_valid_designs() {
    let mut seeds: Vec<String> = small_seeds().iter().step_by(3).map(to_json).collect();
    seeds.extend(HAND_WRITTEN.iter().map(|text| text.to_string()));
    let valid: Vec<String> = valid_seeds().iter().map(to_json).collect();
    let mut random = SplitMix(23);
    let (mut refused, mut loaded) = (0, 0);
    for _ in 0..FILE_MUTATIONS {
        let mut text = pick(&seeds, &valid, &mut random).clone();
        for _ in 0..=random.below(2) {
            text = mutate(&text, &mut random);
        }
        match from_json(&text) {
            Err(error) => {
                assert_short_clean_line(&error.to_string());
                refused += 1;
            }
            Ok(design) => {
                assert_opened_design_travels(&design);
                loaded += 1;
            }
        }
    }
    println!("fuzz: {FILE_MUTATIONS} adversarial design files mutated: {refused} refused, {loaded} loaded as valid designs");
    assert!(
        refused > 0 && loaded > 0,
        "{refused} refused, {loaded} loaded"
    );
}

#[test]
fn hand_written_partial_files_load_and_travel() {
    for text in HAND_WRITTEN {
        let design = from_json(text).unwrap_or_else(|error| panic!("{error}: {text}"));
        assert_opened_design_travels(&design);
    }
}

#[test]
fn megabyte_hostile_names_damaged_are_refused_in_one_short_line() {
    let design = hostile_names_design();
    let link = encode_link(&design);
    let snapshot = encode_snapshot(&design);
    let file = to_json(&design);
    let mut random = SplitMix(24);
    for _ in 0..40 {
        let mut link_chars: Vec<char> = link.chars().collect();
        let at = 3 + random.below(link_chars.len() - 3);
        link_chars[at] = ['A', 'z', '-', '_', '0'][random.below(5)];
        let damaged: String = link_chars.into_iter().collect();
        if let Err(error) = decode_link(&damaged) {
            assert_short_clean_line(&error.to_string());
        }
    }
    // Each reader refuses the whole texts, each in one short clean line.
    let errors = [
        decode_link(&link)
            .map(|_| ())
            .map_err(|error| error.to_string()),
        decode_snapshot(&snapshot)
            .map(|_| ())
            .map_err(|error| error.to_string()),
        from_json(&file)
            .map(|_| ())
            .map_err(|error| error.to_string()),
    ];
    for error in errors {
        assert_short_clean_line(&error.expect_err("a design with megabyte names opened"));
    }
    assert!(adversarial_designs().len() > small_seeds().len());
}
