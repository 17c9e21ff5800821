//! Between the model and the link layout (`wire.rs`): a field equal to its
//! frozen default (`defaults.rs`) is left out, and codes (`codes.rs`) stand
//! for enums. The simulation settings convert in `convert_simulation.rs`.
//!
//! What must stay true:
//! - The `*_from_model` functions destructure every model struct without
//!   `..`, so adding a field to the model fails to compile here until someone
//!   decides how links carry it (a new last field of its section, or a new
//!   link version).
//! - The `*_into_model` functions start from the frozen defaults and set
//!   everything the wire carries, so a field an older writer left out reads
//!   as what its link meant.

use super::bytes::WireError;
use super::codes::{code_of, from_code, value_for_code, KINDS, METHODS, METRICS, STRATEGIES};
use super::convert_simulation::{simulation_from_model, simulation_into_model};
use super::defaults::{self, apply_flags, flags_of};
use super::wire::{WireComponent, WireConnection, WireDesign, WireTargets, WireTeam, WireWorkload};
use crate::engine::model::{
    AutoscalingPolicy, Component, ComponentId, Connection, ConnectionId, Design, HealthCheck,
    Position, Replicas, ShardRange, Targets, TeamInputs, Workload,
};

/// `value` when its bits differ from its frozen default, else `None`.
pub(super) fn changed(value: f64, default: f64) -> Option<f64> {
    (value.to_bits() != default.to_bits()).then_some(value)
}

/// `value` when it differs from its frozen default, else `None`.
pub(super) fn changed_u32(value: u32, default: u32) -> Option<u32> {
    (value != default).then_some(value)
}

/// Overwrites `slot` with the value the wire carries, if it carries one.
pub(super) fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *slot = value;
    }
}

/// The link's wire form of `design`. Never fails: anything the model can
/// hold, the layout can carry.
pub fn from_model(design: &Design) -> WireDesign {
    let Design {
        name,
        components,
        connections,
        workload,
        team,
        targets,
        simulation,
    } = design;
    WireDesign {
        name: name.clone(),
        workload: workload_from_model(workload),
        team: team_from_model(team),
        targets: targets_from_model(targets),
        simulation: simulation_from_model(simulation),
        components: components.iter().map(component_from_model).collect(),
        connections: connections.iter().map(connection_from_model).collect(),
    }
}

/// The model design a wire struct stands for. Fails only on codes the layout
/// does not define; whether the design is valid is for `validate`.
pub fn into_model(wire: WireDesign) -> Result<Design, WireError> {
    let WireDesign {
        name,
        workload,
        team,
        targets,
        simulation,
        components,
        connections,
    } = wire;
    Ok(Design {
        name,
        workload: workload_into_model(&workload),
        team: team_into_model(&team),
        targets: targets_into_model(&targets),
        simulation: simulation_into_model(simulation)?,
        components: components
            .into_iter()
            .map(component_into_model)
            .collect::<Result<_, _>>()?,
        connections: connections
            .into_iter()
            .map(connection_into_model)
            .collect::<Result<_, _>>()?,
    })
}

/// The workload fields that differ from the frozen defaults.
fn workload_from_model(workload: &Workload) -> WireWorkload {
    let Workload {
        requests_per_second,
        read_share,
        key_space,
        hop_latency_ms,
    } = *workload;
    let base = defaults::workload();
    WireWorkload {
        requests_per_second: changed(requests_per_second, base.requests_per_second),
        read_share: changed(read_share, base.read_share),
        key_space: changed_u32(key_space, base.key_space),
        hop_latency_ms: changed(hop_latency_ms, base.hop_latency_ms),
    }
}

/// The team inputs that differ from the frozen defaults.
fn team_from_model(team: &TeamInputs) -> WireTeam {
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
    let base = defaults::team();
    WireTeam {
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

/// The targets that differ from the frozen defaults.
fn targets_from_model(targets: &Targets) -> WireTargets {
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
        error_budget_percent,
    } = *targets;
    let base = defaults::targets();
    WireTargets {
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
        error_budget_percent: changed(error_budget_percent, base.error_budget_percent),
    }
}

/// A component's fields that differ from the frozen defaults for its kind.
fn component_from_model(component: &Component) -> WireComponent {
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
    let base = defaults::component(*id, *kind, name);
    let flags = flags_of(component);
    WireComponent {
        id: id.0,
        kind: code_of(&KINDS, kind),
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
        retired_cache_hit_ratio: None,
        shards: (!shards.is_empty()).then(|| {
            shards
                .iter()
                .map(|ShardRange { start, end }| (*start, *end))
                .collect()
        }),
        channel_capacity: changed_u32(*channel_capacity, base.channel_capacity),
    }
}

/// A connection's fields that differ from the frozen defaults.
fn connection_from_model(connection: &Connection) -> WireConnection {
    let Connection {
        id,
        from,
        to,
        weight,
        path,
        method,
        topics,
    } = connection;
    let base = defaults::connection(*id, *from, *to);
    WireConnection {
        id: id.0,
        from: from.0,
        to: to.0,
        weight: changed(*weight, base.weight),
        path: (!path.is_empty()).then(|| path.clone()),
        method: (*method != base.method).then(|| code_of(&METHODS, method)),
        topics: (!topics.is_empty()).then(|| topics.clone()),
    }
}

/// The workload a link's workload section stands for.
fn workload_into_model(wire: &WireWorkload) -> Workload {
    let mut workload = defaults::workload();
    set(&mut workload.requests_per_second, wire.requests_per_second);
    set(&mut workload.read_share, wire.read_share);
    set(&mut workload.key_space, wire.key_space);
    set(&mut workload.hop_latency_ms, wire.hop_latency_ms);
    workload
}

/// The team inputs a link's team section stands for.
fn team_into_model(wire: &WireTeam) -> TeamInputs {
    let mut team = defaults::team();
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

/// The targets a link's targets section stands for.
fn targets_into_model(wire: &WireTargets) -> Targets {
    let mut targets = defaults::targets();
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
    set(&mut targets.error_budget_percent, wire.error_budget_percent);
    targets
}

/// The component a link's component stands for; fails only on unknown codes or flags.
fn component_into_model(wire: WireComponent) -> Result<Component, WireError> {
    let kind = value_for_code(&KINDS, wire.kind, "component kind")?;
    let mut c = defaults::component(ComponentId(wire.id), kind, &wire.name);
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
    // `wire.retired_cache_hit_ratio` is read and dropped: the model no
    // longer has the input (the estimate derives the ratio from the TTL).
    if let Some(shards) = wire.shards {
        c.shards = shards
            .into_iter()
            .map(|(start, end)| ShardRange { start, end })
            .collect();
    }
    set(&mut c.channel_capacity, wire.channel_capacity);
    Ok(c)
}

/// The connection a link's connection stands for; fails only on an unknown method code.
fn connection_into_model(wire: WireConnection) -> Result<Connection, WireError> {
    let mut connection = defaults::connection(
        ConnectionId(wire.id),
        ComponentId(wire.from),
        ComponentId(wire.to),
    );
    set(&mut connection.weight, wire.weight);
    set(&mut connection.path, wire.path);
    set(
        &mut connection.method,
        from_code(&METHODS, wire.method, "route method")?,
    );
    set(&mut connection.topics, wire.topics);
    Ok(connection)
}
