//! Pan and zoom of the canvas as plain maths, with no browser in sight.
//!
//! A [`Viewport`] maps canvas units (where components live, see
//! [`Position`]) to screen pixels relative to the canvas element's top-left
//! corner, and back. What must stay true: [`Viewport::to_canvas`] undoes
//! [`Viewport::to_screen`] for every zoom in `[MIN_ZOOM, MAX_ZOOM]`, and
//! zooming around a point keeps the canvas point under it where it was.

use crate::engine::model::Position;

/// Smallest zoom factor (zoomed out).
pub const MIN_ZOOM: f64 = 0.2;
/// Largest zoom factor (zoomed in).
pub const MAX_ZOOM: f64 = 3.0;
/// Zoom factor of one press of a zoom button.
pub const ZOOM_STEP: f64 = 1.2;

/// A point in screen pixels, relative to the canvas element's top-left corner.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ScreenPoint {
    /// Pixels from the left edge of the canvas element.
    pub x: f64,
    /// Pixels from the top edge of the canvas element.
    pub y: f64,
}

/// The size of the canvas element in pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ScreenSize {
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

impl ScreenSize {
    /// The centre of an element of this size.
    pub fn centre(self) -> ScreenPoint {
        ScreenPoint {
            x: self.width / 2.0,
            y: self.height / 2.0,
        }
    }
}

/// An axis-aligned rectangle in canvas units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CanvasBounds {
    /// Left edge.
    pub min_x: f64,
    /// Top edge.
    pub min_y: f64,
    /// Right edge.
    pub max_x: f64,
    /// Bottom edge.
    pub max_y: f64,
}

impl CanvasBounds {
    /// Width in canvas units (never negative).
    pub fn width(self) -> f64 {
        (self.max_x - self.min_x).max(0.0)
    }

    /// Height in canvas units (never negative).
    pub fn height(self) -> f64 {
        (self.max_y - self.min_y).max(0.0)
    }

    /// The centre of the rectangle.
    pub fn centre(self) -> Position {
        Position {
            x: (self.min_x + self.max_x) / 2.0,
            y: (self.min_y + self.max_y) / 2.0,
        }
    }
}

/// How the canvas is panned and zoomed: `screen = canvas * zoom + pan`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Screen x of the canvas origin.
    pub pan_x: f64,
    /// Screen y of the canvas origin.
    pub pan_y: f64,
    /// Screen pixels per canvas unit, within `[MIN_ZOOM, MAX_ZOOM]`.
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport {
            pan_x: 0.0,
            pan_y: 0.0,
            zoom: 1.0,
        }
    }
}

impl Viewport {
    /// Where a canvas position appears on screen.
    pub fn to_screen(self, position: Position) -> ScreenPoint {
        ScreenPoint {
            x: position.x * self.zoom + self.pan_x,
            y: position.y * self.zoom + self.pan_y,
        }
    }

    /// Which canvas position lies under a screen point.
    pub fn to_canvas(self, point: ScreenPoint) -> Position {
        Position {
            x: (point.x - self.pan_x) / self.zoom,
            y: (point.y - self.pan_y) / self.zoom,
        }
    }

    /// The viewport moved by a screen distance.
    pub fn panned_by(self, dx: f64, dy: f64) -> Viewport {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        Viewport {
            pan_x: self.pan_x + dx,
            pan_y: self.pan_y + dy,
            ..self
        }
    }

    /// The viewport zoomed by `factor`, keeping the canvas point under
    /// `anchor` in place. The zoom is clamped to `[MIN_ZOOM, MAX_ZOOM]`.
    pub fn zoomed_at(self, anchor: ScreenPoint, factor: f64) -> Viewport {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let fixed = self.to_canvas(anchor);
        Viewport {
            pan_x: anchor.x - fixed.x * zoom,
            pan_y: anchor.y - fixed.y * zoom,
            zoom,
        }
    }

