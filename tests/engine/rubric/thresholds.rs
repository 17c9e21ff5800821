//! The rubric's threshold lines: each case pushes one figure past its target
//! and lists the lines that must then fail; a figure equal to its target passes.

use super::*;

pub(super) const THRESHOLD_CASES: &[Case] = &[
    (
        "a response-time target below the estimate",
        "design targets.response_time_ms=10",
        &[(
            "response_time_ms",
            "bottleneck orders-service",
            Some("orders-service"),
        )],
    ),
    (
        "a throughput target above the answered rate at the offered load",
        "design targets.throughput_rps=600",
        &[(
            "throughput_rps",
            "estimated 500 req/s answered of 500 req/s offered; capacity 1600 req/s, where orders-service saturates",
            Some("orders-service"),
        )],
    ),
    (
        "a throughput target above the capacity, at a load past it",
        "design targets.throughput_rps=2000 workload.requests_per_second=2000",
        &[
            (
                "throughput_rps",
                "estimated 1600 req/s answered of 2000 req/s offered; capacity 1600 req/s",
                Some("orders-service"),
            ),
            (
                "response_time_ms",
                "orders-service is unstable: its queue grows without bound",
                Some("orders-service"),
            ),
            ("latency_ms", "orders-service is unstable", Some("orders-service")),
            ("cpu_percent", "orders-service runs at 125%", Some("orders-service")),
        ],
    ),
    (
        "a latency target below the estimate",
        "design targets.latency_ms=1",
        &[("latency_ms", "ms per hop", None)],
    ),
    (
        "a CPU target below the busiest component",
        "design targets.cpu_percent=10",
        &[(
            "cpu_percent",
            "busiest component orders-service runs at 31%",
            Some("orders-service"),
        )],
    ),
    (
        "more traffic than the services can take",
        "design workload.requests_per_second=2000",
        &[
            (
                "response_time_ms",
                "orders-service is unstable: its queue grows without bound (2000 req/s arrive for 32 servers, utilisation 1.25)",
                Some("orders-service"),
            ),
            (
                "latency_ms",
                "orders-service is unstable",
                Some("orders-service"),
            ),
            (
                "cpu_percent",
                "busiest component orders-service runs at 125%",
                Some("orders-service"),
            ),
        ],
    ),
    (
        "code quality below target",
        "design team.code_quality=84.9",
        &[("code_quality", "84.9: code quality as entered", None)],
    ),
    (
        "documentation below target",
        "design team.documentation=89",
        &[("documentation", "89: documentation as entered", None)],
    ),
    (
        "test coverage below target",
        "design team.test_coverage=79.5",
        &[("test_coverage", "79.5: test coverage as entered", None)],
    ),
    (
        "two services sharing a database",
        "service billing-service\nbilling-service -> orders-db\norders-service -> orders-db",
        &[
            (
                "supports_horizontal_scaling",
                "billing-service has no load balancer",
                Some("billing-service"),
            ),
            (
                "modularity",
                "0 of 2 services own their data",
                Some("orders-service"),
            ),
        ],
    ),
    (
        "a complexity target below the design's",
        "design targets.complexity=19.9",
        &[("complexity", "0.80 synchronous calls each", None)],
    ),
    (
        "user experience below target",
        "design team.user_experience=89.9",
        &[("user_experience", "89.9: user experience", None)],
    ),
    (
        "accessibility below target",
        "design team.accessibility=0",
        &[("accessibility", "0: accessibility", None)],
    ),
    (
        "responsiveness below target",
        "design team.responsiveness=94",
        &[("responsiveness", "94: responsiveness", None)],
    ),
    (
        "error handling below target",
        "design team.error_handling=79",
        &[("error_handling", "79: error handling", None)],
    ),
];

#[test]
fn every_threshold_line_fails_for_a_named_reason() {
    for (what, change, failures) in THRESHOLD_CASES {
        eprintln!("case: {what}");
        check(&exemplary_with(change), failures);
    }
    for (_, fact, _) in &LINES[14..] {
        assert!(
            THRESHOLD_CASES
                .iter()
                .any(|(_, _, failures)| failures.iter().any(|f| f.0 == *fact)),
            "no failing case for {fact}"
        );
    }
}

#[test]
fn a_figure_equal_to_its_target_passes_and_one_just_beyond_fails() {
    let design = sketch(EXEMPLARY);
    let scorecard = score(&design);
    let facts = &scorecard.facts;
    // (fact, measured value, target key, whether the target is a maximum)
    let figures = [
        (
            "response_time_ms",
            facts.response_time_ms.value,
            "targets.response_time_ms",
            true,
        ),
        (
            "throughput_rps",
            facts.throughput_rps.value,
            "targets.throughput_rps",
            false,
        ),
        (
            "latency_ms",
            facts.latency_ms.value,
            "targets.latency_ms",
            true,
        ),
        (
            "cpu_percent",
            facts.cpu_percent.value,
            "targets.cpu_percent",
            true,
        ),
        (
            "complexity",
            facts.complexity.value,
            "targets.complexity",
            true,
        ),
        (
            "modularity",
            facts.modularity.value,
            "targets.modularity",
            false,
        ),
        (
            "code_quality",
            facts.code_quality.value,
            "targets.code_quality",
            false,
        ),
        (
            "error_handling",
            facts.error_handling.value,
            "targets.error_handling",
            false,
        ),
    ];
    for (fact, value, key, at_most) in figures {
        let value = value.unwrap_or_else(|| panic!("{fact} has a value"));
        // Formatting with `{}` round-trips an f64 exactly, so the target equals the figure.
        let at_target = exemplary_with(&format!("design {key}={value}"));
        assert!(
            line(&score(&at_target), fact).passed,
            "{fact} == target {value} passes"
        );
        let nudge = value.abs().max(1.0) * 1e-9;
        let beyond = if at_most {
            value - nudge
        } else {
            value + nudge
        };
        let mut past_target = design.clone();
        // A target just past a figure of 100 is out of range and refused; nothing to check then.
        if set_field(
            &mut past_target,
            FieldTarget::Design,
            key,
            &beyond.to_string(),
        )
        .is_ok()
        {
            let past_scorecard = score(&past_target);
            let failed = line(&past_scorecard, fact);
            assert!(
                !failed.passed,
                "{fact} with target {beyond} (figure {value}) fails"
            );
            assert_eq!(failed.points, 0.0);
        } else {
            assert_eq!(
                value, 100.0,
                "{fact}: only a figure of 100 has no target beyond it"
            );
        }
    }
}
