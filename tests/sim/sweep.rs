//! `engine::sweep`: which keys a sweep takes (every number of the attribute
//! table, read and set through the table), the values of its points, specs
//! refused by name, and a point equal to `archplay simulate` of its design.

use crate::run::{archplay, stderr, stdout, TempFile};
use archplay::engine::attributes::access::{read, set_field};
use archplay::engine::attributes::fields::{attribute, component_fields, FieldTarget, FieldType};
use archplay::engine::attributes::spec::FieldValue;
use archplay::engine::model::{ComponentKind, Design};
use archplay::engine::share::design_file;
use archplay::engine::sweep::{
    even_shards, resolve_key, run_point, sweep_point, sweepable_keys, Sweep, SweepError, SweepSpec,
};
use archplay::engine::templates::{template, TEMPLATES};

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
fn a_shard_count_sweep_splits_the_key_space_evenly_through_the_shards_entry() {
    let design = template("database-scaling").unwrap();
    let key_space = design.workload.key_space;
    let sweep = Sweep::new(&design, &spec("catalog-db.shards.count", 1.0, 4.0, 4)).unwrap();
    assert_eq!(sweep.values, vec![1.0, 2.0, 3.0, 4.0]);
    for (index, n) in [(0, 1_usize), (1, 2), (2, 3), (3, 4)] {
        let point = sweep.design_at(&design, index).unwrap();
        let db = point
            .components
            .iter()
            .find(|c| c.name == "catalog-db")
            .unwrap();
        if n == 1 {
            assert!(db.shards.is_empty(), "one shard is an unsharded primary");
            continue;
        }
        assert_eq!(db.shards.len(), n);
        assert_eq!(db.shards[0].start, 0);
        assert_eq!(db.shards[n - 1].end, key_space);
        for pair in db.shards.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "contiguous ranges");
        }
        let widths: Vec<u32> = db.shards.iter().map(|s| s.end - s.start).collect();
        let (low, high) = (widths.iter().min().unwrap(), widths.iter().max().unwrap());
        assert!(high - low <= 1, "even ranges: {widths:?}");
    }
    // Each point is the design with its shards set through the inspector's field.
    let mut by_hand = design.clone();
    let db = by_hand
        .components
        .iter()
        .find(|c| c.name == "catalog-db")
        .unwrap()
        .id;
    set_field(
        &mut by_hand,
        FieldTarget::Component(db),
        "shards",
        &even_shards(3, key_space),
    )
    .unwrap();
    assert_eq!(sweep.design_at(&design, 2).unwrap(), by_hand);
    // More shards add primaries, each at its unit price.
    let points: Vec<_> = (0..4)
        .map(|i| {
            sweep_point(
                &design,
                &spec("catalog-db.shards.count", 1.0, 4.0, 4),
                i,
                1,
                5.0,
            )
            .unwrap()
        })
        .collect();
    assert!(
        points[3].cost_usd_per_month > points[0].cost_usd_per_month,
        "four shards cost more than one"
    );
    // Past the key space, past 256, below one, or not whole: refused at the end it is about.
    for (from, to, end) in [(0.0, 2.0, "from"), (1.0, 257.0, "to"), (1.5, 2.0, "from")] {
        let error = Sweep::new(&design, &spec("catalog-db.shards.count", from, to, 2)).unwrap_err();
        assert!(
            matches!(error, SweepError::BadEnd { end: e, .. } if e == end),
            "{from}..{to}: {error}"
        );
        assert!(error.to_string().contains("Shard count"), "{error}");
    }
    // Only a database has shards.
    let error =
        Sweep::new(&design, &spec("catalog-service.shards.count", 1.0, 2.0, 2)).unwrap_err();
    assert!(
        matches!(error, SweepError::UnknownAttribute { .. }),
        "{error}"
    );
}

