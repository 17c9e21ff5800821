//! `simulate`: runs the discrete-event simulator on a design file and prints
//! its summary as JSON; `score --simulate` runs it the same way and prints
//! the scorecard reconciled with that run.
//!
//! The run's settings start from the design's own simulation settings; a
//! `--options` file (a JSON object in the form of the design file's
//! `simulation` section, every key optional) overlays them key by key, then
//! `--seed`, `--duration` and `--warmup` set single settings. Both go through
//! the attribute table: its parser and ranges for the flags, its validator
//! (`check_settings`) for the file, so the command line accepts exactly what
//! the inspector accepts. A key the settings do not have is refused by name. `--max-events` sets the run's event budget (default
//! `limits::DEFAULT_EVENT_BUDGET`); a run that spends it stops there and its
//! summary's `partial` says so.

use super::design_commands::{read_input, read_input_within, shown_path};
use super::Failure;
use archplay::engine::attributes::access::set_field;
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::attributes::simulation_fields::check_settings;
use archplay::engine::model::{Design, SimulationSettings};
use archplay::engine::quote::quote;
use archplay::engine::score::report::{cost_report, report_for};
use archplay::engine::share::design_file;
use archplay::engine::sim::limits::DEFAULT_EVENT_BUDGET;
use archplay::engine::sim::score::{simulated_scorecard, SimulatedPerformance};
use archplay::engine::sim::verdict::run_verdict;
use archplay::engine::sim::Simulation;
use std::io::Write;

const SCORE_SIMULATE_USAGE: &str =
    "usage: archplay score DESIGN.json --simulate [--seed N] [--duration SECONDS] [--warmup SECONDS] [--options OPTIONS.json] [--max-events N]";

const SIMULATE_USAGE: &str =
    "usage: archplay simulate DESIGN.json [--seed N] [--duration SECONDS] [--warmup SECONDS] [--options OPTIONS.json] [--max-events N]";

/// Largest `--options` file read: simulation settings are a few hundred bytes,
/// and a long faults text stays far below this.
const MAX_OPTIONS_BYTES: usize = 64 * 1024;

/// Parses the value after a flag.
fn value<T: std::str::FromStr>(flag: &str, raw: Option<&String>, what: &str) -> Result<T, Failure> {
    let raw = raw.ok_or_else(|| Failure::Usage(format!("{flag} needs {what}")))?;
    raw.parse()
        .map_err(|_| Failure::Usage(format!("{flag} needs {what}, not `{}`", quote(raw))))
}

/// The flags that set one simulation setting, with the table key each sets.
const SETTING_FLAGS: [(&str, &str); 3] = [
    ("--seed", "simulation.seed"),
    ("--duration", "simulation.duration_s"),
    ("--warmup", "simulation.warmup_s"),
];

/// `settings` with every key of the JSON object `text` put in place of its
/// own (the keys and values of the design file's `simulation` section); the
/// problem, in words, when `text` is not such an object.
fn overlay(settings: &SimulationSettings, text: &str) -> Result<SimulationSettings, String> {
    let given: serde_json::Value =
        serde_json::from_str(text).map_err(|error| design_file::json_error_message(&error))?;
    let serde_json::Value::Object(given) = given else {
        return Err("expected a JSON object of settings, such as {\"duration_s\": 30}".into());
    };
    let mut merged = serde_json::to_value(settings).map_err(|error| error.to_string())?;
    let Some(fields) = merged.as_object_mut() else {
        return Err("the design's settings are not an object".into());
    };
    for (key, value) in given {
        match fields.get_mut(&key) {
            Some(slot) => *slot = value,
            None => return Err(format!("unknown setting `{}`", quote(&key))),
        }
    }
    serde_json::from_value(merged).map_err(|error| design_file::json_error_message(&error))
}

/// What the flags of `simulate` (and `score --simulate`) chose.
struct RunArgs<'a> {
    /// The design file.
    path: &'a String,
    /// Single settings: (flag, table key, raw value).
    settings: Vec<(&'a str, &'static str, &'a String)>,
    /// A `--options` file.
    options_path: Option<&'a String>,
    /// The run's event budget.
    max_events: u64,
}

