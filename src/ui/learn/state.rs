//! The Learn view's state: a `Copy` handle of signals whose methods are
//! named after what the student means (open the path, start an exercise,
//! check, reveal a hint, compare with the reference, go back to my design).
//! Everything an exercise is (its catalog entry, brief, checks, designs) and
//! all grading come from the worker ([`crate::worker_protocol::LearnRequest`]).
//!
//! What must stay true:
//! - Designs reach the canvas only through [`AppState::open_design`] (one
//!   undo step, runs and overlays forgotten), never by poking the design.
//! - The student's design is kept while the reference is shown and put back
//!   exactly by [`LearnState::back_to_my_design`]; nothing is graded or
//!   passed while the reference is on the canvas.
//! - An answer for an older grading request than the latest is dropped, so
//!   the checklist always describes the design on the canvas.
//! - Progress is written to storage after every change of it ([`super::storage`]).

use super::checklist::ChecklistSummary;
use super::effects::set_address_route;
use super::progress::{ExerciseStatus, Progress};
use super::route::LearnRoute;
use super::storage::save_progress;
use crate::engine::model::Design;
use crate::engine::share::{decode_snapshot, encode_snapshot};
use crate::ui::browser::clear_address_fragment;
use crate::ui::state::AppState;
use crate::worker_protocol::Task;
use crate::worker_protocol::{CheckLine, ExerciseBrief, ExerciseEntry, LearnAnswer, LearnRequest};
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

/// The Learn view's signals, provided at the root.
#[derive(Clone, Copy)]
pub struct LearnState {
    app: AppState,
    /// Whether the Learn view is shown.
    pub open: RwSignal<bool>,
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
    /// The student's design, kept while the reference is shown.
    pub kept_design: RwSignal<Option<Design>>,
    /// The Learn view's last message (an answer that failed, an export done).
    pub message: RwSignal<Option<String>>,
    /// Counts grading requests, so only the latest answer is shown.
    grade_serial: StoredValue<u64>,
}

/// The Learn state provided at the root.
pub fn use_learn_state() -> LearnState {
    use_context::<LearnState>()
        .unwrap_or_else(|| panic!("LearnState is provided at the root of the app"))
}

impl LearnState {
    /// A closed Learn view over `app`, with `progress` as read from storage.
    pub fn new(app: AppState, progress: Progress) -> LearnState {
        LearnState {
            app,
            open: RwSignal::new(false),
            entries: RwSignal::new(None),
            active: RwSignal::new(None),
            checks: RwSignal::new(Vec::new()),
            checking: RwSignal::new(false),
            progress: RwSignal::new(progress),
            kept_design: RwSignal::new(None),
            message: RwSignal::new(None),
            grade_serial: StoredValue::new(0),
        }
    }

    /// The app state under the Learn view.
    pub fn app(&self) -> AppState {
        self.app
    }

    fn fail(&self, text: String) {
        self.message.set(Some(text));
    }

    /// Changes the progress and writes it to storage.
    pub fn update_progress(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        self.progress
            .with_untracked(|progress| save_progress(*self, progress));
    }

    /// Shows the path (asking the worker for it the first time).
    pub fn open_path(&self) {
        self.open.set(true);
        if self.active.with_untracked(Option::is_none) {
            set_address_route(&LearnRoute::Path);
        }
        if self.entries.with_untracked(Option::is_some) {
            return;
        }
        let this = *self;
        self.app
            .worker()
            .ask_learn(LearnRequest::List, move |answer| match answer {
                Ok(LearnAnswer::List(entries)) => this.entries.set(Some(entries)),
                Ok(_) => this.fail("the worker answered with something else than the path".into()),
                Err(error) => this.fail(format!("The exercises could not be listed: {error}.")),
            });
    }

