//! The attribute table's design entries (name, workload, team inputs,
//! targets and unit prices), in inspector order; the simulation settings follow them from
//! [`super::simulation_fields`].
//!
//! What must stay true: each entry's range is the only place its limits are
//! written; the rules that tie the workload to the rest of the design (key
//! space against shards, ramp rate) live in [`super::access`].

use crate::engine::attributes::component_table::MAX_NAME_LEN;
use crate::engine::attributes::spec::{
    entry, number, whole, Applies, FieldSpec, FieldType, TextRule,
};

const D: Applies = Applies::Design;

/// A 0 to 100 score entry of the team inputs or the targets, in points
/// (or, given a unit, in that unit: test coverage is in percent).
macro_rules! score {
    ($group:literal, $key:literal, $label:literal, $help:literal, $($path:ident).+) => {
        score!($group, $key, $label, "points", $help, $($path).+)
    };
    ($group:literal, $key:literal, $label:literal, $unit:literal, $help:literal, $($path:ident).+) => {
        entry!(Design, D, $group, $key, $label, $unit, number(0.0, 100.0), $help, $($path).+)
    };
}

/// A unit price in USD per month ([`crate::engine::model::Prices`]), up to a
/// million dollars a month each.
macro_rules! price {
    ($key:literal, $label:literal, $help:literal, $($path:ident).+) => {
        entry!(Design, D, "Prices", $key, $label, "$/month", number(0.0, 1_000_000.0), $help, $($path).+)
    };
}

