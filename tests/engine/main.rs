//! Native tests of the pure engine, in one test binary.
//!
//! Designs are written as small sketches (see [`sketch`]) and built through
//! the public editing API (`engine::edit::apply`), the same way a user builds
//! them, so every test design is one a user could have made. Each module holds
//! one area:
//! - `rubric`: every line of the seed's rubric, passing and failing, with reasons;
//! - `facts`: the graph rules behind the derived facts;
//! - `queueing`: M/M/c and M/M/c/K formulas against independent closed forms;
//! - `analytic`: routing of traffic through a design and the estimate built on it;
//! - `attributes`: the attribute table itself (round trips, ranges, kinds, agreement);
//! - `edit`, `fields`, `validate`, `format`: refusing bad input without a change;
//! - `simulation_settings`: the design's simulation settings as fields, the
//!   faults text, and their mapping onto the simulator's options;
//! - `templates`: every template loads, scores and shows what it is for;
//! - `learn`: the whole exercise catalog (start fails, reference passes, no decorative check);
//! - `cli`: the `archplay` binary end to end;
//! - `exercise_cli`: `archplay exercise list|start|check` and their exit codes.
//!
//! Shared with the other test binaries (`tests/common/`): `run`, the
//! `archplay` binary as a child process, and [`SplitMix`], the seeded
//! generator behind the mutation tests.
//!
//! No test reads a clock or an unseeded random source.

mod analytic;
mod attributes;
mod cli;
mod edit;
mod exercise_cli;
mod facts;
mod fields;
mod format;
mod learn;
mod loopholes;
mod number;
mod queueing;
mod rubric;
mod simulation_options;
mod simulation_settings;
mod templates;
mod validate;

#[path = "../common/run.rs"]
mod run;
#[path = "../common/splitmix.rs"]
mod splitmix;

pub use splitmix::SplitMix;

use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::model::edit::{apply, Edit};
use archplay::engine::model::{ComponentId, ComponentKind, ConnectionId, Design, Position};

/// Builds a design from a sketch, one instruction per line:
///
/// ```text
/// # a comment
/// service orders replicas.max=4 replicas.current=2   add a component (kind slug, name, fields)
/// web -> orders weight=3                              connect two components (connection fields)
/// set orders security.tls=true                        set fields of an existing component
/// design workload.requests_per_second=200             set design fields
/// disconnect web orders                               delete a connection
/// delete orders                                       delete a component and its connections
/// ```
///
/// Every instruction goes through `edit::apply`; a refused edit fails the test
/// with the line that caused it.
pub fn sketch(text: &str) -> Design {
    let mut design = Design::new("sketch");
    sketch_onto(&mut design, text);
    design
}

/// Applies more sketch lines to an existing design.
pub fn sketch_onto(design: &mut Design, text: &str) {
    for (line_idx, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let context = format!("sketch line {}: `{line}`", line_idx + 1);
        match words.as_slice() {
            ["design", assignments @ ..] => {
                set_all(design, FieldTarget::Design, assignments, &context)
            }
            ["set", name, assignments @ ..] => {
                let id = id_of(design, name);
                set_all(design, FieldTarget::Component(id), assignments, &context);
            }
            ["delete", name] => {
                let id = id_of(design, name);
                apply(design, Edit::DeleteComponent(id))
                    .unwrap_or_else(|e| panic!("{context}: {e}"));
            }
            ["disconnect", from, to] => {
                let id = connection_between(design, from, to);
                apply(design, Edit::DeleteConnection(id))
                    .unwrap_or_else(|e| panic!("{context}: {e}"));
            }
            [from, "->", to, assignments @ ..] => {
                let (from, to) = (id_of(design, from), id_of(design, to));
                let created = apply(design, Edit::Connect { from, to })
                    .unwrap_or_else(|e| panic!("{context}: {e}"));
                let archplay::engine::model::edit::Created::Connection(id) = created else {
                    panic!("{context}: no connection")
                };
                set_all(design, FieldTarget::Connection(id), assignments, &context);
            }
            [kind, name, assignments @ ..] => {
                let kind = ComponentKind::from_slug(kind)
                    .unwrap_or_else(|| panic!("{context}: unknown kind"));
                let position = Position {
                    x: 100.0 + 180.0 * design.components.len() as f64,
                    y: 100.0,
                };
                let created = apply(
                    design,
                    Edit::AddComponent {
                        kind,
                        position: Some(position),
                    },
                )
                .unwrap_or_else(|e| panic!("{context}: {e}"));
                let archplay::engine::model::edit::Created::Component(id) = created else {
                    panic!("{context}: no component")
                };
                let target = FieldTarget::Component(id);
                apply(
                    design,
                    Edit::SetField {
                        target,
                        key: "name".into(),
                        value: name.to_string(),
                    },
                )
                .unwrap_or_else(|e| panic!("{context}: {e}"));
                set_all(design, target, assignments, &context);
            }
            _ => panic!("{context}: not an instruction"),
        }
    }
}

