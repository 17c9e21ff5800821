//! The time charts of a run as SVG components: throughput, error rate,
//! latency percentiles, replicas per autoscaled service, cache hit rate, and
//! bus channel depth with dropped events. Before a run they show the design's
//! empty charts, so that nothing moves when a run starts.
//!
//! What must stay true: every chart is `data-testid="chart-<name>"` with its
//! unit in a `text.ap-chart__unit`, one `path` per legend entry (an empty
//! `d` before a run) and its legend in `chart-legend`. The layout comes from
//! [`super::chart_data`]; this file only renders it.

use super::chart_data::{ChartKind, ChartLayout, HEIGHT, WIDTH};
use super::{use_panel_state, PanelState};
use leptos::prelude::*;

/// The layout of chart `kind`: the current run's, or before a run the design's empty one.
fn current_layout(sim: PanelState, kind: ChartKind) -> ChartLayout {
    sim.run_design.with(|run_design| match run_design {
        Some(run_design) => {
            let clock = sim.clock.get();
            let duration_s = if clock.duration_s > 0.0 {
                clock.duration_s.max(clock.time_s)
            } else {
                run_design.simulation.duration_s
            };
            sim.points
                .with(|points| ChartLayout::of_run(kind, points, duration_s, run_design))
        }
        None => sim.canvas_design.with(|design| match design {
            Some(design) => ChartLayout::of_run(kind, &[], design.simulation.duration_s, design),
            None => ChartLayout::new(kind, 0.0, &[]),
        }),
    })
}

/// Every chart, in panel order.
#[component]
pub fn TimeCharts() -> impl IntoView {
    let sim = use_panel_state();
    let charts = ChartKind::ALL.map(|kind| {
        let layout = Memo::new(move |_| current_layout(sim, kind));
        view! { <TimeChart kind layout /> }
    });
    view! { <div class="ap-sim__charts">{charts}</div> }
}

/// One chart: caption, plot and legend.
#[component]
fn TimeChart(
    /// What the chart shows.
    kind: ChartKind,
    /// Its layout, which follows the run.
    layout: Memo<ChartLayout>,
) -> impl IntoView {
    let caption = format!("{} ({})", kind.title(), kind.unit());
    let label = format!("{} over simulated time", kind.title());
    view! {
        <figure class="ap-chart" data-testid=format!("chart-{}", kind.slug())>
            <figcaption class="ap-chart__title">{caption}</figcaption>
            <svg class="ap-chart__svg" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
                {move || layout.with(plot)}
            </svg>
            <ul class="ap-chart__legend" data-testid="chart-legend">
                {move || layout.with(legend)}
            </ul>
        </figure>
    }
}

/// The class of the `index`-th line and its legend key (four colours, in turn).
fn series_class(base: &str, index: usize) -> String {
    format!("{base} ap-series-{}", index % 4)
}

/// Grid, ticks, axes, units, lines and, with no point, a note saying why.
fn plot(layout: &ChartLayout) -> impl IntoView {
    let (left, right, top, bottom) = (
        layout.area.left,
        layout.right(),
        layout.area.top,
        layout.bottom(),
    );
    let tick_x = left - 4.0;
    let y_ticks = layout
        .y_ticks
        .iter()
        .map(|tick| {
            view! {
                <line class="ap-chart__grid" x1=left x2=right y1=tick.at y2=tick.at />
                <text class="ap-chart__tick" x=tick_x y=tick.at + 3.0 text-anchor="end">{tick.label.clone()}</text>
            }
        })
        .collect_view();
    let x_ticks = layout
        .x_ticks
        .iter()
        .map(|tick| {
            view! {
                <text class="ap-chart__tick" x=tick.at y=bottom + 12.0 text-anchor="middle">{tick.label.clone()}</text>
            }
        })
        .collect_view();
    let lines = layout
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            view! { <path class=series_class("ap-chart__line", index) d=line.path.clone() /> }
        })
        .collect_view();
    let empty_note = layout.empty.then(|| {
        view! {
            <text class="ap-chart__empty" x=left + layout.area.width / 2.0 y=top + layout.area.height / 2.0 text-anchor="middle">
                {layout.kind.empty_note()}
            </text>
        }
    });
    view! {
        {y_ticks}
        {x_ticks}
        <line class="ap-chart__axis" x1=left x2=left y1=top y2=bottom />
        <line class="ap-chart__axis" x1=left x2=right y1=bottom y2=bottom />
        <text class="ap-chart__unit" x=right y=HEIGHT - 3.0 text-anchor="end">"simulated time (s)"</text>
        <text class="ap-chart__unit" x=tick_x y="10" text-anchor="end">{layout.kind.unit()}</text>
        {lines}
        {empty_note}
    }
}

/// One legend entry per line.
fn legend(layout: &ChartLayout) -> impl IntoView {
    layout
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            view! { <li class=series_class("ap-chart__key", index)>{line.label.clone()}</li> }
        })
        .collect_view()
}
