//! The notice that a run is of an earlier design, with Run again: over the
//! canvas (the page's, `ui::sim::overlay`) and in the Simulate panel (the
//! panel module's, `ui::sim_panel::panel`), one component for both places.
//!
//! What must stay true: the notice shows only while `outdated` holds; its
//! test ids and look follow its [`NoticePlace`]; the text is
//! [`OUTDATED_TEXT`].

use crate::ui::state::freshness::OUTDATED_TEXT;
use leptos::prelude::*;

/// Where an outdated-run notice stands, which names its test ids and look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticePlace {
    /// In the Simulate panel: `sim-outdated`, `sim-run-again`.
    Panel,
    /// Over the canvas: `sim-outdated-canvas`, `sim-run-again-canvas`.
    Canvas,
}

impl NoticePlace {
    /// The notice's test id, its Run again button's, and its class.
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            NoticePlace::Panel => ("sim-outdated", "sim-run-again", "ap-outdated"),
            NoticePlace::Canvas => (
                "sim-outdated-canvas",
                "sim-run-again-canvas",
                "ap-outdated ap-outdated--canvas",
            ),
        }
    }
}

/// While the run is outdated: what that means, and Run again.
#[component]
pub fn OutdatedNotice(
    /// Where the notice stands.
    place: NoticePlace,
    /// Whether the run is of an earlier design.
    outdated: Signal<bool>,
    /// Forgets the run and runs the design as it is now.
    run_again: Callback<()>,
) -> impl IntoView {
    let (notice_id, button_id, class) = place.names();
    view! {
        {move || outdated.get().then(|| view! {
            <div class=class data-testid=notice_id role="status">
                <span>{OUTDATED_TEXT}</span>
                <button type="button" class="ap-button ap-button--primary" data-testid=button_id on:click=move |_| run_again.run(())>
                    "Run again"
                </button>
            </div>
        })}
    }
}
