//! `compare`: two design files side by side as JSON (scores, rubric lines,
//! estimates, costs, structure; with `--simulate`, two runs with the same
//! seed and duration); `sweep`: one parameter over up to 64 points, one
//! seeded run per point on every core, as CSV.
//!
//! Both read their inputs through the one reader, set the seed and duration
//! through the attribute table as `simulate` does (`--seed`, `--duration`:
//! the same parser, range and message), and refuse a bad flag, key, range
//! or step count with a message on standard error and exit code 2. The
//! points of a sweep run on a rayon pool of `--threads` threads (default:
//! every core) and are printed in index order, so the CSV is the same
//! whatever the thread count.

use super::design_commands::{read_input, shown_path};
use super::Failure;
use archplay::engine::attributes::access::set_field;
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::attributes::number::parse_number;
use archplay::engine::compare::{compare as compare_designs, compare_runs};
use archplay::engine::model::Design;
use archplay::engine::quote::quote;
use archplay::engine::share::design_file;
use archplay::engine::sweep::csv::to_csv;
use archplay::engine::sweep::{check_runs, sweep_point, SweepPoint, SweepSpec};
use std::io::Write;

const COMPARE_USAGE: &str =
    "usage: archplay compare A.json B.json [--simulate [--seed N] [--duration SECONDS]]";

const SWEEP_USAGE: &str = "usage: archplay sweep DESIGN.json --param KEY --from X --to Y \
     --steps N [--seed N] [--duration SECONDS] [--threads N]";

/// The most threads `--threads` takes.
const MAX_THREADS: usize = 256;

/// Flags and positional arguments: every flag in `valued` takes the next
/// argument as its value, every flag in `switches` stands alone.
struct Parsed<'a> {
    positional: Vec<&'a String>,
    values: Vec<(&'static str, &'a String)>,
    switches: Vec<&'static str>,
}

impl Parsed<'_> {
    fn value(&self, flag: &str) -> Option<&String> {
        self.values
            .iter()
            .rev()
            .find(|(name, _)| *name == flag)
            .map(|(_, raw)| *raw)
    }
}

fn parse<'a>(
    args: &'a [String],
    valued: &[&'static str],
    switches: &[&'static str],
    usage: &str,
) -> Result<Parsed<'a>, Failure> {
    let mut parsed = Parsed {
        positional: Vec::new(),
        values: Vec::new(),
        switches: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        if let Some(flag) = switches.iter().find(|f| **f == arg) {
            parsed.switches.push(flag);
        } else if let Some(flag) = valued.iter().find(|f| **f == arg) {
            let raw = args
                .get(i + 1)
                .ok_or_else(|| Failure::Usage(format!("{flag} needs a value; {usage}")))?;
            parsed.values.push((flag, raw));
            i += 1;
        } else if arg.starts_with("--") {
            return Err(Failure::Usage(format!(
                "unknown flag `{}`; {usage}",
                quote(arg)
            )));
        } else {
            parsed.positional.push(arg);
        }
        i += 1;
    }
    Ok(parsed)
}

fn read_design_file(path: &str) -> Result<Design, Failure> {
    design_file::from_json(&read_input(path)?)
        .map_err(|error| Failure::Usage(format!("{}: {error}", shown_path(path))))
}

/// The seed and duration a run takes: `--seed` and `--duration` set on a
/// copy of `design` through the attribute table (as `simulate` sets them),
/// or the design's own.
fn run_settings(design: &Design, parsed: &Parsed) -> Result<(u64, f64), Failure> {
    let mut design = design.clone();
    for (flag, key) in [
        ("--seed", "simulation.seed"),
        ("--duration", "simulation.duration_s"),
    ] {
        if let Some(raw) = parsed.value(flag) {
            set_field(&mut design, FieldTarget::Design, key, raw).map_err(|error| {
                let setting = key.trim_start_matches("simulation.");
                Failure::Usage(format!(
                    "{flag} {}: bad setting `{setting}`: {error}",
                    quote(raw)
                ))
            })?;
        }
    }
    Ok((design.simulation.seed, design.simulation.duration_s))
}

fn print(text: &str) {
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = writeln!(std::io::stdout(), "{text}");
}

/// `archplay compare A.json B.json [--simulate [--seed N] [--duration SECONDS]]`
pub fn compare(args: &[String]) -> Result<(), Failure> {
    let parsed = parse(
        args,
        &["--seed", "--duration"],
        &["--simulate"],
        COMPARE_USAGE,
    )?;
    let [path_a, path_b] = parsed.positional.as_slice() else {
        return Err(Failure::Usage(format!(
            "`compare` takes two design files; {COMPARE_USAGE}"
        )));
    };
    let simulate = parsed.switches.contains(&"--simulate");
    if !simulate && !parsed.values.is_empty() {
        return Err(Failure::Usage(format!(
            "--seed and --duration set the runs of --simulate; {COMPARE_USAGE}"
        )));
    }
    let (a, b) = (read_design_file(path_a)?, read_design_file(path_b)?);
    let mut comparison = compare_designs(&a, &b);
    if simulate {
        let (seed, duration_s) = run_settings(&a, &parsed)?;
        let runs = compare_runs(&a, &b, seed, duration_s)
            .map_err(|error| Failure::Usage(error.to_string()))?;
        for (which, partial) in [("A", &runs.partial.a), ("B", &runs.partial.b)] {
            if let Some(partial) = partial {
                eprintln!("archplay: design {which}: {partial}");
            }
        }
        comparison.runs = Some(runs);
    }
    print(&serde_json::to_string_pretty(&comparison).unwrap_or_default());
    Ok(())
}

