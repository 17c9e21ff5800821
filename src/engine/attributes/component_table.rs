//! The attribute table's component entries, in inspector order (the
//! connection entries are in [`super::connection_table`], re-exported here):
//! each names its key, label, unit, range, help text, the kinds that
//! have it and the model field it reads and writes.
//!
//! What must stay true: for every kind, the entries that apply to it keep the
//! inspector's order (general, capacity, the kind's own, security); a key
//! appears at most once per kind (`backup` has one entry for databases and
//! one for the event kinds, under different groups).

use crate::engine::attributes::slot::{METRICS, STRATEGIES};
use crate::engine::attributes::spec::{
    entry, number, whole, Applies, FieldSpec, FieldType, TextRule,
};
use crate::engine::model::ComponentKind as K;

pub use crate::engine::attributes::connection_table::CONNECTION_FIELDS;

/// Longest name a component or design may have.
pub const MAX_NAME_LEN: usize = 60;
/// Longest description.
pub const MAX_DESCRIPTION_LEN: usize = 500;
/// Most replicas, read replicas or servers a component may have.
pub const MAX_REPLICAS: f64 = 1000.0;

const EVERY: Applies = Applies::Kinds(&K::ALL);
const SERVERS: Applies = Applies::Kinds(&[
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
]);
const SERVICE: Applies = Applies::Kinds(&[K::Service]);
const BALANCER: Applies = Applies::Kinds(&[K::LoadBalancer]);
const CHECKED: Applies = Applies::Kinds(&[K::LoadBalancer, K::ApiGateway]);
const DATABASE: Applies = Applies::Kinds(&[K::Database]);
const CACHE: Applies = Applies::Kinds(&[K::Cache]);
const BUS: Applies = Applies::Kinds(&[K::EventBus]);
const EVENTS: Applies = Applies::Kinds(&[K::EventBus, K::EventStore]);
const MONITORING: Applies = Applies::Kinds(&[K::Monitoring]);

