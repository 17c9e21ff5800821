//! The exercise as data: what the student reads, starts from, is checked
//! against, and the runs the simulated checks use.
//!
//! What must stay true: everything here is plain serde data, so a challenge
//! link can carry an exercise made by a teacher; ids are stable slugs.

use super::check::Check;
use super::design_source::{DesignSource, Step};
use crate::engine::model::{FaultAction, SimulationSettings};
use serde::{Deserialize, Serialize};

/// The parts of the seed document, in the order the learning path follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// SOLID principles for architecture.
    Solid,
    /// The quality-attributes rubric.
    Rubric,
    /// Microservices architecture.
    Microservices,
    /// Event-driven architecture.
    EventDriven,
    /// Horizontal (auto-)scaling.
    AutoScaling,
    /// Database scaling.
    DatabaseScaling,
    /// Reliability design (the document leaves it empty).
    Reliability,
    /// Security architecture (the document leaves it empty).
    Security,
    /// Performance architecture (the document leaves it empty).
    Performance,
    /// The document's three projects.
    Capstone,
    /// The document's follow-up questions.
    FollowUp,
    /// A challenge made by a teacher.
    Custom,
}

impl Section {
    /// Every section of the path, in order.
    pub const PATH: [Section; 11] = [
        Section::Solid,
        Section::Rubric,
        Section::Microservices,
        Section::EventDriven,
        Section::AutoScaling,
        Section::DatabaseScaling,
        Section::Reliability,
        Section::Security,
        Section::Performance,
        Section::Capstone,
        Section::FollowUp,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Section::Solid => "SOLID principles",
            Section::Rubric => "Quality attributes",
            Section::Microservices => "Microservices",
            Section::EventDriven => "Event-driven",
            Section::AutoScaling => "Auto-scaling",
            Section::DatabaseScaling => "Database scaling",
            Section::Reliability => "Reliability",
            Section::Security => "Security",
            Section::Performance => "Performance",
            Section::Capstone => "Capstone projects",
            Section::FollowUp => "Follow-up questions",
            Section::Custom => "Challenge",
        }
    }
}

/// A fault the exercise injects into every run, naming its component by name
/// (a student's component ids may differ from the start design's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedFault {
    /// The component's name.
    pub component: String,
    /// What goes wrong.
    pub action: FaultAction,
    /// When it starts, seconds from the start of the run.
    pub at_s: f64,
    /// How long it lasts; absent means to the end of the run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<f64>,
}

/// How the simulated checks run the design.
///
/// The scenario fields of `scenario` (duration, warm-up, arrival profile and
/// its factors, key popularity, service-time spread) replace the design's;
/// what the student designs (start-up delay, autoscaler, timeouts, retries,
/// circuit breaker) stays the design's. `scenario.seed` and `scenario.faults`
/// are ignored: `seeds` and `faults` say them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunSettings {
    /// One run per seed; the worst seed judges a check.
    pub seeds: Vec<u64>,
    /// The traffic and timing of every run.
    pub scenario: SimulationSettings,
    /// Faults injected into every run.
    #[serde(default)]
    pub faults: Vec<NamedFault>,
}

impl Default for RunSettings {
    fn default() -> RunSettings {
        RunSettings {
            seeds: vec![1, 2],
            scenario: SimulationSettings {
                duration_s: 30.0,
                ..SimulationSettings::default()
            },
            faults: Vec::new(),
        }
    }
}

impl RunSettings {
    /// A few words on the scenario for a requirement ("under the 3x spike at 30 s").
    pub fn scenario_words(&self) -> String {
        use crate::engine::model::ArrivalProfile as P;
        let s = &self.scenario;
        let shape = match s.arrival {
            P::Steady => "under steady load".to_string(),
            P::Ramp => format!(
                "through a ramp from {}x to {}x",
                s.ramp_from_factor, s.ramp_to_factor
            ),
            P::Spike => format!(
                "under the {}x spike at {} s",
                s.profile_factor,
                (s.profile_at_percent / 100.0 * s.duration_s).round()
            ),
            P::Wave => format!("through {} traffic waves", s.wave_count),
            P::Step => format!(
                "after a {}x step at {} s",
                s.profile_factor,
                (s.profile_at_percent / 100.0 * s.duration_s).round()
            ),
        };
        if self.faults.is_empty() {
            shape
        } else {
            let faults: Vec<String> = self
                .faults
                .iter()
                .map(|f| {
                    let (name, at) = (&f.component, f.at_s);
                    match f.action {
                        FaultAction::KillReplica => format!("a replica of {name} killed at {at} s"),
                        FaultAction::ComponentDown => format!("{name} down at {at} s"),
                        FaultAction::AddLatency { ms } => {
                            format!("{name} slowed by {ms} ms at {at} s")
                        }
                        FaultAction::AddErrors { percent } => {
                            format!("{name} failing {percent} % of calls at {at} s")
                        }
                    }
                })
                .collect();
            format!("{shape}, with {}", faults.join(", "))
        }
    }
}

/// One graded exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    /// Stable slug, e.g. `solid-single-responsibility`.
    pub id: String,
    /// Where it sits in the path.
    pub section: Section,
    /// Short title.
    pub title: String,
    /// The situation, the goal and the constraints, in plain words.
    pub brief: String,
    /// The design the student starts from.
    pub start: DesignSource,
    /// A design that passes every check.
    pub reference: DesignSource,
    /// What is checked, in the order the checklist shows.
    pub checks: Vec<Check>,
    /// Progressive hints, revealed one at a time (at least two).
    pub hints: Vec<String>,
    /// What the exercise taught, shown after passing.
    pub debrief: String,
    /// How the simulated checks run.
    #[serde(default)]
    pub runs: RunSettings,
    /// Edits of the reference design that each break one check, so a test
    /// proves no check is decorative (a catalog's own evidence; challenges
    /// leave it empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakers: Vec<Breaker>,
}

/// Steps that, applied to the reference design, make the check `check` fail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Breaker {
    /// The id of the check that must fail.
    pub check: String,
    /// What to change.
    pub steps: Vec<Step>,
}
