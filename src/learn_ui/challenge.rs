//! Opening a challenge link (`#c1.…` in the address) and the panel that
//! shows the open challenge: its title, brief, hints revealed one at a time,
//! and its checklist, graded by the worker when the student presses Check,
//! exactly as the teacher's page graded it (same engine, same seed, arrival
//! profile and faults). Written by track J; here inside the Learn module.
//!
//! What must stay true: a challenge link is read by the worker
//! ([`LearnRequest::OpenChallenge`]); a link that fails shows its reason as
//! the page's link notice and changes nothing (design, undo history,
//! autosave); a link that opens is one undo step and its fragment is then
//! removed from the address, as share links are. Results belong to the
//! design they graded: an edit clears them. Test ids: `challenge-panel`,
//! `challenge-title`, `challenge-brief`, `challenge-hint`,
//! `challenge-next-hint`, `challenge-check`, `challenge-checklist`,
//! `challenge-result` (with `data-passed`), `challenge-close`.

use super::checklist::mark_words;
use super::state::{use_learn_state, LearnState};
use super::worker::{self, ask};
use crate::learn_bridge::HostNotice;
use crate::ui::browser::clear_address_fragment;
use crate::ui::share::link_error_message;
use crate::worker_protocol::learn::{
    ChallengeSheet, CheckLine, CheckMark, LearnAnswer, LearnRequest,
};
use leptos::prelude::*;

/// An open challenge: its text (which grading sends back to the worker) and what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveChallenge {
    /// The `c1.` text.
    pub text: String,
    /// Title, brief, hints and check labels.
    pub sheet: ChallengeSheet,
}

/// The open challenge and its latest results.
#[derive(Clone, Copy)]
pub struct ChallengeState {
    /// The challenge being worked on, if any.
    pub active: RwSignal<Option<ActiveChallenge>>,
    /// Results of the last Check of the design as it is now.
    pub results: RwSignal<Option<Vec<CheckLine>>>,
    /// Whether a Check is under way.
    pub checking: RwSignal<bool>,
    /// How many hints are shown.
    pub hints_shown: RwSignal<usize>,
}

impl ChallengeState {
    /// No challenge open.
    pub fn new() -> ChallengeState {
        ChallengeState {
            active: RwSignal::new(None),
            results: RwSignal::new(None),
            checking: RwSignal::new(false),
            hints_shown: RwSignal::new(0),
        }
    }

    /// Closes the challenge (the design stays on the canvas).
    pub fn close(&self) {
        self.active.set(None);
        self.results.set(None);
    }
}

impl Default for ChallengeState {
    fn default() -> ChallengeState {
        ChallengeState::new()
    }
}

impl LearnState {
    /// Opens the challenge link `text`: its design replaces the canvas as one
    /// undo step and its panel opens; a broken link shows why and changes nothing.
    pub fn open_challenge(&self, text: String) {
        let this = *self;
        self.load_path();
        let request = LearnRequest::OpenChallenge(text.clone());
        let sheet = |answer| match answer {
            LearnAnswer::Challenge(sheet) => Some(*sheet),
            _ => None,
        };
        ask(self.worker(), request, sheet, move |answer| {
            let opened = answer.and_then(|sheet| {
                let what = format!("opened the challenge {}", sheet.title);
                this.host().open_design(&sheet.design, &what)?;
                Ok(sheet)
            });
            match opened {
                Ok(sheet) => {
                    this.active.set(None);
                    this.checks.set(Vec::new());
                    this.kept_design.set(None);
                    let challenge = this.challenge;
                    challenge.results.set(None);
                    challenge.hints_shown.set(0);
                    challenge.active.set(Some(ActiveChallenge { text, sheet }));
                    clear_address_fragment();
                }
                Err(reason) => this
                    .host()
                    .notice(HostNotice::Link, &link_error_message(&reason)),
            }
        });
    }
}

/// Grades the design on the canvas against the challenge text in the
/// worker; `done` gets the results or why not.
pub fn grade_design(
    learn: LearnState,
    challenge: String,
    done: impl FnOnce(Result<Vec<CheckLine>, String>) + 'static,
) {
    let design = learn.host().snapshot();
    let request = LearnRequest::GradeChallenge { challenge, design };
    ask(learn.worker(), request, worker::graded, done);
}

