//! More than 100,000 damaged links through `decode_link`: none may panic, and
//! none may open as a design other than the one the link was made from. Every
//! truncation, random text and oversized input must be an error; an edited
//! character must be an error too, unless it only touched bits that carry
//! nothing (the padding after the last deflate block), when the link still
//! opens as exactly its original design. Payload mutations (repacked, so the
//! checksum matches) may decode to another valid design, which must then
//! survive a link of its own. Fixed seeds; counts print with `-- --nocapture`.

use crate::alloc_meter::peak_bytes_during;
use crate::generate::{generated_design, SplitMix};
use crate::{fixture_link, fixture_link_v2, FIXTURES, FIXTURES_V2};
use archplay::engine::model::Design;
use archplay::engine::share::envelope::fragment;
use archplay::engine::share::{
    decode_link, encode_link, encode_payload, LinkError, LINK_VERSION, MAX_INFLATED_BYTES,
    MAX_LINK_CHARS,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

const SUBSTITUTIONS: usize = 36_000;
const INSERTIONS_AND_DELETIONS: usize = 16_000;
const PAYLOAD_BIT_FLIPS: usize = 20_000;
const PAYLOAD_CUTS_AND_EXTENSIONS: usize = 5_000;
const RANDOM_BASE64: usize = 16_000;
const RANDOM_TEXT: usize = 6_000;
/// Every strict prefix of every base link comes on top (about 9,000).
const AT_LEAST_PREFIXES: usize = 5_000;

/// Characters edits draw from: the link alphabet and what mangling adds.
const POOL: &[char] = &[
    'A', 'Z', 'a', 'z', '0', '9', '-', '_', 'Q', 'g', 'w', 'E', '.', '#', '%', '+', '/', '=', ' ',
    '\t', '\n', 'é', '🚀', 'v', '1',
];

/// Links to damage, each with the design it holds.
fn base_links() -> Vec<(String, Design)> {
    let mut links: Vec<(String, Design)> = FIXTURES
        .iter()
        .map(|name| (fixture_link(name), crate::fixture_design(name)))
        .collect();
    links.extend(
        FIXTURES_V2
            .iter()
            .skip(FIXTURES.len())
            .map(|name| (fixture_link_v2(name), crate::fixture_design(name))),
    );
    for (seed, n_components) in [(1, 20), (2, 20), (1, 100), (2, 100)] {
        let design = generated_design(seed, n_components);
        links.push((encode_link(&design), design));
    }
    links
}

fn base_payloads() -> Vec<Vec<u8>> {
    let mut designs: Vec<Design> = FIXTURES_V2
        .iter()
        .map(|name| crate::fixture_design(name))
        .collect();
    designs.push(generated_design(3, 20));
    // Issue 12's adversarial designs: hostile numbers in fields a kind does not use.
    designs.extend(
        crate::entry_checks::unused_field_designs()
            .into_iter()
            .step_by(40)
            .map(|(design, _)| design),
    );
    designs.iter().map(encode_payload).collect()
}

/// A link of the newest version around `payload`, packed fast (the decoder does not care how hard).
fn quick_seal(payload: &[u8]) -> String {
    format!(
        "v{LINK_VERSION}.{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(payload, 1))
    )
}

/// Decodes `text`, an edit of the link `original` holding `design`. Returns
/// true when the edit was refused, false when it was harmless (the same
/// fragment, or bits that carry nothing) and opened as `design` itself.
fn refused_unless_harmless(text: &str, original: &str, design: &Design) -> bool {
    let same = fragment(text) == fragment(original);
    match decode_link(text) {
        Ok(decoded) => {
            assert!(
                decoded == *design,
                "a damaged link opened as another design: {text:.80}"
            );
            false
        }
        Err(error) if same => panic!("an undamaged link failed ({error}): {text:.80}"),
        Err(_) => true,
    }
}

#[test]
fn every_strict_prefix_of_a_link_is_an_error() {
    let mut count = 0;
    for (link, _) in base_links() {
        for end in 0..link.len() {
            assert!(
                decode_link(&link[..end]).is_err(),
                "prefix of {end} chars decoded: {:.60}",
                &link[..end]
            );
            count += 1;
        }
    }
    println!("fuzz: {count} truncated links, all refused");
    assert!(count >= AT_LEAST_PREFIXES);
}

#[test]
fn single_character_substitutions_are_errors() {
    let links = base_links();
    let mut random = SplitMix(11);
    let mut refused = 0;
    for _ in 0..SUBSTITUTIONS {
        let (link, design) = &links[random.below(links.len())];
        let mut chars: Vec<char> = link.chars().collect();
        let position = random.below(chars.len());
        let replacement = POOL[random.below(POOL.len())];
        if chars[position] == replacement {
            chars[position] = if replacement == 'A' { 'B' } else { 'A' };
        } else {
            chars[position] = replacement;
        }
        refused += usize::from(refused_unless_harmless(
            &chars.into_iter().collect::<String>(),
            link,
            design,
        ));
    }
    println!("fuzz: {SUBSTITUTIONS} links with one character replaced: {refused} refused, the rest opened as their own design");
    assert!(
        refused * 100 >= SUBSTITUTIONS * 99,
        "fewer than 99% of edits were refused"
    );
}

#[test]
fn insertions_deletions_and_swaps_are_errors() {
    let links = base_links();
    let mut random = SplitMix(12);
    let mut refused = 0;
    for _ in 0..INSERTIONS_AND_DELETIONS {
        let (link, design) = &links[random.below(links.len())];
        let mut chars: Vec<char> = link.chars().collect();
        let position = random.below(chars.len());
        match random.below(3) {
            0 => chars.insert(position, POOL[random.below(POOL.len())]),
            1 => {
                chars.remove(position);
            }
            _ => {
                let other = random.below(chars.len());
                chars.swap(position, other);
            }
        }
        refused += usize::from(refused_unless_harmless(
            &chars.into_iter().collect::<String>(),
            link,
            design,
        ));
    }
    println!("fuzz: {INSERTIONS_AND_DELETIONS} links with a character inserted, deleted or swapped: {refused} refused, the rest opened as their own design");
    assert!(
        refused * 100 >= INSERTIONS_AND_DELETIONS * 95,
        "fewer than 95% of edits were refused"
    );
}

#[test]
fn bit_flips_in_the_payload_never_panic_and_never_open_an_invalid_design() {
    let payloads = base_payloads();
    let mut random = SplitMix(13);
    let (mut refused, mut opened) = (0, 0);
    for _ in 0..PAYLOAD_BIT_FLIPS {
        let mut payload = payloads[random.below(payloads.len())].clone();
        for _ in 0..1 + random.below(3) {
            let bit = random.below(payload.len() * 8);
            payload[bit / 8] ^= 1 << (bit % 8);
        }
        match decode_link(&quick_seal(&payload)) {
            Err(_) => refused += 1,
            Ok(design) => {
                // Another valid design: it passed validation, so it must travel like any other.
                assert_eq!(decode_link(&encode_link(&design)), Ok(design));
                opened += 1;
            }
        }
    }
    println!("fuzz: {PAYLOAD_BIT_FLIPS} payloads with 1 to 3 bits flipped: {refused} refused, {opened} opened as another valid design");
    assert!(refused > 0 && refused + opened == PAYLOAD_BIT_FLIPS);
}

#[test]
fn cut_or_extended_payloads_are_errors() {
    let payloads = base_payloads();
    let mut random = SplitMix(14);
    for round in 0..PAYLOAD_CUTS_AND_EXTENSIONS {
        let mut payload = payloads[random.below(payloads.len())].clone();
        if round % 2 == 0 {
            payload.truncate(random.below(payload.len()));
        } else {
            let extra = 1 + random.below(8);
            payload.extend((0..extra).map(|_| random.next_u64() as u8));
        }
        assert!(
            decode_link(&quick_seal(&payload)).is_err(),
            "a cut or extended payload decoded"
        );
    }
    println!("fuzz: {PAYLOAD_CUTS_AND_EXTENSIONS} payloads cut short or extended, all refused");
}

#[test]
fn random_data_is_an_error() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut random = SplitMix(15);
    for _ in 0..RANDOM_BASE64 {
        let length = random.below(700);
        let data: String = (0..length)
            .map(|_| ALPHABET[random.below(ALPHABET.len())] as char)
            .collect();
        // Half of them start like a real link: a zlib header at best compression.
        let prefix = ["v1.eNo", "v2.eNo", "v1.", "v2."][random.below(4)];
        assert!(decode_link(&format!("{prefix}{data}")).is_err());
    }
    for _ in 0..RANDOM_TEXT {
        let length = random.below(300);
        let text: String = (0..length)
            .filter_map(|_| char::from_u32((random.next_u64() % 0x1_0000) as u32))
            .collect();
        let text = if random.percent(30) {
            format!("v{}.{text}", 1 + random.below(2))
        } else {
            text
        };
        assert!(decode_link(&text).is_err());
    }
    println!(
        "fuzz: {RANDOM_BASE64} random base64 links and {RANDOM_TEXT} random texts, all refused"
    );
}

