//! `score`, `template` and `validate`, and the one reader every command
//! takes its input through.
//!
//! What must stay true: no input is read past [`MAX_INPUT_BYTES`] plus one
//! byte, and a path or name repeated in a message is escaped and cut.

use super::Failure;
use archplay::engine::quote::{quote, quote_within};
use archplay::engine::score::report;
use archplay::engine::share::design_file;
use archplay::engine::templates;
use std::io::Read;

/// The most bytes the tool reads from any one input (a design file, a link
/// or snapshot on standard input, an options file): the design file's limit.
pub const MAX_INPUT_BYTES: usize = design_file::MAX_FILE_BYTES;

/// Longest file path repeated in a message, in bytes.
const SHOWN_PATH_BYTES: usize = 120;

/// A path as a message shows it: escaped and cut so the message stays one line.
pub fn shown_path(path: &str) -> String {
    quote_within(path, SHOWN_PATH_BYTES)
}

/// Reads a file, or standard input for `-`, of at most [`MAX_INPUT_BYTES`].
pub fn read_input(path: &str) -> Result<String, Failure> {
    read_input_within(path, MAX_INPUT_BYTES)
}

/// Reads a file, or standard input for `-`, refusing it once it passes
/// `limit` bytes: reading stops at `limit + 1` bytes, so memory follows the
/// limit and never the input (`open - < /dev/zero` ends).
pub fn read_input_within(path: &str, limit: usize) -> Result<String, Failure> {
    let shown = shown_path(path);
    let cannot_read = |error: std::io::Error| Failure::Io(format!("cannot read {shown}: {error}"));
    let source: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(cannot_read)?)
    };
    let mut bytes = Vec::new();
    let wanted = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    source
        .take(wanted)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() > limit {
        return Err(Failure::Usage(format!(
            "{shown}: more than {limit} bytes ({}), the most archplay reads from one input; it stopped reading there",
            in_units(limit)
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| Failure::Io(format!("cannot read {shown}: it is not UTF-8 text")))
}

/// `bytes` in KiB or MiB when it is a whole number of them.
fn in_units(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Reads and validates a design file.
pub fn read_design(
    args: &[String],
    command: &str,
) -> Result<archplay::engine::model::Design, Failure> {
    let [path] = args else {
        return Err(Failure::Usage(format!(
            "`{command}` takes one design file, e.g. `archplay {command} shop.json`"
        )));
    };
    let text = read_input(path)?;
    design_file::from_json(&text)
        .map_err(|error| Failure::Usage(format!("{}: {error}", shown_path(path))))
}

/// `archplay score DESIGN.json`, or with `--simulate` the scorecard
/// reconciled with a run of the design.
pub fn score(args: &[String]) -> Result<(), Failure> {
    if args.iter().any(|arg| arg == "--simulate") {
        let rest: Vec<String> = args
            .iter()
            .filter(|a| *a != "--simulate")
            .cloned()
            .collect();
        return super::sim_commands::score_simulated(&rest);
    }
    let design = read_design(args, "score")?;
    let value = report::score_report(&design);
    println!(
        "{}",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    );
    Ok(())
}

/// `archplay validate DESIGN.json`
pub fn validate(args: &[String]) -> Result<(), Failure> {
    read_design(args, "validate")?;
    println!("ok");
    Ok(())
}

/// `archplay template NAME` and `archplay template --list`
pub fn template(args: &[String]) -> Result<(), Failure> {
    match args {
        [flag] if flag == "--list" => {
            for info in templates::TEMPLATES {
                println!("{:<18} {}", info.name, info.summary);
            }
            Ok(())
        }
        [name] => {
            let design = templates::template(name).ok_or_else(|| {
                let names: Vec<&str> = templates::TEMPLATES.iter().map(|t| t.name).collect();
                Failure::Usage(format!(
                    "no template named `{}`; try one of: {}",
                    quote(name),
                    names.join(", ")
                ))
            })?;
            println!("{}", design_file::to_json(&design));
            Ok(())
        }
        _ => Err(Failure::Usage("`template` takes a name or --list".into())),
    }
}
