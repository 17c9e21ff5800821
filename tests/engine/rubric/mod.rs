//! Every line of the seed's rubric, passing and failing: points, the passed
//! flag, and a reason that names what is wrong in terms of the design.
//!
//! Most cases start from [`crate::EXEMPLARY`], which passes all 27 lines, and
//! change one thing; the case lists every line that must then fail, so a
//! change that breaks an unrelated line is caught too.
//!
//! This file holds the helpers, the exemplary design and the checks of the
//! whole scorecard; `boolean` holds the yes-or-no lines' cases and
//! `thresholds` the lines that compare a figure with a target.

mod boolean;
mod thresholds;

use crate::{id_of, sketch, EXEMPLARY};
use archplay::engine::attributes::access::set_field;
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::model::Design;
use archplay::engine::score::{score, Attribute, RubricLine, Scorecard};
use boolean::BOOLEAN_CASES;
use thresholds::THRESHOLD_CASES;

/// Every rubric line's fact name with its points, in the seed's order.
const LINES: [(Attribute, &str, f64); 27] = [
    (Attribute::Scalability, "supports_horizontal_scaling", 25.0),
    (Attribute::Scalability, "has_load_balancing", 25.0),
    (Attribute::Scalability, "has_caching", 25.0),
    (Attribute::Scalability, "supports_database_sharding", 25.0),
    (Attribute::Reliability, "has_fault_tolerance", 20.0),
    (Attribute::Reliability, "has_redundancy", 20.0),
    (Attribute::Reliability, "has_backup_recovery", 20.0),
    (Attribute::Reliability, "has_monitoring", 20.0),
    (Attribute::Reliability, "has_alerting", 20.0),
    (Attribute::Security, "has_authentication", 20.0),
    (Attribute::Security, "has_authorization", 20.0),
    (Attribute::Security, "has_encryption", 20.0),
    (Attribute::Security, "has_audit_logging", 20.0),
    (Attribute::Security, "has_vulnerability_scanning", 20.0),
    (Attribute::Performance, "response_time_ms", 25.0),
    (Attribute::Performance, "throughput_rps", 25.0),
    (Attribute::Performance, "latency_ms", 25.0),
    (Attribute::Performance, "cpu_percent", 25.0),
    (Attribute::Maintainability, "code_quality", 20.0),
    (Attribute::Maintainability, "documentation", 20.0),
    (Attribute::Maintainability, "test_coverage", 20.0),
    (Attribute::Maintainability, "modularity", 20.0),
    (Attribute::Maintainability, "complexity", 20.0),
    (Attribute::Usability, "user_experience", 25.0),
    (Attribute::Usability, "accessibility", 25.0),
    (Attribute::Usability, "responsiveness", 25.0),
    (Attribute::Usability, "error_handling", 25.0),
];

fn line<'a>(scorecard: &'a Scorecard, fact: &str) -> &'a RubricLine {
    scorecard
        .attributes
        .iter()
        .flat_map(|a| &a.lines)
        .find(|l| l.fact == fact)
        .unwrap_or_else(|| panic!("no rubric line `{fact}`"))
}

/// Checks the scorecard's arithmetic: points per line, sums, overall mean.
fn check_arithmetic(scorecard: &Scorecard) {
    let order: Vec<Attribute> = scorecard.attributes.iter().map(|a| a.attribute).collect();
    assert_eq!(
        order,
        Attribute::ALL.to_vec(),
        "attributes in the seed's order"
    );
    for (attribute, fact, points) in LINES {
        let found = line(scorecard, fact);
        let owner = scorecard
            .attributes
            .iter()
            .find(|a| a.lines.iter().any(|l| l.fact == fact))
            .unwrap();
        assert_eq!(
            owner.attribute, attribute,
            "{fact} belongs to {attribute:?}"
        );
        assert_eq!(found.max_points, points, "{fact} is worth {points}");
        assert_eq!(
            found.points,
            if found.passed { points } else { 0.0 },
            "{fact}: points follow the passed flag"
        );
        assert!(!found.reason.is_empty(), "{fact} has a reason");
        assert_eq!(
            found.fix.is_empty(),
            found.passed,
            "{fact}: a fix is offered exactly when it fails: {:?}",
            found.fix
        );
    }
    for attribute in &scorecard.attributes {
        let expected_lines = LINES
            .iter()
            .filter(|(owner, _, _)| *owner == attribute.attribute)
            .count();
        assert_eq!(
            attribute.lines.len(),
            expected_lines,
            "{:?}: the seed's lines and no others",
            attribute.attribute
        );
        assert_eq!(
            attribute.lines.iter().map(|l| l.max_points).sum::<f64>(),
            100.0,
            "{:?} is out of 100",
            attribute.attribute
        );
        let sum: f64 = attribute.lines.iter().map(|l| l.points).sum();
        assert_eq!(
            attribute.score, sum,
            "{:?} is the sum of its lines",
            attribute.attribute
        );
        assert_eq!(scorecard.score(attribute.attribute), sum);
    }
    let mean = scorecard.attributes.iter().map(|a| a.score).sum::<f64>() / 6.0;
    assert_eq!(
        scorecard.overall, mean,
        "overall is the mean of the six scores"
    );
}

