//! The scorecard reconciled with a simulated run (`engine::sim::score`): only
//! the four performance lines and fault tolerance take the run's figures,
//! each says it was simulated with which seed and duration, shows the run's
//! figure beside the estimate's, and passes or fails on the run's.

use crate::support::{chain, options, run, Sketch};
use archplay::engine::model::ComponentKind as K;
use archplay::engine::score::facts::derive;
use archplay::engine::score::source::Source;
use archplay::engine::score::{score, Attribute};
use archplay::engine::sim::score::{
    apply_simulated, scorecard_for, simulated_facts, simulated_scorecard, SimulatedPerformance,
    SimulatedRun,
};
use archplay::engine::templates::{template, TEMPLATES};

#[test]
fn only_the_performance_and_fault_tolerance_lines_change_and_each_says_simulated_with_seed_and_duration(
) {
    for info in TEMPLATES {
        let design = template(info.name).unwrap();
        let summary = run(&design, &options(3, 20.0, 0.0)).summary();
        let analytic = score(&design);
        let simulated = simulated_scorecard(&design, &SimulatedPerformance::from_summary(&summary));
        for attribute in Attribute::ALL {
            let (before, after) = (
                analytic
                    .attributes
                    .iter()
                    .find(|a| a.attribute == attribute)
                    .unwrap(),
                simulated
                    .attributes
                    .iter()
                    .find(|a| a.attribute == attribute)
                    .unwrap(),
            );
            if attribute == Attribute::Performance {
                assert_eq!(after.lines.len(), 4);
                for (line, estimated) in after.lines.iter().zip(&before.lines) {
                    assert!(
                        line.reason.contains("simulated (seed 3, 20 s)"),
                        "{}: {}",
                        info.name,
                        line.reason
                    );
                    let run = line.values.run.as_ref().expect("a run figure");
                    assert_eq!(
                        run.source,
                        Source::Run {
                            seed: 3,
                            duration_s: 20.0
                        }
                    );
                    assert_eq!(line.values.design, estimated.values.design);
                    assert_eq!(line.values.design.source, Source::Estimate);
                    assert_eq!(line.values.judged_by(), &run.source);
                }
            } else if attribute == Attribute::Reliability {
                // Without faults and within the error budget the run did not test
                // fault tolerance: the design's verdict stands, the reason says so.
                let failed = SimulatedPerformance::from_summary(&summary).failed_percent();
                for (line, estimated) in after.lines.iter().zip(&before.lines) {
                    if line.fact == "has_fault_tolerance" && failed <= 1.0 {
                        assert_eq!(line.passed, estimated.passed, "{}", info.name);
                        assert!(
                            line.reason.contains("did not test fault tolerance"),
                            "{}",
                            line.reason
                        );
                        assert_eq!(line.values.judged_by(), &Source::Design);
                    } else if line.fact == "has_fault_tolerance" {
                        assert!(!line.passed, "{}: {failed}% failed", info.name);
                    } else {
                        assert_eq!(line, estimated, "{}", info.name);
                    }
                }
            } else {
                assert_eq!(
                    before,
                    after,
                    "{}: {} changed",
                    info.name,
                    attribute.label()
                );
            }
        }
        // The page's path (figures sent by the worker) gives the same scorecard,
        // and every score is the sum of its lines as judged.
        for attribute in &simulated.attributes {
            let sum: f64 = attribute.lines.iter().map(|l| l.points).sum();
            assert_eq!(attribute.score, sum, "{}", info.name);
        }
    }
}

#[test]
fn the_figures_are_the_runs_p95_response_throughput_and_busiest_utilisation() {
    let design = template("microservices").unwrap();
    let summary = run(&design, &options(9, 30.0, 0.0)).summary();
    let facts = simulated_facts(derive(&design), &summary);
    // The response-time line judges the p95 (the lead's decision), in the run as in the estimate.
    assert_eq!(
        facts.response_time_ms.value,
        Some(summary.end_to_end.latency.p95_ms)
    );
    assert_eq!(
        facts.throughput_rps.value,
        Some(summary.end_to_end.throughput_rps)
    );
    let busiest = summary
        .components
        .iter()
        .map(|c| c.utilisation)
        .fold(0.0, f64::max);
    assert_eq!(facts.cpu_percent.value, Some(busiest * 100.0));
    let latency = facts.latency_ms.value.unwrap();
    assert!(
        latency > 0.0 && latency < summary.end_to_end.latency.mean_ms,
        "latency {latency} excludes service time"
    );
}

#[test]
fn latency_is_the_queueing_along_the_path_which_matches_m_m_1_theory() {
    // M/M/1 at utilisation 0.5 with a 10 ms service: Wq = 10 ms; no network hops.
    let design = chain(50.0, &[(1, 10.0, 100_000)]);
    let summary = run(&design, &options(4, 400.0, 40.0)).summary();
    let facts = simulated_facts(derive(&design), &summary);
    let latency = facts.latency_ms.value.unwrap();
    assert!(
        (latency - 10.0).abs() < 1.5,
        "simulated queueing {latency} ms, theory 10 ms"
    );
    assert!(
        facts
            .latency_ms
            .reason
            .contains("plus 0.0 ms of network hops"),
        "{}",
        facts.latency_ms.reason
    );
    // M/M/1 sojourn time is exponential with mean 20 ms: its p95 is 20 ln 20 = 59.9 ms.
    let response = facts.response_time_ms.value.unwrap();
    assert!(
        (response - 59.9).abs() < 6.0,
        "simulated p95 response {response} ms, theory 59.9 ms"
    );
}

