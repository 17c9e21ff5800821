//! A teacher's challenge made in the Learn module: the form's spec becomes an
//! exercise that travels in a `c1.` link with its design, through the Learn
//! worker's answers (`src/learn_worker/answer.rs`, included here), broken
//! texts answer the codec's own message, grading after the trip is the
//! exercise engine's, and every spec the form accepts is one the link's own
//! checks accept.

#[path = "../../src/learn_worker/answer.rs"]
mod learn_worker;

use archplay::engine::learn::{
    grade, grade_with_runs, run_checks, ChallengeSpec, CheckKind, CheckState, Metric, ScoreKind,
    SpecCheck, CHECK_KINDS,
};
use archplay::engine::model::simulation_settings::ArrivalProfile;
use archplay::engine::model::Design;
use archplay::engine::share::challenge::{
    decode_challenge, CHALLENGE_PREFIX, MAX_CHECKS, MAX_FAULTS, MAX_HINTS,
};
use archplay::engine::share::{decode_snapshot, encode_snapshot, MAX_LINK_CHARS};
use archplay::engine::templates::template;
use archplay::worker_protocol::learn::{CheckLine, CheckMark, LearnAnswer, LearnRequest};
use learn_worker::answer;

fn sample() -> (ChallengeSpec, Design) {
    let design = template("payment-gateway").unwrap();
    let spec = ChallengeSpec {
        title: "Hold the spike".to_string(),
        brief: "Keep p99 low under a 3x spike.".to_string(),
        hints: vec!["Add replicas.".to_string(), "Autoscale.".to_string()],
        checks: vec![
            SpecCheck {
                kind: CheckKind::Score(ScoreKind::Security),
                threshold: 1.0,
                component: String::new(),
            },
            SpecCheck {
                kind: CheckKind::Simulated(Metric::P99Ms),
                threshold: 100_000.0,
                component: String::new(),
            },
        ],
        seed: 7,
        arrival: ArrivalProfile::Spike,
        faults: String::new(),
    };
    (spec, design)
}

/// The challenge text the worker makes of `spec` over `design`.
fn make(spec: &ChallengeSpec, design: &Design) -> String {
    let request = LearnRequest::MakeChallenge {
        spec: spec.clone(),
        design: encode_snapshot(design),
    };
    match answer(request) {
        Ok(LearnAnswer::Text(text)) => text,
        other => panic!("the spec is valid: {other:?}"),
    }
}

fn graded(request: LearnRequest) -> Vec<CheckLine> {
    match answer(request) {
        Ok(LearnAnswer::Graded(lines)) => lines,
        other => panic!("not graded: {other:?}"),
    }
}

#[test]
fn a_teachers_challenge_round_trips_with_its_design() {
    let (spec, design) = sample();
    let text = make(&spec, &design);
    assert!(text.starts_with(CHALLENGE_PREFIX), "{text:.20}");
    let exercise = spec.exercise(&design).expect("valid");
    let url = format!("https://example.test/app/#{text}");
    assert_eq!(decode_challenge(&url), Ok((exercise, design.clone())));
    let Ok(LearnAnswer::Challenge(sheet)) = answer(LearnRequest::OpenChallenge(url)) else {
        panic!("the challenge did not open")
    };
    assert_eq!(sheet.title, "Hold the spike");
    assert_eq!(sheet.hints.len(), 2);
    assert_eq!(sheet.checks[1], "p99 latency at most 100000 ms");
    assert_eq!(decode_snapshot(&sheet.design), Ok(design));
}

#[test]
fn a_broken_challenge_answers_the_codecs_own_message() {
    let (spec, design) = sample();
    let text = make(&spec, &design);
    let cut = text[..text.len() / 2].to_string();
    let garbled = format!("{}*{}", &text[..20], &text[21..]);
    let oversized = format!("{CHALLENGE_PREFIX}{}", "A".repeat(MAX_LINK_CHARS + 4));
    for (input, expected) in [
        (cut, "truncated"),
        (garbled, "character"),
        (oversized, "too long"),
        ("c9.abc".to_string(), "newer Archplay"),
    ] {
        let error = decode_challenge(&input).expect_err(&input).to_string();
        assert!(error.contains(expected), "{input:.40}: {error}");
        let opened = answer(LearnRequest::OpenChallenge(input.clone()));
        assert_eq!(opened, Err(error), "{input:.40}");
    }
}

