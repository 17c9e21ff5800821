//! The seed's `Architecture` facts, derived from the design with a reason each.
//!
//! Facts the graph can tell (scaling, balancing, caching, sharding, fault
//! tolerance, redundancy, monitoring, the security flags) are derived from it;
//! performance comes from the analytic estimate; the rest are the design's
//! team inputs. What must stay true: every fact says why it holds or not, in
//! terms of this design, and what would change it.

use crate::engine::model::graph::{flow, incoming, outgoing, request_path, Flow, Index};
use crate::engine::model::{Component, ComponentId, ComponentKind as K, Design};
use crate::engine::score::analytic::{estimate, Estimate};

/// A yes-or-no fact with its reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Whether the design has the property.
    pub holds: bool,
    /// Why, naming components.
    pub reason: String,
    /// What change would make it hold (empty when it holds).
    pub fix: String,
    /// The component the reason is mostly about.
    pub component: Option<ComponentId>,
}

/// A measured or entered figure with its reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// The figure; `None` when it cannot be had (a saturated design has no mean response time).
    pub value: Option<f64>,
    /// Where it comes from.
    pub reason: String,
    /// The component the reason is mostly about.
    pub component: Option<ComponentId>,
}

/// Every fact the rubric reads, named after the seed's Architecture fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub supports_horizontal_scaling: Fact,
    pub has_load_balancing: Fact,
    pub has_caching: Fact,
    pub supports_database_sharding: Fact,
    pub has_fault_tolerance: Fact,
    pub has_redundancy: Fact,
    pub has_backup_recovery: Fact,
    pub has_monitoring: Fact,
    pub has_alerting: Fact,
    pub has_authentication: Fact,
    pub has_authorization: Fact,
    pub has_encryption: Fact,
    pub has_audit_logging: Fact,
    pub has_vulnerability_scanning: Fact,
    pub response_time_ms: Measure,
    pub throughput_rps: Measure,
    pub latency_ms: Measure,
    pub cpu_percent: Measure,
    pub code_quality: Measure,
    pub documentation: Measure,
    pub test_coverage: Measure,
    pub modularity: Measure,
    pub complexity: Measure,
    pub user_experience: Measure,
    pub accessibility: Measure,
    pub responsiveness: Measure,
    pub error_handling: Measure,
    /// The estimate the performance facts came from.
    pub estimate: Estimate,
}

fn yes(reason: String) -> Fact {
    Fact {
        holds: true,
        reason,
        fix: String::new(),
        component: None,
    }
}

fn no(reason: String, fix: String, component: Option<&Component>) -> Fact {
    Fact {
        holds: false,
        reason,
        fix,
        component: component.map(|c| c.id),
    }
}

fn entered(value: f64, what: &str) -> Measure {
    Measure {
        value: Some(value),
        reason: format!("{what} as entered for the design"),
        component: None,
    }
}

/// Derives every fact of `design`.
pub fn derive(design: &Design) -> Facts {
    let context = Context::new(design);
    let estimate = estimate(design);
    let team = design.team;
    Facts {
        supports_horizontal_scaling: context.horizontal_scaling(),
        has_load_balancing: context.load_balancing(),
        has_caching: context.caching(),
        supports_database_sharding: context.sharding(),
        has_fault_tolerance: context.fault_tolerance(),
        has_redundancy: context.redundancy(),
        has_backup_recovery: context.backup(),
        has_monitoring: context.monitoring(),
        has_alerting: context.alerting(),
        has_authentication: context.authentication(),
        has_authorization: context.all_on_path(
            |c| c.kind == K::Service,
            |c| c.security.authorization,
            "authorization",
            "services",
        ),
        has_encryption: context.encryption(),
        has_audit_logging: context.all_on_path(
            |c| {
                matches!(
                    c.kind,
                    K::Service | K::ApiGateway | K::Database | K::AuthProvider
                )
            },
            |c| c.security.audit_logging,
            "audit logging",
            "services, gateways, auth providers and databases",
        ),
        has_vulnerability_scanning: if team.vulnerability_scanning {
            yes("vulnerability scanning is part of the team's process (design input)".into())
        } else {
            no("no vulnerability scanning is declared for the design".into(), "turn on vulnerability scanning in the design's team inputs once the pipeline scans dependencies and images".into(), None)
        },
        response_time_ms: crate::engine::score::performance::response_time(design, &estimate),
        throughput_rps: crate::engine::score::performance::throughput(design, &estimate),
        latency_ms: crate::engine::score::performance::latency(design, &estimate),
        cpu_percent: crate::engine::score::performance::cpu(design, &estimate),
        code_quality: entered(team.code_quality, "code quality"),
        documentation: entered(team.documentation, "documentation"),
        test_coverage: entered(team.test_coverage, "test coverage"),
        modularity: context.modularity(),
        complexity: context.complexity(),
        user_experience: entered(team.user_experience, "user experience"),
        accessibility: entered(team.accessibility, "accessibility"),
        responsiveness: entered(team.responsiveness, "responsiveness"),
        error_handling: entered(team.error_handling, "error handling"),
        estimate,
    }
}

