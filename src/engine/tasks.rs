//! The jobs the page hands to its worker so that the main bundle need not
//! carry their code: opening a share link or a design file, and writing a
//! link, a design file or an export, and building a template. Designs travel both ways as snapshots
//! ([`encode_snapshot`]), which the page reads and writes itself.
//!
//! What must stay true: [`run`] is the only way a task is done, in the worker
//! and in the native tests alike; it never panics, and its answer for a design
//! is exactly what the engine function it stands for returns (a failure is the
//! same message that function's error gives).

use crate::engine::export::{to_hpa_document, to_mermaid, to_svg};
use crate::engine::share::design_file::{read_file, to_json_with_milestones};
use crate::engine::share::milestones::{merge, read_stored, to_stored};
use crate::engine::share::{decode_link, decode_snapshot, encode_link, encode_snapshot};
use crate::engine::templates::template;
use serde::{Deserialize, Serialize};

/// A job for the worker. The text is a snapshot unless the variant says otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Open a share link (a bare fragment, a fragment with `#`, or a whole URL); answers a snapshot.
    OpenLink(String),
    /// Build the template of this name; answers a snapshot.
    Template(String),
    /// The share-link fragment of the design (without `#`).
    Link(String),
    /// The design file, pretty-printed as `archplay` writes it, with the
    /// user's milestones in it.
    DesignFile {
        /// The design, as a snapshot.
        design: String,
        /// The milestones as the browser stores them (empty for none); text
        /// that does not read is left out of the file (the Milestones view
        /// tells the user about it, and it stays where it is).
        milestones: String,
    },
    /// Open a design file's text and merge its milestones into the stored
    /// ones: answers the snapshot, then, when the file holds milestones and
    /// the stored text reads, a line break and the merged stored text
    /// ([`split_import_answer`]).
    OpenFile {
        /// The file's text.
        file: String,
        /// The milestones as the browser stores them (empty for none).
        milestones: String,
    },
    /// The standalone SVG picture.
    Svg(String),
    /// The Mermaid flowchart.
    Mermaid(String),
    /// Every HorizontalPodAutoscaler manifest as one YAML stream; empty when no service autoscales.
    Hpa(String),
}

/// Does `task`: the answer text, or why it could not be done, in a sentence.
pub fn run(task: &Task) -> Result<String, String> {
    match task {
        Task::OpenLink(link) => decode_link(link)
            .map(|design| encode_snapshot(&design))
            .map_err(|error| error.to_string()),
        Task::Template(name) => template(name)
            .map(|design| encode_snapshot(&design))
            .ok_or_else(|| format!("there is no template called `{name}`")),
        Task::Link(snapshot) => write(snapshot, encode_link),
        Task::DesignFile { design, milestones } => {
            let milestones = read_stored(milestones).unwrap_or_default();
            write(design, |design| {
                to_json_with_milestones(design, &milestones)
            })
        }
        Task::OpenFile { file, milestones } => open_file(file, milestones),
        Task::Svg(snapshot) => write(snapshot, to_svg),
        Task::Mermaid(snapshot) => write(snapshot, to_mermaid),
        Task::Hpa(snapshot) => write(snapshot, |design| {
            to_hpa_document(design).unwrap_or_default()
        }),
    }
}

fn write(
    snapshot: &str,
    writer: impl FnOnce(&crate::engine::model::Design) -> String,
) -> Result<String, String> {
    decode_snapshot(snapshot)
        .map(|design| writer(&design))
        .map_err(|error| error.to_string())
}

/// Opens a design file and merges its milestones into the stored ones (see
/// [`Task::OpenFile`]); stored text that does not read is left as it is.
fn open_file(file: &str, stored: &str) -> Result<String, String> {
    let (design, incoming) = read_file(file).map_err(|error| error.to_string())?;
    let snapshot = encode_snapshot(&design);
    if incoming.is_empty() {
        return Ok(snapshot);
    }
    match read_stored(stored) {
        Ok(kept) => Ok(format!("{snapshot}\n{}", to_stored(&merge(kept, incoming)))),
        Err(_) => Ok(snapshot),
    }
}

/// The two parts of a [`Task::OpenFile`] answer: the snapshot, and the
/// milestones text to store when there is one. (A snapshot never holds a
/// line break: it is base64 after its prefix.)
pub fn split_import_answer(answer: &str) -> (&str, Option<&str>) {
    match answer.split_once('\n') {
        Some((snapshot, milestones)) => (snapshot, Some(milestones)),
        None => (answer, None),
    }
}
