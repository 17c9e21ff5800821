//! The Sweep module's one state handle ([`SweepState`], `Copy`): the form's
//! inputs, what the workers described of the design, the sweep being run
//! and its results, and the intents the views call (`describe`, `start`,
//! `cancel`, `design_changed`).
//!
//! What must stay true: the module never changes the design (it reads
//! snapshots through the host and nothing else); a refused sweep shows its
//! message at the input it is about and runs nothing; starting a sweep
//! during another stops every worker of the first, and an answer of an
//! older sweep never lands in a newer one (generations); a point's answer is
//! kept by index ([`SweepRun`]).

use super::metric::Metric;
use super::pool::{default_workers, WorkerPool, MAX_WORKERS};
use super::run::SweepRun;
use crate::engine::sweep::{CurveSample, SweepField, SweepSpec, MAX_STEPS};
use crate::module_bridge::Host;
use crate::worker_protocol::sweep::{SweepAnswer, SweepRequest, SweepSheet};
use leptos::prelude::*;

mod running;

/// Where the sweep stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SweepStatus {
    /// Nothing started yet.
    Idle,
    /// The sweep is being checked and its curve computed.
    Preparing,
    /// Points are running.
    Running,
    /// Every point is done.
    Done,
    /// Cancelled with the points done so far.
    Cancelled,
    /// A worker failed; why.
    Failed(String),
}

/// What a sweep ran with, for captions and the CSV.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepSetup {
    /// The spec.
    pub spec: SweepSpec,
    /// Every point's seed.
    pub seed: u64,
    /// Every point's simulated seconds.
    pub duration_s: f64,
    /// The design, as a snapshot.
    pub snapshot: String,
    /// How many workers ran it.
    pub workers: u32,
}

/// The form's inputs, as typed.
#[derive(Clone, Copy)]
pub struct SweepForm {
    /// The parameter key.
    pub param: RwSignal<String>,
    /// The first value.
    pub from: RwSignal<String>,
    /// The last value.
    pub to: RwSignal<String>,
    /// How many points.
    pub steps: RwSignal<String>,
    /// Every point's seed.
    pub seed: RwSignal<String>,
    /// Every point's simulated seconds.
    pub duration: RwSignal<String>,
    /// How many workers.
    pub workers: RwSignal<String>,
}

/// The Sweep module's state; provided at its root.
#[derive(Clone, Copy)]
pub struct SweepState {
    host: StoredValue<Host, LocalStorage>,
    pool: StoredValue<WorkerPool, LocalStorage>,
    generation: StoredValue<u32>,
    /// The form's inputs.
    pub form: SweepForm,
    /// What the form offers for the design on the canvas.
    pub sheet: RwSignal<Option<SweepSheet>>,
    /// A refusal: the input it is about and the message.
    pub refusal: RwSignal<Option<(SweepField, String)>>,
    /// The sweep's points.
    pub run: RwSignal<SweepRun>,
    /// The estimate along the sweep's range.
    pub curve: RwSignal<Vec<CurveSample>>,
    /// What the sweep ran with.
    pub setup: RwSignal<Option<SweepSetup>>,
    /// Where it stands.
    pub status: RwSignal<SweepStatus>,
    /// Whether the design changed since the sweep ran.
    pub stale: RwSignal<bool>,
    /// The metrics the charts show.
    pub metrics: RwSignal<Vec<Metric>>,
}

/// The form's number in `text` for `field`, or a refusal at that field.
fn number<T: std::str::FromStr>(
    field: SweepField,
    name: &str,
    text: &str,
) -> Result<T, (SweepField, String)> {
    text.trim()
        .parse()
        .map_err(|_| (field, format!("{name}: `{}` is not a number", text.trim())))
}

