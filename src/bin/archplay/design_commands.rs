//! `score`, `template` and `validate`.

use super::Failure;
use archplay::engine::score::report;
use archplay::engine::share::design_file;
use archplay::engine::templates;
use std::io::Read;

/// Reads a whole file, or standard input for `-`.
pub fn read_input(path: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let outcome = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut file| file.read_to_string(&mut text))
            .map(|_| ())
    };
    outcome.map_err(|error| Failure::Io(format!("cannot read {path}: {error}")))?;
    Ok(text)
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
    design_file::from_json(&text).map_err(|error| Failure::Usage(format!("{path}: {error}")))
}

/// `archplay score DESIGN.json`
pub fn score(args: &[String]) -> Result<(), Failure> {
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
                    "no template named `{name}`; try one of: {}",
                    names.join(", ")
                ))
            })?;
            println!("{}", design_file::to_json(&design));
            Ok(())
        }
        _ => Err(Failure::Usage("`template` takes a name or --list".into())),
    }
}
