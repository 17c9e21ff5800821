//! The Sweep module: a Leptos root in its own wasm (the `archplay-sweep`
//! binary, `src/sweep.rs`), which the page loads on the first Sweep click
//! and mounts into its Sweep column. Choose one parameter of the design and
//! a range of up to 64 points; each point is one seeded run on a pool of
//! Web Workers (`src/sweep_worker.rs`), drawn against the parameter with the
//! analytic estimate's curve and the design's targets, listed in a table and
//! downloadable as the CLI's CSV.
//!
//! Layout: [`state`] is the module's `Copy` handle and its intents; [`pool`]
//! its workers; [`run`], [`metric`] and [`chart_layout`] are pure logic with
//! unit tests; [`form`], [`chart`] and [`table`] render.
//!
//! What must stay true: the module never changes the design; it reaches the
//! page only through the host ([`crate::module_bridge::Host`]); the
//! simulator runs in its workers, not in this module; the page links none
//! of it.

pub mod chart;
pub mod chart_layout;
pub mod form;
pub mod metric;
pub mod pool;
pub mod run;
pub mod state;
pub mod table;

use crate::module_bridge::Host;
use leptos::prelude::*;
use state::{use_sweep_state, SweepState, SweepStatus};
use web_sys::HtmlElement;

/// Mounts the Sweep view into `element`, over the page's `host`, for the life of the page.
pub fn mount(element: HtmlElement, host: Host) {
    let handle = leptos::mount::mount_to(element, move || {
        let sweep = SweepState::new(host.clone());
        provide_context(sweep);
        host.subscribe(move || sweep.design_changed());
        sweep.describe();
        view! { <SweepView /> }
    });
    handle.forget();
}

/// The Sweep view: the form, progress, charts and table.
#[component]
pub fn SweepView() -> impl IntoView {
    let sweep = use_sweep_state();
    let has_points = move || sweep.run.with(|run| run.done() > 0);
    view! {
        <section class="ap-sweep" aria-labelledby="sweep-title">
            <h2 id="sweep-title" class="ap-sweep__title">"Sweep"</h2>
            <p class="ap-sweep__intro">
                "Step one parameter of this design over a range; every point is one seeded run of the design with the parameter at that value."
            </p>
            <form::SweepFormView />
            <Progress />
            <Show when=move || sweep.stale.get()>
                <p class="ap-sweep__stale" role="status" data-testid="sweep-stale">
                    "The design changed since this sweep ran: these points are of the earlier design. Run the sweep again to see this one."
                </p>
            </Show>
            <Show when=has_points>
                <chart::SweepCharts />
                <table::SweepTable />
            </Show>
        </section>
    }
}

/// The progress bar (points done out of all) and where the sweep stands.
#[component]
fn Progress() -> impl IntoView {
    let sweep = use_sweep_state();
    let done = move || sweep.run.with(|run| run.done());
    let total = move || sweep.run.with(|run| run.total());
    let words = move || match sweep.status.get() {
        SweepStatus::Idle => String::new(),
        SweepStatus::Preparing => "Checking the sweep…".to_string(),
        SweepStatus::Running => format!("Running: {} of {} points done", done(), total()),
        SweepStatus::Done => format!("Done: {} points", total()),
        SweepStatus::Cancelled => format!("Cancelled: {} of {} points done", done(), total()),
        SweepStatus::Failed(problem) => format!("Stopped: {problem}"),
    };
    view! {
        <div class="ap-sweep__progress">
            <progress
                data-testid="sweep-progress"
                aria-label="Points done"
                max=move || total().max(1)
                value=done
                data-done=done
                data-total=total
            ></progress>
            <p role="status" data-testid="sweep-status" data-status=move || status_slug(&sweep.status.get())>
                {words}
            </p>
        </div>
    }
}

fn status_slug(status: &SweepStatus) -> &'static str {
    match status {
        SweepStatus::Idle => "idle",
        SweepStatus::Preparing => "preparing",
        SweepStatus::Running => "running",
        SweepStatus::Done => "done",
        SweepStatus::Cancelled => "cancelled",
        SweepStatus::Failed(_) => "failed",
    }
}
