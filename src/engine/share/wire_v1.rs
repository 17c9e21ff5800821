//! Share-link wire format version 1: structs that mirror the bytes one to one
//! (`codec_v1.rs` reads and writes them; `docs/share-links.md` draws the layout).
//!
//! What must stay true: this file is FROZEN. Links made with it are in chat
//! logs and bookmarks, and must decode the same forever (the golden links in
//! `tests/fixtures/links/` check it). Never reorder, remove or reinterpret a
//! field, a bit or a code. The one change allowed in place is a new last field
//! of a section whose default means what older links meant; anything else is
//! a new version (`wire_v2.rs`) plus a migration in `share/mod.rs`. The
//! structs know nothing of the model: a field
//! left out is `None` here, and `defaults_v1` says what `None` means.

/// Most shard ranges or topics one list may hold on the wire (far above what
/// validation accepts, only to bound allocation).
pub const MAX_LIST_ITEMS: usize = 4096;

/// Bits of [`WireComponentV1::flags`].
pub mod flag {
    /// `security.authentication`.
    pub const AUTHENTICATION: u32 = 1 << 0;
    /// `security.authorization`.
    pub const AUTHORIZATION: u32 = 1 << 1;
    /// `security.tls`.
    pub const TLS: u32 = 1 << 2;
    /// `security.encryption_at_rest`.
    pub const ENCRYPTION_AT_REST: u32 = 1 << 3;
    /// `security.audit_logging`.
    pub const AUDIT_LOGGING: u32 = 1 << 4;
    /// `backup`.
    pub const BACKUP: u32 = 1 << 5;
    /// `alerting`.
    pub const ALERTING: u32 = 1 << 6;
    /// `health_check.enabled`.
    pub const HEALTH_CHECK: u32 = 1 << 7;
    /// `autoscaling.enabled`.
    pub const AUTOSCALING: u32 = 1 << 8;
    /// Every bit version 1 knows.
    pub const ALL: u32 = (1 << 9) - 1;
}

/// A whole design as version 1 writes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireDesignV1 {
    /// Design name.
    pub name: String,
    /// Workload fields that differ from version 1's defaults.
    pub workload: WireWorkloadV1,
    /// Team inputs that differ from version 1's defaults.
    pub team: WireTeamV1,
    /// Targets that differ from version 1's defaults.
    pub targets: WireTargetsV1,
    /// Simulation settings that differ from version 1's defaults.
    pub simulation: WireSimulationV1,
    /// Components in design order.
    pub components: Vec<WireComponentV1>,
    /// Connections in design order.
    pub connections: Vec<WireConnectionV1>,
}

/// Workload; `None` means version 1's default.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireWorkloadV1 {
    pub requests_per_second: Option<f64>,
    pub read_share: Option<f64>,
    pub key_space: Option<u32>,
    pub hop_latency_ms: Option<f64>,
}

/// Team inputs; `None` means version 1's default.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireTeamV1 {
    pub code_quality: Option<f64>,
    pub documentation: Option<f64>,
    pub test_coverage: Option<f64>,
    pub user_experience: Option<f64>,
    pub accessibility: Option<f64>,
    pub responsiveness: Option<f64>,
    pub error_handling: Option<f64>,
    /// Carried by its mask bit alone.
    pub vulnerability_scanning: bool,
}

/// Quality targets; `None` means version 1's default.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireTargetsV1 {
    pub response_time_ms: Option<f64>,
    pub throughput_rps: Option<f64>,
    pub latency_ms: Option<f64>,
    pub cpu_percent: Option<f64>,
    pub code_quality: Option<f64>,
    pub documentation: Option<f64>,
    pub test_coverage: Option<f64>,
    pub modularity: Option<f64>,
    pub complexity: Option<f64>,
    pub user_experience: Option<f64>,
    pub accessibility: Option<f64>,
    pub responsiveness: Option<f64>,
    pub error_handling: Option<f64>,
}

/// Simulation settings; `None` means version 1's default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireSimulationV1 {
    /// Random seed.
    pub seed: Option<u64>,
    /// Simulated seconds.
    pub duration_s: Option<f64>,
    /// Arrival profile code: 0 steady, 1 ramp, 2 spike, 3 wave.
    pub arrival: Option<u32>,
}

/// One component. Ids are written as steps from the previous id plus one and
/// positions as steps from the previous component's, but held here whole.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireComponentV1 {
    pub id: u32,
    /// Kind code: 0 client, 1 api_gateway, 2 load_balancer, 3 service,
    /// 4 database, 5 cache, 6 event_bus, 7 event_store, 8 service_registry,
    /// 9 monitoring, 10 auth_provider.
    pub kind: u32,
    pub name: String,
    pub x: f64,
    pub y: f64,
    /// The nine on/off attributes, see [`flag`].
    pub flags: Option<u32>,
    pub replicas_min: Option<u32>,
    pub replicas_max: Option<u32>,
    pub replicas_current: Option<u32>,
    pub service_time_ms: Option<f64>,
    pub concurrency: Option<u32>,
    pub description: Option<String>,
    pub read_replicas: Option<u32>,
    pub queue_capacity: Option<u32>,
    pub topic: Option<String>,
    /// Metric code: 0 cpu, 1 memory, 2 request_rate, 3 error_rate.
    pub autoscaling_metric: Option<u32>,
    pub autoscaling_threshold: Option<f64>,
    pub scale_up_cooldown_s: Option<f64>,
    pub scale_down_cooldown_s: Option<f64>,
    /// Strategy code: 0 round_robin, 1 weighted, 2 least_connections.
    pub strategy: Option<u32>,
    pub health_interval_s: Option<f64>,
    pub health_timeout_s: Option<f64>,
    pub health_retries: Option<u32>,
    pub cache_ttl_s: Option<f64>,
    pub cache_hit_ratio: Option<f64>,
    /// `(start, end)` of each range shard.
    pub shards: Option<Vec<(u32, u32)>>,
    pub channel_capacity: Option<u32>,
}

/// One connection.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireConnectionV1 {
    pub id: u32,
    pub from: u32,
    pub to: u32,
    pub weight: Option<f64>,
    pub path: Option<String>,
    /// Method code: 0 ANY, 1 GET, 2 POST, 3 PUT, 4 DELETE.
    pub method: Option<u32>,
    pub topics: Option<Vec<String>>,
}
