//! The palette: one button per component kind. Clicking (or Enter) adds the
//! kind at a free spot; dragging it onto the canvas drops it where released.
//!
//! What must stay true: all eleven kinds, in [`ComponentKind::ALL`] order,
//! each a `<button data-testid="palette-<slug>">`.

use crate::engine::model::ComponentKind;
use crate::ui::canvas::PALETTE_DRAG_TYPE;
use crate::ui::state::use_app_state;
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
    let on_click = move |_| state.add_component(kind, None);
    let on_drag_start = move |event: DragEvent| start_palette_drag(kind, &event);

    view! {
        <button
            type="button"
            class="ap-palette__item"
            data-testid=format!("palette-{}", kind.slug())
            draggable="true"
            title=format!("Add a {} (click, or drag onto the canvas)", kind.label().to_ascii_lowercase())
            on:click=on_click
            on:dragstart=on_drag_start
        >
            <KindBadge kind />
            <span class="ap-palette__label">{kind.label()}</span>
        </button>
    }
}
