//! `archplay score --simulate`: the scorecard the page shows after that run,
//! and clear refusals of bad seeds and durations.

use super::*;

#[test]
fn score_simulate_prints_the_scorecard_the_page_shows_after_that_run() {
    use archplay::engine::score::report::report_for;
    use archplay::engine::sim::score::{scorecard_for, SimulatedPerformance, SimulatedRun};
    use archplay::engine::sim::Simulation;

    let file = TempFile::new("score-simulate.json", &template_text("microservices"));
    let output = archplay(
        &[
            "score",
            file.path(),
            "--simulate",
            "--seed",
            "7",
            "--duration",
            "20",
        ],
        None,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: Value = serde_json::from_str(&stdout(&output)).unwrap();

    // The page's path: the same run, the worker's figures, scorecard_for.
    let mut design = archplay::engine::templates::template("microservices").unwrap();
    design.simulation.seed = 7;
    design.simulation.duration_s = 20.0;
    let mut simulation = Simulation::new(&design).unwrap();
    simulation.run();
    let run = SimulatedRun::new(
        design.clone(),
        &SimulatedPerformance::from_summary(&simulation.summary()),
    );
    let expected = report_for(&scorecard_for(&design, Some(&run)), &design.targets);
    for key in ["facts", "reasons", "scores", "rubric"] {
        assert_eq!(printed[key], expected[key], "{key}");
    }
    let response = printed["rubric"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["lines"].as_array().unwrap())
        .find(|l| l["fact"] == "response_time_ms")
        .unwrap();
    assert_eq!(response["values"]["run"]["source"]["kind"], "run");
    assert_eq!(response["values"]["run"]["source"]["seed"], 7);
    assert_eq!(response["values"]["design"]["source"]["kind"], "estimate");
    assert!(response["reason"]
        .as_str()
        .unwrap()
        .contains("simulated (seed 7, 20 s): p95 of"));
    assert_eq!(printed["run"]["seed"], 7);
    assert!(["ok", "degraded", "failed"].contains(&printed["run"]["state"].as_str().unwrap()));
    assert!(printed["run"]["headline"]
        .as_str()
        .unwrap()
        .contains("error budget"));

    // Without --simulate: the estimate alone.
    let plain: Value =
        serde_json::from_str(&stdout(&archplay(&["score", file.path()], None))).unwrap();
    assert!(plain.get("run").is_none());
    assert_ne!(plain["facts"], printed["facts"]);
}

#[test]
fn score_simulate_refuses_bad_seeds_and_durations_with_clear_messages() {
    let file = TempFile::new("score-simulate-bad.json", &template_text("microservices"));
    for (args, expected) in [
        (vec!["--seed", "-1"], "--seed -1: bad setting `seed`"),
        (vec!["--seed", "many"], "--seed many: bad setting `seed`"),
        (
            vec!["--duration", "0"],
            "--duration 0: bad setting `duration_s`",
        ),
        (
            vec!["--duration", "ten"],
            "--duration ten: bad setting `duration_s`",
        ),
        (vec!["--duration"], "--duration needs a value"),
        (vec!["--speed", "2"], "unknown flag `--speed`"),
    ] {
        let mut all = vec!["score", file.path(), "--simulate"];
        all.extend(args.iter().copied());
        let output = archplay(&all, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.starts_with("archplay: ") && message.contains(expected),
            "{args:?}: {message}"
        );
        assert_eq!(message.trim_end().lines().count(), 1, "{message}");
        assert!(stdout(&output).is_empty());
    }
}
