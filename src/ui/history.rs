//! The undo and redo keyboard shortcuts: Ctrl+Z undoes, Ctrl+Shift+Z and
//! Ctrl+Y redo (Cmd instead of Ctrl on macOS; either is accepted anywhere).
//!
//! What must stay true: a shortcut never fires while the user types in a text
//! field (the field's own text undo runs instead), and which step a key means
//! is decided by [`HistoryStep::for_key`], a plain function with tests.

use super::state::AppState;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

/// Which way a shortcut moves through the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryStep {
    /// Go back one change.
    Undo,
    /// Go forward one undone change.
    Redo,
}

/// The keys of one key press that decide a history shortcut.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`: the character the layout gives (`z`, `Z`, `я`).
    pub key: &'a str,
    /// `KeyboardEvent.code`: the physical key (`KeyZ`), for non-Latin layouts.
    pub code: &'a str,
    /// Ctrl held.
    pub ctrl: bool,
    /// Cmd (Meta) held.
    pub meta: bool,
    /// Shift held.
    pub shift: bool,
    /// Alt (Option) held.
    pub alt: bool,
}

impl HistoryStep {
    /// The step `press` asks for, if it is an undo or redo shortcut.
    pub fn for_key(press: KeyPress<'_>) -> Option<HistoryStep> {
        if !(press.ctrl || press.meta) || press.alt {
            return None;
        }
        // The layout's letter when it is a Latin one (so AZERTY's Z is Z);
        // otherwise the physical key, so that Cyrillic layouts still work.
        let mut characters = press.key.chars();
        let letter = match (characters.next(), characters.next()) {
            (Some(character), None) if character.is_ascii_alphabetic() => {
                character.to_ascii_lowercase()
            }
            _ => match press.code {
                "KeyZ" => 'z',
                "KeyY" => 'y',
                _ => return None,
            },
        };
        match (letter, press.shift) {
            ('z', false) => Some(HistoryStep::Undo),
            ('z', true) | ('y', false) => Some(HistoryStep::Redo),
            _ => None,
        }
    }
}

/// Whether an element of `tag` (lower case) and input `input_type` takes
/// typed text, so that Ctrl+Z belongs to its own text undo. Checkboxes,
/// drop-downs and buttons take no text: the shortcut stays the app's there.
pub fn takes_text(tag: &str, input_type: &str) -> bool {
    match tag {
        "textarea" => true,
        "input" => !matches!(
            input_type.to_ascii_lowercase().as_str(),
            "checkbox"
                | "radio"
                | "button"
                | "submit"
                | "reset"
                | "file"
                | "color"
                | "range"
                | "image"
        ),
        _ => false,
    }
}

/// Whether the key went to an element that takes typed text.
fn typing_text(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
    else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    let input_type = element.get_attribute("type").unwrap_or_default();
    takes_text(&tag, &input_type)
        || element
            .closest("[contenteditable='true']")
            .ok()
            .flatten()
            .is_some()
}

/// Undoes or redoes when `event` is a history shortcut typed outside a text
/// field. Returns whether it was one (and so was handled).
pub fn handle_history_shortcut(state: AppState, event: &KeyboardEvent) -> bool {
    if event.default_prevented() || typing_text(event) {
        return false;
    }
    let key = event.key();
    let code = event.code();
    let press = KeyPress {
        key: &key,
        code: &code,
        ctrl: event.ctrl_key(),
        meta: event.meta_key(),
        shift: event.shift_key(),
        alt: event.alt_key(),
    };
    let Some(step) = HistoryStep::for_key(press) else {
        return false;
    };
    event.prevent_default();
    match step {
        HistoryStep::Undo => state.undo(),
        HistoryStep::Redo => state.redo(),
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(key: &str, code: &str, modifiers: &str, expected: Option<HistoryStep>) {
        let press = KeyPress {
            key,
            code,
            ctrl: modifiers.contains("ctrl"),
            meta: modifiers.contains("meta"),
            shift: modifiers.contains("shift"),
            alt: modifiers.contains("alt"),
        };
        assert_eq!(
            HistoryStep::for_key(press),
            expected,
            "{modifiers}+{key} ({code})"
        );
    }

    #[test]
    fn text_boxes_take_text_but_checkboxes_and_drop_downs_do_not() {
        assert!(takes_text("input", ""));
        assert!(takes_text("input", "text"));
        assert!(takes_text("input", "number"));
        assert!(takes_text("textarea", ""));
        assert!(!takes_text("input", "checkbox"));
        assert!(!takes_text("input", "FILE"));
        assert!(!takes_text("select", ""));
        assert!(!takes_text("button", ""));
    }

    #[test]
    fn ctrl_or_cmd_z_undoes() {
        check("z", "KeyZ", "ctrl", Some(HistoryStep::Undo));
        check("z", "KeyZ", "meta", Some(HistoryStep::Undo));
    }

    #[test]
    fn shift_z_and_y_redo() {
        check("Z", "KeyZ", "ctrl shift", Some(HistoryStep::Redo));
        check("Z", "KeyZ", "meta shift", Some(HistoryStep::Redo));
        check("y", "KeyY", "ctrl", Some(HistoryStep::Redo));
        check("y", "KeyY", "meta", Some(HistoryStep::Redo));
    }

    #[test]
    fn plain_letters_alt_and_other_keys_are_not_shortcuts() {
        check("z", "KeyZ", "", None);
        check("Z", "KeyZ", "shift", None);
        check("z", "KeyZ", "ctrl alt", None);
        check("Y", "KeyY", "ctrl shift", None);
        check("x", "KeyX", "ctrl", None);
        check("Control", "ControlLeft", "ctrl", None);
    }

    #[test]
    fn the_layout_letter_wins_and_non_latin_layouts_use_the_physical_key() {
        // AZERTY: the key labelled Z sits where QWERTY has W.
        check("z", "KeyW", "ctrl", Some(HistoryStep::Undo));
        check("w", "KeyZ", "ctrl", None);
        // Russian layout: the Z key types `я`.
        check("я", "KeyZ", "ctrl", Some(HistoryStep::Undo));
        check("н", "KeyY", "ctrl", Some(HistoryStep::Redo));
    }
}
