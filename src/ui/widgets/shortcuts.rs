//! The keyboard shortcuts dialog that "?" opens: every shortcut the app
//! handles, in one list, shown as the browser's own modal `<dialog>`, which
//! Escape (or its close button, or a click beside it) closes, handing the
//! focus back to where it was.
//!
//! What must stay true: [`SHORTCUTS`] lists every key the window-wide handler
//! in [`crate::ui::app`] and the history handler act on; the dialog carries
//! `data-testid="shortcuts-dialog"`, `role="dialog"` and a label, and its
//! close button takes the focus when it opens. It is built with plain DOM
//! calls on the first "?", not as a Leptos view: it holds no state, and as a
//! view it cost the start bundle 3.1 KB gzipped for a list that only a key
//! press shows.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlDialogElement, HtmlElement, SvgElement};

/// One shortcut: the keys, as written on the keyboard, and what they do.
pub struct Shortcut {
    /// The keys, like "Ctrl+Z".
    pub keys: &'static str,
    /// What pressing them does.
    pub action: &'static str,
}

/// Every keyboard shortcut, in the order the dialog lists them.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: "Tab / Shift+Tab",
        action: "Move between components, connections, panels and fields",
    },
    Shortcut {
        keys: "Enter",
        action: "Add the component of a focused palette button, or select a focused connection",
    },
    Shortcut {
        keys: "Arrow keys",
        action: "Move the selected component",
    },
    Shortcut {
        keys: "Delete / Backspace",
        action: "Delete the selected component or connection",
    },
    Shortcut {
        keys: "Escape",
        action: "Clear the selection, or close this dialog or the Share menu",
    },
    Shortcut {
        keys: "Ctrl+Z (⌘Z on a Mac)",
        action: "Undo",
    },
    Shortcut {
        keys: "Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac)",
        action: "Redo",
    },
    Shortcut {
        keys: "?",
        action: "Show this list of shortcuts",
    },
];

/// The shortcuts dialog: built on the first "?", then shown and closed;
/// remembers where the focus was before it opened.
#[derive(Clone, Copy)]
pub struct ShortcutsDialogState {
    dialog: StoredValue<Option<HtmlDialogElement>, LocalStorage>,
    /// The element that had the focus when the dialog opened.
    returns_to: StoredValue<Option<Element>, LocalStorage>,
}

/// Creates the element `tag` with `class` and `text` (either may be empty).
fn element(document: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    Some(element)
}

/// Builds the dialog (closed) at the end of the body.
fn build(state: ShortcutsDialogState) -> Option<HtmlDialogElement> {
    let document = document();
    let dialog: HtmlDialogElement = element(&document, "dialog", "ap-dialog", "")?
        .dyn_into()
        .ok()?;
    for (name, value) in [
        ("data-testid", "shortcuts-dialog"),
        ("role", "dialog"),
        ("aria-labelledby", "ap-shortcuts-title"),
    ] {
        dialog.set_attribute(name, value).ok()?;
    }
    let header = element(&document, "div", "ap-dialog__header", "")?;
    let title = element(&document, "h2", "ap-panel-title", "Keyboard shortcuts")?;
    title.set_id("ap-shortcuts-title");
    let close = element(&document, "button", "ap-icon-button", "×")?;
    for (name, value) in [
        ("type", "button"),
        ("data-testid", "shortcuts-close"),
        ("aria-label", "Close the shortcuts"),
    ] {
        close.set_attribute(name, value).ok()?;
    }
    header.append_with_node_2(&title, &close).ok()?;
    let list = element(&document, "dl", "ap-dialog__shortcuts", "")?;
    for shortcut in SHORTCUTS {
        let keys = element(&document, "dt", "", "")?;
        let kbd = element(&document, "kbd", "", shortcut.keys)?;
        keys.append_child(&kbd).ok()?;
        let action = element(&document, "dd", "", shortcut.action)?;
        list.append_with_node_2(&keys, &action).ok()?;
    }
    dialog.append_with_node_2(&header, &list).ok()?;
    // The close button, a click on the backdrop (the dialog itself, outside
    // its content) and Escape (the browser's `close`) all end in `close`.
    let on_click =
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            let target = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok());
            let on_backdrop = target
                .as_ref()
                .is_some_and(|target| target.tag_name() == "DIALOG");
            let on_close = target
                .and_then(|target| {
                    target
                        .closest("[data-testid=shortcuts-close]")
                        .ok()
                        .flatten()
                })
                .is_some();
            if on_backdrop || on_close {
                state.close();
            }
        });
    dialog
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
        .ok()?;
    let on_closed = Closure::<dyn Fn()>::new(move || state.give_focus_back());
    dialog
        .add_event_listener_with_callback("close", on_closed.as_ref().unchecked_ref())
        .ok()?;
    // The dialog lives as long as the page, and its listeners with it.
    on_click.forget();
    on_closed.forget();
    document.body()?.append_child(&dialog).ok()?;
    Some(dialog)
}

impl ShortcutsDialogState {
    /// No dialog yet.
    pub fn new() -> ShortcutsDialogState {
        ShortcutsDialogState {
            dialog: StoredValue::new_local(None),
            returns_to: StoredValue::new_local(None),
        }
    }

    /// Whether the dialog is showing.
    pub fn is_open(self) -> bool {
        self.dialog
            .with_value(|dialog| dialog.as_ref().is_some_and(HtmlDialogElement::open))
    }

    /// Opens the dialog (building it the first time), remembering the
    /// focused element; its close button takes the focus.
    pub fn show(self) {
        if self.is_open() {
            return;
        }
        if self.dialog.with_value(Option::is_none) {
            let built = build(self);
            self.dialog.set_value(built);
        }
        let Some(dialog) = self.dialog.get_value() else {
            return;
        };
        self.returns_to.set_value(document().active_element());
        if dialog.show_modal().is_ok() {
            let close = dialog.query_selector("[data-testid=shortcuts-close]");
            if let Some(close) = close
                .ok()
                .flatten()
                .and_then(|close| close.dyn_into::<HtmlElement>().ok())
            {
                _ = close.focus();
            }
        }
    }

    /// Closes the dialog (which gives the focus back).
    pub fn close(self) {
        if let Some(dialog) = self.dialog.get_value() {
            dialog.close();
        }
    }

    /// Gives the focus back to where it was when the dialog opened: a page
    /// element or a box of the SVG canvas.
    fn give_focus_back(self) {
        let Some(element) = self.returns_to.get_value() else {
            return;
        };
        if let Some(html) = element.dyn_ref::<HtmlElement>() {
            _ = html.focus();
        } else if let Some(svg) = element.dyn_ref::<SvgElement>() {
            _ = svg.focus();
        }
    }
}

impl Default for ShortcutsDialogState {
    fn default() -> Self {
        ShortcutsDialogState::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_names_every_key_the_app_handles() {
        let keys: String = SHORTCUTS
            .iter()
            .map(|shortcut| shortcut.keys)
            .collect::<Vec<_>>()
            .join(" ");
        for key in [
            "Delete",
            "Backspace",
            "Escape",
            "Arrow",
            "Ctrl+Z",
            "Ctrl+Y",
            "?",
            "Enter",
            "Tab",
        ] {
            assert!(keys.contains(key), "the shortcuts list misses {key}");
        }
    }
}
