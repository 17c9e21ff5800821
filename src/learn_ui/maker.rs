//! The teacher's form, at the foot of the Learn path: make a challenge from
//! the design on the canvas. (Written by track J as a toolbar menu.)
//! Checks are picked from the list of kinds (`CHECK_KINDS`: scores, cost,
//! run figures), each with a threshold in its unit (and a component where the
//! figure is per component); the graded run's arrival profile, faults (in the
//! inspector's faults syntax) and seed; a title, a brief and hints. "Try it"
//! has the worker make the challenge and grade the canvas with it, exactly
//! as a student's page will; "Copy challenge link" has the
//! worker write the `c1.` text and puts the link on the clipboard (and in a
//! box, for when the clipboard refuses).
//!
//! What must stay true: [`ChallengeForm::spec`] refuses every bad field
//! with a message naming it (shown beside the field as
//! `challenge-error-<field>`), and nothing is sent to the worker until the
//! form is valid; the form never changes the design. Test ids: the toggle
//! `challenge-maker-open`, `challenge-maker`, `maker-title`, `maker-brief`,
//! `maker-hints`, `maker-kind-N` / `maker-threshold-N` / `maker-component-N` (from 1),
//! `maker-add-check`, `maker-arrival`, `maker-seed`, `maker-faults`,
//! `maker-try`, `maker-copy`, `maker-link`.

mod form;

pub use form::{bound_words, component_placeholder, ChallengeForm, CheckRow, ARRIVALS};

use super::challenge::{grade_design, Checklist};
use super::state::{use_learn_state, LearnState};
use super::worker::{self, ask};
use crate::engine::learn::{ChallengeSpec, CheckKind, FieldProblem, Metric, CHECK_KINDS};
use crate::engine::model::Design;
use crate::engine::share::decode_snapshot;
use crate::ui::browser::app_address;
use crate::ui::share::{copy_to_clipboard, share_url};
use crate::worker_protocol::learn::{CheckLine, LearnRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One check row of the form, as signals.
#[derive(Clone, Copy)]
struct RowSignals {
    id: u32,
    kind: RwSignal<CheckKind>,
    component: RwSignal<String>,
    threshold: RwSignal<String>,
}

/// The toggle and, while open, the form.
#[component]
pub fn ChallengeMaker() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <div class="ap-challenge__make">
            <button type="button" class="ap-button" data-testid="challenge-maker-open" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|open| *open = !*open)>
                "Make a challenge"
            </button>
            <Show when=move || open.get()>
                <MakerForm open />
            </Show>
        </div>
    }
}

/// Builds the spec from the form, or shows every problem; `None` when invalid.
fn checked_spec(
    form: ChallengeForm,
    problems: RwSignal<Vec<FieldProblem>>,
) -> Option<ChallengeSpec> {
    match form.spec() {
        Ok(spec) => {
            problems.set(Vec::new());
            Some(spec)
        }
        Err(found) => {
            problems.set(found);
            None
        }
    }
}

/// Has the worker make the challenge text of `spec` over the canvas; `done` gets it or why not.
fn make_challenge(learn: LearnState, spec: ChallengeSpec, done: impl FnOnce(String) + 'static) {
    let design = learn.host().snapshot();
    let request = LearnRequest::MakeChallenge { spec, design };
    ask(
        learn.worker(),
        request,
        worker::text,
        move |answer| match answer {
            Ok(text) => done(text),
            Err(problem) => learn.fail(format!("The challenge could not be made: {problem}.")),
        },
    );
}

/// Shows the challenge link of `text` and puts it on the clipboard.
fn copy_link(learn: LearnState, text: String, link: RwSignal<Option<String>>) {
    let url = share_url(&app_address(), &text);
    _ = link.try_set(Some(url.clone()));
    spawn_local(async move {
        learn.message.set(Some(match copy_to_clipboard(&url).await {
            Ok(()) => "Challenge link copied: it opens this design with your checks.".to_string(),
            Err(problem) => format!(
                "The browser did not allow copying ({problem}): copy the challenge link from the box instead."
            ),
        }));
    });
}

