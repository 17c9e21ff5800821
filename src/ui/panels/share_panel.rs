//! The "Share / Export" menu: copy the design's share link, export it as
//! SVG, PNG, Mermaid or Kubernetes autoscalers, import a design file.
//!
//! What must stay true: the toggle is `share-menu`; the panel (mounted only
//! while open, so the worker makes the link only then, again after each
//! change; `copy-link` is disabled until it has) holds `copy-link`,
//! `link-length`, `link-warning` past [`LONG_LINK_CHARACTERS`], `share-link`
//! when the clipboard refused, `export-svg`, `export-png`, `export-mermaid`,
//! `export-hpa` and the file input `import-json`. It closes on Escape, on a
//! press outside it, and on the toggle. Every button has its own handler;
//! test ids are for tests only.

use crate::engine::share::encode_snapshot;
use crate::ui::browser::app_address;
use crate::ui::export::{export_design, export_hpa, export_mermaid, export_png, export_svg};
use crate::ui::import::import_chosen_file;
use crate::ui::share::{copy_to_clipboard, describe_length, share_url, LONG_LINK_CHARACTERS};
use crate::ui::state::{use_app_state, AppState};
use crate::worker_protocol::Task;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, Node};

/// Closes the menu on Escape or on a press outside `menu`, for the life of the toolbar.
fn close_from_outside(open: RwSignal<bool>, menu: NodeRef<leptos::html::Div>) {
    let pressed = window_event_listener(ev::pointerdown, move |event| {
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<Node>().ok());
        let inside = menu
            .get_untracked()
            .is_some_and(|menu| menu.contains(target.as_ref()));
        if open.get_untracked() && !inside {
            open.set(false);
        }
    });
    let escaped = window_event_listener(ev::keydown, move |event| {
        if open.get_untracked() && event.key() == "Escape" {
            open.set(false);
        }
    });
    on_cleanup(move || {
        pressed.remove();
        escaped.remove();
    });
}

/// The toggle and, while open, the panel.
#[component]
pub fn ShareMenu() -> impl IntoView {
    let open = RwSignal::new(false);
    let menu = NodeRef::new();
    close_from_outside(open, menu);
    let on_toggle = move |_| open.update(|open| *open = !*open);

    view! {
        <div class="ap-share" node_ref=menu>
            <button
                type="button"
                class="ap-button"
                class=("ap-button--pressed", move || open.get())
                data-testid="share-menu"
                aria-haspopup="dialog"
                aria-expanded=move || open.get().to_string()
                on:click=on_toggle
            >
                "Share / Export"
                <svg class="ap-share__caret" viewBox="0 0 10 10" aria-hidden="true">
                    <path d="M2 4 L5 7 L8 4" />
                </svg>
            </button>
            <Show when=move || open.get()>
                <SharePanel />
            </Show>
        </div>
    }
}

/// Copies the link, or shows it for copying by hand when the clipboard refuses.
fn copy_link(state: AppState, link: String, refused: RwSignal<bool>) {
    spawn_local(async move {
        let length = describe_length(link.chars().count());
        match copy_to_clipboard(&link).await {
            Ok(()) => {
                refused.set(false);
                state.report_info(format!("copied the link ({length}) to the clipboard"));
            }
            Err(problem) => {
                refused.set(true);
                state.report_error(format!("the browser did not allow copying ({problem}): copy the link from the box instead"));
            }
        }
    });
}

/// The panel under the toggle.
#[component]
fn SharePanel() -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let address = app_address();
    // The link of the design on the canvas, once the worker has made it.
    let link = RwSignal::new(None::<String>);
    let asked = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let snapshot = design.with(encode_snapshot);
        let serial = asked.get_value() + 1;
        asked.set_value(serial);
        let address = address.clone();
        state.worker().ask(Task::Link(snapshot), move |answer| {
            // The panel may have closed, or the design changed again, meanwhile.
            if asked.try_get_value() != Some(serial) {
                return;
            }
            match answer {
                Ok(fragment) => _ = link.try_set(Some(share_url(&address, &fragment))),
                Err(problem) => state.report_error(format!("could not make the link: {problem}")),
            }
        });
    });
    let length =
        Memo::new(move |_| link.with(|link| link.as_ref().map_or(0, |link| link.chars().count())));
    let refused = RwSignal::new(false);

    let on_copy = move |_| {
        if let Some(link) = link.get_untracked() {
            copy_link(state, link, refused);
        }
    };
    let on_import =
        move |event: Event| import_chosen_file(state, &event_target::<HtmlInputElement>(&event));
    let long_link = move || length.get() > LONG_LINK_CHARACTERS;

    view! {
        <div class="ap-share__panel" data-testid="share-panel" role="dialog" aria-label="Share and export">
            <section class="ap-share__section">
                <h2 class="ap-share__heading">"Share a link"</h2>
                <p class="ap-share__note" data-testid="link-privacy">
                    "Whoever has this link has the design: it is inside the link itself. The part after # never reaches a server, and Archplay keeps no copy."
                </p>
                <div class="ap-share__row">
                    <button
                        type="button"
                        class="ap-button ap-button--primary"
                        data-testid="copy-link"
                        disabled=move || link.with(Option::is_none)
                        on:click=on_copy
                    >
                        "Copy link"
                    </button>
                    <span class="ap-hint" data-testid="link-length">
                        {move || if link.with(Option::is_some) { describe_length(length.get()) } else { "making the link…".to_string() }}
                    </span>
                </div>
                {move || long_link().then(|| view! {
                    <div class="ap-share__warning" data-testid="link-warning" role="note">
                        <p>
                            "Some chat and mail tools cut links longer than 8,000 characters, which breaks them. For a design this large, send the design file instead."
                        </p>
                        <button type="button" class="ap-link" data-testid="link-warning-export" on:click=move |_| export_design(state)>
                            "Export the JSON file"
                        </button>
                    </div>
                })}
                {move || refused.get().then(|| view! {
                    <label class="ap-share__manual">
                        <span class="ap-hint">"Copying was not allowed. Select the link and copy it:"</span>
                        <input class="ap-input" type="text" readonly data-testid="share-link" prop:value=move || link.get().unwrap_or_default() />
                    </label>
                })}
            </section>
            <section class="ap-share__section">
                <h2 class="ap-share__heading">"Export"</h2>
                <div class="ap-share__grid">
                    <button type="button" class="ap-button" data-testid="export-svg" on:click=move |_| export_svg(state)>
                        "SVG picture"
                    </button>
                    <button type="button" class="ap-button" data-testid="export-png" on:click=move |_| export_png(state)>
                        "PNG picture"
                    </button>
                    <button type="button" class="ap-button" data-testid="export-mermaid" on:click=move |_| export_mermaid(state)>
                        "Mermaid flowchart"
                    </button>
                    <button type="button" class="ap-button" data-testid="export-hpa" on:click=move |_| export_hpa(state)>
                        "Kubernetes HPA"
                    </button>
                </div>
            </section>
            <section class="ap-share__section">
                <h2 class="ap-share__heading">"Import"</h2>
                <label class="ap-button ap-share__file">
                    "Import JSON file…"
                    <input
                        class="ap-visually-hidden"
                        type="file"
                        accept=".json,application/json"
                        data-testid="import-json"
                        on:change=on_import
                    />
                </label>
                <p class="ap-hint">"Replaces the design on the canvas; undo brings it back."</p>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_long_link_warning_names_the_threshold() {
        assert_eq!(describe_length(LONG_LINK_CHARACTERS), "8,000 characters");
    }
}
