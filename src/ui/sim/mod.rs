//! The browser side of the simulator: a "Simulate" panel that runs the
//! design in the page's Web Worker (`src/worker.rs`, loaded on the first
//! Run), shows progress on the canvas and in time charts, an event log and
//! an event store query, and afterwards scores Performance from the
//! simulated figures.
//!
//! Layout: [`SimState`] (this file) is the `Copy` handle of the run's
//! signals, provided at the root, whose methods are the user's intents (run,
//! pause, step, reset, query ...) and which applies the worker's reports. The
//! worker sends data (points, log lines, figures); the page keeps them here
//! and renders them: [`panel`] (controls and layout), [`charts`] over
//! [`chart_data`] and [`projection`] (plain maths, tested natively),
//! [`log`] (event log and summary), [`query`] (event store form and answer)
//! and [`overlay`] (figures on the canvas).
//!
//! What must stay true: the main bundle never links the simulator nor the
//! judging of a run: the worker sends the run's verdict and what it changes
//! in the scorecard as data (`engine::score::run_score`);
//! simulated Performance figures count only while the design equals the one
//! that was run (`engine::sim::score::scorecard_for`); reports of a run the
//! user has reset are dropped; the log keeps the newest [`log::LOG_CAPACITY`] lines.
//! Nothing stale: any edit makes the run [`RunFreshness::Outdated`] (the
//! panel and the canvas say so and offer Run again, and no component shows
//! figures of another design); opening a design wholesale (a template, a
//! link, a file) forgets the run entirely.

pub mod chart_data;
pub mod charts;
pub mod dock;
pub mod log;
pub mod overlay;
pub mod panel;
pub mod projection;
pub mod query;
pub mod reveal;

use crate::engine::model::Design;
use crate::engine::share::encode_snapshot;
use crate::engine::sim::live::progress::{ComponentLive, QueryAnswer, SeriesPoint, StoreInfo};
use crate::engine::sim::live::speed::Speed;
use crate::engine::sim::score::SimulatedRun;
use crate::engine::sim::verdict::RunVerdict;
use crate::ui::state::freshness::RunFreshness;
use crate::ui::state::{AppState, Selection};
use crate::ui::worker::{PageWorker, RunNews};
use crate::worker_protocol::{Command, QueryRequest, RunFigures, RunReport};
use leptos::prelude::*;
use log::EventLog;

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

/// Where the run's simulated clock is.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SimClock {
    /// Simulated seconds now.
    pub time_s: f64,
    /// Simulated seconds the run lasts (0 before it starts).
    pub duration_s: f64,
    /// Events handled so far.
    pub events: u64,
}

/// What the event store query form offers: the run's stores and topics.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryOffer {
    /// The run's event stores (none: no form).
    pub stores: Vec<StoreInfo>,
    /// Every topic some component publishes under.
    pub topics: Vec<String>,
}

/// A finished run's figures, the worker's verdict on it, and its summary as
/// `archplay simulate` prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct FinishedRun {
    /// The figures the summary shows.
    pub figures: RunFigures,
    /// How the run went, in words.
    pub verdict: RunVerdict,
    /// The summary JSON.
    pub summary_json: String,
}

/// A `Copy` handle on the run's signals, provided at the root. Components
/// read the signals; only the methods below change them.
#[derive(Clone, Copy)]
pub struct SimState {
    app: AppState,
    worker: PageWorker,
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// Where the run is.
    pub status: RwSignal<SimStatus>,
    /// The chosen speed.
    pub speed: RwSignal<Speed>,
    /// The simulated clock.
    pub clock: RwSignal<SimClock>,
    /// Seed of the run, once started.
    pub seed: RwSignal<Option<u64>>,
    /// Every component's state now (empty when no run has reported).
    pub components: RwSignal<Vec<ComponentLive>>,
    /// The run's chart points so far.
    pub points: RwSignal<Vec<SeriesPoint>>,
    /// The run's event log.
    pub log: RwSignal<EventLog>,
    /// The event store query the run offers.
    pub query_offer: RwSignal<QueryOffer>,
    /// The last event store answer.
    pub answer: RwSignal<Option<QueryAnswer>>,
    /// The finished run's figures.
    pub finished: RwSignal<Option<FinishedRun>>,
    /// The design of the current run (names for the charts, and the simulated score).
    pub run_design: RwSignal<Option<Design>>,
    /// The run the reports must belong to.
    run: StoredValue<u32>,
}

