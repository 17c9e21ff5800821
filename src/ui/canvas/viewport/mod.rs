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
mod tests;
