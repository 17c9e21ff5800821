//! The share link's one wire layout: structs that mirror the bytes one to
//! one (`codec.rs` and `codec_simulation.rs` read and write them;
//! `docs/share-links.md` draws the layout).
//!
//! What must stay true: this layout is FROZEN. Links made with it are in chat
//! logs and bookmarks, and must decode the same forever (the golden links in
//! `tests/fixtures/links/` check it). Never reorder, remove or reinterpret a
//! field, a bit or a code. The one change allowed in place is a new last
//! field of a section, whose frozen default means what older links meant: a
//! link from an older writer simply leaves it out. Anything an older reader
//! could not cope with (other than refusing the new field by name) takes a new
//! link version. The structs know nothing of the model: a field left out is
//! `None` here, and `defaults.rs` says what `None` means.

/// Most shard ranges or topics one list may hold on the wire (far above what
/// validation accepts, only to bound allocation).
pub const MAX_LIST_ITEMS: usize = 4096;

/// Bits of [`WireComponent::flags`].
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
    /// Every bit the layout knows.
    pub const ALL: u32 = (1 << 9) - 1;
}

/// A whole design as a link carries it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireDesign {
    /// Design name.
    pub name: String,
    /// Workload fields that differ from the frozen defaults.
    pub workload: WireWorkload,
    /// Team inputs that differ from the frozen defaults.
    pub team: WireTeam,
    /// Targets that differ from the frozen defaults.
    pub targets: WireTargets,
    /// Simulation settings that differ from the frozen defaults.
    pub simulation: WireSimulation,
    /// Components in design order.
    pub components: Vec<WireComponent>,
    /// Connections in design order.
    pub connections: Vec<WireConnection>,
}

/// Workload; `None` means the frozen default.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireWorkload {
    pub requests_per_second: Option<f64>,
    pub read_share: Option<f64>,
    pub key_space: Option<u32>,
    pub hop_latency_ms: Option<f64>,
}

/// Team inputs; `None` means the frozen default.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireTeam {
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

/// Quality targets; `None` means the frozen default.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireTargets {
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
    /// Joined the layout after the first golden links; frozen default 1 (%).
    pub error_budget_percent: Option<f64>,
}

/// Simulation settings; `None` means the frozen default. The field order
/// is the order of the presence-mask bits. The first links (`v1.`) were
/// written when the section had only its first three fields, so they leave
/// every later one out, and the frozen defaults of those fields mean what
/// such a link meant.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireSimulation {
    pub seed: Option<u64>,
    pub duration_s: Option<f64>,
    /// Arrival code: 0 steady, 1 ramp, 2 spike, 3 wave, 4 step.
    pub arrival: Option<u32>,
    /// Scheduled faults, in the design's order.
    pub faults: Option<Vec<WireFault>>,
    pub warmup_s: Option<f64>,
    pub ramp_from_factor: Option<f64>,
    pub ramp_to_factor: Option<f64>,
    pub profile_at_percent: Option<f64>,
    pub profile_length_percent: Option<f64>,
    pub profile_factor: Option<f64>,
    pub wave_count: Option<f64>,
    pub wave_amplitude: Option<f64>,
    /// Key popularity code: 0 uniform, 1 zipf.
    pub key_popularity: Option<u32>,
    pub zipf_exponent: Option<f64>,
    /// Service-time code: 0 exponential, 1 fixed, 2 log_normal.
    pub service_time: Option<u32>,
    pub service_time_cv: Option<f64>,
    pub startup_delay_s: Option<f64>,
    /// Autoscaler code: 0 seed, 1 hpa.
    pub autoscaler: Option<u32>,
    pub autoscaler_interval_s: Option<f64>,
    pub hpa_tolerance: Option<f64>,
    pub hpa_stabilization_s: Option<f64>,
    pub hpa_scale_up_pods: Option<u32>,
    pub hpa_scale_up_percent: Option<f64>,
    pub hpa_scale_down_percent: Option<f64>,
    pub hpa_policy_period_s: Option<f64>,
    /// Carried by its mask bit alone.
    pub timeout_enabled: bool,
    pub timeout_ms: Option<f64>,
    pub retries: Option<u32>,
    pub retry_backoff_ms: Option<f64>,
    /// Carried by its mask bit alone.
    pub circuit_breaker: bool,
    pub breaker_threshold: Option<u32>,
    pub breaker_open_s: Option<f64>,
}

/// One scheduled fault.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireFault {
    /// Id of the component it hits.
    pub component: u32,
    /// Fault code: 0 kill_replica, 1 component_down, 2 add_latency, 3 add_errors.
    pub kind: u32,
    /// Start, in seconds.
    pub at_s: f64,
    /// Length in seconds; `None` means until the end of the run.
    pub duration_s: Option<f64>,
    /// Milliseconds added (add_latency) or percent failing (add_errors);
    /// present exactly for those two kinds.
    pub amount: Option<f64>,
}

/// One component. Ids are written as steps from the previous id plus one and
/// positions as steps from the previous component's, but held here whole.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireComponent {
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
    /// RETIRED: the cache hit ratio input is gone from the model. Its slot
    /// stays in the layout; a reader takes it and the model ignores it, and
    /// the writer never sets it.
    pub retired_cache_hit_ratio: Option<f64>,
    /// `(start, end)` of each range shard.
    pub shards: Option<Vec<(u32, u32)>>,
    pub channel_capacity: Option<u32>,
}

/// One connection.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireConnection {
    pub id: u32,
    pub from: u32,
    pub to: u32,
    pub weight: Option<f64>,
    pub path: Option<String>,
    /// Method code: 0 ANY, 1 GET, 2 POST, 3 PUT, 4 DELETE.
    pub method: Option<u32>,
    pub topics: Option<Vec<String>>,
}
