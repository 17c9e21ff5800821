//! One connection drawn as an arrow between two boxes, and the dashed arrow
//! that follows the pointer while a connection is being drawn.
//!
//! What must stay true: an arrow carries `edge`, `data-id`, `data-from` and
//! `data-to`; it has a wide invisible stroke so that it can be clicked; its
//! look says what flows along it (requests solid, events dashed, observation
//! dotted), as decided by [`crate::engine::model::graph::flow`]; it goes
//! around the boxes in its way where it can ([`super::route`]), and says how
//! many bends it took in `data-bends`.

use super::geometry::box_exit;
use super::interaction::{CanvasInteraction, Gesture};
use super::route::{path_data, route};
use crate::engine::model::graph::{flow, Flow};
use crate::engine::model::{ConnectionId, Design, Position};
use crate::ui::state::{use_app_state, Selection};
use leptos::prelude::*;
use web_sys::PointerEvent;

/// What an arrow shows, so that it redraws only when one of these changes.
#[derive(Clone, Debug, Default, PartialEq)]
struct EdgeLook {
    from: u32,
    to: u32,
    path: String,
    bends: usize,
    flow_class: &'static str,
}

impl EdgeLook {
    fn of(design: &Design, id: ConnectionId) -> EdgeLook {
        let Some(connection) = design.connection(id) else {
            return EdgeLook::default();
        };
        let (Some(source), Some(target)) = (
            design.component(connection.from),
            design.component(connection.to),
        ) else {
            return EdgeLook::default();
        };
        let others: Vec<Position> = design
            .components
            .iter()
            .filter(|c| c.id != connection.from && c.id != connection.to)
            .map(|c| c.position)
            .collect();
        let points = route(source.position, target.position, &others);
        EdgeLook {
            from: connection.from.0,
            to: connection.to.0,
            path: path_data(&points),
            bends: points.len().saturating_sub(2),
            flow_class: flow_class(flow(source.kind, target.kind)),
        }
    }
}

fn flow_class(flow: Flow) -> &'static str {
    match flow {
        Flow::Request => "ap-edge--request",
        Flow::Publish | Flow::Deliver => "ap-edge--event",
        Flow::Observe => "ap-edge--observe",
    }
}

/// One connection's arrow.
#[component]
pub fn Edge(
    /// The connection drawn.
    id: ConnectionId,
    /// The canvas's gesture handling.
    interaction: CanvasInteraction,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let look = Memo::new(move |_| design.with(|design| EdgeLook::of(design, id)));
    let is_selected = Memo::new(move |_| state.selection().get() == Selection::Connection(id));

    let on_press = move |event: PointerEvent| interaction.press_connection(id, &event);

    let class = move || {
        let selected = if is_selected.get() {
            " ap-edge--selected"
        } else {
            ""
        };
        look.with(|look| format!("ap-edge {}{selected}", look.flow_class))
    };
    let marker = move || {
        if is_selected.get() {
            "url(#ap-arrow-selected)"
        } else {
            "url(#ap-arrow)"
        }
    };
    let path = move || look.with(|look| look.path.clone());

    view! {
        <g
            data-testid="edge"
            data-id=id.0
            data-from=move || look.with(|look| look.from)
            data-to=move || look.with(|look| look.to)
            data-bends=move || look.with(|look| look.bends)
            data-selected=move || is_selected.get().to_string()
            class=class
            on:pointerdown=on_press
        >
            <path class="ap-edge__hit" d=path />
            <path class="ap-edge__line" d=path marker-end=marker />
        </g>
    }
}

/// The dashed arrow from a handle to the pointer while a connection is drawn.
#[component]
pub fn ConnectionPreview(
    /// The canvas's gesture handling.
    interaction: CanvasInteraction,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let ends = move || match interaction.gesture.get() {
        Some(Gesture::Connect { from, pointer }) => {
            let centre = design.with(|design| design.component(from).map(|c| c.position))?;
            Some((box_exit(centre, pointer, 0.0), pointer))
        }
        _ => None,
    };
    move || {
        ends().map(|(start, end)| {
            view! {
                <line
                    class="ap-edge-preview"
                    x1=start.x
                    y1=start.y
                    x2=end.x
                    y2=end.y
                    marker-end="url(#ap-arrow-selected)"
                />
            }
        })
    }
}
