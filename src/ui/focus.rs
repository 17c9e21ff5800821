//! Where the keyboard focus goes after an action that removes or creates the
//! element it was on: a component added from the palette takes the focus, and
//! a deletion hands it to the canvas, so that a keyboard user never lands on
//! the page's start.
//!
//! What must stay true: focus moves only after the next frame (once Leptos
//! has drawn the change), and an element that is gone by then is skipped
//! silently: focus is a courtesy, never an error.

use crate::engine::model::ComponentId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::SvgElement;

/// Focuses, after the next frame, the first element `selector` matches.
fn focus_after_frame(selector: String) {
    request_animation_frame(move || {
        let element = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into::<SvgElement>().ok());
        if let Some(element) = element {
            _ = element.focus();
        }
    });
}

/// The CSS selector of the focusable part of a component's box on the canvas.
pub fn component_selector(id: ComponentId) -> String {
    format!(
        "[data-testid=\"node\"][data-id=\"{}\"] [data-testid=\"node-focus\"]",
        id.0
    )
}

/// Moves the focus to the box of component `id` (a component just added).
pub fn focus_component(id: ComponentId) {
    focus_after_frame(component_selector(id));
}

/// Moves the focus to the canvas (after the focused thing was deleted).
pub fn focus_canvas() {
    focus_after_frame("[data-testid=\"canvas\"]".to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_component_selector_names_its_box_by_id() {
        assert_eq!(
            component_selector(ComponentId(12)),
            "[data-testid=\"node\"][data-id=\"12\"] [data-testid=\"node-focus\"]"
        );
    }
}
