//! Pointer gestures on the canvas: moving a component, drawing a connection
//! from a handle, panning the empty canvas.
//!
//! A press records a [`Gesture`]; window-wide move and release listeners
//! (installed once by the canvas) advance and finish it, so a drag that
//! leaves the canvas still ends cleanly. What must stay true: a press that
//! does not travel [`DRAG_THRESHOLD`] pixels is a click and edits nothing,
//! and every change to the design goes through an [`AppState`] intent; a
//! component drag is one undo step (opened when the press becomes a drag,
//! closed on release or cancel).

use super::geometry::component_at;
use super::viewport::ScreenPoint;
use crate::engine::model::{ComponentId, Position};
use crate::ui::state::{AppState, Selection};
use leptos::prelude::*;
use leptos::svg::Svg;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, PointerEvent};

/// Pointer travel, in pixels, before a press becomes a drag.
pub const DRAG_THRESHOLD: f64 = 3.0;

/// A drag in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gesture {
    /// Dragging a component by the point where it was grabbed.
    MoveComponent {
        /// The component being dragged.
        id: ComponentId,
        /// Pointer position minus the component's centre, in canvas units.
        grab_offset: Position,
        /// Where the press happened on screen.
        start: ScreenPoint,
        /// Whether the pointer has travelled far enough to count as a drag.
        moved: bool,
    },
    /// Drawing a connection from a component's handle.
    Connect {
        /// The component the connection starts at.
        from: ComponentId,
        /// The pointer, in canvas units.
        pointer: Position,
    },
    /// Panning the view by dragging empty canvas.
    Pan {
        /// Where the press happened on screen.
        start: ScreenPoint,
        /// The pointer at the previous move event.
        last: ScreenPoint,
        /// Whether the pointer has travelled far enough to count as a drag.
        moved: bool,
    },
}

/// Blurs a focused form field so that its `change` event commits what was
/// typed to the item it belongs to, before a press selects something else
/// and the inspector replaces the field.
fn commit_focused_field() {
    let focused = document()
        .active_element()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = focused {
        if matches!(
            element.tag_name().to_ascii_lowercase().as_str(),
            "input" | "select" | "textarea"
        ) {
            element.blur().ok();
        }
    }
}

fn travelled(start: ScreenPoint, now: ScreenPoint) -> bool {
    (now.x - start.x).hypot(now.y - start.y) >= DRAG_THRESHOLD
}

/// The canvas element and the gesture in progress, shared by the canvas,
/// its nodes and its edges.
#[derive(Clone, Copy)]
pub struct CanvasInteraction {
    /// The drag in progress, if any (UI state only, never part of the design).
    pub gesture: RwSignal<Option<Gesture>>,
    /// The `<svg>` element, to turn client coordinates into canvas ones.
    pub svg: NodeRef<Svg>,
    state: AppState,
}

impl CanvasInteraction {
    /// A fresh interaction with no gesture in progress.
    pub fn new(state: AppState) -> CanvasInteraction {
        CanvasInteraction {
            gesture: RwSignal::new(None),
            svg: NodeRef::new(),
            state,
        }
    }

    /// A client-coordinate point relative to the canvas element.
    pub fn screen_point(&self, client_x: f64, client_y: f64) -> ScreenPoint {
        match self.svg.get_untracked() {
            Some(svg) => {
                let rect = svg.get_bounding_client_rect();
                ScreenPoint {
                    x: client_x - rect.left(),
                    y: client_y - rect.top(),
                }
            }
            None => ScreenPoint {
                x: client_x,
                y: client_y,
            },
        }
    }

    /// The canvas position under a client-coordinate point.
    pub fn canvas_point(&self, client_x: f64, client_y: f64) -> Position {
        self.state
            .viewport()
            .get_untracked()
            .to_canvas(self.screen_point(client_x, client_y))
    }

    fn event_points(&self, event: &PointerEvent) -> (ScreenPoint, Position) {
        let screen = self.screen_point(f64::from(event.client_x()), f64::from(event.client_y()));
        (
            screen,
            self.state.viewport().get_untracked().to_canvas(screen),
        )
    }

