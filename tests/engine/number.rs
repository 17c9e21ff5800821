//! `parse_number` agrees with `str::parse::<f64>` on every finite decimal
//! text, bit for bit, and refuses what it refuses.

use archplay::engine::attributes::number::parse_number;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn standard(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

fn agree(text: &str) {
    assert_eq!(
        parse_number(text).map(f64::to_bits),
        standard(text).map(f64::to_bits),
        "{text:?}"
    );
}

#[test]
fn awkward_texts_agree_with_the_standard_parser() {
    for text in [
        "0",
        "-0",
        "+0",
        "1",
        "12",
        "-5",
        "+7",
        "0.5",
        ".5",
        "5.",
        "-.5",
        "1e3",
        "1E3",
        "1e-3",
        "1e+3",
        "2.5e10",
        "1e308",
        "1e309",
        "-1e309",
        "4.9e-324",
        "2e-324",
        "1e-400",
        "0.1",
        "0.30000000000000004",
        "9007199254740993",
        "123456789012345678901234567890",
        "1.7976931348623157e308",
        "2.2250738585072014e-308",
        "",
        " ",
        "1 ",
        " 1",
        ".",
        "-",
        "+",
        "e5",
        "5e",
        "1e",
        "1..2",
        "1e2e3",
        "--1",
        "+-1",
        "1_000",
        "0x10",
        "inf",
        "-inf",
        "infinity",
        "NaN",
        "nan",
        "1,5",
        "١",
        "12abc",
        "abc",
    ] {
        agree(text);
    }
}

proptest! {
    #![proptest_config(Config { cases: 20_000, rng_seed: RngSeed::Fixed(7), failure_persistence: None, ..Config::default() })]

    #[test]
    fn printed_numbers_read_back_exactly(bits in any::<u64>()) {
        let value = f64::from_bits(bits);
        for text in [format!("{value}"), format!("{value:e}"), format!("{value:.3}")] {
            agree(&text);
        }
    }

    #[test]
    fn decimal_texts_agree(text in "[-+]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][-+]?[0-9]{1,4})?") {
        agree(&text);
    }

    #[test]
    fn any_short_text_agrees(text in "[0-9eE.+\\-a-z ]{0,12}") {
        agree(&text);
    }
}