#[test]
fn every_field_problem_names_its_field() {
    let (mut spec, design) = sample();
    spec.title = " ".to_string();
    spec.brief = String::new();
    spec.checks.push(SpecCheck {
        kind: CheckKind::Simulated(Metric::CacheHitRatio),
        threshold: 2.0,
        component: String::new(),
    });
    spec.checks.push(SpecCheck {
        kind: CheckKind::Simulated(Metric::CacheHitRatio),
        threshold: 0.8,
        component: String::new(),
    });
    spec.faults = "explode api at".to_string();
    let fields: Vec<String> = spec.problems().into_iter().map(|p| p.field).collect();
    assert_eq!(fields, ["title", "brief", "check-3", "check-4", "faults"]);

    let too_many_faults = vec!["kill payment-gateway at 1s"; MAX_FAULTS + 1].join("; ");
    let (mut crowded, _) = sample();
    crowded.hints = vec!["a hint".to_string(); MAX_HINTS + 1];
    crowded.faults = too_many_faults;
    crowded.seed = u64::MAX;
    let fields: Vec<String> = crowded.problems().into_iter().map(|p| p.field).collect();
    assert_eq!(fields, ["hints", "seed", "faults"]);

    spec.checks.clear();
    assert!(spec.problems().iter().any(|p| p.field == "checks"));
    let refusal = answer(LearnRequest::MakeChallenge {
        spec,
        design: encode_snapshot(&design),
    });
    assert!(
        matches!(&refusal, Err(text) if text.starts_with("title: ")),
        "{refusal:?}"
    );
}

#[test]
fn the_largest_spec_the_form_accepts_opens() {
    let (mut spec, design) = sample();
    spec.hints = vec!["a hint".to_string(); MAX_HINTS];
    spec.checks = vec![spec.checks[0].clone(); MAX_CHECKS];
    assert_eq!(spec.problems(), []);
    let (exercise, opened) = decode_challenge(&make(&spec, &design)).expect("opens");
    assert_eq!(exercise.checks.len(), MAX_CHECKS);
    assert_eq!(opened, design);
    spec.checks.push(spec.checks[0].clone());
    assert_eq!(spec.problems()[0].field, "checks");
}

#[test]
fn grading_after_the_trip_is_the_exercise_engines_and_can_fail() {
    let (mut spec, design) = sample();
    let text = make(&spec, &design);
    let lines = graded(LearnRequest::GradeChallenge {
        challenge: text.clone(),
        design: encode_snapshot(&design),
    });
    let (exercise, _) = decode_challenge(&text).expect("opens");
    let runs = run_checks(&exercise, &design).expect("runs");
    let results = grade(&exercise, &design, Some(&runs));
    assert_eq!(results, grade_with_runs(&exercise, &design).expect("runs"));
    assert_eq!(lines.len(), results.len());
    for (line, result) in lines.iter().zip(&results) {
        assert_eq!(
            (&line.label, &line.measured),
            (&result.label, &result.measured)
        );
    }
    assert!(
        lines.iter().all(|line| line.mark == CheckMark::Passed),
        "{lines:?}"
    );
    assert!(lines[1].measured.contains("ms"), "{:?}", lines[1]);
    spec.checks[0].threshold = 100.0;
    spec.checks[1].threshold = 0.0;
    let strict = decode_challenge(&make(&spec, &design)).expect("opens").0;
    let failed = grade_with_runs(&strict, &design).expect("grades");
    assert!(
        failed.iter().all(|r| r.state == CheckState::Failed),
        "{failed:?}"
    );
}

#[test]
fn every_kind_slug_reads_back_and_faults_reach_the_runs() {
    for info in CHECK_KINDS {
        assert_eq!(CheckKind::from_slug(info.slug), Some(info.kind));
        assert_eq!(info.kind.info(), info);
    }
    let (mut spec, design) = sample();
    let name = design.components[1].name.clone();
    spec.faults = format!("kill {name} at 5s for 10s");
    let exercise = spec.exercise(&design).expect("valid");
    assert_eq!(exercise.runs.seeds, [7]);
    assert_eq!(exercise.runs.faults.len(), 1);
    assert_eq!(exercise.runs.faults[0].component, name);
    assert_eq!(exercise.runs.scenario.arrival, ArrivalProfile::Spike);
}

#[test]
fn the_learn_half_lists_starts_and_grades_as_the_cli_does() {
    let Ok(LearnAnswer::List(entries)) = answer(LearnRequest::List) else {
        panic!("no path")
    };
    let ids: Vec<String> = archplay::engine::learn::catalog()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(
        entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>(),
        ids
    );
    let exercise = "solid-open-closed".to_string();
    let Ok(LearnAnswer::Started(brief)) = answer(LearnRequest::Start {
        exercise: exercise.clone(),
    }) else {
        panic!("not started")
    };
    assert!(brief.checks.iter().any(|c| c.mark == CheckMark::Failed));
    let Ok(LearnAnswer::Design(reference)) = answer(LearnRequest::Reference {
        exercise: exercise.clone(),
    }) else {
        panic!("no reference")
    };
    let passed = graded(LearnRequest::Check {
        exercise: exercise.clone(),
        design: reference,
    });
    assert!(
        passed.iter().all(|c| c.mark == CheckMark::Passed),
        "{passed:?}"
    );
    let instant = graded(LearnRequest::Grade {
        exercise,
        design: brief.start_design.clone(),
    });
    assert_eq!(instant, brief.checks);
    assert!(answer(LearnRequest::Start {
        exercise: "no-such".to_string()
    })
    .is_err_and(|error| error.contains("no-such")));
}
