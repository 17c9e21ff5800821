//! Shapes on the canvas as plain maths: the box a component is drawn in,
//! where an arrow between two boxes starts and ends, which box lies under a
//! point, and the bounds of a whole design.
//!
//! What must stay true: a component's position is the centre of its box, and
//! an arrow's ends lie on (or just outside) the borders of the boxes it joins,
//! so the arrowhead is never hidden under a box.

use super::viewport::CanvasBounds;
use crate::engine::model::{ComponentId, Design, Position};

/// Width of a component's box in canvas units.
pub const NODE_WIDTH: f64 = 150.0;
/// Height of a component's box in canvas units.
pub const NODE_HEIGHT: f64 = 56.0;
/// Gap between an arrow's tip and the border of the box it points at.
pub const ARROW_GAP: f64 = 4.0;
/// Most characters of a name drawn inside a box before it is shortened.
pub const MAX_LABEL_CHARS: usize = 17;

/// Whether `point` lies inside the box of a component centred at `centre`.
pub fn box_contains(centre: Position, point: Position) -> bool {
    (point.x - centre.x).abs() <= NODE_WIDTH / 2.0
        && (point.y - centre.y).abs() <= NODE_HEIGHT / 2.0
}

/// The topmost component whose box contains `point` (later components are
/// drawn on top of earlier ones).
pub fn component_at(design: &Design, point: Position) -> Option<ComponentId> {
    design
        .components
        .iter()
        .rev()
        .find(|component| box_contains(component.position, point))
        .map(|component| component.id)
}

