//! The seed policy and the Kubernetes HPA against hand-computed traces, and
//! autoscalers inside a run (start-up delay, replica timeline).

use crate::support::{options, start, Sketch};
use archplay::engine::model::{
    AutoscalerKind, ComponentKind as K, ScalingMetric, SimulationSettings,
};
use archplay::engine::sim::autoscaler::{HpaPolicy, HpaSettings, ReplicaBounds, SeedPolicy};

const S: u64 = 1_000_000;

/// Feeds (second, metric, expected replicas after the decision) through `decide`.
fn replay(
    mut decide: impl FnMut(u64, f64, ReplicaBounds) -> u32,
    start: u32,
    min: u32,
    max: u32,
    trace: &[(u64, f64, u32)],
) {
    let mut current = start;
    for &(second, metric, expected) in trace {
        current = decide(second * S, metric, ReplicaBounds { current, min, max });
        assert_eq!(current, expected, "at {second} s with metric {metric}");
    }
}

#[test]
fn seed_policy_steps_one_replica_at_a_time_with_cooldowns_and_bounds() {
    let mut policy = SeedPolicy {
        threshold: 70.0,
        up_cooldown_us: 60 * S,
        down_cooldown_us: 300 * S,
        last_scale: None,
    };
    replay(
        |now, metric, bounds| policy.decide(now, metric, bounds),
        2,
        2,
        5,
        &[
            (15, 80.0, 3),  // above the threshold, no earlier action: up
            (30, 80.0, 3),  // 15 s since the last action < 60 s cooldown
            (60, 80.0, 3),  // 45 s
            (75, 80.0, 4),  // 60 s: up again
            (90, 70.0, 4),  // exactly the threshold is not above it
            (135, 90.0, 5), // up to max
            (195, 99.0, 5), // at max
            (210, 20.0, 5), // below half, but 75 s < 300 s down cooldown
            (435, 20.0, 4), // 300 s: down
            (450, 20.0, 4), // cooldown again
            (735, 35.0, 4), // exactly half the threshold is not below it
            (750, 34.9, 3), // below half, 315 s since the last action
            (1050, 10.0, 2),
            (1400, 0.0, 2), // at min
        ],
    );
}

fn hpa(stabilization_s: f64) -> HpaPolicy {
    HpaPolicy::new(
        50.0,
        HpaSettings {
            stabilization_s,
            ..HpaSettings::of(&SimulationSettings::default())
        },
    )
}

#[test]
fn hpa_follows_ceil_of_current_times_ratio_with_tolerance_and_a_scale_down_window() {
    let mut policy = hpa(60.0);
    replay(
        |now, metric, bounds| policy.decide(now, metric, bounds),
        2,
        1,
        10,
        &[
            (15, 100.0, 4),  // ratio 2: ceil(2 x 2) = 4
            (30, 54.0, 4),   // ratio 1.08 is within the 0.1 tolerance
            (45, 56.0, 5),   // ratio 1.12: ceil(4 x 1.12) = 5
            (60, 150.0, 10), // ceil(5 x 3) = 15, capped at max 10 (rate limit allows 5 + max(4, 5) = 10)
            (75, 25.0, 10),  // wants 5, but the window (15..75 s) holds 10: stay
            (90, 25.0, 10),
            (120, 25.0, 10), // the 10 of 60 s is still inside the 60 s window
            (135, 25.0, 5),  // the window (75..135 s) holds only 5s: down to 5
            (150, 0.0, 5),   // wants the minimum, the window still holds 5s
            (210, 0.0, 1),   // every recommendation in the window is 1
        ],
    );
}

