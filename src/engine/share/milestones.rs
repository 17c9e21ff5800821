//! Milestones: designs the user saved under a name, to open or compare later.
//! The browser keeps them in `localStorage` (key [`MILESTONES_KEY`]) as
//! [`to_stored`] text, a JSON list of names and snapshots; the design file
//! carries them as design objects (`design_file::to_json_with_milestones`).
//!
//! What must stay true: reading stored text is all or nothing, and an error
//! names the milestone (position and name) that does not read, so the caller
//! can keep the text and tell the user; [`merge`] never drops a milestone of
//! the user's, and a milestone with the same name and design as one already
//! kept is kept once.

use super::{decode_snapshot, encode_snapshot, SnapshotError};
use crate::engine::model::Design;
use crate::engine::quote::{quote_within, MESSAGE_BYTES};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `localStorage` key of the milestones, next to the autosave's `archplay.design`.
pub const MILESTONES_KEY: &str = "archplay.milestones";
/// Where stored milestones that could not be read are copied, so nothing is lost.
pub const UNREADABLE_MILESTONES_KEY: &str = "archplay.milestones.unreadable";

/// A design saved under a name.
#[derive(Clone, Debug, PartialEq)]
pub struct Milestone {
    /// What the user called it.
    pub name: String,
    /// The design as it was saved.
    pub design: Design,
}

/// One milestone as stored: its name and its design as a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMilestone {
    /// What the user called it.
    pub name: String,
    /// The design, as a snapshot (`s2.`...).
    pub design: String,
}

/// Why stored milestones could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MilestoneError {
    /// The text is not a JSON list of names and snapshots.
    Syntax(String),
    /// A milestone's snapshot does not read.
    BadDesign {
        /// Its position in the list, from 1.
        position: usize,
        /// Its name.
        name: String,
        /// Why.
        problem: SnapshotError,
    },
}

impl fmt::Display for MilestoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MilestoneError::Syntax(problem) => write!(
                f,
                "the saved milestones are not a list of milestones: {}",
                quote_within(problem, MESSAGE_BYTES)
            ),
            MilestoneError::BadDesign {
                position,
                name,
                problem,
            } => write!(
                f,
                "the design of saved milestone {position} \u{201c}{}\u{201d} cannot be read: {problem}",
                quote_within(name, MESSAGE_BYTES / 4)
            ),
        }
    }
}

impl std::error::Error for MilestoneError {}

/// The stored list's entries, names and snapshots as they are, without
/// reading the designs (the Compare module lists them this way).
pub fn read_stored_entries(text: &str) -> Result<Vec<StoredMilestone>, MilestoneError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_str(text)
        .map_err(|error| MilestoneError::Syntax(super::design_file::json_error_message(&error)))
}

/// Reads stored milestones, every design decoded and validated.
pub fn read_stored(text: &str) -> Result<Vec<Milestone>, MilestoneError> {
    read_stored_entries(text)?
        .into_iter()
        .enumerate()
        .map(|(index, entry)| match decode_snapshot(&entry.design) {
            Ok(design) => Ok(Milestone {
                name: entry.name,
                design,
            }),
            Err(problem) => Err(MilestoneError::BadDesign {
                position: index + 1,
                name: entry.name,
                problem,
            }),
        })
        .collect()
}

/// The stored text of `entries`.
pub fn entries_to_stored(entries: &[StoredMilestone]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".to_string())
}

/// The stored text of `milestones`.
pub fn to_stored(milestones: &[Milestone]) -> String {
    let entries: Vec<StoredMilestone> = milestones
        .iter()
        .map(|milestone| StoredMilestone {
            name: milestone.name.clone(),
            design: encode_snapshot(&milestone.design),
        })
        .collect();
    entries_to_stored(&entries)
}

/// `kept` followed by each of `incoming` not already there (same name and
/// same design), in their order.
pub fn merge(kept: Vec<Milestone>, incoming: Vec<Milestone>) -> Vec<Milestone> {
    let mut merged = kept;
    for milestone in incoming {
        if !merged.contains(&milestone) {
            merged.push(milestone);
        }
    }
    merged
}

/// The name a new milestone gets unless the user types one: `Milestone N`,
/// with N one more than the list's length, or the first higher number not taken.
pub fn default_name(names: &[&str]) -> String {
    (names.len() + 1..)
        .map(|number| format!("Milestone {number}"))
        .find(|name| !names.contains(&name.as_str()))
        .unwrap_or_else(|| "Milestone".to_string())
}
