//! Every editable attribute, described once: its key, label, type and valid
//! range. The inspector renders these specs, `set_field` parses and checks a
//! typed-in value against them, and `validate` checks whole designs with the
//! same specs, so a range is written in exactly one place.
//!
//! What must stay true: `set_field` either applies a valid value or returns an
//! error and leaves the design exactly as it was.

use crate::engine::attributes::fault_text::{parse_faults, FaultEntry};
use crate::engine::attributes::number::parse_number;
use crate::engine::attributes::simulation_fields::simulation_fields;
use crate::engine::model::{ComponentId, ConnectionId};
use crate::engine::model::{
    ComponentKind, Design, HttpMethod, LoadBalancingStrategy, ScalingMetric, ShardRange,
};
use std::fmt;

/// What an attribute belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldTarget {
    /// The design itself: workload, team inputs, targets.
    Design,
    /// One component.
    Component(ComponentId),
    /// One connection.
    Connection(ConnectionId),
}

/// The shape of a value, which decides the input the inspector shows.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldType {
    /// A single line of text of at most `max_len` characters.
    Text { max_len: usize },
    /// A number in `[min, max]`; whole numbers only when `integer`.
    Number { min: f64, max: f64, integer: bool },
    /// On or off.
    Bool,
    /// One of the listed snake_case options.
    Choice(&'static [&'static str]),
    /// Shard ranges written as `0..500, 500..1000`.
    Shards,
    /// A comma-separated list of topic names.
    Topics,
    /// A whole number from 0 to 2^64 - 1, kept exact (a simulation seed).
    Seed,
    /// Scheduled faults written as
    /// `kill orders at 20s; down db at 30s for 10s; latency api at 10s +50ms; errors pay at 5s 20%`
    /// (see [`crate::engine::attributes::fault_text`]).
    Faults,
}

/// One editable attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldSpec {
    /// Stable key, e.g. `autoscaling.threshold`.
    pub key: &'static str,
    /// Label shown next to the input.
    pub label: &'static str,
    /// Group heading in the inspector.
    pub group: &'static str,
    /// Value type and range.
    pub ty: FieldType,
}

/// Why a value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// The target component or connection does not exist.
    NoSuchTarget,
    /// The key is not an attribute of this target.
    UnknownField(String),
    /// The text is not a number.
    NotANumber { label: &'static str, value: String },
    /// The number is outside the allowed range.
    OutOfRange {
        label: &'static str,
        min: String,
        max: String,
    },
    /// A whole number was required.
    NotWhole { label: &'static str },
    /// The text is too long or empty where a value is required.
    BadText { label: &'static str, reason: String },
    /// The choice is not one of the options.
    NotAnOption { label: &'static str, value: String },
    /// The value is fine alone but conflicts with another attribute.
    Conflict(String),
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::NoSuchTarget => write!(f, "the selected item no longer exists"),
            FieldError::UnknownField(key) => write!(f, "unknown attribute `{key}`"),
            FieldError::NotANumber { label, value } => {
                write!(f, "{label}: `{value}` is not a number")
            }
            FieldError::OutOfRange { label, min, max } => {
                write!(f, "{label} must be between {min} and {max}")
            }
            FieldError::NotWhole { label } => write!(f, "{label} must be a whole number"),
            FieldError::BadText { label, reason } => write!(f, "{label}: {reason}"),
            FieldError::NotAnOption { label, value } => {
                write!(f, "{label}: `{value}` is not one of the options")
            }
            FieldError::Conflict(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for FieldError {}

const STRATEGIES: &[&str] = &["round_robin", "weighted", "least_connections"];
const METRICS: &[&str] = &["cpu", "memory", "request_rate", "error_rate"];
const METHODS: &[&str] = &["ANY", "GET", "POST", "PUT", "DELETE"];

/// A number field.
pub(crate) const fn num(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    min: f64,
    max: f64,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        group,
        ty: FieldType::Number {
            min,
            max,
            integer: false,
        },
    }
}
/// A whole-number field.
pub(crate) const fn int(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    min: f64,
    max: f64,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        group,
        ty: FieldType::Number {
            min,
            max,
            integer: true,
        },
    }
}
/// An on/off field.
pub(crate) const fn flag(key: &'static str, label: &'static str, group: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        group,
        ty: FieldType::Bool,
    }
}
/// A text field.
pub(crate) const fn text(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    max_len: usize,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        group,
        ty: FieldType::Text { max_len },
    }
}
/// A field with fixed options.
pub(crate) const fn choice(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    options: &'static [&'static str],
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        group,
        ty: FieldType::Choice(options),
    }
}

