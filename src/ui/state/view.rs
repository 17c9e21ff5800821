//! The app state's view of the canvas: pan, zoom, fitting, where a new
//! component lands, and showing a component the Simulate panel names.
//!
//! What must stay true: the viewport changes only here and only through the
//! plain maths of [`Viewport`]; when the canvas shrinks (the Simulate dock
//! opens) and the whole design was in view, it stays in view; a component
//! added without a drop point lands on a free spot near the selection or the
//! centre of the view ([`spot_near`]).

use super::{AppState, Selection, FIT_MARGIN};
use crate::engine::model::{ComponentId, Position};
use crate::ui::canvas::geometry::{component_bounds, design_bounds};
use crate::ui::canvas::placement::spot_near;
use crate::ui::canvas::viewport::{CanvasBounds, ScreenPoint, ScreenSize, Viewport, ZOOM_STEP};
use leptos::prelude::*;

/// Pixels left around a component the canvas pans to show.
const REVEAL_MARGIN: f64 = 32.0;

impl AppState {
    /// Where a component added without a drop point lands: the free spot
    /// nearest the selected component (if it is in view) or the centre of
    /// the view, preferring spots in view ([`spot_near`]). `None` until the
    /// canvas has been measured.
    pub(super) fn free_spot_in_view(&self) -> Option<Position> {
        let size = self.canvas_size.get_untracked();
        if size.width <= 0.0 || size.height <= 0.0 {
            return None;
        }
        let viewport = self.viewport.get_untracked();
        let top_left = viewport.to_canvas(ScreenPoint { x: 0.0, y: 0.0 });
        let bottom_right = viewport.to_canvas(ScreenPoint {
            x: size.width,
            y: size.height,
        });
        let view = CanvasBounds {
            min_x: top_left.x,
            min_y: top_left.y,
            max_x: bottom_right.x,
            max_y: bottom_right.y,
        };
        let centre = viewport.to_canvas(size.centre());
        Some(self.design.with_untracked(|design| {
            let selected = match self.selection.get_untracked() {
                Selection::Component(id) => design.component(id).map(|c| c.position),
                _ => None,
            };
            let anchor = selected
                .filter(|position| {
                    position.x >= view.min_x
                        && position.x <= view.max_x
                        && position.y >= view.min_y
                        && position.y <= view.max_y
                })
                .unwrap_or(centre);
            spot_near(design, anchor, Some(view))
        }))
    }

    /// Pans the canvas (zoom kept) so that the component `id` is in view,
    /// when the panel names it; nothing happens if it is in view already.
    pub fn reveal(&self, id: ComponentId) {
        let size = self.canvas_size.get_untracked();
        let Some(position) = self
            .design
            .with_untracked(|design| design.component(id).map(|c| c.position))
        else {
            return;
        };
        if size.width <= 0.0 || size.height <= 0.0 {
            return;
        }
        let bounds = component_bounds(position);
        let viewport = self.viewport.get_untracked();
        let revealed = viewport.revealing(bounds, size, REVEAL_MARGIN);
        if revealed != viewport {
            self.viewport.set(revealed);
        }
    }

    /// Records the size of the canvas element, which fitting needs. When
    /// the canvas shrinks (the Simulate dock opens) and the whole design was
    /// in view, the view is fitted again so that it stays in view.
    pub fn set_canvas_size(&self, size: ScreenSize) {
        let before = self.canvas_size.get_untracked();
        if before == size {
            return;
        }
        self.canvas_size.set(size);
        let viewport = self.viewport.get_untracked();
        let lost_from_view = self
            .design
            .with_untracked(design_bounds)
            .is_some_and(|bounds| {
                before.width > 0.0
                    && viewport.shows(bounds, before, 0.0)
                    && !viewport.shows(bounds, size, 0.0)
            });
        if lost_from_view {
            self.fit_view();
        }
    }

    /// Pans the view by a screen distance.
    pub fn pan_by(&self, dx: f64, dy: f64) {
        self.viewport
            .update(|viewport| *viewport = viewport.panned_by(dx, dy));
    }

    /// Zooms by `factor` around a screen point (the cursor, for the wheel).
    pub fn zoom_at(&self, anchor: ScreenPoint, factor: f64) {
        self.viewport
            .update(|viewport| *viewport = viewport.zoomed_at(anchor, factor));
    }

    /// Zooms in one step around the centre of the canvas.
    pub fn zoom_in(&self) {
        self.zoom_at(self.canvas_size.get_untracked().centre(), ZOOM_STEP);
    }

    /// Zooms out one step around the centre of the canvas.
    pub fn zoom_out(&self) {
        self.zoom_at(self.canvas_size.get_untracked().centre(), 1.0 / ZOOM_STEP);
    }

    /// Pans and zooms so that the whole design is in view.
    pub fn fit_view(&self) {
        let size = self.canvas_size.get_untracked();
        if size.width <= 0.0 || size.height <= 0.0 {
            return;
        }
        let viewport = match self.design.with_untracked(design_bounds) {
            Some(bounds) => Viewport::fit(bounds, size, FIT_MARGIN),
            None => Viewport::default(),
        };
        self.viewport.set(viewport);
    }
}
