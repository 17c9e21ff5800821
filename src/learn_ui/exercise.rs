//! The exercise being worked on: its brief (situation, goal, constraints),
//! the live checklist, Check (the simulated checks, run in the worker),
//! hints one at a time, the debrief after a pass, the reference solution,
//! and "Copy exercise link".
//!
//! What must stay true: every check line shows what was measured against
//! what is required, and a line about a component offers a button that
//! selects it and brings it into view; the debrief shows only once the
//! exercise is passed; the reference only after a pass or every hint
//! ([`may_compare`]); while the reference is shown, "Back to my design" is
//! the one way back and Check is off.

use super::checklist::{brief_parts, mark_words, may_compare, ChecklistSummary};
use super::route::LearnRoute;
use super::state::{use_learn_state, LearnState};
use super::worker::{self, ask};
use crate::engine::learn::progress::ExerciseStatus;
use crate::ui::browser::app_address;
use crate::ui::share::{copy_to_clipboard, share_url};
use crate::worker_protocol::learn::{CheckLine, CheckMark, LearnRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The word and class of a check's mark.
fn mark_word(mark: CheckMark) -> &'static str {
    match mark {
        CheckMark::Passed => "passed",
        CheckMark::Failed => "failed",
        CheckMark::NeedsRun => "needs_run",
    }
}

/// One line of the checklist.
#[component]
fn CheckRow(
    /// The check's state.
    check: CheckLine,
) -> impl IntoView {
    let learn = use_learn_state();
    let show = check.component.map(|component| {
        let reveal = move |_| learn.host().reveal(component);
        view! {
            <button class="ap-button ap-learn__show" data-testid=format!("learn-show-{}", check.id) on:click=reveal>
                "Show the component"
            </button>
        }
    });
    view! {
        <li class="ap-learn__check" data-testid=format!("learn-check-{}", check.id) data-mark=mark_word(check.mark)>
            <span class="ap-learn__check-label">{check.label.clone()}</span>
            <span class="ap-learn__check-state">{mark_words(&check)}</span>
            {show}
        </li>
    }
}

/// Copies `#learn/<id>/<link of the design>` to the clipboard.
fn copy_exercise_link(learn: LearnState, exercise: String) {
    let request = LearnRequest::Link(learn.host().snapshot());
    ask(learn.worker(), request, worker::text, move |answer| {
        let link = match answer {
            Ok(link) => link,
            Err(error) => {
                return learn.message.set(Some(format!(
                    "The exercise link could not be made: {error}."
                )))
            }
        };
        let route = LearnRoute::ExerciseWithDesign { exercise, link };
        let url = share_url(&app_address(), &route.fragment());
        spawn_local(async move {
            learn.message.set(Some(match copy_to_clipboard(&url).await {
                Ok(()) => {
                    "Exercise link copied: it opens this exercise with your design.".to_string()
                }
                Err(problem) => format!("The exercise link could not be copied ({problem}): {url}"),
            }));
        });
    });
}

/// The exercise being worked on.
#[component]
pub fn ExercisePanel() -> impl IntoView {
    let learn = use_learn_state();
    let brief = move || learn.active.get();
    let id = move || {
        learn
            .active
            .with(|a| a.as_ref().map(|b| b.entry.id.clone()).unwrap_or_default())
    };
    let progress = Memo::new(move |_| {
        let id = id();
        learn.progress.with(|progress| progress.of(&id))
    });
    let passed = move || progress.get().status == ExerciseStatus::Passed;
    let hints_total = move || {
        learn
            .active
            .with(|a| a.as_ref().map_or(0, |b| b.hints.len()))
    };
    let every_hint_shown = move || progress.get().hints_shown as usize >= hints_total();
    let comparing = move || learn.kept_design.with(Option::is_some);
    let summary = move || {
        learn
            .checks
            .with(|checks| ChecklistSummary::of(checks).sentence())
    };
    let hints = move || {
        let shown = progress.get().hints_shown as usize;
        learn.active.with(|a| {
            a.as_ref()
                .map(|b| b.hints.iter().take(shown).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="ap-learn__head">
            <button class="ap-button" data-testid="learn-back" on:click=move |_| learn.leave_exercise()>
                "← Path"
            </button>
            <button class="ap-button" data-testid="learn-close" on:click=move |_| learn.close()>
                "Close"
            </button>
        </div>
        {move || brief().map(|brief| view! {
            <h2 class="ap-learn__title" data-testid="learn-exercise-title">{brief.entry.title}</h2>
            <p class="ap-learn__section-name">{brief.entry.section}</p>
            <dl class="ap-learn__brief" data-testid="learn-brief">
                {brief_parts(&brief.brief)
                    .into_iter()
                    .map(|(label, text)| view! { <dt>{label}</dt><dd>{text}</dd> })
                    .collect_view()}
                <dt>"Simulated checks run"</dt><dd>{brief.scenario}</dd>
            </dl>
        })}
        <h3 class="ap-learn__subhead">"Checks"</h3>
        <p class="ap-learn__summary" data-testid="learn-summary">
            {summary} ". Instant checks follow every edit; simulated ones run when you press Check."
        </p>
        <ul class="ap-learn__checks" data-testid="learn-checklist">
            <For each=move || learn.checks.get() key=|check| (check.id.clone(), check.mark, check.measured.clone()) let:check>
                <CheckRow check />
            </For>
        </ul>
        <button
            class="ap-button ap-button--primary"
            data-testid="learn-check"
            disabled=move || learn.checking.get() || comparing()
            on:click=move |_| learn.check()
        >
            {move || if learn.checking.get() { "Checking…" } else { "Check" }}
        </button>
        <Show when=move || learn.checking.get()>
            <p class="ap-learn__progress" role="status" data-testid="learn-checking">
                <progress aria-label="Running the exercise's simulations"></progress>
                " Running the exercise's simulations (its seeds, arrival profile and faults) in the worker…"
            </p>
        </Show>
        <h3 class="ap-learn__subhead">"Hints"</h3>
        <ol class="ap-learn__hints" data-testid="learn-hints">
            {move || hints().into_iter().map(|hint| view! { <li>{hint}</li> }).collect_view()}
        </ol>
        <button
            class="ap-button"
            data-testid="learn-hint"
            disabled=every_hint_shown
            on:click=move |_| learn.reveal_hint()
        >
            {move || format!("Show a hint ({} of {} shown)", progress.get().hints_shown, hints_total())}
        </button>
        <Show when=passed>
            <section class="ap-learn__debrief" data-testid="learn-debrief">
                <h3 class="ap-learn__subhead">"Passed: what this shows"</h3>
                <p>{move || learn.active.with(|a| a.as_ref().map(|b| b.debrief.clone()).unwrap_or_default())}</p>
            </section>
        </Show>
        <div class="ap-learn__tools">
            <Show
                when=comparing
                fallback=move || view! {
                    <button
                        class="ap-button"
                        data-testid="learn-compare"
                        disabled=move || !may_compare(passed(), progress.get().hints_shown, hints_total())
                        title="Opens after a pass, or once every hint is shown"
                        on:click=move |_| learn.compare_with_reference()
                    >
                        "Compare with the reference"
                    </button>
                }
            >
                <button class="ap-button ap-button--primary" data-testid="learn-back-to-mine" on:click=move |_| learn.back_to_my_design()>
                    "Back to my design"
                </button>
                <span class="ap-learn__note">"The canvas shows the reference solution; your design is kept."</span>
            </Show>
            <button class="ap-button" data-testid="learn-copy-link" on:click=move |_| copy_exercise_link(learn, id())>
                "Copy exercise link"
            </button>
        </div>
    }
}
