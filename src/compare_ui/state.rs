//! The Compare module's state: a `Copy` handle of signals whose methods are
//! named after what the user means (pin the canvas as A, take A from a
//! template, a file, a link or a milestone, run both, copy the compare link,
//! save, open, rename and delete milestones). Comparing and running happen
//! in the module's worker ([`CompareRequest`]); design B is always the page's
//! design on the canvas, reached through the bridge ([`Host`]).
//!
//! What must stay true:
//! - Designs reach the canvas only through [`Host::open_design`] (one undo step).
//! - Only the answer to the latest comparison is shown, so the view always
//!   describes the canvas's design; runs made before a change of A or B are
//!   marked stale, never silently shown as current.
//! - The canvas marks are B's added and changed components of the latest comparison.

use super::storage;
use super::worker::{ask, CompareWorker};
use crate::engine::compare::RunComparison;
use crate::engine::share::milestones::{default_name, StoredMilestone};
use crate::module_bridge::{Host, HostNotice};
use crate::worker_protocol::compare::{CompareAnswer, CompareRequest, Compared};
use leptos::prelude::*;

/// The module's two views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// A against B.
    Compare,
    /// The saved milestones.
    Milestones,
}

/// Design A: a snapshot and where it came from, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Pinned {
    /// The design, as a snapshot.
    pub snapshot: String,
    /// Where it came from (`the canvas, pinned`, `template monolith`...).
    pub source: String,
}

/// The Compare module's signals, provided at its root.
#[derive(Clone, Copy)]
pub struct CompareState {
    host: StoredValue<Host, LocalStorage>,
    worker: CompareWorker,
    /// Which view shows.
    pub tab: RwSignal<Tab>,
    /// Design A, once chosen.
    pub pinned: RwSignal<Option<Pinned>>,
    /// The latest comparison of A with the canvas.
    pub compared: RwSignal<Option<Compared>>,
    /// The latest runs of both designs.
    pub runs: RwSignal<Option<RunComparison>>,
    /// Whether A or B changed since the runs.
    pub runs_stale: RwSignal<bool>,
    /// Whether both designs are running in the worker.
    pub running: RwSignal<bool>,
    /// The seed field of "Run both" (B's own seed until typed).
    pub seed: RwSignal<String>,
    /// The duration field of "Run both", seconds.
    pub duration: RwSignal<String>,
    /// The last compare link made, as a whole address.
    pub link: RwSignal<Option<String>>,
    /// The view's last message (an answer that failed, a link copied).
    pub message: RwSignal<Option<String>>,
    /// The templates A may come from.
    pub templates: RwSignal<Vec<String>>,
    /// The saved milestones.
    pub milestones: RwSignal<Vec<StoredMilestone>>,
    /// Why stored milestones could not be read, if they could not.
    pub milestones_problem: RwSignal<Option<String>>,
    /// Whether milestones may be written.
    pub milestones_writable: RwSignal<bool>,
    /// The milestone deleted last and where it was, for Undo.
    pub deleted: RwSignal<Option<(usize, StoredMilestone)>>,
    /// Counts the page's design changes.
    pub revision: RwSignal<u64>,
    /// Counts comparisons asked, so only the latest answer shows.
    serial: StoredValue<u64>,
}

/// The Compare state provided at the root.
pub fn use_compare_state() -> CompareState {
    use_context::<CompareState>()
        .unwrap_or_else(|| panic!("CompareState is provided at the root of the Compare module"))
}

impl CompareState {
    /// The state over the page's `host`, nothing pinned.
    pub fn new(host: Host) -> CompareState {
        CompareState {
            host: StoredValue::new_local(host),
            worker: CompareWorker::new(),
            tab: RwSignal::new(Tab::Compare),
            pinned: RwSignal::new(None),
            compared: RwSignal::new(None),
            runs: RwSignal::new(None),
            runs_stale: RwSignal::new(false),
            running: RwSignal::new(false),
            seed: RwSignal::new(String::new()),
            duration: RwSignal::new(String::new()),
            link: RwSignal::new(None),
            message: RwSignal::new(None),
            templates: RwSignal::new(Vec::new()),
            milestones: RwSignal::new(Vec::new()),
            milestones_problem: RwSignal::new(None),
            milestones_writable: RwSignal::new(true),
            deleted: RwSignal::new(None),
            revision: RwSignal::new(0),
            serial: StoredValue::new(0),
        }
    }

