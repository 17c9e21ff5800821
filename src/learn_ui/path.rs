//! The Learn path: every exercise grouped by the document's section, each
//! with its status (not started / in progress / passed), the overall
//! progress, and the progress tools (export, import, reset).
//!
//! What must stay true: sections appear in the catalog's order, each once;
//! every exercise row carries `data-testid="learn-exercise-<id>"` and its
//! status `data-status`; the figures come from the stored progress only.

use super::checklist::path_sentence;
use super::maker::ChallengeMaker;
use super::state::{use_learn_state, StartFrom};
use super::storage::{export_progress, import_progress, reset_progress};
use crate::worker_protocol::learn::ExerciseEntry;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// Groups `entries` by section, keeping the catalog's order.
fn sections(entries: &[ExerciseEntry]) -> Vec<(String, Vec<ExerciseEntry>)> {
    let mut sections: Vec<(String, Vec<ExerciseEntry>)> = Vec::new();
    for entry in entries {
        match sections.iter_mut().find(|(name, _)| *name == entry.section) {
            Some((_, list)) => list.push(entry.clone()),
            None => sections.push((entry.section.clone(), vec![entry.clone()])),
        }
    }
    sections
}

/// One exercise in the path.
#[component]
fn PathRow(
    /// The exercise.
    entry: ExerciseEntry,
) -> impl IntoView {
    let learn = use_learn_state();
    let id = entry.id.clone();
    let status = {
        let id = id.clone();
        Memo::new(move |_| learn.progress.with(|progress| progress.of(&id).status))
    };
    let start = {
        let id = id.clone();
        move |_| learn.start(id.clone(), StartFrom::StartDesign)
    };
    view! {
        <li
            class="ap-learn__row"
            data-testid=format!("learn-exercise-{id}")
            data-status=move || status.get().word()
        >
            <button class="ap-learn__start" data-testid=format!("learn-start-{id}") on:click=start>
                {entry.title}
            </button>
            <span class="ap-learn__status" data-status=move || status.get().word()>
                {move || status.get().label()}
            </span>
            <p class="ap-learn__summary">{entry.summary}</p>
        </li>
    }
}

/// The path of exercises and the progress tools.
#[component]
pub fn LearnPath() -> impl IntoView {
    let learn = use_learn_state();
    let overall = move || {
        learn.entries.with(|entries| {
            let entries = entries.as_deref().unwrap_or_default();
            let passed = learn
                .progress
                .with(|progress| progress.passed_among(entries.iter().map(|e| e.id.as_str())));
            path_sentence(passed, entries.len())
        })
    };
    let on_import = move |event: web_sys::Event| {
        if let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        {
            import_progress(learn, &input);
        }
    };
    view! {
        <div class="ap-learn__head">
            <h2 class="ap-learn__title">"Learn"</h2>
            <button class="ap-button" data-testid="learn-close" on:click=move |_| learn.close()>
                "Close"
            </button>
        </div>
        <p class="ap-learn__overall" data-testid="learn-overall">
            {overall} " (kept in this browser)"
        </p>
        {move || match learn.entries.get() {
            None => view! { <p class="ap-learn__loading">"Loading the exercises…"</p> }.into_any(),
            Some(entries) => view! {
                <ol class="ap-learn__sections">
                    {sections(&entries)
                        .into_iter()
                        .map(|(section, entries)| view! {
                            <li class="ap-learn__section">
                                <h3 class="ap-learn__section-name">{section}</h3>
                                <ul class="ap-learn__rows">
                                    {entries.into_iter().map(|entry| view! { <PathRow entry /> }).collect_view()}
                                </ul>
                            </li>
                        })
                        .collect_view()}
                </ol>
            }.into_any(),
        }}
        <div class="ap-learn__tools">
            <button class="ap-button" data-testid="learn-export" on:click=move |_| export_progress(learn)>
                "Export progress"
            </button>
            <label class="ap-button" data-testid="learn-import-label">
                "Import progress"
                <input type="file" accept=".json,application/json" class="ap-visually-hidden" data-testid="learn-import" on:change=on_import />
            </label>
            <button class="ap-button" data-testid="learn-reset" on:click=move |_| reset_progress(learn)>
                "Reset progress"
            </button>
        </div>
        <ChallengeMaker />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, section: &str) -> ExerciseEntry {
        ExerciseEntry {
            id: id.to_string(),
            section: section.to_string(),
            title: id.to_string(),
            summary: String::new(),
        }
    }

    #[test]
    fn sections_keep_the_catalog_order_and_appear_once() {
        let entries = [
            entry("a", "SOLID"),
            entry("b", "Rubric"),
            entry("c", "SOLID"),
        ];
        let grouped: Vec<(String, Vec<String>)> = sections(&entries)
            .into_iter()
            .map(|(name, list)| (name, list.into_iter().map(|e| e.id).collect()))
            .collect();
        assert_eq!(
            grouped,
            [
                ("SOLID".to_string(), vec!["a".to_string(), "c".to_string()]),
                ("Rubric".to_string(), vec!["b".to_string()]),
            ]
        );
    }
}
