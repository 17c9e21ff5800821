//! Every `LinkError` names its problem: one case per line, the error it must
//! be and the words its message must hold.
//!
//! This file holds the helpers and the link's own errors; `simulation` holds
//! simulation sections that are not a design.

mod simulation;

use archplay::engine::model::ArrivalProfile;
use archplay::engine::model::{ComponentId, Design, FaultAction, ScheduledFault};
use archplay::engine::share::envelope::seal;
use archplay::engine::share::layout::{COMPONENT, SIMULATION};
use archplay::engine::share::wire::{WireComponent, WireDesign, WireFault, WireFields, WireValue};

/// A simulation section carrying only `key` = `value`.
fn simulation_with(key: &str, value: WireValue) -> WireFields {
    WireFields::default().with(SIMULATION, key, value)
}
use archplay::engine::share::{
    decode_link, encode_link, encode_payload, LinkError, MAX_LINK_CHARS,
};
use archplay::engine::templates::template;

fn link_of(design: &Design) -> String {
    encode_link(design)
}

fn sample_link() -> String {
    link_of(&template("auto-scaling").expect("template exists"))
}

/// `input` must fail with an error that `is_expected` accepts, and a one-line
/// message starting in lower case that mentions every one of `words` (in any case).
fn check(input: &str, is_expected: fn(&LinkError) -> bool, words: &[&str]) {
    let error = match decode_link(input) {
        Ok(_) => panic!("{:.60}: decoded, but should fail", input),
        Err(error) => error,
    };
    assert!(is_expected(&error), "{:.60}: wrong error {error:?}", input);
    let message = error.to_string();
    assert!(
        !message.contains('\n'),
        "message is not one line: {message}"
    );
    assert!(
        message.starts_with(|c: char| c.is_lowercase()),
        "message does not start in lower case: {message}"
    );
    let lower = message.to_lowercase();
    for word in words {
        assert!(
            lower.contains(&word.to_lowercase()),
            "{message:?} does not mention {word:?}"
        );
    }
}

#[test]
fn empty_links() {
    check("", |e| *e == LinkError::Empty, &["empty"]);
    check("   \n", |e| *e == LinkError::Empty, &["empty"]);
    check(
        "https://archplay.example/#",
        |e| *e == LinkError::Empty,
        &["empty"],
    );
    check("#", |e| *e == LinkError::Empty, &["empty"]);
}

#[test]
fn missing_unknown_and_newer_versions() {
    check(
        "hello",
        |e| *e == LinkError::MissingVersion,
        &["no version prefix", "v2."],
    );
    check(
        "eNo1zjFOw0AQBdDv2fUgEiFLKNTsBdxTUIBExynG9oasZGzLXseiA4mOhip1KmqOwFFyhJwAMUSJ",
        |e| *e == LinkError::MissingVersion,
        &["version"],
    );
    check(
        "https://archplay.example/index.html",
        |e| *e == LinkError::MissingVersion,
        &["no version prefix"],
    );
    check(
        "x1.abcd",
        |e| *e == LinkError::MissingVersion,
        &["no version prefix"],
    );
    check(
        "vx.abcd",
        |e| matches!(e, LinkError::UnknownVersion(v) if v == "vx"),
        &["version `vx`", "not one archplay knows"],
    );
    check(
        "v0.abcd",
        |e| matches!(e, LinkError::UnknownVersion(_)),
        &["version `v0`"],
    );
    check(
        "v01.abcd",
        |e| matches!(e, LinkError::UnknownVersion(_)),
        &["version `v01`"],
    );
    check(
        "v99999999999.abcd",
        |e| matches!(e, LinkError::UnknownVersion(_)),
        &["version `v99999999999`"],
    );
    check(
        "v9.abcd",
        |e| *e == LinkError::NewerVersion(9),
        &["version 9", "newer archplay", "update"],
    );
    check(
        "#v3.",
        |e| *e == LinkError::NewerVersion(3),
        &["newer archplay", "reads up to version 2"],
    );
}

#[test]
fn bad_characters_say_which_and_where() {
    check(
        "v1.ab%cd",
        |e| {
            *e == LinkError::BadCharacter {
                character: '%',
                position: 6,
            }
        },
        &["`%`", "position 6"],
    );
    check(
        "v1.ab cd",
        |e| matches!(e, LinkError::BadCharacter { character: ' ', .. }),
        &["a space", "position 6"],
    );
    check(
        "v1.abc=",
        |e| matches!(e, LinkError::BadCharacter { character: '=', .. }),
        &["`=`", "position 7"],
    );
    check(
        "v1.é",
        |e| {
            matches!(
                e,
                LinkError::BadCharacter {
                    character: 'é',
                    position: 4
                }
            )
        },
        &["`é`", "position 4"],
    );
    // Positions count in the text given, so a pasted URL points at the right place.
    check(
        "https://a.example/#v1.ab+cd",
        |e| {
            matches!(
                e,
                LinkError::BadCharacter {
                    character: '+',
                    position: 25
                }
            )
        },
        &["position 25"],
    );
    check(
        "v1.ab\u{7}c",
        |e| matches!(e, LinkError::BadCharacter { .. }),
        &["control character U+0007"],
    );
}

#[test]
fn oversized_links() {
    let long = format!("v1.{}", "A".repeat(MAX_LINK_CHARS + 1));
    check(
        &long,
        |e| matches!(e, LinkError::TooLong { .. }),
        &["too long", &format!("{}", MAX_LINK_CHARS + 1)],
    );
}

