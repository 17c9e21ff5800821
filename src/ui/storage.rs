//! Autosave: the design lives in the browser's `localStorage` as a snapshot
//! ([`encode_snapshot`]), so a reload, a crash or a closed tab never loses work.
//!
//! What must stay true:
//! - At start a snapshot is read at once, with the same validation as a
//!   link. Anything else (a design file's JSON, which older builds saved) is
//!   read by the worker as an imported file would be, and nothing is written
//!   until it has been read and then changed by the user. Text that fails is never deleted: it is copied to
//!   [`UNREADABLE_KEY`] and left where it was until the user's next change,
//!   the user is told, and the app keeps the starting template.
//! - Every change is written within [`SAVE_DELAY`], and at once when the page
//!   is hidden or left (`pagehide`), so a reload at any point restores the
//!   design as it was. Nothing is written while the design equals what is
//!   stored, so opening the app (or a link that fails) leaves storage as it was.

use super::browser::{local_storage, store_text};
use super::state::{AppState, NoticeKind, STARTING_TEMPLATE};
use crate::engine::model::Design;
use crate::engine::share::{decode_snapshot, encode_snapshot, is_snapshot};
use crate::engine::tasks::split_import_answer;
use crate::worker_protocol::Task;
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
    /// A snapshot that passed validation.
    Design(Box<Design>),
    /// Text that is not a snapshot: the worker reads it as a design file.
    Other(String),
    /// A snapshot that cannot be read, and why.
    Unreadable(String),
}

impl Saved {
    /// Reads the text stored under [`DESIGN_KEY`], if any.
    pub fn read(text: Option<&str>) -> Saved {
        match text {
            None => Saved::Nothing,
            Some(text) if is_snapshot(text) => match decode_snapshot(text) {
                Ok(design) => Saved::Design(Box::new(design)),
                Err(error) => Saved::Unreadable(error.to_string()),
            },
            Some(text) => Saved::Other(text.to_string()),
        }
    }
}

/// The message shown when the saved text could not be read.
pub fn unreadable_message(error: &str, kept: Result<(), String>) -> String {
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
    /// Whether saved text is still being read by the worker; nothing is written meanwhile.
    reading: StoredValue<bool>,
}

/// Keeps `text` under [`UNREADABLE_KEY`] and tells the user why it could not be read.
fn report_unreadable(state: AppState, text: &str, error: &str) {
    let kept = store_text(UNREADABLE_KEY, text);
    state.show_notice(NoticeKind::StorageError, unreadable_message(error, kept));
}

/// Starts the session from the autosaved design, or from the starting
/// template (with a notice) when the saved text cannot be read.
pub fn restore_saved_design(state: AppState) -> Autosave {
    let text = local_storage()
        .ok()
        .and_then(|storage| storage.get_item(DESIGN_KEY).ok().flatten());
    let reading = StoredValue::new(false);
    // What storage holds, as a snapshot: set below once the design is known.
    let stored = StoredValue::new(String::new());
    match Saved::read(text.as_deref()) {
        Saved::Nothing => {}
        Saved::Design(design) => state.restore_design(*design),
        Saved::Unreadable(error) => {
            report_unreadable(state, text.as_deref().unwrap_or_default(), &error)
        }
        Saved::Other(text) => {
            reading.set_value(true);
            let task = Task::OpenFile {
                file: text.clone(),
                milestones: String::new(),
            };
            state.worker().ask(task, move |answer| {
                reading.set_value(false);
                // An autosave is no import: milestones in it are not merged.
                match answer.and_then(|answer| {
                    decode_snapshot(split_import_answer(&answer).0)
                        .map_err(|error| error.to_string())
                }) {
                    Ok(design) => {
                        // Storage holds this very design in an older form:
                        // nothing to write until the user changes it.
                        stored.set_value(encode_snapshot(&design));
                        state.restore_design(design);
                        state.fit_view();
                    }
                    Err(error) => report_unreadable(state, &text, &error),
                }
            });
        }
    }
    stored.set_value(state.design().with_untracked(encode_snapshot));
    Autosave {
        stored,
        pending: StoredValue::new(0),
        failing: StoredValue::new(false),
        reading,
    }
}

/// Writes the design now if it differs from what storage holds.
fn save_now(state: AppState, autosave: Autosave) {
    if autosave.reading.get_value() {
        return;
    }
    let text = state.design().with_untracked(encode_snapshot);
    if autosave.stored.with_value(|stored| *stored == text) {
        return;
    }
    let written = store_text(DESIGN_KEY, &text);
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
    use crate::engine::share::design_file::to_json;
    use crate::engine::templates::template;

    #[test]
    fn a_saved_snapshot_reads_back_as_the_design() {
        let design = template("event-driven").unwrap();
        assert_eq!(
            Saved::read(Some(&encode_snapshot(&design))),
            Saved::Design(Box::new(design))
        );
        assert_eq!(Saved::read(None), Saved::Nothing);
    }

    #[test]
    fn a_design_file_saved_by_an_older_build_goes_to_the_worker() {
        let json = to_json(&template("event-driven").unwrap());
        assert_eq!(Saved::read(Some(&json)), Saved::Other(json.clone()));
        assert_eq!(
            Saved::read(Some("not json")),
            Saved::Other("not json".to_string())
        );
    }

    #[test]
    fn a_damaged_snapshot_names_its_problem() {
        let snapshot = encode_snapshot(&template("microservices").unwrap());
        for text in [&snapshot[..snapshot.len() / 2], "s1.", "s1.!!!"] {
            let Saved::Unreadable(error) = Saved::read(Some(text)) else {
                panic!("{text} was read as a design")
            };
            let message = unreadable_message(&error, Ok(()));
            assert!(
                message.contains(&error) && message.contains(UNREADABLE_KEY),
                "{message}"
            );
        }
    }

    #[test]
    fn a_failed_backup_says_where_the_text_still_is() {
        let message =
            unreadable_message("not a valid design file", Err("quota exceeded".to_string()));
        assert!(
            message.contains(DESIGN_KEY) && message.contains("quota exceeded"),
            "{message}"
        );
    }
}
