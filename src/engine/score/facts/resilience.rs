//! Facts about surviving failure: fault tolerance, redundancy, backups,
//! monitoring and alerting.
//!
//! What must stay true: each fact names the first component that breaks it.
use super::{no, yes, Context, Fact};
use crate::engine::model::graph::{incoming, outgoing};
use crate::engine::model::{Component, ComponentId, ComponentKind as K};
use crate::engine::words::{all_of, count, noun};

impl<'a> Context<'a> {
    pub(super) fn fault_tolerance(&self) -> Fact {
        for component in self.path_components() {
            let single = match component.kind {
                K::Database => component.read_replicas == 0,
                _ => component.replicas.current < 2,
            };
            if single {
                let what = if component.kind == K::Database {
                    "has no read replica to fail over to".to_string()
                } else {
                    format!(
                        "runs {}",
                        count(u64::from(component.replicas.current), "replica", "replicas")
                    )
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

    pub(super) fn redundancy(&self) -> Fact {
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
        let n = stores.len() as u64;
        yes(format!(
            "{} {} a second copy",
            all_of(n, "data store", "data stores"),
            noun(n, "keeps", "keep")
        ))
    }

    pub(super) fn backup(&self) -> Fact {
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
                "{} {} backed up",
                all_of(
                    durable.len() as u64,
                    "database or event store",
                    "databases and event stores"
                ),
                noun(durable.len() as u64, "is", "are")
            )),
        }
    }

    pub(super) fn watched(&self, component: &Component) -> bool {
        let touches_monitoring = |id: ComponentId| self.kind_of(id) == Some(K::Monitoring);
        incoming(self.design, component.id).any(|c| touches_monitoring(c.from))
            || outgoing(self.design, component.id).any(|c| touches_monitoring(c.to))
    }

    pub(super) fn monitoring(&self) -> Fact {
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

    pub(super) fn alerting(&self) -> Fact {
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
}
