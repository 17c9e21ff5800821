//! `link`, `open` and `export`: a design into a share link and back, and out
//! as Mermaid, Kubernetes autoscalers or SVG.

use super::design_commands::{read_design, read_input};
use super::Failure;
use archplay::engine::quote::quote;
use archplay::engine::share::design_file;
use archplay::engine::{export, share};

/// `archplay link DESIGN.json`: prints the link fragment (without `#`).
pub fn link(args: &[String]) -> Result<(), Failure> {
    let design = read_design(args, "link")?;
    println!("{}", share::encode_link(&design));
    Ok(())
}

/// `archplay open LINK`: prints the design file the link holds. LINK may be a
/// fragment, a fragment with `#`, a whole URL, a snapshot (`s1.`, what the
/// app autosaves in the browser's local storage), or `-` to read it from
/// standard input.
pub fn open(args: &[String]) -> Result<(), Failure> {
    let [link] = args else {
        return Err(Failure::Usage("`open` takes one link, e.g. `archplay open 'v2.eNp...'` (or `-` to read it from standard input)".into()));
    };
    let text = if link == "-" {
        read_input("-")?
    } else {
        link.clone()
    };
    let design = if share::is_snapshot(&text) {
        share::decode_snapshot(&text).map_err(|error| Failure::Usage(error.to_string()))?
    } else {
        share::decode_link(&text).map_err(|error| Failure::Usage(error.to_string()))?
    };
    println!("{}", design_file::to_json(&design));
    Ok(())
}

/// `archplay export mermaid|hpa|svg DESIGN.json`
pub fn export(args: &[String]) -> Result<(), Failure> {
    let usage = || {
        Failure::Usage("`export` takes a format and a design file: `archplay export mermaid|hpa|svg DESIGN.json`".into())
    };
    let [format_name, rest @ ..] = args else {
        return Err(usage());
    };
    if !matches!(format_name.as_str(), "mermaid" | "hpa" | "svg") {
        return Err(Failure::Usage(format!(
            "unknown export format `{}`; try mermaid, hpa or svg",
            quote(format_name)
        )));
    }
    if rest.len() != 1 {
        return Err(usage());
    }
    let design = read_design(rest, "export")?;
    match format_name.as_str() {
        "mermaid" => print!("{}", export::to_mermaid(&design)),
        "svg" => print!("{}", export::to_svg(&design)),
        _ => {
            let manifests = export::to_hpa_manifests(&design);
            if manifests.is_empty() {
                println!("# no service in this design has autoscaling enabled");
            }
            let documents: Vec<String> = manifests.into_iter().map(|(_, yaml)| yaml).collect();
            print!("{}", documents.join("---\n"));
        }
    }
    Ok(())
}