#[test]
fn every_sweepable_key_round_trips_through_the_attribute_table() {
    for info in TEMPLATES {
        let design = template(info.name).unwrap();
        let keys = sweepable_keys(&design);
        let numbers_per_component: usize = design
            .components
            .iter()
            .map(|c| {
                component_fields(c.kind)
                    .iter()
                    .filter(|f| matches!(f.ty, FieldType::Number { .. }))
                    .count()
            })
            .sum();
        let databases = design
            .components
            .iter()
            .filter(|c| c.kind == ComponentKind::Database)
            .count();
        assert_eq!(
            keys.len(),
            4 + numbers_per_component + databases,
            "{}: the workload's four numbers, every component number and each database's shard count",
            info.name
        );
        for key in &keys {
            if let Some(name) = key.strip_suffix(".shards.count") {
                // The shard count is written through the `shards` entry: a
                // template's unsharded database is one shard, unchanged.
                let (_, field) = resolve_key(&design, key).unwrap();
                assert_eq!(field.key, "shards", "{key}");
                let database = design.components.iter().find(|c| c.name == name).unwrap();
                let now = database.shards.len().max(1) as f64;
                let sweep = Sweep::new(&design, &spec(key, now, now, 1)).unwrap();
                if database.shards.is_empty() {
                    assert_eq!(sweep.design_at(&design, 0).unwrap(), design, "{key}");
                }
                continue;
            }
            let (target, field) =
                resolve_key(&design, key).unwrap_or_else(|e| panic!("{}: {key}: {e}", info.name));
            // The entry is the one the inspector looks up on that target.
            let own_key = match target {
                FieldTarget::Component(id) => {
                    let name = &design.component(id).unwrap().name;
                    key.strip_prefix(&format!("{name}.")).unwrap()
                }
                _ => key.as_str(),
            };
            assert_eq!(field.key, own_key, "{}: {key}", info.name);
            assert_eq!(attribute(&design, target, own_key).unwrap(), field);
            let Some(FieldValue::Number(now)) = read(&design, target, field) else {
                panic!("{}: {key} reads as a number", info.name);
            };
            // Its current value as a one-point sweep: set through the table,
            // the design comes back unchanged.
            let sweep = Sweep::new(&design, &spec(key, now, now, 1))
                .unwrap_or_else(|e| panic!("{}: {key} at {now}: {e}", info.name));
            assert_eq!(sweep.design_at(&design, 0).unwrap(), design, "{key}");
        }
    }
}

#[test]
fn points_are_evenly_spaced_with_exact_ends_and_whole_where_the_table_says() {
    let design = microservices();
    let cases: [(&str, f64, f64, u32, &[f64]); 5] = [
        (
            "workload.read_share",
            0.0,
            1.0,
            5,
            &[0.0, 0.25, 0.5, 0.75, 1.0],
        ),
        ("workload.hop_latency_ms", 0.1, 0.3, 3, &[0.1, 0.2, 0.3]),
        (
            "orders-service.replicas.current",
            2.0,
            10.0,
            5,
            &[2.0, 4.0, 6.0, 8.0, 10.0],
        ),
        (
            "orders-service.replicas.current",
            2.0,
            9.0,
            3,
            &[2.0, 6.0, 9.0],
        ),
        ("workload.requests_per_second", 250.0, 250.0, 1, &[250.0]),
    ];
    for (key, from, to, steps, values) in cases {
        let sweep = Sweep::new(&design, &spec(key, from, to, steps)).unwrap();
        assert_eq!(sweep.values, values, "{key} {from}..{to} in {steps}");
        let last = sweep.design_at(&design, steps - 1).unwrap();
        let (target, field) = resolve_key(&design, key).unwrap();
        assert_eq!(read(&last, target, field), Some(FieldValue::Number(to)));
    }
}

#[test]
fn bad_specs_are_refused_by_name_and_change_nothing() {
    let design = microservices();
    let before = design.clone();
    type Check = fn(&SweepError) -> bool;
    let cases: [(SweepSpec, Check, &str); 12] = [
        (
            spec("nonsense", 1.0, 2.0, 2),
            |e| matches!(e, SweepError::UnknownKey { .. }),
            "unknown sweep key `nonsense`",
        ),
        (
            spec("billing.replicas.current", 1.0, 2.0, 2),
            |e| matches!(e, SweepError::UnknownComponent { .. }),
            "no component named `billing`",
        ),
        (
            spec("orders-service.colour", 1.0, 2.0, 2),
            |e| matches!(e, SweepError::UnknownAttribute { .. }),
            "component `orders-service` has no attribute `colour`",
        ),
        (
            spec("orders-service.backup", 0.0, 1.0, 2),
            |e| matches!(e, SweepError::UnknownAttribute { .. }),
            "has no attribute `backup`",
        ),
        (
            spec("orders-service.strategy", 0.0, 1.0, 2),
            |e| matches!(e, SweepError::UnknownAttribute { .. }),
            "has no attribute `strategy`",
        ),
        (
            spec("orders-service.autoscaling.enabled", 0.0, 1.0, 2),
            |e| matches!(e, SweepError::NotSweepable { .. }),
            "is on or off",
        ),
        (
            spec("targets.latency_ms", 1.0, 2.0, 2),
            |e| matches!(e, SweepError::NotSweepable { .. }),
            "not a number a sweep can step",
        ),
        (
            spec("workload.read_share", 0.0, 1.0, 0),
            |e| matches!(e, SweepError::BadSteps { steps: 0 }),
            "steps must be from 1 to 64, not 0",
        ),
        (
            spec("workload.read_share", 0.0, 1.0, 65),
            |e| matches!(e, SweepError::BadSteps { steps: 65 }),
            "not 65",
        ),
        (
            spec("workload.read_share", 0.5, 1.5, 3),
            |e| matches!(e, SweepError::BadEnd { end: "to", .. }),
            "to: Read share must be between 0 and 1",
        ),
        (
            spec("workload.read_share", 0.9, 0.1, 3),
            |e| matches!(e, SweepError::Descending { .. }),
            "from (0.9) is larger than to (0.1)",
        ),
        (
            spec("orders-service.replicas.current", 2.0, 12.0, 3),
            |e| matches!(e, SweepError::PointRefused { .. }),
            "the point at 12 is refused",
        ),
    ];
    for (bad, check, words) in cases {
        let error = Sweep::new(&design, &bad).expect_err(&bad.param);
        assert!(check(&error), "{}: {error:?}", bad.param);
        assert!(error.to_string().contains(words), "{}: {error}", bad.param);
        let point = sweep_point(&design, &bad, 0, 1, 5.0).expect_err("a point of a bad spec");
        assert_eq!(point, error, "a point checks the whole spec first");
    }
    let more: [(SweepSpec, &str); 3] = [
        (
            spec("orders-service.replicas.current", 2.0, 4.0, 4),
            "takes whole values: 3 between from and to, fewer than 4 steps",
        ),
        (
            spec("orders-service.replicas.current", 2.5, 4.0, 2),
            "from: Replicas must be a whole number",
        ),
        (
            spec("workload.read_share", 0.2, 0.4, 1),
            "one step runs from (0.2) alone",
        ),
    ];
    for (bad, words) in more {
        let error = Sweep::new(&design, &bad).expect_err(&bad.param).to_string();
        assert!(error.contains(words), "{}: {error}", bad.param);
    }
    let fine = spec("workload.read_share", 0.0, 1.0, 3);
    assert!(matches!(
        sweep_point(&design, &fine, 3, 1, 5.0),
        Err(SweepError::NoSuchPoint { index: 3, steps: 3 })
    ));
    assert!(matches!(
        sweep_point(&design, &fine, 0, 1, -5.0),
        Err(SweepError::BadRunSetting {
            setting: "duration",
            ..
        })
    ));
    assert_eq!(design, before);
}

