//! Scheduled faults, health checks, timeouts, retries and circuit breakers.

use crate::support::{options, run, Sketch};
use archplay::engine::model::{
    ComponentId, ComponentKind as K, Design, FaultAction, ScheduledFault, ServiceTimeKind,
    SimulationSettings,
};
use archplay::engine::sim::summary::Summary;

/// 200 requests/s from a client (through a health-checking balancer when
/// `checked`) to a service of 4 replicas x 8 servers. Returns the design and the service's id.
fn four_replicas(checked: bool) -> (Design, ComponentId) {
    let mut sketch = Sketch::new(200.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "service", |c| {
        c.replicas.current = 4;
        c.concurrency = 8;
        c.service_time_ms = 20.0;
    });
    if checked {
        let balancer = sketch.add(K::LoadBalancer, "lb", |c| {
            c.service_time_ms = 0.01;
            c.health_check.enabled = true;
            c.health_check.interval_s = 1.0;
            c.health_check.timeout_s = 0.5;
            c.health_check.retries = 2;
        });
        sketch.connect(client, balancer);
        sketch.connect(balancer, service);
    } else {
        sketch.connect(client, service);
    }
    (sketch.design, service)
}

fn with_faults(faults: Vec<ScheduledFault>, duration_s: f64) -> SimulationSettings {
    SimulationSettings {
        faults,
        startup_delay_s: 5.0,
        ..options(11, duration_s, 0.0)
    }
}

fn errors(summary: &Summary, cause: &str) -> u64 {
    summary.end_to_end.errors.get(cause).copied().unwrap_or(0)
}

#[test]
fn a_killed_replica_fails_its_share_of_calls_until_a_health_check_takes_it_out() {
    let kill = |service| {
        vec![ScheduledFault {
            at_s: 10.0,
            component: service,
            action: FaultAction::KillReplica,
            duration_s: Some(20.0),
        }]
    };
    let (design, service) = four_replicas(false);
    let unchecked = run(&design, &with_faults(kill(service), 60.0)).summary();
    // Dead from 10 s until its restart at 30 s, in rotation with three live replicas: a quarter of 20 s x 200/s.
    let down = errors(&unchecked, "replica_down");
    assert!((900..=1100).contains(&down), "replica_down {down}");
    assert!(
        errors(&unchecked, "crashed") > 0,
        "the calls it was serving fail"
    );

    let (design, service) = four_replicas(true);
    let simulation = run(&design, &with_faults(kill(service), 60.0));
    let checked = simulation.summary();
    // Probes at 10 s and 11 s fail; the verdict lands after the 0.5 s timeout: about 1.5 s of a quarter of 200/s.
    let down = errors(&checked, "replica_down");
    assert!(
        (40..=110).contains(&down),
        "replica_down with health checks {down}"
    );
    // Restarted at 30 s, started at 35 s, back after the next passing probe.
    assert_eq!(
        simulation.stations()[0].servers(),
        32,
        "all four replicas serve again"
    );
}

