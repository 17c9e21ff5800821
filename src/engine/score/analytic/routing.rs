//! Routing rules over the request connections of one design: which
//! component sends what share of a request to which, in topological order,
//! for the analytic estimate ([`super::estimate`]).
//!
//! What must stay true: a loop or a dangling id ends the walk (members of a
//! loop come last, in design order); nothing here panics or loops forever.

use super::{accepts, Rates};
use crate::engine::model::graph::{flow, Flow, Index};
use crate::engine::model::{ComponentId, ComponentKind, Design, HttpMethod, LoadBalancingStrategy};

/// Routing rules over the request connections of one design.
pub(super) struct Routing<'a> {
    design: &'a Design,
    /// Outgoing (target index, flow, weight) per component.
    out: Vec<Vec<(usize, Flow, f64)>>,
    /// Route method per outgoing connection, parallel to `out`.
    methods: Vec<Vec<HttpMethod>>,
    /// Requests per entry request a gateway could not route (no route accepts their method).
    pub(super) unroutable: std::cell::Cell<f64>,
    /// Components in topological order of request connections; members of
    /// loops come last, in design order.
    order: Vec<usize>,
    has_loop: bool,
}

impl<'a> Routing<'a> {
    pub(super) fn new(design: &'a Design, index: &Index) -> Routing<'a> {
        let n = design.components.len();
        let mut out = vec![Vec::new(); n];
        let mut methods = vec![Vec::new(); n];
        let mut indegree = vec![0usize; n];
        for connection in &design.connections {
            let (Some(i), Some(j)) = (index.get(connection.from), index.get(connection.to)) else {
                continue;
            };
            let f = flow(design.components[i].kind, design.components[j].kind);
            out[i].push((j, f, connection.weight.max(0.0)));
            methods[i].push(connection.method);
            if matches!(f, Flow::Request | Flow::Publish) {
                indegree[j] += 1;
            }
        }
        let mut order: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
        let mut head = 0;
        while head < order.len() {
            let i = order[head];
            head += 1;
            for &(j, f, _) in &out[i] {
                if matches!(f, Flow::Request | Flow::Publish) {
                    indegree[j] -= 1;
                    if indegree[j] == 0 {
                        order.push(j);
                    }
                }
            }
        }
        let has_loop = order.len() < n;
        let mut placed = vec![false; n];
        for &i in &order {
            placed[i] = true;
        }
        order.extend((0..n).filter(|&i| !placed[i]));
        Routing {
            design,
            out,
            methods,
            order,
            has_loop,
            unroutable: std::cell::Cell::new(0.0),
        }
    }

    /// Pushes `seeds` through request and publish connections; returns the
    /// visits per component and the connection traversals per entry request.
    pub(super) fn propagate(
        &self,
        seeds: &[Rates],
        findings: &mut Vec<String>,
    ) -> (Vec<Rates>, f64) {
        if self.has_loop {
            findings
                .push("requests can travel in a loop; the estimate follows each loop once".into());
        }
        let mut inflow = seeds.to_vec();
        let mut hops = 0.0;
        for &i in &self.order {
            let here = inflow[i];
            if here.total() <= 0.0 {
                continue;
            }
            for (j, share) in self.forward(i, here) {
                hops += share.total();
                inflow[j].add(share);
            }
        }
        (inflow, hops)
    }

    /// Where the requests arriving at component `i` go next.
    pub(super) fn forward(&self, i: usize, here: Rates) -> Vec<(usize, Rates)> {
        let component = &self.design.components[i];
        let kinds = |j: usize| self.design.components[j].kind;
        let requests: Vec<(usize, f64, HttpMethod)> = self.out[i]
            .iter()
            .zip(&self.methods[i])
            .filter(|((_, f, _), _)| *f == Flow::Request)
            .map(|(&(j, _, w), &method)| (j, w, method))
            .collect();
        let publishes = self.out[i]
            .iter()
            .filter(|(_, f, _)| *f == Flow::Publish)
            .map(|&(j, _, _)| j);
        let mut next = Vec::new();
        match component.kind {
            ComponentKind::ApiGateway => {
                let (always, routes): (Vec<_>, Vec<_>) = requests
                    .into_iter()
                    .partition(|&(j, _, _)| kinds(j) == ComponentKind::AuthProvider);
                next.extend(always.into_iter().map(|(j, _, _)| {
                    (
                        j,
                        Rates {
                            read: here.total(),
                            write: 0.0,
                        },
                    )
                }));
                // Reads take GET routes, writes POST/PUT/DELETE ones, ANY takes
                // both; each class splits by weight among the routes it may take.
                for (read, rate) in [(true, here.read), (false, here.write)] {
                    let open: Vec<(usize, f64)> = routes
                        .iter()
                        .filter(|r| accepts(r.2, read))
                        .map(|&(j, w, _)| (j, w))
                        .collect();
                    if open.is_empty() {
                        self.unroutable.set(self.unroutable.get() + rate);
                        continue;
                    }
                    let total: f64 = open.iter().map(|&(_, w)| w).sum();
                    for &(j, w) in &open {
                        let share = if total > 0.0 {
                            w / total
                        } else {
                            1.0 / open.len() as f64
                        };
                        let rates = if read {
                            Rates {
                                read: rate * share,
                                write: 0.0,
                            }
                        } else {
                            Rates {
                                read: 0.0,
                                write: rate * share,
                            }
                        };
                        next.push((j, rates));
                    }
                }
            }
            ComponentKind::Client | ComponentKind::LoadBalancer => {
                let (always, split): (Vec<_>, Vec<_>) = requests
                    .into_iter()
                    .partition(|&(j, _, _)| kinds(j) == ComponentKind::AuthProvider);
                next.extend(always.into_iter().map(|(j, _, _)| {
                    (
                        j,
                        Rates {
                            read: here.total(),
                            write: 0.0,
                        },
                    )
                }));
                let by_weight = component.kind == ComponentKind::LoadBalancer
                    && component.strategy == LoadBalancingStrategy::Weighted;
                let total_weight: f64 = split.iter().map(|&(_, w, _)| w).sum();
                let even = !by_weight || total_weight <= 0.0;
                let count = split.len() as f64;
                for (j, w, _) in split {
                    let share = if even { 1.0 / count } else { w / total_weight };
                    next.push((j, here.scaled(share)));
                }
            }
            ComponentKind::Cache => {
                let miss = Rates {
                    read: here.read
                        * (1.0 - super::cache_hit_ratio_placeholder(component).clamp(0.0, 1.0)),
                    write: here.write,
                };
                next.extend(requests.into_iter().map(|(j, _, _)| (j, miss)));
            }
            ComponentKind::Service | ComponentKind::AuthProvider => {
                next.extend(requests.into_iter().map(|(j, _, _)| (j, here)));
            }
            _ => {}
        }
        if !matches!(
            component.kind,
            ComponentKind::Client | ComponentKind::EventBus | ComponentKind::EventStore
        ) {
            next.extend(publishes.map(|j| {
                (
                    j,
                    Rates {
                        read: 0.0,
                        write: here.write,
                    },
                )
            }));
        }
        next
    }

    /// Events each bus delivers to its subscribers, given the visits so far.
    pub(super) fn deliveries(&self, sync: &[Rates], async_rates: &[Rates]) -> Vec<Rates> {
        let n = self.design.components.len();
        let mut delivered = vec![Rates::default(); n];
        for bus in 0..n {
            if self.design.components[bus].kind != ComponentKind::EventBus {
                continue;
            }
            // Topic rates arriving at this bus: every publisher's writes under its topic.
            let mut topics: Vec<(&str, f64)> = Vec::new();
            for connection in &self.design.connections {
                let (Some(p), true) = (
                    self.position(connection.from),
                    connection.to == self.design.components[bus].id,
                ) else {
                    continue;
                };
                let publisher = &self.design.components[p];
                let rate = sync[p].write + async_rates[p].write;
                let topic = if publisher.topic.is_empty() {
                    publisher.name.as_str()
                } else {
                    publisher.topic.as_str()
                };
                match topics.iter_mut().find(|(t, _)| *t == topic) {
                    Some(entry) => entry.1 += rate,
                    None => topics.push((topic, rate)),
                }
            }
            for &(j, f, _) in &self.out[bus] {
                if f != Flow::Deliver {
                    continue;
                }
                let subscribed = self.design.connections.iter().find(|c| {
                    c.from == self.design.components[bus].id && c.to == self.design.components[j].id
                });
                let wants = |topic: &str| {
                    subscribed
                        .is_none_or(|c| c.topics.is_empty() || c.topics.iter().any(|t| t == topic))
                };
                let rate: f64 = topics
                    .iter()
                    .filter(|(t, _)| wants(t))
                    .map(|(_, r)| r)
                    .sum();
                delivered[j].add(Rates {
                    read: 0.0,
                    write: rate,
                });
            }
        }
        delivered
    }

    pub(super) fn position(&self, id: ComponentId) -> Option<usize> {
        self.design.components.iter().position(|c| c.id == id)
    }
}
