//! Where a component added from the palette (by click or keyboard, not by
//! dropping it) lands: the free spot nearest an anchor (the centre of the
//! view, or the selected component), as plain maths.
//!
//! What must stay true: the spot's box overlaps no existing box (with
//! [`GAP`] to spare) whenever such a spot exists within [`MAX_RINGS`] rings
//! of the anchor; spots inside the visible area come first; among those the
//! nearest to the anchor wins, ties broken in a fixed order, so the result
//! is deterministic.

use super::geometry::{NODE_HEIGHT, NODE_WIDTH};
use super::viewport::CanvasBounds;
use crate::engine::model::{Design, Position};

/// Canvas units kept free between the new box and its neighbours.
pub const GAP: f64 = 24.0;
/// How far the search goes, in rings of candidate spots around the anchor.
pub const MAX_RINGS: i32 = 12;
/// Distance between candidate spots, horizontally.
const STEP_X: f64 = (NODE_WIDTH + GAP) / 2.0;
/// Distance between candidate spots, vertically.
const STEP_Y: f64 = (NODE_HEIGHT + GAP) / 2.0;

/// Whether a box centred at `spot` would overlap a box of `design` (with [`GAP`]).
pub fn overlaps_any(design: &Design, spot: Position) -> bool {
    design.components.iter().any(|component| {
        (component.position.x - spot.x).abs() < NODE_WIDTH + GAP
            && (component.position.y - spot.y).abs() < NODE_HEIGHT + GAP
    })
}

/// Whether a box centred at `spot` lies wholly inside `view`.
fn inside(view: CanvasBounds, spot: Position) -> bool {
    spot.x - NODE_WIDTH / 2.0 >= view.min_x
        && spot.x + NODE_WIDTH / 2.0 <= view.max_x
        && spot.y - NODE_HEIGHT / 2.0 >= view.min_y
        && spot.y + NODE_HEIGHT / 2.0 <= view.max_y
}

/// The free spot nearest `anchor`, preferring spots whose box lies inside
/// `view`; `anchor` itself when nothing within reach is free.
pub fn spot_near(design: &Design, anchor: Position, view: Option<CanvasBounds>) -> Position {
    // The best so far: (outside the view, distance, spot). A running minimum
    // rather than a sort, which would link a sorting routine into the page.
    let mut best: Option<(bool, f64, Position)> = None;
    for row in -MAX_RINGS..=MAX_RINGS {
        for column in -MAX_RINGS..=MAX_RINGS {
            let spot = Position {
                x: anchor.x + f64::from(column) * STEP_X,
                y: anchor.y + f64::from(row) * STEP_Y,
            };
            if overlaps_any(design, spot) {
                continue;
            }
            let outside_view = view.is_some_and(|view| !inside(view, spot));
            let distance = (spot.x - anchor.x).hypot(spot.y - anchor.y);
            // Strictly better only: the first of equals (rows, then columns) stays.
            let better = best.is_none_or(|(best_outside, best_distance, _)| {
                (outside_view, distance) < (best_outside, best_distance)
            });
            if better {
                best = Some((outside_view, distance, spot));
            }
        }
    }
    best.map(|candidate| candidate.2).unwrap_or(anchor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Component, ComponentId, ComponentKind};

    fn at(x: f64, y: f64) -> Position {
        Position { x, y }
    }

    fn design_with(positions: &[(f64, f64)]) -> Design {
        let mut design = Design::new("test");
        for (index, (x, y)) in positions.iter().enumerate() {
            let mut component =
                Component::new(ComponentId(index as u32), ComponentKind::Service, "s");
            component.position = at(*x, *y);
            design.components.push(component);
        }
        design
    }

    #[test]
    fn an_empty_anchor_is_taken_as_it_is() {
        let design = design_with(&[(0.0, 0.0)]);
        assert_eq!(spot_near(&design, at(600.0, 400.0), None), at(600.0, 400.0));
    }

    #[test]
    fn a_taken_anchor_gives_the_nearest_spot_that_overlaps_nothing() {
        let design = design_with(&[(500.0, 300.0), (500.0, 380.0), (330.0, 300.0)]);
        let spot = spot_near(&design, at(500.0, 300.0), None);
        assert!(!overlaps_any(&design, spot), "{spot:?}");
        let distance = (spot.x - 500.0).hypot(spot.y - 300.0);
        assert!(
            distance < 3.0 * NODE_WIDTH,
            "{spot:?} is far from the anchor"
        );
    }

    #[test]
    fn spots_in_view_come_first() {
        let design = design_with(&[(0.0, 0.0)]);
        let view = CanvasBounds {
            min_x: -80.0,
            min_y: -300.0,
            max_x: 80.0,
            max_y: 300.0,
        };
        let spot = spot_near(&design, at(0.0, 0.0), Some(view));
        assert!(inside(view, spot), "{spot:?}");
        assert!(!overlaps_any(&design, spot));
    }

    #[test]
    fn the_search_is_deterministic() {
        let design = design_with(&[(0.0, 0.0), (100.0, 50.0)]);
        let first = spot_near(&design, at(10.0, 10.0), None);
        assert_eq!(spot_near(&design, at(10.0, 10.0), None), first);
    }
}
