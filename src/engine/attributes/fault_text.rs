//! A design's scheduled faults as one line of text, the way the inspector
//! edits them:
//!
//! ```text
//! kill orders-service at 20s; down users-db at 30s for 10s;
//! latency api-gateway at 10s for 20s +50ms; errors "payments service" at 5s for 10s 20%
//! ```
//!
//! Each fault (separated by `;` or a line break) is a verb (`kill`, `down`,
//! `latency`, `errors`), a component name (in double quotes when it holds a
//! space, `;`, `"` or `\`, with `\"` and `\\` inside quotes), then `at TIME`,
//! optionally `for TIME`, and for latency `+MSms`, for errors `PERCENT%`, in
//! any order. A time is seconds (`20`, `20s`) or milliseconds (`500ms`).
//!
//! What must stay true: [`parse_faults`] reads back exactly what
//! [`format_faults`] writes, and every refusal is a lower-case sentence naming
//! the fault (by its number and text) and the problem. Names are looked up in
//! [`resolve_faults`], so the model only ever holds component ids.

use crate::engine::attributes::number::{format_number, parse_number};
use crate::engine::model::simulation_settings::{FaultAction, ScheduledFault};
use crate::engine::model::Design;
use crate::engine::quote::{quote, quote_within};

/// Most faults one design may schedule.
pub const MAX_FAULTS: usize = 100;
/// Latest a fault may start or longest it may last, in seconds (the simulator's longest run).
pub const MAX_FAULT_TIME_S: f64 = 1_000_000.0;
/// Most latency a fault may add, in milliseconds (an hour).
pub const MAX_ADDED_LATENCY_MS: f64 = 3_600_000.0;

/// One fault as written, before its component name is looked up.
#[derive(Clone, Debug, PartialEq)]
pub struct FaultEntry {
    /// The component's name as written.
    pub component: String,
    /// What goes wrong.
    pub action: FaultAction,
    /// When it starts, in seconds.
    pub at_s: f64,
    /// How long it lasts, in seconds; `None` means until the end of the run.
    pub duration_s: Option<f64>,
}

/// A word of a fault, and whether it was written in quotes (then it is always a name).
#[derive(Clone, Debug)]
struct Token {
    text: String,
    quoted: bool,
}

/// Parses the faults text; empty text means no faults.
pub fn parse_faults(input: &str) -> Result<Vec<FaultEntry>, String> {
    let entries = tokenize(input)?;
    if entries.len() > MAX_FAULTS {
        return Err(format!(
            "at most {MAX_FAULTS} faults, not {}",
            entries.len()
        ));
    }
    entries
        .iter()
        .enumerate()
        .map(|(index, tokens)| {
            parse_entry(tokens).map_err(|problem| {
                format!("fault {} (`{}`): {problem}", index + 1, describe(tokens))
            })
        })
        .collect()
}

/// Looks up each entry's component by name.
pub fn resolve_faults(
    design: &Design,
    entries: Vec<FaultEntry>,
) -> Result<Vec<ScheduledFault>, String> {
    entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let component = design.component_named(&entry.component).ok_or_else(|| {
                format!(
                    "fault {}: no component is named `{}`",
                    index + 1,
                    quote(&entry.component)
                )
            })?;
            Ok(ScheduledFault {
                component: component.id,
                action: entry.action,
                at_s: entry.at_s,
                duration_s: entry.duration_s,
            })
        })
        .collect()
}

/// The faults as text, naming each component by its current name
/// (`(missing)` for an id the design does not have).
pub fn format_faults(design: &Design, faults: &[ScheduledFault]) -> String {
    format_entries(&name_faults(design, faults))
}

/// The faults as written, each naming its component by its current name
/// (`(missing)` for an id the design does not have): what [`resolve_faults`] reads back.
pub fn name_faults(design: &Design, faults: &[ScheduledFault]) -> Vec<FaultEntry> {
    faults
        .iter()
        .map(|fault| FaultEntry {
            component: design.name_of(fault.component).to_string(),
            action: fault.action,
            at_s: fault.at_s,
            duration_s: fault.duration_s,
        })
        .collect()
}