/// Longest name a component or design may have.
pub const MAX_NAME_LEN: usize = 60;
/// Longest description.
pub const MAX_DESCRIPTION_LEN: usize = 500;
/// Most replicas, read replicas or servers a component may have.
pub const MAX_REPLICAS: f64 = 1000.0;

const GENERAL: [FieldSpec; 2] = [
    text("name", "Name", "General", MAX_NAME_LEN),
    text("description", "Description", "General", MAX_DESCRIPTION_LEN),
];
const CAPACITY: [FieldSpec; 6] = [
    int(
        "replicas.min",
        "Min replicas",
        "Capacity",
        0.0,
        MAX_REPLICAS,
    ),
    int(
        "replicas.max",
        "Max replicas",
        "Capacity",
        1.0,
        MAX_REPLICAS,
    ),
    int(
        "replicas.current",
        "Replicas",
        "Capacity",
        0.0,
        MAX_REPLICAS,
    ),
    num(
        "service_time_ms",
        "Service time (ms)",
        "Capacity",
        0.001,
        60_000.0,
    ),
    int(
        "concurrency",
        "Concurrency per replica",
        "Capacity",
        1.0,
        10_000.0,
    ),
    int(
        "queue_capacity",
        "Queue per replica",
        "Capacity",
        0.0,
        1_000_000.0,
    ),
];
const SECURITY: [FieldSpec; 5] = [
    flag("security.authentication", "Authentication", "Security"),
    flag("security.authorization", "Authorization", "Security"),
    flag("security.tls", "TLS in transit", "Security"),
    flag(
        "security.encryption_at_rest",
        "Encryption at rest",
        "Security",
    ),
    flag("security.audit_logging", "Audit logging", "Security"),
];
const HEALTH: [FieldSpec; 4] = [
    flag("health_check.enabled", "Health checks", "Health checks"),
    num(
        "health_check.interval_s",
        "Interval (s)",
        "Health checks",
        0.1,
        3600.0,
    ),
    num(
        "health_check.timeout_s",
        "Timeout (s)",
        "Health checks",
        0.01,
        600.0,
    ),
    int(
        "health_check.retries",
        "Retries",
        "Health checks",
        1.0,
        100.0,
    ),
];
const AUTOSCALING: [FieldSpec; 5] = [
    flag("autoscaling.enabled", "Autoscaling", "Autoscaling"),
    choice("autoscaling.metric", "Metric", "Autoscaling", METRICS),
    num(
        "autoscaling.threshold",
        "Threshold",
        "Autoscaling",
        0.001,
        1_000_000.0,
    ),
    num(
        "autoscaling.scale_up_cooldown_s",
        "Scale-up cooldown (s)",
        "Autoscaling",
        0.0,
        86_400.0,
    ),
    num(
        "autoscaling.scale_down_cooldown_s",
        "Scale-down cooldown (s)",
        "Autoscaling",
        0.0,
        86_400.0,
    ),
];
const DATABASE: [FieldSpec; 3] = [
    int(
        "read_replicas",
        "Read replicas per shard",
        "Database",
        0.0,
        MAX_REPLICAS,
    ),
    FieldSpec {
        key: "shards",
        label: "Shard key ranges",
        group: "Database",
        ty: FieldType::Shards,
    },
    flag("backup", "Backup and restore", "Database"),
];
const CACHE: [FieldSpec; 2] = [
    num("cache_ttl_s", "TTL (s)", "Cache", 0.001, 31_536_000.0),
    num("cache_hit_ratio", "Hit ratio", "Cache", 0.0, 1.0),
];

