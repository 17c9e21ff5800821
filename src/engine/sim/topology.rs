//! Turns a design into the simulator's tables: one node per component, one
//! station per queue (a database has a primary and a read-replica station per
//! shard), and each node's outgoing connections sorted by what they carry.
//!
//! The rules are the analytic estimate's (see [`crate::engine::score::analytic`]):
//! clients, gateways and load balancers call every auth provider they are
//! connected to and then one of their other targets; services and auth
//! providers call each request target in turn; caches pass misses and writes
//! on; components other than clients, buses and stores publish one event per
//! write to each bus or store they are connected to; a bus delivers each event
//! to every subscriber whose topics match (an empty list matches all).
//!
//! What must stay true: any design (even one that did not pass validation)
//! builds without panicking: dangling connections are skipped, zero sizes are
//! clamped, and only a component too large to simulate or per-topic tables
//! past [`super::limits::MAX_TOPIC_CELLS`] are refused.

use super::cause::Cause;
use super::error::SimError;
use super::station::{Station, NONE};
use super::stats::{LogHistogram, Moments, Presence};
use crate::engine::model::graph::{flow, Flow, Index};
use crate::engine::model::{ComponentId, ComponentKind, Design, HttpMethod, LoadBalancingStrategy};
use crate::engine::quote::quote;
use std::collections::BTreeMap;

/// Most servers one station may reach (replicas x concurrency).
pub const MAX_SERVERS_PER_STATION: u64 = 1_000_000;

/// A target a client, gateway or load balancer may pick.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// Component index.
    pub node: u32,
    /// Share of traffic (gateways, weighted balancers).
    pub weight: f64,
    /// Method the route accepts (gateways).
    pub method: HttpMethod,
}

/// One range shard of a database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// First key, inclusive.
    pub start: u32,
    /// Last key, exclusive.
    pub end: u32,
    /// Station of the primary (writes, and reads when there is no replica).
    pub primary: u32,
    /// Station of the read replicas, or [`NONE`].
    pub replicas: u32,
}

/// A bus subscription.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    /// Subscriber's component index.
    pub node: u32,
    /// Topic ids it wants; empty means every topic.
    pub topics: Vec<u32>,
}

/// Measurements of one component.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeStats {
    /// Calls that reached it.
    pub arrivals: u64,
    /// Calls it answered successfully.
    pub completed: u64,
    /// Calls that failed here or below.
    pub failed: u64,
    /// Failures that started here, by cause.
    pub errors: [u64; Cause::COUNT],
    /// Time from arrival to a successful answer, µs.
    pub latency: Moments,
    /// The same, as a histogram.
    pub latency_histogram: LogHistogram,
    /// Sum of the time every departed call (success or failure) spent here, µs.
    pub sojourn_total_us: u128,
    /// Calls present (queued, served, or waiting on a callee).
    pub in_system: Presence,
    /// Cache reads answered from the cache.
    pub cache_hits: u64,
    /// Cache reads passed on.
    pub cache_misses: u64,
    /// Events published through this bus, per topic id.
    pub published: Vec<u64>,
    /// Events refused because the channel was full, per topic id.
    pub channel_full: Vec<u64>,
    /// Events delivered to subscribers.
    pub delivered: u64,
}

/// One component at run time.
#[derive(Clone, Debug)]
pub struct Node {
    /// The component's id.
    pub id: ComponentId,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: ComponentKind,
    /// Its station, or [`NONE`] (clients, databases, observers).
    pub station: u32,
    /// Database shards.
    pub shards: Vec<Shard>,
    /// Auth providers called before the target (clients, gateways, balancers).
    pub auth: Vec<u32>,
    /// Targets one of which is picked (clients, gateways, balancers).
    pub split: Vec<Target>,
    /// Targets called in turn (services, auth providers, caches).
    pub calls: Vec<u32>,
    /// Buses and stores it publishes to.
    pub publishes: Vec<u32>,
    /// Subscriptions of a bus.
    pub subscribers: Vec<Subscription>,
    /// Topic id of the events it publishes.
    pub topic: u32,
    /// Load-balancing strategy.
    pub strategy: LoadBalancingStrategy,
    /// Round-robin position.
    pub cursor: u32,
    /// Smooth weighted round robin state, per split target.
    pub smooth: Vec<f64>,
    /// Calls in flight per split target (least connections).
    pub in_flight: Vec<u32>,
    /// Split targets its health checks found down.
    pub unhealthy: Vec<bool>,
    /// Cache entry lifetime, µs.
    pub ttl_us: u64,
    /// Bounded channel capacity per topic (buses).
    pub channel_capacity: u32,
    /// Events held per topic (buses).
    pub channel_occupancy: Vec<u32>,
    /// A fault has taken it down.
    pub down: bool,
    /// Share of arrivals failed by an injected fault.
    pub error_rate: f64,
    /// Measurements.
    pub stats: NodeStats,
}

/// The tables built from a design.
pub struct Topology {
    /// One per component, in design order.
    pub nodes: Vec<Node>,
    /// Every station.
    pub stations: Vec<Station>,
    /// Topic names by id.
    pub topics: Vec<String>,
    /// Component indices of the clients.
    pub clients: Vec<u32>,
}

/// The topic a component publishes under: its topic, or its name when it has none.
fn topic_name(design: &Design, i: usize) -> &str {
    let component = &design.components[i];
    if component.topic.is_empty() {
        &component.name
    } else {
        &component.topic
    }
}

