//! The time charts' coordinate maths, in a plain struct with unit tests:
//! data (simulated seconds, a value) to SVG units and back, round axis
//! ticks, and a polyline path.
//!
//! What must stay true: a projection never divides by zero (an empty or flat
//! range is widened) and never produces a non-finite coordinate; y grows
//! upwards on screen as data grows.

/// A rectangle of the SVG, in its units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotArea {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Maps data ranges onto a plot area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Where the data is drawn.
    pub area: PlotArea,
    /// Smallest and largest x shown.
    pub x_range: (f64, f64),
    /// Smallest and largest y shown.
    pub y_range: (f64, f64),
}

/// A range that is finite and not empty.
fn widened(range: (f64, f64)) -> (f64, f64) {
    let (low, high) = (
        if range.0.is_finite() { range.0 } else { 0.0 },
        if range.1.is_finite() { range.1 } else { 0.0 },
    );
    if high > low {
        (low, high)
    } else {
        (low, low + 1.0)
    }
}

impl Projection {
    /// A projection of `x_range` x `y_range` onto `area`.
    pub fn new(area: PlotArea, x_range: (f64, f64), y_range: (f64, f64)) -> Projection {
        Projection {
            area,
            x_range: widened(x_range),
            y_range: widened(y_range),
        }
    }

    /// SVG coordinates of a data point.
    pub fn to_svg(&self, x: f64, y: f64) -> (f64, f64) {
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.y_range;
        let sx = self.area.left + (x - x0) / (x1 - x0) * self.area.width;
        let sy = self.area.top + self.area.height - (y - y0) / (y1 - y0) * self.area.height;
        (
            if sx.is_finite() { sx } else { self.area.left },
            if sy.is_finite() {
                sy
            } else {
                self.area.top + self.area.height
            },
        )
    }

    /// The data point at SVG coordinates.
    pub fn to_data(&self, sx: f64, sy: f64) -> (f64, f64) {
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.y_range;
        let x = x0 + (sx - self.area.left) / self.area.width * (x1 - x0);
        let y = y0 + (self.area.top + self.area.height - sy) / self.area.height * (y1 - y0);
        (x, y)
    }

    /// An SVG path through `points` (`M x y L x y ...`), empty for no point.
    pub fn path(&self, points: &[(f64, f64)]) -> String {
        let mut path = String::with_capacity(points.len() * 16);
        for (i, &(x, y)) in points.iter().enumerate() {
            let (sx, sy) = self.to_svg(x, y);
            path.push_str(if i == 0 { "M" } else { " L" });
            path.push_str(&format!("{sx:.1} {sy:.1}"));
        }
        path
    }
}

/// A round step (1, 2 or 5 times a power of ten) that splits `span` into at most `count` parts.
pub fn tick_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    // The power of ten at or below `raw`, by steps (no `powf`, which would add a routine to the bundle).
    let mut magnitude = 1.0;
    while magnitude > raw && magnitude > 1e-12 {
        magnitude /= 10.0;
    }
    while magnitude * 10.0 <= raw && magnitude < 1e15 {
        magnitude *= 10.0;
    }
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// The round value at or above `value` that a chart's axis should end at (at least `floor`).
pub fn nice_max(value: f64, floor: f64) -> f64 {
    let value = if value.is_finite() {
        value.max(floor)
    } else {
        floor
    };
    if value <= 0.0 {
        return 1.0;
    }
    let step = tick_step(value, 4);
    (value / step).ceil() * step
}

/// Ticks from 0 to `max` at a round step, at most `count` + 1 of them.
pub fn ticks(max: f64, count: usize) -> Vec<f64> {
    let step = tick_step(max, count);
    let n = (max / step + 1e-9).floor() as usize;
    (0..=n.min(100)).map(|i| i as f64 * step).collect()
}

/// A tick label: whole numbers plainly, others with the decimals the step needs.
pub fn tick_label(value: f64, step: f64) -> String {
    let mut decimals = 0;
    let mut unit = 1.0;
    while step < unit * 0.999_999 && decimals < 12 {
        unit /= 10.0;
        decimals += 1;
    }
    format!("{value:.decimals$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area() -> PlotArea {
        PlotArea {
            left: 40.0,
            top: 10.0,
            width: 200.0,
            height: 100.0,
        }
    }

    #[test]
    fn data_maps_to_svg_and_back() {
        let projection = Projection::new(area(), (0.0, 60.0), (0.0, 500.0));
        assert_eq!(
            projection.to_svg(0.0, 0.0),
            (40.0, 110.0),
            "origin at the bottom left"
        );
        assert_eq!(projection.to_svg(60.0, 500.0), (240.0, 10.0), "top right");
        for &(x, y) in &[(12.5, 100.0), (59.0, 3.0), (30.0, 250.0)] {
            let (sx, sy) = projection.to_svg(x, y);
            let (bx, by) = projection.to_data(sx, sy);
            assert!((bx - x).abs() < 1e-9 && (by - y).abs() < 1e-9);
        }
    }

    #[test]
    fn empty_or_flat_ranges_never_divide_by_zero() {
        let projection = Projection::new(area(), (0.0, 0.0), (5.0, 5.0));
        let (sx, sy) = projection.to_svg(0.0, 5.0);
        assert!(sx.is_finite() && sy.is_finite());
        let projection = Projection::new(area(), (f64::NAN, f64::INFINITY), (0.0, 1.0));
        assert!(projection.to_svg(1.0, 1.0).0.is_finite());
    }

    #[test]
    fn paths_move_then_draw_lines() {
        let projection = Projection::new(area(), (0.0, 2.0), (0.0, 1.0));
        assert_eq!(projection.path(&[]), "");
        assert_eq!(
            projection.path(&[(0.0, 0.0), (1.0, 1.0), (2.0, 0.5)]),
            "M40.0 110.0 L140.0 10.0 L240.0 60.0"
        );
    }

    #[test]
    fn ticks_are_round_and_cover_the_axis() {
        assert_eq!(tick_step(60.0, 4), 20.0);
        assert_eq!(tick_step(7.0, 4), 2.0);
        assert_eq!(tick_step(0.3, 3), 0.1);
        assert_eq!(nice_max(83.0, 1.0), 100.0);
        assert_eq!(nice_max(0.0, 1.0), 1.0);
        assert_eq!(
            nice_max(f64::NAN, 5.0),
            6.0,
            "a bad value falls back to the floor, rounded up to a step"
        );
        assert_eq!(ticks(100.0, 4), vec![0.0, 50.0, 100.0]);
        assert_eq!(ticks(60.0, 4), vec![0.0, 20.0, 40.0, 60.0]);
        assert_eq!(tick_label(0.5, 0.1), "0.5");
        assert_eq!(tick_label(40.0, 20.0), "40");
    }
}
