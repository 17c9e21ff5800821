//! The design model: components, connections, workload, design-level inputs
//! and quality targets.
//!
//! What must stay true:
//! - Identity is a typed id ([`ComponentId`], [`ConnectionId`]), never a name.
//! - Every collection is a `Vec` or `BTreeMap`, so iteration order (and with it
//!   every score, estimate and share link) is deterministic.
//! - A `Design` that came out of [`crate::engine::model::edit`] or
//!   [`crate::engine::share::design_file`] has passed [`crate::engine::model::validate`]; the
//!   analyses may assume ids resolve, but still never panic if they do not.

pub mod component_parts;
pub mod connection;
pub mod design_inputs;
pub mod edit;
pub mod graph;
pub mod history;
pub mod kind;
pub mod limits;
pub mod prices;
pub mod simulation_settings;
pub mod validate;

use serde::{Deserialize, Serialize};

/// Identity of a component within one design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ComponentId(pub u32);

/// Identity of a connection within one design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConnectionId(pub u32);

// The component kinds live in their own module; they are part of the model.
pub use crate::engine::model::kind::ComponentKind;

// The parts of a component (position, replicas, health checks, security,
// autoscaling, shards and the choices among them) live in their own module;
// they are part of the model.
pub use crate::engine::model::component_parts::{
    AutoscalingPolicy, HealthCheck, LoadBalancingStrategy, Position, Replicas, ScalingMetric,
    Security, ShardRange,
};

/// A component on the canvas. Every kind carries every attribute so that a
/// kind change or a file written by hand never loses data; the inspector shows
/// the ones that matter for the kind.
///
/// Reading tolerates keys it does not know (serde's default, kept on
/// purpose): design files written before the cache hit ratio was retired
/// carry `cache_hit_ratio`, which is ignored (the estimate derives the ratio
/// from the TTL). Do not add `deny_unknown_fields` here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Component {
    /// Identity within the design.
    pub id: ComponentId,
    /// What it is.
    pub kind: ComponentKind,
    /// Display name, unique within the design.
    pub name: String,
    /// Free text.
    pub description: String,
    /// Where it sits on the canvas.
    pub position: Position,
    /// Replica counts. A database always runs one primary per shard; its
    /// copies for reads are `read_replicas`.
    pub replicas: Replicas,
    /// Read replicas per shard of a database (reads go here, writes to the primary).
    pub read_replicas: u32,
    /// Mean time one server takes for one request, in milliseconds.
    pub service_time_ms: f64,
    /// Requests one replica serves at once (servers per replica).
    pub concurrency: u32,
    /// Requests waiting per replica before new ones are rejected.
    pub queue_capacity: u32,
    /// Cache entry time to live, in seconds.
    pub cache_ttl_s: f64,
    /// Range shards of a database over the key space `[0, key_space)`.
    pub shards: Vec<ShardRange>,
    /// How a load balancer picks targets.
    pub strategy: LoadBalancingStrategy,
    /// Health checks of a load balancer or gateway on its targets.
    pub health_check: HealthCheck,
    /// Security flags.
    pub security: Security,
    /// Regular backups with a tested restore.
    pub backup: bool,
    /// Alert rules are configured (monitoring components).
    pub alerting: bool,
    /// Topic this component publishes its events under.
    pub topic: String,
    /// Bounded channel capacity per topic of an event bus.
    pub channel_capacity: u32,
    /// Autoscaling policy of a service.
    pub autoscaling: AutoscalingPolicy,
}

impl Default for Component {
    fn default() -> Component {
        Component::new(ComponentId(0), ComponentKind::Service, "component")
    }
}

