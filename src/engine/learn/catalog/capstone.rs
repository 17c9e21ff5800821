//! Capstones: the document's three projects as larger exercises with several
//! checks each. System Architecture Design (scalability, reliability,
//! security, performance), Microservices Platform (service discovery, API
//! gateway, monitoring) and Scalability Framework (auto-scaling, load
//! balancing, monitoring).
//!
//! What must stay true: every exercise's start fails and its reference passes
//! under its own seeds and faults (tests/engine/learn.rs); runs stay short
//! (at most 40 simulated seconds at a few hundred requests per second).

use super::build::{check, simulated, ExerciseBuilder};
use super::database_scaling::shared::{
    budget, catalog_without_cache, design_field, fact, fault, load, overspend, steady_runs,
};
use super::reliability::overspend_microservices;
use crate::engine::learn::check::{Check, Comparison, Metric, Rule};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::model::{ArrivalProfile, ComponentKind as K, FaultAction};
use crate::engine::score::Attribute;

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![
        system_architecture(),
        microservices_platform(),
        scalability_framework(),
    ]
}

fn score_at_least(attribute: Attribute, min: f64) -> Check {
    check(
        attribute.slug(),
        &format!("{} score at least {min:.0}", attribute.label()),
        Rule::Score { attribute, min },
    )
}

fn errors_at_most(percent: f64) -> Check {
    simulated(
        "errors",
        &format!("at most {percent} % of requests fail"),
        Metric::ErrorPercent,
        None,
        Comparison::AtMost,
        percent,
    )
}

fn p99_at_most(ms: f64) -> Check {
    simulated(
        "p99",
        &format!("p99 at most {ms:.0} ms"),
        Metric::P99Ms,
        None,
        Comparison::AtMost,
        ms,
    )
}

fn bare_catalogue() -> Vec<Step> {
    let mut steps = catalog_without_cache("600");
    for name in ["load-balancer", "catalog-service"] {
        steps.push(Step::set(name, "replicas.min", "1"));
        steps.push(Step::set(name, "replicas.current", "1"));
    }
    steps.push(Step::set("catalog-db", "read_replicas", "0"));
    steps
}

fn complete_catalogue() -> Vec<Step> {
    let mut steps = load("600");
    steps.extend([
        Step::set("catalog-service", "replicas.current", "3"),
        Step::set("catalog-db", "shards", "0..500, 500..1000"),
        Step::set("catalog-db", "read_replicas", "1"),
        Step::add(K::AuthProvider, "auth", 260.0, 60.0),
        Step::set("auth", "replicas.max", "2"),
        Step::set("auth", "replicas.current", "2"),
        Step::set("auth", "security.tls", "true"),
        Step::set("auth", "security.audit_logging", "true"),
        Step::set("load-balancer", "security.authentication", "true"),
        Step::connect("load-balancer", "auth"),
        Step::connect("monitoring", "auth"),
        design_field("team.vulnerability_scanning", "true"),
        design_field("simulation.retries", "2"),
    ]);
    steps
}