/// The form itself.
#[component]
fn MakerForm(
    /// Whether the form is open (Close sets it false).
    open: RwSignal<bool>,
) -> impl IntoView {
    let learn = use_learn_state();
    let design =
        decode_snapshot(&learn.host().snapshot()).unwrap_or_else(|_| Design::new("design"));
    let start = ChallengeForm::for_design(&design);
    let title = RwSignal::new(start.title);
    let brief = RwSignal::new(start.brief);
    let hints = RwSignal::new(start.hints);
    let arrival = RwSignal::new(start.arrival);
    let seed = RwSignal::new(start.seed);
    let faults = RwSignal::new(start.faults);
    let next_id = StoredValue::new(0_u32);
    let new_row = move |row: CheckRow| {
        next_id.update_value(|id| *id += 1);
        RowSignals {
            id: next_id.get_value(),
            kind: RwSignal::new(row.kind),
            threshold: RwSignal::new(row.threshold),
            component: RwSignal::new(row.component),
        }
    };
    let rows = RwSignal::new(start.checks.into_iter().map(new_row).collect::<Vec<_>>());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let results = RwSignal::new(None::<Vec<CheckLine>>);
    let link = RwSignal::new(None::<String>);

    let form = move || ChallengeForm {
        title: title.get_untracked(),
        brief: brief.get_untracked(),
        hints: hints.get_untracked(),
        checks: rows
            .get_untracked()
            .iter()
            .map(|row| CheckRow {
                kind: row.kind.get_untracked(),
                threshold: row.threshold.get_untracked(),
                component: row.component.get_untracked(),
            })
            .collect(),
        arrival: arrival.get_untracked(),
        seed: seed.get_untracked(),
        faults: faults.get_untracked(),
    };
    let on_add = move |_| {
        rows.update(|rows| {
            rows.push(new_row(CheckRow::new(
                CheckKind::Simulated(Metric::P99Ms),
                "150",
            )))
        })
    };
    let on_try = move |_| {
        if let Some(spec) = checked_spec(form(), problems) {
            results.set(None);
            make_challenge(learn, spec, move |text| {
                grade_design(learn, text, move |graded| match graded {
                    Ok(graded) => _ = results.try_set(Some(graded)),
                    Err(problem) => {
                        learn.fail(format!("The challenge could not be graded: {problem}."))
                    }
                })
            });
        }
    };
    let on_copy = move |_| {
        if let Some(spec) = checked_spec(form(), problems) {
            make_challenge(learn, spec, move |text| copy_link(learn, text, link));
        }
    };
    let error = move |field: String| {
        view! {
            {move || problems.with(|problems| problems.iter().find(|p| p.field == field).map(|p| view! {
                <p class="ap-challenge__error" role="alert" data-testid=format!("challenge-error-{field}")>{p.message.clone()}</p>
            }))}
        }
    };

    view! {
        <section class="ap-challenge__maker" data-testid="challenge-maker" aria-label="Make a challenge">
            <h3 class="ap-learn__subhead">"Make a challenge from this design"</h3>
            <label class="ap-challenge__field">"Title"<input data-testid="maker-title" prop:value=title on:input=move |e| title.set(event_target_value(&e)) /></label>
            {error("title".to_string())}
            <label class="ap-challenge__field">"Brief: the situation, the goal, the constraints"<textarea data-testid="maker-brief" prop:value=brief on:input=move |e| brief.set(event_target_value(&e))></textarea></label>
            {error("brief".to_string())}
            <label class="ap-challenge__field">"Hints, one per line, revealed one at a time"<textarea data-testid="maker-hints" prop:value=hints on:input=move |e| hints.set(event_target_value(&e))></textarea></label>
            {error("hints".to_string())}
            <fieldset class="ap-challenge__checks">
                <legend>"Checks (all must pass)"</legend>
                <For each=move || rows.get() key=|row| row.id let:row>
                    <CheckRowInputs row rows />
                </For>
                <button type="button" class="ap-button" data-testid="maker-add-check" on:click=on_add>"Add a check"</button>
                {error("checks".to_string())}
                {move || (1..=rows.with(Vec::len)).map(|n| error(format!("check-{n}"))).collect_view()}
            </fieldset>
            <label class="ap-challenge__field">"Arrival profile of the graded run"
                <select data-testid="maker-arrival" on:change=move |e| { let slug = event_target_value(&e); if let Some((profile, _, _)) = ARRIVALS.iter().find(|(_, s, _)| *s == slug) { arrival.set(*profile) } }>
                    {ARRIVALS.iter().map(|(profile, slug, label)| view! { <option value=*slug selected=arrival.get_untracked() == *profile>{*label}</option> }).collect_view()}
                </select>
            </label>
            <label class="ap-challenge__field">"Seed of the graded run"<input data-testid="maker-seed" inputmode="numeric" prop:value=seed on:input=move |e| seed.set(event_target_value(&e)) /></label>
            {error("seed".to_string())}
            <label class="ap-challenge__field">"Faults (as in the inspector: kill api at 20s; latency db at 10s for 20s +50ms)"<input data-testid="maker-faults" prop:value=faults on:input=move |e| faults.set(event_target_value(&e)) /></label>
            {error("faults".to_string())}
            <div class="ap-challenge__actions">
                <button type="button" class="ap-button" data-testid="maker-try" on:click=on_try>"Try it on this design"</button>
                <button type="button" class="ap-button ap-button--primary" data-testid="maker-copy" on:click=on_copy>"Copy challenge link"</button>
                <button type="button" class="ap-button" data-testid="maker-close" on:click=move |_| open.set(false)>"Close"</button>
            </div>
            <Show when=move || link.with(Option::is_some)>
                <input class="ap-share__link" data-testid="maker-link" readonly prop:value=move || link.get().unwrap_or_default() />
            </Show>
            <Checklist results=results.into() />
        </section>
    }
}

