//! Auto-scaling exercises: hold the p99 through a ramp without paying for
//! the peak all month, and calm a flapping policy without losing the SLO.
//!
//! What must stay true: the budget is priced on the replicas a design runs
//! at rest, so a fixed fleet sized for the peak fails it and an autoscaled
//! one passes; the flapping exercise counts scale actions over its seeds.

use super::build::{budget, check, scale, simulated, ExerciseBuilder};
use crate::engine::learn::check::{Comparison, Metric, Rule};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, RunSettings, Section};
use crate::engine::model::{ArrivalProfile, SimulationSettings};

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![ramp(), flapping()]
}

/// Both services at two replicas, with autoscaling `enabled` and, when on,
/// a CPU policy that reacts within the run.
fn fleet(enabled: bool) -> Vec<Step> {
    let mut steps = Vec::new();
    for service in ["web-service", "api-service"] {
        steps.push(Step::set(service, "replicas.current", "2"));
        steps.push(Step::set(
            service,
            "autoscaling.enabled",
            if enabled { "true" } else { "false" },
        ));
        if enabled {
            steps.push(Step::set(service, "autoscaling.metric", "cpu"));
            steps.push(Step::set(service, "autoscaling.threshold", "60"));
            steps.push(Step::set(service, "autoscaling.scale_up_cooldown_s", "15"));
        }
    }
    steps.push(Step::set_design("simulation.startup_delay_s", "5"));
    steps
}

fn ramp() -> Exercise {
    let runs = RunSettings {
        seeds: vec![1, 2],
        scenario: SimulationSettings {
            duration_s: 60.0,
            arrival: ArrivalProfile::Ramp,
            ramp_from_factor: 1.0,
            ramp_to_factor: 3.0,
            ..SimulationSettings::default()
        },
        faults: Vec::new(),
    };
    ExerciseBuilder::new(
        "auto-scaling-ramp",
        Section::AutoScaling,
        "Auto-scaling: hold p99 through a ramp",
        "Traffic climbs from 600 to 1,800 requests a second over a minute. Two fixed \
         replicas per service queue up, requests are refused and p99 passes 300 ms. Paying \
         for the peak all month is not an option. Goal: p99 at most 150 ms and failed \
         requests under 0.5 % through the ramp. Constraint: at most $2,100 a month, priced on \
         the replicas the design runs at rest.",
        DesignSource::template("auto-scaling", fleet(false)),
        DesignSource::template("auto-scaling", fleet(true)),
    )
    .runs(runs)
    .checks(vec![
        simulated(
            "p99",
            "p99 at most 150 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            150.0,
        ),
        simulated(
            "errors",
            "failed requests under 0.5 %",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            0.5,
        ),
        budget(2100.0),
    ])
    .hints(&[
        "A fixed fleet big enough for the peak blows the budget; the fleet must grow with \
         the ramp.",
        "Turn on autoscaling for web-service and api-service on CPU, with a threshold near \
         60 % and a short scale-up cooldown (15 s), so replicas arrive while the ramp climbs.",
    ])
    .debrief(
        "The document's AutoScalingSystem adds a replica when a metric crosses its threshold \
         and the cooldown has passed. Priced at rest, the autoscaled fleet costs what two \
         replicas cost and still meets the peak; the run's replica timeline shows when each \
         one arrived. The document's answer to \"How do you design systems for massive \
         scale?\" begins with horizontal scaling.",
    )
    .breaks("budget", scale("web-service", 6))
    .breaks(
        "errors",
        vec![
            Step::set("web-service", "autoscaling.enabled", "false"),
            Step::set("web-service", "queue_capacity", "5"),
        ],
    )
    .finish()
}

fn flapping_policy(up: &str, down: &str) -> Vec<Step> {
    let mut steps = vec![Step::set_design("simulation.autoscaler_interval_s", "5")];
    steps.push(Step::set_design("simulation.startup_delay_s", "5"));
    for service in ["web-service", "api-service"] {
        steps.push(Step::set(service, "autoscaling.scale_up_cooldown_s", up));
        steps.push(Step::set(
            service,
            "autoscaling.scale_down_cooldown_s",
            down,
        ));
    }
    steps
}

fn flapping() -> Exercise {
    let runs = RunSettings {
        seeds: vec![1, 2],
        scenario: SimulationSettings {
            duration_s: 120.0,
            arrival: ArrivalProfile::Wave,
            wave_count: 2.0,
            wave_amplitude: 0.5,
            ..SimulationSettings::default()
        },
        faults: Vec::new(),
    };
    ExerciseBuilder::new(
        "auto-scaling-flapping",
        Section::AutoScaling,
        "Auto-scaling: stop the flapping",
        "api-service scales on its request rate with no cooldowns: every few seconds it \
         adds a replica, the rate per replica halves, and it removes one again. Each action \
         costs a start-up and a cold cache. Goal: at most 4 scale actions of api-service \
         over two traffic waves in two minutes, while p99 stays at most 150 ms. Constraint: \
         at most $3,000 a month.",
        DesignSource::template("auto-scaling", flapping_policy("0", "0")),
        DesignSource::template("auto-scaling", flapping_policy("30", "300")),
    )
    .runs(runs)
    .checks(vec![
        check(
            "scale-actions",
            "api-service scales at most 4 times",
            Rule::Simulated {
                metric: Metric::ScaleActions,
                component: Some("api-service".into()),
                topic: None,
                comparison: Comparison::AtMost,
                threshold: 4.0,
            },
        ),
        simulated(
            "p99",
            "p99 at most 150 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            150.0,
        ),
        budget(3000.0),
    ])
    .hints(&[
        "Open the run's replica timeline of api-service: up, down, up, down, a few seconds \
         apart.",
        "Give the policy memory: a scale-up cooldown of about 30 s and a much longer \
         scale-down cooldown (300 s), as the document's ScalingPolicy has \
         ScaleUpCooldown and ScaleDownCooldown.",
    ])
    .debrief(
        "A threshold with no hysteresis oscillates: the document's shouldScaleDown waits \
         for the metric to fall below half the threshold, and its cooldowns stop the next \
         action until the last one has had its effect. A long scale-down cooldown keeps a \
         replica through the next wave instead of paying its start-up twice.",
    )
    .breaks(
        "p99",
        vec![Step::set("api-service", "service_time_ms", "200")],
    )
    .breaks("budget", scale("web-service", 10))
    .finish()
}