/// Graph facts computed once per derivation.
struct Context<'a> {
    design: &'a Design,
    index: Index,
    on_path: Vec<bool>,
}

impl<'a> Context<'a> {
    fn new(design: &'a Design) -> Context<'a> {
        Context {
            design,
            index: Index::new(design),
            on_path: request_path(design),
        }
    }

    fn path_components(&self) -> impl Iterator<Item = &'a Component> + '_ {
        self.design
            .components
            .iter()
            .zip(&self.on_path)
            .filter(|(c, on)| **on && c.kind != K::Client)
            .map(|(c, _)| c)
    }

    fn kind_of(&self, id: ComponentId) -> Option<K> {
        self.index.get(id).map(|i| self.design.components[i].kind)
    }

    /// Whether a component's requests arrive through a balancer (load balancer,
    /// gateway, or an event bus whose subscribers compete for events) or it is
    /// discoverable through a service registry.
    fn balanced(&self, component: &Component) -> bool {
        let from_balancer = incoming(self.design, component.id).any(|c| {
            matches!(
                self.kind_of(c.from),
                Some(K::LoadBalancer | K::ApiGateway | K::EventBus)
            )
        });
        let registered = outgoing(self.design, component.id)
            .chain(incoming(self.design, component.id))
            .any(|c| {
                self.kind_of(c.to) == Some(K::ServiceRegistry)
                    || self.kind_of(c.from) == Some(K::ServiceRegistry)
            });
        from_balancer || registered
    }

    fn health_checked(&self, component: &Component) -> bool {
        incoming(self.design, component.id).any(|c| {
            self.index
                .get(c.from)
                .map(|i| &self.design.components[i])
                .is_some_and(|from| {
                    matches!(from.kind, K::LoadBalancer | K::ApiGateway)
                        && from.health_check.enabled
                })
        })
    }

    fn services(&self) -> Vec<&'a Component> {
        self.design
            .components
            .iter()
            .filter(|c| c.kind == K::Service)
            .collect()
    }

    fn horizontal_scaling(&self) -> Fact {
        let services = self.services();
        if services.is_empty() {
            return no(
                "the design has no services to scale".into(),
                "add a service behind a load balancer".into(),
                None,
            );
        }
        if let Some(fixed) = services.iter().find(|c| c.replicas.max < 2) {
            return no(
                format!(
                    "{} can run at most {} replica",
                    fixed.name, fixed.replicas.max
                ),
                format!("raise the max replicas of {} to 2 or more", fixed.name),
                Some(fixed),
            );
        }
        if let Some(alone) = services.iter().find(|c| !self.balanced(c)) {
            return no(
                format!("{} has no load balancer, gateway or registry to spread traffic over new replicas", alone.name),
                format!("put a load balancer in front of {} or register it with a service registry", alone.name),
                Some(alone),
            );
        }
        yes(format!(
            "all {} services can add replicas and receive traffic through a balancer",
            services.len()
        ))
    }

