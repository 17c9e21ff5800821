//! `simulate`: runs the discrete-event simulator on a design file and prints
//! its summary as JSON.
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
use archplay::engine::model::SimulationSettings;
use archplay::engine::quote::quote;
use archplay::engine::share::design_file;
use archplay::engine::sim::limits::DEFAULT_EVENT_BUDGET;
use archplay::engine::sim::Simulation;
use std::io::Write;

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

/// `archplay simulate DESIGN.json [flags]`
pub fn simulate(args: &[String]) -> Result<(), Failure> {
    let mut path: Option<&String> = None;
    let mut settings: Vec<(&str, &'static str, &String)> = Vec::new();
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
                        "unknown flag `{}`; {SIMULATE_USAGE}",
                        quote(flag)
                    )));
                };
                let raw = next.ok_or_else(|| Failure::Usage(format!("{flag} needs a value")))?;
                settings.push((flag, key, raw));
            }
            _ if path.is_none() => {
                path = Some(arg);
                i += 1;
                continue;
            }
            extra => {
                return Err(Failure::Usage(format!(
                    "unexpected argument `{}`; {SIMULATE_USAGE}",
                    quote(extra)
                )))
            }
        }
        i += 2;
    }
    let path = path.ok_or_else(|| Failure::Usage(SIMULATE_USAGE.to_string()))?;
    let mut design = design_file::from_json(&read_input(path)?)
        .map_err(|error| Failure::Usage(format!("{}: {error}", shown_path(path))))?;
    if let Some(file) = options_path {
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
    for (flag, key, raw) in settings {
        set_field(&mut design, FieldTarget::Design, key, raw).map_err(|error| {
            let setting = key.trim_start_matches("simulation.");
            Failure::Usage(format!(
                "{flag} {}: bad setting `{setting}`: {error}",
                quote(raw)
            ))
        })?;
    }
    let mut simulation = Simulation::with_event_budget(&design, max_events)
        .map_err(|error| Failure::Usage(error.to_string()))?;
    simulation.run();
    if let Some(partial) = simulation.summary().partial {
        eprintln!("archplay: {partial}");
    }
    let text = serde_json::to_string_pretty(&simulation.summary()).unwrap_or_default();
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = writeln!(std::io::stdout(), "{text}");
    Ok(())
}
