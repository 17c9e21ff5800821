//! The design's monthly cost beside the scores: the total, and one line per
//! component when opened.
//!
//! What must stay true: thin. Every figure and word comes from
//! [`crate::engine::cost`] (recomputed from the design on every edit); it is
//! not a score. Test ids: `cost` (the section), `cost-total`, `cost-line`.

use crate::engine::cost::{monthly_cost, usd, COST_SOURCE};
use crate::ui::state::use_app_state;
use leptos::prelude::*;

/// The monthly cost, with its breakdown per component in a disclosure.
#[component]
pub fn CostSummary() -> impl IntoView {
    let design = use_app_state().design();
    let report = Memo::new(move |_| design.with(monthly_cost));
    let total = move || report.with(|r| format!("${} / month", usd(r.total_usd_per_month)));
    let lines = move || {
        report.with(|r| {
            r.lines
                .iter()
                .map(|line| {
                    let text = format!("${} {}", usd(line.usd_per_month), line.what);
                    view! { <li data-testid="cost-line">{text}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="ap-estimate ap-cost" data-testid="cost">
            <h3 class="ap-estimate__title">"Monthly cost " <span data-testid="cost-total">{total}</span></h3>
            <p class="ap-estimate__source">{COST_SOURCE}</p>
            <details>
                <summary>"Per component"</summary>
                <ul class="ap-estimate__caches">{lines}</ul>
            </details>
        </section>
    }
}
