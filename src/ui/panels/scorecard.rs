//! The scorecard: the six quality scores and their mean, each expandable
//! into the rubric lines that earned or missed its points.
//!
//! What must stay true: every number shown comes from the state's scorecard
//! memo (so it changes on every edit, with no button); each row carries
//! `data-testid="score-<slug>"` and its text begins with the score; each
//! rubric line carries `rubric-line`, `data-fact` and `data-passed`, and
//! where a figure came from the estimate or a run, `rubric-values` with the
//! engine's words for both figures and `data-judged-by` (`estimate` or `run`).

use super::cost::CostSummary;
use super::estimate::EstimateSummary;
use crate::engine::attributes::fields::format_number;
use crate::engine::score::{Attribute, AttributeScore, RubricLine};
use crate::ui::state::{use_app_state, Selection};
use leptos::prelude::*;

/// A score as shown: a whole number.
fn shown_score(score: f64) -> String {
    format!("{}", score.round() as i64)
}

/// The colour band of a score.
fn score_tone(score: f64) -> &'static str {
    if score >= 80.0 {
        "good"
    } else if score >= 50.0 {
        "fair"
    } else {
        "poor"
    }
}

/// The panel with the six scores, the overall score and the estimate.
#[component]
pub fn ScorecardPanel() -> impl IntoView {
    let state = use_app_state();
    let scorecard = state.scorecard();
    let overall = move || scorecard.with(|scorecard| scorecard.overall);

    view! {
        <section class="ap-panel ap-scorecard" data-testid="scorecard" aria-labelledby="ap-scorecard-title">
            <header class="ap-scorecard__header">
                <h2 class="ap-panel-title" id="ap-scorecard-title">
                    "Quality scores"
                </h2>
                <div class="ap-scorecard__overall" data-testid="score-overall" data-tone=move || score_tone(overall())>
                    {move || shown_score(overall())}
                    " "
                    <span class="ap-scorecard__overall-label">"Overall"</span>
                </div>
            </header>
            <ul class="ap-scorecard__rows">
                {Attribute::ALL.map(|attribute| view! { <ScoreRow attribute /> })}
            </ul>
            <CostSummary />
            <EstimateSummary />
        </section>
    }
}

/// One attribute's score; a button expands its rubric lines.
#[component]
fn ScoreRow(
    /// The attribute shown.
    attribute: Attribute,
) -> impl IntoView {
    let state = use_app_state();
    let scorecard = state.scorecard();
    let attribute_score = Memo::new(move |_| {
        scorecard.with(|scorecard| {
            scorecard
                .attributes
                .iter()
                .find(|a| a.attribute == attribute)
                .cloned()
        })
    });
    let expanded = RwSignal::new(false);
    let score = move || attribute_score.with(|a| a.as_ref().map_or(0.0, |a| a.score));
    let lines_id = format!("ap-rubric-{}", attribute.slug());

    let toggle = move |_| expanded.update(|open| *open = !*open);
    let bar_width = move || format!("{}%", score().clamp(0.0, 100.0));

    view! {
        <li class="ap-score" data-testid=format!("score-{}", attribute.slug()) data-tone=move || score_tone(score())>
            <button
                type="button"
                class="ap-score__toggle"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=lines_id.clone()
                on:click=toggle
            >
                <span class="ap-score__value">{move || shown_score(score())}</span>
                " "
                <span class="ap-score__label">{attribute.label()}</span>
                <span class="ap-score__bar" aria-hidden="true">
                    <span class="ap-score__fill" style:width=bar_width></span>
                </span>
            </button>
            {move || expanded.get().then(|| view! {
                <ul class="ap-rubric" id=lines_id.clone()>
                    {move || attribute_score.with(|a| a.as_ref().map(rubric_lines))}
                </ul>
            })}
        </li>
    }
}

fn rubric_lines(attribute_score: &AttributeScore) -> impl IntoView {
    attribute_score
        .lines
        .iter()
        .cloned()
        .map(|line| view! { <RubricLineItem line /> })
        .collect_view()
}

/// One rubric check: passed or not, points, why, and what would fix it.
#[component]
fn RubricLineItem(
    /// The check shown.
    line: RubricLine,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let mark = if line.passed { "✓" } else { "✗" };
    let verdict = if line.passed { "passed" } else { "failed" };
    let points = format!(
        "{}/{}",
        format_number(line.points),
        format_number(line.max_points)
    );
    let fix = (!line.fix.is_empty()).then(|| line.fix.clone());
    let judged_by = line.values.judged_by().slug();
    let values = line.values.comparison().map(|words| {
        view! { <p class="ap-rubric__values" data-testid="rubric-values" data-judged-by=judged_by>{words}</p> }
    });
    let about = line.component.map(|id| {
        let name = design.with_untracked(|design| design.name_of(id).to_string());
        view! {
            <button type="button" class="ap-link ap-rubric__about" on:click=move |_| state.select(Selection::Component(id))>
                {format!("Show {name}")}
            </button>
        }
    });

    view! {
        <li class="ap-rubric__line" data-testid="rubric-line" data-fact=line.fact data-passed=line.passed.to_string()>
            <span class="ap-rubric__mark" role="img" aria-label=verdict>
                {mark}
            </span>
            <div class="ap-rubric__body">
                <div class="ap-rubric__check">
                    <span>{line.check.clone()}</span>
                    <span class="ap-rubric__points">{points}</span>
                </div>
                {values}
                <p class="ap-rubric__reason">{line.reason.clone()}</p>
                {fix.map(|fix| view! { <p class="ap-rubric__fix">"Fix: " {fix}</p> })}
                {about}
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_show_as_whole_numbers_in_bands() {
        assert_eq!(shown_score(76.666), "77");
        assert_eq!(shown_score(0.0), "0");
        assert_eq!(score_tone(80.0), "good");
        assert_eq!(score_tone(79.9), "fair");
        assert_eq!(score_tone(49.0), "poor");
    }
}
