//! The design's simulation settings as the simulator sees them: every setting
//! reaches its run plan (`RunPlan`), any value a user can choose gives
//! settings the simulator accepts, the inspector knows which settings are in
//! use, and the command-line tool simulates what the design says, with an
//! `--options` file overlaid on the design's settings.
//!
//! This file holds the mapping onto the run plan and the defaults;
//! `choices` holds the property over every value a user can choose and the
//! fields in use, `command_line` the `archplay simulate` check.

mod choices;
mod command_line;

use crate::SplitMix;
use archplay::engine::attributes::access::set_field;
use archplay::engine::attributes::fields::simulation_field_in_use;
use archplay::engine::attributes::fields::{FieldSpec, FieldTarget, FieldType};
use archplay::engine::attributes::simulation_fields::simulation_fields;
use archplay::engine::model::validate::validate;
use archplay::engine::model::{
    ArrivalProfile, AutoscalerKind, ComponentId, Design, FaultAction, KeyPopularityKind,
    ScheduledFault, ServiceTimeKind, SimulationSettings,
};
use archplay::engine::share::design_file;
use archplay::engine::sim::autoscaler::HpaSettings;
use archplay::engine::sim::options::{
    AutoscalerMode, Fault, FaultKind, KeyPopularity, ServiceTimeDistribution, TrafficProfile,
};
use archplay::engine::sim::{RunPlan, SimError, Simulation};

const DESIGN: FieldTarget = FieldTarget::Design;

/// A small shop whose names match the faults of the example.
use crate::simulation_settings::{set, shop};

/// Settings with every value away from its default, and the plan they must give.
#[test]
fn from_settings_maps_every_setting() {
    let orders = ComponentId(3);
    let settings = SimulationSettings {
        seed: 99,
        duration_s: 200.0,
        warmup_s: 20.0,
        arrival: ArrivalProfile::Spike,
        ramp_from_factor: 0.5,
        ramp_to_factor: 3.0,
        profile_at_percent: 25.0,
        profile_length_percent: 5.0,
        profile_factor: 4.0,
        wave_count: 4.0,
        wave_amplitude: 0.2,
        key_popularity: KeyPopularityKind::Zipf,
        zipf_exponent: 1.1,
        service_time: ServiceTimeKind::LogNormal,
        service_time_cv: 0.3,
        startup_delay_s: 4.0,
        autoscaler: AutoscalerKind::Hpa,
        autoscaler_interval_s: 30.0,
        hpa_tolerance: 0.2,
        hpa_stabilization_s: 90.0,
        hpa_scale_up_pods: 2,
        hpa_scale_up_percent: 50.0,
        hpa_scale_down_percent: 10.0,
        hpa_policy_period_s: 60.0,
        timeout_enabled: true,
        timeout_ms: 250.0,
        retries: 2,
        retry_backoff_ms: 100.0,
        circuit_breaker: true,
        breaker_threshold: 7,
        breaker_open_s: 3.0,
        faults: vec![
            ScheduledFault {
                component: orders,
                action: FaultAction::AddErrors { percent: 20.0 },
                at_s: 5.0,
                duration_s: Some(10.0),
            },
            ScheduledFault {
                component: orders,
                action: FaultAction::AddLatency { ms: 50.0 },
                at_s: 6.0,
                duration_s: None,
            },
            ScheduledFault {
                component: orders,
                action: FaultAction::KillReplica,
                at_s: 7.0,
                duration_s: Some(1.0),
            },
            ScheduledFault {
                component: orders,
                action: FaultAction::ComponentDown,
                at_s: 8.0,
                duration_s: None,
            },
        ],
    };
    let options = RunPlan::from_settings(&settings, 100.0);
    // What the simulator takes as it is, it reads from the settings.
    assert_eq!(options.settings, settings);
    assert_eq!(
        options.profile,
        TrafficProfile::Spike {
            at_s: 50.0,
            duration_s: 10.0,
            factor: 4.0
        }
    );
    assert_eq!(
        options.key_popularity,
        KeyPopularity::Zipf { exponent: 1.1 }
    );
    assert_eq!(
        options.service_time,
        ServiceTimeDistribution::LogNormal { cv: 0.3 }
    );
    let hpa = HpaSettings {
        tolerance: 0.2,
        stabilization_s: 90.0,
        scale_up_pods: 2,
        scale_up_percent: 50.0,
        scale_down_percent: 10.0,
        policy_period_s: 60.0,
    };
    assert_eq!(options.autoscaler, AutoscalerMode::Hpa);
    assert_eq!(HpaSettings::of(&options.settings), hpa);
    assert_eq!(
        (options.timeout_s, options.retry_backoff_s),
        (Some(0.25), 0.1)
    );
    let fault = |kind, at_s, duration_s| Fault {
        at_s,
        component: orders,
        kind,
        duration_s,
    };
    assert_eq!(
        options.faults,
        vec![
            fault(FaultKind::AddErrors { rate: 0.2 }, 5.0, Some(10.0)),
            fault(FaultKind::AddLatency { ms: 50.0 }, 6.0, None),
            fault(FaultKind::KillReplica, 7.0, Some(1.0)),
            fault(FaultKind::ComponentDown, 8.0, None),
        ]
    );
    // Every arrival profile, and every other choice, one by one.
    let profile = |arrival| {
        RunPlan::from_settings(
            &SimulationSettings {
                arrival,
                ..settings.clone()
            },
            100.0,
        )
        .profile
    };
    assert_eq!(profile(ArrivalProfile::Steady), TrafficProfile::Constant);
    assert_eq!(
        profile(ArrivalProfile::Ramp),
        TrafficProfile::Ramp {
            to_rps: 300.0,
            from_factor: 0.5
        }
    );
    assert_eq!(
        profile(ArrivalProfile::Step),
        TrafficProfile::Step {
            at_s: 50.0,
            factor: 4.0
        }
    );
    assert_eq!(
        profile(ArrivalProfile::Wave),
        TrafficProfile::DailyWave {
            period_s: 50.0,
            amplitude: 0.2
        }
    );
    let other = SimulationSettings {
        key_popularity: KeyPopularityKind::Uniform,
        service_time: ServiceTimeKind::Fixed,
        autoscaler: AutoscalerKind::Seed,
        timeout_enabled: false,
        circuit_breaker: false,
        ..settings.clone()
    };
    let options = RunPlan::from_settings(&other, 100.0);
    assert_eq!(
        (
            options.key_popularity,
            options.service_time,
            options.autoscaler
        ),
        (
            KeyPopularity::Uniform,
            ServiceTimeDistribution::Fixed,
            AutoscalerMode::Seed
        )
    );
    assert_eq!(options.timeout_s, None);
}

