//! The SVG canvas: components as boxes, connections as arrows, pan and zoom.
//!
//! Layout maths lives in plain structs ([`viewport`], [`geometry`]) with unit
//! tests; the components here only render and forward input. What must stay
//! true: the `<svg>` carries `data-testid="canvas"` (and the view as
//! `data-zoom`, `data-pan-x`, `data-pan-y`), components and
//! connections are rendered with `<For>` keyed by their typed ids, and a
//! palette item dropped on the canvas lands where it was released.

pub mod controls;
pub mod edge;
pub mod geometry;
pub mod interaction;
pub mod node;
pub mod placement;
pub mod route;
pub mod viewport;

use self::controls::ZoomControls;
use self::edge::{ConnectionPreview, Edge};
use self::interaction::CanvasInteraction;
use self::node::Node;
use self::viewport::ScreenSize;
use crate::engine::model::{ComponentId, ComponentKind, ConnectionId};
use crate::ui::state::{use_app_state, AppState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, PointerEvent, WheelEvent};

/// The drag-and-drop data type a palette item carries: a component kind slug.
pub const PALETTE_DRAG_TYPE: &str = "application/x-archplay-kind";

/// How strongly one pixel of wheel travel zooms.
const WHEEL_ZOOM_RATE: f64 = 0.0015;

/// Measures the canvas element and records its size in the state.
fn record_canvas_size(state: AppState, interaction: CanvasInteraction) {
    if let Some(svg) = interaction.svg.get_untracked() {
        let rect = svg.get_bounding_client_rect();
        state.set_canvas_size(ScreenSize {
            width: rect.width(),
            height: rect.height(),
        });
    }
}

/// Installs the window listeners that finish drags, and removes them when
/// the canvas goes away.
fn install_window_listeners(interaction: CanvasInteraction) {
    let moved = window_event_listener(ev::pointermove, move |event| {
        interaction.pointer_moved(&event)
    });
    let released = window_event_listener(ev::pointerup, move |event| {
        interaction.pointer_released(&event)
    });
    let cancelled = window_event_listener(ev::pointercancel, move |_| interaction.cancel());
    on_cleanup(move || {
        moved.remove();
        released.remove();
        cancelled.remove();
    });
}

/// Measures the canvas whenever its element changes size (the window, or
/// the Simulate dock opening, closing or being resized), and stops when the
/// canvas goes away.
fn observe_canvas_size(state: AppState, interaction: CanvasInteraction, svg: &web_sys::Element) {
    let callback = Closure::<dyn FnMut()>::new(move || record_canvas_size(state, interaction));
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(svg);
    let observer = StoredValue::new_local((observer, callback));
    on_cleanup(move || observer.with_value(|(observer, _)| observer.disconnect()));
}

/// The canvas with its boxes, arrows and zoom controls.
#[component]
pub fn Canvas() -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let viewport = state.viewport();
    let interaction = CanvasInteraction::new(state);

    let component_ids = move || {
        design.with(|design| {
            design
                .components
                .iter()
                .map(|c| c.id)
                .collect::<Vec<ComponentId>>()
        })
    };
    let connection_ids = move || {
        design.with(|design| {
            design
                .connections
                .iter()
                .map(|c| c.id)
                .collect::<Vec<ConnectionId>>()
        })
    };
    let transform = move || viewport.get().svg_transform();
    let is_dragging = move || interaction.gesture.with(Option::is_some);

    let on_background_press = move |event: PointerEvent| interaction.press_background(&event);
    let on_wheel = move |event: WheelEvent| {
        event.prevent_default();
        // Line and page deltas (Firefox) are far coarser than pixel ones.
        let pixels = match event.delta_mode() {
            0 => event.delta_y(),
            1 => event.delta_y() * 16.0,
            _ => event.delta_y() * 400.0,
        };
        let anchor =
            interaction.screen_point(f64::from(event.client_x()), f64::from(event.client_y()));
        state.zoom_at(anchor, (-pixels * WHEEL_ZOOM_RATE).exp());
    };
    let on_drag_over = move |event: DragEvent| {
        event.prevent_default();
        if let Some(transfer) = event.data_transfer() {
            transfer.set_drop_effect("copy");
        }
    };
    let on_drop = move |event: DragEvent| {
        event.prevent_default();
        let Some(transfer) = event.data_transfer() else {
            return;
        };
        let slug = transfer
            .get_data(PALETTE_DRAG_TYPE)
            .ok()
            .filter(|slug| !slug.is_empty())
            .or_else(|| transfer.get_data("text/plain").ok());
        let Some(kind) = slug.as_deref().and_then(ComponentKind::from_slug) else {
            return;
        };
        let position =
            interaction.canvas_point(f64::from(event.client_x()), f64::from(event.client_y()));
        state.add_component(kind, Some(position));
    };

    install_window_listeners(interaction);
    // Measure once the element is in the document, then show the whole design.
    Effect::new(move |_| {
        if let Some(svg) = interaction.svg.get() {
            record_canvas_size(state, interaction);
            state.fit_view();
            observe_canvas_size(state, interaction, &svg);
        }
    });

    view! {
        <div class="ap-canvas">
            <svg
                data-testid="canvas"
                class="ap-canvas__svg"
                class=("ap-canvas__svg--dragging", is_dragging)
                node_ref=interaction.svg
                data-zoom=move || format!("{:.3}", viewport.get().zoom)
                data-pan-x=move || format!("{:.1}", viewport.get().pan_x)
                data-pan-y=move || format!("{:.1}", viewport.get().pan_y)
                role="application"
                tabindex="-1"
                aria-label="Architecture canvas: drag boxes to move them, drag a box's right handle to another box to connect them"
                on:wheel=on_wheel
                on:dragover=on_drag_over
                on:drop=on_drop
            >
                <defs>
                    <pattern
                        id="ap-grid"
                        width="24"
                        height="24"
                        patternUnits="userSpaceOnUse"
                        patternTransform=transform
                    >
                        <circle class="ap-canvas__dot" cx="1" cy="1" r="1" />
                    </pattern>
                    <marker
                        id="ap-arrow"
                        viewBox="0 0 10 10"
                        refX="9"
                        refY="5"
                        markerWidth="8"
                        markerHeight="8"
                        orient="auto-start-reverse"
                    >
                        <path class="ap-arrow" d="M 0 0 L 10 5 L 0 10 z" />
                    </marker>
                    <marker
                        id="ap-arrow-selected"
                        viewBox="0 0 10 10"
                        refX="9"
                        refY="5"
                        markerWidth="8"
                        markerHeight="8"
                        orient="auto-start-reverse"
                    >
                        <path class="ap-arrow ap-arrow--selected" d="M 0 0 L 10 5 L 0 10 z" />
                    </marker>
                </defs>
                <rect
                    class="ap-canvas__background"
                    width="100%"
                    height="100%"
                    fill="url(#ap-grid)"
                    on:pointerdown=on_background_press
                />
                <g transform=transform>
                    <g class="ap-canvas__edges">
                        <For each=connection_ids key=|id| *id children=move |id| view! { <Edge id interaction /> } />
                    </g>
                    <ConnectionPreview interaction />
                    <g class="ap-canvas__nodes">
                        <For each=component_ids key=|id| *id children=move |id| view! { <Node id interaction /> } />
                    </g>
                </g>
            </svg>
            <ZoomControls />
        </div>
    }
}
