//! Reading a number a person typed, and writing one back: one parser for
//! every field, the fault text and the simulation panel, natively and in the
//! browser, and one formatter ([`format_number`]) whose text it reads back.
//!
//! It is `lexical-parse-float` built `compact`: the same correctly rounded
//! value as `str::parse::<f64>` for every decimal text, without the standard
//! library's 10 KB table of powers of five, which costs about 10 KB of the
//! page's gzipped bundle (`tests/engine/number.rs` checks the two agree).
//!
//! What must stay true: only finite numbers are accepted; the text is taken
//! as it is (callers trim), and a text `str::parse::<f64>` refuses is refused.

use lexical_parse_float::FromLexical;

/// The finite number `text` spells in decimal (`12`, `-0.5`, `1e3`, `.5`), or `None`.
pub fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    // Rust's parser takes only these characters (plus the words for infinity
    // and NaN, which are not finite); refusing others first keeps the two in
    // step whatever lexical's default format accepts.
    if !bytes
        .iter()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    f64::from_lexical(bytes)
        .ok()
        .filter(|value| value.is_finite())
}

/// Formats a number the way the inspector shows it and [`parse_number`] reads it back.
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
