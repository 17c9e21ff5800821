//! Helpers shared by the simulator tests: small designs, seeded replications
//! with confidence intervals, and the checks every scenario must pass.

use archplay::engine::model::SimulationSettings;
use archplay::engine::model::{
    Component, ComponentId, ComponentKind, Connection, ConnectionId, Design,
};
use archplay::engine::sim::summary::Summary;
use archplay::engine::sim::{SimError, Simulation};

/// Builds designs component by component.
pub struct Sketch {
    pub design: Design,
}

impl Sketch {
    /// An empty design offered `rps` requests per second, no network delay, reads only.
    pub fn new(rps: f64) -> Sketch {
        let mut design = Design::new("test");
        design.workload.requests_per_second = rps;
        design.workload.hop_latency_ms = 0.0;
        design.workload.read_share = 1.0;
        Sketch { design }
    }

    /// Adds a component; `tweak` adjusts it. Returns its id.
    pub fn add(
        &mut self,
        kind: ComponentKind,
        name: &str,
        tweak: impl FnOnce(&mut Component),
    ) -> ComponentId {
        let id = self.design.next_component_id();
        let mut component = Component::new(id, kind, name);
        component.replicas.min = component.replicas.current.min(component.replicas.min);
        tweak(&mut component);
        self.design.components.push(component);
        id
    }

    /// Adds a station-like service with `servers` servers (one replica), mean service `ms` and `queue` waiting places.
    pub fn station(&mut self, name: &str, servers: u32, ms: f64, queue: u32) -> ComponentId {
        self.add(ComponentKind::Service, name, |c| {
            c.replicas.current = 1;
            c.replicas.min = 1;
            c.concurrency = servers;
            c.service_time_ms = ms;
            c.queue_capacity = queue;
        })
    }

    /// Connects two components; `tweak` adjusts the connection.
    pub fn connect_with(
        &mut self,
        from: ComponentId,
        to: ComponentId,
        tweak: impl FnOnce(&mut Connection),
    ) {
        let id = ConnectionId(self.design.connections.len() as u32);
        let mut connection = Connection {
            id,
            from,
            to,
            ..Connection::default()
        };
        tweak(&mut connection);
        self.design.connections.push(connection);
    }

    /// Connects two components.
    pub fn connect(&mut self, from: ComponentId, to: ComponentId) {
        self.connect_with(from, to, |_| {});
    }
}

/// A client sending `rps` to a chain of stations (servers, mean ms, queue places).
pub fn chain(rps: f64, stations: &[(u32, f64, u32)]) -> Design {
    let mut sketch = Sketch::new(rps);
    let mut previous = sketch.add(ComponentKind::Client, "client", |_| {});
    for (i, &(servers, ms, queue)) in stations.iter().enumerate() {
        let next = sketch.station(&format!("station-{i}"), servers, ms, queue);
        sketch.connect(previous, next);
        previous = next;
    }
    sketch.design
}

/// Settings for a replication: seed, duration and warm-up, the rest at their defaults.
pub fn options(seed: u64, duration_s: f64, warmup_s: f64) -> SimulationSettings {
    SimulationSettings {
        seed,
        duration_s,
        warmup_s,
        ..SimulationSettings::default()
    }
}

/// `design` with `settings` as its simulation settings.
pub fn with_settings(design: &Design, settings: &SimulationSettings) -> Design {
    Design {
        simulation: settings.clone(),
        ..design.clone()
    }
}

/// Sets up a run of `design` under `settings` (in place of its own).
pub fn start(design: &Design, settings: &SimulationSettings) -> Result<Simulation, SimError> {
    Simulation::new(&with_settings(design, settings))
}

/// Runs `design` under `settings` to the end and returns the finished
/// simulation after the universal checks.
pub fn run(design: &Design, settings: &SimulationSettings) -> Simulation {
    let mut simulation = start(design, settings).expect("the test settings are valid");
    simulation.run();
    check_universal(&simulation);
    simulation
}

/// What every run must satisfy: conservation, Little's law, utilisation in
/// [0, 1], no idle server beside a waiting call, pool bookkeeping.
pub fn check_universal(simulation: &Simulation) {
    let summary: Summary = simulation.summary();
    let end = &summary.end_to_end;
    assert!(
        summary.checks.conservation_holds,
        "conservation broken: {end:?}"
    );
    assert_eq!(
        end.arrived + end.in_flight_at_start,
        end.completed + end.failed + end.in_flight
    );
    assert_eq!(
        summary.checks.invariant_violations, 0,
        "an idle server while calls waited"
    );
    for (node, component) in simulation.nodes().iter().zip(&summary.components) {
        assert!(
            (0.0..=1.0).contains(&component.utilisation),
            "{} utilisation {}",
            component.name,
            component.utilisation
        );
        let stats = &node.stats;
        let present = stats.in_system.level();
        // Per component: calls that arrived either left or are still here (measured from the start of the run).
        if simulation.measured_from() == 0 {
            assert_eq!(
                stats.arrivals,
                stats.completed + stats.failed + present,
                "{} conservation",
                node.name
            );
        }
    }
    for station in simulation.stations() {
        assert_eq!(
            station.busy,
            station.replicas.iter().map(|r| r.busy).sum::<u32>()
        );
    }
    assert!(
        summary.checks.littles_law_holds,
        "the time integral of requests present disagrees with their times inside"
    );
}

/// Little's law as an estimate: L (time-averaged requests present) against
/// lambda W (arrival rate times mean time of finished requests), which agree
/// closely in a steady state with many requests.
pub fn check_littles_law_estimate(simulation: &Simulation) {
    let end = simulation.summary().end_to_end;
    let (l, lambda_w) = (end.mean_in_system, end.arrival_rate_times_mean_time);
    assert!(
        (l - lambda_w).abs() <= 0.02 * l,
        "Little's law: L = {l}, lambda W = {lambda_w}"
    );
}

/// Mean and 95 % confidence half-width (Student t) of replication results.
pub fn confidence_interval(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
    // t quantiles for 0.975 by degrees of freedom.
    let t = match values.len() - 1 {
        4 => 2.776,
        9 => 2.262,
        19 => 2.093,
        _ => 2.0,
    };
    (mean, t * (variance / n).sqrt())
}

/// Asserts that `expected` lies in the 95 % interval of `values` and within `relative` of their mean.
pub fn assert_agrees(what: &str, values: &[f64], expected: f64, relative: f64) {
    let (mean, half_width) = confidence_interval(values);
    let error = (mean - expected).abs();
    // Shown with `cargo test --test sim -- --nocapture`, for the record.
    println!(
        "{what}: theory {expected:.6}, simulation {mean:.6} +- {half_width:.6} (95%), off by {:.2}%",
        100.0 * error / expected.abs()
    );
    assert!(
        error <= half_width,
        "{what}: theory {expected:.6} outside the 95% interval {mean:.6} +- {half_width:.6}"
    );
    assert!(
        error <= relative * expected.abs(),
        "{what}: theory {expected:.6} and simulation {mean:.6} differ by {:.2}%",
        100.0 * error / expected.abs()
    );
}
