//! A run watched while it runs (`engine::sim::live`), as the browser's
//! worker drives it: slices and samples never change the run, chart points
//! add up to the summary, the log reports faults, scaling and failures, and
//! the event store query answers from the run.

use crate::support::{chain, options, with_settings, Sketch};
use archplay::engine::model::{
    ComponentKind as K, FaultAction, ScheduledFault, SimulationSettings,
};
use archplay::engine::sim::live::progress::{LogKind, Update};
use archplay::engine::sim::live::speed::Speed;
use archplay::engine::sim::live::LiveRun;
use archplay::engine::sim::stats::LogHistogram;
use archplay::engine::sim::{RunOutcome, Simulation};
use archplay::engine::templates::{template, TEMPLATES};

/// Runs `live` to its end in slices of `slice_us` of at most `max_events` events, gathering every update.
fn drive(live: &mut LiveRun, slice_us: u64, max_events: u64) -> Vec<Update> {
    let mut updates = Vec::new();
    let mut deadline = 0;
    loop {
        let outcome = live.advance(deadline, max_events);
        updates.push(live.take_update());
        match outcome {
            RunOutcome::Finished => return updates,
            RunOutcome::ReachedDeadline => deadline += slice_us,
            RunOutcome::EventLimit => {}
        }
    }
}

#[test]
fn watching_a_template_in_slices_gives_the_summary_of_an_unwatched_run() {
    for info in TEMPLATES {
        let design = template(info.name).unwrap();
        // The design's own settings, as `archplay simulate DESIGN.json` uses them.
        let short = with_settings(
            &design,
            &SimulationSettings {
                duration_s: 15.0,
                seed: 11,
                ..design.simulation.clone()
            },
        );
        let mut whole = Simulation::new(&short).unwrap();
        whole.run();
        let mut live = LiveRun::new(&short).unwrap();
        drive(&mut live, 333_333, 1_777);
        assert_eq!(live.summary(), whole.summary(), "{}", info.name);
    }
}

#[test]
fn chart_points_cover_the_run_at_fixed_steps_and_add_up_to_the_summary() {
    let design = template("auto-scaling").unwrap();
    let mut live = LiveRun::new(&with_settings(&design, &options(5, 60.0, 0.0))).unwrap();
    let updates = drive(&mut live, 2_000_000, 50_000);
    let points: Vec<_> = updates
        .iter()
        .flat_map(|u| u.points.iter().cloned())
        .collect();
    assert_eq!(points.len(), 120, "one point per half second of a 60 s run");
    assert!(points
        .windows(2)
        .all(|w| (w[1].t_s - w[0].t_s - 0.5).abs() < 1e-9));
    assert_eq!(points.last().unwrap().t_s, 60.0);
    let summary = live.summary();
    let answered: f64 = points.iter().map(|p| p.throughput_rps * 0.5).sum();
    assert!(
        (answered - summary.end_to_end.completed as f64).abs() < 0.5,
        "{answered} against {}",
        summary.end_to_end.completed
    );
    for point in &points {
        assert!(
            point.p50_ms <= point.p95_ms && point.p95_ms <= point.p99_ms,
            "{point:?}"
        );
        assert!((0.0..=100.0).contains(&point.error_percent));
        assert_eq!(
            point.replicas.len(),
            design
                .components
                .iter()
                .filter(|c| c.autoscaling.enabled)
                .count()
        );
    }
    let last = &updates.last().unwrap();
    let serving = design
        .components
        .iter()
        .filter(|c| !matches!(c.kind, K::Client | K::ServiceRegistry | K::Monitoring))
        .count();
    assert_eq!(
        last.components.len(),
        serving,
        "every component with a queue: no client, registry or monitor"
    );
    assert!(last
        .components
        .iter()
        .all(|c| (0.0..=1.0).contains(&c.utilisation)));
    assert!(last
        .components
        .iter()
        .any(|c| c.utilisation > 0.0 && c.replicas > 0));
}

