//! How the analytic estimate routes traffic through a design, checked against
//! M/M/c values computed in the test from the routing rules by hand.
//!
//! This file holds the helpers and the sketches several groups share; the
//! tests are grouped by what they check: `routing` (how traffic splits),
//! `data_stores` (caches, read replicas, shards), `capacity` (saturation,
//! bottlenecks, hops, response time), `events` (buses, processors, loops) and
//! `robustness` (no client, linearity, determinism, unvalidated designs).

mod capacity;
mod data_stores;
mod events;
mod robustness;
mod routing;

use crate::{assert_close, id_of, mmc_response_ms, mmc_wait_ms, sketch, sketch_onto};
use archplay::engine::score::analytic::{estimate, shard_shares, Estimate, StationEstimate};

/// The estimate of `design` (a name that local `estimate` variables cannot shadow).
fn run(design: &Design) -> Estimate {
    estimate(design)
}
use archplay::engine::model::Design;

fn station<'a>(estimate: &'a Estimate, design: &Design, name: &str) -> &'a StationEstimate {
    let id = id_of(design, name);
    estimate
        .stations
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no station for {name}"))
}

/// Arrivals per second at each named component.
#[track_caller]
fn check_arrivals(design: &Design, expected: &[(&str, f64)]) {
    let estimate = estimate(design);
    for (name, rps) in expected {
        assert_close(
            station(&estimate, design, name).arrival_rps,
            *rps,
            &format!("arrivals at {name}"),
        );
    }
}

const SPLIT: &str = "
client web
service a replicas.current=2
service b replicas.current=2
design workload.requests_per_second=400
";

const CACHED: &str = "
client web
service api replicas.current=4
cache cache cache_ttl_s=1
database db
web -> api
api -> cache
cache -> db
design workload.requests_per_second=1000 workload.read_share=0.8 workload.key_space=1000
";

const REPLICATED: &str = "
client web
service api replicas.current=4
database db read_replicas=2
web -> api
api -> db
design workload.requests_per_second=1000
";

const CHAIN: &str = "
client web
service front
service back service_time_ms=50
web -> front
front -> back
";

const EVENTS: &str = "
client web
service producer topic=orders
event_bus bus
service sub-orders
service sub-payments
service sub-everything
web -> producer
producer -> bus
design workload.requests_per_second=500 workload.read_share=0.8
";