#[test]
fn hpa_rate_limits_scale_up_by_pods_or_percent_per_period() {
    let mut policy = hpa(0.0);
    replay(
        |now, metric, bounds| policy.decide(now, metric, bounds),
        2,
        1,
        30,
        &[
            (15, 1000.0, 6),  // wants 30; limit max(2 + 4, 2 x 2) = 6
            (20, 1000.0, 6),  // same period: the limit still counts from 2
            (30, 1000.0, 12), // new period from 6: max(6 + 4, 6 x 2) = 12
            (45, 1000.0, 24),
            (60, 1000.0, 30),
        ],
    );
    let mut halving = HpaPolicy::new(
        50.0,
        HpaSettings {
            stabilization_s: 0.0,
            scale_down_percent: 50.0,
            ..HpaSettings::of(&SimulationSettings::default())
        },
    );
    replay(
        |now, metric, bounds| halving.decide(now, metric, bounds),
        8,
        1,
        10,
        &[(15, 1.0, 4), (20, 1.0, 4), (30, 1.0, 2), (45, 1.0, 1)],
    );
}

/// A service offered 1000 requests/s on 2 replicas of 8 servers (12.8 ms each: 80 % busy), autoscaled.
fn autoscaled(metric: ScalingMetric, threshold: f64) -> archplay::engine::model::Design {
    let mut sketch = Sketch::new(1_000.0);
    let client = sketch.add(K::Client, "client", |_| {});
    let service = sketch.add(K::Service, "service", |c| {
        c.replicas.current = 2;
        c.replicas.min = 2;
        c.replicas.max = 6;
        c.concurrency = 8;
        c.service_time_ms = 12.8;
        c.autoscaling.enabled = true;
        c.autoscaling.metric = metric;
        c.autoscaling.threshold = threshold;
        c.autoscaling.scale_up_cooldown_s = 60.0;
    });
    sketch.connect(client, service);
    sketch.design
}

#[test]
fn a_new_replica_takes_traffic_only_after_the_start_up_delay() {
    // 1000 requests/s over 2 replicas is 500 per replica, above the threshold of 400.
    let design = autoscaled(ScalingMetric::RequestRate, 400.0);
    let settings = SimulationSettings {
        startup_delay_s: 10.0,
        ..options(1, 100.0, 0.0)
    };
    let mut simulation = start(&design, &settings).unwrap();
    simulation.run_until(25 * S - 1, u64::MAX);
    assert_eq!(
        simulation.stations()[0].servers(),
        16,
        "still starting at 24.999999 s"
    );
    assert_eq!(
        simulation.stations()[0].counted_replicas(),
        3,
        "decided at 15 s"
    );
    simulation.run_until(25 * S, u64::MAX);
    assert_eq!(simulation.stations()[0].servers(), 24, "ready at 25 s");
    simulation.run();
    crate::support::check_universal(&simulation);
    let summary = simulation.summary();
    let timeline = summary.components[1].replica_timeline.clone().unwrap();
    // One step up at 15 s; then 1000 / 3 = 333 per replica is neither above 400
    // nor below 200, so nothing more.
    assert_eq!(timeline, vec![(0.0, 2), (15.0, 3)]);
}

#[test]
fn hpa_mode_scales_cpu_to_its_target_inside_a_run() {
    // 1000/s x 12.8 ms = 12.8 erlangs on 16 servers: 80 % CPU against a 50 % target.
    let design = autoscaled(ScalingMetric::Cpu, 50.0);
    let settings = SimulationSettings {
        startup_delay_s: 5.0,
        autoscaler: AutoscalerKind::Hpa,
        autoscaler_interval_s: 15.0,
        ..options(1, 120.0, 0.0)
    };
    let mut simulation = start(&design, &settings).unwrap();
    simulation.run();
    crate::support::check_universal(&simulation);
    let timeline = simulation.summary().components[1]
        .replica_timeline
        .clone()
        .unwrap();
    // ceil(2 x 0.8 / 0.5) = ceil(3.2) = 4 at 15 s (ready at 20 s); at 30 s the
    // CPU of the last 15 s is about 48 % (within the tolerance); from 45 s on it
    // is 40 %, and ceil(4 x 0.4 / 0.5) = ceil(3.2) = 4 again.
    assert_eq!(timeline[0], (0.0, 2));
    assert_eq!(timeline[1], (15.0, 4));
    assert_eq!(timeline.len(), 2, "{timeline:?}");
    assert_eq!(simulation.stations()[0].servers(), 32);
}
