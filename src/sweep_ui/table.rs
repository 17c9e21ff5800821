//! The table of a sweep's points (the charts' accessible alternative) and
//! "Download CSV", which writes exactly `engine::sweep::csv::to_csv` of the
//! points, the text `archplay sweep` prints.

use super::chart_layout::tick_label;
use super::state::use_sweep_state;
use crate::engine::sweep::csv::to_csv;
use crate::ui::download::download_text;
use leptos::prelude::*;

fn ms(value: f64) -> String {
    format!("{value:.1}")
}

fn optional_ms(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), ms)
}

/// The points, one row each, and the CSV download.
#[component]
pub fn SweepTable() -> impl IntoView {
    let sweep = use_sweep_state();
    let param = move || {
        sweep
            .setup
            .with(|s| s.as_ref().map(|s| s.spec.param.clone()).unwrap_or_default())
    };
    let complete = move || sweep.run.with(|run| run.complete());
    let download = move |_| {
        let Some(setup) = sweep.setup.get_untracked() else {
            return;
        };
        let text = sweep
            .run
            .with_untracked(|run| to_csv(&setup.spec.param, &run.done_points()));
        if download_text("sweep.csv", &text, "text/csv").is_err() {
            sweep.status.set(super::state::SweepStatus::Failed(
                "the browser refused the download".to_string(),
            ));
        }
    };
    let rows = move || {
        sweep
            .run
            .with(|run| run.done_points())
            .into_iter()
            .map(|p| {
                view! {
                    <tr data-testid="sweep-row" data-index=p.index>
                        <td>{tick_label(p.value)}</td>
                        <td>{ms(p.p50_ms)}</td>
                        <td>{ms(p.p95_ms)}</td>
                        <td>{ms(p.p99_ms)}</td>
                        <td>{format!("{:.1}", p.throughput_rps)}</td>
                        <td>{format!("{:.2}", p.error_share * 100.0)}</td>
                        <td>{format!("{:.0}", p.cost_usd_per_month)}</td>
                        <td>{optional_ms(p.estimate.p99_ms)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="ap-sweep__table-wrap" tabindex="0" role="region" aria-label="Sweep points">
            <table class="ap-sweep__table" data-testid="sweep-table">
                <caption>"Points: each row is a run of the design with the parameter at its value; the last column is the analytic estimate at that value."</caption>
                <thead>
                    <tr>
                        <th scope="col">{param}</th>
                        <th scope="col">"p50 (ms)"</th>
                        <th scope="col">"p95 (ms)"</th>
                        <th scope="col">"p99 (ms)"</th>
                        <th scope="col">"Throughput (req/s)"</th>
                        <th scope="col">"Errors (%)"</th>
                        <th scope="col">"Cost (USD/month)"</th>
                        <th scope="col">"Estimate p99 (ms)"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <button type="button" class="ap-button" data-testid="sweep-download" disabled=move || !complete() on:click=download>
            "Download CSV"
        </button>
    }
}
