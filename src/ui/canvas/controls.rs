//! The zoom buttons in the canvas corner: zoom out, the zoom level, zoom in,
//! and fit the whole design in view.
//!
//! What must stay true: every button is a real `<button>` with an accessible
//! name, and the fit button carries `data-testid="zoom-fit"`.

use crate::ui::state::use_app_state;
use leptos::prelude::*;

/// Zoom out, zoom level, zoom in and fit.
#[component]
pub fn ZoomControls() -> impl IntoView {
    let state = use_app_state();
    let viewport = state.viewport();
    let zoom_text = move || format!("{}%", viewport.get().zoom_percent());

    view! {
        <div class="ap-zoom" role="group" aria-label="Zoom">
            <button
                type="button"
                class="ap-zoom__button"
                data-testid="zoom-out"
                aria-label="Zoom out"
                title="Zoom out"
                on:click=move |_| state.zoom_out()
            >
                "−"
            </button>
            <span class="ap-zoom__level" data-testid="zoom-level">
                {zoom_text}
            </span>
            <button
                type="button"
                class="ap-zoom__button"
                data-testid="zoom-in"
                aria-label="Zoom in"
                title="Zoom in"
                on:click=move |_| state.zoom_in()
            >
                "+"
            </button>
            <button
                type="button"
                class="ap-zoom__button ap-zoom__button--text"
                data-testid="zoom-fit"
                aria-label="Fit the design in view"
                title="Fit the design in view"
                on:click=move |_| state.fit_view()
            >
                "Fit"
            </button>
        </div>
    }
}
