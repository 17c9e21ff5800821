//! The root of the app: provides the state, lays out the screen (toolbar on
//! top, palette left, canvas centre with the Simulate panel docked below
//! it, scorecard and inspector right) and
//! installs one effect per outside concern: the autosave, the link in the
//! address, the keyboard shortcuts (listed by "?" in a dialog), and the
//! Learn module's host (its address; the module itself loads on first need).
//!
//! What must stay true: the root element carries `data-testid="app"`;
//! shortcuts never fire while the user is typing in a form field; at start
//! the autosaved design is restored first and a link in the address opened
//! over it (as an undo step), before the autosave starts watching.

use super::canvas::Canvas;
use super::choose_hosts::{COMPARE, SWEEP};
use super::focus::focus_canvas;
use super::history::handle_history_shortcut;
use super::learn_host::LEARN;
use super::module_host::{provide_module_host, ModulePanel, ModuleViews};
use super::panels::inspector::Inspector;
use super::panels::palette::Palette;
use super::panels::scorecard::ScorecardPanel;
use super::panels::toolbar::Toolbar;
use super::share::{handle_link_fragment, open_link_in_address};
use super::sim::host::SimDock;
use super::sim::overlay::CanvasOutdatedNotice;
use super::sim::provide_sim_state;
use super::state::{provide_app_state, AppState, Selection};
use super::storage::{handle_save_state, restore_saved_design};
use super::widgets::notices::Notices;
use super::widgets::shortcuts::ShortcutsDialogState;
use super::widgets::status::StatusArea;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

/// Canvas units an arrow key moves the selected component.
const NUDGE: f64 = 10.0;

/// Whether the key went to a form field (or an editable region), where it
/// means typing rather than a shortcut.
fn is_typing(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
    else {
        return false;
    };
    matches!(
        element.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || element
        .closest("[contenteditable='true']")
        .ok()
        .flatten()
        .is_some()
}

/// Ctrl+Z and friends undo and redo (see [`super::history`]),
/// Delete/Backspace delete the selection (and hand the focus to the canvas),
/// arrow keys move the selected component, Escape clears the selection, "?"
/// lists the shortcuts. While that list is open, only Escape (closing it)
/// acts. [`crate::ui::widgets::shortcuts::SHORTCUTS`] lists these keys.
fn handle_shortcut(state: AppState, shortcuts: ShortcutsDialogState, event: KeyboardEvent) {
    if shortcuts.is_open() {
        if event.key() == "Escape" {
            event.prevent_default();
            shortcuts.close();
        }
        return;
    }
    if handle_history_shortcut(state, &event) {
        return;
    }
    if event.default_prevented()
        || event.ctrl_key()
        || event.meta_key()
        || event.alt_key()
        || is_typing(&event)
    {
        return;
    }
    if event.key() == "?" {
        event.prevent_default();
        shortcuts.show();
        return;
    }
    let selection = state.selection().get_untracked();
    let nudge = match event.key().as_str() {
        "ArrowLeft" => Some((-NUDGE, 0.0)),
        "ArrowRight" => Some((NUDGE, 0.0)),
        "ArrowUp" => Some((0.0, -NUDGE)),
        "ArrowDown" => Some((0.0, NUDGE)),
        "Delete" | "Backspace" if selection != Selection::Nothing => {
            event.prevent_default();
            state.delete_selected();
            focus_canvas();
            None
        }
        "Escape" => {
            state.select(Selection::Nothing);
            None
        }
        _ => None,
    };
    if let (Some((dx, dy)), Selection::Component(_)) = (nudge, selection) {
        event.prevent_default();
        state.nudge_selected(dx, dy);
    }
}

/// Installs the window-wide keyboard shortcuts for the life of the app.
fn install_keyboard_shortcuts(state: AppState, shortcuts: ShortcutsDialogState) {
    let handle = window_event_listener(ev::keydown, move |event| {
        handle_shortcut(state, shortcuts, event)
    });
    on_cleanup(move || handle.remove());
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state();
    provide_sim_state(state);
    let autosave = restore_saved_design(state);
    open_link_in_address(state);
    handle_save_state(state, autosave);
    handle_link_fragment(state);
    let views = ModuleViews::provide();
    let learn = provide_module_host(state, views, &LEARN);
    let compare = provide_module_host(state, views, &COMPARE);
    let sweep = provide_module_host(state, views, &SWEEP);
    let shortcuts = ShortcutsDialogState::new();
    install_keyboard_shortcuts(state, shortcuts);

    view! {
        <div class="ap-app" data-testid="app">
            <Toolbar learn compare sweep />
            <div class="ap-body">
                <Palette />
                <main class="ap-main" aria-label="Canvas">
                    <div class="ap-main__stage">
                        <Canvas />
                        <CanvasOutdatedNotice />
                        <Notices />
                        <StatusArea />
                    </div>
                    <SimDock />
                </main>
                <ModulePanel host=learn />
                <ModulePanel host=compare />
                <ModulePanel host=sweep />
                <aside class="ap-sidebar" aria-label="Scores and inspector">
                    <ScorecardPanel />
                    <Inspector />
                </aside>
            </div>
        </div>
    }
}
