//! The simulator's tests, in one test binary (`cargo test --test sim`).
//!
//! - `theory`: M/M/1, M/M/c, M/M/c/K and a tandem against queueing theory,
//!   over seeded replications with a warm-up discarded;
//! - `behaviour`: routing, caches, buses and event stores, determinism;
//! - `autoscaling`: the seed policy and the Kubernetes HPA against
//!   hand-computed traces, and replicas starting inside a run;
//! - `cost`: what a run cost from its replica timelines (autoscaling saves
//!   money against a fixed fleet);
//! - `faults`: killed replicas, components down, latency and errors,
//!   health checks, timeouts, retries and circuit breakers;
//! - `options`: bad settings are refused by name, the CLI end to end;
//! - `parts`: the agenda, streaming statistics and samplers on their own;
//! - `limits`: call loops stopped at once, runs past the event budget refused
//!   or reported as partial, the budget in `--help`;
//! - `live`: a run watched in slices as the browser's worker drives it;
//! - `score`: the Performance score from a simulated run;
//! - `agreement`: the analytic estimate against seeded runs (templates and
//!   generated designs), with stated tolerances and the worst gaps printed.
//! - `score`: the scorecard reconciled with a simulated run;
//! - `verdict`: how a run says it went (state, causes, full channels,
//!   health-check log);
//! - `backlog`: stations falling behind, events lost to full queues and channels;
//! - `sweep`, `sweep_cli`: one parameter over many seeded runs, as data and as
//!   `archplay sweep` (keys, points, refusals, thread counts, equality with `simulate`).
//!
//! Every run also passes the universal checks in `support::check_universal`
//! (conservation, Little's law, utilisation in [0, 1], no idle server beside a
//! waiting call). Fixed seeds everywhere; no test reads a clock.
//!
//! `run` (shared with the other test binaries, `tests/common/run.rs`) runs
//! the `archplay` binary as a child process.

mod agreement;
mod autoscaling;
mod backlog;
mod behaviour;
mod cost;
mod faults;
mod limits;
mod live;
mod options;
mod parts;
#[path = "../common/run.rs"]
mod run;
mod score;
mod support;
mod sweep;
mod sweep_cli;
mod sweep_form;
mod theory;
mod verdict;
