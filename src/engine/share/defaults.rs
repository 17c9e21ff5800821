//! The link layout's frozen defaults: what a field left out of a link means.
//! A writer leaves out every field equal to its default here, and a reader
//! starts from these and sets what the link carries, so a link from a writer
//! that did not know a field yet reads it as this default.
//!
//! What must stay true: everything here is a copy of the model as it was when
//! the field joined the layout, written out by hand. Never replace a value
//! with a call to `Component::new`, `SimulationSettings::default` or any
//! `Default` (they may change, and would silently change what old links
//! mean). The codes that stand for enums are in `codes.rs`.

use super::bytes::WireError;
use super::wire::flag;
use crate::engine::model::{
    ArrivalProfile, AutoscalerKind, AutoscalingPolicy, Component, ComponentId, ComponentKind,
    Connection, ConnectionId, HealthCheck, HttpMethod, KeyPopularityKind, LoadBalancingStrategy,
    Position, Replicas, ScalingMetric, Security, ServiceTimeKind, SimulationSettings, Targets,
    TeamInputs, Workload,
};
use crate::engine::quote::quote;

/// The workload of a link that leaves every field out.
pub(super) fn workload() -> Workload {
    Workload {
        requests_per_second: 500.0,
        read_share: 0.8,
        key_space: 1000,
        hop_latency_ms: 1.0,
    }
}

/// The team inputs of a link that leaves every field out.
pub(super) fn team() -> TeamInputs {
    TeamInputs {
        code_quality: 85.0,
        documentation: 70.0,
        test_coverage: 75.0,
        user_experience: 90.0,
        accessibility: 85.0,
        responsiveness: 95.0,
        error_handling: 80.0,
        vulnerability_scanning: false,
    }
}

/// The targets of a link that leaves every field out.
pub(super) fn targets() -> Targets {
    Targets {
        response_time_ms: 100.0,
        throughput_rps: 1000.0,
        latency_ms: 50.0,
        cpu_percent: 70.0,
        code_quality: 85.0,
        documentation: 90.0,
        test_coverage: 80.0,
        modularity: 85.0,
        complexity: 70.0,
        user_experience: 90.0,
        accessibility: 85.0,
        responsiveness: 95.0,
        error_handling: 80.0,
        error_budget_percent: 1.0,
    }
}

/// The simulation settings of a link that leaves every field out. A link of
/// the first writer (`v1.`) carried only the seed, duration and arrival, with
/// these same defaults; the profile parameters reproduce what it meant (the
/// spike in the middle tenth of the run at three times the rate, the ramp from
/// zero, one wave of swing 0.5).
pub(super) fn simulation() -> SimulationSettings {
    SimulationSettings {
        seed: 1,
        duration_s: 60.0,
        warmup_s: 0.0,
        arrival: ArrivalProfile::Steady,
        ramp_from_factor: 0.0,
        ramp_to_factor: 1.0,
        profile_at_percent: 45.0,
        profile_length_percent: 10.0,
        profile_factor: 3.0,
        wave_count: 1.0,
        wave_amplitude: 0.5,
        key_popularity: KeyPopularityKind::Uniform,
        zipf_exponent: 1.0,
        service_time: ServiceTimeKind::Exponential,
        service_time_cv: 1.0,
        startup_delay_s: 10.0,
        autoscaler: AutoscalerKind::Seed,
        autoscaler_interval_s: 15.0,
        hpa_tolerance: 0.1,
        hpa_stabilization_s: 300.0,
        hpa_scale_up_pods: 4,
        hpa_scale_up_percent: 100.0,
        hpa_scale_down_percent: 100.0,
        hpa_policy_period_s: 15.0,
        timeout_enabled: false,
        timeout_ms: 1000.0,
        retries: 0,
        retry_backoff_ms: 0.0,
        circuit_breaker: false,
        breaker_threshold: 5,
        breaker_open_s: 10.0,
        faults: Vec::new(),
    }
}

