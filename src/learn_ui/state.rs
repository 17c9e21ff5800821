//! The Learn module's state: a `Copy` handle of signals whose methods are
//! named after what the student means (open the path, start an exercise,
//! check, reveal a hint, compare with the reference, go back to my design).
//! Everything an exercise is (its catalog entry, brief, checks, designs) and
//! all grading come from the module's worker ([`LearnRequest`]); the design
//! on the canvas is the page's, reached through the bridge ([`Host`]).
//!
//! What must stay true:
//! - Designs reach the canvas only through [`Host::open_design`] (the page's
//!   load path: one undo step, runs and overlays forgotten), as snapshots.
//! - The student's design is kept while the reference is shown and put back
//!   exactly by [`LearnState::back_to_my_design`]; nothing is graded or
//!   passed while the reference is on the canvas.
//! - An answer for an older grading request than the latest is dropped, so
//!   the checklist always describes the design on the canvas.
//! - Progress is written to storage after every change of it ([`super::storage`]).

use super::challenge::ChallengeState;
use super::checklist::ChecklistSummary;
use super::effects::set_address_route;
use super::route::LearnRoute;
use super::storage::save_progress;
use super::worker::{self, ask, LearnWorker};
use crate::engine::learn::progress::{ExerciseStatus, Progress};
use crate::learn_bridge::Host;
use crate::worker_protocol::learn::{
    CheckLine, ExerciseBrief, ExerciseEntry, LearnAnswer, LearnRequest,
};
use leptos::prelude::*;

/// Which design an exercise starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartFrom {
    /// Its starting design (a fresh start).
    StartDesign,
    /// The design on the canvas, when the exercise was started before (a
    /// reload of `#learn/<id>` resumes the autosaved work); otherwise its
    /// starting design.
    Resume,
    /// The design in an exercise link's share-link payload.
    Link(String),
}

/// The Learn module's signals, provided at its root.
#[derive(Clone, Copy)]
pub struct LearnState {
    host: StoredValue<Host, LocalStorage>,
    worker: LearnWorker,
    /// Counts the changes of the page's design it reported (for grading after edits).
    pub revision: RwSignal<u64>,
    /// The challenge link being worked on, if any.
    pub challenge: ChallengeState,
    /// The path, once the worker sent it.
    pub entries: RwSignal<Option<Vec<ExerciseEntry>>>,
    /// The exercise being worked on.
    pub active: RwSignal<Option<ExerciseBrief>>,
    /// The checklist of the design on the canvas.
    pub checks: RwSignal<Vec<CheckLine>>,
    /// Whether the simulated checks are running in the worker.
    pub checking: RwSignal<bool>,
    /// The student's progress.
    pub progress: RwSignal<Progress>,
    /// The student's design (a snapshot), kept while the reference is shown.
    pub kept_design: RwSignal<Option<String>>,
    /// The Learn view's last message (an answer that failed, an export done).
    pub message: RwSignal<Option<String>>,
    /// Counts grading requests, so only the latest answer is shown.
    grade_serial: StoredValue<u64>,
    /// The revision of the design the running Check grades.
    checked_revision: StoredValue<u64>,
}

/// The Learn state provided at the root.
pub fn use_learn_state() -> LearnState {
    use_context::<LearnState>()
        .unwrap_or_else(|| panic!("LearnState is provided at the root of the Learn module"))
}

impl LearnState {
    /// The Learn module's state over the page's `host`, with `progress` as read from storage.
    pub fn new(host: Host, progress: Progress) -> LearnState {
        LearnState {
            host: StoredValue::new_local(host),
            worker: LearnWorker::new(),
            revision: RwSignal::new(0),
            challenge: ChallengeState::new(),
            entries: RwSignal::new(None),
            active: RwSignal::new(None),
            checks: RwSignal::new(Vec::new()),
            checking: RwSignal::new(false),
            progress: RwSignal::new(progress),
            kept_design: RwSignal::new(None),
            message: RwSignal::new(None),
            grade_serial: StoredValue::new(0),
            checked_revision: StoredValue::new(0),
        }
    }

    /// The page's host: its design, notices, and the Learn view's visibility.
    pub fn host(&self) -> Host {
        self.host.get_value()
    }