/// Where the ray from the centre of a box towards `toward` leaves the box,
/// pushed out by `gap`. Returns the centre itself when the two points coincide.
pub fn box_exit(centre: Position, toward: Position, gap: f64) -> Position {
    let dx = toward.x - centre.x;
    let dy = toward.y - centre.y;
    let length = dx.hypot(dy);
    if !length.is_finite() || length < 1e-9 {
        return centre;
    }
    let half_w = NODE_WIDTH / 2.0;
    let half_h = NODE_HEIGHT / 2.0;
    let to_vertical_side = if dx.abs() > 1e-12 {
        half_w / dx.abs()
    } else {
        f64::INFINITY
    };
    let to_horizontal_side = if dy.abs() > 1e-12 {
        half_h / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = to_vertical_side.min(to_horizontal_side);
    let unit_x = dx / length;
    let unit_y = dy / length;
    Position {
        x: centre.x + dx * t + unit_x * gap,
        y: centre.y + dy * t + unit_y * gap,
    }
}

/// The two ends of an arrow from the box at `from` to the box at `to`.
pub fn arrow_ends(from: Position, to: Position) -> (Position, Position) {
    (box_exit(from, to, 0.0), box_exit(to, from, ARROW_GAP))
}

/// The rectangle of the box of a component centred at `centre`.
pub fn component_bounds(centre: Position) -> CanvasBounds {
    CanvasBounds {
        min_x: centre.x - NODE_WIDTH / 2.0,
        min_y: centre.y - NODE_HEIGHT / 2.0,
        max_x: centre.x + NODE_WIDTH / 2.0,
        max_y: centre.y + NODE_HEIGHT / 2.0,
    }
}

/// The rectangle that holds every component's box, or `None` for an empty design.
pub fn design_bounds(design: &Design) -> Option<CanvasBounds> {
    let mut components = design.components.iter();
    let first = components.next()?;
    let start = CanvasBounds {
        min_x: first.position.x - NODE_WIDTH / 2.0,
        min_y: first.position.y - NODE_HEIGHT / 2.0,
        max_x: first.position.x + NODE_WIDTH / 2.0,
        max_y: first.position.y + NODE_HEIGHT / 2.0,
    };
    Some(components.fold(start, |bounds, component| CanvasBounds {
        min_x: bounds.min_x.min(component.position.x - NODE_WIDTH / 2.0),
        min_y: bounds.min_y.min(component.position.y - NODE_HEIGHT / 2.0),
        max_x: bounds.max_x.max(component.position.x + NODE_WIDTH / 2.0),
        max_y: bounds.max_y.max(component.position.y + NODE_HEIGHT / 2.0),
    }))
}

/// `name` shortened with an ellipsis so that it fits inside a box.
pub fn box_label(name: &str) -> String {
    if name.chars().count() <= MAX_LABEL_CHARS {
        return name.to_string();
    }
    let kept: String = name.chars().take(MAX_LABEL_CHARS - 1).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Component, ComponentKind};

    fn at(x: f64, y: f64) -> Position {
        Position { x, y }
    }

    fn design_with(positions: &[(f64, f64)]) -> Design {
        let mut design = Design::new("test");
        for (index, (x, y)) in positions.iter().enumerate() {
            let mut component = Component::new(
                ComponentId(index as u32),
                ComponentKind::Service,
                &format!("s{index}"),
            );
            component.position = at(*x, *y);
            design.components.push(component);
        }
        design
    }

    #[test]
    fn arrow_ends_lie_on_the_box_borders() {
        let (start, end) = arrow_ends(at(0.0, 0.0), at(400.0, 0.0));
        assert_eq!(start, at(NODE_WIDTH / 2.0, 0.0));
        assert_eq!(end, at(400.0 - NODE_WIDTH / 2.0 - ARROW_GAP, 0.0));
        let (start, end) = arrow_ends(at(0.0, 0.0), at(0.0, -300.0));
        assert_eq!(start, at(0.0, -NODE_HEIGHT / 2.0));
        assert_eq!(end, at(0.0, -300.0 + NODE_HEIGHT / 2.0 + ARROW_GAP));
    }

    #[test]
    fn diagonal_arrows_leave_through_the_nearer_side() {
        let exit = box_exit(at(0.0, 0.0), at(100.0, 100.0), 0.0);
        assert!((exit.y - NODE_HEIGHT / 2.0).abs() < 1e-9, "{exit:?}");
        assert!(exit.x < NODE_WIDTH / 2.0);
    }

    #[test]
    fn coinciding_boxes_do_not_produce_nan() {
        let exit = box_exit(at(5.0, 5.0), at(5.0, 5.0), ARROW_GAP);
        assert_eq!(exit, at(5.0, 5.0));
    }

    #[test]
    fn hit_test_finds_the_topmost_box() {
        let design = design_with(&[(0.0, 0.0), (40.0, 0.0), (500.0, 500.0)]);
        assert_eq!(component_at(&design, at(20.0, 0.0)), Some(ComponentId(1)));
        assert_eq!(component_at(&design, at(-70.0, 0.0)), Some(ComponentId(0)));
        assert_eq!(component_at(&design, at(250.0, 250.0)), None);
        assert_eq!(
            component_at(&design, at(500.0, 500.0 + NODE_HEIGHT / 2.0 + 1.0)),
            None
        );
    }

    #[test]
    fn bounds_cover_every_box() {
        assert_eq!(design_bounds(&Design::new("empty")), None);
        let bounds = design_bounds(&design_with(&[(0.0, 0.0), (300.0, -100.0)])).unwrap();
        assert_eq!(bounds.min_x, -NODE_WIDTH / 2.0);
        assert_eq!(bounds.max_x, 300.0 + NODE_WIDTH / 2.0);
        assert_eq!(bounds.min_y, -100.0 - NODE_HEIGHT / 2.0);
        assert_eq!(bounds.max_y, NODE_HEIGHT / 2.0);
    }

    #[test]
    fn long_labels_are_shortened_with_an_ellipsis() {
        assert_eq!(box_label("orders-service"), "orders-service");
        let long = box_label("a-very-long-component-name");
        assert_eq!(long.chars().count(), MAX_LABEL_CHARS);
        assert!(long.ends_with('…'));
    }
}
