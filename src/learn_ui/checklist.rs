//! What the checklist and the path say, as plain functions of the data the
//! worker sends: counts of passed, failing and waiting checks, whether the
//! exercise is passed, when the reference may be shown, and the words of a
//! failing line.
//!
//! What must stay true: an exercise passes only when every check passed (a
//! simulated check that has not run on this design is not a pass); the
//! reference opens after a pass or once every hint is shown.

use crate::worker_protocol::learn::{CheckLine, CheckMark};

/// How the checklist stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChecklistSummary {
    /// Checks the design meets.
    pub passed: usize,
    /// Checks it misses.
    pub failed: usize,
    /// Simulated checks waiting for Check.
    pub waiting: usize,
}

impl ChecklistSummary {
    /// Counts `checks`.
    pub fn of(checks: &[CheckLine]) -> ChecklistSummary {
        let mut summary = ChecklistSummary::default();
        for check in checks {
            match check.mark {
                CheckMark::Passed => summary.passed += 1,
                CheckMark::Failed => summary.failed += 1,
                CheckMark::NeedsRun => summary.waiting += 1,
            }
        }
        summary
    }

    /// Whether every check passed (and there is at least one).
    pub fn all_passed(self) -> bool {
        self.passed > 0 && self.failed == 0 && self.waiting == 0
    }

    /// "3 of 5 checks pass, 1 fails, 1 needs a run (press Check)".
    pub fn sentence(self) -> String {
        let total = self.passed + self.failed + self.waiting;
        let mut text = format!("{} of {total} checks pass", self.passed);
        if self.failed > 0 {
            text.push_str(&format!(", {} failing", self.failed));
        }
        if self.waiting > 0 {
            text.push_str(&format!(
                ", {} waiting for a run (press Check)",
                self.waiting
            ));
        }
        text
    }
}

/// Whether the reference solution may be shown.
pub fn may_compare(passed: bool, hints_shown: u32, hints_total: usize) -> bool {
    passed || hints_shown as usize >= hints_total
}

/// A check line's state in words: "measured 212 ms, needs at most 150 ms".
pub fn mark_words(check: &CheckLine) -> String {
    match check.mark {
        CheckMark::Passed if check.measured.is_empty() => "passes".to_string(),
        CheckMark::Passed => format!("passes: {}", check.measured),
        CheckMark::Failed => format!("measured {}, needs {}", check.measured, check.required),
        CheckMark::NeedsRun => format!("needs a run (press Check); requires {}", check.required),
    }
}

/// The brief cut where it says "Goal:" and "Constraint(s):", each part
/// labelled ("Situation", "Goal", "Constraints"); a brief without those
/// words is one situation.
pub fn brief_parts(brief: &str) -> Vec<(&'static str, String)> {
    let markers = [
        ("Goal", "Goal:"),
        ("Constraints", "Constraints:"),
        ("Constraints", "Constraint:"),
    ];
    let mut parts = Vec::new();
    let mut label = "Situation";
    let mut rest = brief;
    loop {
        let next = markers
            .iter()
            .filter_map(|(name, marker)| rest.find(marker).map(|at| (at, *name, marker.len())))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, name, length)) = next else {
            break;
        };
        parts.push((label, rest[..at].trim().to_string()));
        label = name;
        rest = &rest[at + length..];
    }
    parts.push((label, rest.trim().to_string()));
    parts.retain(|(_, text)| !text.is_empty());
    parts
}

/// "4 of 26 exercises passed": the path's overall progress.
pub fn path_sentence(passed: usize, total: usize) -> String {
    format!("{passed} of {total} exercises passed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(mark: CheckMark) -> CheckLine {
        CheckLine {
            id: "p99".to_string(),
            label: "p99 under the spike".to_string(),
            measured: "p99 212 ms".to_string(),
            required: "at most 150 ms".to_string(),
            mark,
            component: None,
        }
    }

    #[test]
    fn only_every_check_passing_is_a_pass() {
        use CheckMark::*;
        let cases: &[(&[CheckMark], bool)] = &[
            (&[], false),
            (&[Passed], true),
            (&[Passed, Passed], true),
            (&[Passed, Failed], false),
            (&[Passed, NeedsRun], false),
            (&[NeedsRun], false),
        ];
        for (marks, expected) in cases {
            let checks: Vec<CheckLine> = marks.iter().map(|mark| line(*mark)).collect();
            assert_eq!(
                ChecklistSummary::of(&checks).all_passed(),
                *expected,
                "{marks:?}"
            );
        }
    }

    #[test]
    fn the_summary_and_lines_say_what_was_measured() {
        let checks = [
            line(CheckMark::Passed),
            line(CheckMark::Failed),
            line(CheckMark::NeedsRun),
        ];
        assert_eq!(
            ChecklistSummary::of(&checks).sentence(),
            "1 of 3 checks pass, 1 failing, 1 waiting for a run (press Check)"
        );
        assert_eq!(
            mark_words(&checks[1]),
            "measured p99 212 ms, needs at most 150 ms"
        );
        assert!(mark_words(&checks[2]).contains("press Check"));
        assert_eq!(path_sentence(4, 26), "4 of 26 exercises passed");
    }

    #[test]
    fn a_brief_is_cut_into_situation_goal_and_constraints() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Two processors. Goal: add a third. Constraint: keep routes.",
                &[
                    ("Situation", "Two processors."),
                    ("Goal", "add a third."),
                    ("Constraints", "keep routes."),
                ],
            ),
            ("Only a story.", &[("Situation", "Only a story.")]),
            (
                "Goal: fast. Constraints: cheap.",
                &[("Goal", "fast."), ("Constraints", "cheap.")],
            ),
        ];
        for (brief, expected) in cases {
            let parts = brief_parts(brief);
            let parts: Vec<(&str, &str)> = parts.iter().map(|(l, t)| (*l, t.as_str())).collect();
            assert_eq!(parts, *expected, "{brief}");
        }
    }

    #[test]
    fn the_reference_opens_after_a_pass_or_every_hint() {
        assert!(!may_compare(false, 0, 2));
        assert!(!may_compare(false, 1, 2));
        assert!(may_compare(false, 2, 2));
        assert!(may_compare(true, 0, 2));
    }
}
