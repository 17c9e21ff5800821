//! Taking a design out of Archplay: a Mermaid flowchart for documents,
//! Kubernetes HorizontalPodAutoscaler manifests for the services that
//! autoscale, and a standalone SVG of the canvas (the browser turns it into a
//! PNG).
//!
//! What must stay true: exports never fail and never panic, even for a design
//! that did not pass validation; every user-typed text is escaped for the
//! format it lands in, so a name can never break out of its label.

mod hpa;
mod mermaid;
mod svg;

pub use hpa::{dns_name, to_hpa_manifests};
pub use mermaid::to_mermaid;
pub use svg::to_svg;

use super::model::Design;

/// Every HPA manifest of `design` as one YAML stream (documents separated by
/// `---`), or `None` when no service autoscales.
pub fn to_hpa_document(design: &Design) -> Option<String> {
    let manifests = to_hpa_manifests(design);
    if manifests.is_empty() {
        return None;
    }
    let documents: Vec<String> = manifests.into_iter().map(|(_, yaml)| yaml).collect();
    Some(documents.join("---\n"))
}