/// The attributes the inspector shows for a component of `kind`, in order.
pub fn component_fields(kind: ComponentKind) -> Vec<FieldSpec> {
    use ComponentKind as K;
    let mut fields: Vec<FieldSpec> = GENERAL.to_vec();
    if kind == K::Client {
        return fields;
    }
    fields.extend(CAPACITY);
    match kind {
        K::Service => {
            fields.extend(AUTOSCALING);
            fields.push(text("topic", "Publishes topic", "Events", MAX_NAME_LEN));
        }
        K::LoadBalancer => {
            fields.push(choice("strategy", "Strategy", "Load balancing", STRATEGIES));
            fields.extend(HEALTH);
        }
        K::ApiGateway => fields.extend(HEALTH),
        K::Database => fields.extend(DATABASE),
        K::Cache => fields.extend(CACHE),
        K::EventBus => {
            fields.push(int(
                "channel_capacity",
                "Channel capacity per topic",
                "Events",
                1.0,
                10_000_000.0,
            ));
            fields.push(flag("backup", "Backup and restore", "Events"));
        }
        K::EventStore => fields.push(flag("backup", "Backup and restore", "Events")),
        K::Monitoring => fields.push(flag("alerting", "Alert rules", "Monitoring")),
        _ => {}
    }
    fields.extend(SECURITY);
    fields
}

/// The attributes of a connection.
pub fn connection_fields() -> Vec<FieldSpec> {
    vec![
        num("weight", "Weight", "Routing", 0.0, 1_000_000.0),
        text("path", "Route path", "Routing", 200),
        choice("method", "Route method", "Routing", METHODS),
        FieldSpec {
            key: "topics",
            label: "Subscribed topics",
            group: "Events",
            ty: FieldType::Topics,
        },
    ]
}

/// The design-level attributes: workload, team inputs, targets and simulation settings.
pub fn design_fields() -> Vec<FieldSpec> {
    let mut fields = vec![
        text("name", "Design name", "Design", MAX_NAME_LEN),
        num(
            "workload.requests_per_second",
            "Requests per second",
            "Workload",
            0.0,
            10_000_000.0,
        ),
        num("workload.read_share", "Read share", "Workload", 0.0, 1.0),
        int(
            "workload.key_space",
            "Key space",
            "Workload",
            1.0,
            1_000_000_000.0,
        ),
        num(
            "workload.hop_latency_ms",
            "Network hop (ms)",
            "Workload",
            0.0,
            10_000.0,
        ),
        num("team.code_quality", "Code quality", "Team", 0.0, 100.0),
        num("team.documentation", "Documentation", "Team", 0.0, 100.0),
        num("team.test_coverage", "Test coverage", "Team", 0.0, 100.0),
        num(
            "team.user_experience",
            "User experience",
            "Team",
            0.0,
            100.0,
        ),
        num("team.accessibility", "Accessibility", "Team", 0.0, 100.0),
        num("team.responsiveness", "Responsiveness", "Team", 0.0, 100.0),
        num("team.error_handling", "Error handling", "Team", 0.0, 100.0),
        flag(
            "team.vulnerability_scanning",
            "Vulnerability scanning",
            "Team",
        ),
        num(
            "targets.response_time_ms",
            "Response time (ms)",
            "Targets",
            0.001,
            1_000_000.0,
        ),
        num(
            "targets.throughput_rps",
            "Throughput (req/s)",
            "Targets",
            0.0,
            100_000_000.0,
        ),
        num(
            "targets.latency_ms",
            "Latency (ms)",
            "Targets",
            0.001,
            1_000_000.0,
        ),
        num("targets.cpu_percent", "CPU (%)", "Targets", 0.0, 100.0),
        num(
            "targets.code_quality",
            "Code quality",
            "Targets",
            0.0,
            100.0,
        ),
        num(
            "targets.documentation",
            "Documentation",
            "Targets",
            0.0,
            100.0,
        ),
        num(
            "targets.test_coverage",
            "Test coverage",
            "Targets",
            0.0,
            100.0,
        ),
        num("targets.modularity", "Modularity", "Targets", 0.0, 100.0),
        num("targets.complexity", "Complexity", "Targets", 0.0, 100.0),
        num(
            "targets.user_experience",
            "User experience",
            "Targets",
            0.0,
            100.0,
        ),
        num(
            "targets.accessibility",
            "Accessibility",
            "Targets",
            0.0,
            100.0,
        ),
        num(
            "targets.responsiveness",
            "Responsiveness",
            "Targets",
            0.0,
            100.0,
        ),
        num(
            "targets.error_handling",
            "Error handling",
            "Targets",
            0.0,
            100.0,
        ),
    ];
    fields.extend(simulation_fields());
    fields
}