#[test]
fn cut_off_and_changed_links() {
    let link = sample_link();
    check(
        &link[..link.len() - 5],
        |e| *e == LinkError::Truncated,
        &["truncated", "cut off"],
    );
    check(
        &link[..link.len() / 2],
        |e| *e == LinkError::Truncated,
        &["truncated"],
    );
    check("v1.", |e| *e == LinkError::Truncated, &["truncated"]);
    let mut changed: Vec<char> = link.chars().collect();
    let middle = changed.len() / 2;
    changed[middle] = if changed[middle] == 'A' { 'B' } else { 'A' };
    let changed: String = changed.into_iter().collect();
    check(
        &changed,
        |e| *e == LinkError::Corrupt,
        &["corrupt", "changed"],
    );
    check(
        &format!("{link}AAAA"),
        |e| *e == LinkError::Corrupt,
        &["corrupt"],
    );
}

#[test]
fn deflate_bombs_stop_at_the_cap() {
    let bomb = seal(1, &vec![0u8; 8 * 1024 * 1024]);
    assert!(
        bomb.len() < MAX_LINK_CHARS,
        "the bomb itself is a short link ({} chars)",
        bomb.len()
    );
    check(
        &bomb,
        |e| *e == LinkError::TooLarge,
        &["unpacks to more than 1024 kib"],
    );
}

#[test]
fn data_that_is_not_a_design() {
    check(
        &seal(1, b""),
        |e| matches!(e, LinkError::Malformed(_)),
        &["malformed", "ends in the middle of the design name"],
    );
    check(
        &seal(1, &[0xff; 12]),
        |e| matches!(e, LinkError::Malformed(_)),
        &["malformed", "too large"],
    );
    let mut extra = encode_payload(&Design::new("x"));
    extra.push(7);
    check(
        &seal(1, &extra),
        |e| matches!(e, LinkError::Malformed(_)),
        &["1 unexpected bytes after the design"],
    );
    let strange_kind = WireDesign {
        name: "x".into(),
        components: vec![WireComponent {
            kind: 42,
            name: "a".into(),
            ..WireComponent::default()
        }],
        ..WireDesign::default()
    };
    check(
        &seal(1, &strange_kind.to_bytes()),
        |e| matches!(e, LinkError::Malformed(_)),
        &["component kind code 42 is unknown"],
    );
    let strange_flags = WireDesign {
        components: vec![WireComponent {
            kind: 3,
            name: "a".into(),
            fields: WireFields::default().with(COMPONENT, "flags", WireValue::Whole(1 << 12)),
            ..WireComponent::default()
        }],
        ..WireDesign::default()
    };
    check(
        &seal(1, &strange_flags.to_bytes()),
        |e| matches!(e, LinkError::Malformed(_)),
        &["component a has unknown flags"],
    );
}

#[test]
fn designs_that_break_the_rules() {
    // Links are made only from valid designs; these are made by hand to show
    // that a link cannot smuggle in what a design file could not.
    let mut twins = template("auto-scaling").expect("template exists");
    twins.components[2].name = twins.components[1].name.clone();
    check(
        &link_of(&twins),
        |e| matches!(e, LinkError::Invalid(_)),
        &["not valid", "already named `load-balancer`"],
    );
    let mut never = Design::new("x");
    never.simulation.duration_s = -1.0;
    check(
        &link_of(&never),
        |e| matches!(e, LinkError::Invalid(_)),
        &["not valid", "design: duration must be between 0.001"],
    );
    let mut orphan = template("auto-scaling").expect("template exists");
    orphan.simulation.faults.push(ScheduledFault {
        component: ComponentId(99),
        action: FaultAction::KillReplica,
        at_s: 1.0,
        duration_s: None,
    });
    check(
        &link_of(&orphan),
        |e| matches!(e, LinkError::Invalid(_)),
        &["not valid", "fault 1 is on component id 99"],
    );
    let mut late = Design::new("x");
    late.simulation.warmup_s = 90.0;
    check(
        &link_of(&late),
        |e| matches!(e, LinkError::Invalid(_)),
        &["warm-up (90 s) must be shorter than the run (60 s)"],
    );
    let mut nowhere = template("auto-scaling").expect("template exists");
    nowhere.components[0].position.x = f64::NAN;
    check(
        &link_of(&nowhere),
        |e| matches!(e, LinkError::Malformed(_)),
        &["a component position is not a finite number"],
    );
}

#[test]
fn a_version_1_link_is_read_by_the_one_layout() {
    // Version 1 and 2 share one layout; the first writer only left out the
    // simulation fields it did not know. So a `v1.` prefix changes nothing:
    // the same payload opens as the same design, and what no writer defines
    // is refused whatever the prefix.
    let step = WireDesign {
        name: "x".into(),
        simulation: simulation_with("simulation.arrival", WireValue::Whole(4)),
        ..WireDesign::default()
    };
    let opened = decode_link(&seal(1, &step.to_bytes())).expect("a v1 prefix reads the layout");
    assert_eq!(opened.simulation.arrival, ArrivalProfile::Step);
    assert_eq!(decode_link(&seal(2, &step.to_bytes())), Ok(opened));
    let unknown = WireDesign {
        simulation: simulation_with("simulation.arrival", WireValue::Whole(5)),
        ..step
    };
    check(
        &seal(1, &unknown.to_bytes()),
        |e| matches!(e, LinkError::Malformed(_)),
        &["arrival profile code 5 is unknown"],
    );
}
