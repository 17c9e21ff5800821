//! Milestones in the browser's `localStorage`, next to the autosave (key
//! [`MILESTONES_KEY`]), as the engine's stored list of names and snapshots
//! (`engine::share::milestones`).
//!
//! What must stay true: stored text that does not read is never deleted: it
//! is copied to [`UNREADABLE_MILESTONES_KEY`] before anything is written over
//! it, the user is told, and when the copy cannot be made nothing is written
//! at all.

use crate::engine::share::milestones::{
    entries_to_stored, read_stored_entries, StoredMilestone, MILESTONES_KEY,
    UNREADABLE_MILESTONES_KEY,
};
use crate::ui::browser::{js_error_text, local_storage};

/// What storage held when it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The milestones that read (none when the text did not).
    pub milestones: Vec<StoredMilestone>,
    /// Why the stored text did not read, and where it is kept; `None` when it read.
    pub problem: Option<String>,
    /// Whether the list may be written (false while unreadable text could not be kept).
    pub writable: bool,
}

fn read_key(key: &str) -> Result<Option<String>, String> {
    local_storage()?
        .get_item(key)
        .map_err(|error| js_error_text(&error))
}

fn write_key(key: &str, text: &str) -> Result<(), String> {
    local_storage()?
        .set_item(key, text)
        .map_err(|error| js_error_text(&error))
}

/// Reads the stored milestones; text that does not read is copied aside first.
pub fn load() -> Loaded {
    let text = match read_key(MILESTONES_KEY) {
        Ok(text) => text.unwrap_or_default(),
        Err(problem) => {
            return Loaded {
                milestones: Vec::new(),
                problem: Some(format!(
                    "Milestones cannot be read in this browser: {problem}."
                )),
                writable: false,
            }
        }
    };
    match read_stored_entries(&text) {
        Ok(milestones) => Loaded {
            milestones,
            problem: None,
            writable: true,
        },
        Err(error) => {
            let kept = match read_key(UNREADABLE_MILESTONES_KEY) {
                Ok(Some(copy)) if copy == text => Ok(()),
                _ => write_key(UNREADABLE_MILESTONES_KEY, &text),
            };
            let (writable, where_kept) = match kept {
                Ok(()) => (true, format!("Its text is kept under \u{201c}{UNREADABLE_MILESTONES_KEY}\u{201d} in this browser's local storage; nothing was deleted.")),
                Err(problem) => (false, format!("Its text stays under \u{201c}{MILESTONES_KEY}\u{201d} (a copy could not be made: {problem}), so no milestone can be saved until it is cleared.")),
            };
            Loaded {
                milestones: Vec::new(),
                problem: Some(format!(
                    "The saved milestones could not be read: {error}. {where_kept}"
                )),
                writable,
            }
        }
    }
}

/// Writes `milestones` as the stored list.
pub fn save(milestones: &[StoredMilestone]) -> Result<(), String> {
    write_key(MILESTONES_KEY, &entries_to_stored(milestones))
}
