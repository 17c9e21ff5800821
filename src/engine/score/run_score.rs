//! What a simulated run changes in a design's scorecard, as plain data: the
//! performance facts the run measured, the rubric lines it judged
//! differently, and the scores that follow. The worker computes it beside the
//! run (`engine::sim::score::simulated_scorecard` needs the run's figures and
//! much wording) and sends it; the page lays it over its own analytic
//! scorecard with [`RunScore::apply`], so the page's bundle carries no
//! reconciling code, only this data.
//!
//! What must stay true: `RunScore::between(&estimated, &reconciled)` applied
//! to `estimated` gives `reconciled` exactly (tests/sim/score.rs checks it on
//! runs of templates); a line the run measured names the run as its source;
//! applying keeps every line the run did not change as it was.

use crate::engine::model::ComponentId;
use crate::engine::score::evidence::Measure;
use crate::engine::score::facts::Facts;
use crate::engine::score::source::{Figure, Source, ESTIMATED_FACTS};
use crate::engine::score::Scorecard;
use serde::{Deserialize, Serialize};

/// A performance fact as the run measured it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunMeasure {
    /// The fact's name, one of [`ESTIMATED_FACTS`].
    pub fact: String,
    /// The run's figure and reason.
    pub measure: Measure,
}

/// A rubric line as the run judged it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunLine {
    /// Position of the attribute in the scorecard.
    pub attribute: usize,
    /// Position of the line in its attribute.
    pub line: usize,
    /// Whether it passed on the run's figures.
    pub passed: bool,
    /// Points earned.
    pub points: f64,
    /// Why, in terms of the run.
    pub reason: String,
    /// What change would earn the points (empty when passed).
    pub fix: String,
    /// The component the reason is about.
    pub component: Option<ComponentId>,
    /// The run's figure beside the design's, when the run measured one:
    /// its value and its words (its source is the run).
    pub run_figure: Option<(Option<f64>, String)>,
}

/// What a run of a design changes in the design's scorecard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunScore {
    /// Seed of the run.
    pub seed: u64,
    /// Simulated seconds of the run.
    pub duration_s: f64,
    /// The performance facts the run measured.
    pub measures: Vec<RunMeasure>,
    /// Every line the run judged differently from the analytic scorecard.
    pub lines: Vec<RunLine>,
    /// Every attribute's score, in scorecard order.
    pub scores: Vec<f64>,
    /// The mean of the scores.
    pub overall: f64,
}

/// The measure of fact `name` among the facts a run measures.
fn measure_mut<'a>(facts: &'a mut Facts, name: &str) -> Option<&'a mut Measure> {
    match name {
        "response_time_ms" => Some(&mut facts.response_time_ms),
        "throughput_rps" => Some(&mut facts.throughput_rps),
        "latency_ms" => Some(&mut facts.latency_ms),
        "cpu_percent" => Some(&mut facts.cpu_percent),
        _ => None,
    }
}

impl RunScore {
    /// What the run of `seed` lasting `duration_s` changed from `estimated`
    /// (the design's analytic scorecard) to `reconciled` (the same design's
    /// scorecard reconciled with the run).
    pub fn between(
        estimated: &Scorecard,
        reconciled: &Scorecard,
        seed: u64,
        duration_s: f64,
    ) -> RunScore {
        let mut reconciled_facts = reconciled.facts.clone();
        let measures = ESTIMATED_FACTS
            .iter()
            .filter_map(|fact| {
                let measure = measure_mut(&mut reconciled_facts, fact)?.clone();
                Some(RunMeasure {
                    fact: fact.to_string(),
                    measure,
                })
            })
            .collect();
        let mut lines = Vec::new();
        for (attribute, (after, before)) in reconciled
            .attributes
            .iter()
            .zip(&estimated.attributes)
            .enumerate()
        {
            for (line, (after, before)) in after.lines.iter().zip(&before.lines).enumerate() {
                if after != before {
                    lines.push(RunLine {
                        attribute,
                        line,
                        passed: after.passed,
                        points: after.points,
                        reason: after.reason.clone(),
                        fix: after.fix.clone(),
                        component: after.component,
                        run_figure: after
                            .values
                            .run
                            .as_ref()
                            .map(|figure| (figure.value, figure.words.clone())),
                    });
                }
            }
        }
        RunScore {
            seed,
            duration_s,
            measures,
            lines,
            scores: reconciled.attributes.iter().map(|a| a.score).collect(),
            overall: reconciled.overall,
        }
    }

    /// `card` (the design's analytic scorecard) with the run's measures,
    /// lines and scores laid over it.
    pub fn apply(&self, mut card: Scorecard) -> Scorecard {
        for run in &self.measures {
            if let Some(measure) = measure_mut(&mut card.facts, &run.fact) {
                *measure = run.measure.clone();
            }
        }
        for run in &self.lines {
            let Some(line) = card
                .attributes
                .get_mut(run.attribute)
                .and_then(|attribute| attribute.lines.get_mut(run.line))
            else {
                continue;
            };
            line.passed = run.passed;
            line.points = run.points;
            line.reason.clone_from(&run.reason);
            line.fix.clone_from(&run.fix);
            line.component = run.component;
            line.values.run = run.run_figure.as_ref().map(|(value, words)| Figure {
                value: *value,
                words: words.clone(),
                source: Source::Run {
                    seed: self.seed,
                    duration_s: self.duration_s,
                },
            });
        }
        for (attribute, score) in card.attributes.iter_mut().zip(&self.scores) {
            attribute.score = *score;
        }
        card.overall = self.overall;
        card
    }
}