/// The specs for a target, or `None` when it does not exist.
pub fn fields_for(design: &Design, target: FieldTarget) -> Option<Vec<FieldSpec>> {
    match target {
        FieldTarget::Design => Some(design_fields()),
        FieldTarget::Component(id) => design.component(id).map(|c| component_fields(c.kind)),
        FieldTarget::Connection(id) => design.connection(id).map(|_| connection_fields()),
    }
}

/// A typed value after parsing and range checking.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    /// Text.
    Text(String),
    /// A number within range.
    Number(f64),
    /// A flag.
    Bool(bool),
    /// A choice among the options.
    Choice(&'static str),
    /// Shard ranges.
    Shards(Vec<ShardRange>),
    /// Topic names.
    Topics(Vec<String>),
    /// A seed.
    Seed(u64),
    /// Scheduled faults as written, their components still named (resolved on apply).
    Faults(Vec<FaultEntry>),
}

/// Formats a number the way the inspector shows and the parser reads it back.
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

impl FieldSpec {
    /// Parses and checks `input` against this spec.
    pub fn parse(&self, input: &str) -> Result<FieldValue, FieldError> {
        let label = self.label;
        let trimmed = input.trim();
        match &self.ty {
            FieldType::Text { max_len } => {
                if trimmed.chars().count() > *max_len {
                    return Err(FieldError::BadText {
                        label,
                        reason: format!("at most {max_len} characters"),
                    });
                }
                if self.key == "name" && trimmed.is_empty() {
                    return Err(FieldError::BadText {
                        label,
                        reason: "a name is required".into(),
                    });
                }
                // Here rather than in `set_field` so that `validate` applies it to files too.
                if self.key == "path" && !trimmed.is_empty() && !trimmed.starts_with('/') {
                    return Err(FieldError::BadText {
                        label,
                        reason: "a path starts with `/`".into(),
                    });
                }
                if trimmed.chars().any(char::is_control) {
                    return Err(FieldError::BadText {
                        label,
                        reason: "control characters are not allowed".into(),
                    });
                }
                Ok(FieldValue::Text(trimmed.to_string()))
            }
            FieldType::Number { min, max, integer } => {
                let value: f64 = parse_number(trimmed).ok_or_else(|| FieldError::NotANumber {
                    label,
                    value: trimmed.to_string(),
                })?;
                if *integer && value.fract() != 0.0 {
                    return Err(FieldError::NotWhole { label });
                }
                if value < *min || value > *max {
                    return Err(FieldError::OutOfRange {
                        label,
                        min: format_number(*min),
                        max: format_number(*max),
                    });
                }
                Ok(FieldValue::Number(value))
            }
            FieldType::Bool => match trimmed {
                "true" | "on" | "yes" | "1" => Ok(FieldValue::Bool(true)),
                "false" | "off" | "no" | "0" => Ok(FieldValue::Bool(false)),
                _ => Err(FieldError::NotAnOption {
                    label,
                    value: trimmed.to_string(),
                }),
            },
            FieldType::Choice(options) => options
                .iter()
                .find(|option| option.eq_ignore_ascii_case(trimmed))
                .map(|option| FieldValue::Choice(option))
                .ok_or_else(|| FieldError::NotAnOption {
                    label,
                    value: trimmed.to_string(),
                }),
            FieldType::Shards => parse_shards(trimmed)
                .map(FieldValue::Shards)
                .map_err(|reason| FieldError::BadText { label, reason }),
            FieldType::Seed => {
                trimmed
                    .parse::<u64>()
                    .map(FieldValue::Seed)
                    .map_err(|_| FieldError::BadText {
                        label,
                        reason: format!(
                            "`{trimmed}` is not a whole number from 0 to 18446744073709551615"
                        ),
                    })
            }
            FieldType::Topics => parse_topics(trimmed)
                .map(FieldValue::Topics)
                .map_err(|reason| FieldError::BadText { label, reason }),
            FieldType::Faults => parse_faults(trimmed)
                .map(FieldValue::Faults)
                .map_err(|reason| FieldError::BadText { label, reason }),
        }
    }
}