impl SweepState {
    /// A state over the page's `host`, with nothing described yet.
    pub fn new(host: Host) -> SweepState {
        let text = |s: &str| RwSignal::new(s.to_string());
        SweepState {
            host: StoredValue::new_local(host),
            pool: StoredValue::new_local(WorkerPool::new()),
            generation: StoredValue::new(0),
            form: SweepForm {
                param: text(""),
                from: text(""),
                to: text(""),
                steps: text("8"),
                seed: text(""),
                duration: text(""),
                workers: text(&default_workers().to_string()),
            },
            sheet: RwSignal::new(None),
            refusal: RwSignal::new(None),
            run: RwSignal::new(SweepRun::default()),
            curve: RwSignal::new(Vec::new()),
            setup: RwSignal::new(None),
            status: RwSignal::new(SweepStatus::Idle),
            stale: RwSignal::new(false),
            metrics: RwSignal::new(vec![
                Metric::P50,
                Metric::P95,
                Metric::P99,
                Metric::Throughput,
            ]),
        }
    }

    fn snapshot(&self) -> String {
        self.host.with_value(Host::snapshot)
    }

    /// Asks a worker what the form offers for the design on the canvas; the
    /// first time, fills the form from it (the request rate from its value
    /// to four times it, the design's seed and duration).
    pub fn describe(&self) {
        let this = *self;
        let request = SweepRequest::Describe {
            design: self.snapshot(),
        };
        self.pool
            .with_value(|pool| pool.worker(0))
            .ask(request, move |answer| {
                if let Ok(SweepAnswer::Described(sheet)) = answer {
                    this.fill_form(&sheet);
                    this.sheet.set(Some(*sheet));
                }
            });
    }

    fn fill_form(&self, sheet: &SweepSheet) {
        let form = self.form;
        if form.param.with_untracked(String::is_empty) {
            if let Some(first) = sheet.parameters.first() {
                self.pick_param(&first.key, &first.current);
            }
        }
        if form.seed.with_untracked(String::is_empty) {
            form.seed.set(sheet.seed.to_string());
            form.duration.set(sheet.duration_s.to_string());
        }
    }

    /// Picks the parameter `key` (now at `current`): the range becomes
    /// `current` to four times it (0 to 1 when it is 0).
    pub fn pick_param(&self, key: &str, current: &str) {
        self.form.param.set(key.to_string());
        let value: f64 = current.parse().unwrap_or(0.0);
        let (from, to) = if value > 0.0 {
            (value, value * 4.0)
        } else {
            (0.0, 1.0)
        };
        self.form.from.set(from.to_string());
        self.form.to.set(to.to_string());
        self.refusal.set(None);
    }

    /// The design changed on the canvas: a sweep of another design is
    /// stale, and the parameters' current values are described again.
    pub fn design_changed(&self) {
        let snapshot = self.snapshot();
        let changed = self
            .setup
            .with_untracked(|setup| setup.as_ref().is_some_and(|s| s.snapshot != snapshot));
        self.stale.set(changed);
        self.describe();
    }

    /// The form read into a sweep, or the refusal at the first bad input.
    fn read_form(&self) -> Result<(SweepSpec, u64, f64, u32), (SweepField, String)> {
        let form = self.form;
        let param = form.param.get_untracked();
        if param.is_empty() {
            return Err((SweepField::Param, "choose a parameter to sweep".to_string()));
        }
        let from = number(SweepField::From, "from", &form.from.get_untracked())?;
        let to = number(SweepField::To, "to", &form.to.get_untracked())?;
        let steps_text = form.steps.get_untracked();
        let steps = number::<u32>(SweepField::Steps, "steps", &steps_text).map_err(|_| {
            let message = format!(
                "steps must be a whole number from 1 to {MAX_STEPS}, not `{}`",
                steps_text.trim()
            );
            (SweepField::Steps, message)
        })?;
        let seed = number(SweepField::Seed, "seed", &form.seed.get_untracked())?;
        let duration_s = number(
            SweepField::Duration,
            "duration",
            &form.duration.get_untracked(),
        )?;
        let workers = number::<u32>(SweepField::Steps, "workers", &form.workers.get_untracked())
            .unwrap_or(1)
            .clamp(1, MAX_WORKERS);
        Ok((
            SweepSpec {
                param,
                from,
                to,
                steps,
            },
            seed,
            duration_s,
            workers,
        ))
    }

    /// The refusal's message if it is about `field`.
    pub fn refusal_at(&self, field: SweepField) -> Option<String> {
        self.refusal.with(|refusal| {
            refusal
                .as_ref()
                .filter(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
        })
    }
}

/// The module's state, provided at its root.
pub fn use_sweep_state() -> SweepState {
    expect_context::<SweepState>()
}
