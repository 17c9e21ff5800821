//! `simulate`: runs the discrete-event simulator on a design file and prints
//! its summary as JSON.
//!
//! The run's options start from the design's own simulation settings, then a
//! `--options` file (a JSON `SimulationOptions`, every field optional) replaces
//! them, then `--seed`, `--duration` and `--warmup` override single values.
//! `--max-events` sets the run's event budget (default
//! `limits::DEFAULT_EVENT_BUDGET`); a run that spends it stops there and its
//! summary's `partial` says so.

use super::design_commands::read_input;
use super::Failure;
use archplay::engine::share::design_file;
use archplay::engine::sim::limits::DEFAULT_EVENT_BUDGET;
use archplay::engine::sim::{Simulation, SimulationOptions};
use std::io::Write;

const SIMULATE_USAGE: &str =
    "usage: archplay simulate DESIGN.json [--seed N] [--duration SECONDS] [--warmup SECONDS] [--options OPTIONS.json] [--max-events N]";

/// Parses the value after a flag.
fn value<T: std::str::FromStr>(flag: &str, raw: Option<&String>, what: &str) -> Result<T, Failure> {
    let raw = raw.ok_or_else(|| Failure::Usage(format!("{flag} needs {what}")))?;
    raw.parse()
        .map_err(|_| Failure::Usage(format!("{flag} needs {what}, not `{raw}`")))
}

/// `archplay simulate DESIGN.json [flags]`
pub fn simulate(args: &[String]) -> Result<(), Failure> {
    let mut path: Option<&String> = None;
    let mut seed: Option<u64> = None;
    let mut duration: Option<f64> = None;
    let mut warmup: Option<f64> = None;
    let mut options_path: Option<&String> = None;
    let mut max_events = DEFAULT_EVENT_BUDGET;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let next = args.get(i + 1);
        match arg.as_str() {
            "--seed" => seed = Some(value(arg, next, "a whole number")?),
            "--duration" => duration = Some(value(arg, next, "a number of seconds")?),
            "--warmup" => warmup = Some(value(arg, next, "a number of seconds")?),
            "--max-events" => max_events = value(arg, next, "a whole number")?,
            "--options" => {
                options_path =
                    Some(next.ok_or_else(|| Failure::Usage("--options needs a file".into()))?)
            }
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!(
                    "unknown flag `{flag}`; {SIMULATE_USAGE}"
                )))
            }
            _ if path.is_none() => {
                path = Some(arg);
                i += 1;
                continue;
            }
            extra => {
                return Err(Failure::Usage(format!(
                    "unexpected argument `{extra}`; {SIMULATE_USAGE}"
                )))
            }
        }
        i += 2;
    }
    let path = path.ok_or_else(|| Failure::Usage(SIMULATE_USAGE.to_string()))?;
    let design = design_file::from_json(&read_input(path)?)
        .map_err(|error| Failure::Usage(format!("{path}: {error}")))?;
    let mut options = match options_path {
        Some(file) => {
            serde_json::from_str::<SimulationOptions>(&read_input(file)?).map_err(|error| {
                Failure::Usage(format!("{file}: not valid simulation options: {error}"))
            })?
        }
        None => SimulationOptions::from_settings(
            &design.simulation,
            design.workload.requests_per_second,
        ),
    };
    if let Some(seed) = seed {
        options.seed = seed;
    }
    if let Some(duration) = duration {
        options.duration_s = duration;
    }
    if let Some(warmup) = warmup {
        options.warmup_s = warmup;
    }
    let mut simulation = Simulation::with_event_budget(&design, &options, max_events)
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
