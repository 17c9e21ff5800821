//! The Simulate panel, the views of the `archplay-sim-panel` module that the
//! page loads on the click that first opens it (`src/sim_panel.rs`, over
//! `crate::sim_panel_bridge`): Run, Pause, Step, Speed, Reset, the simulated
//! clock, the summary, the time charts, the event log and the event store
//! query, in the dock below the canvas.
//!
//! Layout: [`PanelState`] (this file) is the `Copy` handle of what the panel
//! shows, provided at the module's root: what the page pushes (the run's
//! status, freshness and speed, the design to name things after) and what
//! the panel reads itself from the worker's run reports the page forwards
//! (clock, chart points, log lines, query offer and answer, the finished
//! run's summary); its intent methods ask the page ([`PanelAsk`]), which
//! owns the run. [`panel`] lays out the controls, [`dock`] resizes, [`charts`]
//! renders [`chart_data`] over [`projection`] (plain maths, tested
//! natively), [`log`] the event log and summary, [`query`] the event store
//! form and answer, [`reveal`] a named component as a button.
//!
//! What must stay true: the page links none of these views (only the panel
//! module does); the panel changes the run or the page only by asking;
//! [`PagePush::Cleared`] drops everything read from reports, so nothing of a
//! forgotten run stays; the log keeps the newest [`log::LOG_CAPACITY`] lines.

pub mod chart_data;
pub mod charts;
pub mod dock;
pub mod log;
pub mod panel;
pub mod projection;
pub mod query;
pub mod reveal;

use crate::engine::model::{ComponentId, Design};
use crate::engine::share::decode_snapshot;
use crate::engine::sim::live::progress::{QueryAnswer, SeriesPoint, StoreInfo};
use crate::engine::sim::live::speed::Speed;
use crate::engine::sim::verdict::RunVerdict;
use crate::sim_panel_bridge::{Freshness, PagePush, PanelAsk, SimStatus};
use crate::worker_protocol::{QueryRequest, RunFigures, RunReport};
use leptos::prelude::*;
use log::EventLog;
use std::rc::Rc;

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

/// A `Copy` handle on what the panel shows, provided at the module's root.
/// Components read the signals; only the page's pushes and the forwarded
/// reports change them, and the intents ask the page.
#[derive(Clone, Copy)]
pub struct PanelState {
    asker: StoredValue<Rc<dyn Fn(PanelAsk)>, LocalStorage>,
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// Where the run is.
    pub status: RwSignal<SimStatus>,
    /// How the run relates to the canvas.
    pub freshness: RwSignal<Freshness>,
    /// The chosen speed.
    pub speed: RwSignal<Speed>,
    /// The design of the run, while there is one.
    pub run_design: RwSignal<Option<Design>>,
    /// The design on the canvas, whose empty charts show before a run.
    pub canvas_design: RwSignal<Option<Design>>,
    /// The simulated clock.
    pub clock: RwSignal<SimClock>,
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
}

/// Sets `signal` to `value` unless it holds it already (so nothing redraws for nothing).
fn set_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|now| *now != value) {
        signal.set(value);
    }
}

impl PanelState {
    /// A panel with nothing to show yet, whose intents go to `ask`.
    pub fn new(ask: impl Fn(PanelAsk) + 'static) -> PanelState {
        PanelState {
            asker: StoredValue::new_local(Rc::new(ask)),
            open: RwSignal::new(false),
            status: RwSignal::new(SimStatus::Idle),
            freshness: RwSignal::new(Freshness::None),
            speed: RwSignal::new(Speed::default()),
            run_design: RwSignal::new(None),
            canvas_design: RwSignal::new(None),
            clock: RwSignal::new(SimClock::default()),
            points: RwSignal::new(Vec::new()),
            log: RwSignal::new(EventLog::default()),
            query_offer: RwSignal::new(QueryOffer::default()),
            answer: RwSignal::new(None),
            finished: RwSignal::new(None),
        }
    }

    /// Applies what the page pushed.
    pub fn receive_push(&self, push: PagePush) {
        match push {
            PagePush::Run(view) => {
                set_changed(self.open, view.open);
                set_changed(self.status, view.status);
                set_changed(self.freshness, view.freshness);
                set_changed(self.speed, view.speed);
            }
            PagePush::Design { snapshot, run } => {
                // The page encoded it; a design it cannot read names nothing.
                let design = decode_snapshot(&snapshot).ok();
                if run {
                    self.run_design.set(design);
                } else {
                    self.run_design.set(None);
                    self.canvas_design.set(design);
                }
            }
            PagePush::Cleared => {
                self.clock.set(SimClock::default());
                self.points.set(Vec::new());
                self.log.set(EventLog::default());
                self.query_offer.set(QueryOffer::default());
                self.answer.set(None);
                self.finished.set(None);
            }
        }
    }

    /// Applies a report of the current run (the page forwards only those).
    pub fn receive_report(&self, report: RunReport) {
        match report {
            RunReport::Started {
                duration_s,
                stores,
                topics,
                ..
            } => {
                self.clock.update(|clock| clock.duration_s = duration_s);
                self.query_offer.set(QueryOffer { stores, topics });
            }
            RunReport::Progress {
                time_s,
                events,
                points,
                log,
                ..
            } => {
                self.clock.update(|clock| {
                    clock.time_s = time_s;
                    clock.events = events;
                });
                if !points.is_empty() {
                    self.points.update(|all| all.extend(points));
                }
                if !log.is_empty() {
                    self.log.update(|all| all.extend(log));
                }
            }
            RunReport::Finished {
                figures,
                verdict,
                summary_json,
                ..
            } => self.finished.set(Some(FinishedRun {
                figures,
                verdict,
                summary_json,
            })),
            RunReport::Answer(answer) => self.answer.set(Some(answer)),
            // The page reads the failure and pushes the status.
            RunReport::Failed(_) => {}
        }
    }

