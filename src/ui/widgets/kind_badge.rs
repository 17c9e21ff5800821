//! A component kind's badge: a two-letter abbreviation on the kind's colour,
//! used by the palette and the inspector header.
//!
//! What must stay true: every kind has a distinct abbreviation, and colours
//! come from the stylesheet (`ap-kind-<slug>`), never from Rust.

use crate::engine::model::ComponentKind;
use leptos::prelude::*;

/// Two letters that name a kind at a glance.
pub fn kind_abbreviation(kind: ComponentKind) -> &'static str {
    match kind {
        ComponentKind::Client => "CL",
        ComponentKind::ApiGateway => "GW",
        ComponentKind::LoadBalancer => "LB",
        ComponentKind::Service => "SV",
        ComponentKind::Database => "DB",
        ComponentKind::Cache => "CA",
        ComponentKind::EventBus => "EB",
        ComponentKind::EventStore => "ES",
        ComponentKind::ServiceRegistry => "SR",
        ComponentKind::Monitoring => "MO",
        ComponentKind::AuthProvider => "AU",
    }
}

/// The badge of `kind`; decorative, so hidden from assistive technology.
#[component]
pub fn KindBadge(
    /// The kind shown.
    kind: ComponentKind,
) -> impl IntoView {
    view! {
        <span class=format!("ap-badge ap-kind-{}", kind.slug()) aria-hidden="true">
            {kind_abbreviation(kind)}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_abbreviation() {
        let mut seen: Vec<&str> = ComponentKind::ALL
            .iter()
            .map(|kind| kind_abbreviation(*kind))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), ComponentKind::ALL.len());
    }
}
