//! What a running simulation shows on each component's box: a utilisation
//! bar coloured by how busy it is, and the queue length and replica count.
//!
//! What must stay true: the overlay sits inside the node's `<g>` as
//! `data-testid="node-sim"` with `data-utilisation` (0 to 1), `data-queue`
//! and `data-replicas`, only while a run has reported on this component; it
//! never takes pointer events, so dragging and connecting work as before. It
//! is SVG markup in one slot element, the cheapest view for the bundle.

use super::use_sim_state;
use crate::engine::model::ComponentId;
use crate::engine::sim::live::protocol::ComponentLive;
use crate::ui::canvas::geometry::{NODE_HEIGHT, NODE_WIDTH};
use leptos::prelude::*;

/// How busy a utilisation looks: `low`, `mid` or `high`.
pub fn load_band(utilisation: f64) -> &'static str {
    if utilisation >= 0.85 {
        "high"
    } else if utilisation >= 0.6 {
        "mid"
    } else {
        "low"
    }
}

/// The overlay's text: utilisation, queue and replicas.
pub fn overlay_text(live: &ComponentLive) -> String {
    format!(
        "{:.0}% busy · {} queued · ×{}",
        live.utilisation * 100.0,
        live.queue,
        live.replicas
    )
}

/// The overlay of one component, as SVG markup: a `node-sim` group with the
/// figures as data attributes, a utilisation bar and a line of text.
pub fn overlay_markup(live: &ComponentLive) -> String {
    let left = -NODE_WIDTH / 2.0;
    let top = NODE_HEIGHT / 2.0 + 4.0;
    format!(
        "<g class=\"ap-node-sim ap-node-sim--{}\" data-testid=\"node-sim\" data-utilisation=\"{:.4}\" data-queue=\"{}\" data-replicas=\"{}\">\
         <rect class=\"ap-node-sim__track\" x=\"{left}\" y=\"{top}\" width=\"{NODE_WIDTH}\" height=\"5\" rx=\"2.5\"/>\
         <rect class=\"ap-node-sim__fill\" x=\"{left}\" y=\"{top}\" width=\"{:.1}\" height=\"5\" rx=\"2.5\"/>\
         <text class=\"ap-node-sim__text\" x=\"{left}\" y=\"{}\">{}</text></g>",
        load_band(live.utilisation),
        live.utilisation,
        live.queue,
        live.replicas,
        NODE_WIDTH * live.utilisation.clamp(0.0, 1.0),
        top + 16.0,
        overlay_text(live)
    )
}

/// The simulation overlay of the component `id`: empty until a run reports on it.
#[component]
pub fn NodeSim(
    /// The component shown.
    id: ComponentId,
) -> impl IntoView {
    let sim = use_sim_state();
    let markup = Signal::derive(move || {
        sim.data.with(|data| {
            data.components
                .iter()
                .find(|c| c.id == id.0)
                .map(overlay_markup)
                .unwrap_or_default()
        })
    });
    view! { <g class="ap-node-sim-slot" pointer-events="none" inner_html=markup></g> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_text_follow_the_figures() {
        assert_eq!(load_band(0.2), "low");
        assert_eq!(load_band(0.6), "mid");
        assert_eq!(load_band(0.9), "high");
        let live = ComponentLive {
            id: 1,
            utilisation: 0.724,
            queue: 3,
            replicas: 2,
        };
        assert_eq!(overlay_text(&live), "72% busy · 3 queued · ×2");
        let markup = overlay_markup(&live);
        assert!(markup.starts_with("<g class=\"ap-node-sim ap-node-sim--mid\" data-testid=\"node-sim\" data-utilisation=\"0.7240\" data-queue=\"3\" data-replicas=\"2\">"));
    }
}
