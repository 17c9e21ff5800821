//! The event store query form: pick a store, an event type (topic) and a
//! range of simulated time, and see the matching events of the run.
//!
//! What must stay true: the form is `data-testid="event-store-query"` and
//! appears only when the run's design has an event store; its inputs are
//! `query-store`, `query-topic`, `query-from`, `query-to`, the button
//! `query-run` (`data-action="query"`, handled by the panel), and the answer
//! is `query-result` with the count in `data-count`. The form's markup
//! depends only on the stores and topics, so typed values stay while a run
//! goes on.

use super::charts::escape;
use super::SimState;
use crate::engine::attributes::number::parse_number;
use crate::engine::sim::live::protocol::{QueryAnswer, StoreInfo};
use leptos::prelude::WithUntracked;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// A time typed into the form, in seconds; an empty or bad entry is `fallback`.
pub fn parse_seconds(text: &str, fallback: f64) -> f64 {
    parse_number(text.trim())
        .filter(|v| *v >= 0.0)
        .unwrap_or(fallback)
}

fn option_markup(value: &str, label: &str) -> String {
    format!(
        "<option value=\"{}\">{}</option>",
        escape(value),
        escape(label)
    )
}

/// The form, or nothing when the run has no event store.
pub fn form_markup(stores: &[StoreInfo], topics: &[String]) -> String {
    if stores.is_empty() {
        return String::new();
    }
    let stores: String = stores
        .iter()
        .map(|s| option_markup(&s.id.to_string(), &s.name))
        .collect();
    let topics: String = topics.iter().map(|t| option_markup(t, t)).collect();
    format!(
        "<section class=\"ap-sim__query\" data-testid=\"event-store-query\" aria-label=\"Event store query\">\
         <h3 class=\"ap-sim__heading\">Event store query</h3><div class=\"ap-sim__query-row\">\
         <label>Store <select class=\"ap-select\" data-testid=\"query-store\">{stores}</select></label>\
         <label>Event type <select class=\"ap-select\" data-testid=\"query-topic\">{topics}</select></label>\
         <label>From (s) <input class=\"ap-input ap-sim__time-input\" type=\"number\" min=\"0\" step=\"any\" value=\"0\" data-testid=\"query-from\"></label>\
         <label>To (s) <input class=\"ap-input ap-sim__time-input\" type=\"number\" min=\"0\" step=\"any\" placeholder=\"end\" data-testid=\"query-to\"></label>\
         <button type=\"button\" class=\"ap-button\" data-action=\"query\" data-testid=\"query-run\">Query</button></div></section>"
    )
}

/// The matching events: `query-result` with the count in `data-count`, and the first times.
pub fn answer_markup(answer: &QueryAnswer) -> String {
    let times: Vec<String> = answer.times_s.iter().map(|t| format!("{t:.3}")).collect();
    let more = answer.count.saturating_sub(answer.times_s.len() as u64);
    let more = if more > 0 {
        format!(" … and {more} more")
    } else {
        String::new()
    };
    let listed = if times.is_empty() {
        String::new()
    } else {
        format!("at {} s{more}", times.join(", "))
    };
    format!(
        "<p data-testid=\"query-result\" data-count=\"{count}\">{count} <code>{}</code> events from {} s to {} s</p><p class=\"ap-sim__query-times\">{listed}</p>",
        escape(&answer.topic),
        answer.from_s,
        answer.to_s,
        count = answer.count
    )
}

fn value_in(panel: &Element, test_id: &str) -> Option<String> {
    let element = panel
        .query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .ok()??;
    match element.dyn_into::<HtmlInputElement>() {
        Ok(input) => Some(input.value()),
        Err(element) => element
            .dyn_into::<HtmlSelectElement>()
            .ok()
            .map(|select| select.value()),
    }
}

/// What the form in `panel` asks: store id, topic, from and to (an empty
/// "to" is the end of the run, inclusive).
pub fn read_query(panel: &Element, sim: SimState) -> Option<(u32, String, f64, f64)> {
    let store = value_in(panel, "query-store")?.parse::<u32>().ok()?;
    let topic = value_in(panel, "query-topic")?;
    let end = sim
        .data
        .with_untracked(|data| data.duration_s.max(0.0) + 1.0);
    let from_s = parse_seconds(&value_in(panel, "query-from").unwrap_or_default(), 0.0);
    let to_s = parse_seconds(&value_in(panel, "query-to").unwrap_or_default(), end);
    Some((store, topic, from_s, to_s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_times_fall_back_when_empty_or_bad() {
        assert_eq!(parse_seconds(" 12.5 ", 0.0), 12.5);
        assert_eq!(parse_seconds("", 61.0), 61.0);
        assert_eq!(parse_seconds("-3", 0.0), 0.0);
        assert_eq!(parse_seconds("NaN", 7.0), 7.0);
    }

    #[test]
    fn the_form_lists_stores_and_types_and_the_answer_its_count() {
        assert_eq!(form_markup(&[], &["a".into()]), "", "no store, no form");
        let form = form_markup(
            &[StoreInfo {
                id: 4,
                name: "log<s>".into(),
            }],
            &["order.created".into()],
        );
        assert!(
            form.contains("<option value=\"4\">log&lt;s&gt;</option>")
                && form.contains("<option value=\"order.created\">")
        );
        let answer = QueryAnswer {
            store: 4,
            topic: "t".into(),
            from_s: 0.0,
            to_s: 61.0,
            count: 3,
            times_s: vec![1.0, 2.5],
        };
        let markup = answer_markup(&answer);
        assert!(markup.contains("data-count=\"3\">3 <code>t</code> events from 0 s to 61 s</p>"));
        assert!(markup.contains("at 1.000, 2.500 s … and 1 more"));
    }
}
