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
//! the given number of characters, escapes included, ending in `…` when cut.

/// Most characters of echoed input in a message: enough to recognise a name.
pub const QUOTE_CHARS: usize = 40;

/// Most characters of a nested message (a validation or parser error repeated
/// inside another), so that no message passes a few hundred bytes.
pub const MESSAGE_CHARS: usize = 300;

/// `text` escaped and cut to at most [`QUOTE_CHARS`] characters.
pub fn quote(text: &str) -> String {
    quote_within(text, QUOTE_CHARS)
}

/// `text` escaped and cut to at most `max_chars` characters (at least one).
///
/// An escape is never cut in half: if the whole escape does not fit, the text
/// ends before it with `…`.
pub fn quote_within(text: &str, max_chars: usize) -> String {
    let max_chars = max_chars.max(1);
    let mut quoted = String::new();
    let mut written = 0;
    let mut rest = text.chars().peekable();
    while let Some(character) = rest.next() {
        let escape = is_hidden(character).then(|| format!("U+{:04X}", character as u32));
        let width = escape.as_ref().map_or(1, String::len);
        // Keep one place for the ellipsis unless this is the last character.
        let room = if rest.peek().is_some() {
            max_chars - 1
        } else {
            max_chars
        };
        if written + width > room {
            quoted.push('…');
            return quoted;
        }
        match escape {
            Some(escape) => quoted.push_str(&escape),
            None => quoted.push(character),
        }
        written += width;
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
