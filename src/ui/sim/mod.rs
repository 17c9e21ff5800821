//! The browser side of the simulator: a "Simulate" panel that runs the
//! design in a Web Worker (a separate wasm binary, `src/worker.rs`,
//! loaded on the first Run), shows progress on the canvas and in time
//! charts, an event log and an event store query, and afterwards scores
//! Performance from the simulated figures.
//!
//! Layout: [`SimState`] (this file) is the `Copy` handle of the run's
//! signals, provided at the root, whose methods are the user's intents (run,
//! pause, step, reset ...); [`crate::ui::worker`] talks to the worker; [`panel`] and
//! [`overlay`] render. The charts, the log, the query form and answers and
//! the summary are markup that [`charts`], [`log`] and [`query`] write as
//! plain functions (tested natively), which the worker calls
//! (`src/worker/drawing.rs`): it keeps the run's points and log, and the page
//! only puts finished markup in place. [`projection`] is the charts'
//! coordinate maths.
//!
//! What must stay true: the main bundle never links the simulator nor the
//! drawing, only the message types of `engine::sim::live::protocol` and the
//! score mapping of `engine::sim::score`; simulated Performance figures are shown only while
//! the design equals the one that was run ([`scorecard_for`]); every name
//! that goes into markup is escaped ([`charts::escape`]).

pub mod charts;
pub mod log;
pub mod overlay;
pub mod panel;
pub mod projection;
pub mod query;

use crate::engine::model::{ComponentKind, Design};
use crate::engine::score::{score, Scorecard};
use crate::engine::share::encode_snapshot;
use crate::engine::sim::live::protocol::{Command, ComponentLive, Report, Speed};
use crate::engine::sim::score::{simulated_scorecard, SimulatedPerformance};
use crate::ui::state::AppState;
use crate::ui::worker;
use leptos::prelude::*;

/// Most log lines kept; older ones are dropped first.
pub const LOG_CAPACITY: usize = 500;

/// A finished run: the design that was run and its figures.
#[derive(Clone, Debug, PartialEq)]
pub struct SimulatedRun {
    /// The design as it was when Run was pressed.
    pub design: Design,
    /// What the Performance score needs.
    pub performance: SimulatedPerformance,
}

/// The scorecard of `design`: Performance from `simulated` when it is a run
/// of this very design, otherwise (and for the other five scores) the analytic one.
pub fn scorecard_for(design: &Design, simulated: Option<&SimulatedRun>) -> Scorecard {
    match simulated {
        Some(run) if run.design == *design => simulated_scorecard(design, &run.performance),
        _ => score(design),
    }
}

/// Where the run is.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SimStatus {
    /// No run.
    #[default]
    Idle,
    /// Waiting for the worker to load or the run to start.
    Starting,
    /// Simulated time is passing.
    Running,
    /// Stopped by the user; Run resumes, Step advances.
    Paused,
    /// The run reached its end.
    Finished,
    /// The worker could not load or the run could not start; says why.
    Failed(String),
}

impl SimStatus {
    /// A word for the panel and `data-status`.
    pub fn slug(&self) -> &'static str {
        match self {
            SimStatus::Idle => "idle",
            SimStatus::Starting => "starting",
            SimStatus::Running => "running",
            SimStatus::Paused => "paused",
            SimStatus::Finished => "finished",
            SimStatus::Failed(_) => "failed",
        }
    }
}

