//! How runs say they went (`engine::sim::verdict`, `backlog`, `health`): the
//! state follows the failed share against the error budget, causes are named
//! in words with where they happened, full bus channels name their bus and
//! topic, stations that fall behind are named with their growth rate, and
//! health checks log when they take a replica out of rotation and let it in.

use crate::support::{run, Sketch};
use archplay::engine::model::{
    ComponentKind as K, Design, FaultAction, ScheduledFault, SimulationSettings,
};
use archplay::engine::score::source::Source;
use archplay::engine::sim::cause::Cause;
use archplay::engine::sim::health::HealthChange;
use archplay::engine::sim::live::progress::LogKind;
use archplay::engine::sim::live::LiveRun;
use archplay::engine::sim::score::{scorecard_for, SimulatedPerformance, SimulatedRun};
use archplay::engine::sim::verdict::{run_verdict, RunState};
use archplay::engine::templates::template;

/// The microservices template with one orders-service replica killed at 10 s
/// for the rest of a `duration_s` run.
fn microservices_with_a_killed_replica(duration_s: f64) -> Design {
    let mut design = template("microservices").unwrap();
    let orders = design
        .components
        .iter()
        .find(|c| c.name == "orders-service")
        .unwrap()
        .id;
    design.simulation.duration_s = duration_s;
    design.simulation.faults = vec![ScheduledFault {
        component: orders,
        action: FaultAction::KillReplica,
        at_s: 10.0,
        duration_s: None,
    }];
    design
}

/// The run settings a design carries (as the page and CLI use).
pub fn options_of(design: &Design) -> SimulationSettings {
    design.simulation.clone()
}

#[test]
fn a_killed_microservices_replica_fails_the_run_names_the_cause_and_logs_the_health_check() {
    let design = microservices_with_a_killed_replica(120.0);
    let summary = run(&design, &options_of(&design)).summary();
    let performance = SimulatedPerformance::from_summary(&summary);
    let verdict = run_verdict(&performance, &design);
    assert_eq!(verdict.state, RunState::Failed, "{}", verdict.headline);
    assert!(
        verdict.headline.starts_with("failed: ")
            && verdict.headline.contains("of requests failed")
            && verdict.headline.ends_with("above the 1 % error budget"),
        "{}",
        verdict.headline
    );
    assert!(
        verdict.findings[0].starts_with("sent to a dead replica at orders-service: "),
        "{:?}",
        verdict.findings
    );
    assert!(verdict
        .glossary
        .iter()
        .any(|entry| entry.slug == "replica_down" && entry.meaning.contains("health checks")));

    // The template's gateway checks every 5 s with 3 retries and a 1 s
    // timeout: probes at 10 (just after the crash), 15 and 20 s fail, the
    // verdict lands at 21 s, within interval x retries + timeout of the crash.
    let taken_out: Vec<_> = summary
        .health
        .iter()
        .filter(|h| h.change == HealthChange::TakenOut)
        .collect();
    assert_eq!(taken_out.len(), 1, "{:?}", summary.health);
    assert_eq!(taken_out[0].t_s, 21.0);
    assert!(taken_out[0].t_s <= 10.0 + 5.0 * 3.0 + 1.0);
    assert_eq!(
        taken_out[0].text,
        "health checks of api-gateway took replica 2 of orders-service out of rotation after 3 failed checks in a row"
    );
    // After that, no call reaches the dead replica: the failures stop.
    let mut live = LiveRun::new(&design).unwrap();
    let mut log = Vec::new();
    let mut deadline = 0;
    loop {
        let outcome = live.advance(deadline, 1_000_000);
        log.extend(live.take_update().log);
        match outcome {
            archplay::engine::sim::RunOutcome::Finished => break,
            archplay::engine::sim::RunOutcome::ReachedDeadline => deadline += 1_000_000,
            archplay::engine::sim::RunOutcome::EventLimit => {}
        }
    }
    let health: Vec<_> = log.iter().filter(|l| l.kind == LogKind::Health).collect();
    assert_eq!(health.len(), 1, "{health:?}");
    assert_eq!(health[0].t_s, 21.0);
    let errors_after: Vec<_> = log
        .iter()
        .filter(|l| l.kind == LogKind::Errors && l.t_s > 22.0)
        .collect();
    assert!(
        errors_after.is_empty(),
        "no failure once the replica is out: {errors_after:?}"
    );
    let failure_lines: Vec<_> = log.iter().filter(|l| l.kind == LogKind::Errors).collect();
    assert!(
        failure_lines
            .iter()
            .any(|l| l.text.contains("sent to a dead replica at orders-service")),
        "{failure_lines:?}"
    );
    // Counted per interval, not line by line: far fewer lines than failures.
    assert!(failure_lines.len() < 20 && summary.end_to_end.failed > 500);
}