    /// The module's connection to its worker.
    pub fn worker(&self) -> LearnWorker {
        self.worker
    }

    /// Shows `text` as the Learn view's message.
    pub fn fail(&self, text: String) {
        self.message.set(Some(text));
    }

    /// Changes the progress and writes it to storage.
    pub fn update_progress(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        self.progress
            .with_untracked(|progress| save_progress(*self, progress));
    }

    /// The page shows the Learn view again (its button): the address names
    /// the exercise being worked on, or the path.
    pub fn show(&self) {
        let active = self
            .active
            .with_untracked(|active| active.as_ref().map(|b| b.entry.id.clone()));
        match active {
            Some(exercise) => set_address_route(&LearnRoute::Exercise(exercise)),
            None => self.open_path(),
        }
    }

    /// Shows the path (asking the worker for it the first time).
    pub fn open_path(&self) {
        if self.active.with_untracked(Option::is_none) {
            set_address_route(&LearnRoute::Path);
        }
        self.load_path();
    }

    /// Asks the worker for the path, unless it sent it already.
    pub fn load_path(&self) {
        if self.entries.with_untracked(Option::is_some) {
            return;
        }
        let this = *self;
        ask(
            self.worker,
            LearnRequest::List,
            worker::list,
            move |answer| match answer {
                Ok(entries) => this.entries.set(Some(entries)),
                Err(error) => this.fail(format!("The exercises could not be listed: {error}.")),
            },
        );
    }

    /// Hides the Learn view; the exercise stays active for when it comes back.
    pub fn close(&self) {
        self.host().close();
    }

    /// Leaves the exercise for the path (the design stays on the canvas).
    pub fn leave_exercise(&self) {
        if self.kept_design.with_untracked(Option::is_some) {
            self.back_to_my_design();
        }
        self.active.set(None);
        self.checks.set(Vec::new());
        self.message.set(None);
        self.open_path();
    }

    /// Follows a Learn address.
    pub fn follow(&self, route: LearnRoute) {
        match route {
            LearnRoute::Path => self.open_path(),
            LearnRoute::Exercise(exercise) => self.start(exercise, StartFrom::Resume),
            LearnRoute::ExerciseWithDesign { exercise, link } => {
                self.start(exercise, StartFrom::Link(link))
            }
            LearnRoute::Challenge(text) => self.open_challenge(text),
        }
    }

    /// Starts `exercise` from the design `from` says.
    pub fn start(&self, exercise: String, from: StartFrom) {
        let this = *self;
        self.open_path();
        let request = LearnRequest::Start {
            exercise: exercise.clone(),
        };
        let started = |answer| match answer {
            LearnAnswer::Started(brief) => Some(*brief),
            _ => None,
        };
        ask(self.worker, request, started, move |answer| {
            let brief = match answer {
                Ok(brief) => brief,
                Err(error) => {
                    return this.fail(format!(
                        "The exercise \u{201c}{exercise}\u{201d} could not be started: {error}. Your design is unchanged."
                    ))
                }
            };
            let start = brief.start_design.clone();
            this.challenge.close();
            this.kept_design.set(None);
            this.message.set(None);
            this.checks.set(brief.checks.clone());
            let title = brief.entry.title.clone();
            this.active.set(Some(brief));
            let started_before = this.progress.with_untracked(|progress| {
                progress.of(&exercise).status != ExerciseStatus::NotStarted
            });
            this.update_progress(|progress| progress.start(&exercise));
            set_address_route(&LearnRoute::Exercise(exercise.clone()));
            match from {
                StartFrom::Link(link) => this.open_linked_design(title, link),
                StartFrom::Resume if started_before => this.grade_now(),
                StartFrom::Resume | StartFrom::StartDesign => {
                    if let Err(error) = this
                        .host()
                        .open_design(&start, &format!("started the exercise {title}"))
                    {
                        this.fail(format!("The starting design could not be read: {error}."));
                    }
                }
            }
        });
    }

