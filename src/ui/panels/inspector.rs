//! The inspector: the attributes of whatever is selected, grouped as the
//! engine's field specs group them. A component shows its fields, its
//! connections and a delete button; a connection its routing fields; with
//! nothing selected, every connection (the keyboard's way to them) and the
//! design's workload, team inputs and targets.
//!
//! What must stay true: the fields shown are exactly
//! [`component_fields`], [`connection_fields`] or [`design_fields`], and the
//! panel is rebuilt only when the selection (or the selected kind) changes,
//! never on an ordinary edit, so that typing is not interrupted.

use super::connections::{AllConnections, ComponentConnections, ConnectTo};
use super::field_input::FieldInput;
use crate::engine::attributes::fields::{
    component_fields, connection_fields, design_fields, FieldSpec, FieldTarget,
};
use crate::engine::model::{ComponentId, ComponentKind, ConnectionId};
use crate::ui::focus::focus_canvas;
use crate::ui::state::{use_app_state, AppState, Selection};
use crate::ui::widgets::kind_badge::KindBadge;
use leptos::prelude::*;

/// What the inspector is showing; changes only when the panel must be rebuilt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Inspected {
    Design,
    Component(ComponentId, ComponentKind),
    Connection(ConnectionId),
}

/// Specs grouped by their `group`, groups in order of first appearance.
fn grouped(specs: Vec<FieldSpec>) -> Vec<(&'static str, Vec<FieldSpec>)> {
    let mut groups: Vec<(&'static str, Vec<FieldSpec>)> = Vec::new();
    for spec in specs {
        match groups.iter_mut().find(|(group, _)| *group == spec.group) {
            Some((_, members)) => members.push(spec),
            None => groups.push((spec.group, vec![spec])),
        }
    }
    groups
}

/// Deletes the selection and hands the keyboard focus to the canvas, since
/// the button that had it goes away with the inspector it was in.
fn delete_and_focus_canvas(state: AppState) {
    state.delete_selected();
    focus_canvas();
}

/// The panel on the right that edits the selection.
#[component]
pub fn Inspector() -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let selection = state.selection();
    let inspected = Memo::new(move |_| {
        let selection = selection.get();
        design
            .with(|design| match selection {
                Selection::Component(id) => design
                    .component(id)
                    .map(|c| Inspected::Component(id, c.kind)),
                Selection::Connection(id) => {
                    design.connection(id).map(|_| Inspected::Connection(id))
                }
                Selection::Nothing => None,
            })
            .unwrap_or(Inspected::Design)
    });

    view! {
        <section class="ap-panel ap-inspector" data-testid="inspector" aria-label="Inspector">
            {move || match inspected.get() {
                Inspected::Design => view! { <DesignInspector /> }.into_any(),
                Inspected::Component(id, kind) => view! { <ComponentInspector id kind /> }.into_any(),
                Inspected::Connection(id) => view! { <ConnectionInspector id /> }.into_any(),
            }}
        </section>
    }
}

/// The fields of `target`, one fieldset per group.
#[component]
fn FieldGroups(
    /// What the fields belong to.
    target: FieldTarget,
    /// The fields, in display order.
    specs: Vec<FieldSpec>,
) -> impl IntoView {
    grouped(specs)
        .into_iter()
        .map(|(group, members)| {
            view! {
                <details class="ap-group" open>
                    <summary class="ap-group__title">{group}</summary>
                    <div class="ap-group__fields">
                        {members.into_iter().map(|spec| view! { <FieldInput target spec /> }).collect_view()}
                    </div>
                </details>
            }
        })
        .collect_view()
}

/// The design-level inputs, shown when nothing is selected.
#[component]
fn DesignInspector() -> impl IntoView {
    view! {
        <header class="ap-inspector__header">
            <h2 class="ap-panel-title">"Design"</h2>
            <p class="ap-hint">"Workload, team inputs and targets. Select a box or an arrow to edit it."</p>
        </header>
        <AllConnections />
        <FieldGroups target=FieldTarget::Design specs=design_fields() />
    }
}

/// A selected component: its fields, connections and delete button.
#[component]
fn ComponentInspector(
    /// The component.
    id: ComponentId,
    /// Its kind, which decides the fields.
    kind: ComponentKind,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let name = move || design.with(|design| design.name_of(id).to_string());

    view! {
        <header class="ap-inspector__header">
            <div class="ap-inspector__title-row">
                <KindBadge kind />
                <div>
                    <h2 class="ap-panel-title">{name}</h2>
                    <p class="ap-hint">{kind.label()}</p>
                </div>
            </div>
        </header>
        <FieldGroups target=FieldTarget::Component(id) specs=component_fields(kind) />
        <ComponentConnections id />
        <ConnectTo id />
        <div class="ap-inspector__actions">
            <button
                type="button"
                class="ap-button ap-button--danger"
                data-testid="delete-button"
                on:click=move |_| delete_and_focus_canvas(state)
            >
                "Delete component"
            </button>
        </div>
    }
}

/// A selected connection: its routing fields and delete button.
#[component]
fn ConnectionInspector(
    /// The connection.
    id: ConnectionId,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let title = move || {
        design.with(|design| {
            design
                .connection(id)
                .map(|c| format!("{} → {}", design.name_of(c.from), design.name_of(c.to)))
                .unwrap_or_default()
        })
    };

    view! {
        <header class="ap-inspector__header">
            <h2 class="ap-panel-title">{title}</h2>
            <p class="ap-hint">"Connection"</p>
        </header>
        <FieldGroups target=FieldTarget::Connection(id) specs=connection_fields() />
        <div class="ap-inspector__actions">
            <button
                type="button"
                class="ap-button ap-button--danger"
                data-testid="delete-button"
                on:click=move |_| delete_and_focus_canvas(state)
            >
                "Delete connection"
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_first_appearance_order_and_every_field() {
        let specs = component_fields(ComponentKind::Service);
        let total = specs.len();
        let groups = grouped(specs);
        let names: Vec<&str> = groups.iter().map(|(group, _)| *group).collect();
        assert_eq!(names.first(), Some(&"General"));
        assert_eq!(
            groups
                .iter()
                .map(|(_, members)| members.len())
                .sum::<usize>(),
            total
        );
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            unique.len(),
            names.len(),
            "a group appears twice: {names:?}"
        );
    }
}
