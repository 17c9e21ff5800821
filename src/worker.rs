//! The page's Web Worker: a second wasm binary, loaded by the page when it
//! first needs it (Run, Share / Export, an import, a link in the address, an
//! old autosave), so the main bundle carries neither the simulator nor the
//! design file's JSON, link compression, old link versions or the exports.
//! It takes [`Command`]s and answers with [`Report`]s (both through
//! `serde-wasm-bindgen`; the protocol is `archplay::worker_protocol`). A run's
//! reports are data (chart points, log lines, figures), which the page keeps
//! and draws. A [`Command::Task`] is answered at once through
//! [`tasks::run`]; a run advances a [`LiveRun`] in slices of at most
//! [`SLICE_EVENTS`] events: at a chosen speed it tracks the wall clock (a
//! slice every [`TICK_MS`]), at full speed it works [`MAX_BUDGET_MS`] at a
//! time and yields so that commands (Pause, Reset) get through.
//!
//! What must stay true: the page's main thread never waits on the simulator
//! (all of it runs here); progress is posted at most every [`PROGRESS_MS`] of
//! wall time; every run report carries the run number of the Start it answers;
//! points and log lines are sent once each, in the order they were made.

use archplay::engine::model::Design;
use archplay::engine::share::decode_snapshot;
use archplay::engine::sim::agenda::Micros;
use archplay::engine::sim::live::speed::Speed;
use archplay::engine::sim::live::LiveRun;
use archplay::engine::sim::score::{run_score, SimulatedPerformance};
use archplay::engine::sim::verdict::run_verdict;
use archplay::engine::sim::RunOutcome;
use archplay::engine::tasks;
use archplay::worker_protocol::{Command, QueryRequest, Report, RunFigures, RunReport};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

#[path = "worker/bench.rs"]
mod bench;

/// Events per `run_until` call: a few milliseconds of work.
const SLICE_EVENTS: u64 = 20_000;
/// Wall milliseconds of work per tick at a chosen speed.
const PACED_BUDGET_MS: f64 = 8.0;
/// Wall milliseconds of work between yields at full speed.
const MAX_BUDGET_MS: f64 = 40.0;
/// Wall milliseconds between ticks at a chosen speed.
const TICK_MS: u32 = 16;
/// Wall milliseconds between two progress reports.
const PROGRESS_MS: f64 = 100.0;

/// Where a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    Running,
    Paused,
    Finished,
}

/// The worker's one piece of state.
struct Runner {
    run: u32,
    live: Option<LiveRun>,
    /// The design of the run, which its verdict and score are about.
    design: Option<Design>,
    phase: Phase,
    speed: Speed,
    /// (simulated µs, wall ms) when the speed last applied from.
    anchor: (Micros, f64),
    last_progress_ms: f64,
    looping: bool,
}