/// A component of `kind` with every attribute a link carries at its frozen default.
pub(super) fn component(id: ComponentId, kind: ComponentKind, name: &str) -> Component {
    use ComponentKind as K;
    let (service_time_ms, concurrency) = match kind {
        K::Client => (0.0, 1),
        K::ApiGateway => (2.0, 32),
        K::LoadBalancer => (0.5, 64),
        K::Service => (20.0, 8),
        K::Database => (10.0, 16),
        K::Cache | K::EventBus => (1.0, 32),
        K::EventStore => (5.0, 8),
        K::ServiceRegistry | K::Monitoring => (1.0, 16),
        K::AuthProvider => (5.0, 16),
    };
    let mut component = Component::new(id, kind, name);
    component.description = String::new();
    component.position = Position::default();
    component.replicas = Replicas {
        min: 1,
        max: if kind == K::Service { 10 } else { 1 },
        current: 1,
    };
    component.read_replicas = 0;
    component.service_time_ms = service_time_ms;
    component.concurrency = concurrency;
    component.queue_capacity = 100;
    component.cache_ttl_s = 300.0;
    component.shards = Vec::new();
    component.strategy = LoadBalancingStrategy::RoundRobin;
    component.health_check = HealthCheck {
        enabled: kind == K::LoadBalancer,
        interval_s: 30.0,
        timeout_s: 5.0,
        retries: 3,
    };
    component.security = Security::default();
    component.backup = false;
    component.alerting = false;
    component.topic = String::new();
    component.channel_capacity = 1000;
    component.autoscaling = AutoscalingPolicy {
        enabled: false,
        metric: ScalingMetric::Cpu,
        threshold: 70.0,
        scale_up_cooldown_s: 60.0,
        scale_down_cooldown_s: 300.0,
    };
    component
}

/// A connection with every attribute a link carries at its frozen default.
pub(super) fn connection(id: ConnectionId, from: ComponentId, to: ComponentId) -> Connection {
    let mut connection = Connection {
        id,
        from,
        to,
        ..Connection::default()
    };
    connection.weight = 1.0;
    connection.path = String::new();
    connection.method = HttpMethod::Any;
    connection.topics = Vec::new();
    connection
}

/// The component's nine on/off attributes as [`flag`] bits.
pub(super) fn flags_of(component: &Component) -> u32 {
    let Security {
        authentication,
        authorization,
        tls,
        encryption_at_rest,
        audit_logging,
    } = component.security;
    [
        (authentication, flag::AUTHENTICATION),
        (authorization, flag::AUTHORIZATION),
        (tls, flag::TLS),
        (encryption_at_rest, flag::ENCRYPTION_AT_REST),
        (audit_logging, flag::AUDIT_LOGGING),
        (component.backup, flag::BACKUP),
        (component.alerting, flag::ALERTING),
        (component.health_check.enabled, flag::HEALTH_CHECK),
        (component.autoscaling.enabled, flag::AUTOSCALING),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .fold(0, |flags, (_, bit)| flags | bit)
}

/// Sets the component's on/off attributes from [`flag`] bits; unknown bits are an error.
pub(super) fn apply_flags(component: &mut Component, flags: u32) -> Result<(), WireError> {
    if flags & !flag::ALL != 0 {
        return Err(WireError(format!(
            "component {} has unknown flags",
            quote(&component.name)
        )));
    }
    let on = |bit: u32| flags & bit != 0;
    component.security = Security {
        authentication: on(flag::AUTHENTICATION),
        authorization: on(flag::AUTHORIZATION),
        tls: on(flag::TLS),
        encryption_at_rest: on(flag::ENCRYPTION_AT_REST),
        audit_logging: on(flag::AUDIT_LOGGING),
    };
    component.backup = on(flag::BACKUP);
    component.alerting = on(flag::ALERTING);
    component.health_check.enabled = on(flag::HEALTH_CHECK);
    component.autoscaling.enabled = on(flag::AUTOSCALING);
    Ok(())
}
