//! Between the model and the parts of wire version 1 that version 2 reuses
//! unchanged (workload, team, targets, components, connections): a field
//! equal to version 1's frozen default (`defaults_v1.rs`) is left out, and
//! codes stand for enums. Version 1 links are read by migrating them to
//! version 2 (`convert_v2::migrate_v1_to_v2`); this build writes version 1
//! only through [`WireDesignV1::from_model`], for tests of that migration.
//!
//! What must stay true:
//! - The `*_from_model` functions destructure every model struct without
//!   `..`, so adding a field to the model fails to compile here until someone
//!   decides how links carry it (a new wire version).
//! - The `*_into_model` functions start from version 1's frozen defaults and
//!   set everything the wire carries.

use super::bytes::WireError;
use super::defaults_v1::{
    apply_flags, code_of, component_v1, flags_of, from_code, kind_code, kind_from_code,
    simulation_v1, targets_v1, team_v1, workload_v1, ARRIVALS, METHODS, METRICS, STRATEGIES,
};
use super::defaults_v2::simulation_v2;
use super::wire_v1::{
    WireComponentV1, WireConnectionV1, WireDesignV1, WireSimulationV1, WireTargetsV1, WireTeamV1,
    WireWorkloadV1,
};
use crate::engine::model::{
    AutoscalingPolicy, Component, ComponentId, Connection, ConnectionId, Design, HealthCheck,
    HttpMethod, Position, Replicas, ShardRange, SimulationSettings, Targets, TeamInputs, Workload,
};

/// `value` when its bits differ from the version's default, else `None`.
pub(super) fn changed(value: f64, default: f64) -> Option<f64> {
    (value.to_bits() != default.to_bits()).then_some(value)
}

/// `value` when it differs from the version's default, else `None`.
pub(super) fn changed_u32(value: u32, default: u32) -> Option<u32> {
    (value != default).then_some(value)
}

/// Overwrites `slot` with the value the wire carries, if it carries one.
pub(super) fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *slot = value;
    }
}

impl WireDesignV1 {
    /// The version 1 wire form of `design`, or `None` when the design holds a
    /// simulation setting version 1 cannot carry. Archplay writes only the
    /// newest version; this exists so tests can make version 1 links of new
    /// designs and check that they migrate into the same design.
    pub fn from_model(design: &Design) -> Option<WireDesignV1> {
        let Design {
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
        } = design;
        let SimulationSettings {
            seed,
            duration_s,
            arrival,
            ..
        } = *simulation;
        // Version 1 links mean version 2's defaults for everything else.
        let carried = SimulationSettings {
            seed,
            duration_s,
            arrival,
            ..simulation_v2()
        };
        if carried != *simulation || !ARRIVALS.contains(&arrival) {
            return None;
        }
        let base = simulation_v1();
        let simulation = WireSimulationV1 {
            seed: (seed != base.seed).then_some(seed),
            duration_s: changed(duration_s, base.duration_s),
            arrival: (arrival != base.arrival).then(|| code_of(&ARRIVALS, &arrival)),
        };
        Some(WireDesignV1 {
            name: name.clone(),
            workload: workload_from_model(workload),
            team: team_from_model(team),
            targets: targets_from_model(targets),
            simulation,
            components: components.iter().map(component_from_model).collect(),
            connections: connections.iter().map(connection_from_model).collect(),
        })
    }
}

/// The workload fields that differ from version 1's defaults.
pub(super) fn workload_from_model(workload: &Workload) -> WireWorkloadV1 {
    let Workload {
        requests_per_second,
        read_share,
        key_space,
        hop_latency_ms,
    } = *workload;
    let base = workload_v1();
    WireWorkloadV1 {
        requests_per_second: changed(requests_per_second, base.requests_per_second),
        read_share: changed(read_share, base.read_share),
        key_space: changed_u32(key_space, base.key_space),
        hop_latency_ms: changed(hop_latency_ms, base.hop_latency_ms),
    }
}

/// The team inputs that differ from version 1's defaults.
pub(super) fn team_from_model(team: &TeamInputs) -> WireTeamV1 {
    let TeamInputs {
        code_quality,
        documentation,
        test_coverage,
        user_experience,
        accessibility,
        responsiveness,
        error_handling,
        vulnerability_scanning,
    } = *team;
    let base = team_v1();
    WireTeamV1 {
        code_quality: changed(code_quality, base.code_quality),
        documentation: changed(documentation, base.documentation),
        test_coverage: changed(test_coverage, base.test_coverage),
        user_experience: changed(user_experience, base.user_experience),
        accessibility: changed(accessibility, base.accessibility),
        responsiveness: changed(responsiveness, base.responsiveness),
        error_handling: changed(error_handling, base.error_handling),
        vulnerability_scanning,
    }
}