#[test]
fn the_default_settings_are_the_simulators_defaults_and_todays_profiles() {
    // The plan of the default settings: what the simulator did before the
    // settings existed (a constant rate, uniform keys, exponential service,
    // the seed's autoscaler, no timeouts, no faults).
    let plan = RunPlan::from_settings(&SimulationSettings::default(), 500.0);
    assert_eq!(
        (
            plan.profile,
            plan.key_popularity,
            plan.service_time,
            plan.autoscaler
        ),
        (
            TrafficProfile::Constant,
            KeyPopularity::Uniform,
            ServiceTimeDistribution::Exponential,
            AutoscalerMode::Seed
        )
    );
    assert_eq!((plan.timeout_s, plan.retry_backoff_s), (None, 0.0));
    assert!(plan.faults.is_empty());
    let defaults = &plan.settings;
    assert_eq!(
        (
            defaults.seed,
            defaults.duration_s,
            defaults.warmup_s,
            defaults.startup_delay_s,
            defaults.autoscaler_interval_s
        ),
        (1, 60.0, 0.0, 10.0, 15.0)
    );
    assert_eq!(
        (
            defaults.retries,
            defaults.circuit_breaker,
            defaults.breaker_threshold,
            defaults.breaker_open_s
        ),
        (0, false, 5, 10.0)
    );
    // Kubernetes' own HPA defaults.
    assert_eq!(
        HpaSettings::of(defaults),
        HpaSettings {
            tolerance: 0.1,
            stabilization_s: 300.0,
            scale_up_pods: 4,
            scale_up_percent: 100.0,
            scale_down_percent: 100.0,
            policy_period_s: 15.0,
        }
    );
    // What each profile meant before its parameters could be set.
    let profile = |arrival, duration_s| {
        RunPlan::from_settings(
            &SimulationSettings {
                arrival,
                duration_s,
                ..SimulationSettings::default()
            },
            80.0,
        )
        .profile
    };
    assert_eq!(
        profile(ArrivalProfile::Spike, 60.0),
        TrafficProfile::Spike {
            at_s: 27.0,
            duration_s: 6.0,
            factor: 3.0
        }
    );
    assert_eq!(
        profile(ArrivalProfile::Ramp, 60.0),
        TrafficProfile::Ramp {
            to_rps: 80.0,
            from_factor: 0.0
        }
    );
    assert_eq!(
        profile(ArrivalProfile::Wave, 600.0),
        TrafficProfile::DailyWave {
            period_s: 600.0,
            amplitude: 0.5
        }
    );
}
