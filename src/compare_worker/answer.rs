//! What the Compare worker answers: the Compare module's
//! [`CompareRequest`]s, from the engine's comparison
//! (`archplay::engine::compare`), its compare links, templates, design files
//! and share links, so neither the page nor the Compare module links them.
//!
//! What must stay true: every request gets exactly one answer, an error in a
//! sentence (naming design A or B) when a design or link does not read or a
//! run cannot be made; comparisons are the engine's [`compare`] and
//! [`compare_runs`], the functions `archplay compare` uses.

use archplay::engine::compare::link::{decode_compare_link, encode_compare_link};
use archplay::engine::compare::marks::canvas_marks;
use archplay::engine::compare::{compare, compare_runs};
use archplay::engine::model::Design;
use archplay::engine::share::design_file::from_json;
use archplay::engine::share::{decode_link, decode_snapshot, encode_snapshot};
use archplay::engine::templates::{template, TEMPLATES};
use archplay::worker_protocol::compare::{CompareAnswer, CompareRequest, Compared};

/// The answer to `request`, or why there is none.
pub fn answer(request: CompareRequest) -> Result<CompareAnswer, String> {
    match request {
        CompareRequest::Compare { a, b } => {
            let (a, b) = pair(&a, &b)?;
            Ok(CompareAnswer::Compared(Box::new(compared(&a, &b))))
        }
        CompareRequest::Run {
            a,
            b,
            seed,
            duration_s,
        } => {
            let (a, b) = pair(&a, &b)?;
            compare_runs(&a, &b, seed, duration_s)
                .map(|runs| CompareAnswer::Ran(Box::new(runs)))
                .map_err(|error| error.to_string())
        }
        CompareRequest::Link { a, b } => {
            let (a, b) = pair(&a, &b)?;
            Ok(CompareAnswer::Text(encode_compare_link(&a, &b)))
        }
        CompareRequest::OpenCompareLink(text) => decode_compare_link(&text)
            .map(|(a, b)| CompareAnswer::Pair {
                a: encode_snapshot(&a),
                b: encode_snapshot(&b),
            })
            .map_err(|error| error.to_string()),
        CompareRequest::Template(name) => template(&name)
            .map(|design| design_answer(&design))
            .ok_or_else(|| format!("there is no template called `{name}`")),
        CompareRequest::OpenFile(text) => from_json(&text)
            .map(|design| design_answer(&design))
            .map_err(|error| error.to_string()),
        CompareRequest::OpenLink(text) => decode_link(&text)
            .map(|design| design_answer(&design))
            .map_err(|error| error.to_string()),
        CompareRequest::Templates => Ok(CompareAnswer::Names(
            TEMPLATES.iter().map(|info| info.name.to_string()).collect(),
        )),
    }
}

fn design_answer(design: &Design) -> CompareAnswer {
    CompareAnswer::Design {
        snapshot: encode_snapshot(design),
        name: design.name.clone(),
    }
}

fn pair(a: &str, b: &str) -> Result<(Design, Design), String> {
    let a = decode_snapshot(a).map_err(|error| format!("design A does not read: {error}"))?;
    let b = decode_snapshot(b).map_err(|error| format!("design B does not read: {error}"))?;
    Ok((a, b))
}

/// The comparison of `a` with `b` and the ids of B the canvas marks.
pub fn compared(a: &Design, b: &Design) -> Compared {
    let comparison = compare(a, b);
    let marks = canvas_marks(&comparison, b);
    Compared {
        comparison,
        marks,
        seed: b.simulation.seed,
        duration_s: b.simulation.duration_s,
    }
}