#[test]
fn the_log_reports_faults_scaling_and_failed_requests_by_cause() {
    // One slow server behind a client that overloads it: queue_full failures.
    let mut design = chain(300.0, &[(2, 10.0, 5)]);
    let station = design.components[1].id;
    design.components[1].autoscaling.enabled = true;
    design.components[1].replicas.max = 4;
    design.components[1].autoscaling.scale_up_cooldown_s = 5.0;
    let faults = vec![ScheduledFault {
        at_s: 12.0,
        component: station,
        action: FaultAction::AddLatency { ms: 5.0 },
        duration_s: Some(4.0),
    }];
    let run_settings = SimulationSettings {
        faults,
        startup_delay_s: 1.0,
        ..options(3, 40.0, 0.0)
    };
    let mut live = LiveRun::new(&with_settings(&design, &run_settings)).unwrap();
    let log: Vec<_> = drive(&mut live, 1_000_000, 100_000)
        .into_iter()
        .flat_map(|u| u.log)
        .collect();
    let texts = |kind: LogKind| {
        log.iter()
            .filter(|l| l.kind == kind)
            .map(|l| (l.t_s, l.text.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(LogKind::Run).len(), 2, "start and finish");
    let faults = texts(LogKind::Fault);
    assert_eq!(faults.len(), 2, "{faults:?}");
    assert_eq!(faults[0].0, 12.0);
    assert!(
        faults[0]
            .1
            .contains("every service takes 5 ms longer for 4 s"),
        "{faults:?}"
    );
    assert_eq!(faults[1].0, 16.0);
    let scaling = texts(LogKind::Scale);
    assert!(
        !scaling.is_empty() && scaling[0].1.contains("scaled up from 1 to 2 replicas"),
        "{scaling:?}"
    );
    let errors = texts(LogKind::Errors);
    assert!(
        !errors.is_empty() && errors[0].1.contains("queue full at station-0"),
        "{errors:?}"
    );
    let logged: u64 = errors
        .iter()
        .map(|(_, text)| text.split(' ').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(
        logged,
        live.summary().end_to_end.failed,
        "every failed request is in the log once"
    );
}

#[test]
fn the_event_store_query_answers_from_the_run() {
    let mut sketch = Sketch::new(100.0);
    sketch.design.workload.read_share = 0.0;
    let client = sketch.add(K::Client, "client", |_| {});
    let orders = sketch.add(K::Service, "orders", |c| c.topic = "order.created".into());
    let store = sketch.add(K::EventStore, "store", |_| {});
    sketch.connect(client, orders);
    sketch.connect(orders, store);
    let mut live = LiveRun::new(&with_settings(&sketch.design, &options(6, 10.0, 0.0))).unwrap();
    drive(&mut live, 10_000_000, u64::MAX);
    assert_eq!(live.stores().len(), 1);
    assert_eq!(live.stores()[0].id, store);
    assert_eq!(
        live.topics(),
        vec!["order.created".to_string()],
        "only topics something publishes"
    );
    let all = live.query(store, "order.created", 0.0, f64::INFINITY);
    let early = live.query(store, "order.created", 0.0, 5.0);
    let late = live.query(store, "order.created", 5.0, 10.5);
    assert!(
        early.count > 300 && late.count > 300,
        "{} {}",
        early.count,
        late.count
    );
    assert_eq!(all.count, early.count + late.count);
    assert_eq!(
        all.count,
        live.summary().event_stores[0].by_topic["order.created"]
    );
    assert_eq!(all.times_s.len(), 200, "at most 200 times are listed");
    assert!(early.times_s.iter().all(|&t| (0.0..5.0).contains(&t)));
    assert_eq!(live.query(store, "no.such.topic", 0.0, 10.0).count, 0);
    assert_eq!(
        live.query(orders, "order.created", 0.0, 10.0).count,
        0,
        "a service is not an event store"
    );
}

#[test]
fn speeds_turn_wall_time_into_simulated_deadlines() {
    assert_eq!(
        Speed::X1.target_us(5_000_000, 1000.0, 1500.0),
        Some(5_500_000)
    );
    assert_eq!(Speed::X100.target_us(0, 0.0, 20.0), Some(2_000_000));
    assert_eq!(
        Speed::X10.target_us(7, 100.0, 50.0),
        Some(7),
        "a clock that went back adds nothing"
    );
    assert_eq!(Speed::Max.target_us(0, 0.0, 1.0), None);
    for speed in Speed::ALL {
        assert_eq!(Speed::from_slug(speed.slug()), Some(speed));
    }
}

#[test]
fn histogram_quantiles_since_an_earlier_copy_see_only_the_new_values() {
    let mut histogram = LogHistogram::default();
    (0..1000).for_each(|_| histogram.record(10));
    let earlier = histogram.clone();
    (0..100).for_each(|_| histogram.record(5000));
    let median = histogram.quantile_since(&earlier, 0.5);
    assert!((median - 5000.0).abs() < 5000.0 * 0.03, "{median}");
    assert_eq!(histogram.quantile_since(&histogram.clone(), 0.5), 0.0);
    let mut cleared = histogram.clone();
    cleared.clear();
    cleared.record(10);
    assert_eq!(
        cleared.quantile_since(&earlier, 0.5),
        10.0,
        "a cleared histogram counts from zero"
    );
}