fn system_architecture() -> Exercise {
    let mut runs = steady_runs(6.0);
    runs.faults = vec![fault(
        "catalog-service",
        FaultAction::KillReplica,
        2.0,
        None,
    )];
    ExerciseBuilder::new(
        "capstone-system-architecture",
        Section::Capstone,
        "Project 1: a complete system architecture",
        "The document's first project: design a complete system architecture that meets \
         scalability, reliability, security and performance requirements. You start from a \
         bare catalogue: one balancer, one service replica and one database with no copy, no \
         cache and no authentication, at 600 requests a second. Goal: scalability and \
         performance scores of at least 75, reliability and security of at least 80, p99 \
         under 250 ms and at most 1 % failed while a catalog-service replica crashes at \
         2 s. Constraint: stay within $2,400 a month.",
        DesignSource::template("database-scaling", bare_catalogue()),
        DesignSource::template("database-scaling", complete_catalogue()),
    )
    .checks(vec![
        score_at_least(Attribute::Scalability, 75.0),
        score_at_least(Attribute::Reliability, 80.0),
        score_at_least(Attribute::Security, 80.0),
        score_at_least(Attribute::Performance, 75.0),
        p99_at_most(250.0),
        errors_at_most(1.0),
        budget(2400.0),
    ])
    .hints(&[
        "Work attribute by attribute: each score's rubric lines say what is missing and what \
         would earn the points.",
        "Scalability wants a cache and shards; reliability wants a second replica of everything \
         on the path; security wants authentication at the entry (an auth provider connected to \
         the balancer) and vulnerability scanning in the team inputs.",
        "To ride out the crash, run three catalog-service replicas and let callers retry twice \
         (Simulation settings).",
    ])
    .debrief(
        "A complete architecture is many small decisions that each serve one quality \
         attribute, and they interact: the cache that earns scalability also cuts response \
         time, the replicas that earn reliability also add capacity, and every one of them \
         costs money, which is why the budget matters. The document's follow-up question \
         \"How do you choose between different architectural patterns?\" answers: consider \
         the requirements and evaluate trade-offs. The run showed the crash absorbed with p99 \
         well under 250 ms.",
    )
    .runs(runs)
    .breaks("errors", vec![design_field("simulation.retries", "0")])
    .breaks(
        "p99",
        vec![Step::set("catalog-service", "service_time_ms", "150")],
    )
    .breaks("budget", overspend("catalog-service", "catalog-db"))
    .finish()
}

fn platform_start() -> Vec<Step> {
    let mut steps = load("300");
    steps.extend([
        Step::remove("registry"),
        Step::remove("monitoring"),
        Step::set("api-gateway", "health_check.enabled", "false"),
    ]);
    steps
}

fn platform_reference() -> Vec<Step> {
    let mut steps = load("300");
    steps.push(design_field("simulation.retries", "2"));
    steps
}

fn microservices_platform() -> Exercise {
    let mut runs = steady_runs(6.0);
    runs.faults = vec![fault("orders-service", FaultAction::KillReplica, 2.0, None)];
    ExerciseBuilder::new(
        "capstone-microservices-platform",
        Section::Capstone,
        "Project 2: a microservices platform",
        "The document's second project: build a microservices platform with service discovery, \
         an API gateway and monitoring. The three services sit behind api-gateway, but nothing \
         registers them, nobody watches them, and the gateway does not health-check its routes. \
         At 2 s an orders-service replica crashes. Goal: a service registry, monitoring with \
         alerts on every component, health-checked services, and at most 0.5 % of requests \
         failed through the crash. Constraint: stay within $3,800 a month.",
        DesignSource::template("microservices", platform_start()),
        DesignSource::template("microservices", platform_reference()),
    )
    .checks(vec![
        check(
            "discovery",
            "a service registry for discovery",
            Rule::KindCount {
                component_kind: K::ServiceRegistry,
                min: 1,
                max: None,
            },
        ),
        check(
            "gateway",
            "an API gateway",
            Rule::KindCount {
                component_kind: K::ApiGateway,
                min: 1,
                max: None,
            },
        ),
        fact(
            "monitored",
            "monitoring watches the request path",
            "has_monitoring",
        ),
        fact("alerting", "monitoring raises alerts", "has_alerting"),
        fact(
            "health-checked",
            "no single point of failure, services health-checked",
            "has_fault_tolerance",
        ),
        errors_at_most(0.5),
        budget(3800.0),
    ])
    .hints(&[
        "Add a Service registry and connect each service to it; add Monitoring, turn on its \
         alerting, and connect it to every component on the request path.",
        "Turn on health checks at api-gateway so a crashed replica leaves rotation.",
        "Health checks take seconds to notice a crash; retries (Simulation settings, 2) cover \
         the calls caught in between.",
    ])
    .debrief(
        "A platform is what every service gets for free: discovery so callers find replicas, \
         a gateway so clients see one entry with one set of rules, monitoring and alerts so \
         someone knows when a replica dies, and health checks with retries so its death costs \
         nothing. The run showed the crashed orders-service replica taken out of rotation with \
         no request lost. The document's microservices code has these pieces as \
         ServiceRegistry, APIGateway, Monitoring and HealthCheck.",
    )
    .runs(runs)
    .breaks("gateway", vec![Step::remove("api-gateway")])
    .breaks("budget", overspend_microservices())
    .finish()
}

