//! The keyboard path to connections: every connection of the design as a
//! button named "from → to" that selects it (shown with nothing selected),
//! the selected component's connections with a remove button each, and
//! "Connect to" a drop-down of the others.
//!
//! What must stay true: `connect-target` lists every other component by name
//! (option values are component ids) and `connect-button` connects to the
//! one shown, through [`crate::ui::state::AppState::connect`], so a refused
//! connection reports its reason in the status area like a drawn one; every
//! connection button (`data-testid="connection"`) has `from → to` as its
//! accessible name, in both lists.

use crate::engine::model::{ComponentId, ConnectionId};
use crate::ui::state::{use_app_state, Selection};
use leptos::prelude::*;
use web_sys::Event;

/// One line of the connection list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ConnectionLine {
    id: ConnectionId,
    outgoing: bool,
    other: String,
    /// The connection's name, "from → to".
    name: String,
}

/// A connection's name as the lists and the inspector show it: "orders → db".
pub fn connection_name(from: &str, to: &str) -> String {
    format!("{from} → {to}")
}

/// Every connection of the design as a button that selects it: the
/// keyboard's way to the arrows on the canvas.
#[component]
pub fn AllConnections() -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let lines = Memo::new(move |_| {
        design.with(|design| {
            design
                .connections
                .iter()
                .map(|c| {
                    (
                        c.id,
                        connection_name(design.name_of(c.from), design.name_of(c.to)),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let title = move || format!("Connections ({})", lines.with(Vec::len));

    view! {
        <details class="ap-group ap-connections" data-testid="all-connections" open>
            <summary class="ap-group__title">{title}</summary>
            <ul class="ap-connections__list">
                {move || lines.get().into_iter().map(|line| view! {
                    <li class="ap-connections__item">
                        <button
                            type="button"
                            class="ap-link"
                            data-testid="connection"
                            data-id=line.0.0
                            on:click=move |_| state.select(Selection::Connection(line.0))
                        >
                            {line.1.clone()}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
        </details>
    }
}

/// The selected component's connections, outgoing first.
#[component]
pub fn ComponentConnections(
    /// The selected component.
    id: ComponentId,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let lines = Memo::new(move |_| {
        design.with(|design| {
            let outgoing =
                design
                    .connections
                    .iter()
                    .filter(|c| c.from == id)
                    .map(|c| ConnectionLine {
                        id: c.id,
                        outgoing: true,
                        other: design.name_of(c.to).to_string(),
                        name: connection_name(design.name_of(c.from), design.name_of(c.to)),
                    });
            let incoming =
                design
                    .connections
                    .iter()
                    .filter(|c| c.to == id)
                    .map(|c| ConnectionLine {
                        id: c.id,
                        outgoing: false,
                        other: design.name_of(c.from).to_string(),
                        name: connection_name(design.name_of(c.from), design.name_of(c.to)),
                    });
            outgoing.chain(incoming).collect::<Vec<_>>()
        })
    });
    let is_empty = move || lines.with(Vec::is_empty);

    view! {
        <section class="ap-group ap-connections" aria-labelledby="ap-connections-title">
            <h3 class="ap-group__title" id="ap-connections-title">
                "Connections"
            </h3>
            {move || is_empty().then(|| view! {
                <p class="ap-hint">"None yet. Drag from the box's right handle, or use Connect to."</p>
            })}
            <ul class="ap-connections__list" data-testid="connection-list">
                // Redrawn whole when any line changes (the memo compares the
                // lines): a plain list, which is smaller in the bundle than a keyed `For`.
                {move || lines.get().into_iter().map(|line| view! { <ConnectionItem line /> }).collect_view()}
            </ul>
        </section>
    }
}

/// One connection with its direction, the other end and a remove button.
#[component]
fn ConnectionItem(
    /// The connection shown.
    line: ConnectionLine,
) -> impl IntoView {
    let state = use_app_state();
    let id = line.id;
    let (arrow, direction) = if line.outgoing {
        ("→", "to")
    } else {
        ("←", "from")
    };
    let remove_label = format!("Remove the connection {direction} {}", line.other);

    view! {
        <li class="ap-connections__item" data-testid="connection-item" data-id=id.0>
            <button
                type="button"
                class="ap-link"
                data-testid="connection"
                aria-label=line.name.clone()
                title="Select this connection"
                on:click=move |_| state.select(Selection::Connection(id))
            >
                <span class="ap-connections__arrow" aria-hidden="true">{arrow}</span>
                " "
                {line.other.clone()}
            </button>
            <button
                type="button"
                class="ap-icon-button"
                data-testid="connection-remove"
                aria-label=remove_label.clone()
                title=remove_label
                on:click=move |_| state.delete_connection(id)
            >
                "×"
            </button>
        </li>
    }
}

/// "Connect to": a drop-down of the other components and a button.
#[component]
pub fn ConnectTo(
    /// The component connections start from.
    id: ComponentId,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let others = Memo::new(move |_| {
        design.with(|design| {
            design
                .components
                .iter()
                .filter(|c| c.id != id)
                .map(|c| (c.id, c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(None::<ComponentId>);
    // The choice, or the first other component when nothing valid is chosen.
    let target = Memo::new(move |_| {
        let chosen = chosen.get();
        others.with(|others| {
            chosen
                .filter(|wanted| others.iter().any(|(other, _)| other == wanted))
                .or_else(|| others.first().map(|(other, _)| *other))
        })
    });

    let on_choose = move |event: Event| {
        chosen.set(
            event_target_value(&event)
                .parse::<u32>()
                .ok()
                .map(ComponentId),
        )
    };
    let on_connect = move |_| {
        if let Some(to) = target.get_untracked() {
            state.connect(id, to);
        }
    };
    let nothing_to_connect = move || others.with(Vec::is_empty);

    view! {
        <section class="ap-group ap-connect" aria-label="Connect to another component">
            <label class="ap-field__label" for="ap-connect-target">
                "Connect to"
            </label>
            <div class="ap-connect__row">
                <select
                    id="ap-connect-target"
                    class="ap-select"
                    data-testid="connect-target"
                    prop:value=move || target.get().map(|id| id.0.to_string()).unwrap_or_default()
                    on:change=on_choose
                >
                    {move || {
                        others
                            .get()
                            .into_iter()
                            .map(|(other, name)| {
                                view! {
                                    <option value=other.0 selected=move || target.get() == Some(other)>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <button
                    type="button"
                    class="ap-button"
                    data-testid="connect-button"
                    disabled=nothing_to_connect
                    on:click=on_connect
                >
                    "Connect"
                </button>
            </div>
        </section>
    }
}
