//! The page's side of the simulator: the run itself (what the user asked,
//! the run number, the design that ran, its status) and what it shows on the
//! page: the figures on the canvas ([`overlay`]), the scorecard while the
//! design is the run's, and the toolbar button that opens the Simulate
//! panel. The panel's own views (controls, clock, charts, log, query,
//! summary) are a second wasm module the page loads on the click that first
//! opens it ([`host`], over `crate::sim_panel_bridge`; its views are
//! `ui::sim_panel`).
//!
//! Layout: [`SimState`] (this file) is the `Copy` handle of the run's
//! signals, provided at the root, whose methods are the user's intents (run,
//! pause, step, reset, query ...), which the panel asks for
//! ([`SimState::answer_panel`]) and which applies the part of the worker's
//! reports the page reads (`worker_protocol::RunReportHead`), forwarding
//! each report of the current run to the panel module as it came.
//!
//! What must stay true: the main bundle never links the simulator nor the
//! judging of a run nor the panel's views: the worker sends the run's verdict
//! and what it changes in the scorecard as data (`engine::score::run_score`);
//! simulated Performance figures count only while the design equals the one
//! that was run (`engine::sim::score::scorecard_for`); reports of a run the
//! user has reset are dropped (and never reach the panel); forgetting a run
//! tells the panel ([`crate::sim_panel_bridge::PagePush::Cleared`]).
//! Nothing stale: any edit makes the run [`RunFreshness::Outdated`] (the
//! panel and the canvas say so and offer Run again, and no component shows
//! figures of another design); opening a design wholesale (a template, a
//! link, a file) forgets the run entirely.

pub mod host;
pub mod overlay;

