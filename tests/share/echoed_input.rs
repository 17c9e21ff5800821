//! Text echoed from hostile input (issue 12): every error that repeats a name,
//! a version or a parser's complaint is one short line with no control
//! character, and every export escapes what it copies from the design.

use archplay::engine::export::{to_hpa_manifests, to_mermaid, to_svg};
use archplay::engine::model::{Component, ComponentId, ComponentKind, Design};
use archplay::engine::quote::{quote, quote_within, QUOTE_BYTES};
use archplay::engine::share::{self, design_file};

/// "A few hundred bytes": the most any message may be.
pub const MAX_MESSAGE_BYTES: usize = 400;

/// A name that clears the terminal, retitles it, rings, breaks the line and
/// runs on for a megabyte.
pub fn hostile_name() -> String {
    format!(
        "\u{1b}[2J\u{1b}]0;pwned\u{7}\r\nline two\u{2028}\u{202e}{}",
        "A".repeat(1_000_000)
    )
}

/// A design with one service named `name`.
pub fn design_with_component_named(name: &str) -> Design {
    let mut design = Design::new("hostile");
    design
        .components
        .push(Component::new(ComponentId(0), ComponentKind::Service, name));
    design
}

/// Whether `character` would act on a terminal or break a line.
fn acts_on_terminal(character: char) -> bool {
    character.is_control() || matches!(character, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}')
}

/// `message` is one line of at most [`MAX_MESSAGE_BYTES`] with nothing a terminal acts on.
#[track_caller]
pub fn assert_short_clean_line(message: &str) {
    let shown: String = message.chars().take(200).collect();
    assert!(
        message.len() <= MAX_MESSAGE_BYTES,
        "{} bytes: {shown:?}",
        message.len()
    );
    assert!(!message.chars().any(acts_on_terminal), "{shown:?}");
}

#[test]
fn quote_escapes_control_characters_and_cuts_long_text() {
    assert_eq!(quote("shop-api"), "shop-api");
    assert_eq!(quote("\u{1b}[2J"), "U+001B[2J");
    assert_eq!(
        quote("a\r\nb\u{2028}c\u{202e}"),
        "aU+000DU+000AbU+2028cU+202E"
    );
    let exactly: String = "x".repeat(QUOTE_BYTES);
    assert_eq!(quote(&exactly), exactly);
    let cut = quote(&"y".repeat(QUOTE_BYTES + 1));
    assert_eq!(cut.len(), QUOTE_BYTES);
    assert!(cut.ends_with('…'), "{cut}");
    // The limit is in bytes whatever the script, and nothing is cut in half.
    let wide = quote(&"🚀".repeat(100));
    assert!(wide.len() <= QUOTE_BYTES && wide.ends_with("🚀…"), "{wide}");
    assert_eq!(quote_within("abcd\u{1b}x", 10), "abcd…");
    assert_eq!(quote_within("anything", 0), "…");
    assert_short_clean_line(&quote(&hostile_name()));
}

#[test]
fn a_short_link_holding_a_megabyte_hostile_name_gives_a_short_clean_error() {
    let link = share::encode_link(&design_with_component_named(&hostile_name()));
    assert!(link.len() < 5_000, "the link is {} characters", link.len());
    let error = share::decode_link(&link).expect_err("the name is too long");
    assert_short_clean_line(&error.to_string());
}

#[test]
fn a_snapshot_holding_a_hostile_name_gives_a_short_clean_error() {
    let snapshot = share::encode_snapshot(&design_with_component_named(&hostile_name()));
    let error = share::decode_snapshot(&snapshot).expect_err("the name is too long");
    assert_short_clean_line(&error.to_string());
}

#[test]
fn a_design_file_holding_a_hostile_name_gives_a_short_clean_error() {
    let design = design_with_component_named(&hostile_name());
    let error = design_file::from_json(&design_file::to_json(&design)).expect_err("too long");
    assert_short_clean_line(&error.to_string());
    // A short hostile name breaks no rule here but the kind does: the
    // parser's complaint echoes the value.
    let kind = hostile_name()
        .replace('\u{1b}', "\\u001b")
        .replace(['\r', '\n', '\u{7}'], " ");
    let text =
        format!("{{\"archplay\": 1, \"components\": [{{\"id\": 0, \"kind\": \"{kind}\"}}]}}");
    let error = design_file::from_json(&text).expect_err("no such kind");
    let message = error.to_string();
    assert_short_clean_line(&message);
    assert!(message.contains("at line 1 column"), "{message}");
}

#[test]
fn a_link_version_is_echoed_escaped() {
    for text in [
        "v\u{1b}[2J\u{1b}[H.abc",
        "v1\u{2028}2.abc",
        "v\u{7}\u{7}\u{7}.abc",
    ] {
        let error = share::decode_link(text).expect_err("not a version");
        let message = error.to_string();
        assert_short_clean_line(&message);
        assert!(message.contains("U+"), "{message}");
    }
}

/// A design whose name tries to break out of the Mermaid comment it is copied into.
fn design_named(name: &str) -> Design {
    let mut design = design_with_component_named("api");
    design.name = name.to_string();
    design
}

#[test]
fn mermaid_escapes_the_design_name_in_its_comment() {
    let name = "shop %%{init: {\"theme\": \"forest\"}}%%\u{2028}\u{85}flowchart TB\n%%{init: {}}%%";
    let mermaid = to_mermaid(&design_named(name));
    assert!(!mermaid.contains("%%{"), "{mermaid}");
    assert!(!mermaid.contains("}%%"), "{mermaid}");
    let lines: Vec<&str> = mermaid.lines().collect();
    assert_eq!(lines.len(), 3, "{mermaid}");
    assert!(
        lines[1].starts_with("    %% Archplay design: shop "),
        "{}",
        lines[1]
    );
    assert!(
        !mermaid.chars().any(|c| c != '\n' && acts_on_terminal(c)),
        "{mermaid:?}"
    );
}

#[test]
fn svg_stays_well_formed_with_characters_xml_forbids() {
    for name in ["\u{fffe}", "a\u{ffff}b", "\u{1b}[2J\u{85}"] {
        let svg = to_svg(&design_named(name));
        assert!(roxmltree::Document::parse(&svg).is_ok(), "{name:?}");
        let with_component = to_svg(&design_with_component_named(name));
        assert!(
            roxmltree::Document::parse(&with_component).is_ok(),
            "{name:?}"
        );
    }
}

#[test]
fn hpa_annotations_keep_the_name_on_one_line_and_read_back() {
    for name in [
        "a\u{85}b",
        "x\u{2028}y\u{2029}z",
        "\u{1b}[2J\u{7f}\u{9b}",
        "q\"\\",
    ] {
        let mut design = design_with_component_named(name);
        design.components[0].autoscaling.enabled = true;
        let manifests = to_hpa_manifests(&design);
        let (_, yaml) = manifests.first().expect("one autoscaling service");
        assert!(
            !yaml.chars().any(|c| c != '\n' && acts_on_terminal(c)),
            "{yaml:?}"
        );
        let value: serde_json::Value = serde_norway::from_str(yaml).expect("valid YAML");
        assert_eq!(
            value["metadata"]["annotations"]["archplay/component"].as_str(),
            Some(name),
            "{yaml}"
        );
    }
}