/// The targets that differ from version 1's defaults.
pub(super) fn targets_from_model(targets: &Targets) -> WireTargetsV1 {
    let Targets {
        response_time_ms,
        throughput_rps,
        latency_ms,
        cpu_percent,
        code_quality,
        documentation,
        test_coverage,
        modularity,
        complexity,
        user_experience,
        accessibility,
        responsiveness,
        error_handling,
    } = *targets;
    let base = targets_v1();
    WireTargetsV1 {
        response_time_ms: changed(response_time_ms, base.response_time_ms),
        throughput_rps: changed(throughput_rps, base.throughput_rps),
        latency_ms: changed(latency_ms, base.latency_ms),
        cpu_percent: changed(cpu_percent, base.cpu_percent),
        code_quality: changed(code_quality, base.code_quality),
        documentation: changed(documentation, base.documentation),
        test_coverage: changed(test_coverage, base.test_coverage),
        modularity: changed(modularity, base.modularity),
        complexity: changed(complexity, base.complexity),
        user_experience: changed(user_experience, base.user_experience),
        accessibility: changed(accessibility, base.accessibility),
        responsiveness: changed(responsiveness, base.responsiveness),
        error_handling: changed(error_handling, base.error_handling),
    }
}

/// A component's fields that differ from version 1's defaults for its kind.
pub(super) fn component_from_model(component: &Component) -> WireComponentV1 {
    let Component {
        id,
        kind,
        name,
        description,
        position: Position { x, y },
        replicas: Replicas { min, max, current },
        read_replicas,
        service_time_ms,
        concurrency,
        queue_capacity,
        cache_ttl_s,
        cache_hit_ratio,
        shards,
        strategy,
        health_check:
            HealthCheck {
                enabled: _,
                interval_s,
                timeout_s,
                retries,
            },
        security: _,
        backup: _,
        alerting: _,
        topic,
        channel_capacity,
        autoscaling:
            AutoscalingPolicy {
                enabled: _,
                metric,
                threshold,
                scale_up_cooldown_s,
                scale_down_cooldown_s,
            },
    } = component;
    let base = component_v1(*id, *kind, name);
    let flags = flags_of(component);
    WireComponentV1 {
        id: id.0,
        kind: kind_code(*kind),
        name: name.clone(),
        x: *x,
        y: *y,
        flags: changed_u32(flags, flags_of(&base)),
        replicas_min: changed_u32(*min, base.replicas.min),
        replicas_max: changed_u32(*max, base.replicas.max),
        replicas_current: changed_u32(*current, base.replicas.current),
        service_time_ms: changed(*service_time_ms, base.service_time_ms),
        concurrency: changed_u32(*concurrency, base.concurrency),
        description: (!description.is_empty()).then(|| description.clone()),
        read_replicas: changed_u32(*read_replicas, base.read_replicas),
        queue_capacity: changed_u32(*queue_capacity, base.queue_capacity),
        topic: (!topic.is_empty()).then(|| topic.clone()),
        autoscaling_metric: (*metric != base.autoscaling.metric).then(|| code_of(&METRICS, metric)),
        autoscaling_threshold: changed(*threshold, base.autoscaling.threshold),
        scale_up_cooldown_s: changed(*scale_up_cooldown_s, base.autoscaling.scale_up_cooldown_s),
        scale_down_cooldown_s: changed(
            *scale_down_cooldown_s,
            base.autoscaling.scale_down_cooldown_s,
        ),
        strategy: (*strategy != base.strategy).then(|| code_of(&STRATEGIES, strategy)),
        health_interval_s: changed(*interval_s, base.health_check.interval_s),
        health_timeout_s: changed(*timeout_s, base.health_check.timeout_s),
        health_retries: changed_u32(*retries, base.health_check.retries),
        cache_ttl_s: changed(*cache_ttl_s, base.cache_ttl_s),
        cache_hit_ratio: changed(*cache_hit_ratio, base.cache_hit_ratio),
        shards: (!shards.is_empty()).then(|| {
            shards
                .iter()
                .map(|ShardRange { start, end }| (*start, *end))
                .collect()
        }),
        channel_capacity: changed_u32(*channel_capacity, base.channel_capacity),
    }
}

/// A connection's fields that differ from version 1's defaults.
pub(super) fn connection_from_model(connection: &Connection) -> WireConnectionV1 {
    let Connection {
        id,
        from,
        to,
        weight,
        path,
        method,
        topics,
    } = connection;
    WireConnectionV1 {
        id: id.0,
        from: from.0,
        to: to.0,
        weight: changed(*weight, 1.0),
        path: (!path.is_empty()).then(|| path.clone()),
        method: (*method != HttpMethod::Any).then(|| code_of(&METHODS, method)),
        topics: (!topics.is_empty()).then(|| topics.clone()),
    }
}

