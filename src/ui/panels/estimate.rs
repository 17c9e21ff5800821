//! The analytic estimate in a few words, under the scores: response time
//! (mean, p95, p99), the rate answered at the offered load, the capacity and
//! where it saturates, unstable stations, and each cache's derived hit ratio.
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

/// The estimate's figures as text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct EstimateWords {
    response: String,
    answered: String,
    capacity: String,
    saturation: String,
    saturated: bool,
    caches: Vec<String>,
}

impl EstimateWords {
    fn of(estimate: &Estimate, design: &Design) -> EstimateWords {
        let names = |ids: &[crate::engine::model::ComponentId]| {
            ids.iter()
                .map(|&id| design.name_of(id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        EstimateWords {
            response: match (estimate.response_time_ms, estimate.saturated) {
                (Some(mean), _) => {
                    let mut text = format!("mean {}", shown_ms(mean));
                    if let (Some(p95), Some(p99)) = (estimate.p95_ms, estimate.p99_ms) {
                        text.push_str(&format!(" · p95 {} · p99 {}", shown_ms(p95), shown_ms(p99)));
                    }
                    text
                }
                (None, true) => "none: a station is unstable".to_string(),
                // Nothing reaches a component: no clients, or no path from them.
                (None, false) => "n/a: no request reaches a component".to_string(),
            },
            answered: estimate.answered_rps.map_or_else(
                || "unknown".to_string(),
                |rps| {
                    format!(
                        "{} of {} offered",
                        shown_rate(rps),
                        shown_rate(estimate.offered_rps)
                    )
                },
            ),
            capacity: match (estimate.capacity_rps, estimate.bottleneck) {
                (Some(rps), Some(id)) => {
                    format!(
                        "{}, where {} saturates",
                        shown_rate(rps),
                        design.name_of(id)
                    )
                }
                (Some(rps), None) => shown_rate(rps),
                (None, _) => "unknown".to_string(),
            },
            saturation: if estimate.unstable.is_empty() {
                format!("{:.0}% peak utilisation", estimate.cpu_percent)
            } else {
                format!(
                    "unstable: {}: its queue grows without bound ({:.0}% peak)",
                    names(&estimate.unstable),
                    estimate.cpu_percent
                )
            },
            saturated: estimate.saturated,
            caches: estimate.caches.clone(),
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
            <h3 class="ap-estimate__title">"Estimate at " {offered} " offered"</h3>
            <p class="ap-estimate__source">"Analytic (M/M/c queues, Erlang C) from the design as drawn; run a simulation to measure it."</p>
            <dl class="ap-estimate__grid">
                <div>
                    <dt>"Response time"</dt>
                    <dd class="ap-estimate__alarm" data-testid="estimate-response-time">{move || words.with(|w| w.response.clone())}</dd>
                </div>
                <div>
                    <dt>"Answered"</dt>
                    <dd data-testid="estimate-throughput">{move || words.with(|w| w.answered.clone())}</dd>
                </div>
                <div>
                    <dt>"Capacity"</dt>
                    <dd data-testid="estimate-bottleneck">{move || words.with(|w| w.capacity.clone())}</dd>
                </div>
                <div>
                    <dt>"Saturation"</dt>
                    <dd class="ap-estimate__alarm" data-testid="estimate-saturation">{move || words.with(|w| w.saturation.clone())}</dd>
                </div>
            </dl>
            <ul class="ap-estimate__caches" data-testid="estimate-caches">
                {move || words.with(|w| w.caches.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view())}
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_names_answered_rate_capacity_and_bottleneck_apart() {
        let design = crate::engine::templates::template("microservices").unwrap();
        let estimate = crate::engine::score::analytic::estimate(&design);
        let words = EstimateWords::of(&estimate, &design);
        assert_eq!(words.answered, "400 req/s of 400 req/s offered");
        assert!(words.capacity.contains("where "), "{}", words.capacity);
        assert!(
            words.response.starts_with("mean ") && words.response.contains("p95"),
            "{}",
            words.response
        );
        assert!(
            words.saturation.ends_with("peak utilisation"),
            "{}",
            words.saturation
        );
    }

    #[test]
    fn an_unstable_station_is_named() {
        let mut design = crate::engine::templates::template("microservices").unwrap();
        design.workload.requests_per_second = 100_000.0;
        let estimate = crate::engine::score::analytic::estimate(&design);
        let words = EstimateWords::of(&estimate, &design);
        assert!(
            words.saturation.starts_with("unstable: "),
            "{}",
            words.saturation
        );
        assert!(
            words.saturation.contains("grows without bound"),
            "{}",
            words.saturation
        );
    }

    #[test]
    fn figures_read_naturally() {
        assert_eq!(shown_ms(42.345), "42.3 ms");
        assert_eq!(shown_ms(1234.6), "1235 ms");
        assert_eq!(shown_rate(0.0), "0 req/s");
        assert_eq!(shown_rate(999.6), "1,000 req/s");
        assert_eq!(shown_rate(1234567.0), "1,234,567 req/s");
    }
}
