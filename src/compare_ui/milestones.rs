//! The Milestones view: save the canvas's design under a name; the list with
//! Open, Compare with the canvas, Rename and Delete (with Undo); and compare
//! any two (A pinned, the other opened on the canvas).
//!
//! What must stay true: handlers call [`CompareState`] methods
//! (`milestone_intents`); a storage problem is shown above the list.
//!
//! [`CompareState`]: super::state::CompareState

use super::state::use_compare_state;
use crate::engine::share::milestones::StoredMilestone;
use leptos::prelude::*;

/// One milestone in the list, with its actions and its rename field.
fn row(index: usize, milestone: StoredMilestone) -> impl IntoView {
    let compare = use_compare_state();
    let renaming = RwSignal::new(None::<String>);
    let name = milestone.name.clone();
    let start_rename = move |_| renaming.set(Some(name.clone()));
    let finish_rename = move |_| {
        if let Some(name) = renaming.get_untracked() {
            compare.rename_milestone(index, &name);
        }
        renaming.set(None);
    };
    let label = milestone.name.clone();
    view! {
        <li data-testid="milestone" data-name=milestone.name.clone()>
            {move || match renaming.get() {
                None => view! { <span data-testid="milestone-name">{label.clone()}</span> }.into_any(),
                Some(text) => view! {
                    <input type="text" aria-label="New name" data-testid="milestone-rename-field" prop:value=text
                        on:input=move |event| renaming.set(Some(event_target_value(&event))) />
                    <button type="button" class="ap-button" data-testid="milestone-rename-save" on:click=finish_rename>"Save name"</button>
                }.into_any(),
            }}
            <button type="button" class="ap-button" data-testid="milestone-open" on:click=move |_| compare.open_milestone(index)>"Open"</button>
            <button type="button" class="ap-button" data-testid="milestone-compare" on:click=move |_| compare.compare_with_canvas(index)>"Compare with the canvas"</button>
            <button type="button" class="ap-button" data-testid="milestone-rename" on:click=start_rename>"Rename"</button>
            <button type="button" class="ap-button" data-testid="milestone-delete" on:click=move |_| compare.delete_milestone(index)>"Delete"</button>
        </li>
    }
}

/// Picks two milestones: the first pinned as A, the second opened as B.
#[component]
fn CompareTwo() -> impl IntoView {
    let compare = use_compare_state();
    let (first, second) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let options = move || {
        compare
            .milestones
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, m)| view! { <option value=index.to_string()>{m.name}</option> })
            .collect_view()
    };
    let go = move |_| {
        if let (Ok(a), Ok(b)) = (
            first.get_untracked().parse(),
            second.get_untracked().parse(),
        ) {
            compare.compare_two(a, b);
        }
    };
    view! {
        <fieldset class="ap-compare__two">
            <legend>"Compare two milestones"</legend>
            <label>"A " <select data-testid="milestones-pick-a" on:change=move |event| first.set(event_target_value(&event))>
                <option value="">"choose…"</option>{options}</select></label>
            <label>"B (opened on the canvas) " <select data-testid="milestones-pick-b" on:change=move |event| second.set(event_target_value(&event))>
                <option value="">"choose…"</option>{options}</select></label>
            <button type="button" class="ap-button" data-testid="milestones-compare-two" on:click=go>"Compare these"</button>
        </fieldset>
    }
}

/// Save, the list, and compare two.
#[component]
pub fn MilestonesView() -> impl IntoView {
    let compare = use_compare_state();
    let name = RwSignal::new(String::new());
    let save = move |_| {
        if compare.save_milestone(&name.get_untracked()) {
            name.set(String::new());
        }
    };
    let list = move || {
        compare
            .milestones
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, milestone)| row(index, milestone))
            .collect_view()
    };
    view! {
        {move || compare.milestones_problem.get().map(|problem| view! {
            <p class="ap-compare__warning" role="alert" data-testid="milestones-problem">{problem}</p>
        })}
        <div class="ap-compare__save">
            <label>"Name " <input type="text" data-testid="milestone-name-field" placeholder=move || compare.next_name()
                prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event)) /></label>
            <button type="button" class="ap-button" data-testid="milestone-save" on:click=save>"Save milestone"</button>
        </div>
        {move || compare.deleted.get().map(|(_, milestone)| view! {
            <p role="status">{format!("Deleted \u{201c}{}\u{201d}. ", milestone.name)}
                <button type="button" class="ap-button" data-testid="milestone-undo-delete" on:click=move |_| compare.undo_delete()>"Undo"</button></p>
        })}
        {move || compare.milestones.with(Vec::is_empty).then(|| view! {
            <p data-testid="milestones-empty">"No milestones yet: save the canvas's design to keep it as it is now."</p>
        })}
        <ul class="ap-compare__milestones" data-testid="milestones-list">{list}</ul>
        <CompareTwo />
    }
}
