//! The side-by-side tables of the Compare view: the six scores and overall,
//! every rubric line, both analytic estimates and both monthly costs, each
//! with A, B and B less A, and a caption saying where its figures come from.
//!
//! What must stay true: these only render a [`Comparison`]; every figure is
//! one of its fields, formatted by [`super::format`].

use super::format::{difference, direction, figure};
use crate::engine::compare::{Comparison, Delta, LineSide};
use leptos::prelude::*;

/// One row of A, B and the difference.
fn delta_row(label: String, testid: String, delta: Delta) -> impl IntoView {
    view! {
        <tr data-testid=testid data-direction=direction(&delta)>
            <th scope="row">{label}</th>
            <td>{figure(delta.a)}</td>
            <td>{figure(delta.b)}</td>
            <td data-testid="delta">{difference(&delta)}</td>
        </tr>
    }
}

fn head() -> impl IntoView {
    view! {
        <thead>
            <tr><th scope="col">"Figure"</th><th scope="col">"A"</th><th scope="col">"B"</th><th scope="col">"B − A"</th></tr>
        </thead>
    }
}

/// The scores, 0 to 100, of both scorecards.
#[component]
pub fn ScoreTable(
    /// The comparison shown.
    comparison: Comparison,
) -> impl IntoView {
    let rows = comparison
        .scores
        .into_iter()
        .map(|score| {
            let testid = format!("compare-score-{}", score.score);
            delta_row(score.score, testid, score.points)
        })
        .collect_view();
    view! {
        <table class="ap-compare__table" data-testid="compare-scores">
            <caption>"Scores (points of 100), from each design's scorecard"</caption>
            {head()}
            <tbody>{rows}</tbody>
        </table>
    }
}

fn side(line: &LineSide) -> String {
    let verdict = if line.passed { "pass" } else { "fail" };
    format!(
        "{verdict}, {} pts, {}",
        figure(Some(line.points)),
        line.words
    )
}

/// Every rubric line in both designs, with both reasons.
#[component]
pub fn RubricTable(
    /// The comparison shown.
    comparison: Comparison,
) -> impl IntoView {
    let rows = comparison
        .rubric
        .into_iter()
        .map(|line| {
            let testid = format!("compare-line-{}-{}", line.attribute.slug(), line.fact);
            let delta = Delta::of(Some(line.a.points), Some(line.b.points));
            let verdict = format!("{:?}", line.verdict);
            view! {
                <tr data-testid=testid data-direction=direction(&delta) data-verdict=verdict>
                    <th scope="row">{format!("{}: {}", line.attribute.label(), line.check)}</th>
                    <td title=line.a.reason.clone()>{side(&line.a)}<br /><small>{line.a.reason.clone()}</small></td>
                    <td title=line.b.reason.clone()>{side(&line.b)}<br /><small>{line.b.reason.clone()}</small></td>
                    <td data-testid="delta">{difference(&delta)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="ap-compare__table ap-compare__table--rubric" data-testid="compare-rubric">
            <caption>"Rubric lines (pass or fail, points, each design's figure and reason), from each design's scorecard"</caption>
            {head()}
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Both analytic estimates.
#[component]
pub fn EstimateTable(
    /// The comparison shown.
    comparison: Comparison,
) -> impl IntoView {
    let estimate = comparison.estimate;
    let rows = [
        ("answered, requests/s", "answered", estimate.answered_rps),
        ("capacity, requests/s", "capacity", estimate.capacity_rps),
        ("mean response, ms", "mean", estimate.mean_ms),
        ("p95, ms", "p95", estimate.p95_ms),
        ("p99, ms", "p99", estimate.p99_ms),
        ("busiest station, % busy", "cpu", estimate.cpu_percent),
    ]
    .into_iter()
    .map(|(label, slug, delta)| {
        delta_row(label.to_string(), format!("compare-estimate-{slug}"), delta)
    })
    .collect_view();
    let name = |name: Option<String>| name.unwrap_or_else(|| "\u{2014}".to_string());
    view! {
        <table class="ap-compare__table" data-testid="compare-estimate">
            <caption>{format!("Estimates: {}", estimate.source)}</caption>
            {head()}
            <tbody>
                {rows}
                <tr data-testid="compare-estimate-bottleneck">
                    <th scope="row">"bottleneck"</th>
                    <td>{name(estimate.bottleneck.a)}</td>
                    <td>{name(estimate.bottleneck.b)}</td>
                    <td></td>
                </tr>
            </tbody>
        </table>
    }
}

/// Both monthly costs, in total and per kind.
#[component]
pub fn CostTable(
    /// The comparison shown.
    comparison: Comparison,
) -> impl IntoView {
    let cost = comparison.cost;
    let rows = cost
        .by_kind
        .into_iter()
        .map(|kind| {
            delta_row(
                kind.kind.clone(),
                format!("compare-cost-{}", kind.kind),
                kind.usd_per_month,
            )
        })
        .collect_view();
    view! {
        <table class="ap-compare__table" data-testid="compare-cost">
            <caption>{format!("Monthly cost, USD: {}", cost.source)}</caption>
            {head()}
            <tbody>
                {delta_row("total".to_string(), "compare-cost-total".to_string(), cost.total_usd_per_month)}
                {rows}
            </tbody>
        </table>
    }
}