#[test]
fn huge_and_hostile_inputs_are_errors_within_the_caps() {
    let valid = fixture_link("microservices");
    let data = valid.trim_start_matches("v1.");
    let hostile = [
        "A".repeat(2_000_000),
        format!("v1.{}", "A".repeat(2_000_000)),
        format!("v1.{}", "A".repeat(MAX_LINK_CHARS)),
        "#".repeat(1_000_000),
        "v1.".repeat(300_000),
        format!("v1.{}", data.repeat(150)),
        format!("v9.{data}"),
        format!("v9.{}", "%".repeat(1000)),
        format!("{}{valid}", "https://x.example/".repeat(10_000)),
        quick_seal(&vec![b'a'; 4 * MAX_INFLATED_BYTES]),
    ];
    for text in &hostile {
        assert!(decode_link(text).is_err(), "{text:.40}");
    }
    assert_eq!(
        decode_link(&format!("v9.{data}")),
        Err(LinkError::NewerVersion(9))
    );
    println!(
        "fuzz: {} huge or hostile inputs, all refused",
        hostile.len()
    );
}

#[test]
fn a_deflate_bomb_cannot_allocate_past_the_cap() {
    // 16 MiB of zeros packs into a link far under the length cap, so only the
    // unpacking cap stands between it and the memory.
    let bomb = archplay::engine::share::envelope::seal(1, &vec![0u8; 16 * 1024 * 1024]);
    assert!(
        bomb.len() <= MAX_LINK_CHARS + 3,
        "the bomb must pass the length check ({} chars)",
        bomb.len()
    );
    let (result, peak) = peak_bytes_during(|| decode_link(&bomb));
    assert_eq!(result, Err(LinkError::TooLarge));
    println!(
        "fuzz: a {}-character bomb of 16 MiB refused with a peak of {} KiB allocated",
        bomb.len(),
        peak / 1024
    );
    // The cap, the half-cap it grew from, and small change (packed bytes, the decompressor).
    assert!(
        peak <= MAX_INFLATED_BYTES * 3 / 2 + 128 * 1024,
        "decoding the bomb allocated {peak} bytes"
    );
}

#[test]
fn the_fuzz_tests_cover_at_least_100_000_links() {
    let total = AT_LEAST_PREFIXES
        + SUBSTITUTIONS
        + INSERTIONS_AND_DELETIONS
        + PAYLOAD_BIT_FLIPS
        + PAYLOAD_CUTS_AND_EXTENSIONS
        + RANDOM_BASE64
        + RANDOM_TEXT;
    println!("fuzz: at least {total} links in total");
    assert!(total >= 100_000);
}
