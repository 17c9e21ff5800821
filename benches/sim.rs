//! Simulator throughput in events per second (`cargo bench --bench sim`).
//!
//! Three workloads, each run several times, reporting the median:
//! - baseline: the bare agenda (a binary heap of the same size) with one
//!   exponential draw per event: the floor an event can cost on this machine;
//! - M/M/c: one client, one station with 8 servers at utilisation 0.8;
//! - four-tier: client -> load balancer -> service -> cache -> database, with
//!   network hops, reads and writes, a TTL cache and read replicas.
//!
//! Machines are noisy, so compare the ratios to the baseline within one run.
//! `ARCHPLAY_BENCH_EVENTS` sets the events per run (default 10 million).

use archplay::engine::model::{
    Component, ComponentId, ComponentKind, Connection, ConnectionId, Design, SimulationSettings,
};
use archplay::engine::sim::agenda::{Agenda, Event};
use archplay::engine::sim::random::SimRng;
use archplay::engine::sim::Simulation;
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Counts heap allocations, to show that the hot loop makes none once its pools have grown.
struct CountingAllocator;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const RUNS: usize = 5;

/// Allocations during the last simulated run, after its first 1 % of events.
static LAST_ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

fn add(
    design: &mut Design,
    kind: ComponentKind,
    name: &str,
    tweak: impl FnOnce(&mut Component),
) -> ComponentId {
    let id = design.next_component_id();
    let mut component = Component::new(id, kind, name);
    tweak(&mut component);
    design.components.push(component);
    id
}

fn connect(design: &mut Design, from: ComponentId, to: ComponentId) {
    let id = ConnectionId(design.connections.len() as u32);
    design.connections.push(Connection {
        id,
        from,
        to,
        ..Connection::default()
    });
}

/// One client, one 8-server station, utilisation 0.8, no network delay.
pub fn mmc_design() -> Design {
    let mut design = Design::new("bench M/M/8");
    design.workload.requests_per_second = 640.0;
    design.workload.hop_latency_ms = 0.0;
    design.workload.read_share = 1.0;
    let client = add(&mut design, ComponentKind::Client, "client", |_| {});
    let station = add(&mut design, ComponentKind::Service, "station", |c| {
        c.replicas.current = 1;
        c.concurrency = 8;
        c.service_time_ms = 10.0;
        c.queue_capacity = 1_000_000;
    });
    connect(&mut design, client, station);
    design
}

/// Client, load balancer, three service replicas, cache, database with two read replicas.
pub fn four_tier_design() -> Design {
    let mut design = Design::new("bench four tiers");
    design.workload.requests_per_second = 1_000.0;
    let client = add(&mut design, ComponentKind::Client, "client", |_| {});
    let balancer = add(&mut design, ComponentKind::LoadBalancer, "lb", |_| {});
    let service = add(&mut design, ComponentKind::Service, "service", |c| {
        c.replicas.current = 4
    });
    let cache = add(&mut design, ComponentKind::Cache, "cache", |c| {
        c.cache_ttl_s = 60.0
    });
    let database = add(&mut design, ComponentKind::Database, "db", |c| {
        c.read_replicas = 2
    });
    connect(&mut design, client, balancer);
    connect(&mut design, balancer, service);
    connect(&mut design, service, cache);
    connect(&mut design, cache, database);
    design
}

/// Events per second of a run of `design` that handles about `events` events.
fn simulate(design: &Design, events: u64) -> (f64, u64) {
    let mut design = design.clone();
    design.simulation = SimulationSettings {
        seed: 7,
        duration_s: 1e6,
        ..SimulationSettings::default()
    };
    // A long run bounded by `events` here, so no event budget of its own.
    let mut simulation =
        Simulation::with_event_budget(&design, u64::MAX).expect("bench designs are valid");
    let started = Instant::now();
    // The first 1 % lets the pools and queues grow to their working size.
    simulation.run_until(u64::MAX, events / 100);
    let allocations_before = ALLOCATIONS.load(Ordering::Relaxed);
    simulation.run_until(u64::MAX, events - events / 100);
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - allocations_before;
    let elapsed = started.elapsed().as_secs_f64();
    LAST_ALLOCATIONS.store(allocations, Ordering::Relaxed);
    let handled = simulation.stats().events;
    black_box(simulation.summary());
    (handled as f64 / elapsed, handled)
}

/// The bare agenda: `pending` events in the heap, each replaced by one at an
/// exponential delay, taken and scheduled the way the simulator does
/// (`take_first`, then the follow-up replaces it at the root).
fn baseline(events: u64, pending: u32) -> (f64, u64) {
    let mut agenda = Agenda::with_capacity(1024);
    let mut rng = SimRng::new(7);
    for client in 0..pending {
        agenda.schedule(rng.exponential_us(1000.0), Event::ClientSends { client });
    }
    let started = Instant::now();
    let mut handled = 0;
    while handled < events {
        let Some((time, event)) = agenda.take_first() else {
            break;
        };
        agenda.schedule(time + rng.exponential_us(1000.0), black_box(event));
        handled += 1;
    }
    (handled as f64 / started.elapsed().as_secs_f64(), handled)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn report(name: &str, run: impl Fn() -> (f64, u64), baseline_rate: Option<f64>) -> f64 {
    let results: Vec<(f64, u64)> = (0..RUNS).map(|_| run()).collect();
    let rate = median(results.iter().map(|r| r.0).collect());
    let ratio = baseline_rate.map_or(String::new(), |b| {
        format!("  ({:.2} x the baseline's cost per event)", b / rate)
    });
    println!(
        "{name:<12} median {:>7.2} M events/s over {RUNS} runs of {} events{ratio}",
        rate / 1e6,
        results[0].1
    );
    if baseline_rate.is_some() {
        println!(
            "{:<12} heap allocations after the first 1 % of events: {}",
            "",
            LAST_ALLOCATIONS.load(Ordering::Relaxed)
        );
    }
    rate
}

fn main() {
    let events: u64 = std::env::var("ARCHPLAY_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let mmc = mmc_design();
    let four_tier = four_tier_design();
    // `cargo bench --bench sim -- mmc` runs only the workloads whose name contains the filter.
    let filter: Option<String> = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let wanted = |name: &str| {
        filter
            .as_ref()
            .is_none_or(|f| name.to_lowercase().replace('/', "").contains(f.as_str()))
    };
    let base = report("baseline", || baseline(events, 9), None);
    if wanted("M/M/c") {
        report("M/M/c", || simulate(&mmc, events), Some(base));
    }
    if wanted("four-tier") {
        report("four-tier", || simulate(&four_tier, events), Some(base));
    }
}
