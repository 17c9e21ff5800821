//! The run's event log (scaling actions, faults, circuit breakers, failed
//! requests by cause) and, once the run is over, its summary: the key
//! figures, the errors by cause, and the summary JSON itself.
//!
//! What must stay true: the log is `data-testid="sim-log"` with one
//! `sim-log-line` per line carrying `data-kind`; the finished summary is
//! `data-testid="sim-summary"` with the JSON `archplay simulate` prints for
//! the same design and seed in `data-summary`; errors by cause are
//! `sim-errors` rows with `data-cause`. Both are markup strings (names
//! escaped) that the panel puts in place.

use super::charts::escape;
use crate::engine::sim::live::protocol::LogLine;
use crate::engine::sim::score::SimulatedPerformance;

/// The log lines as list items.
pub fn log_markup(lines: &[LogLine]) -> String {
    let mut out = String::with_capacity(lines.len() * 96);
    for line in lines {
        out.push_str(&format!(
            "<div class=\"ap-sim__log-line ap-sim__log-line--{kind}\" role=\"listitem\" data-testid=\"sim-log-line\" data-kind=\"{kind}\"><span class=\"ap-sim__log-time\">{:.1} s</span> {}</div>",
            line.t_s,
            escape(&line.text),
            kind = line.kind.slug()
        ));
    }
    out
}

/// The finished run's figures and errors by cause, in `sim-summary` with
/// the summary JSON (`summary_json`) in `data-summary`.
pub fn summary_markup(performance: &SimulatedPerformance, summary_json: &str) -> String {
    let mut out = format!(
        "<section class=\"ap-sim__summary\" data-testid=\"sim-summary\" data-summary=\"{}\" aria-label=\"Run summary\">\
         <h3 class=\"ap-sim__heading\">{}</h3><dl class=\"ap-sim__figures\"><dt>answered</dt><dd>{} ({:.0} req/s)</dd><dt>failed</dt><dd>{} ({:.2}%)</dd>\
         <dt>latency p50 / p95 / p99</dt><dd>{:.1} / {:.1} / {:.1} ms</dd></dl>",
        escape(summary_json),
        performance.label(),
        performance.completed,
        performance.throughput_rps,
        performance.failed,
        performance.failed_percent(),
        performance.p50_ms,
        performance.p95_ms,
        performance.p99_ms
    );
    if performance.errors.is_empty() {
        out.push_str("<p class=\"ap-sim__note\">No request failed.</p>");
    } else {
        out.push_str(
            "<table class=\"ap-sim__errors\"><caption>Failed requests by cause</caption><tbody>",
        );
        for (cause, count) in &performance.errors {
            let cause = escape(cause);
            out.push_str(&format!("<tr data-testid=\"sim-errors\" data-cause=\"{cause}\"><td>{cause}</td><td>{count}</td></tr>"));
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sim::live::protocol::LogKind;

    #[test]
    fn the_summary_carries_its_json_exactly() {
        let performance = SimulatedPerformance {
            seed: 3,
            simulated_s: 60.0,
            arrived: 10,
            completed: 9,
            failed: 1,
            offered_rps: 0.2,
            throughput_rps: 0.15,
            mean_ms: 1.0,
            p50_ms: 1.0,
            p95_ms: 2.0,
            p99_ms: 3.0,
            errors: vec![("queue_full".into(), 1)],
            busiest: None,
            waits: Vec::new(),
        };
        let markup = summary_markup(&performance, "{\"seed\": 3}");
        assert!(markup.contains("data-summary=\"{&quot;seed&quot;: 3}\""));
        assert!(
            markup.contains("simulated (seed 3, 60 s)")
                && markup.contains("data-cause=\"queue_full\"")
        );
    }

    #[test]
    fn log_lines_carry_their_kind_and_escape_names() {
        let lines = vec![LogLine {
            t_s: 12.34,
            kind: LogKind::Scale,
            text: "<api> scaled up".into(),
        }];
        let markup = log_markup(&lines);
        assert!(
            markup.contains("data-kind=\"scale\"")
                && markup.contains("12.3 s")
                && markup.contains("&lt;api&gt;")
        );
    }
}
