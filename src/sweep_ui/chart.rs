//! The sweep's charts: the chosen metrics against the parameter, one SVG per
//! unit (response times together), the runs as markers, the analytic
//! estimate as a curve over them and the design's targets as horizontal
//! lines, each labelled with where it comes from; the table
//! ([`super::table`]) is their accessible alternative.

use super::chart_layout::{tick_label, ticks, ChartFrame, BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH};
use super::metric::Metric;
use super::state::use_sweep_state;
use leptos::prelude::*;

/// The metric picker and one chart per group of chosen metrics.
#[component]
pub fn SweepCharts() -> impl IntoView {
    let sweep = use_sweep_state();
    let components = move || {
        sweep
            .run
            .with(|run| {
                run.points.iter().flatten().next().map(|p| {
                    p.utilisation
                        .iter()
                        .map(|c| c.name.clone())
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    };
    let groups = move || {
        let chosen = sweep.metrics.get();
        let latency: Vec<Metric> = chosen
            .iter()
            .filter(|m| m.unit() == "ms")
            .cloned()
            .collect();
        let mut groups = Vec::new();
        if !latency.is_empty() {
            groups.push(("Response time".to_string(), latency));
        }
        groups.extend(
            chosen
                .into_iter()
                .filter(|m| m.unit() != "ms")
                .map(|m| (m.label(), vec![m])),
        );
        groups
    };
    let toggle = move |metric: Metric, on: bool| {
        sweep.metrics.update(|chosen| {
            chosen.retain(|m| *m != metric);
            if on {
                chosen.push(metric);
            }
        })
    };
    let fixed = [
        Metric::P50,
        Metric::P95,
        Metric::P99,
        Metric::Throughput,
        Metric::ErrorShare,
        Metric::Cost,
    ];
    view! {
        <fieldset class="ap-sweep__metrics">
            <legend>"Show"</legend>
            {fixed.into_iter().map(|metric| {
                let checked = { let metric = metric.clone(); move || sweep.metrics.with(|c| c.contains(&metric)) };
                let slug = metric.slug();
                let label = metric.label();
                view! {
                    <label class="ap-sweep__check">
                        <input type="checkbox" data-testid=format!("sweep-metric-{slug}") prop:checked=checked
                            on:change=move |ev| toggle(metric.clone(), event_target_checked(&ev)) />
                        {label}
                    </label>
                }
            }).collect_view()}
            <label class="ap-sweep__check">
                "Utilisation of "
                <select data-testid="sweep-metric-utilisation" on:change=move |ev| {
                    let name = event_target_value(&ev);
                    sweep.metrics.update(|c| c.retain(|m| !matches!(m, Metric::Utilisation(_))));
                    if !name.is_empty() { toggle(Metric::Utilisation(name), true) }
                }>
                    <option value="">"(none)"</option>
                    {move || components().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                </select>
            </label>
        </fieldset>
        <Sources />
        {move || groups().into_iter().map(|(title, metrics)| view! { <Chart title metrics /> }).collect_view()}
    }
}

/// Where each mark of the charts comes from.
#[component]
fn Sources() -> impl IntoView {
    let sweep = use_sweep_state();
    move || {
        sweep.setup.get().map(|setup| view! {
        <ul class="ap-sweep__sources" data-testid="sweep-sources">
            <li><span class="ap-sweep__key ap-sweep__key--run" aria-hidden="true">"●"</span>
                {format!(" markers: a run of the design with {} at x (seed {}, {} s simulated)", setup.spec.param, setup.seed, setup.duration_s)}</li>
            <li><span class="ap-sweep__key ap-sweep__key--estimate" aria-hidden="true">"—"</span>
                " curve: the analytic estimate (M/M/c queues) of the design at x; none where it has no figure (the median, error share) or the design is saturated"</li>
            <li><span class="ap-sweep__key ap-sweep__key--target" aria-hidden="true">"- -"</span>
                " line: the design's target"</li>
        </ul>
    })
    }
}

/// One chart of `metrics` (sharing a unit) against the parameter.
#[component]
fn Chart(
    /// The chart's title.
    title: String,
    /// The metrics it draws.
    metrics: Vec<Metric>,
) -> impl IntoView {
    let sweep = use_sweep_state();
    let unit = metrics[0].unit();
    let slug = metrics
        .iter()
        .map(Metric::slug)
        .collect::<Vec<_>>()
        .join("-");
    let param = move || {
        sweep
            .setup
            .with(|s| s.as_ref().map(|s| s.spec.param.clone()).unwrap_or_default())
    };
    let title_id = format!("sweep-chart-title-{slug}");
    let desc_id = format!("sweep-chart-desc-{slug}");
    let legend = metrics
        .iter()
        .enumerate()
        .map(|(series, m)| {
            view! {
                <span class=format!("ap-sweep__legend ap-sweep__series-{series}")>{m.label()}</span>
            }
        })
        .collect_view();
    let description = format!(
        "{} in {unit} against the swept parameter: markers are runs, the curve is the analytic estimate, the dashed line the design's target. The table below lists the same points.",
        metrics.iter().map(Metric::label).collect::<Vec<_>>().join(", ")
    );
    let labelled_by = format!("{title_id} {desc_id}");
    let body = move || {
        let run = sweep.run.get();
        let curve = sweep.curve.get();
        let targets = sweep.sheet.with(|s| s.as_ref().map(|s| s.targets.clone()));
        let points = run.done_points();
        let mut xs: Vec<f64> = run.values.clone();
        xs.extend(curve.iter().map(|s| s.value));
        let run_ys: Vec<f64> = metrics
            .iter()
            .flat_map(|m| points.iter().filter_map(|p| m.run_value(p)))
            .collect();
        let target = targets.as_ref().and_then(|t| metrics[0].target(t));
        let mut ys = run_ys.clone();
        ys.extend(target.as_ref().map(|t| t.value));
        if run_ys.is_empty() {
            ys.extend(
                metrics
                    .iter()
                    .flat_map(|m| curve.iter().filter_map(|s| m.estimate_value(s))),
            );
        }
        let frame = ChartFrame::fit(&xs, &ys);
        let x_ticks = ticks(frame.x.0, frame.x.1);
        let y_ticks = ticks(frame.y.0, frame.y.1);
        let base = HEIGHT - BOTTOM;
        view! {
            <line class="ap-sweep__axis" x1=LEFT y1=base x2=WIDTH - RIGHT y2=base />
            <line class="ap-sweep__axis" x1=LEFT y1=TOP x2=LEFT y2=base />
            {x_ticks.into_iter().map(|x| { let (px, _) = frame.to_px(x, 0.0); view! {
                <text class="ap-sweep__tick" x=px y=base + 14.0 text-anchor="middle">{tick_label(x)}</text>
            }}).collect_view()}
            {y_ticks.into_iter().map(|y| { let (_, py) = frame.to_px(frame.x.0, y); view! {
                <line class="ap-sweep__grid" x1=LEFT y1=py x2=WIDTH - RIGHT y2=py />
                <text class="ap-sweep__tick" x=LEFT - 4.0 y=py + 4.0 text-anchor="end">{tick_label(y)}</text>
            }}).collect_view()}
            {target.map(|t| { let (_, py) = frame.to_px(frame.x.0, t.value); view! {
                <line class="ap-sweep__target" data-testid="sweep-target" x1=LEFT y1=py x2=WIDTH - RIGHT y2=py>
                    <title>{t.label.clone()}</title>
                </line>
                <text class="ap-sweep__target-label" x=WIDTH - RIGHT - 2.0 y=py - 4.0 text-anchor="end">{t.label}</text>
            }})}
            {metrics.iter().enumerate().map(|(series, metric)| {
                let line: Vec<(f64, Option<f64>)> = curve.iter().map(|s| (s.value, metric.estimate_value(s))).collect();
                let path = frame.path(&line);
                let markers = points.iter().filter_map(|p| Some((p.index, p.value, metric.run_value(p)?))).map(|(index, x, y)| {
                    let (px, py) = frame.to_px(x, y.min(frame.y.1));
                    view! {
                        <circle class=format!("ap-sweep__marker ap-sweep__series-{series}") data-testid="sweep-point"
                            data-metric=metric.slug() data-index=index cx=px cy=py r="3.5">
                            <title>{format!("{}: {} {} at {}", metric.label(), tick_label(y), metric.unit(), tick_label(x))}</title>
                        </circle>
                    }
                }).collect_view();
                view! {
                    <path class=format!("ap-sweep__curve ap-sweep__series-{series}") data-testid="sweep-curve"
                        data-metric=metric.slug() d=path />
                    {markers}
                }
            }).collect_view()}
        }
    };
    view! {
        <figure class="ap-sweep__chart" data-testid=format!("sweep-chart-{slug}")>
            <figcaption>{format!("{title} ({unit})")} " " {legend}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=labelled_by>
                <title id=title_id>{format!("{title} ({unit})")}</title>
                <desc id=desc_id>{description}</desc>
                {body}
                <text class="ap-sweep__tick" x=(LEFT + WIDTH - RIGHT) / 2.0 y=HEIGHT - 4.0 text-anchor="middle">{param}</text>
            </svg>
        </figure>
    }
}
