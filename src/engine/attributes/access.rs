//! Reading and writing attributes by key, for the inspector and for `validate`.
//!
//! What must stay true: [`set_field`] changes nothing unless the value parses,
//! lies in its range and agrees with the attributes beside it.

use crate::engine::attributes::fields::{
    fields_for, format_number, format_shards, method_slug, metric_slug, strategy_slug, FieldError,
    FieldTarget, FieldValue,
};
use crate::engine::attributes::simulation_fields::{
    apply_simulation_field, check_ramp_rate, get_simulation_field,
};
use crate::engine::model::{
    Component, Connection, Design, HttpMethod, LoadBalancingStrategy, ScalingMetric,
};

/// The current value of `key` on `target`, formatted as the inspector shows it.
pub fn get_field(design: &Design, target: FieldTarget, key: &str) -> Option<String> {
    match target {
        FieldTarget::Design => get_design(design, key),
        FieldTarget::Component(id) => design.component(id).and_then(|c| get_component(c, key)),
        FieldTarget::Connection(id) => design.connection(id).and_then(|c| get_connection(c, key)),
    }
}

/// Parses `input` for `key` and applies it to `target` when it is valid.
/// On error the design is unchanged.
pub fn set_field(
    design: &mut Design,
    target: FieldTarget,
    key: &str,
    input: &str,
) -> Result<(), FieldError> {
    let specs = fields_for(design, target).ok_or(FieldError::NoSuchTarget)?;
    let spec = specs
        .iter()
        .find(|spec| spec.key == key)
        .ok_or_else(|| FieldError::UnknownField(key.to_string()))?;
    let value = spec.parse(input)?;
    match target {
        FieldTarget::Design => {
            if key == "name" {
                if let FieldValue::Text(name) = value {
                    design.name = name;
                }
                return Ok(());
            }
            if key.starts_with("simulation.") {
                return apply_simulation_field(design, key, value);
            }
            let mut next: DesignNumbers = (design.workload, design.team, design.targets);
            apply_design(&mut next, key, &value)?;
            check_ramp_rate(&design.simulation, next.0.requests_per_second)?;
            let key_space = next.0.key_space;
            let beyond = design
                .components
                .iter()
                .find(|c| c.shards.iter().any(|s| s.end > key_space));
            if let Some(component) = beyond {
                return Err(FieldError::Conflict(format!(
                    "the key space cannot shrink to {key_space}: {} has shards beyond it",
                    component.name
                )));
            }
            (design.workload, design.team, design.targets) = next;
            Ok(())
        }
        FieldTarget::Component(id) => {
            let current = design.component(id).ok_or(FieldError::NoSuchTarget)?;
            let mut next = current.clone();
            apply_component(&mut next, key, value)?;
            check_component(design, &next)?;
            if let Some(slot) = design.component_mut(id) {
                *slot = next;
            }
            Ok(())
        }
        FieldTarget::Connection(id) => {
            let current = design.connection(id).ok_or(FieldError::NoSuchTarget)?;
            let mut next = current.clone();
            apply_connection(&mut next, key, value)?;
            if let Some(slot) = design.connections.iter_mut().find(|c| c.id == id) {
                *slot = next;
            }
            Ok(())
        }
    }
}

/// Checks the rules that tie a component's attributes together and to the design.
pub fn check_component(design: &Design, component: &Component) -> Result<(), FieldError> {
    let replicas = component.replicas;
    if replicas.min > replicas.max {
        return Err(FieldError::Conflict(format!(
            "{}: min replicas ({}) cannot exceed max replicas ({})",
            component.name, replicas.min, replicas.max
        )));
    }
    if replicas.current < replicas.min || replicas.current > replicas.max {
        return Err(FieldError::Conflict(format!(
            "{}: replicas ({}) must lie between min ({}) and max ({})",
            component.name, replicas.current, replicas.min, replicas.max
        )));
    }
    if let Some(other) = design
        .components
        .iter()
        .find(|c| c.id != component.id && c.name == component.name)
    {
        return Err(FieldError::Conflict(format!(
            "another component is already named `{}`",
            other.name
        )));
    }
    if component.health_check.timeout_s > component.health_check.interval_s {
        return Err(FieldError::Conflict(format!(
            "{}: health-check timeout ({} s) cannot exceed the interval ({} s)",
            component.name,
            format_number(component.health_check.timeout_s),
            format_number(component.health_check.interval_s)
        )));
    }
    if let Some(shard) = component
        .shards
        .iter()
        .find(|shard| shard.end > design.workload.key_space)
    {
        return Err(FieldError::Conflict(format!(
            "{}: shard {}..{} ends beyond the key space (0..{})",
            component.name, shard.start, shard.end, design.workload.key_space
        )));
    }
    Ok(())
}

type DesignNumbers = (
    crate::engine::model::Workload,
    crate::engine::model::TeamInputs,
    crate::engine::model::Targets,
);

