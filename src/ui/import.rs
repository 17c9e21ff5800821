//! Importing a design file chosen by the user.
//!
//! What must stay true: the worker reads the file ([`Task::OpenFile`]) with
//! the engine's `from_json`, the same parse-then-validate as the command-line
//! tool; a file larger than the design file's limit is refused from its size
//! before a byte is read; a file that fails shows its message as a
//! [`NoticeKind::ImportError`] and changes nothing. A file that passes
//! replaces the design as one undo step. Its milestones are merged into the
//! ones stored in this browser by the worker ([`Task::OpenFile`]), which
//! never drops one of the user's; the page only stores the merged list.

use super::browser::{js_error_text, store_text, stored_text};
use super::state::{AppState, NoticeKind};
use crate::engine::quote::quote_within;
use crate::engine::share::decode_snapshot;
use crate::engine::share::design_file::{too_large_message, MAX_FILE_BYTES};
use crate::engine::share::milestones::MILESTONES_KEY;
use crate::engine::tasks::split_import_answer;
use crate::worker_protocol::Task;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement};

/// Longest file name repeated in an import error, in bytes.
const SHOWN_FILE_NAME_BYTES: usize = 80;

/// What an import that failed tells the user. The file name is the user's
/// own, but it is escaped and cut like any echoed input so the notice stays
/// one line.
pub fn import_error_message(file_name: &str, problem: &str) -> String {
    let file_name = quote_within(file_name, SHOWN_FILE_NAME_BYTES);
    format!("\u{201c}{file_name}\u{201d}: {problem}. The design you had is unchanged.")
}

/// Reads the file chosen in `input`, then clears the input so that choosing
/// the same file again imports it again.
pub fn import_chosen_file(state: AppState, input: &HtmlInputElement) {
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    if let Some(file) = file {
        spawn_local(import_file(state, file));
    }
}

/// Reads `file` and opens the design it holds, or says why it cannot.
async fn import_file(state: AppState, file: File) {
    let file_name = file.name();
    let failed = move |file_name: &str, problem: &str| {
        state.show_notice(
            NoticeKind::ImportError,
            import_error_message(file_name, problem),
        )
    };
    let text = match read_text(&file).await {
        Ok(text) => text,
        Err(problem) => return failed(&file_name, &problem),
    };
    let milestones = stored_text(MILESTONES_KEY);
    let task = Task::OpenFile {
        file: text,
        milestones,
    };
    state.worker().ask(task, move |answer| {
        match answer.and_then(|answer| {
            let (snapshot, milestones) = split_import_answer(&answer);
            if let Some(milestones) = milestones {
                keep_milestones(state, milestones);
            }
            decode_snapshot(snapshot).map_err(|error| error.to_string())
        }) {
            Ok(design) => {
                state.dismiss_notice(NoticeKind::ImportError);
                state.open_design(design, format!("imported {file_name}"));
            }
            Err(problem) => failed(&file_name, &problem),
        }
    });
}

/// Stores the milestones merged from an imported file, or says why not
/// (the browser's words: the file's design still opens).
fn keep_milestones(state: AppState, milestones: &str) {
    if let Err(problem) = store_text(MILESTONES_KEY, milestones) {
        state.report_error(problem);
    }
}

async fn read_text(file: &File) -> Result<String, String> {
    // Refuse a huge file before reading it into memory; `from_json` checks again.
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return Err(too_large_message(size as usize));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|error| format!("the file could not be read ({})", js_error_text(&error)))?;
    text.as_string()
        .ok_or_else(|| "the file could not be read as text".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tasks::run;

    #[test]
    fn an_import_error_names_the_file_and_the_problem() {
        let problem = run(&Task::OpenFile {
            file: "{\"archplay\":1,".to_string(),
            milestones: String::new(),
        })
        .unwrap_err();
        let message = import_error_message("shop.json", &problem);
        assert!(
            message.starts_with("\u{201c}shop.json\u{201d}: not a valid design file"),
            "{message}"
        );
        assert!(message.ends_with("unchanged."), "{message}");
    }

    #[test]
    fn an_import_error_escapes_and_cuts_the_file_name() {
        let name = format!("a\u{1b}[2J\nb{}.json", "x".repeat(500));
        let message = import_error_message(&name, "the file is empty");
        assert!(
            message.starts_with("\u{201c}aU+001B[2JU+000Abxxx"),
            "{message}"
        );
        assert!(
            message.contains("x…\u{201d}: the file is empty."),
            "{message}"
        );
        assert!(!message.chars().any(char::is_control), "{message}");
        assert!(message.len() < 200, "{message}");
    }
}
