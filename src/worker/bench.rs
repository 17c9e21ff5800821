//! Events per second inside the worker, for `scripts/bench-sim-browser.mjs`
//! (not a test): the bare agenda as a baseline (one exponential draw per
//! event, as `benches/sim.rs` does natively), or a simulated design, repeated,
//! with the median.
//!
//! What must stay true: only the benchmark script sends [`BenchRequest`]s;
//! a bad request answers with an `error` field instead of panicking.

use archplay::engine::share::design_file::from_json;
use archplay::engine::sim::agenda::{Agenda, Event};
use archplay::engine::sim::random::SimRng;
use archplay::engine::sim::Simulation;
use archplay::worker_protocol::BenchRequest;
use serde::Serialize;
use std::hint::black_box;

/// One repetition.
#[derive(Serialize)]
struct Repetition {
    events: u64,
    simulated_s: f64,
    wall_ms: f64,
    events_per_s: f64,
}

/// What the script receives.
#[derive(Serialize)]
struct BenchResult {
    workload: String,
    repetitions: Vec<Repetition>,
    median_events_per_s: f64,
    median_wall_ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The bare agenda with nine pending events, each replaced by one at an
/// exponential delay, taken and scheduled the way the simulator does
/// (`take_first`, then the follow-up replaces it at the root).
fn baseline(events: u64, now_ms: fn() -> f64) -> Repetition {
    let mut agenda = Agenda::with_capacity(1024);
    let mut rng = SimRng::new(7);
    for client in 0..9 {
        agenda.schedule(rng.exponential_us(1000.0), Event::ClientSends { client });
    }
    let started = now_ms();
    let mut handled = 0;
    while handled < events {
        let Some((time, event)) = agenda.take_first() else {
            break;
        };
        agenda.schedule(time + rng.exponential_us(1000.0), black_box(event));
        handled += 1;
    }
    let wall_ms = now_ms() - started;
    Repetition {
        events: handled,
        simulated_s: 0.0,
        wall_ms,
        events_per_s: handled as f64 * 1000.0 / wall_ms.max(1e-3),
    }
}

/// One run of `design`: for `duration_s` simulated seconds (set-up included in
/// the time), or when that is 0, `events` events after a 1 % warm-up.
fn simulate(
    request: &BenchRequest,
    design: &archplay::engine::model::Design,
    now_ms: fn() -> f64,
) -> Result<Repetition, String> {
    let by_duration = request.duration_s > 0.0;
    let mut design = design.clone();
    design.simulation.seed = request.seed;
    // By events: as many arrivals as events asked for (each makes at least
    // two events), which stays within the run's event budget, where a fixed
    // 10^6 s at hundreds of requests a second did not.
    let for_events = request.events as f64 / design.workload.requests_per_second.max(1.0);
    design.simulation.duration_s = if by_duration {
        request.duration_s
    } else {
        for_events.max(1.0)
    };
    let started = now_ms();
    let mut simulation = Simulation::new(&design).map_err(|error| error.to_string())?;
    let (events_before, started) = if by_duration {
        simulation.run();
        (0, started)
    } else {
        simulation.run_until(u64::MAX, request.events / 100);
        let warm = simulation.stats().events;
        let resumed = now_ms();
        simulation.run_until(u64::MAX, request.events - request.events / 100);
        (warm, resumed)
    };
    black_box(simulation.summary());
    let wall_ms = now_ms() - started;
    let events = simulation.stats().events - events_before;
    Ok(Repetition {
        events,
        simulated_s: simulation.now() as f64 / 1e6,
        wall_ms,
        events_per_s: events as f64 * 1000.0 / wall_ms.max(1e-3),
    })
}

/// Runs `request` and returns its result as JSON.
pub fn run(request: &BenchRequest, now_ms: fn() -> f64) -> String {
    let mut result = BenchResult {
        workload: request.workload.clone(),
        repetitions: Vec::new(),
        median_events_per_s: 0.0,
        median_wall_ms: 0.0,
        error: None,
    };
    let design = match (request.workload.as_str(), &request.design) {
        ("baseline", _) => None,
        ("design", Some(text)) => match from_json(text) {
            Ok(design) => Some(design),
            Err(error) => {
                result.error = Some(format!("the design could not be read: {error}"));
                None
            }
        },
        _ => {
            result.error =
                Some("the workload must be `baseline`, or `design` with a design".to_string());
            None
        }
    };
    if result.error.is_none() {
        for _ in 0..request.repeats.max(1) {
            let repetition = match &design {
                None => Ok(baseline(request.events, now_ms)),
                Some(design) => simulate(request, design, now_ms),
            };
            match repetition {
                Ok(repetition) => result.repetitions.push(repetition),
                Err(error) => {
                    result.error = Some(error);
                    break;
                }
            }
        }
    }
    result.median_events_per_s =
        median(result.repetitions.iter().map(|r| r.events_per_s).collect());
    result.median_wall_ms = median(result.repetitions.iter().map(|r| r.wall_ms).collect());
    serde_json::to_string(&result).unwrap_or_default()
}