#[test]
fn a_point_is_archplay_simulate_of_its_design_character_for_character() {
    let design = microservices();
    let specs = [
        spec("workload.requests_per_second", 200.0, 800.0, 4),
        spec("orders-service.service_time_ms", 10.0, 40.0, 3),
    ];
    for (case, sweep_spec) in specs.iter().enumerate() {
        let index = sweep_spec.steps - 1;
        let run = run_point(&design, sweep_spec, index, 42, 12.0).unwrap();
        // The point's design with only the parameter set, as a user would save it.
        let point_design = Sweep::new(&design, sweep_spec)
            .unwrap()
            .design_at(&design, index)
            .unwrap();
        let file = TempFile::new(
            &format!("sweep-point-{case}.json"),
            &design_file::to_json(&point_design),
        );
        let output = archplay(
            &["simulate", file.path(), "--seed", "42", "--duration", "12"],
            None,
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let expected = format!("{}\n", serde_json::to_string_pretty(&run.summary).unwrap());
        assert_eq!(stdout(&output), expected, "{}", sweep_spec.param);
        let point = sweep_point(&design, sweep_spec, index, 42, 12.0).unwrap();
        let latency = &run.summary.end_to_end.latency;
        assert_eq!(
            (point.p50_ms, point.p95_ms, point.p99_ms),
            (latency.p50_ms, latency.p95_ms, latency.p99_ms)
        );
        assert_eq!(point.throughput_rps, run.summary.end_to_end.throughput_rps);
        assert_eq!(point.value, sweep_spec.to);
        assert_eq!((point.seed, point.duration_s), (42, 12.0));
    }
}

#[test]
fn more_load_moves_the_figures_the_way_queueing_says() {
    let design = microservices();
    let load = spec("workload.requests_per_second", 200.0, 1200.0, 3);
    let points: Vec<_> = (0..3)
        .map(|i| sweep_point(&design, &load, i, 5, 20.0).unwrap())
        .collect();
    let orders = |p: &archplay::engine::sweep::SweepPoint| {
        p.utilisation
            .iter()
            .find(|c| c.name == "orders-service")
            .unwrap()
            .utilisation
    };
    for pair in points.windows(2) {
        assert!(pair[1].throughput_rps > pair[0].throughput_rps);
        assert!(orders(&pair[1]) > orders(&pair[0]));
        assert!(pair[1].estimate.mean_ms > pair[0].estimate.mean_ms);
    }
    // Below the knee a 20 s run's p99 moves by a histogram bucket either way
    // (141 to 150 ms from 200 to 1,200 req/s); past it, queueing takes over.
    let heavy = spec("workload.requests_per_second", 500.0, 2000.0, 2);
    let [light, loaded] = [0, 1].map(|i| sweep_point(&design, &heavy, i, 5, 20.0).unwrap());
    assert!(
        loaded.p99_ms > 2.0 * light.p99_ms,
        "p99 {} ms at 2,000 req/s against {} ms at 500",
        loaded.p99_ms,
        light.p99_ms
    );
    // Clients are not stations: no utilisation column for them.
    assert!(points[0]
        .utilisation
        .iter()
        .all(|c| c.name != "web-clients"));
    // The same point run again, or after others, is the same point.
    assert_eq!(sweep_point(&design, &load, 1, 5, 20.0).unwrap(), points[1]);
}