/// Parses `0..500, 500..1000` into shard ranges; empty text means unsharded.
pub fn parse_shards(input: &str) -> Result<Vec<ShardRange>, String> {
    let mut shards = Vec::new();
    for part in input
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let (start, end) = part
            .split_once("..")
            .ok_or_else(|| format!("`{part}` is not a range like 0..500"))?;
        let start: u32 = start
            .trim()
            .parse()
            .map_err(|_| format!("`{}` is not a whole number", start.trim()))?;
        let end: u32 = end
            .trim()
            .parse()
            .map_err(|_| format!("`{}` is not a whole number", end.trim()))?;
        if start >= end {
            return Err(format!("range {start}..{end} is empty"));
        }
        shards.push(ShardRange { start, end });
    }
    if shards.len() > 256 {
        return Err("at most 256 shards".into());
    }
    // Every pair (at most 256 ranges), rather than sorting: one sort fewer in
    // the page's bundle. The earlier-starting range of a pair is named first.
    for (index, a) in shards.iter().enumerate() {
        for b in &shards[index + 1..] {
            if a.start < b.end && b.start < a.end {
                let (first, second) = if (a.start, a.end) <= (b.start, b.end) {
                    (a, b)
                } else {
                    (b, a)
                };
                return Err(format!(
                    "ranges {}..{} and {}..{} overlap",
                    first.start, first.end, second.start, second.end
                ));
            }
        }
    }
    Ok(shards)
}

/// Formats shard ranges the way [`parse_shards`] reads them.
pub fn format_shards(shards: &[ShardRange]) -> String {
    shards
        .iter()
        .map(|s| format!("{}..{}", s.start, s.end))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses a comma-separated topic list.
pub fn parse_topics(input: &str) -> Result<Vec<String>, String> {
    let topics: Vec<String> = input
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect();
    if topics.len() > 64 {
        return Err("at most 64 topics".into());
    }
    if let Some(topic) = topics
        .iter()
        .find(|t| t.chars().count() > MAX_NAME_LEN || t.chars().any(char::is_control))
    {
        return Err(format!("`{topic}` is not a valid topic name"));
    }
    Ok(topics)
}

pub(crate) fn strategy_slug(strategy: LoadBalancingStrategy) -> &'static str {
    match strategy {
        LoadBalancingStrategy::RoundRobin => "round_robin",
        LoadBalancingStrategy::Weighted => "weighted",
        LoadBalancingStrategy::LeastConnections => "least_connections",
    }
}

pub(crate) fn metric_slug(metric: ScalingMetric) -> &'static str {
    match metric {
        ScalingMetric::Cpu => "cpu",
        ScalingMetric::Memory => "memory",
        ScalingMetric::RequestRate => "request_rate",
        ScalingMetric::ErrorRate => "error_rate",
    }
}

pub(crate) fn method_slug(method: HttpMethod) -> &'static str {
    match method {
        HttpMethod::Any => "ANY",
        HttpMethod::Get => "GET",
        HttpMethod::Post => "POST",
        HttpMethod::Put => "PUT",
        HttpMethod::Delete => "DELETE",
    }
}
