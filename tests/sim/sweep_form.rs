//! `engine::sweep::form` and `engine::sweep::curve`: what a page's sweep form
//! lists and where a refusal shows, and the estimate's curve between the
//! simulated points.

use archplay::engine::model::Design;
use archplay::engine::score::analytic::estimate;
use archplay::engine::sweep::{
    estimate_curve, sweep_parameters, sweepable_keys, Sweep, SweepField, SweepSpec,
};
use archplay::engine::templates::template;

fn spec(param: &str, from: f64, to: f64, steps: u32) -> SweepSpec {
    SweepSpec {
        param: param.into(),
        from,
        to,
        steps,
    }
}

fn microservices() -> Design {
    template("microservices").expect("the microservices template")
}

#[test]
fn parameters_are_the_sweepable_keys_with_group_unit_and_current_value() {
    let design = microservices();
    let parameters = sweep_parameters(&design);
    let keys: Vec<String> = parameters.iter().map(|p| p.key.clone()).collect();
    assert_eq!(keys, sweepable_keys(&design));
    let rate = &parameters[0];
    assert_eq!(rate.key, "workload.requests_per_second");
    assert_eq!(rate.group, "Workload");
    assert_eq!(rate.current, "400");
    assert_eq!(rate.unit, "req/s");
    let replicas = parameters
        .iter()
        .find(|p| p.key == "orders-service.replicas.current")
        .expect("orders-service replicas");
    assert_eq!(replicas.group, "orders-service");
    assert!(!replicas.label.is_empty());
}

#[test]
fn every_refusal_names_the_input_it_is_about() {
    let design = microservices();
    let cases: &[(SweepSpec, SweepField)] = &[
        (spec("workload.nothing", 1.0, 2.0, 2), SweepField::Param),
        (
            spec("nobody.replicas.current", 1.0, 2.0, 2),
            SweepField::Param,
        ),
        (
            spec("workload.requests_per_second", 10.0, 20.0, 0),
            SweepField::Steps,
        ),
        (
            spec("workload.requests_per_second", 10.0, 20.0, 65),
            SweepField::Steps,
        ),
        (
            spec("workload.requests_per_second", 10.0, 20.0, 1),
            SweepField::Steps,
        ),
        (
            spec("workload.requests_per_second", -5.0, 20.0, 2),
            SweepField::From,
        ),
        (spec("workload.read_share", 0.1, 7.0, 2), SweepField::To),
        (
            spec("workload.requests_per_second", 30.0, 20.0, 2),
            SweepField::Range,
        ),
        (
            spec("orders-service.replicas.current", 2.0, 4.0, 9),
            SweepField::Steps,
        ),
    ];
    for (spec, field) in cases {
        let refusal = Sweep::new(&design, spec).expect_err(&format!("{spec:?} is refused"));
        assert_eq!(refusal.field(), *field, "{spec:?}: {refusal}");
    }
}

#[test]
fn the_curve_is_the_estimate_at_each_sample_from_end_to_end() {
    let design = microservices();
    let curve = estimate_curve(
        &design,
        &spec("workload.requests_per_second", 200.0, 1600.0, 8),
    )
    .expect("a curve");
    assert_eq!(curve.len(), 97);
    assert_eq!(curve.first().map(|s| s.value), Some(200.0));
    assert_eq!(curve.last().map(|s| s.value), Some(1600.0));
    assert!(curve.windows(2).all(|w| w[0].value < w[1].value));
    // A sample is the estimate of the design with the rate set: 200 req/s by hand.
    let mut at_200 = design.clone();
    at_200.workload.requests_per_second = 200.0;
    assert_eq!(curve[0].estimate.p99_ms, estimate(&at_200).p99_ms);
    // The knee: the estimate saturates somewhere along the range.
    assert!(!curve[0].estimate.saturated);
    assert!(curve.last().is_some_and(|s| s.estimate.saturated));
}

#[test]
fn a_whole_number_curve_samples_every_whole_value() {
    let design = microservices();
    let curve = estimate_curve(
        &design,
        &spec("orders-service.replicas.current", 2.0, 7.0, 3),
    )
    .expect("a curve");
    let values: Vec<f64> = curve.iter().map(|s| s.value).collect();
    assert_eq!(values, vec![2.0, 3.0, 4.0, 5.0, 6.0, 7.0]);
    let refused = estimate_curve(&design, &spec("workload.requests_per_second", 9.0, 1.0, 3));
    assert_eq!(
        refused.map_err(|e| e.field()).err(),
        Some(SweepField::Range)
    );
}
