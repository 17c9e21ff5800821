//! Text from the input, made fit to echo in a one-line message.
//!
//! Every error that repeats something the user gave (a component name, a
//! link's version, a file path, a parser's complaint about a value) passes it
//! through [`quote`] or [`quote_within`], so that a message is one short line
//! whatever the input held.
//!
//! What must stay true: the result holds no control character, line or
//! paragraph separator, or invisible formatting character (each is written as
//! `U+001B`, the way the link's bad-character error names one), and is at most
//! the given number of UTF-8 bytes, escapes and the `…` that ends a cut text
//! included. Bytes rather than characters, so that a limit holds for any
//! script.

/// Most bytes of echoed input in a message: a name of up to 48 ASCII
/// characters shows whole.
pub const QUOTE_BYTES: usize = 48;

/// Most bytes of a nested message (a validation or parser error repeated
/// inside another), so that no message passes a few hundred bytes.
pub const MESSAGE_BYTES: usize = 300;

/// The mark that ends a cut text.
const ELLIPSIS: char = '…';

/// `text` escaped and cut to at most [`QUOTE_BYTES`] bytes.
pub fn quote(text: &str) -> String {
    quote_within(text, QUOTE_BYTES)
}

/// `text` escaped and cut to at most `max_bytes` bytes (but never less than
/// the `…` it then ends with).
///
/// Neither a character nor an escape is cut in half: if the whole of it does
/// not fit, the text ends before it with `…`.
pub fn quote_within(text: &str, max_bytes: usize) -> String {
    let max_bytes = max_bytes.max(ELLIPSIS.len_utf8());
    let mut quoted = String::new();
    // How much of `quoted` still leaves room for the ellipsis, should the
    // text turn out too long.
    let mut fits_with_ellipsis = 0;
    for character in text.chars() {
        if is_hidden(character) {
            quoted.push_str(&format!("U+{:04X}", character as u32));
        } else {
            quoted.push(character);
        }
        if quoted.len() > max_bytes {
            quoted.truncate(fits_with_ellipsis);
            quoted.push(ELLIPSIS);
            return quoted;
        }
        if quoted.len() + ELLIPSIS.len_utf8() <= max_bytes {
            fits_with_ellipsis = quoted.len();
        }
    }
    quoted
}

/// Whether `character` would act on a terminal or a line rather than show:
/// control characters, line and paragraph separators, zero-width and
/// direction-changing marks, and the byte-order mark.
fn is_hidden(character: char) -> bool {
    character.is_control()
        || matches!(
            character,
            '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}
