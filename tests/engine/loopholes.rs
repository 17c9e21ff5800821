//! Shortcuts that must not pay: a client wired straight to storage, a cache
//! with nothing behind it. Each case names the lines that must fail, with
//! the words their reasons must carry, and checks that the estimate does not
//! count the shortcut as served capacity.

use crate::{sketch, sketch_onto};
use archplay::engine::score::analytic::estimate;
use archplay::engine::score::{score, Scorecard};
use archplay::engine::templates::template;

fn reason_of<'a>(scorecard: &'a Scorecard, fact: &str) -> (&'a str, bool) {
    let line = scorecard
        .attributes
        .iter()
        .flat_map(|a| &a.lines)
        .find(|l| l.fact == fact)
        .unwrap_or_else(|| panic!("no line {fact}"));
    (&line.reason, line.passed)
}

/// (template, the shortcut as sketch lines, failing lines with words in their reasons)
type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const STRAIGHT_TO_STORAGE: &[Case] = &[
    (
        "microservices",
        "web-clients -> payments-db",
        &[
            (
                "has_authentication",
                "no authorization between users and data (web-clients → payments-db)",
            ),
            (
                "has_authorization",
                "no authorization between users and data (web-clients → payments-db)",
            ),
            (
                "modularity",
                "callers coupled to storage (web-clients → payments-db)",
            ),
        ],
    ),
    (
        "database-scaling",
        "app-clients -> redis-cache",
        &[
            (
                "has_authorization",
                "no authorization between users and data (app-clients → redis-cache)",
            ),
            (
                "modularity",
                "callers coupled to storage (app-clients → redis-cache)",
            ),
        ],
    ),
    (
        "event-driven",
        "shoppers -> event-bus",
        &[
            (
                "has_authentication",
                "no authorization between users and data (shoppers → event-bus)",
            ),
            (
                "has_authorization",
                "no authorization between users and data (shoppers → event-bus)",
            ),
            (
                "modularity",
                "callers coupled to storage (shoppers → event-bus)",
            ),
        ],
    ),
    (
        "event-driven",
        "shoppers -> event-store",
        &[(
            "has_authorization",
            "no authorization between users and data (shoppers → event-store)",
        )],
    ),
];

#[test]
fn a_client_straight_to_storage_fails_security_and_maintainability_and_adds_no_capacity() {
    for &(name, shortcut, failures) in STRAIGHT_TO_STORAGE {
        let before = template(name).unwrap();
        let mut after = before.clone();
        sketch_onto(&mut after, shortcut);
        let scorecard = score(&after);
        for &(fact, words) in failures {
            let (reason, passed) = reason_of(&scorecard, fact);
            assert!(!passed, "{name} + {shortcut}: {fact} should fail");
            assert!(
                reason.contains(words),
                "{name}: {fact}: {reason:?} should say {words:?}"
            );
        }
        let (old, new) = (estimate(&before), estimate(&after));
        eprintln!(
            "{name} + {shortcut}: answered {:?} -> {:?}, capacity {:?} -> {:?}",
            old.answered_rps, new.answered_rps, old.capacity_rps, new.capacity_rps
        );
        assert!(new.answered_rps.unwrap() <= old.answered_rps.unwrap() + 1e-9);
        assert!(new.capacity_rps.unwrap() <= old.capacity_rps.unwrap() + 1e-9);
        // A client's requests to a database or cache are routed (and not
        // served); to a bus or store they are events, which the estimate does
        // not route from clients, so nothing changes there.
        let routed = !shortcut.contains("event-");
        assert_eq!(new.unrouted_share > 0.0, routed, "{name} + {shortcut}");
        assert_eq!(
            new.findings.iter().any(|f| f.contains("straight to")),
            routed
        );
        // The answered requests' time leaves out the ones nothing serves.
        assert_eq!(
            new.response_time_ms.is_some(),
            old.response_time_ms.is_some()
        );
        let (_, throughput_passed) = reason_of(&scorecard, "throughput_rps");
        let (_, was_passed) = reason_of(&score(&before), "throughput_rps");
        assert!(
            !throughput_passed || was_passed,
            "{name}: the shortcut passed throughput"
        );
    }
}

#[test]
fn the_issue_case_keeps_the_capacity_at_or_below_1600() {
    // Issue 9: connecting web-clients straight to payments-db raised throughput from 1,600 to 3,077 req/s.
    let mut design = template("microservices").unwrap();
    sketch_onto(&mut design, "web-clients -> payments-db");
    let estimate = estimate(&design);
    assert!(
        estimate.capacity_rps.unwrap() <= 1600.0,
        "{:?}",
        estimate.capacity_rps
    );
}

#[test]
fn a_cache_with_nothing_behind_it_is_no_caching_and_its_misses_are_not_served() {
    let design = sketch(
        "client web\nservice api replicas.current=4\ncache c cache_ttl_s=1\nweb -> api\napi -> c\ndesign workload.key_space=1000",
    );
    let scorecard = score(&design);
    let (reason, passed) = reason_of(&scorecard, "has_caching");
    assert!(!passed);
    assert!(reason.contains("c has nothing behind it"), "{reason}");
    let estimate = estimate(&design);
    assert!(estimate.unrouted_share > 0.5, "{}", estimate.unrouted_share);
    assert!(estimate.answered_rps.unwrap() < 0.5 * estimate.offered_rps);
    assert!(estimate
        .findings
        .iter()
        .any(|f| f.contains("nothing behind it")));
}