#[test]
fn a_design_the_estimate_calls_saturated_gets_the_simulated_figures_instead_of_none() {
    // Offered 150 req/s for a 10 ms single server: the estimate has no response time,
    // the simulated run (bounded queue) answers some requests and refuses the rest.
    let design = chain(150.0, &[(1, 10.0, 20)]);
    assert_eq!(derive(&design).response_time_ms.value, None);
    let summary = run(&design, &options(1, 30.0, 0.0)).summary();
    let performance = SimulatedPerformance::from_summary(&summary);
    let facts = apply_simulated(derive(&design), &performance);
    assert!(facts.response_time_ms.value.is_some());
    assert!(
        performance.failed > 0 && performance.errors[0].0 == "queue_full",
        "{:?}",
        performance.errors
    );
    assert!(
        facts.throughput_rps.reason.contains("failed (queue full"),
        "{}",
        facts.throughput_rps.reason
    );
    assert!(
        facts.latency_ms.reason.contains("network hops not counted"),
        "{}",
        facts.latency_ms.reason
    );
    let cpu = facts.cpu_percent.value.unwrap();
    assert!(
        cpu > 95.0 && cpu <= 100.0,
        "a saturated server is busy all the time: {cpu}"
    );
}

#[test]
fn a_run_that_answers_nothing_has_no_response_time_and_says_why() {
    let mut sketch = Sketch::new(20.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let gateway = sketch.add(K::ApiGateway, "gateway", |_| {});
    sketch.connect(client, gateway);
    let summary = run(&sketch.design, &options(2, 10.0, 0.0)).summary();
    let facts = simulated_facts(derive(&sketch.design), &summary);
    assert_eq!(facts.response_time_ms.value, None);
    assert!(
        facts
            .response_time_ms
            .reason
            .starts_with("simulated (seed 2, 10 s): no request was answered"),
        "{}",
        facts.response_time_ms.reason
    );
    assert_eq!(facts.throughput_rps.value, Some(0.0));
}

#[test]
fn figures_cross_to_the_page_unchanged_and_large_seeds_are_exact() {
    let design = template("database-scaling").unwrap();
    let summary = run(&design, &options(u64::MAX, 5.0, 0.0)).summary();
    let performance = SimulatedPerformance::from_summary(&summary);
    assert_eq!(
        performance.label(),
        format!("simulated (seed {}, 5 s)", u64::MAX)
    );
    // Through serde's data model, as serde-wasm-bindgen carries it (f64 exact, the u64 seed whole).
    let value = serde_json::to_value(&performance).unwrap();
    assert_eq!(value["seed"].as_u64(), Some(u64::MAX));
    let back: SimulatedPerformance = serde_json::from_value(value).unwrap();
    assert_eq!(back, performance);
    assert!(
        performance.errors.windows(2).all(|w| w[0].1 >= w[1].1),
        "causes most frequent first"
    );
}

#[test]
fn a_simulated_run_counts_only_while_the_design_is_the_one_that_was_run() {
    let design = template("auto-scaling").unwrap();
    let summary = run(&design, &options(5, 20.0, 0.0)).summary();
    let performance = SimulatedPerformance::from_summary(&summary);
    let simulated = SimulatedRun::new(design.clone(), &performance);
    assert_eq!(
        scorecard_for(&design, None),
        score(&design),
        "no run: the analytic scorecard"
    );
    let with_run = scorecard_for(&design, Some(&simulated));
    assert_eq!(with_run, simulated_scorecard(&design, &performance));
    assert_ne!(
        with_run,
        score(&design),
        "the run's figures change the Performance lines"
    );

    let mut edited = design.clone();
    edited.workload.requests_per_second += 1.0;
    assert_eq!(
        scorecard_for(&edited, Some(&simulated)),
        score(&edited),
        "after an edit the run no longer counts"
    );
}

#[test]
fn the_run_score_the_worker_sends_rebuilds_the_reconciled_scorecard_on_the_page() {
    // Every template, and one whose killed replica fails requests (the fault
    // tolerance line then changes too): what the worker sends, through JSON
    // as a stand-in for the wire, laid over the analytic scorecard equals the
    // scorecard reconciled in full.
    let mut killed = template("microservices").unwrap();
    let orders = killed.component_named("orders-service").unwrap().id;
    killed.simulation.faults = vec![archplay::engine::model::ScheduledFault {
        component: orders,
        at_s: 2.0,
        duration_s: None,
        action: archplay::engine::model::FaultAction::ComponentDown,
    }];
    let designs = TEMPLATES
        .iter()
        .map(|info| template(info.name).unwrap())
        .chain([killed]);
    for design in designs {
        let summary = run(&design, &options(4, 10.0, 0.0)).summary();
        let performance = SimulatedPerformance::from_summary(&summary);
        let sent = SimulatedRun::new(design.clone(), &performance).score;
        let wire = serde_json::to_string(&sent).unwrap();
        let received: archplay::engine::score::run_score::RunScore =
            serde_json::from_str(&wire).unwrap();
        assert_eq!(received, sent, "{}", design.name);
        assert!(
            !received.lines.is_empty(),
            "{}: the run judged lines",
            design.name
        );
        assert_eq!(
            received.apply(score(&design)),
            simulated_scorecard(&design, &performance),
            "{}",
            design.name
        );
    }
}
