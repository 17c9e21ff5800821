//! What the page shows of a run, drawn here in the worker: the time charts,
//! the event log, the query form and answers, and the summary. The worker
//! keeps the run's points and log lines, so the page receives finished
//! markup and carries none of the drawing code (nor the types it reads).
//!
//! What must stay true: the markup is exactly what `archplay::ui::sim`'s
//! plain functions write (they are tested natively there); charts and log
//! are sent only when they changed; the log keeps the newest
//! [`LOG_CAPACITY`] lines.

use archplay::engine::model::Design;
use archplay::engine::share::decode_snapshot;
use archplay::engine::sim::live::protocol::{
    LogLine, QueryAnswer, Report, SeriesPoint, StoreInfo, Update,
};
use archplay::engine::sim::score::SimulatedPerformance;
use archplay::ui::sim::charts::charts_markup;
use archplay::ui::sim::log::{log_markup, summary_markup};
use archplay::ui::sim::query::{answer_markup, form_markup};
use archplay::ui::sim::LOG_CAPACITY;

/// A run's drawing state.
pub struct Drawing {
    design: Design,
    duration_s: f64,
    points: Vec<SeriesPoint>,
    log: Vec<LogLine>,
    drawn_once: bool,
}

impl Drawing {
    /// The drawing of a run of `design` that lasts `duration_s` simulated seconds.
    pub fn new(design: Design, duration_s: f64) -> Drawing {
        Drawing {
            design,
            duration_s,
            points: Vec::new(),
            log: Vec::new(),
            drawn_once: false,
        }
    }

    /// The charts of `snapshot` before a run: axes, titles and legends, no points.
    pub fn empty_charts(snapshot: &str) -> Result<String, String> {
        let design = decode_snapshot(snapshot).map_err(|error| error.to_string())?;
        Ok(charts_markup(&[], design.simulation.duration_s, &design))
    }

    /// The query form for the run's event stores and topics.
    pub fn query_form(stores: &[StoreInfo], topics: &[String]) -> String {
        form_markup(stores, topics)
    }

    /// The progress report for `update`: charts and log are redrawn only when they grew.
    pub fn progress(&mut self, run: u32, update: Update, paused: bool) -> Report {
        let Update {
            time_s,
            events,
            components,
            points,
            log,
        } = update;
        let charts = (!points.is_empty() || !self.drawn_once).then(|| {
            self.points.extend(points);
            charts_markup(&self.points, self.duration_s.max(time_s), &self.design)
        });
        let log = (!log.is_empty() || !self.drawn_once).then(|| {
            self.log.extend(log);
            let excess = self.log.len().saturating_sub(LOG_CAPACITY);
            self.log.drain(..excess);
            log_markup(&self.log)
        });
        self.drawn_once = true;
        Report::Progress {
            run,
            time_s,
            events,
            components,
            charts,
            log,
            paused,
        }
    }

    /// The summary of the finished run.
    pub fn summary(performance: &SimulatedPerformance, summary_json: &str) -> String {
        summary_markup(performance, summary_json)
    }

    /// An event store's answer.
    pub fn answer(answer: &QueryAnswer) -> String {
        answer_markup(answer)
    }
}