impl Component {
    /// A component of `kind` with the defaults a user would expect for it.
    pub fn new(id: ComponentId, kind: ComponentKind, name: &str) -> Component {
        let (service_time_ms, concurrency) = match kind {
            ComponentKind::Client => (0.0, 1),
            ComponentKind::ApiGateway => (2.0, 32),
            ComponentKind::LoadBalancer => (0.5, 64),
            ComponentKind::Service => (20.0, 8),
            ComponentKind::Database => (10.0, 16),
            ComponentKind::Cache => (1.0, 32),
            ComponentKind::EventBus => (1.0, 32),
            ComponentKind::EventStore => (5.0, 8),
            ComponentKind::ServiceRegistry => (1.0, 16),
            ComponentKind::Monitoring => (1.0, 16),
            ComponentKind::AuthProvider => (5.0, 16),
        };
        Component {
            id,
            kind,
            name: name.to_string(),
            description: String::new(),
            position: Position::default(),
            replicas: Replicas {
                max: if kind == ComponentKind::Service {
                    10
                } else {
                    1
                },
                ..Replicas::default()
            },
            read_replicas: 0,
            service_time_ms,
            concurrency,
            queue_capacity: 100,
            cache_ttl_s: 300.0,
            shards: Vec::new(),
            strategy: LoadBalancingStrategy::RoundRobin,
            health_check: HealthCheck {
                enabled: kind == ComponentKind::LoadBalancer,
                ..HealthCheck::default()
            },
            security: Security::default(),
            backup: false,
            alerting: false,
            topic: String::new(),
            channel_capacity: 1000,
            autoscaling: AutoscalingPolicy::default(),
        }
    }
}

// Connections and the route methods they match live in their own module;
// they are part of the model.
pub use crate::engine::model::connection::{Connection, HttpMethod};

// The workload, team inputs and targets live in their own module; they are part of the model.
pub use crate::engine::model::design_inputs::{Targets, TeamInputs, Workload};

// The unit prices live in their own module; they are part of the model.
pub use crate::engine::model::prices::Prices;

// The simulation settings live in their own module; they are part of the model.
pub use crate::engine::model::simulation_settings::{
    ArrivalProfile, AutoscalerKind, FaultAction, KeyPopularityKind, ScheduledFault,
    ServiceTimeKind, SimulationSettings,
};

/// A whole design: what a user composes, saves and shares.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Design {
    /// Title of the design.
    pub name: String,
    /// Components, in creation order.
    pub components: Vec<Component>,
    /// Connections, in creation order.
    pub connections: Vec<Connection>,
    /// Offered traffic.
    pub workload: Workload,
    /// Inputs the graph cannot derive.
    pub team: TeamInputs,
    /// Quality targets.
    pub targets: Targets,
    /// How the simulator runs this design.
    #[serde(default)]
    pub simulation: SimulationSettings,
    /// Unit prices the monthly cost is computed from (defaults when a file has none).
    #[serde(default)]
    pub prices: Prices,
}

impl Design {
    /// An empty design with default workload, inputs and targets.
    pub fn new(name: &str) -> Design {
        Design {
            name: name.to_string(),
            ..Design::default()
        }
    }

    /// The component with `id`, if any.
    pub fn component(&self, id: ComponentId) -> Option<&Component> {
        self.components.iter().find(|component| component.id == id)
    }

    /// Mutable access to the component with `id`, if any.
    pub fn component_mut(&mut self, id: ComponentId) -> Option<&mut Component> {
        self.components
            .iter_mut()
            .find(|component| component.id == id)
    }

    /// The connection with `id`, if any.
    pub fn connection(&self, id: ConnectionId) -> Option<&Connection> {
        self.connections
            .iter()
            .find(|connection| connection.id == id)
    }

    /// The component named `name`, if any.
    pub fn component_named(&self, name: &str) -> Option<&Component> {
        self.components
            .iter()
            .find(|component| component.name == name)
    }

    /// The next unused component id.
    pub fn next_component_id(&self) -> ComponentId {
        ComponentId(
            self.components
                .iter()
                .map(|c| c.id.0 + 1)
                .max()
                .unwrap_or(0),
        )
    }

    /// The next unused connection id.
    pub fn next_connection_id(&self) -> ConnectionId {
        ConnectionId(
            self.connections
                .iter()
                .map(|c| c.id.0 + 1)
                .max()
                .unwrap_or(0),
        )
    }

    /// A name for a new component of `kind` that no component has yet.
    pub fn unique_name(&self, kind: ComponentKind) -> String {
        let base = kind.slug().replace('_', "-");
        (1..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| self.component_named(candidate).is_none())
            .unwrap_or(base)
    }

    /// The display name of a component, or a placeholder for a dangling id.
    pub fn name_of(&self, id: ComponentId) -> &str {
        self.component(id)
            .map_or("(missing)", |component| component.name.as_str())
    }
}
