//! The keyboard shortcuts dialog that "?" opens: every shortcut the app
//! handles, in one table, shown as a modal dialog that Escape (or its close
//! button) closes, handing the focus back to where it was.
//!
//! What must stay true: [`SHORTCUTS`] lists every key the window-wide handler
//! in [`crate::ui::app`] and the history handler act on; the dialog carries
//! `data-testid="shortcuts-dialog"`, `role="dialog"`, `aria-modal` and a
//! label, and takes the focus when it opens.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, SvgElement};

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

/// Whether the shortcuts dialog is open, and where the focus was before it opened.
#[derive(Clone, Copy)]
pub struct ShortcutsDialogState {
    /// Whether the dialog is showing.
    pub open: RwSignal<bool>,
    /// The element that had the focus when the dialog opened.
    returns_to: StoredValue<Option<Element>, LocalStorage>,
}

impl ShortcutsDialogState {
    /// A closed dialog.
    pub fn new() -> ShortcutsDialogState {
        ShortcutsDialogState {
            open: RwSignal::new(false),
            returns_to: StoredValue::new_local(None),
        }
    }

    /// Opens the dialog, remembering the focused element.
    pub fn show(self) {
        if self.open.get_untracked() {
            return;
        }
        self.returns_to.set_value(document().active_element());
        self.open.set(true);
    }

    /// Closes the dialog and gives the focus back.
    pub fn close(self) {
        if !self.open.get_untracked() {
            return;
        }
        self.open.set(false);
        // The focus may have been on a page element or on a box of the SVG canvas.
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

/// The modal list of shortcuts.
#[component]
pub fn ShortcutsDialog(
    /// Whether it is open, and where the focus returns.
    dialog: ShortcutsDialogState,
) -> impl IntoView {
    let close_button = NodeRef::<html::Button>::new();
    // Take the focus when the dialog appears, so that Tab and Escape work inside it.
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            _ = button.focus();
        }
    });

    view! {
        {move || dialog.open.get().then(|| view! {
            <div class="ap-dialog__backdrop" on:click=move |_| dialog.close()></div>
            <div
                class="ap-dialog"
                data-testid="shortcuts-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="ap-shortcuts-title"
            >
                <div class="ap-dialog__header">
                    <h2 class="ap-panel-title" id="ap-shortcuts-title">
                        "Keyboard shortcuts"
                    </h2>
                    <button
                        type="button"
                        class="ap-icon-button"
                        data-testid="shortcuts-close"
                        aria-label="Close the shortcuts"
                        node_ref=close_button
                        on:click=move |_| dialog.close()
                    >
                        "×"
                    </button>
                </div>
                <dl class="ap-dialog__shortcuts">
                    {SHORTCUTS
                        .iter()
                        .map(|shortcut| {
                            view! {
                                <dt><kbd>{shortcut.keys}</kbd></dt>
                                <dd>{shortcut.action}</dd>
                            }
                        })
                        .collect_view()}
                </dl>
            </div>
        })}
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