    /// A press on a component: select it and get ready to drag it.
    pub fn press_component(&self, id: ComponentId, event: &PointerEvent) {
        if event.button() != 0 {
            return;
        }
        event.stop_propagation();
        commit_focused_field();
        self.state.select(Selection::Component(id));
        let Some(centre) = self
            .state
            .design()
            .with_untracked(|design| design.component(id).map(|c| c.position))
        else {
            return;
        };
        let (screen, pointer) = self.event_points(event);
        let grab_offset = Position {
            x: pointer.x - centre.x,
            y: pointer.y - centre.y,
        };
        self.gesture.set(Some(Gesture::MoveComponent {
            id,
            grab_offset,
            start: screen,
            moved: false,
        }));
    }

    /// A press on a component's connection handle: start drawing a connection.
    pub fn press_handle(&self, from: ComponentId, event: &PointerEvent) {
        if event.button() != 0 {
            return;
        }
        event.stop_propagation();
        event.prevent_default();
        let (_, pointer) = self.event_points(event);
        self.gesture.set(Some(Gesture::Connect { from, pointer }));
    }

    /// A press on a connection: select it.
    pub fn press_connection(&self, id: crate::engine::model::ConnectionId, event: &PointerEvent) {
        if event.button() != 0 {
            return;
        }
        event.stop_propagation();
        commit_focused_field();
        self.state.select(Selection::Connection(id));
    }

    /// A press on empty canvas: get ready to pan (or, if it stays a click, clear the selection).
    pub fn press_background(&self, event: &PointerEvent) {
        if event.button() != 0 {
            return;
        }
        commit_focused_field();
        let (screen, _) = self.event_points(event);
        self.gesture.set(Some(Gesture::Pan {
            start: screen,
            last: screen,
            moved: false,
        }));
    }

    /// The pointer moved anywhere in the window.
    pub fn pointer_moved(&self, event: &PointerEvent) {
        let Some(gesture) = self.gesture.get_untracked() else {
            return;
        };
        let (screen, pointer) = self.event_points(event);
        match gesture {
            Gesture::MoveComponent {
                id,
                grab_offset,
                start,
                moved,
            } => {
                if !moved && !travelled(start, screen) {
                    return;
                }
                if !moved {
                    self.state.begin_gesture();
                    self.gesture.set(Some(Gesture::MoveComponent {
                        id,
                        grab_offset,
                        start,
                        moved: true,
                    }));
                }
                self.state.move_component(
                    id,
                    Position {
                        x: pointer.x - grab_offset.x,
                        y: pointer.y - grab_offset.y,
                    },
                );
            }
            Gesture::Connect { from, .. } => {
                self.gesture.set(Some(Gesture::Connect { from, pointer }))
            }
            Gesture::Pan { start, last, moved } => {
                let moved = moved || travelled(start, screen);
                if moved {
                    self.state.pan_by(screen.x - last.x, screen.y - last.y);
                }
                let last = if moved { screen } else { last };
                self.gesture.set(Some(Gesture::Pan { start, last, moved }));
            }
        }
    }

    /// The pointer was released anywhere in the window: finish the gesture.
    pub fn pointer_released(&self, event: &PointerEvent) {
        let Some(gesture) = self.gesture.get_untracked() else {
            return;
        };
        self.gesture.set(None);
        match gesture {
            Gesture::MoveComponent { .. } => self.state.end_gesture(),
            Gesture::Connect { from, .. } => {
                let (_, pointer) = self.event_points(event);
                let target = self
                    .state
                    .design()
                    .with_untracked(|design| component_at(design, pointer));
                match target {
                    Some(to) if to != from => self.state.connect(from, to),
                    _ => {}
                }
            }
            Gesture::Pan { moved, .. } => {
                if !moved {
                    self.state.select(Selection::Nothing);
                }
            }
        }
    }

    /// The gesture was interrupted (pointer cancelled): drop it without finishing.
    pub fn cancel(&self) {
        if self.gesture.get_untracked().is_some() {
            self.gesture.set(None);
            self.state.end_gesture();
        }
    }
}
