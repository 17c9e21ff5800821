//! The path an arrow takes between two boxes: straight when nothing is in
//! the way, otherwise a simple orthogonal route (one or two bends) around
//! the boxes between them, as plain maths.
//!
//! What must stay true: a route starts on the border of the source box and
//! ends [`ARROW_GAP`] outside the border of the target box; a straight line
//! is kept whenever it crosses no other box; otherwise the route crossing the
//! fewest boxes wins, then the shortest (each bend costs [`BEND_COST`]), so
//! the choice is deterministic. When every route crosses some box, the least
//! bad one is drawn: an arrow is never dropped.

use super::geometry::{arrow_ends, ARROW_GAP, NODE_HEIGHT, NODE_WIDTH};
use crate::engine::model::Position;

/// Canvas units a route keeps clear of the boxes it goes around.
pub const CLEARANCE: f64 = 14.0;
/// Length (canvas units) one bend is worth when comparing routes.
pub const BEND_COST: f64 = 40.0;

/// An axis-aligned box, inflated by the clearance where routes are tested.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rect {
    min_x: f64,
    min_y: f64,
    max_x: f64,
    max_y: f64,
}

impl Rect {
    fn around(centre: Position, margin: f64) -> Rect {
        Rect {
            min_x: centre.x - NODE_WIDTH / 2.0 - margin,
            min_y: centre.y - NODE_HEIGHT / 2.0 - margin,
            max_x: centre.x + NODE_WIDTH / 2.0 + margin,
            max_y: centre.y + NODE_HEIGHT / 2.0 + margin,
        }
    }

    /// Whether the segment `a`–`b` passes through the inside of the rectangle
    /// (Liang–Barsky clipping; touching an edge does not count).
    fn crossed_by(self, a: Position, b: Position) -> bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let mut low: f64 = 0.0;
        let mut high: f64 = 1.0;
        for (p, q) in [
            (-dx, a.x - self.min_x),
            (dx, self.max_x - a.x),
            (-dy, a.y - self.min_y),
            (dy, self.max_y - a.y),
        ] {
            if p.abs() < 1e-12 {
                if q <= 0.0 {
                    return false;
                }
                continue;
            }
            let t = q / p;
            if p < 0.0 {
                low = low.max(t);
            } else {
                high = high.min(t);
            }
            if low >= high {
                return false;
            }
        }
        high - low > 1e-9
    }
}

fn at(x: f64, y: f64) -> Position {
    Position { x, y }
}

/// How many boxes `path` crosses: `others` anywhere, the source box after
/// the first segment, the target box before the last.
fn crossings(path: &[Position], from: Rect, to: Rect, others: &[Rect]) -> usize {
    let segments = path.len().saturating_sub(1);
    (0..segments)
        .map(|index| {
            let (a, b) = (path[index], path[index + 1]);
            let mut count = others.iter().filter(|rect| rect.crossed_by(a, b)).count();
            if index > 0 && from.crossed_by(a, b) {
                count += 1;
            }
            if index + 1 < segments && to.crossed_by(a, b) {
                count += 1;
            }
            count
        })
        .sum()
}

fn cost(path: &[Position]) -> f64 {
    let length: f64 = path
        .windows(2)
        .map(|w| (w[1].x - w[0].x).hypot(w[1].y - w[0].y))
        .sum();
    length + BEND_COST * path.len().saturating_sub(2) as f64
}

/// Routes leaving and entering through the left or right sides, with the
/// vertical run at `x`.
fn through_column(from: Position, to: Position, x: f64) -> Vec<Position> {
    let half = NODE_WIDTH / 2.0;
    let leave = if x >= from.x { half } else { -half };
    let enter = if x >= to.x {
        half + ARROW_GAP
    } else {
        -half - ARROW_GAP
    };
    vec![
        at(from.x + leave, from.y),
        at(x, from.y),
        at(x, to.y),
        at(to.x + enter, to.y),
    ]
}

/// Routes leaving and entering through the top or bottom, with the
/// horizontal run at `y`.
fn through_row(from: Position, to: Position, y: f64) -> Vec<Position> {
    let half = NODE_HEIGHT / 2.0;
    let leave = if y >= from.y { half } else { -half };
    let enter = if y >= to.y {
        half + ARROW_GAP
    } else {
        -half - ARROW_GAP
    };
    vec![
        at(from.x, from.y + leave),
        at(from.x, y),
        at(to.x, y),
        at(to.x, to.y + enter),
    ]
}