/// The workload a version 1 workload section stands for.
pub(super) fn workload_into_model(wire: &WireWorkloadV1) -> Workload {
    let mut workload = workload_v1();
    set(&mut workload.requests_per_second, wire.requests_per_second);
    set(&mut workload.read_share, wire.read_share);
    set(&mut workload.key_space, wire.key_space);
    set(&mut workload.hop_latency_ms, wire.hop_latency_ms);
    workload
}

/// The team inputs a version 1 team section stands for.
pub(super) fn team_into_model(wire: &WireTeamV1) -> TeamInputs {
    let mut team = team_v1();
    set(&mut team.code_quality, wire.code_quality);
    set(&mut team.documentation, wire.documentation);
    set(&mut team.test_coverage, wire.test_coverage);
    set(&mut team.user_experience, wire.user_experience);
    set(&mut team.accessibility, wire.accessibility);
    set(&mut team.responsiveness, wire.responsiveness);
    set(&mut team.error_handling, wire.error_handling);
    team.vulnerability_scanning = wire.vulnerability_scanning;
    team
}

/// The targets a version 1 targets section stands for.
pub(super) fn targets_into_model(wire: &WireTargetsV1) -> Targets {
    let mut targets = targets_v1();
    set(&mut targets.response_time_ms, wire.response_time_ms);
    set(&mut targets.throughput_rps, wire.throughput_rps);
    set(&mut targets.latency_ms, wire.latency_ms);
    set(&mut targets.cpu_percent, wire.cpu_percent);
    set(&mut targets.code_quality, wire.code_quality);
    set(&mut targets.documentation, wire.documentation);
    set(&mut targets.test_coverage, wire.test_coverage);
    set(&mut targets.modularity, wire.modularity);
    set(&mut targets.complexity, wire.complexity);
    set(&mut targets.user_experience, wire.user_experience);
    set(&mut targets.accessibility, wire.accessibility);
    set(&mut targets.responsiveness, wire.responsiveness);
    set(&mut targets.error_handling, wire.error_handling);
    targets
}

/// The component a version 1 component stands for; fails only on unknown codes or flags.
pub(super) fn component_into_model(wire: WireComponentV1) -> Result<Component, WireError> {
    let kind = kind_from_code(wire.kind)?;
    let mut c = component_v1(ComponentId(wire.id), kind, &wire.name);
    c.position = Position {
        x: wire.x,
        y: wire.y,
    };
    if let Some(flags) = wire.flags {
        apply_flags(&mut c, flags)?;
    }
    set(&mut c.replicas.min, wire.replicas_min);
    set(&mut c.replicas.max, wire.replicas_max);
    set(&mut c.replicas.current, wire.replicas_current);
    set(&mut c.service_time_ms, wire.service_time_ms);
    set(&mut c.concurrency, wire.concurrency);
    set(&mut c.description, wire.description);
    set(&mut c.read_replicas, wire.read_replicas);
    set(&mut c.queue_capacity, wire.queue_capacity);
    set(&mut c.topic, wire.topic);
    set(
        &mut c.autoscaling.metric,
        from_code(&METRICS, wire.autoscaling_metric, "autoscaling metric")?,
    );
    set(&mut c.autoscaling.threshold, wire.autoscaling_threshold);
    set(
        &mut c.autoscaling.scale_up_cooldown_s,
        wire.scale_up_cooldown_s,
    );
    set(
        &mut c.autoscaling.scale_down_cooldown_s,
        wire.scale_down_cooldown_s,
    );
    set(
        &mut c.strategy,
        from_code(&STRATEGIES, wire.strategy, "load-balancing strategy")?,
    );
    set(&mut c.health_check.interval_s, wire.health_interval_s);
    set(&mut c.health_check.timeout_s, wire.health_timeout_s);
    set(&mut c.health_check.retries, wire.health_retries);
    set(&mut c.cache_ttl_s, wire.cache_ttl_s);
    set(&mut c.cache_hit_ratio, wire.cache_hit_ratio);
    if let Some(shards) = wire.shards {
        c.shards = shards
            .into_iter()
            .map(|(start, end)| ShardRange { start, end })
            .collect();
    }
    set(&mut c.channel_capacity, wire.channel_capacity);
    Ok(c)
}

/// The connection a version 1 connection stands for; fails only on an unknown method code.
pub(super) fn connection_into_model(wire: WireConnectionV1) -> Result<Connection, WireError> {
    let mut connection = Connection {
        id: ConnectionId(wire.id),
        from: ComponentId(wire.from),
        to: ComponentId(wire.to),
        ..Connection::default()
    };
    // Version 1's frozen defaults, whatever `Connection::default` says today.
    connection.weight = 1.0;
    connection.path = String::new();
    connection.method = HttpMethod::Any;
    connection.topics = Vec::new();
    set(&mut connection.weight, wire.weight);
    set(&mut connection.path, wire.path);
    set(
        &mut connection.method,
        from_code(&METHODS, wire.method, "route method")?,
    );
    set(&mut connection.topics, wire.topics);
    Ok(connection)
}
