//! Where the figure that judged a rubric line came from: the design itself
//! (an entered value or a structural fact), the analytic estimate, or a run
//! of this very design. A line carries its design-side figure and, once a
//! run of the design measured the same quantity, the run's figure beside
//! it; the run's then judges the line.
//!
//! What must stay true: a line with a run figure was judged by the run; a
//! line without one was judged by its design figure, whose source is
//! [`Source::Estimate`] exactly for the facts the analytic estimate computes
//! ([`ESTIMATED_FACTS`]). Words are built here so every view says the same.

use crate::engine::attributes::fields::format_number;
use serde::Serialize;

/// The facts the analytic estimate computes (every other fact is the design's).
pub const ESTIMATED_FACTS: [&str; 4] = [
    "response_time_ms",
    "throughput_rps",
    "latency_ms",
    "cpu_percent",
];

/// Where a figure comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// The design as drawn and entered.
    Design,
    /// The analytic estimate of the design.
    Estimate,
    /// A simulated run of this design.
    Run {
        /// Its seed.
        seed: u64,
        /// Simulated seconds.
        duration_s: f64,
    },
}

impl Source {
    /// `design`, `estimate` or `run`, as in test ids.
    pub fn slug(&self) -> &'static str {
        match self {
            Source::Design => "design",
            Source::Estimate => "estimate",
            Source::Run { .. } => "run",
        }
    }

    /// `design`, `estimate` or `run (seed 3, 60 s)`.
    pub fn label(&self) -> String {
        match self {
            Source::Design => "design".to_string(),
            Source::Estimate => "estimate".to_string(),
            Source::Run { seed, duration_s } => format!(
                "run (seed {seed}, {} s)",
                format_number((duration_s * 10.0).round() / 10.0)
            ),
        }
    }
}

/// One figure of a line: its value (when it has one), in words, and its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The number, when the figure is one (a yes-or-no fact has none).
    pub value: Option<f64>,
    /// The figure in words with its unit: `46 ms`, `yes`, `16.9 % failed`.
    pub words: String,
    /// Where it comes from.
    pub source: Source,
}

/// The figures of one rubric line: the design's (or estimate's) and, when a
/// run of the design measured it, the run's, which then judged the line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineValues {
    /// The design's or the analytic estimate's figure.
    pub design: Figure,
    /// The run's figure, when a run of this design measured the quantity.
    pub run: Option<Figure>,
}

impl LineValues {
    /// The design-side figure of fact `fact` with `value` shown in `unit`
    /// (`None` and a unit of `""` for a yes-or-no fact that `holds` or not).
    pub fn of_design(fact: &str, value: Option<f64>, unit: &str, holds: bool) -> LineValues {
        let source = if ESTIMATED_FACTS.contains(&fact) {
            Source::Estimate
        } else {
            Source::Design
        };
        let words = match value {
            Some(v) => format!("{}{unit}", format_number((v * 10.0).round() / 10.0)),
            None if unit.is_empty() => if holds { "yes" } else { "no" }.to_string(),
            None => "unavailable".to_string(),
        };
        LineValues {
            design: Figure {
                value,
                words,
                source,
            },
            run: None,
        }
    }

    /// The source whose figure judged the line.
    pub fn judged_by(&self) -> &Source {
        self.run
            .as_ref()
            .map_or(&self.design.source, |run| &run.source)
    }

    /// Both figures in words, saying which judged: `estimate 46 ms · run (seed
    /// 1, 60 s) 101 ms, judged by the run`, or `estimated: 46 ms` alone.
    pub fn words(&self) -> String {
        let design = &self.design;
        match &self.run {
            Some(run) => format!(
                "{} {} · {} {}, judged by the run",
                design.source.label(),
                design.words,
                run.source.label(),
                run.words
            ),
            None => match design.source {
                Source::Estimate => format!("estimated: {}", design.words),
                _ => format!("design: {}", design.words),
            },
        }
    }

    /// What the page shows under a line: both figures after a run, the
    /// estimate's alone before one; `None` for a line judged by the design
    /// alone (its reason already gives its figure).
    pub fn comparison(&self) -> Option<String> {
        match (&self.run, &self.design.source) {
            (None, Source::Design) => None,
            _ => Some(self.words()),
        }
    }
}
