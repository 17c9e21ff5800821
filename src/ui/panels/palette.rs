//! The palette: one button per component kind. Clicking (or Enter) adds the
//! kind at a free spot; dragging it onto the canvas drops it where released.
//!
//! What must stay true: all eleven kinds, in [`ComponentKind::ALL`] order,
//! each a `<button data-testid="palette-<slug>">`; a click (or Enter) moves
//! the keyboard focus to the component it added.

use crate::engine::model::ComponentKind;
use crate::engine::words::with_article;
use crate::ui::canvas::PALETTE_DRAG_TYPE;
use crate::ui::focus::focus_component;
use crate::ui::state::{use_app_state, AppState, Selection};
use crate::ui::widgets::kind_badge::KindBadge;
use leptos::prelude::*;
use web_sys::DragEvent;

/// Puts the kind on the drag so that the canvas knows what was dropped.
fn start_palette_drag(kind: ComponentKind, event: &DragEvent) {
    let Some(transfer) = event.data_transfer() else {
        return;
    };
    _ = transfer.set_data(PALETTE_DRAG_TYPE, kind.slug());
    _ = transfer.set_data("text/plain", kind.slug());
    transfer.set_effect_allowed("copy");
}

/// How a sentence names a kind: "API gateway" keeps its capitals, the rest
/// read in lower case, and monitoring is named as the thing it is.
fn kind_phrase(kind: ComponentKind) -> String {
    match kind {
        ComponentKind::ApiGateway => kind.label().to_string(),
        ComponentKind::Monitoring => "monitoring system".to_string(),
        _ => kind.label().to_ascii_lowercase(),
    }
}

/// The palette button's tooltip: "Add an API gateway (click, or drag ...)".
fn add_title(kind: ComponentKind) -> String {
    format!(
        "Add {} (click, or drag onto the canvas)",
        with_article(&kind_phrase(kind))
    )
}

/// Adds `kind` at a free spot and moves the focus to the new component.
fn add_and_focus(state: AppState, kind: ComponentKind) {
    state.add_component(kind, None);
    if let Selection::Component(id) = state.selection().get_untracked() {
        focus_component(id);
    }
}

/// The list of component kinds to add.
#[component]
pub fn Palette() -> impl IntoView {
    view! {
        <nav class="ap-palette" aria-labelledby="ap-palette-title">
            <h2 class="ap-panel-title" id="ap-palette-title">
                "Components"
            </h2>
            <p class="ap-hint">"Click to add, or drag onto the canvas."</p>
            <ul class="ap-palette__list">
                {ComponentKind::ALL.map(|kind| view! { <li><PaletteItem kind /></li> })}
            </ul>
        </nav>
    }
}

/// One kind's button.
#[component]
fn PaletteItem(
    /// The kind this button adds.
    kind: ComponentKind,
) -> impl IntoView {
    let state = use_app_state();
    let on_click = move |_| add_and_focus(state, kind);
    let on_drag_start = move |event: DragEvent| start_palette_drag(kind, &event);

    view! {
        <button
            type="button"
            class="ap-palette__item"
            data-testid=format!("palette-{}", kind.slug())
            draggable="true"
            title=add_title(kind)
            on:click=on_click
            on:dragstart=on_drag_start
        >
            <KindBadge kind />
            <span class="ap-palette__label">{kind.label()}</span>
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_each_kind_with_its_article() {
        assert_eq!(
            add_title(ComponentKind::ApiGateway),
            "Add an API gateway (click, or drag onto the canvas)"
        );
        let articles: Vec<String> = ComponentKind::ALL
            .iter()
            .map(|&kind| with_article(&kind_phrase(kind)))
            .collect();
        assert_eq!(
            articles,
            [
                "a client",
                "an API gateway",
                "a load balancer",
                "a service",
                "a database",
                "a cache",
                "an event bus",
                "an event store",
                "a service registry",
                "a monitoring system",
                "an auth provider",
            ]
        );
    }
}