    fn load_balancing(&self) -> Fact {
        let balancers = self
            .path_components()
            .filter(|c| matches!(c.kind, K::LoadBalancer | K::ApiGateway))
            .count();
        if balancers == 0 {
            return no(
                "no load balancer or gateway is on the request path".into(),
                "route client traffic through a load balancer".into(),
                None,
            );
        }
        if let Some(alone) = self
            .services()
            .into_iter()
            .find(|c| c.replicas.current > 1 && !self.balanced(c))
        {
            return no(
                format!(
                    "{} runs {} replicas but nothing balances traffic across them",
                    alone.name, alone.replicas.current
                ),
                format!("connect a load balancer to {}", alone.name),
                Some(alone),
            );
        }
        yes(format!("{balancers} balancer(s) on the request path spread traffic over every replicated service"))
    }

    fn caching(&self) -> Fact {
        match self.path_components().find(|c| c.kind == K::Cache) {
            Some(cache) => yes(format!(
                "{} answers {:.0}% of reads before they reach what is behind it",
                cache.name,
                cache.cache_hit_ratio * 100.0
            )),
            None => no(
                "no cache is on the request path".into(),
                "put a cache between a service and its database".into(),
                None,
            ),
        }
    }

    fn sharding(&self) -> Fact {
        let databases: Vec<&Component> = self
            .path_components()
            .filter(|c| c.kind == K::Database)
            .collect();
        let space = self.design.workload.key_space;
        for db in &databases {
            if db.shards.len() >= 2 {
                let covered: u64 = db
                    .shards
                    .iter()
                    .map(|s| u64::from(s.end.saturating_sub(s.start)))
                    .sum();
                if covered == u64::from(space) {
                    return yes(format!(
                        "{} splits the key space 0..{space} into {} range shards",
                        db.name,
                        db.shards.len()
                    ));
                }
                return no(
                    format!(
                        "{} has {} shards but they leave {} of {space} keys unowned",
                        db.name,
                        db.shards.len(),
                        u64::from(space).saturating_sub(covered)
                    ),
                    format!(
                        "make the shard ranges of {} cover 0..{space} without gaps",
                        db.name
                    ),
                    Some(db),
                );
            }
        }
        match databases.first() {
            Some(db) => no(
                format!("{} is not sharded", db.name),
                format!("give {} two or more shard key ranges", db.name),
                Some(db),
            ),
            None => no(
                "no database is on the request path".into(),
                "add a database with range shards".into(),
                None,
            ),
        }
    }

    fn fault_tolerance(&self) -> Fact {
        for component in self.path_components() {
            let single = match component.kind {
                K::Database => component.read_replicas == 0,
                _ => component.replicas.current < 2,
            };
            if single {
                let what = if component.kind == K::Database {
                    "has no read replica to fail over to".to_string()
                } else {
                    format!("runs {} replica", component.replicas.current)
                };
                let fronted = if component.kind == K::Service && !self.balanced(component) {
                    " and no load balancer in front"
                } else {
                    ""
                };
                return no(
                    format!(
                        "{} {what}{fronted}: it is a single point of failure on the request path",
                        component.name
                    ),
                    if component.kind == K::Database {
                        format!("add a read replica to {}", component.name)
                    } else {
                        format!("run at least 2 replicas of {}", component.name)
                    },
                    Some(component),
                );
            }
            if component.kind == K::Service && !self.health_checked(component) {
                return no(
                    format!(
                        "nothing health-checks {}, so a failed replica keeps receiving requests",
                        component.name
                    ),
                    format!(
                        "enable health checks on the load balancer or gateway in front of {}",
                        component.name
                    ),
                    Some(component),
                );
            }
        }
        if self.path_components().next().is_none() {
            return no(
                "no component is on the request path".into(),
                "connect a client to the design".into(),
                None,
            );
        }
        yes("every component on the request path has a second replica, and services sit behind health checks".into())
    }