    /// Opens the design an exercise link carries.
    fn open_linked_design(&self, title: String, link: String) {
        let this = *self;
        ask(
            self.worker,
            LearnRequest::OpenLink(link),
            worker::design,
            move |answer| {
                let opened = answer.and_then(|snapshot| {
                    this.host().open_design(
                        &snapshot,
                        &format!("opened the exercise {title} with the linked design"),
                    )
                });
                match opened {
                Ok(()) => {}
                Err(error) => this.fail(format!(
                    "The design in this exercise link could not be read ({error}); the exercise is open with the design you had."
                )),
            }
            },
        );
    }

    /// The id of the exercise being worked on, while its own design is on
    /// the canvas (not the reference).
    fn gradable(&self) -> Option<String> {
        if self.kept_design.with_untracked(Option::is_some) {
            return None;
        }
        self.active
            .with_untracked(|active| active.as_ref().map(|b| b.entry.id.clone()))
    }

    /// Numbers a new grading request; only the latest one's answer is shown.
    fn next_grading(&self) -> u64 {
        let serial = self.grade_serial.get_value() + 1;
        self.grade_serial.set_value(serial);
        serial
    }

    /// Grades the instant checks of the design on the canvas (the effect in
    /// [`super::effects`] calls this, debounced, after every edit).
    pub fn grade_now(&self) {
        let Some(exercise) = self.gradable() else {
            return;
        };
        // A Check of this very design is running: it grades the instant
        // checks too, and a grading now would throw its answer away.
        if self.checking.get_untracked()
            && self.checked_revision.get_value() == self.revision.get_untracked()
        {
            return;
        }
        let serial = self.next_grading();
        let design = self.host().snapshot();
        let this = *self;
        let request = LearnRequest::Grade { exercise, design };
        ask(self.worker, request, worker::graded, move |answer| {
            if this.grade_serial.get_value() != serial {
                return;
            }
            match answer {
                Ok(checks) => this.checks.set(checks),
                Err(error) => this.fail(format!("The checks could not be graded: {error}.")),
            }
        });
    }

    /// Runs every check, simulations included, on the design on the canvas.
    pub fn check(&self) {
        let Some(exercise) = self.gradable() else {
            return;
        };
        if self.checking.get_untracked() {
            return;
        }
        let serial = self.next_grading();
        self.checked_revision
            .set_value(self.revision.get_untracked());
        self.checking.set(true);
        let design = self.host().snapshot();
        let this = *self;
        let id = exercise.clone();
        let request = LearnRequest::Check { exercise, design };
        ask(self.worker, request, worker::graded, move |answer| {
            this.checking.set(false);
            if this.grade_serial.get_value() != serial {
                return;
            }
            match answer {
                Ok(checks) => {
                    let passed = ChecklistSummary::of(&checks).all_passed();
                    this.checks.set(checks);
                    if passed {
                        this.update_progress(|progress| progress.pass(&id));
                    }
                }
                Err(error) => this.fail(format!("The checks could not run: {error}.")),
            }
        });
    }

    /// Reveals the next hint of the active exercise.
    pub fn reveal_hint(&self) {
        let Some((id, available)) = self.active.with_untracked(|active| {
            active
                .as_ref()
                .map(|b| (b.entry.id.clone(), b.hints.len() as u32))
        }) else {
            return;
        };
        self.update_progress(|progress| {
            progress.reveal_hint(&id, available);
        });
    }

    /// Keeps the student's design and shows the reference solution in its place.
    pub fn compare_with_reference(&self) {
        let Some(exercise) = self.gradable() else {
            return;
        };
        let this = *self;
        let request = LearnRequest::Reference { exercise };
        ask(self.worker, request, worker::design, move |answer| {
            let mine = this.host().snapshot();
            let shown = answer.and_then(|reference| {
                this.host()
                    .open_design(&reference, "showing the reference solution")
            });
            match shown {
                Ok(()) => this.kept_design.set(Some(mine)),
                Err(error) => this.fail(format!("The reference could not be shown: {error}.")),
            }
        });
    }

    /// Puts the student's design back exactly as it was before the reference was shown.
    pub fn back_to_my_design(&self) {
        if let Some(mine) = self.kept_design.get_untracked() {
            self.kept_design.set(None);
            if let Err(error) = self.host().open_design(&mine, "back to your design") {
                self.fail(format!("Your design could not be put back: {error}."));
            }
        }
    }
}