#[test]
fn a_component_down_fails_calls_and_a_checking_gateway_reports_service_not_found() {
    let mut sketch = Sketch::new(200.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let gateway = sketch.add(K::ApiGateway, "gateway", |c| {
        c.health_check.enabled = true;
        c.health_check.interval_s = 1.0;
        c.health_check.retries = 1;
    });
    let service = sketch.station("orders", 32, 5.0, 100);
    sketch.connect(client, gateway);
    sketch.connect(gateway, service);
    let down = vec![ScheduledFault {
        at_s: 10.0,
        component: service,
        action: FaultAction::ComponentDown,
        duration_s: Some(10.0),
    }];
    let summary = run(&sketch.design, &with_faults(down, 30.0)).summary();
    let refused = errors(&summary, "component_down");
    let not_found = errors(&summary, "service_not_found");
    // Down at 10 s; the probe at 10 s (after the fault, same time) finds it: at most a moment of component_down.
    assert!(refused < 50, "component_down {refused}");
    // Found down from 10 s until the probe at 20 s or 21 s sees it up again.
    assert!(
        (1800..=2300).contains(&not_found),
        "service_not_found {not_found}"
    );
    assert_eq!(summary.components[1].errors["service_not_found"], not_found);
    assert!(summary.end_to_end.completed > 3500, "it recovers");
    // The health checks say when they took the service out and let it back in.
    let changes: Vec<_> = summary
        .health
        .iter()
        .map(|h| (h.t_s, h.text.as_str()))
        .collect();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(
        changes[0],
        (
            10.0,
            "health checks of gateway took orders out of rotation after 1 failed check"
        )
    );
    assert!((20.0..=21.0).contains(&changes[1].0), "{changes:?}");
    assert_eq!(
        changes[1].1,
        "health checks of gateway let orders into rotation (it passed a check)"
    );
}

#[test]
fn added_latency_and_injected_errors_apply_during_their_window() {
    let mut sketch = Sketch::new(50.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.station("service", 100, 10.0, 100);
    sketch.connect(client, service);
    let faults = vec![
        ScheduledFault {
            at_s: 0.0,
            component: service,
            action: FaultAction::AddLatency { ms: 50.0 },
            duration_s: None,
        },
        ScheduledFault {
            at_s: 0.0,
            component: service,
            action: FaultAction::AddErrors { percent: 30.0 },
            duration_s: None,
        },
    ];
    let options = SimulationSettings {
        service_time: ServiceTimeKind::Fixed,
        ..with_faults(faults, 200.0)
    };
    let summary = run(&sketch.design, &options).summary();
    assert_eq!(
        summary.end_to_end.latency.mean_ms, 60.0,
        "fixed 10 ms plus 50 ms, no queueing"
    );
    let share = errors(&summary, "injected") as f64 / summary.end_to_end.arrived as f64;
    assert!((share - 0.3).abs() < 0.01, "injected share {share}");

    let window = vec![ScheduledFault {
        at_s: 50.0,
        component: service,
        action: FaultAction::AddLatency { ms: 50.0 },
        duration_s: Some(50.0),
    }];
    let options = SimulationSettings {
        service_time: ServiceTimeKind::Fixed,
        ..with_faults(window, 200.0)
    };
    let mean = run(&sketch.design, &options)
        .summary()
        .end_to_end
        .latency
        .mean_ms;
    assert!(
        (mean - 22.5).abs() < 1.0,
        "a quarter of the run at 60 ms, the rest at 10 ms: {mean}"
    );
}

/// Callers' resilience settings: a timeout (if any), retries, a circuit breaker.
#[derive(Clone, Copy, Default)]
struct Resilience {
    timeout_ms: Option<f64>,
    retries: u32,
    breaker: Option<(u32, f64)>,
}

impl Resilience {
    /// `settings` with these resilience settings.
    fn on(self, settings: SimulationSettings) -> SimulationSettings {
        SimulationSettings {
            timeout_enabled: self.timeout_ms.is_some(),
            timeout_ms: self.timeout_ms.unwrap_or(settings.timeout_ms),
            retries: self.retries,
            circuit_breaker: self.breaker.is_some(),
            breaker_threshold: self.breaker.map_or(settings.breaker_threshold, |b| b.0),
            breaker_open_s: self.breaker.map_or(settings.breaker_open_s, |b| b.1),
            ..settings
        }
    }
}

fn slow_service(service_ms: f64, resilience: Resilience) -> Summary {
    let mut sketch = Sketch::new(100.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.station("service", 100, service_ms, 1000);
    sketch.connect(client, service);
    let options = SimulationSettings {
        service_time: ServiceTimeKind::Fixed,
        ..options(2, 30.0, 0.0)
    };
    let options = resilience.on(options);
    run(&sketch.design, &options).summary()
}

#[test]
fn timeouts_fail_slow_calls_and_retries_try_again() {
    let resilience = Resilience {
        timeout_ms: Some(50.0),
        retries: 2,
        ..Resilience::default()
    };
    let summary = slow_service(100.0, resilience);
    let requests = summary.end_to_end.arrived;
    assert_eq!(summary.end_to_end.completed, 0);
    assert!(errors(&summary, "timeout") + summary.end_to_end.in_flight == requests);
    let attempts = summary.components[1].arrivals;
    assert!(
        attempts >= 3 * (requests - 10) && attempts <= 3 * requests,
        "three attempts each: {attempts} for {requests}"
    );
    // Each timed-out attempt is counted once, at the caller.
    let timeouts = summary.components[0].errors["timeout"];
    assert!(
        timeouts <= attempts && timeouts + summary.end_to_end.in_flight >= attempts,
        "{timeouts} timeouts of {attempts} attempts"
    );

    let fast = slow_service(10.0, resilience);
    assert!(
        fast.end_to_end.errors.is_empty(),
        "10 ms calls never hit a 50 ms timeout"
    );
}

#[test]
fn retries_recover_from_injected_errors() {
    let mut sketch = Sketch::new(200.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.station("service", 64, 5.0, 1000);
    sketch.connect(client, service);
    let faults = vec![ScheduledFault {
        at_s: 0.0,
        component: service,
        action: FaultAction::AddErrors { percent: 50.0 },
        duration_s: None,
    }];
    let options = Resilience {
        retries: 3,
        ..Resilience::default()
    }
    .on(with_faults(faults, 100.0));
    let summary = run(&sketch.design, &options).summary();
    let failed = summary.end_to_end.failed as f64 / summary.end_to_end.arrived as f64;
    // Four tries, each failing with probability 1/2: 1/16 fail.
    assert!((failed - 0.0625).abs() < 0.01, "failed share {failed}");
}

#[test]
fn an_open_circuit_breaker_stops_calls_to_a_failing_service() {
    let mut sketch = Sketch::new(100.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.station("service", 8, 5.0, 100);
    sketch.connect(client, service);
    let faults = vec![ScheduledFault {
        at_s: 0.0,
        component: service,
        action: FaultAction::ComponentDown,
        duration_s: None,
    }];
    let options = Resilience {
        breaker: Some((5, 10.0)),
        ..Resilience::default()
    }
    .on(with_faults(faults, 60.0));
    let summary = run(&sketch.design, &options).summary();
    // Five failures open it; every 10 s one trial call fails and opens it again.
    let reached = summary.components[1].arrivals;
    assert!(
        (9..=11).contains(&reached),
        "calls that reached the service: {reached}"
    );
    assert_eq!(
        errors(&summary, "circuit_open") + reached,
        summary.end_to_end.arrived
    );
}