thread_local! {
    static RUNNER: RefCell<Runner> = const { RefCell::new(Runner {
        run: 0,
        live: None,
        design: None,
        phase: Phase::Idle,
        speed: Speed::X10,
        anchor: (0, 0.0),
        last_progress_ms: 0.0,
        looping: false,
    }) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now_ms() -> f64 {
    scope()
        .performance()
        .map_or(0.0, |performance| performance.now())
}

/// Posts a report to the page; u64 counters and seeds travel as BigInt when they must.
fn post(report: &Report) {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    match report.serialize(&serializer) {
        Ok(value) => {
            let _ = scope().post_message(&value);
        }
        Err(error) => web_sys::console::error_1(
            &format!("archplay worker: cannot send a report: {error}").into(),
        ),
    }
}

impl Runner {
    /// Posts `report` as news of the current run.
    fn post_run(&self, report: RunReport) {
        post(&Report::Run {
            run: self.run,
            report,
        });
    }

    fn post_progress(&mut self) {
        let Some(live) = self.live.as_mut() else {
            return;
        };
        let update = live.take_update();
        let paused = self.phase == Phase::Paused;
        self.post_run(RunReport::Progress {
            time_s: update.time_s,
            events: update.events,
            components: update.components,
            points: update.points,
            log: update.log,
            paused,
        });
        self.last_progress_ms = now_ms();
    }

    fn finish(&mut self) {
        self.post_progress();
        let (Some(live), Some(design)) = (self.live.as_ref(), self.design.as_ref()) else {
            return;
        };
        let summary = live.summary();
        let summary_json = serde_json::to_string_pretty(&summary).unwrap_or_default();
        let performance = SimulatedPerformance::from_summary(&summary);
        self.post_run(RunReport::Finished {
            figures: RunFigures::of(&performance),
            verdict: run_verdict(&performance, design),
            score: Box::new(run_score(design, &performance)),
            summary_json,
        });
        self.phase = Phase::Finished;
    }

    fn start(&mut self, run: u32, design: &str, speed: Speed) {
        self.run = run;
        self.live = None;
        self.design = None;
        self.phase = Phase::Idle;
        let failed = |message: String| {
            post(&Report::Run {
                run,
                report: RunReport::Failed(message),
            })
        };
        let design = match decode_snapshot(design) {
            Ok(design) => design,
            Err(error) => return failed(format!("the design could not be read: {error}")),
        };
        let live = match LiveRun::new(&design) {
            Ok(live) => live,
            Err(error) => return failed(format!("the simulation could not start: {error}")),
        };
        self.post_run(RunReport::Started {
            seed: live.simulation().plan().settings.seed,
            duration_s: live.end() as f64 / 1e6,
            stores: live.stores(),
            topics: live.topics(),
        });
        self.live = Some(live);
        self.design = Some(design);
        self.speed = speed;
        self.resume();
    }

    fn resume(&mut self) {
        let Some(live) = self.live.as_ref() else {
            return;
        };
        if live.finished() {
            return;
        }
        self.anchor = (live.now(), now_ms());
        self.phase = Phase::Running;
        self.post_progress();
        if !self.looping {
            self.looping = true;
            wasm_bindgen_futures::spawn_local(run_loop());
        }
    }

    fn step(&mut self) {
        if self.phase != Phase::Paused {
            return;
        }
        let Some(live) = self.live.as_mut() else {
            return;
        };
        let deadline = live.now().saturating_add(live.sample_step());
        if live.advance(deadline, u64::MAX) == RunOutcome::Finished {
            self.finish();
        } else {
            self.post_progress();
        }
    }

    fn handle(&mut self, command: Command) {
        match command {
            Command::Start { run, design, speed } => self.start(run, &design, speed),
            Command::Pause => {
                if self.phase == Phase::Running {
                    self.phase = Phase::Paused;
                    self.post_progress();
                }
            }
            Command::Resume => {
                if self.phase == Phase::Paused {
                    self.resume();
                }
            }
            Command::Step => self.step(),
            Command::SetSpeed(speed) => {
                self.speed = speed;
                if let Some(live) = self.live.as_ref() {
                    self.anchor = (live.now(), now_ms());
                }
            }
            Command::Reset => {
                self.live = None;
                self.design = None;
                self.phase = Phase::Idle;
            }
            Command::Query(QueryRequest {
                store,
                topic,
                from_s,
                to_s,
            }) => {
                if let Some(live) = self.live.as_ref() {
                    self.post_run(RunReport::Answer(live.query(store, &topic, from_s, to_s)));
                }
            }
            Command::Bench(request) => post(&Report::Bench {
                json: bench::run(&request, now_ms),
            }),
            Command::Task { id, task } => post(&Report::TaskDone {
                id,
                answer: tasks::run(&task),
            }),
        }
    }

    /// One tick of a running run: work up to the budget, report; the wall
    /// milliseconds to wait before the next tick, or `None` to stop looping.
    fn tick(&mut self) -> Option<u32> {
        if self.phase != Phase::Running {
            self.looping = false;
            return None;
        }
        let started = now_ms();
        let (budget_ms, pause_ms) = if self.speed == Speed::Max {
            (MAX_BUDGET_MS, 0)
        } else {
            (PACED_BUDGET_MS, TICK_MS)
        };
        let target = self
            .speed
            .target_us(self.anchor.0, self.anchor.1, started)
            .unwrap_or(Micros::MAX);
        let live = self.live.as_mut()?;
        let mut outcome = RunOutcome::EventLimit;
        while outcome == RunOutcome::EventLimit && now_ms() - started < budget_ms {
            outcome = live.advance(target, SLICE_EVENTS);
        }
        if outcome == RunOutcome::Finished {
            self.finish();
            self.looping = false;
            return None;
        }
        if now_ms() - self.last_progress_ms >= PROGRESS_MS {
            self.post_progress();
        }
        Some(pause_ms)
    }
}

/// Ticks while the run is running.
async fn run_loop() {
    while let Some(pause_ms) = RUNNER.with(|runner| runner.borrow_mut().tick()) {
        gloo_timers::future::TimeoutFuture::new(pause_ms).await;
    }
}

fn on_message(event: MessageEvent) {
    match serde_wasm_bindgen::from_value::<Command>(event.data()) {
        Ok(command) => RUNNER.with(|runner| runner.borrow_mut().handle(command)),
        Err(error) => {
            web_sys::console::error_1(&format!("archplay worker: not a command: {error}").into())
        }
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let handler = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The worker lives as long as the page; its handler with it.
    handler.forget();
    // Messages sent before the handler existed were dropped, so the page waits for this.
    post(&Report::Ready);
}