/// One check row: metric, threshold, its bound and unit, and a remove button.
#[component]
fn CheckRowInputs(
    /// The row.
    row: RowSignals,
    /// Every row, to remove this one from.
    rows: RwSignal<Vec<RowSignals>>,
) -> impl IntoView {
    let number = move || {
        rows.with(|rows| {
            rows.iter()
                .position(|other| other.id == row.id)
                .map_or(0, |index| index + 1)
        })
    };
    let on_kind = move |e| {
        if let Some(kind) = CheckKind::from_slug(&event_target_value(&e)) {
            row.kind.set(kind);
        }
    };
    view! {
        <div class="ap-challenge__check">
            <select data-testid=move || format!("maker-kind-{}", number()) aria-label="What to check" on:change=on_kind>
                {CHECK_KINDS.iter().map(|info| view! { <option value=info.slug selected=row.kind.get_untracked() == info.kind>{info.label}</option> }).collect_view()}
            </select>
            <span class="ap-challenge__bound">{move || bound_words(row.kind.get())}</span>
            <input data-testid=move || format!("maker-threshold-{}", number()) aria-label="Threshold" inputmode="decimal" prop:value=row.threshold on:input=move |e| row.threshold.set(event_target_value(&e)) />
            {move || component_placeholder(row.kind.get()).map(|placeholder| view! {
                <input data-testid=format!("maker-component-{}", number()) aria-label="Component" placeholder=placeholder prop:value=row.component on:input=move |e| row.component.set(event_target_value(&e)) />
            })}
            <button type="button" class="ap-button" aria-label="Remove this check" on:click=move |_| rows.update(|rows| rows.retain(|other| other.id != row.id))>"Remove"</button>
        </div>
    }
}
