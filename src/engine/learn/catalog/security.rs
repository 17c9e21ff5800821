//! Security exercises (the document leaves its section empty; these teach
//! it): authentication at every entry point, TLS and audit logging on the
//! request path, and no client wired straight to storage.
//!
//! What must stay true: every exercise's start fails and its reference passes
//! (tests/engine/learn.rs). These checks are instant: the facts and scores
//! the scorecard shows, and the budget.

use super::build::{check, ExerciseBuilder};
use super::database_scaling::shared::{budget, fact};
use super::reliability::overspend_microservices;
use crate::engine::learn::check::Rule;
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::model::ComponentKind as K;
use crate::engine::score::Attribute;

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![auth_every_entry(), tls_and_audit(), no_client_to_storage()]
}

fn security_score(min: f64) -> crate::engine::learn::check::Check {
    check(
        "security-score",
        &format!("security score at least {min:.0}"),
        Rule::Score {
            attribute: Attribute::Security,
            min,
        },
    )
}

fn partner_entry() -> Vec<Step> {
    vec![
        Step::add(K::Client, "partner-apps", 80.0, 440.0),
        Step::add(K::LoadBalancer, "partner-lb", 280.0, 440.0),
        Step::set("partner-lb", "security.tls", "true"),
        Step::connect("partner-apps", "partner-lb"),
        Step::connect("partner-lb", "orders-service"),
    ]
}

fn partner_entry_authenticated() -> Vec<Step> {
    let mut steps = partner_entry();
    steps.extend([
        Step::set("partner-lb", "security.authentication", "true"),
        Step::connect("partner-lb", "auth"),
    ]);
    steps
}

fn auth_every_entry() -> Exercise {
    ExerciseBuilder::new(
        "sec-auth-every-entry",
        Section::Security,
        "Authentication at every entry point",
        "Browsers reach the services through api-gateway, which authenticates every request \
         against the auth provider. Partners were given a shortcut: partner-apps call \
         orders-service through partner-lb, which checks nobody. Goal: every entry point \
         authenticates against an auth provider, and the security score reaches 80. \
         Constraints: keep the partner entry (partners must still reach orders-service), and \
         stay within $3,800 a month.",
        DesignSource::template("microservices", partner_entry()),
        DesignSource::template("microservices", partner_entry_authenticated()),
    )
    .checks(vec![
        fact(
            "authenticated",
            "every entry point authenticates",
            "has_authentication",
        ),
        check(
            "partners-reach-orders",
            "partner-lb still reaches orders-service",
            Rule::Connected {
                from: "partner-lb".into(),
                to: "orders-service".into(),
            },
        ),
        security_score(80.0),
        budget(3800.0),
    ])
    .hints(&[
        "An entry point is whatever a client connects to. The security findings name the one \
         that accepts requests without authentication.",
        "Turn on authentication at partner-lb, and connect it to the auth provider so it can \
         verify tokens.",
    ])
    .debrief(
        "An attacker uses the weakest door, so authentication counts only if every entry \
         point has it: one unauthenticated side entrance undoes the gateway's checks. Each \
         entry needs both the rule (authentication on) and the means (an auth provider to \
         verify tokens). The document's quality attributes list authentication first under \
         security; the scorecard showed security rising once the last door was closed.",
    )
    .breaks(
        "partners-reach-orders",
        vec![Step::disconnect("partner-lb", "orders-service")],
    )
    .breaks(
        "security-score",
        vec![Step::set("api-gateway", "security.tls", "false")],
    )
    .breaks("budget", overspend_microservices())
    .finish()
}