    fn redundancy(&self) -> Fact {
        let stores: Vec<&Component> = self
            .design
            .components
            .iter()
            .filter(|c| c.kind.is_data_store())
            .collect();
        if stores.is_empty() {
            return no(
                "the design holds no data store".into(),
                "add a database, cache or event store".into(),
                None,
            );
        }
        for store in &stores {
            let redundant = if store.kind == K::Database {
                store.read_replicas > 0
            } else {
                store.replicas.current >= 2
            };
            if !redundant {
                return no(
                    format!("{} keeps a single copy of its data", store.name),
                    if store.kind == K::Database {
                        format!("add a read replica to {}", store.name)
                    } else {
                        format!("run 2 or more replicas of {}", store.name)
                    },
                    Some(store),
                );
            }
        }
        yes(format!(
            "all {} data stores keep a second copy",
            stores.len()
        ))
    }

    fn backup(&self) -> Fact {
        let durable: Vec<&Component> = self
            .design
            .components
            .iter()
            .filter(|c| matches!(c.kind, K::Database | K::EventStore))
            .collect();
        if durable.is_empty() {
            return no(
                "no database or event store holds data to back up".into(),
                "add a database with backups".into(),
                None,
            );
        }
        match durable.iter().find(|c| !c.backup) {
            Some(c) => no(
                format!("{} has no backup", c.name),
                format!("enable backup and restore on {}", c.name),
                Some(c),
            ),
            None => yes(format!(
                "all {} databases and event stores are backed up",
                durable.len()
            )),
        }
    }

    fn watched(&self, component: &Component) -> bool {
        let touches_monitoring = |id: ComponentId| self.kind_of(id) == Some(K::Monitoring);
        incoming(self.design, component.id).any(|c| touches_monitoring(c.from))
            || outgoing(self.design, component.id).any(|c| touches_monitoring(c.to))
    }

    fn monitoring(&self) -> Fact {
        let monitors = self
            .design
            .components
            .iter()
            .filter(|c| c.kind == K::Monitoring)
            .count();
        if monitors == 0 {
            return no(
                "the design has no monitoring".into(),
                "add a monitoring component and connect it to every component".into(),
                None,
            );
        }
        match self
            .path_components()
            .find(|c| c.kind.is_workload() && !self.watched(c))
        {
            Some(c) => no(
                format!("nothing monitors {}", c.name),
                format!("connect monitoring to {}", c.name),
                Some(c),
            ),
            None => yes("monitoring watches every component on the request path".into()),
        }
    }

    fn alerting(&self) -> Fact {
        let monitors: Vec<&Component> = self
            .design
            .components
            .iter()
            .filter(|c| c.kind == K::Monitoring)
            .collect();
        match monitors.iter().find(|m| m.alerting) {
            Some(m) => yes(format!("{} has alert rules", m.name)),
            None => match monitors.first() {
                Some(m) => no(
                    format!("{} has no alert rules", m.name),
                    format!("turn on alert rules in {}", m.name),
                    Some(m),
                ),
                None => no(
                    "there is no monitoring to raise alerts".into(),
                    "add monitoring with alert rules".into(),
                    None,
                ),
            },
        }
    }