/// Every design attribute except the simulation settings, in inspector order.
pub static DESIGN_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        rule: TextRule::Required,
        ..entry!(
            Design,
            D,
            "Design",
            "name",
            "Design name",
            "",
            FieldType::Text {
                max_len: MAX_NAME_LEN
            },
            "The design's title, shown on exports and share links.",
            name
        )
    },
    entry!(
        Design,
        D,
        "Workload",
        "workload.requests_per_second",
        "Requests per second",
        "req/s",
        number(0.0, 10_000_000.0),
        "How many requests all clients send together each second.",
        workload.requests_per_second
    ),
    entry!(
        Design,
        D,
        "Workload",
        "workload.read_share",
        "Read share",
        "of requests",
        number(0.0, 1.0),
        "Share of requests that only read, from 0 (none) to 1 (all); caches and read replicas serve these.",
        workload.read_share
    ),
    entry!(
        Design,
        D,
        "Workload",
        "workload.key_space",
        "Key space",
        "keys",
        whole(1.0, 1_000_000_000.0),
        "How many distinct keys (users, orders...) requests touch; shards split this range.",
        workload.key_space
    ),
    entry!(
        Design,
        D,
        "Workload",
        "workload.hop_latency_ms",
        "Network hop",
        "ms",
        number(0.0, 10_000.0),
        "Time one call spends on the network between two components.",
        workload.hop_latency_ms
    ),
    score!(
        "Team",
        "team.code_quality",
        "Code quality",
        "Your own rating of the code's quality, 0 to 100.",
        team.code_quality
    ),
    score!(
        "Team",
        "team.documentation",
        "Documentation",
        "Your own rating of the documentation, 0 to 100.",
        team.documentation
    ),
    score!(
        "Team",
        "team.test_coverage",
        "Test coverage",
        "%",
        "Share of the code the tests exercise, in percent.",
        team.test_coverage
    ),
    score!(
        "Team",
        "team.user_experience",
        "User experience",
        "Your own rating of the user experience, 0 to 100.",
        team.user_experience
    ),
    score!(
        "Team",
        "team.accessibility",
        "Accessibility",
        "Your own rating of accessibility, 0 to 100.",
        team.accessibility
    ),
    score!(
        "Team",
        "team.responsiveness",
        "Responsiveness",
        "Your own rating of how responsive the interface feels, 0 to 100.",
        team.responsiveness
    ),
    score!(
        "Team",
        "team.error_handling",
        "Error handling",
        "Your own rating of how errors are handled, 0 to 100.",
        team.error_handling
    ),
    entry!(
        Design,
        D,
        "Team",
        "team.vulnerability_scanning",
        "Vulnerability scanning",
        "",
        FieldType::Bool,
        "Whether dependencies are scanned for known vulnerabilities.",
        team.vulnerability_scanning
    ),
    entry!(
        Design,
        D,
        "Targets",
        "targets.response_time_ms",
        "Response time",
        "ms",
        number(0.001, 1_000_000.0),
        "The response time a request should stay under, queueing included.",
        targets.response_time_ms
    ),
    entry!(
        Design,
        D,
        "Targets",
        "targets.throughput_rps",
        "Throughput",
        "req/s",
        number(0.0, 100_000_000.0),
        "The request rate the design should sustain.",
        targets.throughput_rps
    ),
    entry!(
        Design,
        D,
        "Targets",
        "targets.latency_ms",
        "Latency",
        "ms",
        number(0.001, 1_000_000.0),
        "The time a request should take without any queueing.",
        targets.latency_ms
    ),
    entry!(
        Design,
        D,
        "Targets",
        "targets.cpu_percent",
        "CPU utilisation",
        "%",
        number(0.0, 100.0),
        "The busiest component's utilisation (CPU busy share) should stay under this.",
        targets.cpu_percent
    ),
    score!(
        "Targets",
        "targets.code_quality",
        "Code quality",
        "The code-quality score to reach.",
        targets.code_quality
    ),
    score!(
        "Targets",
        "targets.documentation",
        "Documentation",
        "The documentation score to reach.",
        targets.documentation
    ),
    score!(
        "Targets",
        "targets.test_coverage",
        "Test coverage",
        "%",
        "The test coverage to reach, in percent.",
        targets.test_coverage
    ),
    score!(
        "Targets",
        "targets.modularity",
        "Modularity",
        "The modularity score to reach.",
        targets.modularity
    ),
    score!(
        "Targets",
        "targets.complexity",
        "Complexity",
        "The complexity score to reach.",
        targets.complexity
    ),
    score!(
        "Targets",
        "targets.user_experience",
        "User experience",
        "The user-experience score to reach.",
        targets.user_experience
    ),
    score!(
        "Targets",
        "targets.accessibility",
        "Accessibility",
        "The accessibility score to reach.",
        targets.accessibility
    ),
    score!(
        "Targets",
        "targets.responsiveness",
        "Responsiveness",
        "The responsiveness score to reach.",
        targets.responsiveness
    ),
    score!(
        "Targets",
        "targets.error_handling",
        "Error handling",
        "The error-handling score to reach.",
        targets.error_handling
    ),
    entry!(
        Design,
        D,
        "Targets",
        "targets.error_budget_percent",
        "Error budget",
        "%",
        number(0.0, 100.0),
        "The share of requests that may fail in a run before it counts as failed.",
        targets.error_budget_percent
    ),
    price!(
        "prices.service_per_concurrency",
        "Service, per unit of concurrency",
        "A month of one unit of a service replica's concurrency (about one on-demand vCPU); a replica costs its concurrency times this.",
        prices.service_per_concurrency
    ),
    price!(
        "prices.database_primary",
        "Database primary",
        "A month of one database primary; a database runs one per shard.",
        prices.database_primary
    ),
    price!(
        "prices.database_read_replica",
        "Database read replica",
        "A month of one read replica; a database runs its read replicas on every shard.",
        prices.database_read_replica
    ),
    price!(
        "prices.database_shard",
        "Database storage, per shard",
        "A month of one shard's storage and backups (an unsharded database is one shard).",
        prices.database_shard
    ),
    price!(
        "prices.cache_node",
        "Cache node",
        "A month of one cache replica (a managed in-memory node).",
        prices.cache_node
    ),
    price!(
        "prices.event_bus",
        "Event bus broker",
        "A month of one event bus replica (a managed broker).",
        prices.event_bus
    ),
    price!(
        "prices.event_store",
        "Event store node",
        "A month of one event store replica.",
        prices.event_store
    ),
    price!(
        "prices.api_gateway",
        "API gateway",
        "A month of one API gateway replica.",
        prices.api_gateway
    ),
    price!(
        "prices.load_balancer",
        "Load balancer",
        "A month of one load balancer replica.",
        prices.load_balancer
    ),
    price!(
        "prices.auth_provider",
        "Auth provider",
        "A month of one auth provider replica.",
        prices.auth_provider
    ),
    price!(
        "prices.service_registry",
        "Service registry",
        "A month of one service registry replica.",
        prices.service_registry
    ),
    price!(
        "prices.monitoring",
        "Monitoring",
        "A month of one monitoring replica (metrics, dashboards and alerts).",
        prices.monitoring
    ),
];
