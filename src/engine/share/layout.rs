//! The frozen slot lists: for each presence-masked section of a share link
//! (workload, team, targets, simulation, a component's fields, a
//! connection's fields), the ordered slots it holds. A slot names the
//! attribute-table key whose getter and setter carry its value, how the value
//! is written (number, whole number, flag, text, choice code, or a list with
//! its own encoding) and its frozen default: a writer leaves a value equal to
//! its default out, and a reader takes a value left out as that default.
//! The link codec (`codec.rs`, `convert.rs`) and the snapshot (`snapshot/`)
//! both walk these lists, so one line here carries an attribute in both.
//!
//! What must stay true: FROZEN, like the bytes they describe. Slot `n` is
//! bit `n` of its section's presence mask; never reorder, remove or
//! reinterpret a slot or change a frozen default (links in chat logs hold
//! them). A new attribute is a new LAST slot of its section, whose default
//! means what links without it meant. An attribute that leaves the model
//! keeps its slot as [`SlotKind::Retired`]: read and dropped, never written.
//! The defaults are written out here, never taken from the model's
//! `Default` (which may change). The golden links of `tests/fixtures/links/`
//! fail when a byte changes.

use super::codes::{value_of, ARRIVALS, AUTOSCALERS, KEY_POPULARITIES, METHODS, METRICS};
use super::codes::{SERVICE_TIMES, STRATEGIES};
use crate::engine::attributes::slot::slug;
use crate::engine::model::ComponentKind;

/// How a slot's value is written (every kind is one call of
/// [`super::bytes::FieldsWriter`]).
#[derive(Clone, Copy, Debug)]
pub enum SlotKind {
    /// A number, compact when exact.
    Number,
    /// A whole number of at most 32 bits, as a varint.
    Whole,
    /// A 64-bit seed, as a varint.
    Seed,
    /// On or off, carried by its mask bit alone.
    Flag,
    /// A string.
    Text,
    /// A choice, as its code in a frozen table (`codes.rs`).
    Choice(Codes),
    /// Database shard ranges: a count, then start and end varints.
    Shards,
    /// Topic names: a count, then strings.
    Topics,
    /// Scheduled faults: a count, then each fault (`codec.rs`).
    Faults,
    /// A component's nine on/off attributes as one varint of bits
    /// ([`super::wire::flag`]).
    ComponentFlags,
    /// A number the model no longer has: read and dropped, never written.
    Retired,
}

/// A choice's frozen codes: the option (slug) each code stands for.
#[derive(Clone, Copy, Debug)]
pub struct Codes {
    /// What the choice is, for the message about an unknown code.
    pub what: &'static str,
    /// The option of a code; `None` when the code is unknown.
    pub option: fn(u32) -> Option<&'static str>,
}

impl Codes {
    /// The code of an option, `None` when it has none.
    pub fn code(&self, option: &str) -> Option<u32> {
        (0..)
            .map_while(|code| (self.option)(code).map(|found| (code, found)))
            .find(|(_, found)| *found == option)
            .map(|(code, _)| code)
    }
}

/// The codes of the enum table `$table` in `codes.rs`, through the slugs of
/// the attribute table's choices.
macro_rules! codes {
    ($what:literal, $table:ident) => {
        Codes {
            what: $what,
            option: |code| value_of(&$table, u64::from(code)).map(|value| slug(&value)),
        }
    };
}