#[test]
fn the_reconciled_fault_tolerance_line_fails_on_the_run_above_the_error_budget() {
    let design = microservices_with_a_killed_replica(60.0);
    let summary = run(&design, &options_of(&design)).summary();
    let simulated = SimulatedRun::new(
        design.clone(),
        &SimulatedPerformance::from_summary(&summary),
    );
    let card = scorecard_for(&design, Some(&simulated));
    let line = card
        .attributes
        .iter()
        .flat_map(|a| &a.lines)
        .find(|l| l.fact == "has_fault_tolerance")
        .unwrap();
    assert!(!line.passed);
    assert_eq!(line.points, 0.0);
    assert!(
        line.reason
            .contains("of requests failed while a replica of orders-service was down")
            && line.reason.contains("above the 1 % error budget"),
        "{}",
        line.reason
    );
    assert_eq!(
        line.values.design.words, "yes",
        "the design alone passes it"
    );
    let run_figure = line.values.run.as_ref().unwrap();
    assert!(run_figure.value.unwrap() > 1.0);
    assert_eq!(
        run_figure.source,
        Source::Run {
            seed: 1,
            duration_s: 60.0
        }
    );
    assert!(
        line.values.words().contains("judged by the run"),
        "{}",
        line.values.words()
    );
    // Without the run the design view stands alone and says it is an estimate.
    let estimated = scorecard_for(&design, None);
    let response = estimated
        .attributes
        .iter()
        .flat_map(|a| &a.lines)
        .find(|l| l.fact == "response_time_ms")
        .unwrap();
    assert!(response.values.run.is_none());
    assert!(
        response.values.words().starts_with("estimated: "),
        "{}",
        response.values.words()
    );
}

#[test]
fn a_restarted_replica_is_let_back_into_rotation_by_a_passing_check() {
    let mut sketch = Sketch::new(200.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let balancer = sketch.add(K::LoadBalancer, "lb", |c| {
        c.service_time_ms = 0.01;
        c.health_check.enabled = true;
        c.health_check.interval_s = 1.0;
        c.health_check.timeout_s = 0.5;
        c.health_check.retries = 2;
    });
    let service = sketch.add(K::Service, "service", |c| {
        c.replicas.current = 4;
        c.concurrency = 8;
        c.service_time_ms = 20.0;
    });
    sketch.connect(client, balancer);
    sketch.connect(balancer, service);
    let mut design = sketch.design;
    design.simulation.duration_s = 60.0;
    design.simulation.startup_delay_s = 5.0;
    design.simulation.faults = vec![ScheduledFault {
        component: service,
        action: FaultAction::KillReplica,
        at_s: 10.0,
        duration_s: Some(20.0),
    }];
    let summary = run(&design, &options_of(&design)).summary();
    let changes: Vec<_> = summary
        .health
        .iter()
        .map(|h| (h.t_s, h.change, h.replica))
        .collect();
    // Probes at 10 s and 11 s fail, out after the 0.5 s timeout; restarted at
    // 30 s, started at 35 s, let in by the probe at 35 s or 36 s.
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[0].0, 11.5);
    assert_eq!(changes[0].1, HealthChange::TakenOut);
    assert!((35.0..=36.0).contains(&changes[1].0), "{changes:?}");
    assert_eq!(changes[1].1, HealthChange::LetIn);
    assert_eq!(changes[0].2, changes[1].2, "the same replica");
    assert!(summary.health[1].text.contains("into rotation"));
    // Within the budget? The few calls sent to the dead replica before the
    // check took it out: the verdict weighs them against the 1 % budget.
    let performance = SimulatedPerformance::from_summary(&summary);
    let verdict = run_verdict(&performance, &design);
    let failed = performance.failed_percent();
    assert_eq!(
        verdict.state == RunState::Failed,
        failed > 1.0,
        "{}",
        verdict.headline
    );
}

#[test]
fn a_healthy_run_is_ok_and_every_cause_has_a_name_and_a_glossary_line() {
    let design = template("microservices").unwrap();
    let mut design = design;
    design.targets.response_time_ms = 1000.0;
    let summary = run(&design, &options_of(&design)).summary();
    let performance = SimulatedPerformance::from_summary(&summary);
    let verdict = run_verdict(&performance, &design);
    assert_eq!(verdict.state, RunState::Ok, "{:?}", verdict);
    assert!(
        verdict
            .headline
            .starts_with("ok: no request failed, within the 1 % error budget"),
        "{}",
        verdict.headline
    );
    assert!(verdict.glossary.is_empty());
    for cause in Cause::ALL {
        assert_eq!(Cause::from_slug(cause.slug()), Some(cause));
        assert!(!cause.name().is_empty() && !cause.glossary().is_empty());
    }
}

#[test]
fn the_designs_own_error_budget_judges_the_run_and_the_fault_tolerance_line() {
    let mut design = microservices_with_a_killed_replica(60.0);
    design.targets.error_budget_percent = 20.0;
    design.targets.response_time_ms = 1000.0;
    let summary = run(&design, &options_of(&design)).summary();
    let performance = SimulatedPerformance::from_summary(&summary);
    let failed = performance.failed_percent();
    assert!(failed > 1.0 && failed < 20.0, "{failed}");
    let verdict = run_verdict(&performance, &design);
    assert_eq!(verdict.state, RunState::Degraded, "{}", verdict.headline);
    assert!(
        verdict
            .headline
            .contains("within the 20 % error budget, but sent to a dead replica"),
        "{}",
        verdict.headline
    );
    let simulated = SimulatedRun::new(design.clone(), &performance);
    let card = scorecard_for(&design, Some(&simulated));
    let line = card
        .attributes
        .iter()
        .flat_map(|a| &a.lines)
        .find(|l| l.fact == "has_fault_tolerance")
        .unwrap();
    assert!(line.passed, "{}", line.reason);
    assert!(
        line.reason.contains("within the 20 % error budget"),
        "{}",
        line.reason
    );
}
