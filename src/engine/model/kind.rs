//! The component kinds: the building blocks of the seed document a user can
//! place on the canvas, with their slugs, labels and the few properties the
//! analyses ask of a kind.
//!
//! What must stay true: a kind's slug is its name in design files and share
//! links, so a slug never changes once released; [`ComponentKind::ALL`] lists
//! every kind once, in palette order.

use serde::{Deserialize, Serialize};

/// The building blocks of the seed document a user can place on the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    /// A traffic source: users or upstream systems sending requests.
    Client,
    /// Routes requests by path and method to services (the seed's APIGateway).
    ApiGateway,
    /// Spreads requests across its targets by a strategy.
    LoadBalancer,
    /// A microservice: a multi-server queue doing the work.
    Service,
    /// A database: a primary with read replicas, optionally range-sharded.
    Database,
    /// A key-value cache with a TTL in front of a slower store.
    Cache,
    /// A publish/subscribe bus with topics and bounded channels.
    EventBus,
    /// An append-only store of every event, queryable by type and time.
    EventStore,
    /// Where services register so that callers can discover them.
    ServiceRegistry,
    /// Watches components and raises alerts.
    Monitoring,
    /// Issues and validates tokens for requests.
    AuthProvider,
}

impl ComponentKind {
    /// Every kind, in palette order.
    pub const ALL: [ComponentKind; 11] = [
        ComponentKind::Client,
        ComponentKind::ApiGateway,
        ComponentKind::LoadBalancer,
        ComponentKind::Service,
        ComponentKind::Database,
        ComponentKind::Cache,
        ComponentKind::EventBus,
        ComponentKind::EventStore,
        ComponentKind::ServiceRegistry,
        ComponentKind::Monitoring,
        ComponentKind::AuthProvider,
    ];

    /// The snake_case name used in design files, test ids and the CLI.
    pub fn slug(self) -> &'static str {
        match self {
            ComponentKind::Client => "client",
            ComponentKind::ApiGateway => "api_gateway",
            ComponentKind::LoadBalancer => "load_balancer",
            ComponentKind::Service => "service",
            ComponentKind::Database => "database",
            ComponentKind::Cache => "cache",
            ComponentKind::EventBus => "event_bus",
            ComponentKind::EventStore => "event_store",
            ComponentKind::ServiceRegistry => "service_registry",
            ComponentKind::Monitoring => "monitoring",
            ComponentKind::AuthProvider => "auth_provider",
        }
    }

    /// A human label for the palette and the inspector.
    pub fn label(self) -> &'static str {
        match self {
            ComponentKind::Client => "Client",
            ComponentKind::ApiGateway => "API gateway",
            ComponentKind::LoadBalancer => "Load balancer",
            ComponentKind::Service => "Service",
            ComponentKind::Database => "Database",
            ComponentKind::Cache => "Cache",
            ComponentKind::EventBus => "Event bus",
            ComponentKind::EventStore => "Event store",
            ComponentKind::ServiceRegistry => "Service registry",
            ComponentKind::Monitoring => "Monitoring",
            ComponentKind::AuthProvider => "Auth provider",
        }
    }

    /// Parses a slug back into a kind.
    pub fn from_slug(slug: &str) -> Option<ComponentKind> {
        ComponentKind::ALL
            .into_iter()
            .find(|kind| kind.slug() == slug)
    }

    /// Kinds that hold data and so need redundancy, backups and encryption at rest.
    pub fn is_data_store(self) -> bool {
        matches!(
            self,
            ComponentKind::Database
                | ComponentKind::Cache
                | ComponentKind::EventBus
                | ComponentKind::EventStore
        )
    }

    /// Kinds that run code the team writes or operates and so should be watched.
    pub fn is_workload(self) -> bool {
        !matches!(self, ComponentKind::Client | ComponentKind::Monitoring)
    }
}
