//! SOLID exercises: single responsibility (the document's user services) and
//! open/closed (its payment gateway).
//!
//! What must stay true: every exercise's start fails and its reference
//! passes (tests/engine/learn.rs checks the whole catalog).

use super::build::{check, scale, simulated, ExerciseBuilder};
use crate::engine::learn::check::{Comparison, Metric, Rule};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::model::{ComponentKind as K, HttpMethod};

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![single_responsibility(), open_closed()]
}

fn single_responsibility() -> Exercise {
    let service = |id: &str, name: &str| {
        check(
            id,
            &format!("a {name} service"),
            Rule::Present {
                name: name.into(),
                component_kind: K::Service,
            },
        )
    };
    ExerciseBuilder::new(
        "solid-single-responsibility",
        Section::Solid,
        "Single responsibility: split the user service",
        "One `user-service` creates users, stores them in `users-db`, authenticates them \
         against `auth-provider` and sends their emails and texts through \
         `email-sms-gateway`. Every change to any of these touches the same service. Goal: \
         split it as the document does, into user-service (creation logic), user-repository \
         (persistence), user-notification-service (notifications) and \
         user-authentication-service (authentication), so that each of users-db, \
         auth-provider and email-sms-gateway is reached by a different service. \
         Constraint: at most $4,000 a month.",
        DesignSource::template("user-management-monolith", Vec::new()),
        DesignSource::template("user-management-split", Vec::new()),
    )
    .checks(vec![
        service("repository", "user-repository"),
        service("notifications", "user-notification-service"),
        service("authentication", "user-authentication-service"),
        check(
            "one-responsibility",
            "no service reaches two of users-db, auth-provider, email-sms-gateway",
            Rule::SeparateCallers {
                components: vec![
                    "users-db".into(),
                    "auth-provider".into(),
                    "email-sms-gateway".into(),
                ],
            },
        ),
        check(
            "budget",
            "at most $4,000 a month",
            Rule::CostBudget {
                max_usd_per_month: 4000.0,
            },
        ),
    ])
    .hints(&[
        "Start with persistence: add a Service called user-repository, connect user-service \
         to it and move the users-db connection from user-service to user-repository.",
        "Do the same for the email-sms-gateway (a user-notification-service) and for \
         auth-provider (a user-authentication-service, which the api-gateway can route \
         /login to directly).",
        "The new services are small: one or two replicas of 10 ms each keep the bill down.",
    ])
    .debrief(
        "Each service now has one reason to change: a new database touches only \
         user-repository, a new SMS provider only user-notification-service. This is the \
         document's UserService, UserRepository, UserNotificationService and \
         UserAuthenticationService, each focusing \"on one aspect of user management\". The \
         price is more hops and more boxes to run, which the budget keeps honest.",
    )
    .breaks(
        "one-responsibility",
        vec![Step::connect("user-repository", "auth-provider")],
    )
    .breaks("repository", vec![Step::remove("user-repository")])
    .breaks(
        "notifications",
        vec![Step::remove("user-notification-service")],
    )
    .breaks(
        "authentication",
        vec![Step::remove("user-authentication-service")],
    )
    .breaks("budget", scale("user-repository", 10))
    .finish()
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
         whole stays within $4,500 a month.",
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
            "at most $4,500 a month",
            Rule::CostBudget {
                max_usd_per_month: 4500.0,
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
    .breaks("budget", scale("adyen-processor", 10))
    .finish()
}
