//! SOLID exercises: single responsibility (the document's user services) and
//! open/closed (its payment gateway).
//!
//! What must stay true: every exercise's start fails and its reference
//! passes (tests/engine/learn.rs checks the whole catalog).

use super::build::{check, simulated, ExerciseBuilder};
use crate::engine::learn::check::{Comparison, Metric, Rule};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::model::{ComponentKind as K, HttpMethod};

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![open_closed()]
}

fn adyen_steps() -> Vec<Step> {
    vec![
        Step::add(K::Service, "adyen-processor", 500.0, 440.0),
        Step::set("adyen-processor", "service_time_ms", "150"),
        Step::set("adyen-processor", "replicas.current", "3"),
        Step::Route {
            from: "payment-gateway".into(),
            to: "adyen-processor".into(),
            path: "/pay/adyen".into(),
            method: HttpMethod::Post,
            weight: 2.0,
        },
        Step::add(K::Database, "adyen-ledger", 720.0, 440.0),
        Step::connect("adyen-processor", "adyen-ledger"),
    ]
}

fn open_closed() -> Exercise {
    ExerciseBuilder::new(
        "solid-open-closed",
        Section::Solid,
        "Open/closed: a third payment processor",
        "The payment gateway routes each payment to the processor registered for its provider: \
         Stripe and PayPal today. The business signs with Adyen. Goal: add an `adyen-processor` \
         service behind `payment-gateway` that takes its share of payments. Constraint: the \
         existing processors, their settings and their routes stay exactly as they are, and the \
         whole stays within $3,000 a month.",
        DesignSource::template("payment-gateway", Vec::new()),
        DesignSource::template("payment-gateway", adyen_steps()),
    )
    .checks(vec![
        check(
            "adyen-present",
            "an adyen-processor service exists",
            Rule::Present {
                name: "adyen-processor".into(),
                component_kind: K::Service,
            },
        ),
        check(
            "adyen-routed",
            "payment-gateway routes to adyen-processor",
            Rule::Connected {
                from: "payment-gateway".into(),
                to: "adyen-processor".into(),
            },
        ),
        check(
            "stripe-closed",
            "stripe-processor and its route unchanged",
            Rule::Unchanged {
                component: "stripe-processor".into(),
            },
        ),
        check(
            "paypal-closed",
            "paypal-processor and its route unchanged",
            Rule::Unchanged {
                component: "paypal-processor".into(),
            },
        ),
        simulated(
            "adyen-share",
            "adyen-processor answers at least 20 payments/s",
            Metric::AnsweredRps,
            Some("adyen-processor"),
            Comparison::AtLeast,
            20.0,
        ),
        check(
            "budget",
            "at most $3,000 a month",
            Rule::CostBudget {
                max_usd_per_month: 3000.0,
            },
        ),
    ])
    .hints(&[
        "Place a new Service, name it adyen-processor, and connect payment-gateway to it.",
        "Give the new connection its own route (path /pay/adyen, method POST) and a weight, so \
         the gateway sends it a share of payments; do not touch the Stripe and PayPal routes.",
        "A processor records what it did: give adyen-processor a ledger database of its own.",
    ])
    .debrief(
        "The gateway was open for extension and closed for modification: a new processor was \
         registered beside the others, and not one line of Stripe's or PayPal's setup changed. \
         In the document's code this is `RegisterProcessor(name, processor)` on a map of \
         processors; in the design it is one more route on the gateway.",
    )
    .breaks(
        "adyen-share",
        vec![Step::Set {
            component: None,
            key: "workload.read_share".into(),
            value: "1".into(),
        }],
    )
    .breaks(
        "stripe-closed",
        vec![Step::set("stripe-processor", "replicas.current", "5")],
    )
    .breaks(
        "paypal-closed",
        vec![Step::disconnect("paypal-processor", "paypal-ledger")],
    )
    .breaks(
        "adyen-routed",
        vec![Step::disconnect("payment-gateway", "adyen-processor")],
    )
    .breaks("adyen-present", vec![Step::remove("adyen-processor")])
    .breaks(
        "budget",
        vec![Step::set("adyen-processor", "replicas.current", "10")],
    )
    .finish()
}