/// One bend: out through a side, in through the top or bottom (or the reverse).
fn elbows(from: Position, to: Position) -> [Vec<Position>; 2] {
    let (half_w, half_h) = (NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
    let side = if to.x >= from.x { half_w } else { -half_w };
    let end_v = if from.y >= to.y {
        half_h + ARROW_GAP
    } else {
        -half_h - ARROW_GAP
    };
    let updown = if to.y >= from.y { half_h } else { -half_h };
    let end_h = if from.x >= to.x {
        half_w + ARROW_GAP
    } else {
        -half_w - ARROW_GAP
    };
    [
        vec![
            at(from.x + side, from.y),
            at(to.x, from.y),
            at(to.x, to.y + end_v),
        ],
        vec![
            at(from.x, from.y + updown),
            at(from.x, to.y),
            at(to.x + end_h, to.y),
        ],
    ]
}

/// The arrow's path from the box centred at `from` to the box centred at
/// `to`, around the boxes centred at `others` where it can.
pub fn route(from: Position, to: Position, others: &[Position]) -> Vec<Position> {
    let (start, end) = arrow_ends(from, to);
    let straight = vec![start, end];
    let tight: Vec<Rect> = others.iter().map(|c| Rect::around(*c, 0.0)).collect();
    if tight.iter().all(|rect| !rect.crossed_by(start, end)) {
        return straight;
    }
    let clear: Vec<Rect> = others.iter().map(|c| Rect::around(*c, CLEARANCE)).collect();
    let (from_rect, to_rect) = (Rect::around(from, 0.0), Rect::around(to, 0.0));
    let mut columns = vec![(from.x + to.x) / 2.0];
    let mut rows = vec![(from.y + to.y) / 2.0];
    // Only boxes near the two ends offer lines to go around by: a detour
    // past a far box is never the shortest, and large designs stay quick.
    let reach = Rect {
        min_x: from.x.min(to.x) - 2.0 * NODE_WIDTH,
        min_y: from.y.min(to.y) - 4.0 * NODE_HEIGHT,
        max_x: from.x.max(to.x) + 2.0 * NODE_WIDTH,
        max_y: from.y.max(to.y) + 4.0 * NODE_HEIGHT,
    };
    let near = clear.iter().filter(|rect| {
        rect.max_x >= reach.min_x
            && rect.min_x <= reach.max_x
            && rect.max_y >= reach.min_y
            && rect.min_y <= reach.max_y
    });
    for rect in near.chain([&Rect::around(from, CLEARANCE), &Rect::around(to, CLEARANCE)]) {
        columns.extend([rect.min_x - 1.0, rect.max_x + 1.0]);
        rows.extend([rect.min_y - 1.0, rect.max_y + 1.0]);
    }
    let candidates = columns
        .into_iter()
        .map(|x| through_column(from, to, x))
        .chain(rows.into_iter().map(|y| through_row(from, to, y)))
        .chain(elbows(from, to));
    let mut best = (
        crossings(&straight, from_rect, to_rect, &tight),
        cost(&straight),
        straight,
    );
    for path in candidates {
        let crossed = crossings(&path, from_rect, to_rect, &clear);
        let path_cost = cost(&path);
        if crossed < best.0 || (crossed == best.0 && path_cost < best.1 - 1e-9) {
            best = (crossed, path_cost, path);
        }
    }
    best.2
}

/// The SVG path data of a route: `M x y L x y ...`.
pub fn path_data(points: &[Position]) -> String {
    let mut data = String::new();
    for (index, point) in points.iter().enumerate() {
        let command = if index == 0 { 'M' } else { 'L' };
        data.push_str(&format!("{command}{:.1} {:.1} ", point.x, point.y));
    }
    data.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crosses_any(path: &[Position], boxes: &[Position]) -> bool {
        path.windows(2).any(|w| {
            boxes
                .iter()
                .any(|b| Rect::around(*b, 0.0).crossed_by(w[0], w[1]))
        })
    }

    /// Whether `point` lies `gap` outside a side of the box centred at `centre`.
    fn on_border(point: Position, centre: Position, gap: f64) -> bool {
        let (dx, dy) = ((point.x - centre.x).abs(), (point.y - centre.y).abs());
        let (half_w, half_h) = (NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
        ((dx - half_w - gap).abs() < 1e-9 && dy <= half_h)
            || ((dy - half_h - gap).abs() < 1e-9 && dx <= half_w)
    }

    #[test]
    fn with_nothing_in_the_way_the_arrow_is_straight() {
        let path = route(at(0.0, 0.0), at(400.0, 0.0), &[at(200.0, 300.0)]);
        let (start, end) = arrow_ends(at(0.0, 0.0), at(400.0, 0.0));
        assert_eq!(path, vec![start, end]);
    }

    #[test]
    fn a_box_in_the_way_is_gone_around() {
        let blocker = at(250.0, 0.0);
        let path = route(at(0.0, 0.0), at(500.0, 0.0), &[blocker]);
        assert!(path.len() > 2, "{path:?}");
        assert!(!crosses_any(&path, &[blocker]), "{path:?}");
        assert!(on_border(path[0], at(0.0, 0.0), 0.0), "{path:?}");
        let last = *path.last().unwrap();
        assert!(on_border(last, at(500.0, 0.0), ARROW_GAP), "{path:?}");
    }

    #[test]
    fn a_row_of_boxes_between_is_gone_around_too() {
        let blockers = [at(200.0, 0.0), at(200.0, 90.0), at(200.0, -90.0)];
        let path = route(at(0.0, 0.0), at(420.0, 40.0), &blockers);
        assert!(!crosses_any(&path, &blockers), "{path:?}");
    }

    #[test]
    fn the_route_is_deterministic_and_path_data_reads_it() {
        let blocker = [at(250.0, 10.0)];
        let first = route(at(0.0, 0.0), at(500.0, 0.0), &blocker);
        assert_eq!(route(at(0.0, 0.0), at(500.0, 0.0), &blocker), first);
        assert_eq!(
            path_data(&[at(0.0, 1.0), at(2.5, 3.0)]),
            "M0.0 1.0 L2.5 3.0"
        );
    }

    #[test]
    fn clipping_counts_crossing_not_touching() {
        let rect = Rect::around(at(0.0, 0.0), 0.0);
        assert!(rect.crossed_by(at(-200.0, 0.0), at(200.0, 0.0)));
        assert!(!rect.crossed_by(at(-200.0, 100.0), at(200.0, 100.0)));
        assert!(!rect.crossed_by(at(-200.0, NODE_HEIGHT / 2.0), at(200.0, NODE_HEIGHT / 2.0)));
        assert!(!rect.crossed_by(at(-200.0, 0.0), at(-100.0, 0.0)));
    }
}