fn tls_and_audit() -> Exercise {
    ExerciseBuilder::new(
        "sec-tls-audit",
        Section::Security,
        "TLS on every hop and an audit trail",
        "A hurried release left gaps: orders-service talks without TLS, and neither api-gateway \
         nor payments-db writes an audit log, so nobody could say who paid what. Goal: \
         traffic is encrypted on every hop of the request path and data at rest, every \
         service, gateway, auth provider and database keeps an audit log, and the security \
         score reaches 80. Constraint: stay within $3,800 a month.",
        DesignSource::template(
            "microservices",
            vec![
                Step::set("orders-service", "security.tls", "false"),
                Step::set("api-gateway", "security.audit_logging", "false"),
                Step::set("payments-db", "security.audit_logging", "false"),
            ],
        ),
        DesignSource::template("microservices", Vec::new()),
    )
    .checks(vec![
        fact(
            "encrypted",
            "encrypted in transit and at rest",
            "has_encryption",
        ),
        fact(
            "audited",
            "audit logging on the request path",
            "has_audit_logging",
        ),
        security_score(80.0),
        budget(3800.0),
    ])
    .hints(&[
        "The security findings name the first component without TLS and the first without an \
         audit log; fix one, and the next is named.",
        "Turn on security.tls for orders-service, and security.audit_logging for api-gateway \
         and payments-db.",
    ])
    .debrief(
        "Encryption protects data on the wire and on disk; an audit log answers who did what \
         and when, which is what an incident review and a regulator ask first. Both only work \
         when they cover every hop and every store: one plain-text hop is where traffic is \
         read. The checklist turned green once the last gap closed, and the security score \
         rose from 40 to 80.",
    )
    .breaks("budget", overspend_microservices())
    .finish()
}

fn no_client_to_storage() -> Exercise {
    ExerciseBuilder::new(
        "sec-no-client-to-storage",
        Section::Security,
        "No client straight to storage",
        "A reporting tool was wired straight to orders-db to save time: it reads every order \
         with no gateway, no authentication and no service checking what it may see. Goal: \
         the reporting tool gets its data through api-gateway (which authenticates) and a \
         service (which authorizes), and no client connects to a data store. Constraint: stay \
         within $3,800 a month.",
        DesignSource::template(
            "microservices",
            vec![
                Step::add(K::Client, "reporting-tool", 80.0, 440.0),
                Step::connect("reporting-tool", "orders-db"),
            ],
        ),
        DesignSource::template(
            "microservices",
            vec![
                Step::add(K::Client, "reporting-tool", 80.0, 440.0),
                Step::connect("reporting-tool", "api-gateway"),
            ],
        ),
    )
    .checks(vec![
        check(
            "no-client-to-storage",
            "no client connects to a data store",
            Rule::NoClientToStorage,
        ),
        fact(
            "authorized",
            "services authorize every request",
            "has_authorization",
        ),
        fact(
            "authenticated",
            "every entry point authenticates",
            "has_authentication",
        ),
        check(
            "reporting-kept",
            "the reporting tool is still there",
            Rule::Present {
                name: "reporting-tool".into(),
                component_kind: K::Client,
            },
        ),
        budget(3800.0),
    ])
    .hints(&[
        "Storage trusts whoever reaches it. Which connection lets a client skip every check?",
        "Delete the connection reporting-tool → orders-db and connect reporting-tool to \
         api-gateway instead; orders-service reads orders-db for it.",
    ])
    .debrief(
        "Data stores enforce little beyond a password: the rules of who may see which order \
         live in services. A client wired to storage skips authentication, authorization and \
         the audit trail at once, and its load bypasses every limit. Putting the gateway and \
         a service in front costs a hop and buys every check on the path. The scorecard's \
         authentication and authorization facts held again once the shortcut was gone.",
    )
    .breaks("reporting-kept", vec![Step::remove("reporting-tool")])
    .breaks(
        "authorized",
        vec![Step::set(
            "orders-service",
            "security.authorization",
            "false",
        )],
    )
    .breaks(
        "authenticated",
        vec![Step::set("api-gateway", "security.authentication", "false")],
    )
    .breaks("budget", overspend_microservices())
    .finish()
}
