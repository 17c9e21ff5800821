//! The seed's `Architecture` facts, derived from the design with a reason each.
//!
//! Facts the graph can tell (scaling, balancing, caching, sharding, fault
//! tolerance, redundancy, monitoring, the security flags) are derived from it;
//! performance comes from the analytic estimate; the rest are the design's
//! team inputs. What must stay true: every fact says why it holds or not, in
//! terms of this design, and what would change it.

use crate::engine::model::graph::{incoming, outgoing, request_path, Index};
use crate::engine::model::{Component, ComponentId, ComponentKind as K, Design};
use crate::engine::score::analytic::{estimate, Estimate};
use crate::engine::score::performance::{cpu, latency, response_time, throughput};

pub use crate::engine::score::evidence::{Fact, Measure};

mod capacity;
mod resilience;
mod security;
mod structure;

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
        has_caching: context.caching(&estimate),
        supports_database_sharding: context.sharding(),
        has_fault_tolerance: context.fault_tolerance(),
        has_redundancy: context.redundancy(),
        has_backup_recovery: context.backup(),
        has_monitoring: context.monitoring(),
        has_alerting: context.alerting(),
        has_authentication: context.authentication(),
        has_authorization: context.storage_exposed().unwrap_or_else(|| {
            context.all_on_path(
                |c| c.kind == K::Service,
                |c| c.security.authorization,
                "authorization",
                "services",
            )
        }),
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
        response_time_ms: response_time(design, &estimate),
        throughput_rps: throughput(design, &estimate),
        latency_ms: latency(design, &estimate),
        cpu_percent: cpu(design, &estimate),
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
}
