//! The two structural measures: modularity (services that own their data and
//! sit in no call loop) and complexity (synchronous fan-out and call loops).
//!
//! What must stay true: both are percentages from 0 to 100; a client wired
//! straight to a data store makes modularity 0 (callers coupled to storage).
use super::{Context, Measure};
use crate::engine::model::graph::{flow, incoming, outgoing, Flow};
use crate::engine::model::{Component, ComponentKind as K};
use crate::engine::score::performance::services_in_loops;

impl<'a> Context<'a> {
    /// Share of services that own their data and sit in no call loop, in percent.
    pub(super) fn modularity(&self) -> Measure {
        if let Some((client, store)) = self.client_to_storage() {
            // Callers that read storage directly are coupled to its schema:
            // no service owns that data, so the design is not modular there.
            return Measure {
                value: Some(0.0),
                reason: format!(
                    "callers coupled to storage ({} → {}): the client depends on how {} stores its data",
                    client.name, store.name, store.name
                ),
                component: Some(store.id),
            };
        }
        let services = self.services();
        if services.is_empty() {
            return Measure {
                value: Some(100.0),
                reason: "no services, so nothing is coupled".into(),
                component: None,
            };
        }
        let looped = services_in_loops(self.design);
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
            None if services.len() == 1 => {
                "the one service owns its data and sits in no call loop".to_string()
            }
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
    pub(super) fn complexity(&self) -> Measure {
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
        let looped = services_in_loops(self.design).len();
        let value = (25.0 * fan_out + 20.0 * looped as f64).min(100.0);
        Measure {
            value: Some(value),
            reason: format!("components make {fan_out:.2} synchronous calls each on average; {looped} services are in call loops"),
            component: None,
        }
    }
}
