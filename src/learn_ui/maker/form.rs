//! The teacher's form as plain data ([`ChallengeForm`]), and turning it into
//! a [`ChallengeSpec`] or a list of problems, each naming its field. (Written
//! by track J.)
//!
//! What must stay true: every bad field gives exactly one problem, named as
//! the form shows it (`title`, `brief`, `hints`, `checks`, `check-N`, `seed`,
//! `faults`); the engine's own rules (`ChallengeSpec::problems`) are the ones
//! applied, so the worker never refuses what the form accepted.

use crate::engine::attributes::fault_text::format_faults;
use crate::engine::attributes::number::parse_number;
use crate::engine::learn::{
    ChallengeSpec, CheckKind, Comparison, ComponentUse, FieldProblem, ScoreKind, SpecCheck,
};
use crate::engine::model::simulation_settings::ArrivalProfile;
use crate::engine::model::Design;

/// Every arrival profile the form offers: slug and label.
pub const ARRIVALS: [(ArrivalProfile, &str, &str); 5] = [
    (ArrivalProfile::Steady, "steady", "Steady"),
    (ArrivalProfile::Ramp, "ramp", "Ramp"),
    (ArrivalProfile::Spike, "spike", "Spike"),
    (ArrivalProfile::Wave, "wave", "Wave"),
    (ArrivalProfile::Step, "step", "Step"),
];

/// One check row as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckRow {
    /// The kind picked.
    pub kind: CheckKind,
    /// The threshold as typed.
    pub threshold: String,
    /// The component it is measured at, by name, as typed (empty for none).
    pub component: String,
}

impl CheckRow {
    /// A row of `kind` with `threshold` and no component.
    pub fn new(kind: CheckKind, threshold: &str) -> CheckRow {
        CheckRow {
            kind,
            threshold: threshold.to_string(),
            component: String::new(),
        }
    }
}

/// The form as typed, before it is a challenge.
#[derive(Clone, Debug, PartialEq)]
pub struct ChallengeForm {
    /// Title.
    pub title: String,
    /// Brief.
    pub brief: String,
    /// Hints, one per line.
    pub hints: String,
    /// The checks.
    pub checks: Vec<CheckRow>,
    /// Arrival profile of the graded run.
    pub arrival: ArrivalProfile,
    /// Seed as typed.
    pub seed: String,
    /// Faults in the inspector's syntax.
    pub faults: String,
}

impl ChallengeForm {
    /// The form for `design`: its seed, arrival profile and faults, one security-score check.
    pub fn for_design(design: &Design) -> ChallengeForm {
        ChallengeForm {
            title: String::new(),
            brief: String::new(),
            hints: String::new(),
            checks: vec![CheckRow::new(CheckKind::Score(ScoreKind::Security), "50")],
            arrival: design.simulation.arrival,
            seed: design.simulation.seed.to_string(),
            faults: format_faults(design, &design.simulation.faults),
        }
    }

    /// The spec, or every problem, each naming its field once.
    pub fn spec(&self) -> Result<ChallengeSpec, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let seed = self.seed.trim().parse::<u64>().unwrap_or_else(|_| {
            problems.push(FieldProblem {
                field: "seed".to_string(),
                message: "the seed must be a whole number, 0 or more".to_string(),
            });
            0
        });
        let checks = self
            .checks
            .iter()
            .enumerate()
            .map(|(index, row)| SpecCheck {
                kind: row.kind,
                threshold: parse_number(&row.threshold).unwrap_or_else(|| {
                    problems.push(FieldProblem {
                        field: format!("check-{}", index + 1),
                        message: format!(
                            "the threshold {:?} is not a number",
                            row.threshold.trim()
                        ),
                    });
                    0.0
                }),
                component: row.component.trim().to_string(),
            })
            .collect();
        let spec = ChallengeSpec {
            title: self.title.trim().to_string(),
            brief: self.brief.trim().to_string(),
            hints: self
                .hints
                .lines()
                .map(str::trim)
                .filter(|hint| !hint.is_empty())
                .map(str::to_string)
                .collect(),
            checks,
            seed,
            arrival: self.arrival,
            faults: self.faults.trim().to_string(),
        };
        for problem in spec.problems() {
            if !problems.iter().any(|known| known.field == problem.field) {
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            Ok(spec)
        } else {
            Err(problems)
        }
    }
}

/// "at most, in ms (in the run)": how a kind's threshold reads beside its input.
pub fn bound_words(kind: CheckKind) -> String {
    let info = kind.info();
    let bound = match info.comparison {
        Comparison::AtLeast => "at least",
        Comparison::AtMost => "at most",
    };
    let source = if info.simulated {
        "in the run"
    } else {
        "from the design"
    };
    match info.unit {
        "" => format!("{bound} ({source})"),
        unit => format!("{bound}, in {unit} ({source})"),
    }
}

/// The component input's placeholder for `kind`, or `None` when it names none.
pub fn component_placeholder(kind: CheckKind) -> Option<&'static str> {
    match kind.info().component {
        ComponentUse::None => None,
        ComponentUse::Optional => Some("component (optional)"),
        ComponentUse::Required => Some("component (required)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::learn::Metric;
    use crate::engine::templates::template;

    #[test]
    fn a_filled_form_is_a_spec_and_bad_fields_are_named_once() {
        let design = template("payment-gateway").unwrap();
        let mut form = ChallengeForm::for_design(&design);
        form.title = "Spike".to_string();
        form.brief = "Hold p99.".to_string();
        form.hints = "one\n\n two \n".to_string();
        form.checks
            .push(CheckRow::new(CheckKind::Simulated(Metric::P99Ms), "150"));
        let spec = form.spec().expect("valid");
        assert_eq!(spec.hints, ["one", "two"]);
        assert_eq!(spec.checks[1].threshold, 150.0);
        assert_eq!(spec.seed, design.simulation.seed);

        type Spoil = fn(&mut ChallengeForm);
        let cases: [(&str, Spoil); 7] = [
            ("title", |form| form.title.clear()),
            ("brief", |form| form.brief = " ".to_string()),
            ("seed", |form| form.seed = "-1".to_string()),
            ("check-2", |form| {
                form.checks[1].threshold = "fast".to_string()
            }),
            ("check-1", |form| {
                form.checks[0].threshold = "101".to_string()
            }),
            ("check-1", |form| {
                form.checks[0] = CheckRow::new(CheckKind::Simulated(Metric::CacheHitRatio), "0.8")
            }),
            ("faults", |form| form.faults = "kill nowhere".to_string()),
        ];
        for (field, spoil) in cases {
            let mut spoiled = form.clone();
            spoil(&mut spoiled);
            let problems = spoiled.spec().expect_err(field);
            assert_eq!(problems.len(), 1, "{field}: {problems:?}");
            assert_eq!(problems[0].field, field);
        }
    }

    #[test]
    fn bounds_read_with_units_and_sources() {
        assert_eq!(
            bound_words(CheckKind::Simulated(Metric::P99Ms)),
            "at most, in ms (in the run)"
        );
        assert_eq!(
            bound_words(CheckKind::Score(ScoreKind::Security)),
            "at least (from the design)"
        );
        assert_eq!(component_placeholder(CheckKind::CostBudget), None);
    }
}