/// Scores `design` and asserts that exactly the lines in `failures` fail,
/// each with a reason containing the given words (and naming the component
/// when one is given), and that every other line passes with full points.
#[track_caller]
fn check(design: &Design, failures: &[(&str, &str, Option<&str>)]) {
    let scorecard = score(design);
    check_arithmetic(&scorecard);
    for (_, fact, _) in LINES {
        let found = line(&scorecard, fact);
        match failures.iter().find(|(failing, _, _)| *failing == fact) {
            Some((_, words, component)) => {
                assert!(
                    !found.passed,
                    "{fact} should fail, but passed: {}",
                    found.reason
                );
                assert_eq!(found.points, 0.0);
                assert!(
                    found.reason.contains(words),
                    "{fact}: reason {:?} should contain {words:?}",
                    found.reason
                );
                if let Some(name) = component {
                    assert!(
                        found.reason.contains(name),
                        "{fact}: reason {:?} should name {name}",
                        found.reason
                    );
                    assert_eq!(
                        found.component,
                        Some(id_of(design, name)),
                        "{fact}: the line points at {name}"
                    );
                }
            }
            None => {
                assert!(
                    found.passed,
                    "{fact} should pass, but failed: {}",
                    found.reason
                );
                assert_eq!(found.points, found.max_points);
            }
        }
    }
}

/// The exemplary design with `change` applied.
fn exemplary_with(change: &str) -> Design {
    sketch(&format!("{EXEMPLARY}\n{change}"))
}

#[test]
fn exemplary_design_passes_every_line() {
    let design = sketch(EXEMPLARY);
    check(&design, &[]);
    let scorecard = score(&design);
    assert_eq!(scorecard.overall, 100.0);
    for attribute in Attribute::ALL {
        assert_eq!(scorecard.score(attribute), 100.0, "{attribute:?}");
    }
}

/// (what changed, the sketch lines that change it, the lines that then fail
/// with words of their reason and the component they name).
type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, Option<&'static str>)],
);

#[test]
fn scores_are_sums_of_lines_for_every_case_and_template() {
    let mut designs: Vec<Design> = BOOLEAN_CASES
        .iter()
        .chain(THRESHOLD_CASES)
        .map(|(_, change, _)| exemplary_with(change))
        .collect();
    designs.extend(
        archplay::engine::templates::TEMPLATES
            .iter()
            .filter_map(|t| archplay::engine::templates::template(t.name)),
    );
    designs.push(Design::new("empty"));
    for design in &designs {
        check_arithmetic(&score(design));
    }
}

#[test]
fn an_empty_design_fails_the_graph_lines_with_reasons() {
    let scorecard = score(&Design::new("empty"));
    check_arithmetic(&scorecard);
    for fact in [
        "supports_horizontal_scaling",
        "has_load_balancing",
        "has_caching",
        "supports_database_sharding",
        "has_fault_tolerance",
    ] {
        assert!(!line(&scorecard, fact).passed, "{fact}");
    }
    let response = line(&scorecard, "response_time_ms");
    assert!(!response.passed);
    assert!(
        response
            .reason
            .starts_with("unavailable: no client sends traffic"),
        "{}",
        response.reason
    );
}
