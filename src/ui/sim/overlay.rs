//! What a running simulation shows on each component's box: a utilisation
//! bar coloured by how busy it is, and the queue length and replica count.
//!
//! What must stay true: the overlay sits inside the node's `<g>` as
//! `data-testid="node-sim"` with `data-utilisation` (0 to 1), `data-queue`
//! and `data-replicas`, only while a run of the design on the canvas has
//! reported on this component (never figures of an outdated run, see
//! [`crate::ui::state::freshness`]); it never takes pointer events, so
//! dragging and connecting work as before. While the run is outdated the
//! canvas says so once ([`CanvasOutdatedNotice`], `sim-outdated-canvas`) with a
//! Run again button (`sim-run-again-canvas`).

use super::use_sim_state;
use crate::engine::model::ComponentId;
use crate::engine::sim::live::progress::ComponentLive;
use crate::ui::canvas::geometry::{NODE_HEIGHT, NODE_WIDTH};
use crate::ui::state::freshness::RunFreshness;
use crate::ui::widgets::outdated::{NoticePlace, OutdatedNotice};
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

/// The simulation overlay of the component `id`: nothing until a run reports on it.
#[component]
pub fn NodeSim(
    /// The component shown.
    id: ComponentId,
) -> impl IntoView {
    let sim = use_sim_state();
    let live = Memo::new(move |_| {
        if !sim.freshness().shows_figures() {
            return None;
        }
        sim.components
            .with(|components| components.iter().find(|c| c.id == id).cloned())
    });
    move || live.get().map(|live| view! { <NodeSimFigures live /> })
}

/// A component's figures: a utilisation bar and a line of text, with the
/// figures as data attributes.
#[component]
fn NodeSimFigures(
    /// What the component is doing now.
    live: ComponentLive,
) -> impl IntoView {
    let left = -NODE_WIDTH / 2.0;
    let top = NODE_HEIGHT / 2.0 + 4.0;
    view! {
        <g
            class=format!("ap-node-sim ap-node-sim--{}", load_band(live.utilisation))
            data-testid="node-sim"
            data-utilisation=format!("{:.4}", live.utilisation)
            data-queue=live.queue
            data-replicas=live.replicas
            pointer-events="none"
        >
            <rect class="ap-node-sim__track" x=left y=top width=NODE_WIDTH height="5" rx="2.5" />
            <rect class="ap-node-sim__fill" x=left y=top width=NODE_WIDTH * live.utilisation.clamp(0.0, 1.0) height="5" rx="2.5" />
            <text class="ap-node-sim__text" x=left y=top + 16.0>{overlay_text(&live)}</text>
        </g>
    }
}

/// While the run is outdated, the canvas says so with Run again.
#[component]
pub fn CanvasOutdatedNotice() -> impl IntoView {
    let sim = use_sim_state();
    view! {
        <OutdatedNotice
            place=NoticePlace::Canvas
            outdated=Signal::derive(move || sim.freshness() == RunFreshness::Outdated)
            run_again=Callback::new(move |()| sim.run_again())
        />
    }
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
            id: ComponentId(1),
            utilisation: 0.724,
            queue: 3,
            replicas: 2,
        };
        assert_eq!(overlay_text(&live), "72% busy · 3 queued · ×2");
    }
}
