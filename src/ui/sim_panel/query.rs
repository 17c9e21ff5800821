//! The event store query form: pick a store, an event type (topic) and a
//! range of simulated time, and see the matching events of the run.
//!
//! What must stay true: the form is `data-testid="event-store-query"` and
//! appears only when the run's design has an event store; its inputs are
//! `query-store`, `query-topic`, `query-from`, `query-to`, the button
//! `query-run`, and the answer is `query-result` with the count in
//! `data-count`. The form is rebuilt only when the run's stores and topics
//! change, so typed values stay while a run goes on.

use super::{use_panel_state, QueryOffer};
use crate::engine::attributes::number::parse_number;
use crate::engine::model::ComponentId;
use crate::engine::sim::live::progress::QueryAnswer;
use crate::worker_protocol::QueryRequest;
use leptos::prelude::*;

/// A time typed into the form, in seconds; an empty or bad entry is `fallback`.
pub fn parse_seconds(text: &str, fallback: f64) -> f64 {
    parse_number(text.trim())
        .filter(|v| *v >= 0.0)
        .unwrap_or(fallback)
}

/// What the form says: the chosen store and topic, and the typed times.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryInput {
    /// The chosen store's component id, as the select's value.
    pub store: String,
    /// The chosen topic.
    pub topic: String,
    /// The typed start, seconds.
    pub from: String,
    /// The typed end, seconds; empty for the end of the run.
    pub to: String,
}

impl QueryInput {
    /// The form as it opens for `offer`: the first store and topic, from 0 to the end.
    pub fn first_of(offer: &QueryOffer) -> QueryInput {
        QueryInput {
            store: offer
                .stores
                .first()
                .map(|store| store.id.0.to_string())
                .unwrap_or_default(),
            topic: offer.topics.first().cloned().unwrap_or_default(),
            from: "0".to_string(),
            to: String::new(),
        }
    }

    /// The query this asks for a run of `duration_s` seconds (an empty "to"
    /// is the end of the run, inclusive), or `None` when no store is chosen.
    pub fn request(&self, duration_s: f64) -> Option<QueryRequest> {
        Some(QueryRequest {
            store: ComponentId(self.store.parse::<u32>().ok()?),
            topic: self.topic.clone(),
            from_s: parse_seconds(&self.from, 0.0),
            to_s: parse_seconds(&self.to, duration_s.max(0.0) + 1.0),
        })
    }
}

/// The form and the last answer, while the run has an event store.
#[component]
pub fn EventStoreQuery() -> impl IntoView {
    let sim = use_panel_state();
    let offer = Memo::new(move |_| sim.query_offer.get());
    move || {
        let offer = offer.get();
        (!offer.stores.is_empty()).then(|| view! { <QueryForm offer /> })
    }
}

/// The form for one run's stores and topics.
#[component]
fn QueryForm(
    /// The stores and topics the run has.
    offer: QueryOffer,
) -> impl IntoView {
    let sim = use_panel_state();
    let input = RwSignal::new(QueryInput::first_of(&offer));
    let on_query = move |_| {
        let duration_s = sim.clock.with_untracked(|clock| clock.duration_s);
        if let Some(request) = input.with_untracked(|input| input.request(duration_s)) {
            sim.query(request);
        }
    };
    let stores = offer
        .stores
        .into_iter()
        .map(|store| view! { <option value=store.id.0.to_string()>{store.name}</option> })
        .collect_view();
    let topics = offer
        .topics
        .into_iter()
        .map(|topic| {
            let label = topic.clone();
            view! { <option value=topic>{label}</option> }
        })
        .collect_view();
    view! {
        <section class="ap-sim__query" data-testid="event-store-query" aria-label="Event store query">
            <h3 class="ap-sim__heading">"Event store query"</h3>
            <div class="ap-sim__query-row">
                <label>
                    "Store "
                    <select
                        class="ap-select"
                        data-testid="query-store"
                        on:change=move |event| input.update(|input| input.store = event_target_value(&event))
                    >
                        {stores}
                    </select>
                </label>
                <label>
                    "Event type "
                    <select
                        class="ap-select"
                        data-testid="query-topic"
                        on:change=move |event| input.update(|input| input.topic = event_target_value(&event))
                    >
                        {topics}
                    </select>
                </label>
                <label>
                    "From (s) "
                    <input
                        class="ap-input ap-sim__time-input"
                        type="number"
                        min="0"
                        step="any"
                        value="0"
                        data-testid="query-from"
                        on:input=move |event| input.update(|input| input.from = event_target_value(&event))
                    />
                </label>
                <label>
                    "To (s) "
                    <input
                        class="ap-input ap-sim__time-input"
                        type="number"
                        min="0"
                        step="any"
                        placeholder="end"
                        data-testid="query-to"
                        on:input=move |event| input.update(|input| input.to = event_target_value(&event))
                    />
                </label>
                <button type="button" class="ap-button" data-testid="query-run" on:click=on_query>
                    "Query"
                </button>
            </div>
        </section>
        <div class="ap-sim__query-result">
            {move || sim.answer.get().map(|answer| view! { <QueryAnswerView answer /> })}
        </div>
    }
}

