//! The structural differences of design B from design A as a list (the
//! design's own attributes, components added, removed and changed,
//! connections added, removed and changed), each of B's components a button
//! that reveals it on the canvas; and the two runs side by side.
//!
//! What must stay true: these only render what the comparison and the runs
//! hold; a removed component is not on the canvas, so it is not a button.

use super::format::{difference, direction, figure, percent};
use super::state::use_compare_state;
use crate::engine::compare::{Comparison, Delta, RunComparison};
use leptos::prelude::*;

/// A component of B by name, as a button that reveals it.
fn reveal_button(name: String) -> impl IntoView {
    let compare = use_compare_state();
    let target = name.clone();
    view! {
        <button type="button" class="ap-compare__name" data-testid="compare-reveal" on:click=move |_| compare.reveal(&target)>
            {name}
        </button>
    }
}

fn item(kind: &'static str, content: impl IntoView) -> impl IntoView {
    view! { <li data-testid="compare-change" data-kind=kind>{content}</li> }
}

/// Every structural difference of B from A.
#[component]
pub fn ChangesList(
    /// The comparison shown.
    comparison: Comparison,
) -> impl IntoView {
    let Comparison {
        design,
        components,
        connections,
        ..
    } = comparison;
    let mut items: Vec<AnyView> = Vec::new();
    for change in design {
        items.push(
            item(
                "design",
                format!(
                    "design {}: {} \u{2192} {}",
                    change.attribute, change.from, change.to
                ),
            )
            .into_any(),
        );
    }
    for added in components.added {
        items.push(
            item(
                "added",
                view! { "added " {reveal_button(added.name)} {format!(" ({})", added.kind)} },
            )
            .into_any(),
        );
    }
    for removed in components.removed {
        items.push(
            item(
                "removed",
                format!("removed {} ({})", removed.name, removed.kind),
            )
            .into_any(),
        );
    }
    for change in components.changed {
        let name = change.component.unwrap_or_default();
        let what = format!(
            " {}: {} \u{2192} {}",
            change.attribute, change.from, change.to
        );
        items.push(item("changed", view! { "changed " {reveal_button(name)} {what} }).into_any());
    }
    for added in connections.added {
        items.push(item("connection-added", view! { "connected " {reveal_button(added.from)} " \u{2192} " {reveal_button(added.to)} }).into_any());
    }
    for removed in connections.removed {
        items.push(
            item(
                "connection-removed",
                format!("disconnected {} \u{2192} {}", removed.from, removed.to),
            )
            .into_any(),
        );
    }
    for change in connections.changed {
        let what = format!(
            " {}: {} \u{2192} {}",
            change.attribute, change.from, change.to
        );
        items.push(item("connection-changed", view! { "changed " {reveal_button(change.connection.from)} " \u{2192} " {reveal_button(change.connection.to)} {what} }).into_any());
    }
    let empty = items.is_empty();
    view! {
        <section class="ap-compare__changes" aria-label="What changed from A to B">
            <h3>"What changed from A to B (from the two designs)"</h3>
            {empty.then(|| view! { <p data-testid="compare-no-changes">"The two designs are the same."</p> })}
            <ul data-testid="compare-changes">{items}</ul>
        </section>
    }
}

fn run_row(label: &'static str, slug: String, delta: Delta) -> impl IntoView {
    view! {
        <tr data-testid=format!("compare-run-{slug}") data-direction=direction(&delta)>
            <th scope="row">{label}</th>
            <td data-testid="run-a">{figure(delta.a)}</td>
            <td data-testid="run-b">{figure(delta.b)}</td>
            <td data-testid="delta">{difference(&delta)}</td>
        </tr>
    }
}

/// What the two runs measured, side by side.
#[component]
pub fn RunsTable(
    /// The runs shown.
    runs: RunComparison,
) -> impl IntoView {
    let bottleneck = |b: Option<crate::engine::compare::runs::RunBottleneck>| {
        b.map_or_else(
            || "\u{2014}".to_string(),
            |b| format!("{} ({} busy)", b.name, percent(b.utilisation)),
        )
    };
    let causes = runs
        .failures_by_cause
        .into_iter()
        .map(|cause| {
            let slug = format!("failed-{}", cause.cause);
            view! {
                <tr data-testid=format!("compare-run-{slug}")>
                    <th scope="row">{format!("failed: {}", cause.cause)}</th>
                    <td>{figure(cause.failed.a)}</td>
                    <td>{figure(cause.failed.b)}</td>
                    <td>{difference(&cause.failed)}</td>
                </tr>
            }
        })
        .collect_view();
    let partial = [
        runs.partial.a.map(|p| format!("A: {p}")),
        runs.partial.b.map(|p| format!("B: {p}")),
    ]
    .into_iter()
    .flatten()
    .map(|text| view! { <p class="ap-compare__warning">{text}</p> })
    .collect_view();
    view! {
        <table class="ap-compare__table" data-testid="compare-runs" data-seed=runs.seed.to_string()>
            <caption>{format!("Runs: {}", runs.source)}</caption>
            <thead>
                <tr><th scope="col">"Figure"</th><th scope="col">"A"</th><th scope="col">"B"</th><th scope="col">"B − A"</th></tr>
            </thead>
            <tbody>
                {run_row("p50, ms", "p50".into(), runs.p50_ms)}
                {run_row("p95, ms", "p95".into(), runs.p95_ms)}
                {run_row("p99, ms", "p99".into(), runs.p99_ms)}
                {run_row("throughput, requests/s", "throughput".into(), runs.throughput_rps)}
                {run_row("failed requests", "failed".into(), runs.failed)}
                {causes}
                <tr data-testid="compare-run-bottleneck">
                    <th scope="row">"busiest component"</th>
                    <td>{bottleneck(runs.bottleneck.a)}</td>
                    <td>{bottleneck(runs.bottleneck.b)}</td>
                    <td></td>
                </tr>
            </tbody>
        </table>
        {partial}
    }
}