fn get_design(design: &Design, key: &str) -> Option<String> {
    let w = &design.workload;
    let t = &design.team;
    let g = &design.targets;
    let number = match key {
        "name" => return Some(design.name.clone()),
        simulation if simulation.starts_with("simulation.") => {
            return get_simulation_field(design, simulation)
        }
        "team.vulnerability_scanning" => return Some(t.vulnerability_scanning.to_string()),
        "workload.requests_per_second" => w.requests_per_second,
        "workload.read_share" => w.read_share,
        "workload.key_space" => w.key_space as f64,
        "workload.hop_latency_ms" => w.hop_latency_ms,
        "team.code_quality" => t.code_quality,
        "team.documentation" => t.documentation,
        "team.test_coverage" => t.test_coverage,
        "team.user_experience" => t.user_experience,
        "team.accessibility" => t.accessibility,
        "team.responsiveness" => t.responsiveness,
        "team.error_handling" => t.error_handling,
        "targets.response_time_ms" => g.response_time_ms,
        "targets.throughput_rps" => g.throughput_rps,
        "targets.latency_ms" => g.latency_ms,
        "targets.cpu_percent" => g.cpu_percent,
        "targets.code_quality" => g.code_quality,
        "targets.documentation" => g.documentation,
        "targets.test_coverage" => g.test_coverage,
        "targets.modularity" => g.modularity,
        "targets.complexity" => g.complexity,
        "targets.user_experience" => g.user_experience,
        "targets.accessibility" => g.accessibility,
        "targets.responsiveness" => g.responsiveness,
        "targets.error_handling" => g.error_handling,
        _ => return None,
    };
    Some(format_number(number))
}

fn apply_design(
    slots: &mut DesignNumbers,
    key: &str,
    value: &FieldValue,
) -> Result<(), FieldError> {
    let (w, t, g) = slots;
    if let FieldValue::Bool(flag) = value {
        if key == "team.vulnerability_scanning" {
            t.vulnerability_scanning = *flag;
            return Ok(());
        }
    }
    let FieldValue::Number(n) = *value else {
        return Err(FieldError::UnknownField(key.to_string()));
    };
    let slot: &mut f64 = match key {
        "workload.key_space" => {
            w.key_space = n as u32;
            return Ok(());
        }
        "workload.requests_per_second" => &mut w.requests_per_second,
        "workload.read_share" => &mut w.read_share,
        "workload.hop_latency_ms" => &mut w.hop_latency_ms,
        "team.code_quality" => &mut t.code_quality,
        "team.documentation" => &mut t.documentation,
        "team.test_coverage" => &mut t.test_coverage,
        "team.user_experience" => &mut t.user_experience,
        "team.accessibility" => &mut t.accessibility,
        "team.responsiveness" => &mut t.responsiveness,
        "team.error_handling" => &mut t.error_handling,
        "targets.response_time_ms" => &mut g.response_time_ms,
        "targets.throughput_rps" => &mut g.throughput_rps,
        "targets.latency_ms" => &mut g.latency_ms,
        "targets.cpu_percent" => &mut g.cpu_percent,
        "targets.code_quality" => &mut g.code_quality,
        "targets.documentation" => &mut g.documentation,
        "targets.test_coverage" => &mut g.test_coverage,
        "targets.modularity" => &mut g.modularity,
        "targets.complexity" => &mut g.complexity,
        "targets.user_experience" => &mut g.user_experience,
        "targets.accessibility" => &mut g.accessibility,
        "targets.responsiveness" => &mut g.responsiveness,
        "targets.error_handling" => &mut g.error_handling,
        _ => return Err(FieldError::UnknownField(key.to_string())),
    };
    *slot = n;
    Ok(())
}

fn get_component(c: &Component, key: &str) -> Option<String> {
    Some(match key {
        "name" => c.name.clone(),
        "description" => c.description.clone(),
        "replicas.min" => c.replicas.min.to_string(),
        "replicas.max" => c.replicas.max.to_string(),
        "replicas.current" => c.replicas.current.to_string(),
        "read_replicas" => c.read_replicas.to_string(),
        "service_time_ms" => format_number(c.service_time_ms),
        "concurrency" => c.concurrency.to_string(),
        "queue_capacity" => c.queue_capacity.to_string(),
        "cache_ttl_s" => format_number(c.cache_ttl_s),
        "cache_hit_ratio" => format_number(c.cache_hit_ratio),
        "shards" => format_shards(&c.shards),
        "strategy" => strategy_slug(c.strategy).to_string(),
        "health_check.enabled" => c.health_check.enabled.to_string(),
        "health_check.interval_s" => format_number(c.health_check.interval_s),
        "health_check.timeout_s" => format_number(c.health_check.timeout_s),
        "health_check.retries" => c.health_check.retries.to_string(),
        "security.authentication" => c.security.authentication.to_string(),
        "security.authorization" => c.security.authorization.to_string(),
        "security.tls" => c.security.tls.to_string(),
        "security.encryption_at_rest" => c.security.encryption_at_rest.to_string(),
        "security.audit_logging" => c.security.audit_logging.to_string(),
        "backup" => c.backup.to_string(),
        "alerting" => c.alerting.to_string(),
        "topic" => c.topic.clone(),
        "channel_capacity" => c.channel_capacity.to_string(),
        "autoscaling.enabled" => c.autoscaling.enabled.to_string(),
        "autoscaling.metric" => metric_slug(c.autoscaling.metric).to_string(),
        "autoscaling.threshold" => format_number(c.autoscaling.threshold),
        "autoscaling.scale_up_cooldown_s" => format_number(c.autoscaling.scale_up_cooldown_s),
        "autoscaling.scale_down_cooldown_s" => format_number(c.autoscaling.scale_down_cooldown_s),
        _ => return None,
    })
}