    fn ask(&self, ask: PanelAsk) {
        // Called outside the borrow, so the page may push back at once.
        if let Some(asker) = self.asker.try_get_value() {
            asker(ask);
        }
    }

    /// Runs the design, or resumes a paused run.
    pub fn run(&self) {
        self.ask(PanelAsk::Run);
    }

    /// Forgets an outdated run and runs the design as it is now.
    pub fn run_again(&self) {
        self.ask(PanelAsk::RunAgain);
    }

    /// Pauses the run.
    pub fn pause(&self) {
        self.ask(PanelAsk::Pause);
    }

    /// Advances a paused run to its next chart point.
    pub fn step(&self) {
        self.ask(PanelAsk::Step);
    }

    /// Forgets the run.
    pub fn reset(&self) {
        self.ask(PanelAsk::Reset);
    }

    /// Chooses how fast simulated time passes.
    pub fn set_speed(&self, speed: Speed) {
        self.ask(PanelAsk::SetSpeed(speed));
    }

    /// Asks the run's event store.
    pub fn query(&self, request: QueryRequest) {
        self.ask(PanelAsk::Query(request));
    }

    /// Selects the component `id` and shows it on the canvas.
    pub fn reveal(&self, id: ComponentId) {
        self.ask(PanelAsk::Reveal(id));
    }

    /// Shows the design's workload and simulation settings.
    pub fn show_settings(&self) {
        self.ask(PanelAsk::ShowSettings);
    }

    /// Closes the panel.
    pub fn close(&self) {
        self.ask(PanelAsk::Close);
    }
}

/// The panel state provided at the module's root.
pub fn use_panel_state() -> PanelState {
    // Not `expect_context`: see `use_app_state`.
    use_context::<PanelState>()
        .unwrap_or_else(|| panic!("PanelState is provided at the root of the panel"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::share::encode_snapshot;
    use crate::engine::sim::live::progress::{LogKind, LogLine};
    use crate::engine::templates::template;
    use crate::sim_panel_bridge::RunView;
    use std::cell::RefCell;

    fn recording_panel() -> (PanelState, Rc<RefCell<Vec<PanelAsk>>>) {
        let asked = Rc::new(RefCell::new(Vec::new()));
        let sink = asked.clone();
        let panel = PanelState::new(move |ask| sink.borrow_mut().push(ask));
        (panel, asked)
    }

    fn progress(time_s: f64, lines: usize) -> RunReport {
        RunReport::Progress {
            time_s,
            events: 100,
            components: Vec::new(),
            points: vec![SeriesPoint::default()],
            log: (0..lines)
                .map(|_| LogLine {
                    t_s: time_s,
                    kind: LogKind::Scale,
                    text: "scaled".to_string(),
                })
                .collect(),
            paused: false,
        }
    }

    #[test]
    fn reports_add_up_and_a_cleared_run_leaves_nothing() {
        let (panel, _) = recording_panel();
        panel.receive_report(progress(1.0, 2));
        panel.receive_report(progress(2.0, 1));
        assert_eq!(panel.points.with_untracked(Vec::len), 2);
        assert_eq!(panel.log.with_untracked(|log| log.lines().len()), 3);
        assert_eq!(panel.clock.get_untracked().time_s, 2.0);
        panel.receive_push(PagePush::Cleared);
        assert!(panel.points.with_untracked(Vec::is_empty));
        assert!(panel.log.with_untracked(|log| log.lines().is_empty()));
        assert_eq!(panel.clock.get_untracked(), SimClock::default());
        assert_eq!(panel.finished.get_untracked(), None);
    }

    #[test]
    fn pushes_set_the_controls_and_the_design_to_name_things_after() {
        let (panel, _) = recording_panel();
        panel.receive_push(PagePush::Run(RunView {
            open: true,
            status: SimStatus::Paused,
            freshness: Freshness::Outdated,
            speed: Speed::Max,
        }));
        assert!(panel.open.get_untracked());
        assert_eq!(panel.status.get_untracked(), SimStatus::Paused);
        assert_eq!(panel.freshness.get_untracked(), Freshness::Outdated);
        let design = template("microservices").unwrap();
        let snapshot = encode_snapshot(&design);
        panel.receive_push(PagePush::Design {
            snapshot,
            run: true,
        });
        assert_eq!(panel.run_design.get_untracked(), Some(design));
        panel.receive_push(PagePush::Design {
            snapshot: "not a snapshot".to_string(),
            run: false,
        });
        assert_eq!(panel.run_design.get_untracked(), None);
        assert_eq!(panel.canvas_design.get_untracked(), None);
    }

    #[test]
    fn intents_ask_the_page() {
        let (panel, asked) = recording_panel();
        panel.run();
        panel.set_speed(Speed::X10);
        panel.reveal(ComponentId(4));
        panel.close();
        assert_eq!(
            *asked.borrow(),
            vec![
                PanelAsk::Run,
                PanelAsk::SetSpeed(Speed::X10),
                PanelAsk::Reveal(ComponentId(4)),
                PanelAsk::Close
            ]
        );
    }
}
