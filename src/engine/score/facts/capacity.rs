//! Facts about growing with load: horizontal scaling, load balancing,
//! caching and database sharding.
//!
//! What must stay true: each fact names the first component that breaks it.
use super::{no, yes, Context, Fact};
use crate::engine::model::{Component, ComponentKind as K};
use crate::engine::score::analytic::Estimate;
use crate::engine::words::{all_of, count, noun};

impl<'a> Context<'a> {
    pub(super) fn horizontal_scaling(&self) -> Fact {
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
                    "{} can run at most {}",
                    fixed.name,
                    count(u64::from(fixed.replicas.max), "replica", "replicas")
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
            "{} can add replicas and receive traffic through a balancer",
            all_of(services.len() as u64, "service", "services")
        ))
    }

    pub(super) fn load_balancing(&self) -> Fact {
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
        let n = balancers as u64;
        yes(format!(
            "{} on the request path {} traffic over every replicated service",
            count(n, "balancer", "balancers"),
            noun(n, "spreads", "spread")
        ))
    }

    /// A cache on the request path, with the hit ratio the estimate derives
    /// for it from its TTL, the reads reaching it and the key popularity.
    pub(super) fn caching(&self, estimate: &Estimate) -> Fact {
        let backed = |cache: &Component| {
            crate::engine::model::graph::outgoing(self.design, cache.id).any(|c| {
                self.kind_of(c.to).is_some_and(|kind| {
                    !matches!(
                        kind,
                        K::Monitoring | K::ServiceRegistry | K::EventBus | K::EventStore
                    )
                })
            })
        };
        if let Some(cache) = self
            .path_components()
            .find(|c| c.kind == K::Cache && !backed(c))
        {
            return no(
                format!(
                    "{} has nothing behind it: a miss finds no data to load",
                    cache.name
                ),
                format!("connect {} to the database it caches", cache.name),
                Some(cache),
            );
        }
        match self.path_components().find(|c| c.kind == K::Cache) {
            Some(cache) => {
                let ratio = estimate
                    .stations
                    .iter()
                    .find(|s| s.id == cache.id)
                    .and_then(|s| s.cache_hit_ratio)
                    .unwrap_or(0.0);
                yes(format!(
                    "{} answers an estimated {:.0}% of reads before they reach what is behind it (from its {} s TTL, the reads reaching it and the key popularity)",
                    cache.name,
                    ratio * 100.0,
                    crate::engine::attributes::fields::format_number(cache.cache_ttl_s)
                ))
            }
            None => no(
                "no cache is on the request path".into(),
                "put a cache between a service and its database".into(),
                None,
            ),
        }
    }

    pub(super) fn sharding(&self) -> Fact {
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
}