/// Parses the value of a number flag with the engine's number reader.
fn number(parsed: &Parsed, flag: &str) -> Result<f64, Failure> {
    let raw = parsed
        .value(flag)
        .ok_or_else(|| Failure::Usage(format!("{flag} is required; {SWEEP_USAGE}")))?;
    parse_number(raw.trim())
        .ok_or_else(|| Failure::Usage(format!("{flag} needs a number, not `{}`", quote(raw))))
}

/// A whole-number flag in `[min, max]`, or `default` when absent.
fn whole(
    parsed: &Parsed,
    flag: &str,
    default: Option<usize>,
    max: usize,
) -> Result<usize, Failure> {
    let Some(raw) = parsed.value(flag) else {
        return default.ok_or_else(|| Failure::Usage(format!("{flag} is required; {SWEEP_USAGE}")));
    };
    raw.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=max).contains(n) || flag == "--steps")
        .ok_or_else(|| {
            Failure::Usage(format!(
                "{flag} needs a whole number from 1 to {max}, not `{}`",
                quote(raw)
            ))
        })
}

/// `archplay sweep DESIGN.json --param KEY --from X --to Y --steps N [--seed N] [--duration SECONDS] [--threads N]`
pub fn sweep(args: &[String]) -> Result<(), Failure> {
    let parsed = parse(
        args,
        &[
            "--param",
            "--from",
            "--to",
            "--steps",
            "--seed",
            "--duration",
            "--threads",
        ],
        &[],
        SWEEP_USAGE,
    )?;
    let [path] = parsed.positional.as_slice() else {
        return Err(Failure::Usage(format!(
            "`sweep` takes one design file; {SWEEP_USAGE}"
        )));
    };
    let param = parsed
        .value("--param")
        .ok_or_else(|| Failure::Usage(format!("--param is required; {SWEEP_USAGE}")))?;
    let steps = whole(&parsed, "--steps", None, 64)?;
    let spec = SweepSpec {
        param: param.clone(),
        from: number(&parsed, "--from")?,
        to: number(&parsed, "--to")?,
        steps: u32::try_from(steps).unwrap_or(u32::MAX),
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = whole(&parsed, "--threads", Some(cores), MAX_THREADS)?;
    let design = read_design_file(path)?;
    let (seed, duration_s) = run_settings(&design, &parsed)?;
    // Every point is checked, and its run set up, before any runs.
    check_runs(&design, &spec, seed, duration_s)
        .map_err(|error| Failure::Usage(format!("sweep: {error}")))?;
    let points = run_sweep(&design, &spec, seed, duration_s, threads)?;
    for point in &points {
        if let Some(partial) = &point.partial {
            eprintln!("archplay: point {}: {partial}", point.index);
        }
    }
    let _ = write!(std::io::stdout(), "{}", to_csv(&spec.param, &points));
    Ok(())
}

/// Runs every point of `spec` on a pool of `threads` threads; the points
/// come back in index order whichever thread ran each.
#[cfg(not(target_arch = "wasm32"))]
pub fn run_sweep(
    design: &Design,
    spec: &SweepSpec,
    seed: u64,
    duration_s: f64,
    threads: usize,
) -> Result<Vec<SweepPoint>, Failure> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|error| Failure::Io(format!("cannot start {threads} threads: {error}")))?;
    pool.install(|| {
        (0..spec.steps)
            .into_par_iter()
            .map(|index| sweep_point(design, spec, index, seed, duration_s))
            .collect::<Result<Vec<SweepPoint>, _>>()
    })
    .map_err(|error| Failure::Usage(format!("sweep: {error}")))
}

/// The tool compiled for wasm32 (only ever linted, never run: the browser
/// has its own binaries) has no threads and no rayon: the points run one
/// after another.
#[cfg(target_arch = "wasm32")]
pub fn run_sweep(
    design: &Design,
    spec: &SweepSpec,
    seed: u64,
    duration_s: f64,
    _threads: usize,
) -> Result<Vec<SweepPoint>, Failure> {
    (0..spec.steps)
        .map(|index| sweep_point(design, spec, index, seed, duration_s))
        .collect::<Result<Vec<SweepPoint>, _>>()
        .map_err(|error| Failure::Usage(format!("sweep: {error}")))
}