    /// The page's host.
    pub fn host(&self) -> Host {
        self.host.get_value()
    }

    fn fail(&self, text: String) {
        self.message.set(Some(text));
    }

    /// Shows `view` (`milestones`, anything else Compare), reading storage again.
    pub fn show(&self, view: &str) {
        self.reload_milestones();
        if view == crate::compare_bridge::VIEW_MILESTONES {
            self.tab.set(Tab::Milestones);
        } else {
            self.tab.set(Tab::Compare);
            self.recompare();
        }
        if self.templates.with_untracked(Vec::is_empty) {
            let state = *self;
            ask(
                self.worker,
                CompareRequest::Templates,
                |answer| match answer {
                    CompareAnswer::Names(names) => Some(names),
                    _ => None,
                },
                move |names| {
                    if let Ok(names) = names {
                        state.templates.set(names);
                    }
                },
            );
        }
    }

    /// Makes `snapshot` design A, said to come from `source`, and compares.
    pub fn pin(&self, snapshot: String, source: String) {
        self.pinned.set(Some(Pinned { snapshot, source }));
        self.message.set(None);
        self.link.set(None);
        self.tab.set(Tab::Compare);
        self.recompare();
    }

    /// Pins the canvas's design as A.
    pub fn pin_canvas(&self) {
        self.pin(self.host().snapshot(), "the canvas, pinned".to_string());
    }

    /// Asks the worker for a design (`request`) and pins it as A from `source`.
    pub fn pin_from(&self, request: CompareRequest, source: String) {
        let state = *self;
        ask(
            self.worker,
            request,
            |answer| match answer {
                CompareAnswer::Design { snapshot, name } => Some((snapshot, name)),
                _ => None,
            },
            move |answer| match answer {
                Ok((snapshot, name)) => {
                    state.pin(snapshot, format!("{source} (\u{201c}{name}\u{201d})"))
                }
                Err(problem) => state.fail(format!("Design A was not changed: {problem}.")),
            },
        );
    }

    /// Compares A with the canvas's design now (the latest answer wins).
    pub fn recompare(&self) {
        let Some(pinned) = self.pinned.get_untracked() else {
            self.host().mark(&[], &[]);
            return;
        };
        let serial = self.serial.get_value() + 1;
        self.serial.set_value(serial);
        let state = *self;
        let request = CompareRequest::Compare {
            a: pinned.snapshot,
            b: self.host().snapshot(),
        };
        let pick = |answer| match answer {
            CompareAnswer::Compared(compared) => Some(*compared),
            _ => None,
        };
        ask(self.worker, request, pick, move |answer| {
            if state.serial.get_value() != serial {
                return;
            }
            match answer {
                Ok(compared) => state.show_comparison(compared),
                Err(problem) => {
                    state.fail(format!("The designs could not be compared: {problem}."))
                }
            }
        });
    }

    fn show_comparison(&self, compared: Compared) {
        self.host()
            .mark(&compared.marks.added, &compared.marks.changed);
        if self.seed.with_untracked(String::is_empty) {
            self.seed.set(compared.seed.to_string());
            self.duration
                .set(crate::engine::attributes::number::format_number(
                    compared.duration_s,
                ));
        }
        if self.runs.with_untracked(Option::is_some) {
            self.runs_stale.set(true);
        }
        self.link.set(None);
        self.compared.set(Some(compared));
    }

    /// Runs A and B with the seed and duration in the fields.
    pub fn run_both(&self) {
        let Some(pinned) = self.pinned.get_untracked() else {
            return self.fail("Pin a design as A first.".to_string());
        };
        let seed = self.seed.get_untracked().trim().parse::<u64>();
        let duration =
            crate::engine::attributes::number::parse_number(self.duration.get_untracked().trim());
        let (Ok(seed), Some(duration_s)) = (seed, duration) else {
            return self.fail("Nothing ran: the seed must be a whole number and the duration a number of seconds.".to_string());
        };
        let state = *self;
        self.running.set(true);
        let request = CompareRequest::Run {
            a: pinned.snapshot,
            b: self.host().snapshot(),
            seed,
            duration_s,
        };
        let pick = |answer| match answer {
            CompareAnswer::Ran(runs) => Some(*runs),
            _ => None,
        };
        ask(self.worker, request, pick, move |answer| {
            state.running.set(false);
            match answer {
                Ok(runs) => {
                    state.runs.set(Some(runs));
                    state.runs_stale.set(false);
                }
                Err(problem) => state.fail(format!("Nothing ran: {problem}.")),
            }
        });
    }