    /// Hides the Learn view; the exercise stays active for when it comes back.
    pub fn close(&self) {
        self.open.set(false);
        clear_address_fragment();
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
        }
    }

    /// Starts `exercise` from the design `from` says.
    pub fn start(&self, exercise: String, from: StartFrom) {
        let this = *self;
        self.open_path();
        let request = LearnRequest::Start {
            exercise: exercise.clone(),
        };
        self.app.worker().ask_learn(request, move |answer| {
            let brief = match answer {
                Ok(LearnAnswer::Started(brief)) => *brief,
                Ok(_) => return this.fail("the worker answered with something else".into()),
                Err(error) => {
                    return this.fail(format!(
                        "The exercise \u{201c}{exercise}\u{201d} could not be started: {error}. Your design is unchanged."
                    ))
                }
            };
            let start = decode_snapshot(&brief.start_design);
            this.kept_design.set(None);
            this.message.set(None);
            this.checks.set(brief.checks.clone());
            let title = brief.entry.title.clone();
            this.active.set(Some(brief));
            let started_before = this
                .progress
                .with_untracked(|progress| progress.of(&exercise).status != ExerciseStatus::NotStarted);
            this.update_progress(|progress| progress.start(&exercise));
            set_address_route(&LearnRoute::Exercise(exercise.clone()));
            match from {
                StartFrom::Link(link) => this.open_linked_design(title, link),
                StartFrom::Resume if started_before => this.grade_now(),
                StartFrom::Resume | StartFrom::StartDesign => match start {
                    Ok(design) => this
                        .app
                        .open_design(design, format!("started the exercise {title}")),
                    Err(error) => this.fail(format!("The starting design could not be read: {error}.")),
                },
            }
        });
    }

    /// Opens the design an exercise link carries.
    fn open_linked_design(&self, title: String, link: String) {
        let this = *self;
        self.app.worker().ask(Task::OpenLink(link), move |answer| {
            match answer.and_then(|snapshot| decode_snapshot(&snapshot).map_err(|e| e.to_string())) {
                Ok(design) => this
                    .app
                    .open_design(design, format!("opened the exercise {title} with the linked design")),
                Err(error) => this.fail(format!(
                    "The design in this exercise link could not be read ({error}); the exercise is open with the design you had."
                )),
            }
        });
    }

    /// Grades the instant checks of the design on the canvas (the effect in
    /// [`super::effects`] calls this, debounced, after every edit).
    pub fn grade_now(&self) {
        let Some(exercise) = self
            .active
            .with_untracked(|active| active.as_ref().map(|b| b.entry.id.clone()))
        else {
            return;
        };
        if self.kept_design.with_untracked(Option::is_some) {
            return;
        }
        let serial = self.grade_serial.get_value() + 1;
        self.grade_serial.set_value(serial);
        let design = self.app.design().with_untracked(encode_snapshot);
        let this = *self;
        self.app
            .worker()
            .ask_learn(LearnRequest::Grade { exercise, design }, move |answer| {
                if this.grade_serial.get_value() != serial {
                    return;
                }
                match answer {
                    Ok(LearnAnswer::Graded(checks)) => this.checks.set(checks),
                    Ok(_) => {}
                    Err(error) => this.fail(format!("The checks could not be graded: {error}.")),
                }
            });
    }

    /// Runs every check, simulations included, on the design on the canvas.
    pub fn check(&self) {
        let Some(exercise) = self
            .active
            .with_untracked(|active| active.as_ref().map(|b| b.entry.id.clone()))
        else {
            return;
        };
        if self.kept_design.with_untracked(Option::is_some) || self.checking.get_untracked() {
            return;
        }
        let serial = self.grade_serial.get_value() + 1;
        self.grade_serial.set_value(serial);
        self.checking.set(true);
        let design = self.app.design().with_untracked(encode_snapshot);
        let this = *self;
        let id = exercise.clone();
        self.app
            .worker()
            .ask_learn(LearnRequest::Check { exercise, design }, move |answer| {
                this.checking.set(false);
                if this.grade_serial.get_value() != serial {
                    return;
                }
                match answer {
                    Ok(LearnAnswer::Graded(checks)) => {
                        let passed = ChecklistSummary::of(&checks).all_passed();
                        this.checks.set(checks);
                        if passed {
                            this.update_progress(|progress| progress.pass(&id));
                        }
                    }
                    Ok(_) => {}
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
        let Some(exercise) = self
            .active
            .with_untracked(|active| active.as_ref().map(|b| b.entry.id.clone()))
        else {
            return;
        };
        if self.kept_design.with_untracked(Option::is_some) {
            return;
        }
        let this = *self;
        self.app.worker().ask_learn(
            LearnRequest::Reference { exercise },
            move |answer| match answer {
                Ok(LearnAnswer::Design(snapshot)) => match decode_snapshot(&snapshot) {
                    Ok(reference) => {
                        this.kept_design
                            .set(Some(this.app.design().get_untracked()));
                        this.app
                            .open_design(reference, "showing the reference solution".to_string());
                    }
                    Err(error) => this.fail(format!("The reference could not be read: {error}.")),
                },
                Ok(_) => {}
                Err(error) => this.fail(format!("The reference could not be made: {error}.")),
            },
        );
    }

    /// Puts the student's design back exactly as it was before the reference was shown.
    pub fn back_to_my_design(&self) {
        if let Some(design) = self.kept_design.get_untracked() {
            self.kept_design.set(None);
            self.app
                .open_design(design, "back to your design".to_string());
        }
    }
}