/// Every component attribute, in inspector order.
pub static COMPONENT_FIELDS: &[FieldSpec] =
    &[
        FieldSpec {
            rule: TextRule::Required,
            ..entry!(
                Component,
                EVERY,
                "General",
                "name",
                "Name",
                "",
                FieldType::Text {
                    max_len: MAX_NAME_LEN
                },
                "The component's unique name, used in faults, findings and exports.",
                name
            )
        },
        entry!(
            Component,
            EVERY,
            "General",
            "description",
            "Description",
            "",
            FieldType::Text {
                max_len: MAX_DESCRIPTION_LEN
            },
            "A note for readers of the design; it changes no behaviour.",
            description
        ),
        entry!(
            Component,
            SERVERS,
            "Capacity",
            "replicas.min",
            "Min replicas",
            "replicas",
            whole(0.0, MAX_REPLICAS),
            "Fewest copies an autoscaler may leave running.",
            replicas.min
        ),
        entry!(
            Component,
            SERVERS,
            "Capacity",
            "replicas.max",
            "Max replicas",
            "replicas",
            whole(1.0, MAX_REPLICAS),
            "Most copies an autoscaler may start.",
            replicas.max
        ),
        entry!(
            Component,
            SERVERS,
            "Capacity",
            "replicas.current",
            "Replicas",
            "replicas",
            whole(0.0, MAX_REPLICAS),
            "Copies running now; each serves requests in parallel.",
            replicas.current
        ),
        entry!(
            Component,
            SERVERS,
            "Capacity",
            "service_time_ms",
            "Service time",
            "ms",
            number(0.001, 60_000.0),
            "Average time one server spends on one request, not counting waiting in the queue.",
            service_time_ms
        ),
        entry!(
            Component,
            SERVERS,
            "Capacity",
            "concurrency",
            "Concurrency per replica",
            "requests",
            whole(1.0, 10_000.0),
            "Requests one replica works on at the same time (its servers); more wait in its queue.",
            concurrency
        ),
        entry!(
            Component,
            SERVERS,
            "Capacity",
            "queue_capacity",
            "Queue per replica",
            "requests",
            whole(0.0, 1_000_000.0),
            "Requests one replica holds waiting; beyond it new requests are rejected.",
            queue_capacity
        ),
        entry!(
            Component,
            SERVICE,
            "Autoscaling",
            "autoscaling.enabled",
            "Autoscaling",
            "",
            FieldType::Bool,
            "Whether replicas are added and removed as the metric crosses the threshold.",
            autoscaling.enabled
        ),
        entry!(
            Component,
            SERVICE,
            "Autoscaling",
            "autoscaling.metric",
            "Metric",
            "",
            FieldType::Choice(METRICS),
            "What the autoscaler watches: CPU, memory, request rate or error rate.",
            autoscaling.metric
        ),
        entry!(
            Component,
            SERVICE,
            "Autoscaling",
            "autoscaling.threshold",
            "Threshold",
            "% or req/s per replica",
            number(0.001, 1_000_000.0),
            "The metric's target per replica, in percent for CPU, memory and error rate or in requests per second for request rate; above it the autoscaler scales up.",
            autoscaling.threshold
        ),
        entry!(
            Component,
            SERVICE,
            "Autoscaling",
            "autoscaling.scale_up_cooldown_s",
            "Scale-up cooldown",
            "s",
            number(0.0, 86_400.0),
            "Time to wait after scaling up before scaling up again.",
            autoscaling.scale_up_cooldown_s
        ),
        entry!(
            Component,
            SERVICE,
            "Autoscaling",
            "autoscaling.scale_down_cooldown_s",
            "Scale-down cooldown",
            "s",
            number(0.0, 86_400.0),
            "Time to wait after scaling down before scaling down again.",
            autoscaling.scale_down_cooldown_s
        ),
        entry!(
            Component,
            SERVICE,
            "Events",
            "topic",
            "Publishes topic",
            "",
            FieldType::Text {
                max_len: MAX_NAME_LEN
            },
            "The event topic this service publishes to an event bus; empty publishes nothing.",
            topic
        ),
        entry!(
            Component,
            BALANCER,
            "Load balancing",
            "strategy",
            "Strategy",
            "",
            FieldType::Choice(STRATEGIES),
            "How requests are spread over the targets: in turn, by weight, or to the least busy.",
            strategy
        ),
        entry!(
            Component,
            CHECKED,
            "Health checks",
            "health_check.enabled",
            "Health checks",
            "",
            FieldType::Bool,
            "Whether unhealthy targets are detected and taken out of rotation.",
            health_check.enabled
        ),
        entry!(
            Component,
            CHECKED,
            "Health checks",
            "health_check.interval_s",
            "Check interval",
            "s",
            number(0.1, 3600.0),
            "Time between two checks of a target.",
            health_check.interval_s
        ),
        entry!(
            Component,
            CHECKED,
            "Health checks",
            "health_check.timeout_s",
            "Check timeout",
            "s",
            number(0.01, 600.0),
            "Time a check waits for an answer before it counts as failed.",
            health_check.timeout_s
        ),
        entry!(
            Component,
            CHECKED,
            "Health checks",
            "health_check.retries",
            "Failed checks to mark down",
            "checks",
            whole(1.0, 100.0),
            "Failed checks in a row before a target is taken out of rotation.",
            health_check.retries
        ),
        entry!(
            Component,
            DATABASE,
            "Database",
            "read_replicas",
            "Read replicas per shard",
            "replicas",
            whole(0.0, MAX_REPLICAS),
            "Copies of each shard that serve reads, taking load off the primary.",
            read_replicas
        ),
        entry!(
            Component,
            DATABASE,
            "Database",
            "shards",
            "Shard key ranges",
            "",
            FieldType::Shards,
            "Key ranges each held by its own primary; empty means one unsharded primary.",
            shards
        ),
        entry!(
            Component,
            DATABASE,
            "Database",
            "backup",
            "Backup and restore",
            "",
            FieldType::Bool,
            "Whether the data is backed up and can be restored after a loss.",
            backup
        ),
        entry!(
            Component,
            CACHE,
            "Cache",
            "cache_ttl_s",
            "Time to live (TTL)",
            "s",
            number(0.001, 31_536_000.0),
            "How long an entry stays in the cache before it must be fetched again.",
            cache_ttl_s
        ),
        entry!(
            Component,
            BUS,
            "Events",
            "channel_capacity",
            "Channel capacity per topic",
            "events",
            whole(1.0, 10_000_000.0),
            "Events one topic holds before publishers are refused.",
            channel_capacity
        ),
        entry!(
            Component,
            EVENTS,
            "Events",
            "backup",
            "Backup and restore",
            "",
            FieldType::Bool,
            "Whether the events are backed up and can be restored after a loss.",
            backup
        ),
        entry!(
            Component,
            MONITORING,
            "Monitoring",
            "alerting",
            "Alert rules",
            "",
            FieldType::Bool,
            "Whether problems raise alerts to the people on call.",
            alerting
        ),
        entry!(
            Component,
            SERVERS,
            "Security",
            "security.authentication",
            "Authentication",
            "",
            FieldType::Bool,
            "Whether callers must prove who they are.",
            security.authentication
        ),
        entry!(
            Component,
            SERVERS,
            "Security",
            "security.authorization",
            "Authorization",
            "",
            FieldType::Bool,
            "Whether each caller may only do what it is allowed to.",
            security.authorization
        ),
        entry!(
            Component,
            SERVERS,
            "Security",
            "security.tls",
            "TLS in transit",
            "",
            FieldType::Bool,
            "Whether traffic to this component is encrypted on the network.",
            security.tls
        ),
        entry!(
            Component,
            SERVERS,
            "Security",
            "security.encryption_at_rest",
            "Encryption at rest",
            "",
            FieldType::Bool,
            "Whether stored data is encrypted on disk.",
            security.encryption_at_rest
        ),
        entry!(
            Component,
            SERVERS,
            "Security",
            "security.audit_logging",
            "Audit logging",
            "",
            FieldType::Bool,
            "Whether every access is recorded for later review.",
            security.audit_logging
        ),
    ];
