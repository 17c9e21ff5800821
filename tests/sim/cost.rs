//! What a run cost: replica-seconds from the autoscaler's timeline, priced
//! with the design's unit prices. A fixed fleet costs exactly the design's
//! monthly cost; an autoscaled one under a wave or a ramp costs less than the
//! same design fixed at its most replicas and more than it fixed at its
//! fewest (which pays for it in failed requests).

use crate::support::{run, Sketch};
use archplay::engine::cost::monthly_cost;
use archplay::engine::cost::run::SECONDS_PER_MONTH;
use archplay::engine::model::{
    ArrivalProfile, AutoscalerKind, ComponentKind as K, Design, ScalingMetric, SimulationSettings,
};
use archplay::engine::sim::summary::Summary;

/// A client, one service of 8 servers at 20 ms (400 req/s per replica at full
/// CPU) scaling between 1 and 8 replicas, and a monitor (fixed, $50).
fn design(autoscaled: bool, replicas: u32) -> Design {
    let mut sketch = Sketch::new(400.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "api", |c| {
        c.concurrency = 8;
        c.service_time_ms = 20.0;
        c.queue_capacity = 200;
        c.replicas.min = 1;
        c.replicas.max = 8;
        c.replicas.current = replicas;
        c.autoscaling.enabled = autoscaled;
        c.autoscaling.metric = ScalingMetric::Cpu;
        c.autoscaling.threshold = 50.0;
    });
    let monitor = sketch.add(K::Monitoring, "monitor", |_| {});
    sketch.connect(client, service);
    sketch.connect(monitor, service);
    sketch.design
}

fn settings(arrival: ArrivalProfile) -> SimulationSettings {
    SimulationSettings {
        seed: 7,
        duration_s: 600.0,
        arrival,
        wave_count: 2.0,
        wave_amplitude: 0.9,
        ramp_from_factor: 0.1,
        ramp_to_factor: 1.5,
        autoscaler: AutoscalerKind::Hpa,
        hpa_stabilization_s: 60.0,
        startup_delay_s: 10.0,
        ..SimulationSettings::default()
    }
}

fn summary(design: &Design, arrival: ArrivalProfile) -> Summary {
    run(design, &settings(arrival)).summary()
}

#[track_caller]
fn assert_near(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{what}: got {actual}, expected {expected}"
    );
}

#[test]
fn a_fixed_fleet_costs_the_designs_monthly_cost() {
    for replicas in [1, 8] {
        let design = design(false, replicas);
        let run = summary(&design, ArrivalProfile::Wave);
        let expected = monthly_cost(&design).total_usd_per_month;
        assert_near(run.cost.usd_per_month, expected, "monthly rate");
        assert_near(run.cost.seconds, run.simulated_s, "seconds");
        assert_near(
            run.cost.total_usd,
            expected * 600.0 / SECONDS_PER_MONTH,
            "spent in the run",
        );
        assert_eq!(run.cost.lines.len(), 2, "the service and the monitor");
    }
}

#[test]
fn autoscaling_costs_less_than_the_fleet_at_max_and_more_than_at_min() {
    for arrival in [ArrivalProfile::Wave, ArrivalProfile::Ramp] {
        let autoscaled = summary(&design(true, 1), arrival);
        let at_max = summary(&design(false, 8), arrival);
        let at_min = summary(&design(false, 1), arrival);
        let timeline = autoscaled.components[1].replica_timeline.clone().unwrap();
        assert!(timeline.len() > 2, "{arrival:?}: it scaled: {timeline:?}");
        let (auto, max, min) = (
            autoscaled.cost.usd_per_month,
            at_max.cost.usd_per_month,
            at_min.cost.usd_per_month,
        );
        println!(
            "{arrival:?}: autoscaled ${auto:.0}/month, fixed at max ${max:.0}, at min ${min:.0}"
        );
        assert!(
            auto < 0.8 * max,
            "{arrival:?}: autoscaled {auto} vs max {max}"
        );
        assert!(auto > min, "{arrival:?}: autoscaled {auto} vs min {min}");
        assert!(
            at_min.end_to_end.failed > autoscaled.end_to_end.failed,
            "{arrival:?}: the cheapest fleet pays in failed requests"
        );
    }
}

#[test]
fn the_run_cost_is_the_timeline_priced() {
    let design = design(true, 1);
    let run = summary(&design, ArrivalProfile::Wave);
    let timeline = run.components[1].replica_timeline.clone().unwrap();
    let end = run.simulated_s;
    let replica_seconds: f64 = timeline
        .iter()
        .enumerate()
        .map(|(k, &(at, count))| {
            let until = timeline.get(k + 1).map_or(end, |next| next.0);
            (until - at) * f64::from(count)
        })
        .sum();
    let service_rate = 8.0 * 30.0 * replica_seconds / end;
    assert_near(run.cost.lines[0].usd_per_month, service_rate, "service");
    assert_near(run.cost.lines[1].usd_per_month, 50.0, "monitor");
    assert_near(run.cost.usd_per_month, service_rate + 50.0, "total");
    assert_eq!(
        run.cost,
        summary(&design, ArrivalProfile::Wave).cost,
        "deterministic"
    );
}

#[test]
fn the_run_is_priced_with_the_designs_own_prices() {
    let mut design = design(false, 2);
    design.prices.service_per_concurrency = 10.0;
    design.prices.monitoring = 0.0;
    let run = summary(&design, ArrivalProfile::Steady);
    assert_near(run.cost.usd_per_month, 2.0 * 8.0 * 10.0, "edited prices");
    assert_eq!(
        run.cost.lines[1].usd_per_month, 0.0,
        "a free monitor costs nothing"
    );
}