    fn entry_points(&self) -> Vec<&'a Component> {
        let mut entries: Vec<&Component> = Vec::new();
        for connection in &self.design.connections {
            if self.kind_of(connection.from) != Some(K::Client) {
                continue;
            }
            if let Some(i) = self.index.get(connection.to) {
                let target = &self.design.components[i];
                if !entries.iter().any(|e| e.id == target.id) {
                    entries.push(target);
                }
            }
        }
        entries
    }

    fn authentication(&self) -> Fact {
        let entries = self.entry_points();
        if entries.is_empty() {
            return no(
                "no client reaches the design, so no entry point authenticates".into(),
                "connect a client to a gateway".into(),
                None,
            );
        }
        for entry in entries {
            if !entry.security.authentication {
                return no(
                    format!(
                        "{} accepts client requests without authentication",
                        entry.name
                    ),
                    format!("turn on authentication at {}", entry.name),
                    Some(entry),
                );
            }
            let has_provider = outgoing(self.design, entry.id)
                .any(|c| self.kind_of(c.to) == Some(K::AuthProvider));
            if !has_provider {
                return no(
                    format!("{} requires authentication but no auth provider is connected to verify tokens", entry.name),
                    format!("connect {} to an auth provider", entry.name),
                    Some(entry),
                );
            }
        }
        yes("every entry point authenticates requests against an auth provider".into())
    }

    fn all_on_path(
        &self,
        applies: impl Fn(&Component) -> bool,
        has: impl Fn(&Component) -> bool,
        what: &str,
        whom: &str,
    ) -> Fact {
        let relevant: Vec<&Component> = self.path_components().filter(|c| applies(c)).collect();
        if relevant.is_empty() {
            return no(
                format!("no {whom} are on the request path to enforce {what}"),
                format!("add {whom} with {what}"),
                None,
            );
        }
        match relevant.iter().find(|c| !has(c)) {
            Some(c) => no(
                format!("{} has no {what}", c.name),
                format!("turn on {what} for {}", c.name),
                Some(c),
            ),
            None => yes(format!(
                "all {} {whom} on the request path have {what}",
                relevant.len()
            )),
        }
    }

    fn encryption(&self) -> Fact {
        if let Some(c) = self.path_components().find(|c| !c.security.tls) {
            return no(
                format!("traffic to {} is not encrypted (no TLS)", c.name),
                format!("turn on TLS for {}", c.name),
                Some(c),
            );
        }
        if let Some(c) = self
            .design
            .components
            .iter()
            .find(|c| c.kind.is_data_store() && !c.security.encryption_at_rest)
        {
            return no(
                format!("{} stores data unencrypted", c.name),
                format!("turn on encryption at rest for {}", c.name),
                Some(c),
            );
        }
        if self.path_components().next().is_none() {
            return no(
                "no component is on the request path".into(),
                "connect a client to the design".into(),
                None,
            );
        }
        yes(
            "TLS on every hop of the request path and encryption at rest on every data store"
                .into(),
        )
    }

    /// Share of services that own their data and sit in no call loop, in percent.
    fn modularity(&self) -> Measure {
        let services = self.services();
        if services.is_empty() {
            return Measure {
                value: Some(100.0),
                reason: "no services, so nothing is coupled".into(),
                component: None,
            };
        }
        let looped = crate::engine::score::performance::services_in_loops(self.design);
        let mut coupled: Option<&Component> = None;
        let modular = services
            .iter()
            .filter(|service| {
                let shares_store = outgoing(self.design, service.id).any(|c| {
                    matches!(self.kind_of(c.to), Some(K::Database))
                        && incoming(self.design, c.to).any(|other| {
                            other.from != service.id && self.kind_of(other.from) == Some(K::Service)
                        })
                });
                let ok = !shares_store && !looped.contains(&service.id);
                if !ok && coupled.is_none() {
                    coupled = Some(service);
                }
                ok
            })
            .count();
        let value = 100.0 * modular as f64 / services.len() as f64;
        let reason = match coupled {
            Some(c) => format!(
                "{modular} of {} services own their data and sit in no call loop; {} shares a database or calls in a loop",
                services.len(),
                c.name
            ),
            None => format!("all {} services own their data and sit in no call loop", services.len()),
        };
        Measure {
            value: Some(value),
            reason,
            component: coupled.map(|c| c.id),
        }
    }

    /// 25 points per synchronous call a component makes on average, plus 20 per
    /// service caught in a call loop, capped at 100.
    fn complexity(&self) -> Measure {
        let callers: Vec<&Component> = self
            .design
            .components
            .iter()
            .filter(|c| c.kind.is_workload())
            .collect();
        let calls = self
            .design
            .connections
            .iter()
            .filter(|c| {
                let (Some(a), Some(b)) = (self.kind_of(c.from), self.kind_of(c.to)) else {
                    return false;
                };
                a != K::Client && flow(a, b) == Flow::Request
            })
            .count();
        let fan_out = if callers.is_empty() {
            0.0
        } else {
            calls as f64 / callers.len() as f64
        };
        let looped = crate::engine::score::performance::services_in_loops(self.design).len();
        let value = (25.0 * fan_out + 20.0 * looped as f64).min(100.0);
        Measure {
            value: Some(value),
            reason: format!("components make {fan_out:.2} synchronous calls each on average; {looped} services are in call loops"),
            component: None,
        }
    }
}