/// The entries as one line of text, the way [`parse_faults`] reads them.
pub fn format_entries(entries: &[FaultEntry]) -> String {
    entries
        .iter()
        .map(format_entry)
        .collect::<Vec<_>>()
        .join("; ")
}

fn format_entry(entry: &FaultEntry) -> String {
    let verb = match entry.action {
        FaultAction::KillReplica => "kill",
        FaultAction::ComponentDown => "down",
        FaultAction::AddLatency { .. } => "latency",
        FaultAction::AddErrors { .. } => "errors",
    };
    let mut text = format!(
        "{verb} {} at {}s",
        quote_name(&entry.component),
        format_number(entry.at_s)
    );
    if let Some(duration_s) = entry.duration_s {
        text.push_str(&format!(" for {}s", format_number(duration_s)));
    }
    match entry.action {
        FaultAction::AddLatency { ms } => text.push_str(&format!(" +{}ms", format_number(ms))),
        FaultAction::AddErrors { percent } => {
            text.push_str(&format!(" {}%", format_number(percent)))
        }
        FaultAction::KillReplica | FaultAction::ComponentDown => {}
    }
    text
}

/// A name as one word: in quotes, with `"` and `\` escaped, when it would not read back bare.
fn quote_name(name: &str) -> String {
    let bare = !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, ';' | '"' | '\\'));
    if bare {
        return name.to_string();
    }
    let escaped: String = name
        .chars()
        .flat_map(|c| {
            if matches!(c, '"' | '\\') {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect();
    format!("\"{escaped}\"")
}

/// The text split into faults, each split into words.
fn tokenize(input: &str) -> Result<Vec<Vec<Token>>, String> {
    let mut entries: Vec<Vec<Token>> = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        let fault_number = entries.len() + 1;
        if c == ';' || c == '\n' {
            if !tokens.is_empty() {
                entries.push(std::mem::take(&mut tokens));
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if c == '"' {
            let mut text = String::new();
            loop {
                match chars.next() {
                    None => return Err(format!("fault {fault_number}: the quoted name \"{} is not closed with `\"`", quote(&text))),
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some(escaped @ ('"' | '\\')) => text.push(escaped),
                        _ => return Err(format!("fault {fault_number}: in a quoted name, `\\` must be followed by `\"` or `\\`")),
                    },
                    Some(other) => text.push(other),
                }
            }
            if chars
                .peek()
                .is_some_and(|next| !(next.is_whitespace() || *next == ';'))
            {
                return Err(format!(
                    "fault {fault_number}: put a space after the quoted name \"{}\"",
                    quote(&text)
                ));
            }
            tokens.push(Token { text, quoted: true });
            continue;
        }
        let mut text = String::from(c);
        while let Some(&next) = chars.peek() {
            if next.is_whitespace() || next == ';' {
                break;
            }
            if next == '"' {
                return Err(format!(
                    "fault {fault_number}: `{text}\"`: a quote may only start a name"
                ));
            }
            text.push(next);
            chars.next();
        }
        tokens.push(Token {
            text,
            quoted: false,
        });
    }
    if !tokens.is_empty() {
        entries.push(tokens);
    }
    Ok(entries)
}

/// A fault's words for a message, at most about 60 characters.
fn describe(tokens: &[Token]) -> String {
    let text = tokens
        .iter()
        .map(|t| {
            if t.quoted {
                quote_name(&t.text)
            } else {
                t.text.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    quote_within(&text, 60)
}

/// A bare word (not in quotes), for keywords.
fn word(token: &Token) -> Option<&str> {
    (!token.quoted).then_some(token.text.as_str())
}

fn parse_entry(tokens: &[Token]) -> Result<FaultEntry, String> {
    let verb = tokens
        .first()
        .and_then(word)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !matches!(verb.as_str(), "kill" | "down" | "latency" | "errors") {
        let written = tokens.first().map_or("", |t| t.text.as_str());
        return Err(format!(
            "`{}` is not a fault; start with kill, down, latency or errors",
            quote(written)
        ));
    }
    let name = match tokens.get(1) {
        Some(token) if token.quoted || !matches!(token.text.as_str(), "at" | "for") => {
            token.text.clone()
        }
        _ => return Err(format!("name the component after `{verb}`")),
    };
    let (mut at_s, mut duration_s, mut latency_ms, mut percent) = (None, None, None, None);
    let mut rest = tokens.iter().skip(2);
    while let Some(token) = rest.next() {
        let text = token.text.as_str();
        match word(token) {
            Some(keyword @ ("at" | "for")) => {
                let value = rest.next().ok_or_else(|| format!("`{keyword}` needs a time, e.g. `{keyword} 20s`"))?;
                let seconds = parse_time(&value.text)?;
                let slot = if keyword == "at" { &mut at_s } else { &mut duration_s };
                if slot.replace(seconds).is_some() {
                    return Err(format!("`{keyword}` is written twice"));
                }
            }
            Some(amount) if amount.starts_with('+') => {
                if latency_ms.replace(parse_latency(amount)?).is_some() {
                    return Err("the added latency is written twice".to_string());
                }
            }
            Some(share) if share.ends_with('%') => {
                if percent.replace(parse_percent(share)?).is_some() {
                    return Err("the error percentage is written twice".to_string());
                }
            }
            _ => return Err(format!("`{}` is not understood: write `at 20s`, `for 10s`, `+50ms` or `20%`, and quote names with spaces", quote(text))),
        }
    }
    let at_s = at_s.ok_or("say when it starts, e.g. `at 20s`")?;
    if duration_s == Some(0.0) {
        return Err(
            "a fault lasts more than 0 s; leave out `for` to last until the end of the run"
                .to_string(),
        );
    }
    let action = match verb.as_str() {
        "latency" => FaultAction::AddLatency {
            ms: latency_ms.ok_or("say how much latency to add, e.g. `+50ms`")?,
        },
        "errors" => FaultAction::AddErrors {
            percent: percent.ok_or("say what share of calls fail, e.g. `20%`")?,
        },
        "kill" => FaultAction::KillReplica,
        _ => FaultAction::ComponentDown,
    };
    if latency_ms.is_some() && verb != "latency" {
        return Err("`+...ms` only goes with `latency`".to_string());
    }
    if percent.is_some() && verb != "errors" {
        return Err("`...%` only goes with `errors`".to_string());
    }
    Ok(FaultEntry {
        component: name,
        action,
        at_s,
        duration_s,
    })
}

/// `20`, `20s` or `500ms`, in seconds.
fn parse_time(text: &str) -> Result<f64, String> {
    let (digits, scale) = match text.strip_suffix("ms") {
        Some(digits) => (digits, 0.001),
        None => (text.strip_suffix('s').unwrap_or(text), 1.0),
    };
    let seconds = parse_number(digits)
        .map(|value| value * scale)
        .ok_or_else(|| format!("`{}` is not a time like 20s or 500ms", quote(text)))?;
    if !(0.0..=MAX_FAULT_TIME_S).contains(&seconds) {
        return Err(format!(
            "`{}` is not a time from 0 to {} s",
            quote(text),
            format_number(MAX_FAULT_TIME_S)
        ));
    }
    Ok(seconds)
}

/// `+50ms`, `+50` (milliseconds) or `+0.05s`, in milliseconds.
fn parse_latency(text: &str) -> Result<f64, String> {
    let body = text.strip_prefix('+').unwrap_or(text);
    let (digits, scale) = match body.strip_suffix("ms") {
        Some(digits) => (digits, 1.0),
        None => match body.strip_suffix('s') {
            Some(digits) => (digits, 1000.0),
            None => (body, 1.0),
        },
    };
    let ms = parse_number(digits)
        .map(|value| value * scale)
        .ok_or_else(|| format!("`{}` is not an added latency like +50ms", quote(text)))?;
    if !(0.0..=MAX_ADDED_LATENCY_MS).contains(&ms) {
        return Err(format!(
            "`{}` is not an added latency from +0ms to +{}ms",
            quote(text),
            format_number(MAX_ADDED_LATENCY_MS)
        ));
    }
    Ok(ms)
}

/// `20%`, a percentage from 0 to 100.
fn parse_percent(text: &str) -> Result<f64, String> {
    let digits = text.strip_suffix('%').unwrap_or(text);
    match parse_number(digits) {
        Some(percent) if (0.0..=100.0).contains(&percent) => Ok(percent),
        _ => Err(format!(
            "`{}` is not a percentage from 0% to 100%",
            quote(text)
        )),
    }
}