fn apply_component(c: &mut Component, key: &str, value: FieldValue) -> Result<(), FieldError> {
    let unknown = || FieldError::UnknownField(key.to_string());
    match value {
        FieldValue::Text(text) => match key {
            "name" => c.name = text,
            "description" => c.description = text,
            "topic" => c.topic = text,
            _ => return Err(unknown()),
        },
        FieldValue::Number(n) => {
            let whole = n as u32;
            match key {
                "replicas.min" => c.replicas.min = whole,
                "replicas.max" => c.replicas.max = whole,
                "replicas.current" => c.replicas.current = whole,
                "read_replicas" => c.read_replicas = whole,
                "service_time_ms" => c.service_time_ms = n,
                "concurrency" => c.concurrency = whole,
                "queue_capacity" => c.queue_capacity = whole,
                "cache_ttl_s" => c.cache_ttl_s = n,
                "cache_hit_ratio" => c.cache_hit_ratio = n,
                "health_check.interval_s" => c.health_check.interval_s = n,
                "health_check.timeout_s" => c.health_check.timeout_s = n,
                "health_check.retries" => c.health_check.retries = whole,
                "channel_capacity" => c.channel_capacity = whole,
                "autoscaling.threshold" => c.autoscaling.threshold = n,
                "autoscaling.scale_up_cooldown_s" => c.autoscaling.scale_up_cooldown_s = n,
                "autoscaling.scale_down_cooldown_s" => c.autoscaling.scale_down_cooldown_s = n,
                _ => return Err(unknown()),
            }
        }
        FieldValue::Bool(flag) => match key {
            "health_check.enabled" => c.health_check.enabled = flag,
            "security.authentication" => c.security.authentication = flag,
            "security.authorization" => c.security.authorization = flag,
            "security.tls" => c.security.tls = flag,
            "security.encryption_at_rest" => c.security.encryption_at_rest = flag,
            "security.audit_logging" => c.security.audit_logging = flag,
            "backup" => c.backup = flag,
            "alerting" => c.alerting = flag,
            "autoscaling.enabled" => c.autoscaling.enabled = flag,
            _ => return Err(unknown()),
        },
        FieldValue::Choice(option) => match key {
            "strategy" => {
                c.strategy = match option {
                    "weighted" => LoadBalancingStrategy::Weighted,
                    "least_connections" => LoadBalancingStrategy::LeastConnections,
                    _ => LoadBalancingStrategy::RoundRobin,
                }
            }
            "autoscaling.metric" => {
                c.autoscaling.metric = match option {
                    "memory" => ScalingMetric::Memory,
                    "request_rate" => ScalingMetric::RequestRate,
                    "error_rate" => ScalingMetric::ErrorRate,
                    _ => ScalingMetric::Cpu,
                }
            }
            _ => return Err(unknown()),
        },
        FieldValue::Shards(shards) if key == "shards" => c.shards = shards,
        _ => return Err(unknown()),
    }
    Ok(())
}

fn get_connection(c: &Connection, key: &str) -> Option<String> {
    Some(match key {
        "weight" => format_number(c.weight),
        "path" => c.path.clone(),
        "method" => method_slug(c.method).to_string(),
        "topics" => c.topics.join(", "),
        _ => return None,
    })
}

fn apply_connection(c: &mut Connection, key: &str, value: FieldValue) -> Result<(), FieldError> {
    match (key, value) {
        ("weight", FieldValue::Number(n)) => c.weight = n,
        ("path", FieldValue::Text(path)) => {
            if !path.is_empty() && !path.starts_with('/') {
                return Err(FieldError::BadText {
                    label: "Route path",
                    reason: "a path starts with `/`".into(),
                });
            }
            c.path = path;
        }
        ("method", FieldValue::Choice(option)) => {
            c.method = match option {
                "GET" => HttpMethod::Get,
                "POST" => HttpMethod::Post,
                "PUT" => HttpMethod::Put,
                "DELETE" => HttpMethod::Delete,
                _ => HttpMethod::Any,
            }
        }
        ("topics", FieldValue::Topics(topics)) => c.topics = topics,
        _ => return Err(FieldError::UnknownField(key.to_string())),
    }
    Ok(())
}