    /// The viewport that shows `bounds` centred in `screen`, leaving `margin`
    /// pixels on each side, never zoomed in past 1:1 so that a small design
    /// does not fill the screen with giant boxes.
    pub fn fit(bounds: CanvasBounds, screen: ScreenSize, margin: f64) -> Viewport {
        let room_x = (screen.width - 2.0 * margin).max(1.0);
        let room_y = (screen.height - 2.0 * margin).max(1.0);
        let zoom_x = if bounds.width() > 0.0 {
            room_x / bounds.width()
        } else {
            1.0
        };
        let zoom_y = if bounds.height() > 0.0 {
            room_y / bounds.height()
        } else {
            1.0
        };
        let zoom = zoom_x.min(zoom_y).min(1.0).clamp(MIN_ZOOM, MAX_ZOOM);
        let centre = bounds.centre();
        let screen_centre = screen.centre();
        Viewport {
            pan_x: screen_centre.x - centre.x * zoom,
            pan_y: screen_centre.y - centre.y * zoom,
            zoom,
        }
    }

    /// The SVG `transform` attribute that draws canvas units under this viewport.
    pub fn svg_transform(self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            self.pan_x, self.pan_y, self.zoom
        )
    }

    /// The zoom as a whole percentage, for display.
    pub fn zoom_percent(self) -> u32 {
        (self.zoom * 100.0).round() as u32
    }

    /// Whether `bounds` lie wholly inside a screen of `size` (with `margin`
    /// pixels to spare on each side).
    pub fn shows(self, bounds: CanvasBounds, size: ScreenSize, margin: f64) -> bool {
        let top_left = self.to_screen(Position {
            x: bounds.min_x,
            y: bounds.min_y,
        });
        let bottom_right = self.to_screen(Position {
            x: bounds.max_x,
            y: bounds.max_y,
        });
        top_left.x >= margin
            && top_left.y >= margin
            && bottom_right.x <= size.width - margin
            && bottom_right.y <= size.height - margin
    }

    /// The viewport panned (zoom kept) just enough that `bounds` lie inside a
    /// screen of `size` with `margin` pixels to spare; bounds larger than the
    /// screen are centred. Unchanged when they are in view already.
    pub fn revealing(self, bounds: CanvasBounds, size: ScreenSize, margin: f64) -> Viewport {
        let top_left = self.to_screen(Position {
            x: bounds.min_x,
            y: bounds.min_y,
        });
        let bottom_right = self.to_screen(Position {
            x: bounds.max_x,
            y: bounds.max_y,
        });
        let shift = |low: f64, high: f64, extent: f64| {
            if high - low > extent - 2.0 * margin {
                extent / 2.0 - (low + high) / 2.0
            } else if low < margin {
                margin - low
            } else if high > extent - margin {
                extent - margin - high
            } else {
                0.0
            }
        };
        self.panned_by(
            shift(top_left.x, bottom_right.x, size.width),
            shift(top_left.y, bottom_right.y, size.height),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revealing_pans_just_enough_and_leaves_a_visible_box_alone() {
        let size = ScreenSize {
            width: 800.0,
            height: 400.0,
        };
        let view = Viewport::default();
        let visible = CanvasBounds {
            min_x: 100.0,
            min_y: 100.0,
            max_x: 250.0,
            max_y: 156.0,
        };
        assert!(view.shows(visible, size, 24.0));
        assert_eq!(view.revealing(visible, size, 24.0), view);
        let below = CanvasBounds {
            min_x: 100.0,
            min_y: 600.0,
            max_x: 250.0,
            max_y: 656.0,
        };
        assert!(!view.shows(below, size, 24.0));
        let revealed = view.revealing(below, size, 24.0);
        assert!(revealed.shows(below, size, 24.0), "{revealed:?}");
        assert_eq!(revealed.pan_x, 0.0, "only the needed axis moves");
        assert!(close(
            revealed.to_screen(Position { x: 0.0, y: 656.0 }).y,
            376.0
        ));
        let left = CanvasBounds {
            min_x: -500.0,
            min_y: 100.0,
            max_x: -350.0,
            max_y: 156.0,
        };
        let zoomed = Viewport { zoom: 2.0, ..view };
        assert!(zoomed.revealing(left, size, 24.0).shows(left, size, 24.0));
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn check_round_trip(viewport: Viewport, position: Position) {
        let back = viewport.to_canvas(viewport.to_screen(position));
        assert!(
            close(back.x, position.x) && close(back.y, position.y),
            "{viewport:?} {position:?} -> {back:?}"
        );
        let screen = ScreenPoint {
            x: position.x,
            y: position.y,
        };
        let again = viewport.to_screen(viewport.to_canvas(screen));
        assert!(
            close(again.x, screen.x) && close(again.y, screen.y),
            "{viewport:?} {screen:?} -> {again:?}"
        );
    }

    #[test]
    fn conversions_undo_each_other_in_both_directions() {
        let viewports = [
            Viewport::default(),
            Viewport {
                pan_x: 120.0,
                pan_y: -40.0,
                zoom: 1.0,
            },
            Viewport {
                pan_x: -300.5,
                pan_y: 75.25,
                zoom: MIN_ZOOM,
            },
            Viewport {
                pan_x: 10.0,
                pan_y: 20.0,
                zoom: MAX_ZOOM,
            },
        ];
        let positions = [
            Position { x: 0.0, y: 0.0 },
            Position { x: 520.0, y: 280.0 },
            Position { x: -75.5, y: 1e4 },
        ];
        for viewport in viewports {
            for position in positions {
                check_round_trip(viewport, position);
            }
        }
    }

    #[test]
    fn to_screen_scales_then_pans() {
        let viewport = Viewport {
            pan_x: 100.0,
            pan_y: 50.0,
            zoom: 2.0,
        };
        assert_eq!(
            viewport.to_screen(Position { x: 10.0, y: 20.0 }),
            ScreenPoint { x: 120.0, y: 90.0 }
        );
        assert_eq!(
            viewport.to_canvas(ScreenPoint { x: 120.0, y: 90.0 }),
            Position { x: 10.0, y: 20.0 }
        );
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor_fixed() {
        let viewport = Viewport {
            pan_x: 33.0,
            pan_y: -12.0,
            zoom: 0.8,
        };
        let cursor = ScreenPoint { x: 400.0, y: 250.0 };
        let under_cursor = viewport.to_canvas(cursor);
        for factor in [1.1, 0.5, 2.0] {
            let zoomed = viewport.zoomed_at(cursor, factor);
            let still = zoomed.to_canvas(cursor);
            assert!(
                close(still.x, under_cursor.x) && close(still.y, under_cursor.y),
                "factor {factor}"
            );
        }
    }

    #[test]
    fn zoom_is_clamped_and_bad_factors_are_ignored() {
        let viewport = Viewport::default();
        assert_eq!(
            viewport.zoomed_at(ScreenPoint::default(), 100.0).zoom,
            MAX_ZOOM
        );
        assert_eq!(
            viewport.zoomed_at(ScreenPoint::default(), 0.001).zoom,
            MIN_ZOOM
        );
        assert_eq!(
            viewport.zoomed_at(ScreenPoint::default(), f64::NAN),
            viewport
        );
        assert_eq!(viewport.zoomed_at(ScreenPoint::default(), -2.0), viewport);
        assert_eq!(viewport.panned_by(f64::INFINITY, 0.0), viewport);
    }

    #[test]
    fn fit_centres_the_bounds_and_keeps_them_on_screen() {
        let bounds = CanvasBounds {
            min_x: 0.0,
            min_y: 0.0,
            max_x: 2000.0,
            max_y: 500.0,
        };
        let screen = ScreenSize {
            width: 1000.0,
            height: 600.0,
        };
        let viewport = Viewport::fit(bounds, screen, 50.0);
        assert!(close(viewport.zoom, 0.45), "zoom {}", viewport.zoom);
        let centre = viewport.to_screen(bounds.centre());
        assert!(close(centre.x, 500.0) && close(centre.y, 300.0));
        let top_left = viewport.to_screen(Position {
            x: bounds.min_x,
            y: bounds.min_y,
        });
        let bottom_right = viewport.to_screen(Position {
            x: bounds.max_x,
            y: bounds.max_y,
        });
        assert!(top_left.x >= 50.0 - 1e-9 && bottom_right.x <= 950.0 + 1e-9);
        assert!(top_left.y >= 0.0 && bottom_right.y <= 600.0);
    }

    #[test]
    fn fit_never_zooms_in_past_one_to_one() {
        let bounds = CanvasBounds {
            min_x: 0.0,
            min_y: 0.0,
            max_x: 100.0,
            max_y: 50.0,
        };
        let viewport = Viewport::fit(
            bounds,
            ScreenSize {
                width: 1200.0,
                height: 800.0,
            },
            40.0,
        );
        assert_eq!(viewport.zoom, 1.0);
    }
}
