//! Tests of the viewport maths: conversions undo each other in both
//! directions, zooming keeps the point under the cursor, zoom is clamped,
//! fitting and revealing keep the design on screen.

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
