//! Rubric exercises: raise one weak quality attribute of a design to its
//! target without buying the whole catalogue of the cloud.
//!
//! What must stay true: each exercise names the attribute, the target and a
//! budget; the start misses the target and the reference meets all three.

use super::build::{budget, check, scale, ExerciseBuilder};
use crate::engine::learn::check::Rule;
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::score::Attribute;

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![security(), scalability(), reliability(), performance()]
}

fn score(attribute: Attribute, min: f64) -> crate::engine::learn::check::Check {
    check(
        attribute.slug(),
        &format!("{} at least {min:.0}", attribute.label()),
        Rule::Score { attribute, min },
    )
}

fn fact(fact: &str, label: &str) -> crate::engine::learn::check::Check {
    check(
        fact,
        label,
        Rule::Fact {
            fact: fact.into(),
            expected: true,
        },
    )
}

fn security() -> Exercise {
    ExerciseBuilder::new(
        "rubric-security",
        Section::Rubric,
        "Security: authenticate at the door",
        "The auto-scaling design answers anyone: its load balancer does not ask for a token, \
         although an auth provider sits right beside it. Security scores 60. Goal: raise \
         Security to at least 80 by authenticating every request where it enters. \
         Constraint: at most $3,500 a month; security is a setting here, not a fleet.",
        DesignSource::template("auto-scaling", Vec::new()),
        DesignSource::template(
            "auto-scaling",
            vec![Step::set(
                "load-balancer",
                "security.authentication",
                "true",
            )],
        ),
    )
    .checks(vec![
        fact("has_authentication", "every entry point authenticates"),
        score(Attribute::Security, 80.0),
        budget(3500.0),
    ])
    .hints(&[
        "Open the Security line of the scorecard: it names the entry point that lets \
         requests in unauthenticated.",
        "Select load-balancer and turn on its authentication; it already reaches the auth \
         provider to check tokens.",
    ])
    .debrief(
        "Authentication belongs where requests enter: one check at the door covers every \
         service behind it. The seed's SecurityAttributes list authentication first; the \
         rubric gives it 20 of Security's 100 points, and the fix cost nothing but a setting.",
    )
    .breaks("budget", scale("web-service", 20))
    .finish()
}

fn scalability() -> Exercise {
    let cache_steps = vec![
        Step::add(
            crate::engine::model::ComponentKind::Cache,
            "orders-cache",
            640.0,
            340.0,
        ),
        Step::disconnect("orders-service", "orders-db"),
        Step::connect("orders-service", "orders-cache"),
        Step::connect("orders-cache", "orders-db"),
        Step::set("orders-cache", "replicas.max", "2"),
        Step::set("orders-cache", "replicas.current", "2"),
        Step::set("orders-cache", "replicas.min", "2"),
        Step::set("orders-cache", "security.tls", "true"),
        Step::set("orders-cache", "security.encryption_at_rest", "true"),
        Step::connect("monitoring", "orders-cache"),
    ];
    ExerciseBuilder::new(
        "rubric-scalability",
        Section::Rubric,
        "Scalability: a cache on the busiest path",
        "The microservices platform scales out well, but every read of orders goes to \
         orders-db and nothing is cached: Scalability scores 50. Goal: Scalability at least \
         75. Constraint: at most $4,000 a month, so adding shards and caches everywhere \
         will not do.",
        DesignSource::template("microservices", Vec::new()),
        DesignSource::template("microservices", cache_steps),
    )
    .checks(vec![
        fact("has_caching", "a cache is on the request path"),
        score(Attribute::Scalability, 75.0),
        budget(4000.0),
    ])
    .hints(&[
        "The document's DatabaseScalingStrategy checks the cache first: `if result, found := \
         dss.cache.Get(query.Key)`. Which service reads the most?",
        "Put a Cache between orders-service and orders-db: orders-service → cache → \
         orders-db, instead of the direct connection.",
    ])
    .debrief(
        "A cache in front of the busiest store takes reads off it, so the store stops being \
         the ceiling when traffic grows. The document's follow-up answer lists it among the \
         ways to design for massive scale: \"implement caching strategies\". One cache on \
         the hot path was enough; a cache in front of every store would have cost more \
         than it earned.",
    )
    .breaks("has_caching", vec![Step::remove("orders-cache")])
    .breaks("budget", scale("orders-service", 20))
    .finish()
}

fn reliability() -> Exercise {
    ExerciseBuilder::new(
        "rubric-reliability",
        Section::Rubric,
        "Reliability: backups and alerts",
        "The product catalogue is sharded, cached and replicated, yet nobody would be woken \
         if it broke, and its database has no backup. Reliability scores 60. Goal: \
         Reliability 100. Constraint: at most $5,000 a month.",
        DesignSource::template(
            "database-scaling",
            vec![
                Step::set("catalog-db", "backup", "false"),
                Step::set("monitoring", "alerting", "false"),
            ],
        ),
        DesignSource::template("database-scaling", Vec::new()),
    )
    .checks(vec![
        fact("has_backup_recovery", "every data store is backed up"),
        fact("has_alerting", "alert rules are configured"),
        score(Attribute::Reliability, 100.0),
        budget(5000.0),
    ])
    .hints(&[
        "Reliability's lines in the scorecard name what is missing: a backup and alerting.",
        "Turn on backup for catalog-db and alerting for monitoring.",
    ])
    .debrief(
        "Redundancy keeps a system up; backups and alerts are how you recover when it still \
         goes down. The seed's ReliabilityAttributes put BackupRecovery and Alerting beside \
         FaultTolerance and Redundancy. The document asks: \"How do you ensure system \
         reliability and fault tolerance?\" and answers with comprehensive monitoring and \
         planning for disaster recovery.",
    )
    .breaks("budget", scale("catalog-service", 20))
    .finish()
}

fn performance() -> Exercise {
    ExerciseBuilder::new(
        "rubric-performance",
        Section::Rubric,
        "Performance: enough servers for the orders",
        "orders-service is the busiest service of the microservices platform and runs a \
         single replica: its CPU runs at 75 %, past the 70 % target, and Performance scores \
         75. Goal: Performance 100 (p95 response time at most 150 ms, CPU at most 70 %). Constraint: at most $3,600 a month, so not twenty replicas.",
        DesignSource::template(
            "microservices",
            vec![
                Step::set_design("targets.response_time_ms", "150"),
                Step::set("orders-service", "replicas.min", "1"),
                Step::set("orders-service", "replicas.current", "1"),
            ],
        ),
        DesignSource::template(
            "microservices",
            vec![
                Step::set_design("targets.response_time_ms", "150"),
                Step::set("orders-service", "replicas.min", "1"),
                Step::set("orders-service", "replicas.current", "2"),
            ],
        ),
    )
    .checks(vec![score(Attribute::Performance, 100.0), budget(3600.0)])
    .hints(&[
        "The Performance lines name the bottleneck: the station with the highest utilisation.",
        "Raise orders-service's replicas one at a time and watch response time and CPU: \
         queueing falls off steeply once utilisation drops below about 70 %.",
    ])
    .debrief(
        "Response time is service time plus waiting, and waiting explodes as utilisation \
         nears 100 %. A few more replicas of the one bottleneck bought the target; more \
         would have bought nothing the rubric can see but the bill. The seed's \
         PerformanceAttributes ask for 100 ms and 70 % CPU: both are queueing questions.",
    )
    .breaks(
        "budget",
        scale("orders-service", 20),
    )
    .finish()
}
