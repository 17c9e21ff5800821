//! The Simulate panel's dock: the panel sits below the canvas, which
//! shrinks to make room (it never floats over the boxes), and the bar on its
//! top edge resizes it by pointer or by the arrow keys.
//!
//! What must stay true: the bar is `sim-dock-handle`, a focusable
//! `separator` whose `aria-valuenow` is the dock's height in pixels; the
//! dock never takes less than [`MIN_DOCK`] pixels nor leaves the canvas less
//! than [`MIN_CANVAS`]. The clamping is plain maths ([`dock_height`]),
//! tested natively.

use leptos::html::Section;
use leptos::prelude::*;
use web_sys::{KeyboardEvent, PointerEvent};

/// Fewest pixels the dock takes.
pub const MIN_DOCK: f64 = 160.0;
/// Fewest pixels the dock leaves the canvas above it.
pub const MIN_CANVAS: f64 = 160.0;
/// Pixels one arrow key press resizes the dock by.
const KEY_STEP: f64 = 24.0;

/// The dock's height when its top edge is dragged to `pointer_y`, in a
/// container spanning `container_top..container_bottom` (screen pixels).
pub fn dock_height(pointer_y: f64, container_top: f64, container_bottom: f64) -> f64 {
    let room = (container_bottom - container_top).max(0.0);
    let wanted = container_bottom - pointer_y;
    let most = (room - MIN_CANVAS).max(MIN_DOCK);
    if wanted.is_finite() {
        wanted.clamp(MIN_DOCK, most)
    } else {
        MIN_DOCK
    }
}

/// The `style` of the dock: its chosen height, or the stylesheet's default.
pub fn dock_style(height: Option<f64>) -> String {
    height
        .map(|height| format!("height: {height:.0}px"))
        .unwrap_or_default()
}

/// The bar on the dock's top edge that resizes it.
#[component]
pub fn DockHandle(
    /// The dock (inside the `main` element it shares with the canvas).
    dock: NodeRef<Section>,
    /// The chosen height in pixels (`None`: the stylesheet's default).
    height: RwSignal<Option<f64>>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let container = move || {
        dock.get_untracked()
            .and_then(|dock| dock.closest("main").ok().flatten())
            .map(|parent| parent.get_bounding_client_rect())
    };
    let current = move || {
        height.get_untracked().unwrap_or_else(|| {
            dock.get_untracked()
                .map(|dock| dock.get_bounding_client_rect().height())
                .unwrap_or(MIN_DOCK)
        })
    };
    let resize_to = move |pointer_y: f64| {
        if let Some(rect) = container() {
            height.set(Some(dock_height(pointer_y, rect.top(), rect.bottom())));
        }
    };
    let on_down = move |event: PointerEvent| {
        event.prevent_default();
        dragging.set(true);
        if let Some(target) = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
        {
            let _ = target.set_pointer_capture(event.pointer_id());
        }
    };
    let on_move = move |event: PointerEvent| {
        if dragging.get_untracked() {
            resize_to(f64::from(event.client_y()));
        }
    };
    let on_up = move |_: PointerEvent| dragging.set(false);
    let on_key = move |event: KeyboardEvent| {
        let step = match event.key().as_str() {
            "ArrowUp" => KEY_STEP,
            "ArrowDown" => -KEY_STEP,
            _ => return,
        };
        event.prevent_default();
        if let Some(rect) = container() {
            let top_edge = rect.bottom() - current() - step;
            height.set(Some(dock_height(top_edge, rect.top(), rect.bottom())));
        }
    };
    view! {
        <div
            class="ap-sim__dock-handle"
            data-testid="sim-dock-handle"
            role="separator"
            aria-orientation="horizontal"
            aria-label="Resize the Simulate panel (arrow keys)"
            aria-valuenow=move || format!("{:.0}", height.get().unwrap_or(MIN_DOCK))
            aria-valuemin=format!("{MIN_DOCK:.0}")
            tabindex="0"
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:keydown=on_key
        ></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dock_follows_the_pointer_within_its_limits() {
        assert_eq!(dock_height(500.0, 100.0, 800.0), 300.0);
        assert_eq!(dock_height(790.0, 100.0, 800.0), MIN_DOCK);
        assert_eq!(dock_height(120.0, 100.0, 800.0), 700.0 - MIN_CANVAS);
        assert_eq!(dock_height(f64::NAN, 100.0, 800.0), MIN_DOCK);
        // A container too small for both: the dock keeps its minimum.
        assert_eq!(dock_height(0.0, 100.0, 300.0), MIN_DOCK);
    }

    #[test]
    fn the_style_sets_a_chosen_height_only() {
        assert_eq!(dock_style(Some(312.4)), "height: 312px");
        assert_eq!(dock_style(None), "");
    }
}