/// Parses `args`; `usage` ends every message about a bad flag.
fn parse_run_args<'a>(args: &'a [String], usage: &str) -> Result<RunArgs<'a>, Failure> {
    let mut path: Option<&String> = None;
    let mut settings = Vec::new();
    let mut options_path: Option<&String> = None;
    let mut max_events = DEFAULT_EVENT_BUDGET;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let next = args.get(i + 1);
        match arg.as_str() {
            "--max-events" => max_events = value(arg, next, "a whole number")?,
            "--options" => {
                options_path =
                    Some(next.ok_or_else(|| Failure::Usage("--options needs a file".into()))?)
            }
            flag if flag.starts_with("--") => {
                let Some((flag, key)) = SETTING_FLAGS.iter().find(|(name, _)| *name == flag) else {
                    return Err(Failure::Usage(format!(
                        "unknown flag `{}`; {usage}",
                        quote(flag)
                    )));
                };
                let raw = next.ok_or_else(|| Failure::Usage(format!("{flag} needs a value")))?;
                settings.push((*flag, *key, raw));
            }
            _ if path.is_none() => {
                path = Some(arg);
                i += 1;
                continue;
            }
            extra => {
                return Err(Failure::Usage(format!(
                    "unexpected argument `{}`; {usage}",
                    quote(extra)
                )))
            }
        }
        i += 2;
    }
    let path = path.ok_or_else(|| Failure::Usage(usage.to_string()))?;
    Ok(RunArgs {
        path,
        settings,
        options_path,
        max_events,
    })
}

/// Reads the design and applies the options file and single settings, then
/// runs it to its end (or its event budget).
fn run_design(run: &RunArgs) -> Result<(Design, Simulation), Failure> {
    let path = run.path;
    let mut design = design_file::from_json(&read_input(path)?)
        .map_err(|error| Failure::Usage(format!("{}: {error}", shown_path(path))))?;
    if let Some(file) = run.options_path {
        let text = read_input_within(file, MAX_OPTIONS_BYTES)?;
        design.simulation = overlay(&design.simulation, &text).map_err(|problem| {
            Failure::Usage(format!(
                "{}: not valid simulation settings: {problem}",
                shown_path(file)
            ))
        })?;
        check_settings(&design)
            .map_err(|error| Failure::Usage(format!("{}: {error}", shown_path(file))))?;
    }
    for (flag, key, raw) in &run.settings {
        set_field(&mut design, FieldTarget::Design, key, raw).map_err(|error| {
            let setting = key.trim_start_matches("simulation.");
            Failure::Usage(format!(
                "{flag} {}: bad setting `{setting}`: {error}",
                quote(raw)
            ))
        })?;
    }
    let mut simulation = Simulation::with_event_budget(&design, run.max_events)
        .map_err(|error| Failure::Usage(error.to_string()))?;
    simulation.run();
    if let Some(partial) = simulation.summary().partial {
        eprintln!("archplay: {partial}");
    }
    Ok((design, simulation))
}

/// `archplay simulate DESIGN.json [flags]`
pub fn simulate(args: &[String]) -> Result<(), Failure> {
    let run = parse_run_args(args, SIMULATE_USAGE)?;
    let (_, simulation) = run_design(&run)?;
    let text = serde_json::to_string_pretty(&simulation.summary()).unwrap_or_default();
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = writeln!(std::io::stdout(), "{text}");
    Ok(())
}

/// `archplay score DESIGN.json --simulate [--seed N] [--duration SECONDS] ...`:
/// runs the design, then prints the scorecard reconciled with that run (the
/// one the page shows after it) with the run's state and findings under `run`.
pub fn score_simulated(args: &[String]) -> Result<(), Failure> {
    let run = parse_run_args(args, SCORE_SIMULATE_USAGE)?;
    let (design, simulation) = run_design(&run)?;
    let summary = simulation.summary();
    let performance = SimulatedPerformance::from_summary(&summary);
    let scorecard = simulated_scorecard(&design, &performance);
    let mut value = report_for(&scorecard, &design.targets);
    let verdict = run_verdict(&performance, &design);
    if let Some(object) = value.as_object_mut() {
        object.insert("cost".into(), cost_report(&design));
        object.insert(
            "run".into(),
            serde_json::json!({
                "seed": performance.seed,
                "duration_s": performance.simulated_s,
                "state": verdict.state,
                "headline": verdict.headline,
                "findings": verdict.findings,
                "glossary": verdict.glossary,
                "cost": summary.cost,
            }),
        );
    }
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    let _ = writeln!(std::io::stdout(), "{text}");
    Ok(())
}