/// Everything a run has reported, in one signal: the panel reads it ten
/// times a second at most, and one signal type keeps the bundle small.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SimData {
    /// Where the run is.
    pub status: SimStatus,
    /// The chosen speed.
    pub speed: Speed,
    /// Simulated seconds now.
    pub time_s: f64,
    /// Simulated seconds the run lasts.
    pub duration_s: f64,
    /// Seed of the run.
    pub seed: Option<u64>,
    /// Events handled.
    pub events: u64,
    /// Every component's state now.
    pub components: Vec<ComponentLive>,
    /// The time charts, as the worker drew them ([`charts`]).
    pub charts: String,
    /// Before a run: the empty charts of the design on the canvas, so the
    /// charts are in place (and the page does not move) when a run starts.
    pub idle_charts: String,
    /// The event log (at most [`LOG_CAPACITY`] lines), as the worker drew it ([`log`]).
    pub log: String,
    /// The finished run's summary, as the worker drew it ([`log::summary_markup`]).
    pub summary: String,
    /// The figures of the finished run.
    pub performance: Option<SimulatedPerformance>,
    /// The event store query form of the run's design ([`query`]).
    pub query_form: String,
    /// The last event store answer ([`query::answer_markup`]).
    pub answer: String,
}

/// A `Copy` handle on the run's signals, provided at the root.
#[derive(Clone, Copy)]
pub struct SimState {
    app: AppState,
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// What the run has reported.
    pub data: RwSignal<SimData>,
    /// The run the reports must belong to.
    run: StoredValue<u32>,
    /// The design of the current run.
    run_design: StoredValue<Option<Design>>,
}

/// Creates the simulation state and provides it to every component below the caller.
pub fn provide_sim_state(app: AppState) -> SimState {
    let state = SimState {
        app,
        open: RwSignal::new(false),
        data: RwSignal::new(SimData::default()),
        run: StoredValue::new(0),
        run_design: StoredValue::new(None),
    };
    provide_context(state);
    worker::route_sim_reports(state);
    state
}

/// The simulation state provided at the root.
pub fn use_sim_state() -> SimState {
    // Not `expect_context`: see `use_app_state`.
    use_context::<SimState>()
        .unwrap_or_else(|| panic!("SimState is provided at the root of the app"))
}

impl SimState {
    /// Opens or closes the panel.
    pub fn toggle_panel(&self) {
        self.open.update(|open| *open = !*open);
    }

    fn status(&self) -> SimStatus {
        self.data.with_untracked(|data| data.status.clone())
    }

    fn set_status(&self, status: SimStatus) {
        self.data.update(|data| data.status = status);
    }

    /// Starts a new run of the design as it is now, or resumes a paused one.
    pub fn run(&self) {
        match self.status() {
            SimStatus::Paused => {
                self.set_status(SimStatus::Running);
                worker::send(&Command::Resume);
            }
            SimStatus::Running | SimStatus::Starting => {}
            _ => self.start(),
        }
    }

    fn start(&self) {
        self.clear(SimStatus::Starting);
        let design = self.app.design().get_untracked();
        self.run.update_value(|run| *run += 1);
        let speed = self.data.with_untracked(|data| data.speed);
        let command = Command::Start {
            run: self.run.get_value(),
            design: encode_snapshot(&design),
            speed,
        };
        self.run_design.set_value(Some(design));
        worker::send(&command);
    }

    /// Stops simulated time.
    pub fn pause(&self) {
        if self.status() == SimStatus::Running {
            self.set_status(SimStatus::Paused);
            worker::send(&Command::Pause);
        }
    }

    /// Advances a paused run to its next chart point.
    pub fn step(&self) {
        if self.status() == SimStatus::Paused {
            worker::send(&Command::Step);
        }
    }

    /// Chooses how fast simulated time passes.
    pub fn set_speed(&self, speed: Speed) {
        self.data.update(|data| data.speed = speed);
        if matches!(
            self.status(),
            SimStatus::Running | SimStatus::Paused | SimStatus::Starting
        ) {
            worker::send(&Command::SetSpeed(speed));
        }
    }

    /// Forgets the run: the canvas, charts, log and Performance score go back to the design alone.
    pub fn reset(&self) {
        if self.status() != SimStatus::Idle {
            worker::send(&Command::Reset);
        }
        self.run.update_value(|run| *run += 1);
        self.clear(SimStatus::Idle);
    }

    /// Asks the run's event store `store` for its events of `topic` in `[from_s, to_s)`.
    pub fn query(&self, store: u32, topic: String, from_s: f64, to_s: f64) {
        worker::send(&Command::Query {
            store,
            topic,
            from_s,
            to_s,
        });
    }

