//! The protocol between the page (`archplay-web`) and the Simulate panel's
//! module (`archplay-sim-panel`, `src/sim_panel.rs`), a second page wasm
//! loaded on the click that first opens the panel (`ui::lazy`). The page
//! owns the run (its status, the run number, the design it ran, what the
//! canvas and the scorecard show) and pushes what the panel displays
//! ([`PagePush`]); it forwards the worker's run reports of the current run
//! as it received them, and the panel keeps what only it shows (clock, chart
//! points, log, query offer and answer, the finished summary). The panel
//! asks the page for everything that changes the run or the page
//! ([`PanelAsk`]). Both cross as JavaScript values through
//! `serde-wasm-bindgen`, so the shapes here are the wire format.
//!
//! What must stay true: this is plain data (no browser crate), shared by both
//! ends; the module exports exactly the functions named in [`exports`]; the
//! page forwards only reports of the run it considers current, and pushes
//! [`PagePush::Cleared`] whenever it forgets a run, so the panel never shows
//! figures of a run the user has reset.

use crate::engine::model::ComponentId;
use crate::engine::sim::live::speed::Speed;
use crate::worker_protocol::QueryRequest;
use serde::{Deserialize, Serialize};

/// The module's name: trunk writes `{MODULE}.js` and `{MODULE}_bg.wasm` (index.html).
pub const MODULE: &str = "archplay-sim-panel";

/// The functions the panel module exports.
pub mod exports {
    /// `mount(element, ask)`: mounts the panel into `element` (once); `ask`
    /// is a JavaScript function the panel calls with each [`super::PanelAsk`].
    pub const MOUNT: &str = "mount";
    /// `push(value)`: a [`super::PagePush`].
    pub const PUSH: &str = "push";
    /// `report(value)`: a worker message carrying a run report
    /// (`worker_protocol::Report::Run`) of the current run, as the worker sent it.
    pub const REPORT: &str = "report";
}

/// Where the run is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// How the run relates to the design on the canvas (the page decides it:
/// `ui::state::freshness::RunFreshness`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Freshness {
    /// No run.
    #[default]
    None,
    /// The run is of the design on the canvas.
    Current,
    /// The design changed since the run.
    Outdated,
}

impl Freshness {
    /// A word for `data-freshness`.
    pub fn slug(self) -> &'static str {
        match self {
            Freshness::None => "none",
            Freshness::Current => "current",
            Freshness::Outdated => "outdated",
        }
    }
}

/// The run as the panel's controls show it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunView {
    /// Whether the panel is open.
    pub open: bool,
    /// Where the run is.
    pub status: SimStatus,
    /// How the run relates to the canvas.
    pub freshness: Freshness,
    /// The chosen speed.
    pub speed: Speed,
}

/// What the page tells the panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PagePush {
    /// The run's controls changed.
    Run(RunView),
    /// The design the panel names things after (a snapshot,
    /// `engine::share::encode_snapshot`): the run's while there is one
    /// (`run` is true), else the canvas's, whose empty charts show before a run.
    Design {
        /// The design as a snapshot.
        snapshot: String,
        /// Whether it is the design of a run.
        run: bool,
    },
    /// The page forgot the run (reset, a new run, a design opened
    /// wholesale): drop its clock, points, log, query and summary.
    Cleared,
}

/// What the panel asks of the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PanelAsk {
    /// Run, or resume a paused run.
    Run,
    /// Forget an outdated run and run the design as it is now.
    RunAgain,
    /// Pause the run.
    Pause,
    /// Advance a paused run to its next chart point.
    Step,
    /// Forget the run.
    Reset,
    /// Choose a speed.
    SetSpeed(Speed),
    /// Ask the run's event store (and show the store on the canvas).
    Query(QueryRequest),
    /// Select a component the panel names and show it on the canvas.
    Reveal(ComponentId),
    /// Show the design's workload and simulation settings in the inspector.
    ShowSettings,
    /// Close the panel.
    Close,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(value: &T) -> T {
        serde_json::from_value(serde_json::to_value(value).unwrap()).unwrap()
    }

    #[test]
    fn pushes_and_asks_cross_unchanged() {
        let pushes = [
            PagePush::Run(RunView {
                open: true,
                status: SimStatus::Failed("no worker".to_string()),
                freshness: Freshness::Outdated,
                speed: Speed::default(),
            }),
            PagePush::Design {
                snapshot: "abc".to_string(),
                run: true,
            },
            PagePush::Cleared,
        ];
        for push in &pushes {
            assert_eq!(&round_trip(push), push);
        }
        let asks = [
            PanelAsk::Run,
            PanelAsk::SetSpeed(Speed::default()),
            PanelAsk::Reveal(ComponentId(7)),
            PanelAsk::Query(QueryRequest {
                store: ComponentId(3),
                topic: "orders".to_string(),
                from_s: 0.0,
                to_s: 61.0,
            }),
            PanelAsk::Close,
        ];
        for ask in &asks {
            assert_eq!(&round_trip(ask), ask);
        }
    }

    #[test]
    fn slugs_name_each_state() {
        assert_eq!(SimStatus::Failed(String::new()).slug(), "failed");
        assert_eq!(SimStatus::default().slug(), "idle");
        assert_eq!(Freshness::Outdated.slug(), "outdated");
        assert_eq!(Freshness::default().slug(), "none");
    }
}
