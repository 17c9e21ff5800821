//! The coordinate maths of a sweep chart, with no browser in it: a frame
//! mapping (parameter, value) to SVG pixels and back, round tick values,
//! and the SVG path of a curve with gaps where it has no value.
//!
//! What must stay true: [`ChartFrame::to_px`] and [`ChartFrame::from_px`]
//! are inverses; a frame over an empty or zero-width range still maps every
//! finite number to a finite pixel; a curve point outside the frame's value
//! range breaks the path rather than being drawn at a false height.

/// The chart's size in SVG units.
pub const WIDTH: f64 = 520.0;
/// The chart's height in SVG units.
pub const HEIGHT: f64 = 240.0;
/// Room for the value axis's labels.
pub const LEFT: f64 = 56.0;
/// Room above the plot.
pub const TOP: f64 = 12.0;
/// Room on the right.
pub const RIGHT: f64 = 12.0;
/// Room for the parameter axis's labels.
pub const BOTTOM: f64 = 34.0;

/// A chart's data ranges and the plot area they map onto.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartFrame {
    /// Parameter range, low and high.
    pub x: (f64, f64),
    /// Value range, low and high.
    pub y: (f64, f64),
}

fn span((low, high): (f64, f64)) -> f64 {
    if high > low {
        high - low
    } else {
        1.0
    }
}

impl ChartFrame {
    /// A frame over parameter values `xs` and values `ys` (non-finite ones
    /// ignored); the value range starts at zero and ends a little above the
    /// largest value.
    pub fn fit(xs: &[f64], ys: &[f64]) -> ChartFrame {
        let finite = |v: &&f64| v.is_finite();
        let x_low = xs
            .iter()
            .filter(finite)
            .copied()
            .fold(f64::INFINITY, f64::min);
        let x_high = xs
            .iter()
            .filter(finite)
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let y_high = ys.iter().filter(finite).copied().fold(0.0, f64::max);
        let x = if x_low.is_finite() {
            (x_low, x_high)
        } else {
            (0.0, 1.0)
        };
        let y_top = if y_high > 0.0 { y_high * 1.1 } else { 1.0 };
        ChartFrame { x, y: (0.0, y_top) }
    }

    /// The pixel of (`x`, `y`).
    pub fn to_px(&self, x: f64, y: f64) -> (f64, f64) {
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let px = if self.x.1 > self.x.0 {
            LEFT + (x - self.x.0) / span(self.x) * plot_w
        } else {
            LEFT + plot_w / 2.0
        };
        let py = TOP + plot_h - (y - self.y.0) / span(self.y) * plot_h;
        (px, py)
    }

    /// The (parameter, value) at pixel (`px`, `py`).
    pub fn from_px(&self, px: f64, py: f64) -> (f64, f64) {
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let x = self.x.0 + (px - LEFT) / plot_w * span(self.x);
        let y = self.y.0 + (TOP + plot_h - py) / plot_h * span(self.y);
        (x, y)
    }

    /// Whether `y` lies within the value range.
    pub fn holds(&self, y: f64) -> bool {
        y.is_finite() && y >= self.y.0 && y <= self.y.1
    }

    /// The SVG path through `points` (parameter, value or none), a new
    /// stroke after every gap or value outside the range.
    pub fn path(&self, points: &[(f64, Option<f64>)]) -> String {
        let mut path = String::new();
        let mut pen_down = false;
        for &(x, y) in points {
            match y.filter(|&y| self.holds(y)) {
                Some(y) => {
                    let (px, py) = self.to_px(x, y);
                    let verb = if pen_down { 'L' } else { 'M' };
                    path.push_str(&format!("{verb}{px:.1},{py:.1} "));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        path.trim_end().to_string()
    }
}

/// About five round values from `low` to `high` (1, 2 or 5 times a power of ten apart).
pub fn ticks(low: f64, high: f64) -> Vec<f64> {
    if high <= low || !low.is_finite() || !high.is_finite() {
        return vec![low];
    }
    let rough = (high - low) / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&step| step >= rough)
        .unwrap_or(10.0 * power);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// A tick's label: whole numbers as such, others with up to three digits after the point.
pub fn tick_label(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.3}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_px_and_from_px_are_inverses() {
        let frame = ChartFrame::fit(&[200.0, 1600.0], &[10.0, 90.0]);
        for (x, y) in [(200.0, 0.0), (900.0, 45.5), (1600.0, 99.0)] {
            let (px, py) = frame.to_px(x, y);
            let (bx, by) = frame.from_px(px, py);
            assert!(
                (bx - x).abs() < 1e-9 && (by - y).abs() < 1e-9,
                "{x},{y} -> {bx},{by}"
            );
        }
        assert_eq!(frame.to_px(200.0, 0.0), (LEFT, HEIGHT - BOTTOM));
        assert_eq!(frame.to_px(1600.0, frame.y.1), (WIDTH - RIGHT, TOP));
    }

    #[test]
    fn a_single_point_or_nothing_still_maps_to_finite_pixels() {
        for frame in [
            ChartFrame::fit(&[5.0], &[0.0]),
            ChartFrame::fit(&[], &[f64::NAN]),
        ] {
            let (px, py) = frame.to_px(5.0, 0.0);
            assert!(px.is_finite() && py.is_finite());
        }
    }

    #[test]
    fn a_curve_breaks_at_gaps_and_past_the_top() {
        let frame = ChartFrame::fit(&[0.0, 3.0], &[10.0]);
        let path = frame.path(&[
            (0.0, Some(1.0)),
            (1.0, Some(2.0)),
            (2.0, None),
            (3.0, Some(500.0)),
        ]);
        assert_eq!(path.matches('M').count(), 1);
        assert_eq!(path.matches('L').count(), 1);
        let path = frame.path(&[
            (0.0, Some(1.0)),
            (1.0, None),
            (2.0, Some(2.0)),
            (3.0, Some(3.0)),
        ]);
        assert_eq!(path.matches('M').count(), 2);
    }

    #[test]
    fn ticks_are_round_and_inside_the_range() {
        assert_eq!(ticks(0.0, 100.0), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(ticks(200.0, 1600.0), vec![500.0, 1000.0, 1500.0]);
        assert_eq!(ticks(3.0, 3.0), vec![3.0]);
        assert_eq!(tick_label(0.25), "0.25");
        assert_eq!(tick_label(1200.0), "1200");
    }
}
