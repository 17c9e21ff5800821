//! The analytic estimate in a few words: response time, throughput,
//! bottleneck and saturation, under the scores.
//!
//! What must stay true: every figure comes from the scorecard's facts (the
//! same estimate the performance score used), and a missing figure says why
//! ("saturated") instead of showing a number.

use crate::engine::model::Design;
use crate::engine::score::analytic::Estimate;
use crate::ui::state::use_app_state;
use leptos::prelude::*;

/// Milliseconds with one decimal below 100 and none above.
fn shown_ms(value: f64) -> String {
    if value < 100.0 {
        format!("{value:.1} ms")
    } else {
        format!("{value:.0} ms")
    }
}

/// Requests per second with thousands separators.
fn shown_rate(value: f64) -> String {
    let whole = value.max(0.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped} req/s")
}

/// The four figures as text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct EstimateWords {
    response: String,
    throughput: String,
    bottleneck: String,
    saturation: String,
    saturated: bool,
}

impl EstimateWords {
    fn of(estimate: &Estimate, design: &Design) -> EstimateWords {
        EstimateWords {
            response: match (estimate.response_time_ms, estimate.saturated) {
                (Some(ms), _) => shown_ms(ms),
                (None, true) => "saturated".to_string(),
                // Nothing reaches a component: no clients, or no path from them.
                (None, false) => "n/a".to_string(),
            },
            throughput: estimate.capacity_rps.map_or_else(
                || "unknown".to_string(),
                |rps| format!("up to {}", shown_rate(rps)),
            ),
            bottleneck: estimate
                .bottleneck
                .map_or_else(|| "none".to_string(), |id| design.name_of(id).to_string()),
            saturation: if estimate.saturated {
                format!("saturated ({:.0}% peak)", estimate.cpu_percent)
            } else {
                format!("{:.0}% peak utilisation", estimate.cpu_percent)
            },
            saturated: estimate.saturated,
        }
    }
}

/// The estimate under the scores.
#[component]
pub fn EstimateSummary() -> impl IntoView {
    let state = use_app_state();
    let scorecard = state.scorecard();
    let design = state.design();
    let words = Memo::new(move |_| {
        scorecard.with(|scorecard| {
            design.with(|design| EstimateWords::of(&scorecard.facts.estimate, design))
        })
    });
    let offered =
        move || scorecard.with(|scorecard| shown_rate(scorecard.facts.estimate.offered_rps));

    view! {
        <section class="ap-estimate" data-testid="estimate" data-saturated=move || words.with(|w| w.saturated.to_string())>
            <h3 class="ap-estimate__title">"Estimate at " {offered}</h3>
            <dl class="ap-estimate__grid">
                <div>
                    <dt>"Response time"</dt>
                    <dd class="ap-estimate__alarm" data-testid="estimate-response-time">{move || words.with(|w| w.response.clone())}</dd>
                </div>
                <div>
                    <dt>"Throughput"</dt>
                    <dd data-testid="estimate-throughput">{move || words.with(|w| w.throughput.clone())}</dd>
                </div>
                <div>
                    <dt>"Bottleneck"</dt>
                    <dd data-testid="estimate-bottleneck">{move || words.with(|w| w.bottleneck.clone())}</dd>
                </div>
                <div>
                    <dt>"Saturation"</dt>
                    <dd class="ap-estimate__alarm" data-testid="estimate-saturation">{move || words.with(|w| w.saturation.clone())}</dd>
                </div>
            </dl>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_naturally() {
        assert_eq!(shown_ms(42.345), "42.3 ms");
        assert_eq!(shown_ms(1234.6), "1235 ms");
        assert_eq!(shown_rate(0.0), "0 req/s");
        assert_eq!(shown_rate(999.6), "1,000 req/s");
        assert_eq!(shown_rate(1234567.0), "1,234,567 req/s");
    }
}
