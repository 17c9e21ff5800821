//! Reading a typed-in value against a table entry ([`FieldSpec::parse`]) and
//! writing a value back as the text the inspector shows ([`FieldValue::to_text`]),
//! with the shard and topic list formats.
//!
//! What must stay true: `parse(to_text(v))` gives `v` back for every value a
//! getter returns, and a value out of its entry's range or shape is refused
//! with the entry's label.

use crate::engine::attributes::component_table::MAX_NAME_LEN;
use crate::engine::attributes::fault_text::{format_entries, parse_faults};
use crate::engine::attributes::number::{format_number, parse_number};
use crate::engine::attributes::spec::{FieldError, FieldSpec, FieldType, FieldValue, TextRule};
use crate::engine::model::ShardRange;
use crate::engine::quote::quote;

impl FieldValue {
    /// The value as the inspector shows it and [`FieldSpec::parse`] reads it back.
    pub fn to_text(&self) -> String {
        match self {
            FieldValue::Text(text) => text.clone(),
            FieldValue::Number(n) => format_number(*n),
            FieldValue::Bool(flag) => flag.to_string(),
            FieldValue::Choice(option) => option.to_string(),
            FieldValue::Shards(shards) => format_shards(shards),
            FieldValue::Topics(topics) => topics.join(", "),
            FieldValue::Seed(seed) => seed.to_string(),
            FieldValue::Faults(entries) => format_entries(entries),
        }
    }
}

impl FieldSpec {
    /// Checks a number against this entry's range (and wholeness); a number
    /// that is not finite, or an entry that is not a number, is refused.
    pub fn check_number(&self, value: f64) -> Result<(), FieldError> {
        let label = self.label;
        let FieldType::Number { min, max, integer } = self.ty else {
            return Err(FieldError::NotANumber {
                label,
                value: format_number(value),
            });
        };
        if integer && value.fract() != 0.0 {
            return Err(FieldError::NotWhole { label });
        }
        if !(value >= min && value <= max) {
            // The unit follows the upper bound, since the label no longer carries it.
            let max = if self.unit.is_empty() {
                format_number(max)
            } else {
                format!("{} {}", format_number(max), self.unit)
            };
            return Err(FieldError::OutOfRange {
                label,
                min: format_number(min),
                max,
            });
        }
        Ok(())
    }

    /// Parses and checks `input` against this spec.
    pub fn parse(&self, input: &str) -> Result<FieldValue, FieldError> {
        let label = self.label;
        let trimmed = input.trim();
        match &self.ty {
            FieldType::Text { max_len } => {
                if trimmed.chars().count() > *max_len {
                    return Err(FieldError::BadText {
                        label,
                        reason: format!("at most {max_len} characters"),
                    });
                }
                if self.rule == TextRule::Required && trimmed.is_empty() {
                    return Err(FieldError::BadText {
                        label,
                        reason: "a name is required".into(),
                    });
                }
                // Here rather than in `set_field` so that `validate` applies it to files too.
                if self.rule == TextRule::Path && !trimmed.is_empty() && !trimmed.starts_with('/') {
                    return Err(FieldError::BadText {
                        label,
                        reason: "a path starts with `/`".into(),
                    });
                }
                if trimmed.chars().any(char::is_control) {
                    return Err(FieldError::BadText {
                        label,
                        reason: "control characters are not allowed".into(),
                    });
                }
                Ok(FieldValue::Text(trimmed.to_string()))
            }
            FieldType::Number { .. } => {
                let value: f64 = parse_number(trimmed).ok_or_else(|| FieldError::NotANumber {
                    label,
                    value: trimmed.to_string(),
                })?;
                self.check_number(value).map(|()| FieldValue::Number(value))
            }
            FieldType::Bool => match trimmed {
                "true" | "on" | "yes" | "1" => Ok(FieldValue::Bool(true)),
                "false" | "off" | "no" | "0" => Ok(FieldValue::Bool(false)),
                _ => Err(FieldError::NotAnOption {
                    label,
                    value: trimmed.to_string(),
                }),
            },
            FieldType::Choice(options) => options
                .iter()
                .find(|option| option.eq_ignore_ascii_case(trimmed))
                .map(|option| FieldValue::Choice(option))
                .ok_or_else(|| FieldError::NotAnOption {
                    label,
                    value: trimmed.to_string(),
                }),
            FieldType::Shards => parse_shards(trimmed)
                .map(FieldValue::Shards)
                .map_err(|reason| FieldError::BadText { label, reason }),
            FieldType::Seed => {
                trimmed
                    .parse::<u64>()
                    .map(FieldValue::Seed)
                    .map_err(|_| FieldError::BadText {
                        label,
                        reason: format!(
                            "`{}` is not a whole number from 0 to 18446744073709551615",
                            quote(trimmed)
                        ),
                    })
            }
            FieldType::Topics => parse_topics(trimmed)
                .map(FieldValue::Topics)
                .map_err(|reason| FieldError::BadText { label, reason }),
            FieldType::Faults => parse_faults(trimmed)
                .map(FieldValue::Faults)
                .map_err(|reason| FieldError::BadText { label, reason }),
        }
    }
}

/// Parses `0..500, 500..1000` into shard ranges; empty text means unsharded.
pub fn parse_shards(input: &str) -> Result<Vec<ShardRange>, String> {
    let mut shards = Vec::new();
    for part in input
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let (start, end) = part
            .split_once("..")
            .ok_or_else(|| format!("`{}` is not a range like 0..500", quote(part)))?;
        let start: u32 = start
            .trim()
            .parse()
            .map_err(|_| format!("`{}` is not a whole number", quote(start.trim())))?;
        let end: u32 = end
            .trim()
            .parse()
            .map_err(|_| format!("`{}` is not a whole number", quote(end.trim())))?;
        if start >= end {
            return Err(format!("range {start}..{end} is empty"));
        }
        shards.push(ShardRange { start, end });
    }
    if shards.len() > 256 {
        return Err("at most 256 shards".into());
    }
    // Every pair (at most 256 ranges), rather than sorting: one sort fewer in
    // the page's bundle. The earlier-starting range of a pair is named first.
    for (index, a) in shards.iter().enumerate() {
        for b in &shards[index + 1..] {
            if a.start < b.end && b.start < a.end {
                let (first, second) = if (a.start, a.end) <= (b.start, b.end) {
                    (a, b)
                } else {
                    (b, a)
                };
                return Err(format!(
                    "ranges {}..{} and {}..{} overlap",
                    first.start, first.end, second.start, second.end
                ));
            }
        }
    }
    Ok(shards)
}

/// Formats shard ranges the way [`parse_shards`] reads them.
pub fn format_shards(shards: &[ShardRange]) -> String {
    shards
        .iter()
        .map(|s| format!("{}..{}", s.start, s.end))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses a comma-separated topic list.
pub fn parse_topics(input: &str) -> Result<Vec<String>, String> {
    let topics: Vec<String> = input
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect();
    if topics.len() > 64 {
        return Err("at most 64 topics".into());
    }
    if let Some(topic) = topics
        .iter()
        .find(|t| t.chars().count() > MAX_NAME_LEN || t.chars().any(char::is_control))
    {
        return Err(format!("`{}` is not a valid topic name", quote(topic)));
    }
    Ok(topics)
}
