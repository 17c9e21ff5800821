//! Constructors the database-scaling, reliability, security, performance,
//! capstone and follow-up sections share: short runs, named faults, budgets,
//! fact checks, and steps on the database-scaling template.
//!
//! What must stay true: these only build data; nothing here decides a grade.

use crate::engine::learn::catalog::build::check;
use crate::engine::learn::check::{Check, Rule};
use crate::engine::learn::design_source::Step;
use crate::engine::learn::exercise_data::{NamedFault, RunSettings};
use crate::engine::model::{FaultAction, SimulationSettings};

/// Two seeds, `duration_s` of steady load, no warm-up and no fault.
pub(in crate::engine::learn::catalog) fn steady_runs(duration_s: f64) -> RunSettings {
    RunSettings {
        seeds: vec![1, 2],
        scenario: SimulationSettings {
            duration_s,
            ..SimulationSettings::default()
        },
        faults: Vec::new(),
    }
}

/// A fault on the component called `component` from `at_s` (to the end of the
/// run without a duration).
pub(in crate::engine::learn::catalog) fn fault(
    component: &str,
    action: FaultAction,
    at_s: f64,
    duration_s: Option<f64>,
) -> NamedFault {
    NamedFault {
        component: component.to_string(),
        action,
        at_s,
        duration_s,
    }
}

/// A design-level field.
pub(in crate::engine::learn::catalog) fn design_field(key: &str, value: &str) -> Step {
    Step::set_design(key, value)
}

/// The offered load, with the throughput target equal to it (answer every request sent).
pub(in crate::engine::learn::catalog) fn load(requests_per_second: &str) -> Vec<Step> {
    vec![
        design_field("workload.requests_per_second", requests_per_second),
        design_field("targets.throughput_rps", requests_per_second),
    ]
}

/// A cost-budget check.
pub(in crate::engine::learn::catalog) fn budget(max_usd_per_month: f64) -> Check {
    check(
        "budget",
        &format!("costs at most ${max_usd_per_month:.0} a month"),
        Rule::CostBudget { max_usd_per_month },
    )
}

/// A fact check: the seed's fact `fact` must hold.
pub(in crate::engine::learn::catalog) fn fact(id: &str, label: &str, fact: &str) -> Check {
    check(
        id,
        label,
        Rule::Fact {
            fact: fact.to_string(),
            expected: true,
        },
    )
}

/// Steps that make a design expensive under any sensible price list: many
/// service replicas and three read replicas on the database.
pub(in crate::engine::learn::catalog) fn overspend(service: &str, database: &str) -> Vec<Step> {
    vec![
        Step::set(service, "replicas.max", "10"),
        Step::set(service, "replicas.current", "10"),
        Step::set(database, "read_replicas", "3"),
    ]
}

/// The database-scaling template without its cache and shards: the catalog
/// service calls the database straight, at `rps` requests per second.
pub(in crate::engine::learn::catalog) fn catalog_without_cache(rps: &str) -> Vec<Step> {
    let mut steps = vec![
        Step::remove("redis-cache"),
        Step::connect("catalog-service", "catalog-db"),
        Step::set("catalog-db", "shards", ""),
    ];
    steps.extend(load(rps));
    steps
}
