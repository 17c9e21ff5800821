//! The run's event log (scaling actions, faults, circuit breakers, failed
//! requests by cause) and, once the run is over, its summary: the key
//! figures, the errors by cause, and the summary JSON itself.
//!
//! What must stay true: the log is `data-testid="sim-log"` with one
//! `sim-log-line` per line carrying `data-kind`, and keeps the newest
//! [`LOG_CAPACITY`] lines; lines are keyed by their number in the run, so a
//! report adds the new lines and leaves the others alone. The finished
//! summary is `data-testid="sim-summary"` with the JSON `archplay simulate`
//! prints for the same design and seed in `data-summary`; errors by cause are
//! `sim-errors` rows with `data-cause` (the cause's slug; the text is its
//! human name). The engine's verdict on the run (computed by the worker) is `sim-verdict` with
//! `data-state` (`ok`, `degraded`, `failed`), then its findings
//! (`sim-finding`) and the glossary of the causes that occurred (`sim-glossary`).
//! A component a line names is a `sim-reveal` button that shows it on the
//! canvas ([`super::reveal`]).

use super::reveal::{named_component, NamedText};
use super::{use_panel_state, FinishedRun};
use crate::engine::sim::live::progress::LogLine;
use crate::engine::sim::verdict::RunVerdict;
use leptos::prelude::*;

/// Most log lines kept; older ones are dropped first.
pub const LOG_CAPACITY: usize = 500;

/// A log line and its number in the run (from 0), which keys it in the view.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberedLine {
    /// Lines the run logged before this one.
    pub number: u64,
    /// The line.
    pub line: LogLine,
}

/// The newest lines of a run's log, at most [`LOG_CAPACITY`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventLog {
    lines: Vec<NumberedLine>,
    logged: u64,
}

impl EventLog {
    /// Adds `lines` at the end, dropping the oldest beyond [`LOG_CAPACITY`].
    pub fn extend(&mut self, lines: Vec<LogLine>) {
        for line in lines {
            self.lines.push(NumberedLine {
                number: self.logged,
                line,
            });
            self.logged += 1;
        }
        let excess = self.lines.len().saturating_sub(LOG_CAPACITY);
        self.lines.drain(..excess);
    }

    /// The lines kept, oldest first.
    pub fn lines(&self) -> &[NumberedLine] {
        &self.lines
    }
}

/// The event log of the run.
#[component]
pub fn EventLogView() -> impl IntoView {
    let sim = use_panel_state();
    let lines = move || sim.log.with(|log| log.lines().to_vec());
    view! {
        <section class="ap-sim__log-box" aria-label="Event log">
            <h3 class="ap-sim__heading">"Event log"</h3>
            <div class="ap-sim__log" data-testid="sim-log" role="list">
                <For each=lines key=|numbered| numbered.number let:numbered>
                    <LogLineView line=numbered.line />
                </For>
            </div>
        </section>
    }
}

/// One line: its simulated time and what happened.
#[component]
fn LogLineView(
    /// The line shown.
    line: LogLine,
) -> impl IntoView {
    let kind = line.kind.slug();
    let named = use_panel_state()
        .run_design
        .with_untracked(|design| design.as_ref().and_then(|d| named_component(&line.text, d)));
    view! {
        <div
            class=format!("ap-sim__log-line ap-sim__log-line--{kind}")
            role="listitem"
            data-testid="sim-log-line"
            data-kind=kind
        >
            <span class="ap-sim__log-time">{format!("{:.1} s", line.t_s)}</span>
            " "
            <NamedText text=line.text named />
        </div>
    }
}

/// The finished run's figures and errors by cause, while there is one.
#[component]
pub fn RunSummary() -> impl IntoView {
    let sim = use_panel_state();
    move || {
        sim.finished
            .get()
            .map(|finished| view! { <SummaryFigures finished /> })
    }
}

/// The figures of one finished run.
#[component]
fn SummaryFigures(
    /// The run's figures, verdict and summary JSON.
    finished: FinishedRun,
) -> impl IntoView {
    let FinishedRun {
        figures: p,
        verdict,
        summary_json,
    } = finished;
    let errors = (!p.errors.is_empty()).then(|| {
        let rows = p
            .errors
            .iter()
            .map(|cause| {
                view! {
                    <tr data-testid="sim-errors" data-cause=cause.slug.clone()>
                        <td>{cause.name.clone()}</td>
                        <td>{cause.count}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="ap-sim__errors">
                <caption>"Failed requests by cause"</caption>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    view! {
        <section class="ap-sim__summary" data-testid="sim-summary" data-summary=summary_json aria-label="Run summary">
            <h3 class="ap-sim__heading">{p.label.clone()}</h3>
            <VerdictView verdict />
            <dl class="ap-sim__figures">
                <dt>"answered"</dt>
                <dd>{format!("{} ({:.0} req/s)", p.completed, p.throughput_rps)}</dd>
                <dt>"failed"</dt>
                <dd>{format!("{} ({:.2}%)", p.failed, p.failed_percent)}</dd>
                <dt>"latency p50 / p95 / p99"</dt>
                <dd>{format!("{:.1} / {:.1} / {:.1} ms", p.p50_ms, p.p95_ms, p.p99_ms)}</dd>
            </dl>
            {errors}
        </section>
    }
}

/// How the run went: its state and why, what failed where, and what each
/// cause that occurred means (all words from the engine).
#[component]
fn VerdictView(
    /// The engine's verdict on the run.
    verdict: RunVerdict,
) -> impl IntoView {
    let findings = verdict
        .findings
        .iter()
        .map(|finding| view! { <li data-testid="sim-finding">{finding.clone()}</li> })
        .collect_view();
    let glossary = (!verdict.glossary.is_empty()).then(|| {
        let entries = verdict
            .glossary
            .iter()
            .map(|entry| {
                view! {
                    <dt data-testid="sim-glossary-term" data-cause=entry.slug.clone()>{entry.name.clone()}</dt>
                    <dd>{entry.meaning.clone()}</dd>
                }
            })
            .collect_view();
        view! { <dl class="ap-sim__glossary" data-testid="sim-glossary" aria-label="What the causes mean">{entries}</dl> }
    });
    view! {
        <p class="ap-sim__verdict" data-testid="sim-verdict" data-state=verdict.state.slug()>
            {verdict.headline.clone()}
        </p>
        <ul class="ap-sim__findings">{findings}</ul>
        {glossary}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sim::live::progress::LogKind;

    fn line(text: &str) -> LogLine {
        LogLine {
            t_s: 1.0,
            kind: LogKind::Scale,
            text: text.into(),
        }
    }

    #[test]
    fn the_log_numbers_its_lines_and_keeps_the_newest() {
        let mut log = EventLog::default();
        log.extend(vec![line("a"), line("b")]);
        assert_eq!(log.lines()[1].number, 1);
        log.extend((0..LOG_CAPACITY).map(|i| line(&i.to_string())).collect());
        assert_eq!(log.lines().len(), LOG_CAPACITY);
        assert_eq!(
            log.lines()[0].number,
            2,
            "the two oldest lines were dropped"
        );
        assert_eq!(log.lines()[0].line.text, "0");
        assert_eq!(
            log.lines().last().map(|numbered| numbered.number),
            Some(LOG_CAPACITY as u64 + 1)
        );
    }
}
