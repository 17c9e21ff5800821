//! Microservices exercises: the document's platform (a gateway, a registry,
//! monitoring, health checks) and keeping requests answered while a replica
//! dies.
//!
//! What must stay true: the killed-replica exercise runs its fault on every
//! seed, and its reference passes through the design's own resilience
//! (retries), not by a quieter scenario.

use super::build::{budget, check, scale, simulated, ExerciseBuilder};
use crate::engine::learn::check::{Comparison, Metric, Rule};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, NamedFault, RunSettings, Section};
use crate::engine::model::{ComponentKind as K, FaultAction, SimulationSettings};

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![platform(), killed_replica()]
}

fn platform() -> Exercise {
    let start = vec![
        Step::remove("api-gateway"),
        Step::remove("registry"),
        Step::remove("monitoring"),
        Step::connect("web-clients", "users-service"),
        Step::connect("web-clients", "orders-service"),
        Step::connect("web-clients", "payments-service"),
    ];
    ExerciseBuilder::new(
        "microservices-platform",
        Section::Microservices,
        "Microservices: gateway, registry, monitoring",
        "Three services each own their database, but the clients call them directly: no \
         single entry point, no service discovery, nobody watching, and nothing takes a dead \
         replica out of rotation. Goal: the document's MicroservicesArchitecture: clients \
         reach the services through an API gateway that health-checks them, the services \
         register with a service registry, and monitoring watches the platform. Constraint: \
         at most $3,600 a month.",
        DesignSource::template("microservices", start),
        DesignSource::template("microservices", Vec::new()),
    )
    .checks(vec![
        check(
            "gateway",
            "an API gateway is the entry point",
            Rule::KindCount {
                component_kind: K::ApiGateway,
                min: 1,
                max: Some(1),
            },
        ),
        check(
            "registry",
            "a service registry",
            Rule::KindCount {
                component_kind: K::ServiceRegistry,
                min: 1,
                max: None,
            },
        ),
        check(
            "has_monitoring",
            "monitoring watches the platform",
            Rule::Fact {
                fact: "has_monitoring".into(),
                expected: true,
            },
        ),
        check(
            "has_fault_tolerance",
            "health checks take failed replicas out of rotation",
            Rule::Fact {
                fact: "has_fault_tolerance".into(),
                expected: true,
            },
        ),
        budget(3600.0),
    ])
    .hints(&[
        "Place an API gateway, connect web-clients to it instead of to the services, and \
         connect the gateway to each service (a route per domain: /users, /orders, /payments).",
        "Add a Service registry and connect each service to it; add Monitoring and connect it \
         to everything it should watch. Check that the gateway's health checks are on.",
    ])
    .debrief(
        "The document's MicroservicesArchitecture is services plus four shared parts: a \
         gateway (RouteRequest), a registry (AddService registers), monitoring (CheckHealth) \
         and security. The gateway is the one door, so health checks and authentication \
         happen once, and the registry lets callers find replicas that come and go.",
    )
    .breaks(
        "has_fault_tolerance",
        vec![Step::set("api-gateway", "health_check.enabled", "false")],
    )
    .breaks("registry", vec![Step::remove("registry")])
    .breaks("has_monitoring", vec![Step::remove("monitoring")])
    .breaks(
        "gateway",
        vec![
            Step::add(K::ApiGateway, "second-gateway", 280.0, 420.0),
            Step::connect("web-clients", "second-gateway"),
        ],
    )
    .breaks("budget", scale("orders-service", 20))
    .finish()
}

fn killed_replica() -> Exercise {
    let runs = RunSettings {
        seeds: vec![1, 2],
        scenario: SimulationSettings {
            duration_s: 30.0,
            ..SimulationSettings::default()
        },
        faults: vec![NamedFault {
            component: "orders-service".into(),
            action: FaultAction::KillReplica,
            at_s: 10.0,
            duration_s: None,
        }],
    };
    ExerciseBuilder::new(
        "microservices-killed-replica",
        Section::Microservices,
        "Microservices: lose a replica, not requests",
        "At 10 s one replica of orders-service crashes. Until the gateway's health check \
         notices, it keeps sending calls to the dead replica, and about 6 % of all requests \
         fail. Goal: keep failed requests under 0.5 % over the run, with the crash. \
         Constraint: at most $3,600 a month; twenty replicas will not do.",
        DesignSource::template("microservices", Vec::new()),
        DesignSource::template(
            "microservices",
            vec![Step::set_design("simulation.retries", "1")],
        ),
    )
    .runs(runs)
    .checks(vec![
        simulated(
            "errors",
            "failed requests under 0.5 %",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            0.5,
        ),
        simulated(
            "p99",
            "p99 at most 300 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            300.0,
        ),
        budget(3600.0),
    ])
    .hints(&[
        "Look at the run's errors by cause: `replica_down` means calls went to the crashed \
         replica before the health check took it out.",
        "A caller that tries again reaches a healthy replica: set the design's Retries \
         (Simulate settings, callers' resilience) to 1.",
        "Faster health checks shorten the window too, but only retries close it.",
    ])
    .debrief(
        "Replicas make a crash survivable; retries make it invisible. The health check still \
         matters, since it stops every caller from paying a first failed try, but only a \
         retry turns the unlucky call into a success. The document's answer to \"How do you \
         ensure system reliability and fault tolerance?\" starts with redundancy; this is the \
         caller's half of it.",
    )
    .breaks(
        "p99",
        vec![Step::set("orders-service", "service_time_ms", "200")],
    )
    .breaks("budget", scale("orders-service", 20))
    .finish()
}