    /// Makes the compare link of A and B, shows it and copies it.
    pub fn copy_link(&self) {
        let Some(pinned) = self.pinned.get_untracked() else {
            return;
        };
        let state = *self;
        let request = CompareRequest::Link {
            a: pinned.snapshot,
            b: self.host().snapshot(),
        };
        let pick = |answer| match answer {
            CompareAnswer::Text(text) => Some(text),
            _ => None,
        };
        ask(self.worker, request, pick, move |answer| match answer {
            Ok(fragment) => {
                let link =
                    crate::ui::share::share_url(&crate::ui::browser::app_address(), &fragment);
                state.link.set(Some(link.clone()));
                leptos::task::spawn_local(async move {
                    let said = match crate::ui::share::copy_to_clipboard(&link).await {
                        Ok(()) => "Copied the compare link to the clipboard.".to_string(),
                        Err(problem) => format!(
                            "The clipboard refused ({problem}); copy the link from the field."
                        ),
                    };
                    state.message.set(Some(said));
                });
            }
            Err(problem) => state.fail(format!("No compare link was made: {problem}.")),
        });
    }

    /// Opens a compare link: B on the canvas, A pinned; or says why not and changes nothing.
    pub fn open_compare_link(&self, text: String) {
        let state = *self;
        let refused = move |problem: String| {
            state.host().notice(
                HostNotice::Link,
                &format!(
                    "This compare link could not be opened: {problem}. Your design is unchanged."
                ),
            )
        };
        let pick = |answer| match answer {
            CompareAnswer::Pair { a, b } => Some((a, b)),
            _ => None,
        };
        ask(
            self.worker,
            CompareRequest::OpenCompareLink(text),
            pick,
            move |answer| match answer {
                Ok((a, b)) => match state
                    .host()
                    .open_design(&b, "opened design B of a compare link")
                {
                    Ok(()) => state.pin(a, "design A of the compare link".to_string()),
                    Err(problem) => refused(problem),
                },
                Err(problem) => refused(problem),
            },
        );
    }

    /// Selects and shows B's component called `name` on the canvas, if B has it.
    pub fn reveal(&self, name: &str) {
        let id = self.compared.with_untracked(|compared| {
            compared.as_ref().and_then(|compared| {
                compared
                    .marks
                    .ids
                    .iter()
                    .find(|(known, _)| known == name)
                    .map(|(_, id)| *id)
            })
        });
        if let Some(id) = id {
            self.host().reveal(id);
        }
    }

    /// Reads the milestones from storage again.
    pub fn reload_milestones(&self) {
        let loaded = storage::load();
        self.milestones.set(loaded.milestones);
        self.milestones_problem.set(loaded.problem);
        self.milestones_writable.set(loaded.writable);
    }

    /// The name a new milestone gets unless one is typed.
    pub fn next_name(&self) -> String {
        self.milestones.with(|list| {
            let names: Vec<&str> = list.iter().map(|m| m.name.as_str()).collect();
            default_name(&names)
        })
    }

    /// Changes the stored list with `change` and writes it; says why when it cannot.
    pub fn change_milestones(&self, change: impl FnOnce(&mut Vec<StoredMilestone>)) -> bool {
        if !self.milestones_writable.get_untracked() {
            self.fail("Milestones cannot be saved in this browser now (see above).".to_string());
            return false;
        }
        let mut list = self.milestones.get_untracked();
        change(&mut list);
        match storage::save(&list) {
            Ok(()) => {
                self.milestones.set(list);
                true
            }
            Err(problem) => {
                self.fail(format!("The milestones were not saved: {problem}."));
                false
            }
        }
    }
}
