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
use crate::engine::share::design_file::{from_json, to_json};
use crate::engine::share::{decode_link, decode_snapshot, encode_link, encode_snapshot};
use crate::engine::templates::template;
use serde::{Deserialize, Serialize};

/// A job for the worker. The text is a snapshot unless the variant says otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Open a share link (a bare fragment, a fragment with `#`, or a whole URL); answers a snapshot.
    OpenLink(String),
    /// Open a design file's text; answers a snapshot.
    OpenFile(String),
    /// Build the template of this name; answers a snapshot.
    Template(String),
    /// The share-link fragment of the design (without `#`).
    Link(String),
    /// The design file, pretty-printed as `archplay` writes it.
    DesignFile(String),
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
        Task::OpenFile(text) => from_json(text)
            .map(|design| encode_snapshot(&design))
            .map_err(|error| error.to_string()),
        Task::Template(name) => template(name)
            .map(|design| encode_snapshot(&design))
            .ok_or_else(|| format!("there is no template called `{name}`")),
        Task::Link(snapshot) => write(snapshot, encode_link),
        Task::DesignFile(snapshot) => write(snapshot, to_json),
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
