//! One component drawn on the canvas: a box with its name, kind and replica
//! count, and a connection handle on its right side.
//!
//! What must stay true: the box carries the test ids and data attributes the
//! browser tests read (`node`, `data-id`, `data-kind`, `data-name`,
//! `data-selected`, `node-focus` on its focusable part and `handle` on the
//! handle), and it only renders: presses
//! are handed to [`CanvasInteraction`], focus to [`AppState::select`].

use super::geometry::{box_label, NODE_HEIGHT, NODE_WIDTH};
use super::interaction::CanvasInteraction;
use crate::engine::model::{ComponentId, ComponentKind, Design, Position};
use crate::engine::words::count;
use crate::ui::module_host::ModuleViews;
use crate::ui::sim::overlay::NodeSim;
use crate::ui::state::{use_app_state, Selection};
use leptos::prelude::*;
use web_sys::{FocusEvent, PointerEvent};

/// What a node shows, so that it redraws only when one of these changes.
#[derive(Clone, Debug, Default, PartialEq)]
struct NodeLook {
    name: String,
    kind_slug: &'static str,
    kind_label: &'static str,
    position: Position,
    replicas: u32,
}

impl NodeLook {
    fn of(design: &Design, id: ComponentId) -> NodeLook {
        let Some(component) = design.component(id) else {
            return NodeLook::default();
        };
        NodeLook {
            name: component.name.clone(),
            kind_slug: component.kind.slug(),
            kind_label: component.kind.label(),
            position: component.position,
            replicas: replicas_shown(component.kind, component.replicas.current),
        }
    }
}

impl NodeLook {
    /// The box's accessible name: its name first (as shown), its kind, and
    /// its replicas in the right number ("1 replica"); a client has none.
    fn spoken(&self) -> String {
        if self.kind_slug == ComponentKind::Client.slug() {
            format!("{}, {}", self.name, self.kind_label)
        } else {
            let replicas = count(u64::from(self.replicas), "replica", "replicas");
            format!("{}, {}, {replicas}", self.name, self.kind_label)
        }
    }
}

/// A client has no replicas to speak of; everything else shows its running count.
fn replicas_shown(kind: ComponentKind, current: u32) -> u32 {
    if kind == ComponentKind::Client {
        0
    } else {
        current
    }
}

/// One component's box on the canvas.
#[component]
pub fn Node(
    /// The component drawn.
    id: ComponentId,
    /// The canvas's gesture handling.
    interaction: CanvasInteraction,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let look = Memo::new(move |_| design.with(|design| NodeLook::of(design, id)));
    let is_selected = Memo::new(move |_| state.selection().get() == Selection::Component(id));
    // What a comparison says of this component ("added", "changed" or "").
    let marks = use_context::<ModuleViews>();
    let mark = Memo::new(move |_| marks.map_or("", |marks| marks.mark_of(id)));
    let on_press = move |event: PointerEvent| interaction.press_component(id, &event);
    let on_handle_press = move |event: PointerEvent| interaction.press_handle(id, &event);
    let on_focus = move |_: FocusEvent| state.select(Selection::Component(id));

    let transform =
        move || look.with(|look| format!("translate({} {})", look.position.x, look.position.y));
    let class = move || {
        let selected = if is_selected.get() {
            " ap-node--selected"
        } else {
            ""
        };
        let mark = mark.get();
        let marked = if mark.is_empty() { "" } else { " ap-node--" };
        look.with(|look| format!("ap-node ap-kind-{}{selected}{marked}{mark}", look.kind_slug))
    };
    let aria_label = move || {
        let mark = mark.get();
        let marked = if mark.is_empty() { "" } else { ", " };
        let since = if mark.is_empty() {
            ""
        } else {
            " since the pinned design"
        };
        look.with(|look| format!("{}{marked}{mark}{since}", look.spoken()))
    };
    let replicas_text = move || {
        look.with(|look| {
            if look.replicas == 0 {
                String::new()
            } else {
                format!("×{}", look.replicas)
            }
        })
    };
    let left = -NODE_WIDTH / 2.0;
    let top = -NODE_HEIGHT / 2.0;

    view! {
        <g
            data-testid="node"
            data-id=id.0
            data-kind=move || look.with(|look| look.kind_slug)
            data-name=move || look.with(|look| look.name.clone())
            data-selected=move || is_selected.get().to_string()
            data-mark=move || Some(mark.get()).filter(|mark| !mark.is_empty())
            class=class
            transform=transform
            on:pointerdown=on_press
        >
            // The focusable button holds no text: its name says what the drawn
            // text shows, which stays outside it so that the two cannot disagree.
            <g
                class="ap-node__focus"
                data-testid="node-focus"
                tabindex="0"
                role="button"
                aria-label=aria_label
                on:focus=on_focus
            >
                <rect class="ap-node__body" x=left y=top width=NODE_WIDTH height=NODE_HEIGHT rx="10" />
                <rect class="ap-node__accent" x=left + 6.0 y=top + 10.0 width="4" height=NODE_HEIGHT - 20.0 rx="2" />
            </g>
            <g aria-hidden="true">
                <text class="ap-node__name" x=left + 18.0 y="-3">
                    {move || look.with(|look| box_label(&look.name))}
                </text>
                <text class="ap-node__kind" x=left + 18.0 y="15">
                    {move || look.with(|look| look.kind_label)}
                </text>
                <text class="ap-node__replicas" x=-left - 14.0 y="15" text-anchor="end">
                    {replicas_text}
                </text>
                // The run's figures are read out in the Simulate panel; here they are drawn only.
                <NodeSim id />
            </g>
            <circle
                data-testid="handle"
                class="ap-node__handle"
                cx=-left
                cy="0"
                r="7"
                on:pointerdown=on_handle_press
            />
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(kind: ComponentKind, replicas: u32) -> NodeLook {
        NodeLook {
            name: "orders".into(),
            kind_slug: kind.slug(),
            kind_label: kind.label(),
            position: Position::default(),
            replicas: replicas_shown(kind, replicas),
        }
    }

    #[test]
    fn a_box_is_named_by_its_text_with_replicas_in_the_right_number() {
        assert_eq!(
            look(ComponentKind::Service, 1).spoken(),
            "orders, Service, 1 replica"
        );
        assert_eq!(
            look(ComponentKind::Service, 3).spoken(),
            "orders, Service, 3 replicas"
        );
        assert_eq!(
            look(ComponentKind::Service, 0).spoken(),
            "orders, Service, 0 replicas"
        );
        assert_eq!(look(ComponentKind::Client, 5).spoken(), "orders, Client");
    }
}
