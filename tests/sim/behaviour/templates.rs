//! Every template runs with conservation and Little's law, survives every
//! kind of option, and a request loop is cut and reported.

use super::*;

#[test]
fn every_template_runs_with_conservation_and_littles_law() {
    for info in TEMPLATES {
        let design = template(info.name).unwrap();
        let simulation = run(&design, &options(1, 60.0, 10.0));
        let summary = simulation.summary();
        assert!(summary.end_to_end.throughput_rps > 0.0, "{}", info.name);
        assert!(summary
            .components
            .iter()
            .all(|c| c.latency.p50_ms <= c.latency.p95_ms && c.latency.p95_ms <= c.latency.p99_ms));
    }
}

#[test]
fn a_request_loop_is_cut_and_reported_instead_of_running_forever() {
    let mut sketch = Sketch::new(50.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let a = sketch.station("a", 64, 0.1, 1000);
    let b = sketch.station("b", 64, 0.1, 1000);
    sketch.connect(client, a);
    sketch.connect(a, b);
    sketch.connect(b, a);
    let summary = run(&sketch.design, &options(1, 10.0, 0.0)).summary();
    assert_eq!(summary.end_to_end.completed, 0);
    assert!(
        summary.end_to_end.errors["call_loop"] + summary.end_to_end.in_flight
            == summary.end_to_end.arrived
    );
}

#[test]
fn every_template_survives_every_kind_of_option() {
    use archplay::engine::model::{
        ArrivalProfile, AutoscalerKind, FaultAction, ScheduledFault, ServiceTimeKind,
    };
    let variants: Vec<SimulationSettings> = vec![
        SimulationSettings {
            arrival: ArrivalProfile::Ramp,
            ramp_from_factor: 0.0,
            ramp_to_factor: 6.0,
            ..options(1, 20.0, 0.0)
        },
        SimulationSettings {
            arrival: ArrivalProfile::Spike,
            profile_at_percent: 25.0,
            profile_length_percent: 25.0,
            profile_factor: 10.0,
            ..options(2, 20.0, 2.0)
        },
        SimulationSettings {
            arrival: ArrivalProfile::Wave,
            wave_count: 2.0,
            wave_amplitude: 1.0,
            ..options(3, 20.0, 0.0)
        },
        SimulationSettings {
            service_time: ServiceTimeKind::LogNormal,
            service_time_cv: 3.0,
            key_popularity: KeyPopularityKind::Zipf,
            zipf_exponent: 1.2,
            ..options(4, 20.0, 0.0)
        },
        SimulationSettings {
            // Fixed service times (this variant used Erlang phases, which no
            // user could choose and which the simulator no longer has).
            service_time: ServiceTimeKind::Fixed,
            autoscaler: AutoscalerKind::Hpa,
            autoscaler_interval_s: 1.0,
            arrival: ArrivalProfile::Step,
            profile_at_percent: 25.0,
            profile_factor: 4.0,
            startup_delay_s: 2.0,
            ..options(5, 20.0, 0.0)
        },
        SimulationSettings {
            timeout_enabled: true,
            timeout_ms: 20.0,
            retries: 2,
            retry_backoff_ms: 0.0,
            circuit_breaker: true,
            breaker_threshold: 3,
            breaker_open_s: 1.0,
            ..options(6, 20.0, 0.0)
        },
    ];
    for info in TEMPLATES {
        let design = template(info.name).unwrap();
        for variant in &variants {
            run(&design, variant);
        }
        // Every kind of fault on every component, one at a time, with a restart.
        for component in &design.components {
            for action in [
                FaultAction::KillReplica,
                FaultAction::ComponentDown,
                FaultAction::AddLatency { ms: 30.0 },
                FaultAction::AddErrors { percent: 50.0 },
            ] {
                let fault = ScheduledFault {
                    at_s: 3.0,
                    component: component.id,
                    action,
                    duration_s: Some(4.0),
                };
                let options = SimulationSettings {
                    faults: vec![fault],
                    startup_delay_s: 1.0,
                    ..options(7, 12.0, 0.0)
                };
                run(&design, &options);
            }
        }
    }
}
