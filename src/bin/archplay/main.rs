//! `archplay`: the command-line tool over the engine, for scripts, teachers
//! and benchmarks.
//!
//! Every subcommand prints JSON (or a design file) on standard output and a
//! one-line message naming the problem on standard error, with exit code 2
//! for bad input and 1 for a failed read (or, for `exercise check`, a
//! failing check).

mod design_commands;
mod exercise_commands;
mod share_commands;
mod sim_commands;

use std::process::ExitCode;

const USAGE: &str = "usage:
  archplay score DESIGN.json          print facts, targets, the six scores, the rubric and the analytic
                                      estimate (answered rate, capacity, mean/p95/p99, each cache's hit
                                      ratio derived from its TTL) as JSON
  archplay score DESIGN.json --simulate [--seed N] [--duration SECONDS]
                                      run the design, then print the scorecard reconciled with
                                      that run (as the page shows it) and the run's state under `run`
  archplay template NAME              print a template as a design file
  archplay template --list            list the templates
  archplay validate DESIGN.json       check a design file; prints `ok` or the problems
  archplay link DESIGN.json           print the share-link fragment (after `#`) for a design
  archplay open LINK                  print the design a share link holds (LINK may be a URL, an autosaved snapshot, or `-`)
  archplay export mermaid|hpa|svg DESIGN.json
                                      print a Mermaid flowchart, Kubernetes HPA manifests or an SVG
  archplay simulate DESIGN.json [--seed N] [--duration SECONDS] [--warmup SECONDS] [--options OPTIONS.json] [--max-events N]
                                      run the discrete-event simulator; print its summary as JSON
                                      (--max-events: the run's event budget, default 100000000;
                                      a run that spends it stops and its summary says `partial`)
  archplay exercise list              list the graded exercises (id, section, title)
  archplay exercise start ID          print the exercise's starting design file
  archplay exercise check ID DESIGN.json
                                      grade a design: JSON with every check (id, label, measured,
                                      required, passed); exit 0 when all pass, 1 when any fails
(use `-` as DESIGN.json to read standard input)";

/// What went wrong, and with which exit code.
pub enum Failure {
    /// Bad arguments or bad input: exit 2.
    Usage(String),
    /// The input could not be read: exit 1.
    Io(String),
    /// The command ran and found the design wanting (an exercise check): exit 1.
    ChecksFailed(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("score") => design_commands::score(&args[1..]),
        Some("template") => design_commands::template(&args[1..]),
        Some("validate") => design_commands::validate(&args[1..]),
        Some("link") => share_commands::link(&args[1..]),
        Some("open") => share_commands::open(&args[1..]),
        Some("export") => share_commands::export(&args[1..]),
        Some("simulate") => sim_commands::simulate(&args[1..]),
        Some("exercise") => exercise_commands::exercise(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::Usage(format!(
            "unknown command `{}`\n{USAGE}",
            archplay::engine::quote::quote(other)
        ))),
        None => Err(Failure::Usage(USAGE.to_string())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("archplay: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Io(message) | Failure::ChecksFailed(message)) => {
            eprintln!("archplay: {message}");
            ExitCode::from(1)
        }
    }
}
