//! The second half of the path (database scaling, reliability, security,
//! performance, capstones, follow-up questions): each section holds at least
//! two exercises, each capstone checks several things including a simulated
//! run and a budget, each follow-up exercise quotes the document's question
//! word for word in its brief, and every simulated run of these sections stays
//! short (so the catalog-wide tests stay fast in debug builds).

use archplay::engine::learn::{catalog, Rule, Section};

/// The document's three follow-up questions, as the seed writes them.
const FOLLOW_UP_QUESTIONS: [&str; 3] = [
    "How do you choose between different architectural patterns?",
    "How do you design systems for massive scale?",
    "How do you ensure system reliability and fault tolerance?",
];

/// (section, fewest exercises).
const SECTIONS: [(Section, usize); 6] = [
    (Section::DatabaseScaling, 4),
    (Section::Reliability, 2),
    (Section::Security, 2),
    (Section::Performance, 2),
    (Section::Capstone, 3),
    (Section::FollowUp, 2),
];

/// Longest simulated run, in seconds, and most seeds an exercise of these sections may use.
const MAX_RUN_S: f64 = 40.0;
const MAX_SEEDS: usize = 2;

#[test]
fn each_section_of_the_second_half_holds_enough_exercises() {
    let exercises = catalog();
    for (section, fewest) in SECTIONS {
        let n = exercises.iter().filter(|e| e.section == section).count();
        assert!(
            n >= fewest,
            "{}: {n} exercises, needs {fewest}",
            section.label()
        );
    }
}

#[test]
fn capstones_check_several_things_with_a_run_and_a_budget() {
    for exercise in catalog().iter().filter(|e| e.section == Section::Capstone) {
        let simulated = exercise
            .checks
            .iter()
            .filter(|c| c.rule.is_simulated())
            .count();
        let budget = exercise
            .checks
            .iter()
            .any(|c| matches!(c.rule, Rule::CostBudget { .. }));
        assert!(
            exercise.checks.len() >= 5,
            "{}: {} checks",
            exercise.id,
            exercise.checks.len()
        );
        assert!(
            simulated >= 1 && budget,
            "{}: needs a run and a budget",
            exercise.id
        );
        assert!(
            exercise.hints.len() >= 3,
            "{}: {} hints",
            exercise.id,
            exercise.hints.len()
        );
    }
}

#[test]
fn follow_up_exercises_quote_the_documents_questions() {
    let follow_ups: Vec<_> = catalog()
        .into_iter()
        .filter(|e| e.section == Section::FollowUp)
        .collect();
    for exercise in &follow_ups {
        assert!(
            FOLLOW_UP_QUESTIONS
                .iter()
                .any(|q| exercise.brief.contains(q)),
            "{} quotes none of the document's follow-up questions",
            exercise.id
        );
    }
    for question in FOLLOW_UP_QUESTIONS {
        assert!(
            follow_ups.iter().any(|e| e.brief.contains(question)),
            "no exercise asks {question:?}"
        );
    }
}

#[test]
fn runs_of_the_second_half_stay_short() {
    let second_half: Vec<Section> = SECTIONS.iter().map(|(s, _)| *s).collect();
    for exercise in catalog()
        .iter()
        .filter(|e| second_half.contains(&e.section))
    {
        if !exercise.checks.iter().any(|c| c.rule.is_simulated()) {
            continue;
        }
        let runs = &exercise.runs;
        assert!(
            runs.scenario.duration_s <= MAX_RUN_S && runs.seeds.len() <= MAX_SEEDS,
            "{}: {} s x {} seeds",
            exercise.id,
            runs.scenario.duration_s,
            runs.seeds.len()
        );
        let offered = archplay::engine::learn::start_design(exercise)
            .workload
            .requests_per_second;
        assert!(
            offered * runs.scenario.duration_s <= 20_000.0,
            "{}: {offered} requests/s for {} s",
            exercise.id,
            runs.scenario.duration_s
        );
    }
}