use crate::engine::model::Design;
use crate::engine::share::encode_snapshot;
use crate::engine::sim::live::progress::ComponentLive;
use crate::engine::sim::live::speed::Speed;
use crate::engine::sim::score::SimulatedRun;
use crate::sim_panel_bridge::{Freshness, PagePush, PanelAsk, RunView, SimStatus};
use crate::ui::state::freshness::RunFreshness;
use crate::ui::state::{AppState, Selection};
use crate::ui::worker::{PageWorker, RunNews};
use crate::worker_protocol::{Command, QueryRequest, RunReportHead};
use host::PanelLink;
use leptos::prelude::*;

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
    /// Every component's state now (empty when no run has reported).
    pub components: RwSignal<Vec<ComponentLive>>,
    /// The design of the current run (the simulated score, the panel's names).
    pub run_design: RwSignal<Option<Design>>,
    /// The run the reports must belong to.
    run: StoredValue<u32>,
    /// The Simulate panel's module, once loaded.
    pub panel: PanelLink,
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
        components: RwSignal::new(Vec::new()),
        run_design,
        run: StoredValue::new(0),
        panel: PanelLink::new(),
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
    /// Opens or closes the panel; the first open loads the panel's module.
    pub fn toggle_panel(&self) {
        self.open.update(|open| *open = !*open);
        if self.open.get_untracked() {
            self.panel.load(*self);
        }
    }

    /// The run as the panel's controls show it (tracks what it reads).
    pub fn run_view(&self) -> RunView {
        RunView {
            open: self.open.get(),
            status: self.status.get(),
            freshness: match self.freshness() {
                RunFreshness::NoRun => Freshness::None,
                RunFreshness::Current => Freshness::Current,
                RunFreshness::Outdated => Freshness::Outdated,
            },
            speed: self.speed.get(),
        }
    }

    /// The design the panel names things after: the run's while there is
    /// one, else the canvas's (tracks what it reads).
    pub fn panel_design(&self) -> PagePush {
        let of_run = self
            .run_design
            .with(|run| run.as_ref().map(encode_snapshot));
        match of_run {
            Some(snapshot) => PagePush::Design {
                snapshot,
                run: true,
            },
            None => PagePush::Design {
                snapshot: self.app.design().with(encode_snapshot),
                run: false,
            },
        }
    }

    /// Does what the panel asks.
    pub fn answer_panel(&self, ask: PanelAsk) {
        match ask {
            PanelAsk::Run => self.run(),
            PanelAsk::RunAgain => self.run_again(),
            PanelAsk::Pause => self.pause(),
            PanelAsk::Step => self.step(),
            PanelAsk::Reset => self.reset(),
            PanelAsk::SetSpeed(speed) => self.set_speed(speed),
            PanelAsk::Query(request) => self.query(request),
            PanelAsk::Reveal(id) => {
                self.app.select(Selection::Component(id));
                self.app.reveal(id);
            }
            PanelAsk::ShowSettings => self.show_settings(),
            PanelAsk::Close => self.open.set(false),
        }
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
            host::scroll_to_settings,
            std::time::Duration::from_millis(0),
        );
    }

    fn clear(&self, status: SimStatus) {
        self.status.set(status);
        self.components.set(Vec::new());
        self.run_design.set(None);
        self.app.show_simulated(None);
        self.panel.push(&PagePush::Cleared);
    }

    /// Applies news from the worker and hands each report of the current
    /// run to the panel; reports of an older run are dropped.
    pub fn receive(&self, news: RunNews) {
        match news {
            RunNews::Report(run, report, message) if run == self.run.get_value() => {
                self.apply(report);
                self.panel.forward(&message);
            }
            RunNews::Report(..) => {}
            RunNews::WorkerFailed(message) => self.status.set(SimStatus::Failed(message)),
        }
    }

    fn apply(&self, report: RunReportHead) {
        match report {
            RunReportHead::Started {} => self.status.set(SimStatus::Running),
            RunReportHead::Progress { components, paused } => {
                self.components.set(components);
                if paused && self.status.get_untracked() == SimStatus::Running {
                    self.status.set(SimStatus::Paused);
                }
            }
            RunReportHead::Finished { score } => {
                if let Some(design) = self.run_design.get_untracked() {
                    self.app.show_simulated(Some(SimulatedRun {
                        design,
                        score: *score,
                    }));
                }
                self.status.set(SimStatus::Finished);
            }
            RunReportHead::Answer(_) => {}
            RunReportHead::Failed(message) => self.status.set(SimStatus::Failed(message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::ComponentKind;
    use crate::engine::templates::template;
    use wasm_bindgen::JsValue;

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
            !sim.components.with_untracked(Vec::is_empty),
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
        assert_eq!(sim.status.get_untracked(), SimStatus::Idle);
        assert_eq!(sim.run_design.get_untracked(), None);
    }

    #[test]
    fn opening_a_file_or_link_forgets_the_run_too() {
        let (app, sim) = finished_run();
        app.open_design(template("payment-gateway").unwrap(), "imported".to_string());
        assert_eq!(untrack(|| sim.freshness()), RunFreshness::NoRun);
        assert!(sim.components.with_untracked(Vec::is_empty));
    }

    #[test]
    fn the_page_reads_reports_of_its_own_run_only() {
        let (_, sim) = finished_run();
        sim.status.set(SimStatus::Running);
        let run = sim.run.get_value();
        let stale = RunReportHead::Failed("an older run".to_string());
        sim.receive(RunNews::Report(run + 1, stale, JsValue::NULL));
        assert_eq!(sim.status.get_untracked(), SimStatus::Running);
        let paused = RunReportHead::Progress {
            components: Vec::new(),
            paused: true,
        };
        sim.receive(RunNews::Report(run, paused, JsValue::NULL));
        assert_eq!(sim.status.get_untracked(), SimStatus::Paused);
        assert!(sim.components.with_untracked(Vec::is_empty));
        let view = untrack(|| sim.run_view());
        assert_eq!(
            (view.status, view.freshness),
            (SimStatus::Paused, Freshness::Current)
        );
    }
}
