//! The Compare view: where design A comes from (pin the canvas, a template,
//! a file, a pasted link, a milestone), the actions (Run both, Copy compare
//! link), and the comparison of A with the canvas's design B.
//!
//! What must stay true: handlers are one line calling a state method; the
//! view says, before any figure, what A and B are and where A came from.

use super::changes::{ChangesList, RunsTable};
use super::state::use_compare_state;
use super::tables::{CostTable, EstimateTable, RubricTable, ScoreTable};
use crate::worker_protocol::compare::CompareRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

/// Reads the file chosen in `input` and pins it as A.
fn pin_chosen_file(input: HtmlInputElement) {
    let compare = use_compare_state();
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    spawn_local(async move {
        match JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|text| text.as_string())
        {
            Some(text) => compare.pin_from(CompareRequest::OpenFile(text), format!("file {name}")),
            None => compare.message.set(Some(format!(
                "{name} could not be read; design A was not changed."
            ))),
        }
    });
}

/// Where design A comes from.
#[component]
fn SourcePicker() -> impl IntoView {
    let compare = use_compare_state();
    let template = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let milestone = RwSignal::new(String::new());
    let use_template = move |_| {
        let name = template.get_untracked();
        if !name.is_empty() {
            compare.pin_from(
                CompareRequest::Template(name.clone()),
                format!("template {name}"),
            );
        }
    };
    let use_link = move |_| {
        compare.pin_from(
            CompareRequest::OpenLink(pasted.get_untracked()),
            "a pasted link".to_string(),
        )
    };
    let use_milestone = move |_| {
        if let Ok(index) = milestone.get_untracked().parse::<usize>() {
            compare.compare_with_canvas(index);
        }
    };
    let templates = move || {
        compare
            .templates
            .get()
            .into_iter()
            .map(|name| view! { <option value=name.clone()>{name.clone()}</option> })
            .collect_view()
    };
    let milestones = move || {
        compare
            .milestones
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, m)| view! { <option value=index.to_string()>{m.name}</option> })
            .collect_view()
    };
    view! {
        <fieldset class="ap-compare__sources">
            <legend>"Design A"</legend>
            <button type="button" class="ap-button" data-testid="compare-pin" on:click=move |_| compare.pin_canvas()>"Pin as A"</button>
            <label>"Template "
                <select data-testid="compare-template" on:change=move |event| template.set(event_target_value(&event))>
                    <option value="">"choose…"</option>
                    {templates}
                </select>
            </label>
            <button type="button" class="ap-button" data-testid="compare-use-template" on:click=use_template>"Use as A"</button>
            <label>"File "
                <input type="file" accept=".json,application/json" data-testid="compare-file"
                    on:change=move |event| pin_chosen_file(event_target::<HtmlInputElement>(&event)) />
            </label>
            <label>"Link "
                <input type="text" data-testid="compare-paste" prop:value=move || pasted.get()
                    on:input=move |event| pasted.set(event_target_value(&event)) />
            </label>
            <button type="button" class="ap-button" data-testid="compare-use-link" on:click=use_link>"Use link as A"</button>
            <label>"Milestone "
                <select data-testid="compare-milestone" on:change=move |event| milestone.set(event_target_value(&event))>
                    <option value="">"choose…"</option>
                    {milestones}
                </select>
            </label>
            <button type="button" class="ap-button" data-testid="compare-use-milestone" on:click=use_milestone>"Use as A"</button>
        </fieldset>
    }
}

/// Run both, with the seed and duration fields, and the runs or why they are stale.
#[component]
fn RunBoth() -> impl IntoView {
    let compare = use_compare_state();
    let runs = move || {
        compare
            .runs
            .get()
            .map(|runs| view! { <RunsTable runs=runs /> })
    };
    view! {
        <section class="ap-compare__runs" aria-label="Runs of both designs">
            <label>"Seed " <input type="text" inputmode="numeric" size="8" data-testid="compare-seed"
                prop:value=move || compare.seed.get() on:input=move |event| compare.seed.set(event_target_value(&event)) /></label>
            <label>"Duration, s " <input type="text" inputmode="decimal" size="6" data-testid="compare-duration"
                prop:value=move || compare.duration.get() on:input=move |event| compare.duration.set(event_target_value(&event)) /></label>
            <button type="button" class="ap-button" data-testid="compare-run-both" disabled=move || compare.running.get()
                on:click=move |_| compare.run_both()>
                {move || if compare.runs_stale.get() { "Run again" } else { "Run both" }}
            </button>
            {move || compare.running.get().then(|| view! { <p role="status" data-testid="compare-running">"Running A and B with the same seed…"</p> })}
            {move || compare.runs_stale.get().then(|| view! {
                <p class="ap-compare__warning" data-testid="compare-runs-stale">"A design changed since these runs: they are stale. Run again."</p>
            })}
            {runs}
        </section>
    }
}

/// A against the canvas: names, sources, actions and every table.
#[component]
pub fn CompareView() -> impl IntoView {
    let compare = use_compare_state();
    let source = move || {
        compare
            .pinned
            .get()
            .map(|pinned| pinned.source)
            .unwrap_or_default()
    };
    let results = move || {
        compare.compared.get().map(|compared| {
            let comparison = compared.comparison;
            view! {
                <p class="ap-compare__names">
                    "A: " <strong data-testid="compare-a-name">{comparison.names.a.clone()}</strong>
                    {format!(" (from {})", source())}
                    " · B: " <strong data-testid="compare-b-name">{comparison.names.b.clone()}</strong> " (the canvas)"
                </p>
                <div class="ap-compare__actions">
                    <button type="button" class="ap-button" data-testid="compare-copy-link" on:click=move |_| compare.copy_link()>"Copy compare link"</button>
                    {move || compare.link.get().map(|link| view! {
                        <input type="text" readonly aria-label="Compare link" data-testid="compare-link" prop:value=link />
                    })}
                </div>
                <ScoreTable comparison=comparison.clone() />
                <ChangesList comparison=comparison.clone() />
                <RubricTable comparison=comparison.clone() />
                <EstimateTable comparison=comparison.clone() />
                <CostTable comparison=comparison />
                <RunBoth />
            }
        })
    };
    view! {
        <SourcePicker />
        {move || compare.pinned.with(Option::is_none).then(|| view! {
            <p data-testid="compare-empty">"Pin the canvas's design as A (or take A from a template, a file, a link or a milestone), then edit the canvas: B is always the design on the canvas."</p>
        })}
        {results}
    }
}