/// Creates the simulation state, routes the worker's run reports to it, and
/// provides it to every component below the caller.
pub fn provide_sim_state(app: AppState) -> SimState {
    let state = new_sim_state(app);
    provide_context(state);
    state.worker.listen_to_runs(move |news| state.receive(news));
    state
}

/// The simulation state over `app`, with no run; it forgets its run
/// whenever `app` opens a design wholesale.
fn new_sim_state(app: AppState) -> SimState {
    let run_design = RwSignal::new(None::<Design>);
    let state = SimState {
        app,
        worker: app.worker(),
        open: RwSignal::new(false),
        status: RwSignal::new(SimStatus::Idle),
        speed: RwSignal::new(Speed::default()),
        clock: RwSignal::new(SimClock::default()),
        seed: RwSignal::new(None),
        components: RwSignal::new(Vec::new()),
        points: RwSignal::new(Vec::new()),
        log: RwSignal::new(EventLog::default()),
        query_offer: RwSignal::new(QueryOffer::default()),
        answer: RwSignal::new(None),
        finished: RwSignal::new(None),
        run_design,
        run: StoredValue::new(0),
    };
    app.on_design_replaced(Callback::new(move |_| state.reset()));
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

    /// Starts a new run of the design as it is now, or resumes a paused one.
    pub fn run(&self) {
        match self.status.get_untracked() {
            SimStatus::Paused => {
                self.status.set(SimStatus::Running);
                self.worker.send(&Command::Resume);
            }
            SimStatus::Running | SimStatus::Starting => {}
            _ => self.start(),
        }
    }

    fn start(&self) {
        self.clear(SimStatus::Starting);
        let design = self.app.design().get_untracked();
        self.run.update_value(|run| *run += 1);
        let command = Command::Start {
            run: self.run.get_value(),
            design: encode_snapshot(&design),
            speed: self.speed.get_untracked(),
        };
        self.run_design.set(Some(design));
        self.worker.send(&command);
    }

    /// How the run relates to the design on the canvas (tracks both).
    pub fn freshness(&self) -> RunFreshness {
        let design = self.app.design();
        self.run_design
            .with(|run| design.with(|design| RunFreshness::of(run.as_ref(), design)))
    }

    /// Forgets the run, whatever its state, and starts one of the design as it is now.
    pub fn run_again(&self) {
        self.reset();
        self.start();
    }

    /// Stops simulated time.
    pub fn pause(&self) {
        if self.status.get_untracked() == SimStatus::Running {
            self.status.set(SimStatus::Paused);
            self.worker.send(&Command::Pause);
        }
    }

    /// Advances a paused run to its next chart point.
    pub fn step(&self) {
        if self.status.get_untracked() == SimStatus::Paused {
            self.worker.send(&Command::Step);
        }
    }

    /// Chooses how fast simulated time passes.
    pub fn set_speed(&self, speed: Speed) {
        self.speed.set(speed);
        if matches!(
            self.status.get_untracked(),
            SimStatus::Running | SimStatus::Paused | SimStatus::Starting
        ) {
            self.worker.send(&Command::SetSpeed(speed));
        }
    }

    /// Forgets the run: the canvas, charts, log and Performance score go back to the design alone.
    pub fn reset(&self) {
        if self.status.get_untracked() != SimStatus::Idle {
            self.worker.send(&Command::Reset);
        }
        self.run.update_value(|run| *run += 1);
        self.clear(SimStatus::Idle);
    }

    /// Asks the run's event store for its events of one topic in a time
    /// range, and shows the store on the canvas.
    pub fn query(&self, request: QueryRequest) {
        self.app.reveal(request.store);
        self.worker.send(&Command::Query(request));
    }

    /// Shows the inspector's workload and simulation settings (the design's fields).
    pub fn show_settings(&self) {
        self.app.select(Selection::Nothing);
        // The inspector rebuilds for the design after this tick; then scroll to the settings.
        set_timeout(
            panel::scroll_to_settings,
            std::time::Duration::from_millis(0),
        );
    }

    fn clear(&self, status: SimStatus) {
        self.status.set(status);
        self.clock.set(SimClock::default());
        self.seed.set(None);
        self.components.set(Vec::new());
        self.points.set(Vec::new());
        self.log.set(EventLog::default());
        self.query_offer.set(QueryOffer::default());
        self.answer.set(None);
        self.finished.set(None);
        self.run_design.set(None);
        self.app.show_simulated(None);
    }

    /// Applies news from the worker; reports of an older run are dropped.
    pub fn receive(&self, news: RunNews) {
        match news {
            RunNews::Report(run, report) if run == self.run.get_value() => self.apply(report),
            RunNews::Report(..) => {}
            RunNews::WorkerFailed(message) => self.status.set(SimStatus::Failed(message)),
        }
    }

    fn apply(&self, report: RunReport) {
        match report {
            RunReport::Started {
                seed,
                duration_s,
                stores,
                topics,
            } => {
                self.seed.set(Some(seed));
                self.clock.update(|clock| clock.duration_s = duration_s);
                self.query_offer.set(QueryOffer { stores, topics });
                self.status.set(SimStatus::Running);
            }
            RunReport::Progress {
                time_s,
                events,
                components,
                points,
                log,
                paused,
            } => {
                self.clock.update(|clock| {
                    clock.time_s = time_s;
                    clock.events = events;
                });
                self.components.set(components);
                if !points.is_empty() {
                    self.points.update(|all| all.extend(points));
                }
                if !log.is_empty() {
                    self.log.update(|all| all.extend(log));
                }
                if paused && self.status.get_untracked() == SimStatus::Running {
                    self.status.set(SimStatus::Paused);
                }
            }
            RunReport::Finished {
                figures,
                verdict,
                score,
                summary_json,
            } => {
                if let Some(design) = self.run_design.get_untracked() {
                    self.app.show_simulated(Some(SimulatedRun {
                        design,
                        score: *score,
                    }));
                }
                self.finished.set(Some(FinishedRun {
                    figures,
                    verdict,
                    summary_json,
                }));
                self.status.set(SimStatus::Finished);
            }
            RunReport::Answer(answer) => self.answer.set(Some(answer)),
            RunReport::Failed(message) => self.status.set(SimStatus::Failed(message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::ComponentKind;
    use crate::engine::templates::template;

    /// A state whose run of the starting template has finished (without a
    /// worker: the run's signals are set as its reports would set them).
    fn finished_run() -> (AppState, SimState) {
        let app = AppState::new(template("microservices").unwrap());
        let sim = new_sim_state(app);
        let design = app.design().get_untracked();
        let orders = design.component_named("orders-service").unwrap().id;
        sim.run_design.set(Some(design));
        sim.components.set(vec![ComponentLive {
            id: orders,
            utilisation: 1.0,
            queue: 2867,
            replicas: 1,
        }]);
        sim.points.set(vec![SeriesPoint::default()]);
        (app, sim)
    }

    #[test]
    fn any_edit_makes_the_run_outdated_and_undo_makes_it_current_again() {
        let (app, sim) = finished_run();
        assert_eq!(untrack(|| sim.freshness()), RunFreshness::Current);
        app.add_component(ComponentKind::Cache, None);
        assert_eq!(untrack(|| sim.freshness()), RunFreshness::Outdated);
        assert!(!untrack(|| sim.freshness()).shows_figures());
        assert!(
            !sim.points.with_untracked(Vec::is_empty),
            "an edit keeps the run to compare against, marked outdated"
        );
        app.undo();
        assert_eq!(untrack(|| sim.freshness()), RunFreshness::Current);
    }

    #[test]
    fn loading_a_template_forgets_the_run_and_its_figures() {
        let (app, sim) = finished_run();
        app.open_template("database-scaling", template("database-scaling").unwrap());
        assert_eq!(untrack(|| sim.freshness()), RunFreshness::NoRun);
        assert!(sim.components.with_untracked(Vec::is_empty));
        assert!(sim.points.with_untracked(Vec::is_empty));
        assert_eq!(sim.status.get_untracked(), SimStatus::Idle);
        assert_eq!(sim.finished.get_untracked(), None);
    }

    #[test]
    fn opening_a_file_or_link_forgets_the_run_too() {
        let (app, sim) = finished_run();
        app.open_design(template("payment-gateway").unwrap(), "imported".to_string());
        assert_eq!(untrack(|| sim.freshness()), RunFreshness::NoRun);
        assert!(sim.components.with_untracked(Vec::is_empty));
    }
}