/// The matching events: how many, and when the first of them were recorded.
pub fn listed_times(answer: &QueryAnswer) -> String {
    if answer.times_s.is_empty() {
        return String::new();
    }
    let times: Vec<String> = answer.times_s.iter().map(|t| format!("{t:.3}")).collect();
    let more = answer.count.saturating_sub(answer.times_s.len() as u64);
    let more = if more > 0 {
        format!(" … and {more} more")
    } else {
        String::new()
    };
    format!("at {} s{more}", times.join(", "))
}

/// One answer: `query-result` with the count in `data-count`, then the first times.
#[component]
fn QueryAnswerView(
    /// The worker's answer.
    answer: QueryAnswer,
) -> impl IntoView {
    let times = listed_times(&answer);
    view! {
        <p data-testid="query-result" data-count=answer.count>
            {answer.count} " " <code>{answer.topic}</code>
            {format!(" events from {} s to {} s", answer.from_s, answer.to_s)}
        </p>
        <p class="ap-sim__query-times">{times}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sim::live::progress::StoreInfo;

    #[test]
    fn typed_times_fall_back_when_empty_or_bad() {
        assert_eq!(parse_seconds(" 12.5 ", 0.0), 12.5);
        assert_eq!(parse_seconds("", 61.0), 61.0);
        assert_eq!(parse_seconds("-3", 0.0), 0.0);
        assert_eq!(parse_seconds("NaN", 7.0), 7.0);
    }

    #[test]
    fn the_form_opens_on_the_first_store_and_asks_to_the_end_of_the_run() {
        let offer = QueryOffer {
            stores: vec![StoreInfo {
                id: ComponentId(4),
                name: "log".into(),
            }],
            topics: vec!["order.created".into(), "order.paid".into()],
        };
        let input = QueryInput::first_of(&offer);
        assert_eq!(
            input.request(60.0),
            Some(QueryRequest {
                store: ComponentId(4),
                topic: "order.created".into(),
                from_s: 0.0,
                to_s: 61.0,
            })
        );
        let typed = QueryInput {
            from: "30".into(),
            to: "45.5".into(),
            ..input
        };
        assert_eq!(
            typed.request(60.0).map(|r| (r.from_s, r.to_s)),
            Some((30.0, 45.5))
        );
        assert_eq!(
            QueryInput::first_of(&QueryOffer::default()).request(60.0),
            None
        );
    }

    #[test]
    fn an_answer_lists_its_first_times_and_how_many_more() {
        let answer = QueryAnswer {
            store: ComponentId(4),
            topic: "t".into(),
            from_s: 0.0,
            to_s: 61.0,
            count: 3,
            times_s: vec![1.0, 2.5],
        };
        assert_eq!(listed_times(&answer), "at 1.000, 2.500 s … and 1 more");
        let none = QueryAnswer {
            count: 0,
            times_s: Vec::new(),
            ..answer
        };
        assert_eq!(listed_times(&none), "");
    }
}
