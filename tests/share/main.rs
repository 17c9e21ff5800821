//! Share links, undo history and exports: one test binary
//! (`cargo test --no-default-features --test share`).
//!
//! - `roundtrip`: design -> link -> design is the identity (property-based
//!   over designs built through `edit::apply`, plus generated and edge cases).
//! - `golden`: links committed in `tests/fixtures/links/` (prefixes `v1.`
//!   and `v2.`, one layout) decode to their design files forever, and so do
//!   the golden `s1.` snapshots beside them.
//! - `errors`: every `LinkError` names its problem, one case per line.
//! - `fuzz`: over 100,000 truncated, edited, re-packed, random and oversized
//!   links; nothing panics and every invalid link is an error.
//! - `fuzz_entry`: links, snapshots and design files damaged from issue
//!   12's adversarial designs open only as designs that validate.
//! - `prices`: the unit prices in links, snapshots and files, old ones
//!   reading the defaults.
//! - `challenge`: challenge links (`c1.`): exercise and design round trip, broken links refused by name.
//! - `challenge_spec`: a teacher's challenge made from the Learn module's
//!   form, through the Learn worker's answers: round trip, field problems,
//!   grading after the trip; and its catalog answers.
//! - `history`: undo and redo.
//! - `export`: Mermaid, HPA manifests (parsed as YAML) and SVG (parsed as XML).
//! - `cli`: `archplay link`, `open` and `export`, and their failures.
//! - `echoed_input`: errors that repeat hostile input are one short clean
//!   line, and exports escape everything they copy (issue 12).
//! - `entry_checks`: what opens validates: hostile numbers in fields a
//!   kind does not use are refused on every way in, and the validator's
//!   messages are one short clean line (issue 12).
//! - `partial_objects`: partly filled sub-objects in a design file take
//!   the default component's values (issue 12).
//! - `input_limits`: every reader of the command-line tool stops at its
//!   limit while reading; hostile names and arguments give one short line.
//! - `compare_link`: compare links (`compare/<A>/<B>`), round trip and bad halves.
//! - `milestones`: stored milestones, milestones in the design file, merging on import.
//! - `tasks`: snapshots and the worker's tasks (opening links and files,
//!   writing links, design files and exports).
//!
//! Shared with the other test binaries (`tests/common/`): `run`, the
//! `archplay` binary as a child process, and the seeded `SplitMix`
//! generator (through `generate`, which the link-length benchmark includes too).

mod alloc_meter;
mod challenge;
mod challenge_spec;
mod cli;
mod compare_link;
mod echoed_input;
mod entry_checks;
mod errors;
mod export;
mod fuzz;
mod fuzz_entry;
mod generate;
mod golden;
mod history;
mod input_limits;
mod layout;
mod milestones;
mod partial_objects;
mod prices;
mod roundtrip;
#[path = "../common/run.rs"]
mod run;
mod tasks;

use archplay::engine::model::Design;
use std::path::PathBuf;

/// `tests/fixtures/links/`.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join("links")
}

/// The names of the golden `v1.` fixtures (`NAME.link`): one per template and the edge case,
/// written before the simulation section had more than seed, duration and arrival.
pub const FIXTURES: [&str; 6] = [
    "microservices",
    "event-driven",
    "auto-scaling",
    "database-scaling",
    "payment-gateway",
    "edge-case",
];

/// The names of the golden `v2.` fixtures (`NAME.v2.link`): the `v1.` designs
/// again, and two that use the simulation settings the first writer did not know.
pub const FIXTURES_V2: [&str; 8] = [
    "microservices",
    "event-driven",
    "auto-scaling",
    "database-scaling",
    "payment-gateway",
    "edge-case",
    "simulation-everything",
    "payment-faults",
];

/// A fixture's expected design, read through the design-file reader.
pub fn fixture_design(name: &str) -> Design {
    let path = fixtures_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    archplay::engine::share::design_file::from_json(&text)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// A fixture's committed `v1.` link.
pub fn fixture_link(name: &str) -> String {
    read_link(&format!("{name}.link"))
}

/// A fixture's committed `v2.` link.
pub fn fixture_link_v2(name: &str) -> String {
    read_link(&format!("{name}.v2.link"))
}

/// A fixture's committed `s1.` snapshot (the page's autosave form).
pub fn fixture_snapshot(name: &str) -> String {
    read_link(&format!("{name}.snapshot"))
}

/// A fixture's committed `s2.` snapshot of the first `s2.` writer (no prices).
pub fn fixture_snapshot_s2(name: &str) -> String {
    read_link(&format!("{name}.s2.snapshot"))
}

/// A fixture's committed `s2.` snapshot with the prices in its workload
/// section (what the page writes today).
pub fn fixture_snapshot_s2_prices(name: &str) -> String {
    read_link(&format!("{name}.s2-prices.snapshot"))
}

fn read_link(file: &str) -> String {
    let path = fixtures_dir().join(file);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
        .trim()
        .to_string()
}