fn framework_common() -> Vec<Step> {
    let mut steps = load("200");
    steps.extend([
        Step::set("app-db", "read_replicas", "1"),
        design_field("simulation.startup_delay_s", "5"),
        design_field("simulation.autoscaler_interval_s", "5"),
    ]);
    steps
}

fn framework_start() -> Vec<Step> {
    let mut steps = framework_common();
    for service in ["web-service", "api-service"] {
        steps.extend([
            Step::set(service, "autoscaling.enabled", "false"),
            Step::set(service, "concurrency", "2"),
            Step::set(service, "replicas.min", "1"),
            Step::set(service, "replicas.current", "1"),
            Step::set(service, "replicas.max", "1"),
        ]);
    }
    steps.push(Step::remove("monitoring"));
    steps
}

fn framework_reference() -> Vec<Step> {
    let mut steps = framework_common();
    for service in ["web-service", "api-service"] {
        steps.extend([
            Step::set(service, "concurrency", "2"),
            Step::set(service, "replicas.max", "8"),
            Step::set(service, "replicas.current", "2"),
            Step::set(service, "autoscaling.enabled", "true"),
            Step::set(service, "autoscaling.metric", "request_rate"),
            Step::set(service, "autoscaling.threshold", "60"),
            Step::set(service, "autoscaling.scale_up_cooldown_s", "5"),
            Step::set(service, "autoscaling.scale_down_cooldown_s", "60"),
        ]);
    }
    steps
}

fn scalability_framework() -> Exercise {
    let mut runs = steady_runs(40.0);
    runs.scenario.arrival = ArrivalProfile::Ramp;
    runs.scenario.ramp_from_factor = 0.5;
    runs.scenario.ramp_to_factor = 3.0;
    ExerciseBuilder::new(
        "capstone-scalability-framework",
        Section::Capstone,
        "Project 3: a scalability framework",
        "The document's third project: a scalability framework with auto-scaling, load \
         balancing and monitoring. Traffic ramps from 100 to 600 requests a second over 40 s. \
         web-service and api-service each run one fixed replica (2 servers, 20 ms a request) \
         and nothing watches them. Goal: services that can add replicas behind the balancer, \
         monitoring, p99 under 250 ms and at most 1 % failed through the ramp. Constraint: \
         stay within $1,000 a month, priced at the replicas the design starts with: a fleet \
         sized for the peak all day does not fit.",
        DesignSource::template("auto-scaling", framework_start()),
        DesignSource::template("auto-scaling", framework_reference()),
    )
    .checks(vec![
        fact(
            "horizontal",
            "services can add replicas behind a balancer",
            "supports_horizontal_scaling",
        ),
        fact(
            "balanced",
            "a balancer spreads traffic over the replicas",
            "has_load_balancing",
        ),
        fact(
            "monitored",
            "monitoring watches the request path",
            "has_monitoring",
        ),
        p99_at_most(250.0),
        errors_at_most(1.0),
        budget(1000.0),
    ])
    .hints(&[
        "Raise each service's max replicas and turn its autoscaling on; add Monitoring back \
         and connect it to the components on the request path.",
        "CPU reacts late on a ramp; a request-rate policy scales on the load itself. One \
         replica of 2 servers at 20 ms takes about 100 requests a second: scale out above 60.",
        "Short cooldowns (5 s up) let the autoscaler keep pace: the start-up delay is 5 s and \
         it looks every 5 s.",
    ])
    .debrief(
        "A scalability framework turns load into replicas automatically: the balancer spreads \
         requests over whatever replicas exist, the autoscaler adds replicas when the metric \
         passes its threshold, and monitoring shows it happening. Priced at the start size it \
         costs a fraction of a fleet sized for the peak. The run showed each service growing \
         from 2 to about 5 replicas as the ramp climbed, with p99 near 120 ms. The document's \
         AutoScaler and ScalingPolicy are these dials.",
    )
    .runs(runs)
    .breaks(
        "balanced",
        vec![
            Step::remove("load-balancer"),
            Step::connect("users", "web-service"),
            Step::connect("users", "api-service"),
        ],
    )
    .breaks("budget", overspend("web-service", "app-db"))
    .finish()
}