/// What a slot means when a link leaves it out.
#[derive(Clone, Copy, Debug)]
pub enum Frozen {
    /// This number (a whole number for [`SlotKind::Whole`] and [`SlotKind::Seed`]).
    Number(f64),
    /// A number that depends on the component's kind.
    ByKind(fn(ComponentKind) -> f64),
    /// This option of a choice.
    Option(&'static str),
    /// Off, empty text or an empty list.
    Empty,
    /// The component flags of a kind ([`SlotKind::ComponentFlags`]).
    Flags(fn(ComponentKind) -> u32),
}

/// One slot of a section: an attribute key, how it is written, its default.
#[derive(Clone, Copy, Debug)]
pub struct WireSlot {
    /// The attribute-table key (or, for [`SlotKind::ComponentFlags`] and
    /// [`SlotKind::Retired`], a name for messages).
    pub key: &'static str,
    /// How the value is written.
    pub kind: SlotKind,
    /// What a left-out value means.
    pub frozen: Frozen,
}

const fn number(key: &'static str, default: f64) -> WireSlot {
    WireSlot {
        key,
        kind: SlotKind::Number,
        frozen: Frozen::Number(default),
    }
}

const fn whole(key: &'static str, default: f64) -> WireSlot {
    WireSlot {
        key,
        kind: SlotKind::Whole,
        frozen: Frozen::Number(default),
    }
}

const fn by_kind(key: &'static str, kind: SlotKind, default: fn(ComponentKind) -> f64) -> WireSlot {
    WireSlot {
        key,
        kind,
        frozen: Frozen::ByKind(default),
    }
}

const fn empty(key: &'static str, kind: SlotKind) -> WireSlot {
    WireSlot {
        key,
        kind,
        frozen: Frozen::Empty,
    }
}

const fn choice(key: &'static str, codes: Codes, default: &'static str) -> WireSlot {
    WireSlot {
        key,
        kind: SlotKind::Choice(codes),
        frozen: Frozen::Option(default),
    }
}

/// The workload section.
pub static WORKLOAD: &[WireSlot] = &[
    number("workload.requests_per_second", 500.0),
    number("workload.read_share", 0.8),
    whole("workload.key_space", 1000.0),
    number("workload.hop_latency_ms", 1.0),
    // The unit prices joined later as the last slots of the workload: like
    // the workload they describe the world the design runs in (what traffic
    // arrives, what the cloud charges), not what it is held to, and a link
    // with the default prices keeps its one-byte workload mask (and bytes).
    number("prices.service_per_concurrency", 30.0),
    number("prices.database_primary", 190.0),
    number("prices.database_read_replica", 190.0),
    number("prices.database_shard", 25.0),
    number("prices.cache_node", 110.0),
    number("prices.event_bus", 150.0),
    number("prices.event_store", 120.0),
    number("prices.api_gateway", 90.0),
    number("prices.load_balancer", 25.0),
    number("prices.auth_provider", 60.0),
    number("prices.service_registry", 30.0),
    number("prices.monitoring", 50.0),
];

/// The team section.
pub static TEAM: &[WireSlot] = &[
    number("team.code_quality", 85.0),
    number("team.documentation", 70.0),
    number("team.test_coverage", 75.0),
    number("team.user_experience", 90.0),
    number("team.accessibility", 85.0),
    number("team.responsiveness", 95.0),
    number("team.error_handling", 80.0),
    empty("team.vulnerability_scanning", SlotKind::Flag),
];

/// The targets section.
pub static TARGETS: &[WireSlot] = &[
    number("targets.response_time_ms", 100.0),
    number("targets.throughput_rps", 1000.0),
    number("targets.latency_ms", 50.0),
    number("targets.cpu_percent", 70.0),
    number("targets.code_quality", 85.0),
    number("targets.documentation", 90.0),
    number("targets.test_coverage", 80.0),
    number("targets.modularity", 85.0),
    number("targets.complexity", 70.0),
    number("targets.user_experience", 90.0),
    number("targets.accessibility", 85.0),
    number("targets.responsiveness", 95.0),
    number("targets.error_handling", 80.0),
    number("targets.error_budget_percent", 1.0),
];

/// The simulation section. The first links (`v1.`) were written when it had
/// only its first three slots; the defaults of the later ones reproduce what
/// such a link meant (the spike in the middle tenth of the run at three times
/// the rate, the ramp from zero, one wave of swing 0.5).
pub static SIMULATION: &[WireSlot] = &[
    WireSlot {
        key: "simulation.seed",
        kind: SlotKind::Seed,
        frozen: Frozen::Number(1.0),
    },
    number("simulation.duration_s", 60.0),
    choice(
        "simulation.arrival",
        codes!("arrival profile", ARRIVALS),
        "steady",
    ),
    empty("simulation.faults", SlotKind::Faults),
    number("simulation.warmup_s", 0.0),
    number("simulation.ramp_from_factor", 0.0),
    number("simulation.ramp_to_factor", 1.0),
    number("simulation.profile_at_percent", 45.0),
    number("simulation.profile_length_percent", 10.0),
    number("simulation.profile_factor", 3.0),
    number("simulation.wave_count", 1.0),
    number("simulation.wave_amplitude", 0.5),
    choice(
        "simulation.key_popularity",
        codes!("key popularity", KEY_POPULARITIES),
        "uniform",
    ),
    number("simulation.zipf_exponent", 1.0),
    choice(
        "simulation.service_time",
        codes!("service-time distribution", SERVICE_TIMES),
        "exponential",
    ),
    number("simulation.service_time_cv", 1.0),
    number("simulation.startup_delay_s", 10.0),
    choice(
        "simulation.autoscaler",
        codes!("autoscaler", AUTOSCALERS),
        "seed",
    ),
    number("simulation.autoscaler_interval_s", 15.0),
    number("simulation.hpa_tolerance", 0.1),
    number("simulation.hpa_stabilization_s", 300.0),
    whole("simulation.hpa_scale_up_pods", 4.0),
    number("simulation.hpa_scale_up_percent", 100.0),
    number("simulation.hpa_scale_down_percent", 100.0),
    number("simulation.hpa_policy_period_s", 15.0),
    empty("simulation.timeout_enabled", SlotKind::Flag),
    number("simulation.timeout_ms", 1000.0),
    whole("simulation.retries", 0.0),
    number("simulation.retry_backoff_ms", 0.0),
    empty("simulation.circuit_breaker", SlotKind::Flag),
    whole("simulation.breaker_threshold", 5.0),
    number("simulation.breaker_open_s", 10.0),
];

/// A component's fields, the commonly changed ones first so that the
/// presence mask usually fits in one or two bytes. Its id, kind, name and
/// position come before them (`codec.rs`).
pub static COMPONENT: &[WireSlot] = &[
    WireSlot {
        key: "flags",
        kind: SlotKind::ComponentFlags,
        frozen: Frozen::Flags(super::defaults::flags_of_kind),
    },
    whole("replicas.min", 1.0),
    by_kind("replicas.max", SlotKind::Whole, max_replicas),
    whole("replicas.current", 1.0),
    by_kind("service_time_ms", SlotKind::Number, service_time_ms),
    by_kind("concurrency", SlotKind::Whole, concurrency),
    empty("description", SlotKind::Text),
    whole("read_replicas", 0.0),
    whole("queue_capacity", 100.0),
    empty("topic", SlotKind::Text),
    choice(
        "autoscaling.metric",
        codes!("autoscaling metric", METRICS),
        "cpu",
    ),
    number("autoscaling.threshold", 70.0),
    number("autoscaling.scale_up_cooldown_s", 60.0),
    number("autoscaling.scale_down_cooldown_s", 300.0),
    choice(
        "strategy",
        codes!("load-balancing strategy", STRATEGIES),
        "round_robin",
    ),
    number("health_check.interval_s", 30.0),
    number("health_check.timeout_s", 5.0),
    whole("health_check.retries", 3.0),
    number("cache_ttl_s", 300.0),
    WireSlot {
        key: "cache_hit_ratio",
        kind: SlotKind::Retired,
        frozen: Frozen::Empty,
    },
    empty("shards", SlotKind::Shards),
    whole("channel_capacity", 1000.0),
];

/// A connection's fields, after its id and ends (`codec.rs`).
pub static CONNECTION: &[WireSlot] = &[
    number("weight", 1.0),
    empty("path", SlotKind::Text),
    choice("method", codes!("route method", METHODS), "ANY"),
    empty("topics", SlotKind::Topics),
];

/// Frozen `replicas.max`: only a service may scale past one replica.
fn max_replicas(kind: ComponentKind) -> f64 {
    if kind == ComponentKind::Service {
        10.0
    } else {
        1.0
    }
}

/// Frozen `service_time_ms` and `concurrency` of each kind.
fn service(kind: ComponentKind) -> (f64, f64) {
    use ComponentKind as K;
    match kind {
        K::Client => (0.0, 1.0),
        K::ApiGateway => (2.0, 32.0),
        K::LoadBalancer => (0.5, 64.0),
        K::Service => (20.0, 8.0),
        K::Database => (10.0, 16.0),
        K::Cache | K::EventBus => (1.0, 32.0),
        K::EventStore => (5.0, 8.0),
        K::ServiceRegistry | K::Monitoring => (1.0, 16.0),
        K::AuthProvider => (5.0, 16.0),
    }
}

fn service_time_ms(kind: ComponentKind) -> f64 {
    service(kind).0
}

fn concurrency(kind: ComponentKind) -> f64 {
    service(kind).1
}

/// The slot of `section` whose key is `key`, with its index (the mask bit).
pub fn slot_named(section: &[WireSlot], key: &str) -> Option<usize> {
    section.iter().position(|slot| slot.key == key)
}

/// The number a frozen default stands for, for a component of `kind` (the
/// design-level sections pass any kind: their defaults do not depend on it).
pub(super) fn frozen_number(frozen: Frozen, kind: ComponentKind) -> Option<f64> {
    match frozen {
        Frozen::Number(value) => Some(value),
        Frozen::ByKind(of_kind) => Some(of_kind(kind)),
        _ => None,
    }
}

/// The keys of the attributes a component's `flags` slot carries, bit 0 first
/// ([`super::wire::flag`]).
pub const FLAG_KEYS: [&str; 9] = [
    "security.authentication",
    "security.authorization",
    "security.tls",
    "security.encryption_at_rest",
    "security.audit_logging",
    "backup",
    "alerting",
    "health_check.enabled",
    "autoscaling.enabled",
];
