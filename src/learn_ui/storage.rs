//! Learn progress in the browser: read when the Learn module mounts from [`PROGRESS_KEY`],
//! written after every change, exported as a JSON file, imported from one,
//! and reset.
//!
//! What must stay true: only [`PROGRESS_KEY`] and, for a record that cannot
//! be read, [`UNREADABLE_PROGRESS_KEY`] are ever written (never the design
//! autosave); a corrupt record is copied to the backup key, reset, and the
//! student told so (a page notice); an import that fails changes nothing; the
//! JSON file is written and read by the worker, so the module links no JSON code.

use super::state::LearnState;
use super::worker::{self, ask};
use crate::engine::learn::progress::{
    corrupt_progress_message, Progress, StoredProgress, PROGRESS_KEY, UNREADABLE_PROGRESS_KEY,
};
use crate::learn_bridge::{Host, HostNotice};
use crate::ui::browser::{js_error_text, local_storage};
use crate::ui::download::download_text;
use crate::worker_protocol::learn::LearnRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

/// The file name of an exported progress.
pub const PROGRESS_FILE_NAME: &str = "archplay-learn-progress.json";
/// The largest progress file read: a few hundred exercises fit in far less.
pub const MAX_PROGRESS_FILE_BYTES: usize = 1_000_000;

fn write(key: &str, text: &str) -> Result<(), String> {
    local_storage().and_then(|storage| {
        storage
            .set_item(key, text)
            .map_err(|error| js_error_text(&error))
    })
}

/// Reads the stored progress; a corrupt record is backed up, reset, and reported.
pub fn restore_progress(host: &Host) -> Progress {
    let text = local_storage()
        .ok()
        .and_then(|storage| storage.get_item(PROGRESS_KEY).ok().flatten());
    match StoredProgress::read(text.as_deref()) {
        StoredProgress::Nothing => Progress::default(),
        StoredProgress::Progress(progress) => progress,
        StoredProgress::Corrupt(problem) => {
            let backup = write(UNREADABLE_PROGRESS_KEY, text.as_deref().unwrap_or_default());
            let fresh = Progress::default();
            // Only reset once the text is safe elsewhere.
            if backup.is_ok() {
                _ = write(PROGRESS_KEY, &fresh.encode());
            }
            host.notice(
                HostNotice::Storage,
                &corrupt_progress_message(&problem, backup),
            );
            fresh
        }
    }
}

/// Writes `progress` under [`PROGRESS_KEY`]; a failure is said in the Learn view.
pub fn save_progress(learn: LearnState, progress: &Progress) {
    if let Err(problem) = write(PROGRESS_KEY, &progress.encode()) {
        learn.message.set(Some(format!(
            "Your progress could not be saved in this browser ({problem}). Export it to keep it."
        )));
    }
}

/// Downloads the progress as a JSON file (written by the worker).
pub fn export_progress(learn: LearnState) {
    let record = learn.progress.with_untracked(Progress::encode);
    let request = LearnRequest::ProgressToJson(record);
    ask(learn.worker(), request, worker::text, move |answer| {
        let result = answer.and_then(|json| {
            download_text(PROGRESS_FILE_NAME, &json, "application/json")
                .map_err(|error| js_error_text(&error))
        });
        learn.message.set(Some(match result {
            Ok(()) => format!("Progress exported as {PROGRESS_FILE_NAME}."),
            Err(problem) => format!("The progress could not be exported: {problem}."),
        }));
    });
}

/// Replaces the progress with the one in the file chosen in `input`; a file
/// that cannot be read changes nothing.
pub fn import_progress(learn: LearnState, input: &HtmlInputElement) {
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    let Some(file) = file else {
        return;
    };
    let name = file.name();
    if file.size() > MAX_PROGRESS_FILE_BYTES as f64 {
        learn.message.set(Some(format!(
            "\u{201c}{name}\u{201d} is larger than a progress file can be ({MAX_PROGRESS_FILE_BYTES} bytes); your progress is unchanged."
        )));
        return;
    }
    spawn_local(async move {
        let text = match JsFuture::from(file.text()).await {
            Ok(text) => text.as_string().unwrap_or_default(),
            Err(error) => {
                return learn.message.set(Some(format!(
                    "\u{201c}{name}\u{201d} could not be read ({}); your progress is unchanged.",
                    js_error_text(&error)
                )))
            }
        };
        let request = LearnRequest::ProgressFromJson(text);
        ask(learn.worker(), request, worker::text, move |answer| {
            let read = answer
                .and_then(|record| Progress::decode(&record).map_err(|error| error.to_string()));
            match read {
                Ok(progress) => {
                    learn.update_progress(|kept| *kept = progress);
                    learn
                        .message
                        .set(Some(format!("Progress imported from \u{201c}{name}\u{201d}.")));
                }
                Err(problem) => learn.message.set(Some(format!(
                    "\u{201c}{name}\u{201d} is not a progress file ({problem}); your progress is unchanged."
                ))),
            }
        });
    });
}

/// Forgets every exercise's progress (the design is not touched).
pub fn reset_progress(learn: LearnState) {
    learn.update_progress(|progress| *progress = Progress::default());
    learn.message.set(Some(
        "Progress reset: every exercise is not started.".to_string(),
    ));
}