/// Builds the tables; fails only for a component too large to simulate.
pub fn build(design: &Design) -> Result<Topology, SimError> {
    let index = Index::new(design);
    let mut topics: Vec<String> = Vec::new();
    // Ids in order of first use; the map only finds them (a design may name
    // 100,000 topics, so a linear search would be quadratic).
    let mut topic_ids: BTreeMap<String, u32> = BTreeMap::new();
    let mut intern = |name: &str| -> u32 {
        if let Some(&id) = topic_ids.get(name) {
            return id;
        }
        let id = topics.len() as u32;
        topics.push(name.to_string());
        topic_ids.insert(name.to_string(), id);
        id
    };
    let mut nodes = Vec::with_capacity(design.components.len());
    let mut stations = Vec::new();
    let mut clients = Vec::new();
    for (i, component) in design.components.iter().enumerate() {
        let kind = component.kind;
        let concurrency = component.concurrency.max(1);
        let mean_us = component.service_time_ms.max(0.0) * 1000.0;
        let largest = u64::from(
            component
                .replicas
                .max
                .max(component.replicas.current)
                .max(component.read_replicas),
        ) * u64::from(concurrency);
        if largest > MAX_SERVERS_PER_STATION {
            return Err(SimError::TooLarge {
                component: quote(&component.name),
                problem: format!("{largest} servers; the simulator handles at most {MAX_SERVERS_PER_STATION} per component"),
            });
        }
        let mut node = Node {
            id: component.id,
            name: component.name.clone(),
            kind,
            station: NONE,
            shards: Vec::new(),
            auth: Vec::new(),
            split: Vec::new(),
            calls: Vec::new(),
            publishes: Vec::new(),
            subscribers: Vec::new(),
            topic: intern(topic_name(design, i)),
            strategy: component.strategy,
            cursor: 0,
            smooth: Vec::new(),
            in_flight: Vec::new(),
            unhealthy: Vec::new(),
            ttl_us: super::random::seconds_to_micros(component.cache_ttl_s.max(0.0)),
            channel_capacity: component.channel_capacity,
            channel_occupancy: Vec::new(),
            down: false,
            error_rate: 0.0,
            stats: NodeStats::default(),
        };
        let queue = Some(component.queue_capacity);
        match kind {
            ComponentKind::Client => clients.push(i as u32),
            ComponentKind::ServiceRegistry | ComponentKind::Monitoring => {}
            ComponentKind::Database => {
                let ranges: Vec<(u32, u32)> = if component.shards.is_empty() {
                    vec![(0, u32::MAX)]
                } else {
                    component.shards.iter().map(|s| (s.start, s.end)).collect()
                };
                for (start, end) in ranges {
                    let primary = stations.len() as u32;
                    stations.push(Station::new(i as u32, mean_us, concurrency, queue, 1));
                    let replicas = if component.read_replicas > 0 {
                        stations.push(Station::new(
                            i as u32,
                            mean_us,
                            concurrency,
                            queue,
                            component.read_replicas,
                        ));
                        primary + 1
                    } else {
                        NONE
                    };
                    node.shards.push(Shard {
                        start,
                        end,
                        primary,
                        replicas,
                    });
                }
            }
            ComponentKind::EventBus => {
                node.station = stations.len() as u32;
                stations.push(Station::new(
                    i as u32,
                    mean_us,
                    concurrency,
                    None,
                    component.replicas.current,
                ));
            }
            _ => {
                node.station = stations.len() as u32;
                stations.push(Station::new(
                    i as u32,
                    mean_us,
                    concurrency,
                    queue,
                    component.replicas.current,
                ));
            }
        }
        nodes.push(node);
    }
    for connection in &design.connections {
        let (Some(from), Some(to)) = (index.get(connection.from), index.get(connection.to)) else {
            continue;
        };
        if from == to {
            continue;
        }
        let (from_kind, to_kind) = (design.components[from].kind, design.components[to].kind);
        let node = &mut nodes[from];
        match flow(from_kind, to_kind) {
            Flow::Observe => {}
            Flow::Publish => {
                if !matches!(
                    from_kind,
                    ComponentKind::Client | ComponentKind::EventBus | ComponentKind::EventStore
                ) {
                    node.publishes.push(to as u32);
                }
            }
            Flow::Deliver => {
                let wanted = connection.topics.iter().map(|t| intern(t)).collect();
                node.subscribers.push(Subscription {
                    node: to as u32,
                    topics: wanted,
                });
            }
            Flow::Request => match from_kind {
                ComponentKind::Client | ComponentKind::ApiGateway | ComponentKind::LoadBalancer => {
                    if to_kind == ComponentKind::AuthProvider {
                        node.auth.push(to as u32);
                    } else {
                        node.split.push(Target {
                            node: to as u32,
                            weight: connection.weight.max(0.0),
                            method: connection.method,
                        });
                    }
                }
                ComponentKind::Service | ComponentKind::AuthProvider | ComponentKind::Cache => {
                    node.calls.push(to as u32)
                }
                _ => {}
            },
        }
    }
    let topic_count = topics.len();
    let holders = nodes
        .iter()
        .filter(|n| matches!(n.kind, ComponentKind::EventBus | ComponentKind::EventStore))
        .count();
    super::limits::check_topics(topic_count, holders)?;
    for node in &mut nodes {
        node.smooth = vec![0.0; node.split.len()];
        node.in_flight = vec![0; node.split.len()];
        node.unhealthy = vec![false; node.split.len()];
        if node.kind == ComponentKind::EventBus {
            node.channel_occupancy = vec![0; topic_count];
            node.stats.published = vec![0; topic_count];
            node.stats.channel_full = vec![0; topic_count];
        }
    }
    Ok(Topology {
        nodes,
        stations,
        topics,
        clients,
    })
}
