//! Autosave: the design lives in the browser's `localStorage` as the design
//! file's compact JSON ([`to_compact_json`]), so a reload, a crash or a closed
//! tab never loses work.
//!
//! What must stay true:
//! - At start the saved text is read through [`from_json`], with the same
//!   validation as an imported file. Text that fails is never deleted: it is
//!   copied to [`UNREADABLE_KEY`] and left where it was until the user's next
//!   change, the user is told, and the app opens the starting template.
//! - Every change is written within [`SAVE_DELAY`], and at once when the page
//!   is hidden or left (`pagehide`), so a reload at any point restores the
//!   design as it was. Nothing is written while the design equals what is
//!   stored, so opening the app (or a link that fails) leaves storage as it was.

use super::browser::{js_error_text, local_storage};
use super::state::{AppState, NoticeKind, STARTING_TEMPLATE};
use crate::engine::format::{from_json, to_compact_json, FormatError};
use crate::engine::model::Design;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

/// The `localStorage` key of the autosaved design.
pub const DESIGN_KEY: &str = "archplay.design";
/// Where saved text that could not be read is kept, so that nothing is lost.
pub const UNREADABLE_KEY: &str = "archplay.design.unreadable";
/// How long the design must be still before it is written: a drag writes
/// once when it pauses, not on every pointer move.
pub const SAVE_DELAY: Duration = Duration::from_millis(250);

/// What the saved text at start amounts to.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Nothing was saved: a first visit.
    Nothing,
    /// A design that passed validation.
    Design(Box<Design>),
    /// Text that is not a valid design file, and why.
    Unreadable(FormatError),
}

impl Saved {
    /// Reads the text stored under [`DESIGN_KEY`], if any.
    pub fn read(text: Option<&str>) -> Saved {
        match text {
            None => Saved::Nothing,
            Some(text) => match from_json(text) {
                Ok(design) => Saved::Design(Box::new(design)),
                Err(error) => Saved::Unreadable(error),
            },
        }
    }
}

/// The message shown when the saved text could not be read.
pub fn unreadable_message(error: &FormatError, kept: Result<(), String>) -> String {
    let kept = match kept {
        Ok(()) => format!("Its text is kept in this browser's local storage under \u{201c}{UNREADABLE_KEY}\u{201d}; nothing was deleted."),
        Err(problem) => format!("Its text is still under \u{201c}{DESIGN_KEY}\u{201d} until your next change (a copy could not be made: {problem})."),
    };
    format!("The design saved in this browser could not be read ({error}), so the {STARTING_TEMPLATE} template was opened instead. {kept}")
}

/// The autosave's memory: what storage holds now, and the pending write.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// The text last read from or written to [`DESIGN_KEY`] (or the
    /// starting design's, when that key holds nothing readable).
    stored: StoredValue<String>,
    /// Counts scheduled writes, so that only the latest one runs.
    pending: StoredValue<u64>,
    /// Whether the last write failed, so a failure is reported once.
    failing: StoredValue<bool>,
}

/// Starts the session from the autosaved design, or from the starting
/// template (with a notice) when the saved text cannot be read.
pub fn restore_saved_design(state: AppState) -> Autosave {
    let storage = local_storage();
    let text = storage.as_ref().ok().and_then(|storage| storage.get_item(DESIGN_KEY).ok().flatten());
    match Saved::read(text.as_deref()) {
        Saved::Nothing => {}
        Saved::Design(design) => state.restore_design(*design),
        Saved::Unreadable(error) => {
            let kept = storage.and_then(|storage| {
                storage.set_item(UNREADABLE_KEY, text.as_deref().unwrap_or_default()).map_err(|error| js_error_text(&error))
            });
            state.show_notice(NoticeKind::StorageError, unreadable_message(&error, kept));
        }
    }
    let stored = state.design().with_untracked(to_compact_json);
    Autosave { stored: StoredValue::new(stored), pending: StoredValue::new(0), failing: StoredValue::new(false) }
}

/// Writes the design now if it differs from what storage holds.
fn save_now(state: AppState, autosave: Autosave) {
    let text = state.design().with_untracked(to_compact_json);
    if autosave.stored.with_value(|stored| *stored == text) {
        return;
    }
    let written = local_storage().and_then(|storage| storage.set_item(DESIGN_KEY, &text).map_err(|error| js_error_text(&error)));
    match written {
        Ok(()) => {
            autosave.stored.set_value(text);
            if autosave.failing.get_value() {
                autosave.failing.set_value(false);
                state.dismiss_notice(NoticeKind::StorageError);
            }
        }
        Err(problem) if !autosave.failing.get_value() => {
            autosave.failing.set_value(true);
            state.show_notice(
                NoticeKind::StorageError,
                format!("Your changes are not being saved in this browser ({problem}). Export the design file to keep them."),
            );
        }
        Err(_) => {}
    }
}

/// The effect that saves every change: a write [`SAVE_DELAY`] after the
/// design last changed, and at once when the page is hidden or left.
pub fn handle_save_state(state: AppState, autosave: Autosave) {
    let design = state.design();
    Effect::new(move |_| {
        design.track();
        let serial = autosave.pending.get_value() + 1;
        autosave.pending.set_value(serial);
        set_timeout(
            move || {
                if autosave.pending.get_value() == serial {
                    save_now(state, autosave);
                }
            },
            SAVE_DELAY,
        );
    });
    let hidden = window_event_listener(ev::pagehide, move |_| save_now(state, autosave));
    on_cleanup(move || hidden.remove());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::format::to_json;
    use crate::engine::templates::template;

    #[test]
    fn saved_text_reads_back_as_the_design() {
        let design = template("event-driven").unwrap();
        assert_eq!(Saved::read(Some(&to_compact_json(&design))), Saved::Design(Box::new(design.clone())));
        assert_eq!(Saved::read(Some(&to_json(&design))), Saved::Design(Box::new(design)));
        assert_eq!(Saved::read(None), Saved::Nothing);
    }

    #[test]
    fn unreadable_text_names_its_problem() {
        for text in ["{\"archplay\":1,\"name\":", "not json", "{\"name\":\"x\"}", "{\"archplay\":99}"] {
            let Saved::Unreadable(error) = Saved::read(Some(text)) else { panic!("{text} was read as a design") };
            let message = unreadable_message(&error, Ok(()));
            assert!(message.contains(&error.to_string()), "{message}");
            assert!(message.contains(UNREADABLE_KEY), "{message}");
        }
    }

    #[test]
    fn a_failed_backup_says_where_the_text_still_is() {
        let message = unreadable_message(&FormatError::NotADesign, Err("quota exceeded".to_string()));
        assert!(message.contains(DESIGN_KEY) && message.contains("quota exceeded"), "{message}");
    }
}
