//! Version 1's frozen defaults and codes: what a left-out field means, and
//! the numbers that stand for kinds, strategies, metrics, methods, arrival
//! profiles and on/off attributes.
//!
//! What must stay true: everything here is a copy of the model as it was when
//! version 1 was made, written out by hand. Never replace a value with a call
//! to `Component::new` or `Default` (they may change, and would silently
//! change what old links mean), and never reorder a code table.

use super::bytes::WireError;
use super::wire_v1::flag;
use crate::engine::model::{
    ArrivalProfile, AutoscalingPolicy, Component, ComponentId, ComponentKind, HealthCheck,
    HttpMethod, LoadBalancingStrategy, Position, Replicas, ScalingMetric, Security,
    SimulationSettings, Targets, TeamInputs, Workload,
};

pub(super) fn workload_v1() -> Workload {
    Workload {
        requests_per_second: 500.0,
        read_share: 0.8,
        key_space: 1000,
        hop_latency_ms: 1.0,
    }
}

pub(super) fn team_v1() -> TeamInputs {
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

pub(super) fn targets_v1() -> Targets {
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
    }
}

/// Version 1 carries only the seed, duration and arrival profile; the
/// settings it cannot carry mean version 2's defaults.
pub(super) fn simulation_v1() -> SimulationSettings {
    SimulationSettings {
        seed: 1,
        duration_s: 60.0,
        arrival: ArrivalProfile::Steady,
        ..super::defaults_v2::simulation_v2()
    }
}

/// A component of `kind` with every attribute version 1 carries at its frozen default.
pub(super) fn component_v1(id: ComponentId, kind: ComponentKind, name: &str) -> Component {
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
    component.cache_hit_ratio = 0.8;
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

pub(super) fn kind_code(kind: ComponentKind) -> u32 {
    use ComponentKind as K;
    match kind {
        K::Client => 0,
        K::ApiGateway => 1,
        K::LoadBalancer => 2,
        K::Service => 3,
        K::Database => 4,
        K::Cache => 5,
        K::EventBus => 6,
        K::EventStore => 7,
        K::ServiceRegistry => 8,
        K::Monitoring => 9,
        K::AuthProvider => 10,
    }
}

pub(super) fn kind_from_code(code: u32) -> Result<ComponentKind, WireError> {
    use ComponentKind as K;
    const KINDS: [ComponentKind; 11] = [
        K::Client,
        K::ApiGateway,
        K::LoadBalancer,
        K::Service,
        K::Database,
        K::Cache,
        K::EventBus,
        K::EventStore,
        K::ServiceRegistry,
        K::Monitoring,
        K::AuthProvider,
    ];
    KINDS
        .get(code as usize)
        .copied()
        .ok_or_else(|| WireError(format!("component kind code {code} is unknown")))
}

pub(super) const STRATEGIES: [LoadBalancingStrategy; 3] = [
    LoadBalancingStrategy::RoundRobin,
    LoadBalancingStrategy::Weighted,
    LoadBalancingStrategy::LeastConnections,
];
pub(super) const METRICS: [ScalingMetric; 4] = [
    ScalingMetric::Cpu,
    ScalingMetric::Memory,
    ScalingMetric::RequestRate,
    ScalingMetric::ErrorRate,
];
pub(super) const METHODS: [HttpMethod; 5] = [
    HttpMethod::Any,
    HttpMethod::Get,
    HttpMethod::Post,
    HttpMethod::Put,
    HttpMethod::Delete,
];
pub(super) const ARRIVALS: [ArrivalProfile; 4] = [
    ArrivalProfile::Steady,
    ArrivalProfile::Ramp,
    ArrivalProfile::Spike,
    ArrivalProfile::Wave,
];

pub(super) fn code_of<T: PartialEq>(table: &[T], value: &T) -> u32 {
    table
        .iter()
        .position(|entry| entry == value)
        .unwrap_or_default() as u32
}

pub(super) fn from_code<T: Copy>(
    table: &[T],
    code: Option<u32>,
    what: &str,
) -> Result<Option<T>, WireError> {
    code.map(|code| {
        table
            .get(code as usize)
            .copied()
            .ok_or_else(|| WireError(format!("{what} code {code} is unknown")))
    })
    .transpose()
}

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

pub(super) fn apply_flags(component: &mut Component, flags: u32) -> Result<(), WireError> {
    if flags & !flag::ALL != 0 {
        return Err(WireError(format!(
            "component {} has unknown flags",
            component.name
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