/// The results of a grading, one line per check: label, state, measured and required.
#[component]
pub fn Checklist(
    /// The results to show; `None` until graded.
    results: Signal<Option<Vec<CheckLine>>>,
) -> impl IntoView {
    view! {
        <ul class="ap-challenge__checklist" data-testid="challenge-checklist">
            {move || {
                results
                    .get()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|result| {
                        let passed = result.mark == CheckMark::Passed;
                        let words = mark_words(&result);
                        view! {
                            <li
                                class="ap-challenge__result"
                                class=("ap-challenge__result--passed", passed)
                                data-testid="challenge-result"
                                data-passed=passed.to_string()
                            >
                                <strong>{result.label}</strong>
                                {format!(": {words}")}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// The open challenge.
#[component]
pub fn ChallengePanel() -> impl IntoView {
    let learn = use_learn_state();
    let challenge = learn.challenge;
    // An edit makes the results describe another design.
    Effect::new(move |_| {
        learn.revision.track();
        challenge.results.set(None);
    });
    let on_check = move |_| {
        let Some(active) = challenge.active.get_untracked() else {
            return;
        };
        challenge.checking.set(true);
        grade_design(learn, active.text, move |graded| {
            _ = challenge.checking.try_set(false);
            match graded {
                Ok(results) => _ = challenge.results.try_set(Some(results)),
                Err(problem) => {
                    learn.fail(format!("The challenge could not be checked: {problem}."))
                }
            }
        });
    };
    let on_next_hint = move |_| challenge.hints_shown.update(|shown| *shown += 1);
    let sheet = move |read: fn(&ChallengeSheet) -> String| {
        challenge
            .active
            .with(|active| active.as_ref().map(|a| read(&a.sheet)))
    };
    let hints = move || {
        challenge
            .active
            .with(|active| active.as_ref().map_or(0, |a| a.sheet.hints.len()))
    };
    let every_hint_shown = move || challenge.hints_shown.get() >= hints();
    let note = move || {
        match challenge.results.with(|results| {
        results
            .as_ref()
            .map(|results| results.iter().all(|r| r.mark == CheckMark::Passed))
    }) {
        None => "Press Check to grade the design on the canvas: scores and cost come from the design, run figures from a run with the challenge's seed, arrival profile and faults.",
        Some(true) => "Every check passes.",
        Some(false) => "Some checks fail: change the design and check again.",
    }
    };
    view! {
        <section class="ap-challenge" data-testid="challenge-panel" aria-label="Challenge">
            <h2 class="ap-challenge__title" data-testid="challenge-title">{move || sheet(|s| s.title.clone())}</h2>
            <p class="ap-challenge__brief" data-testid="challenge-brief">{move || sheet(|s| s.brief.clone())}</p>
            <ol class="ap-challenge__hints">
                {move || {
                    let shown = challenge.hints_shown.get();
                    challenge.active.with(|active| {
                        active
                            .iter()
                            .flat_map(|a| a.sheet.hints.iter().take(shown).cloned())
                            .map(|hint| view! { <li data-testid="challenge-hint">{hint}</li> })
                            .collect_view()
                    })
                }}
            </ol>
            <div class="ap-challenge__actions">
                <button type="button" class="ap-button ap-button--primary" data-testid="challenge-check" disabled=move || challenge.checking.get() on:click=on_check>
                    {move || if challenge.checking.get() { "Checking…" } else { "Check" }}
                </button>
                <button type="button" class="ap-button" data-testid="challenge-next-hint" disabled=every_hint_shown on:click=on_next_hint>
                    "Show a hint"
                </button>
                <button type="button" class="ap-button" data-testid="challenge-close" on:click=move |_| challenge.close()>
                    "Close"
                </button>
            </div>
            <p class="ap-challenge__note">{note}</p>
            <Show when=move || challenge.results.with(Option::is_none)>
                <ul class="ap-challenge__checklist" data-testid="challenge-pending">
                    {move || challenge.active.with(|active| {
                        active
                            .iter()
                            .flat_map(|a| a.sheet.checks.clone())
                            .map(|label| view! { <li class="ap-challenge__result">{label}" (not checked yet)"</li> })
                            .collect_view()
                    })}
                </ul>
            </Show>
            <Checklist results=challenge.results.into() />
        </section>
    }
}