fn set_all(design: &mut Design, target: FieldTarget, assignments: &[&str], context: &str) {
    for assignment in assignments {
        let (key, value) = assignment
            .split_once('=')
            .unwrap_or_else(|| panic!("{context}: `{assignment}` is not key=value"));
        apply(
            design,
            Edit::SetField {
                target,
                key: key.into(),
                value: value.into(),
            },
        )
        .unwrap_or_else(|e| panic!("{context}: {key}={value} refused: {e}"));
    }
}

/// The id of the component called `name`.
pub fn id_of(design: &Design, name: &str) -> ComponentId {
    design
        .component_named(name)
        .unwrap_or_else(|| panic!("no component named `{name}`"))
        .id
}

/// The id of the connection from `from` to `to`.
pub fn connection_between(design: &Design, from: &str, to: &str) -> ConnectionId {
    let (from, to) = (id_of(design, from), id_of(design, to));
    design
        .connections
        .iter()
        .find(|c| c.from == from && c.to == to)
        .unwrap_or_else(|| panic!("no connection between the two components"))
        .id
}

/// A design that passes every line of the rubric at the default targets.
/// The usability inputs and code quality sit exactly at their targets, so it
/// also checks that a value equal to its target passes.
pub const EXEMPLARY: &str = "
client web
api_gateway edge replicas.max=2 replicas.current=2 security.authentication=true security.tls=true security.audit_logging=true health_check.enabled=true
auth_provider auth replicas.max=2 replicas.current=2 security.tls=true security.audit_logging=true
service orders-service replicas.current=4 security.tls=true security.authorization=true security.audit_logging=true
cache orders-cache replicas.max=2 replicas.current=2 security.tls=true security.encryption_at_rest=true
database orders-db read_replicas=1 shards=0..500,500..1000 backup=true security.tls=true security.encryption_at_rest=true security.audit_logging=true
monitoring monitor alerting=true
web -> edge
edge -> auth
edge -> orders-service
orders-service -> orders-cache
orders-cache -> orders-db
monitor -> edge
monitor -> auth
monitor -> orders-service
monitor -> orders-cache
monitor -> orders-db
design team.documentation=90 team.test_coverage=80 team.vulnerability_scanning=true targets.throughput_rps=500
";

/// Asserts `a` and `b` agree to 1e-9, relative to their size.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, what: &str) {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: got {actual}, expected {expected}"
    );
}

/// Erlang C from its defining sum, in log space so that large `c` cannot
/// overflow, independent of the engine's Erlang B recursion:
/// C = T / (sum_{k<c} a^k/k! + T), T = a^c/c! * c/(c - a).
pub fn erlang_c_by_sum(servers: u32, load: f64) -> f64 {
    if load <= 0.0 {
        return 0.0;
    }
    let c = servers as f64;
    let log_term = |k: u32| k as f64 * load.ln() - (1..=k).map(|j| (j as f64).ln()).sum::<f64>();
    let log_tail = log_term(servers) + (c / (c - load)).ln();
    let mut logs: Vec<f64> = (0..servers).map(log_term).collect();
    logs.push(log_tail);
    let peak = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let log_total = peak + logs.iter().map(|l| (l - peak).exp()).sum::<f64>().ln();
    (log_tail - log_total).exp()
}

/// Mean time in an M/M/c system, in milliseconds, from [`erlang_c_by_sum`].
pub fn mmc_response_ms(lambda: f64, mu: f64, servers: u32) -> f64 {
    1000.0 * (mmc_wait_ms(lambda, mu, servers) / 1000.0 + 1.0 / mu)
}

/// Mean time in an M/M/c queue, in milliseconds, from [`erlang_c_by_sum`].
pub fn mmc_wait_ms(lambda: f64, mu: f64, servers: u32) -> f64 {
    let c = erlang_c_by_sum(servers, lambda / mu);
    1000.0 * c / (servers as f64 * mu - lambda)
}
