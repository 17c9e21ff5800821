//! Where a client, gateway or load balancer sends a request, and which
//! database station serves it.
//!
//! - A client picks one of its targets uniformly at random (random splitting
//!   keeps each target's arrivals Poisson).
//! - A gateway picks a route at random by weight among the routes whose method
//!   accepts the request (reads are GET, writes POST/PUT/DELETE; `ANY` takes
//!   both): no such route is a `no_route` error, and a route whose service its
//!   health checks found down is `service_not_found`.
//! - A load balancer skips targets its health checks found down and picks by
//!   its strategy: round robin, smooth weighted round robin (nginx's), or
//!   fewest calls in flight with ties taken in round-robin order.
//! - A database sends writes to the primary of the shard owning the key, reads
//!   to that shard's read replicas (to the primary when it has none); a key no
//!   shard owns is a `no_shard` error.
//!
//! What must stay true: choices depend only on the node's state and the seeded
//! random source, never on iteration over a hash map.

use super::cause::Cause;
use super::random::SimRng;
use super::station::NONE;
use super::topology::Node;
use crate::engine::model::{ComponentKind, HttpMethod, LoadBalancingStrategy};

/// Whether a route with `method` accepts a read (`read`) or a write.
fn accepts(method: HttpMethod, read: bool) -> bool {
    match method {
        HttpMethod::Any => true,
        HttpMethod::Get => read,
        HttpMethod::Post | HttpMethod::Put | HttpMethod::Delete => !read,
    }
}

/// Index into `node.split` of the target for a request, or why there is none.
pub fn pick_target(node: &mut Node, read: bool, rng: &mut SimRng) -> Result<usize, Cause> {
    let n = node.split.len();
    if n == 0 {
        return Err(if node.kind == ComponentKind::ApiGateway {
            Cause::NoRoute
        } else {
            Cause::NoTarget
        });
    }
    match node.kind {
        ComponentKind::ApiGateway => pick_route(node, read, rng),
        ComponentKind::LoadBalancer => pick_balanced(node),
        _ => Ok(rng.below(n as u32) as usize),
    }
}

fn pick_route(node: &Node, read: bool, rng: &mut SimRng) -> Result<usize, Cause> {
    let total: f64 = node
        .split
        .iter()
        .filter(|t| accepts(t.method, read))
        .map(|t| t.weight)
        .sum();
    let matching = node
        .split
        .iter()
        .filter(|t| accepts(t.method, read))
        .count();
    if matching == 0 {
        return Err(Cause::NoRoute);
    }
    let chosen = if total > 0.0 {
        let mut point = rng.uniform() * total;
        let mut last = NONE as usize;
        let mut found = None;
        for (i, target) in node.split.iter().enumerate() {
            if !accepts(target.method, read) || target.weight <= 0.0 {
                continue;
            }
            last = i;
            if point < target.weight {
                found = Some(i);
                break;
            }
            point -= target.weight;
        }
        // Rounding can leave the point just past the last weight.
        found.unwrap_or(last)
    } else {
        let k = rng.below(matching as u32) as usize;
        node.split
            .iter()
            .enumerate()
            .filter(|(_, t)| accepts(t.method, read))
            .nth(k)
            .map_or(0, |(i, _)| i)
    };
    if node.unhealthy[chosen] {
        return Err(Cause::ServiceNotFound);
    }
    Ok(chosen)
}

fn pick_balanced(node: &mut Node) -> Result<usize, Cause> {
    let n = node.split.len();
    if node.unhealthy.iter().all(|&down| down) {
        return Err(Cause::NoTarget);
    }
    match node.strategy {
        LoadBalancingStrategy::RoundRobin => {
            for _ in 0..n {
                let i = node.cursor as usize % n;
                node.cursor = ((i + 1) % n) as u32;
                if !node.unhealthy[i] {
                    return Ok(i);
                }
            }
            Err(Cause::NoTarget)
        }
        LoadBalancingStrategy::Weighted => {
            // Smooth weighted round robin: raise every current weight by its
            // weight, take the largest, lower it by the total.
            let mut total = 0.0;
            let mut best: Option<usize> = None;
            for i in 0..n {
                if node.unhealthy[i] {
                    continue;
                }
                let weight = node.split[i].weight;
                total += weight;
                node.smooth[i] += weight;
                if best.is_none_or(|b| node.smooth[i] > node.smooth[b]) {
                    best = Some(i);
                }
            }
            let best = best.ok_or(Cause::NoTarget)?;
            node.smooth[best] -= total;
            Ok(best)
        }
        LoadBalancingStrategy::LeastConnections => {
            let start = node.cursor as usize % n;
            let mut best: Option<usize> = None;
            for step in 0..n {
                let i = (start + step) % n;
                if node.unhealthy[i] {
                    continue;
                }
                if best.is_none_or(|b| node.in_flight[i] < node.in_flight[b]) {
                    best = Some(i);
                }
            }
            let best = best.ok_or(Cause::NoTarget)?;
            node.cursor = ((best + 1) % n) as u32;
            Ok(best)
        }
    }
}

/// The database station for a call with `key`, or `no_shard`.
pub fn database_station(node: &Node, key: u32, read: bool) -> Result<u32, Cause> {
    let shard = node
        .shards
        .iter()
        .find(|s| s.start <= key && key < s.end)
        .ok_or(Cause::NoShard)?;
    Ok(if read && shard.replicas != NONE {
        shard.replicas
    } else {
        shard.primary
    })
}