    /// Shows the inspector's workload and simulation settings (the design's fields).
    pub fn show_settings(&self) {
        self.app.select(crate::ui::state::Selection::Nothing);
        // The inspector rebuilds for the design after this tick; then scroll to the settings.
        set_timeout(
            panel::scroll_to_settings,
            std::time::Duration::from_millis(0),
        );
    }

    fn clear(&self, status: SimStatus) {
        self.data.update(|data| {
            let idle_charts = std::mem::take(&mut data.idle_charts);
            *data = SimData {
                status,
                speed: data.speed,
                idle_charts,
                ..SimData::default()
            };
        });
        self.app.show_simulated(None);
    }

    /// Applies a report from the worker; reports of an older run are dropped.
    pub fn receive(&self, report: Report) {
        let current = self.run.get_value();
        match report {
            Report::Started {
                run,
                seed,
                duration_s,
                query_form,
            } if run == current => self.data.update(|data| {
                data.seed = Some(seed);
                data.duration_s = duration_s;
                data.query_form = query_form;
                data.status = SimStatus::Running;
            }),
            Report::Progress {
                run,
                time_s,
                events,
                components,
                charts,
                log,
                paused,
            } if run == current => self.data.update(|data| {
                data.time_s = time_s;
                data.events = events;
                data.components = components;
                if let Some(charts) = charts {
                    data.charts = charts;
                }
                if let Some(log) = log {
                    data.log = log;
                }
                if paused && data.status == SimStatus::Running {
                    data.status = SimStatus::Paused;
                }
            }),
            Report::Finished {
                run,
                summary,
                performance,
            } if run == current => {
                if let Some(design) = self.run_design.get_value() {
                    self.app.show_simulated(Some(SimulatedRun {
                        design,
                        performance: performance.clone(),
                    }));
                }
                self.data.update(|data| {
                    data.summary = summary;
                    data.performance = Some(performance);
                    data.status = SimStatus::Finished;
                });
            }
            Report::Answer { run, markup } if run == current => {
                self.data.update(|data| data.answer = markup)
            }
            Report::Failed { run, message } if run == current => {
                self.set_status(SimStatus::Failed(message))
            }
            _ => {}
        }
    }

    /// While no run is under way, keeps the empty charts of the design on the
    /// canvas up to date (the worker draws them), for as long as the panel lives.
    pub fn follow_idle_charts(&self) {
        let sim = *self;
        let design = self.app.design();
        let asked = StoredValue::new(0_u64);
        // A memo, so that the effect follows the status, not every report
        // (nor the charts it stores itself).
        let idle = Memo::new(move |_| sim.data.with(|data| data.status == SimStatus::Idle));
        // Empty charts depend only on the run's length and on whether the design
        // has an event bus (`charts::ChartKind::series`), so a drag or an edit
        // of anything else asks nothing of the worker.
        let shape = Memo::new(move |_| {
            design.with(|design| {
                let bus = design
                    .components
                    .iter()
                    .any(|c| c.kind == ComponentKind::EventBus);
                format!("{} {bus}", design.simulation.duration_s)
            })
        });
        Effect::new(move |_| {
            shape.track();
            if !idle.get() {
                return;
            }
            let snapshot = design.with_untracked(encode_snapshot);
            let serial = asked.get_value() + 1;
            asked.set_value(serial);
            worker::ask_with(
                |id| Command::DrawCharts {
                    id,
                    design: snapshot,
                },
                move |answer| {
                    // The panel may have closed, or the design changed again, meanwhile.
                    if asked.try_get_value() == Some(serial) {
                        if let Ok(charts) = answer {
                            sim.data.update(|data| data.idle_charts = charts);
                        }
                    }
                },
            );
        });
    }

    /// Says that the worker could not be loaded or failed.
    pub fn worker_failed(&self, message: String) {
        self.set_status(SimStatus::Failed(message));
    }
}
