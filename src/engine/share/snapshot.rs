//! A snapshot: a whole design as short text, for the page's own use. The page
//! autosaves snapshots and hands them to its worker, so the main bundle
//! carries only this reader and writer, while compression, every link version
//! and the design file's JSON live in the worker (`src/worker.rs`).
//!
//! The format is `s1.` and URL-safe base64 of every model field in a fixed
//! order: numbers as their eight bytes, whole numbers and lengths as LEB128
//! varints, flags as one byte, choices as their index in a table below,
//! strings as length and UTF-8. Unlike a link it keeps no defaults and no
//! presence masks: it is written and read by the same build, which keeps
//! both directions small.
//!
//! What must stay true:
//! - `decode_snapshot(&encode_snapshot(design))` is `design`, for every valid design.
//! - Decoding never panics, reads at most [`MAX_INFLATED_BYTES`] of payload,
//!   and returns only designs that pass [`validate`].
//! - Every struct is destructured without `..` when written, so a new model
//!   field does not compile until the snapshot carries it. A change of the
//!   layout takes a new prefix (`s2.`); the worker then reads the older one,
//!   as it reads the design files that older builds autosaved.

use super::MAX_INFLATED_BYTES;
use crate::engine::model::{
    ArrivalProfile, AutoscalerKind, AutoscalingPolicy, Component, ComponentId, ComponentKind, Connection, ConnectionId, Design,
    FaultAction, HealthCheck, HttpMethod, KeyPopularityKind, LoadBalancingStrategy, Position, Replicas, ScalingMetric,
    ScheduledFault, Security, ServiceTimeKind, ShardRange, SimulationSettings, Targets, TeamInputs, Workload,
};
use crate::engine::validate::{validate, ValidationError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;

/// What every snapshot this build writes starts with.
pub const SNAPSHOT_PREFIX: &str = "s1.";

const STRATEGIES: [LoadBalancingStrategy; 3] =
    [LoadBalancingStrategy::RoundRobin, LoadBalancingStrategy::Weighted, LoadBalancingStrategy::LeastConnections];
const METRICS: [ScalingMetric; 4] = [ScalingMetric::Cpu, ScalingMetric::Memory, ScalingMetric::RequestRate, ScalingMetric::ErrorRate];
const METHODS: [HttpMethod; 5] = [HttpMethod::Any, HttpMethod::Get, HttpMethod::Post, HttpMethod::Put, HttpMethod::Delete];
const ARRIVALS: [ArrivalProfile; 5] =
    [ArrivalProfile::Steady, ArrivalProfile::Ramp, ArrivalProfile::Spike, ArrivalProfile::Wave, ArrivalProfile::Step];
const POPULARITIES: [KeyPopularityKind; 2] = [KeyPopularityKind::Uniform, KeyPopularityKind::Zipf];
const SERVICE_TIMES: [ServiceTimeKind; 3] = [ServiceTimeKind::Exponential, ServiceTimeKind::Fixed, ServiceTimeKind::LogNormal];
const AUTOSCALERS: [AutoscalerKind; 2] = [AutoscalerKind::Seed, AutoscalerKind::Hpa];

/// Why a snapshot could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The text does not start with [`SNAPSHOT_PREFIX`].
    NotASnapshot,
    /// The text is longer than any snapshot this build writes.
    TooLarge,
    /// The base64 after the prefix is damaged.
    Damaged,
    /// The bytes stop early, run on, or hold a value no design has; says what was being read.
    Malformed(&'static str),
    /// The design breaks the rules every design must follow.
    Invalid(ValidationError),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotASnapshot => write!(f, "the text is not an Archplay snapshot (it does not start with `{SNAPSHOT_PREFIX}`)"),
            SnapshotError::TooLarge => write!(f, "the snapshot is larger than any design Archplay writes"),
            SnapshotError::Damaged => write!(f, "the snapshot's text is damaged"),
            SnapshotError::Malformed(what) => write!(f, "the snapshot does not describe a design (at {what})"),
            SnapshotError::Invalid(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Whether `text` looks like a snapshot (rather than a design file or a link).
pub fn is_snapshot(text: &str) -> bool {
    text.trim_start().starts_with(SNAPSHOT_PREFIX)
}

/// The snapshot of `design`.
pub fn encode_snapshot(design: &Design) -> String {
    let mut out = Writer(Vec::with_capacity(256 + 160 * design.components.len()));
    out.design(design);
    format!("{SNAPSHOT_PREFIX}{}", URL_SAFE_NO_PAD.encode(out.0))
}

/// Reads a snapshot back into a valid design.
pub fn decode_snapshot(text: &str) -> Result<Design, SnapshotError> {
    let data = text.trim().strip_prefix(SNAPSHOT_PREFIX).ok_or(SnapshotError::NotASnapshot)?;
    if data.len() > MAX_INFLATED_BYTES.div_ceil(3) * 4 {
        return Err(SnapshotError::TooLarge);
    }
    let bytes = URL_SAFE_NO_PAD.decode(data).map_err(|_| SnapshotError::Damaged)?;
    let mut reader = Reader { bytes: &bytes, at: 0 };
    let design = reader.design().map_err(SnapshotError::Malformed)?;
    if reader.at != bytes.len() {
        return Err(SnapshotError::Malformed("the end: bytes follow the design"));
    }
    validate(&design).map_err(SnapshotError::Invalid)?;
    Ok(design)
}

/// The index of `value` in `table` (every value is in its table).
fn index_of<T: PartialEq>(table: &[T], value: &T) -> u64 {
    table.iter().position(|entry| entry == value).unwrap_or(0) as u64
}

struct Writer(Vec<u8>);

impl Writer {
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.0.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
    }

    fn number(&mut self, value: f64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn flag(&mut self, value: bool) {
        self.0.push(u8::from(value));
    }

    fn text(&mut self, value: &str) {
        self.varint(value.len() as u64);
        self.0.extend_from_slice(value.as_bytes());
    }

    fn design(&mut self, design: &Design) {
        let Design { name, components, connections, workload, team, targets, simulation } = design;
        self.text(name);
        let Workload { requests_per_second, read_share, key_space, hop_latency_ms } = workload;
        for value in [requests_per_second, read_share, hop_latency_ms] {
            self.number(*value);
        }
        self.varint(u64::from(*key_space));
        let TeamInputs {
            code_quality,
            documentation,
            test_coverage,
            user_experience,
            accessibility,
            responsiveness,
            error_handling,
            vulnerability_scanning,
        } = team;
        for value in [code_quality, documentation, test_coverage, user_experience, accessibility, responsiveness, error_handling] {
            self.number(*value);
        }
        self.flag(*vulnerability_scanning);
        let Targets {
            response_time_ms,
            throughput_rps,
            latency_ms,
            cpu_percent,
            code_quality,
            documentation,
            test_coverage,
            modularity,
            complexity,
            user_experience,
            accessibility,
            responsiveness,
            error_handling,
        } = targets;
        for value in [
            response_time_ms,
            throughput_rps,
            latency_ms,
            cpu_percent,
            code_quality,
            documentation,
            test_coverage,
            modularity,
            complexity,
            user_experience,
            accessibility,
            responsiveness,
            error_handling,
        ] {
            self.number(*value);
        }
        self.simulation(simulation);
        self.varint(components.len() as u64);
        for component in components {
            self.component(component);
        }
        self.varint(connections.len() as u64);
        for connection in connections {
            let Connection { id, from, to, weight, path, method, topics } = connection;
            for value in [id.0, from.0, to.0] {
                self.varint(u64::from(value));
            }
            self.number(*weight);
            self.text(path);
            self.varint(index_of(&METHODS, method));
            self.varint(topics.len() as u64);
            for topic in topics {
                self.text(topic);
            }
        }
    }

    fn component(&mut self, component: &Component) {
        let Component {
            id,
            kind,
            name,
            description,
            position: Position { x, y },
            replicas: Replicas { min, max, current },
            read_replicas,
            service_time_ms,
            concurrency,
            queue_capacity,
            cache_ttl_s,
            cache_hit_ratio,
            shards,
            strategy,
            health_check: HealthCheck { enabled: health_enabled, interval_s, timeout_s, retries },
            security: Security { authentication, authorization, tls, encryption_at_rest, audit_logging },
            backup,
            alerting,
            topic,
            channel_capacity,
            autoscaling: AutoscalingPolicy { enabled: scaling_enabled, metric, threshold, scale_up_cooldown_s, scale_down_cooldown_s },
        } = component;
        self.varint(u64::from(id.0));
        self.varint(index_of(&ComponentKind::ALL, kind));
        self.text(name);
        self.text(description);
        self.text(topic);
        for value in [min, max, current, read_replicas, concurrency, queue_capacity, retries, channel_capacity] {
            self.varint(u64::from(*value));
        }
        for value in [x, y, service_time_ms, cache_ttl_s, cache_hit_ratio, interval_s, timeout_s, threshold, scale_up_cooldown_s, scale_down_cooldown_s]
        {
            self.number(*value);
        }
        for value in [health_enabled, authentication, authorization, tls, encryption_at_rest, audit_logging, backup, alerting, scaling_enabled] {
            self.flag(*value);
        }
        self.varint(index_of(&STRATEGIES, strategy));
        self.varint(index_of(&METRICS, metric));
        self.varint(shards.len() as u64);
        for ShardRange { start, end } in shards {
            self.varint(u64::from(*start));
            self.varint(u64::from(*end));
        }
    }

    fn simulation(&mut self, settings: &SimulationSettings) {
        let SimulationSettings {
            seed,
            duration_s,
            warmup_s,
            arrival,
            ramp_from_factor,
            ramp_to_factor,
            profile_at_percent,
            profile_length_percent,
            profile_factor,
            wave_count,
            wave_amplitude,
            key_popularity,
            zipf_exponent,
            service_time,
            service_time_cv,
            startup_delay_s,
            autoscaler,
            autoscaler_interval_s,
            hpa_tolerance,
            hpa_stabilization_s,
            hpa_scale_up_pods,
            hpa_scale_up_percent,
            hpa_scale_down_percent,
            hpa_policy_period_s,
            timeout_enabled,
            timeout_ms,
            retries,
            retry_backoff_ms,
            circuit_breaker,
            breaker_threshold,
            breaker_open_s,
            faults,
        } = settings;
        self.varint(*seed);
        for value in [
            duration_s,
            warmup_s,
            ramp_from_factor,
            ramp_to_factor,
            profile_at_percent,
            profile_length_percent,
            profile_factor,
            wave_count,
            wave_amplitude,
            zipf_exponent,
            service_time_cv,
            startup_delay_s,
            autoscaler_interval_s,
            hpa_tolerance,
            hpa_stabilization_s,
            hpa_scale_up_percent,
            hpa_scale_down_percent,
            hpa_policy_period_s,
            timeout_ms,
            retry_backoff_ms,
            breaker_open_s,
        ] {
            self.number(*value);
        }
        for value in [hpa_scale_up_pods, retries, breaker_threshold] {
            self.varint(u64::from(*value));
        }
        self.flag(*timeout_enabled);
        self.flag(*circuit_breaker);
        self.varint(index_of(&ARRIVALS, arrival));
        self.varint(index_of(&POPULARITIES, key_popularity));
        self.varint(index_of(&SERVICE_TIMES, service_time));
        self.varint(index_of(&AUTOSCALERS, autoscaler));
        self.varint(faults.len() as u64);
        for ScheduledFault { component, action, at_s, duration_s } in faults {
            self.varint(u64::from(component.0));
            let (code, amount) = match action {
                FaultAction::KillReplica => (0, 0.0),
                FaultAction::ComponentDown => (1, 0.0),
                FaultAction::AddLatency { ms } => (2, *ms),
                FaultAction::AddErrors { percent } => (3, *percent),
            };
            self.varint(code);
            self.number(amount);
            self.number(*at_s);
            self.flag(duration_s.is_some());
            self.number(duration_s.unwrap_or(0.0));
        }
    }
}

/// What a failed read says: the part of the design being read.
type Read<T> = Result<T, &'static str>;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self, what: &'static str) -> Read<u8> {
        let byte = *self.bytes.get(self.at).ok_or(what)?;
        self.at += 1;
        Ok(byte)
    }

    fn varint(&mut self, what: &'static str) -> Read<u64> {
        let mut value = 0_u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte(what)?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(what)
    }

    fn u32(&mut self, what: &'static str) -> Read<u32> {
        u32::try_from(self.varint(what)?).map_err(|_| what)
    }

    /// A length or count: never more than the bytes left, so a damaged count cannot allocate much.
    fn count(&mut self, what: &'static str) -> Read<usize> {
        let count = self.varint(what)?;
        usize::try_from(count).ok().filter(|count| *count <= self.bytes.len() - self.at).ok_or(what)
    }

    fn number(&mut self, what: &'static str) -> Read<f64> {
        let end = self.at.checked_add(8).filter(|end| *end <= self.bytes.len()).ok_or(what)?;
        let mut eight = [0_u8; 8];
        eight.copy_from_slice(&self.bytes[self.at..end]);
        self.at = end;
        Ok(f64::from_le_bytes(eight))
    }

    fn flag(&mut self, what: &'static str) -> Read<bool> {
        match self.byte(what)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(what),
        }
    }

    fn text(&mut self, what: &'static str) -> Read<String> {
        let length = self.count(what)?;
        let text = std::str::from_utf8(&self.bytes[self.at..self.at + length]).map_err(|_| what)?;
        self.at += length;
        Ok(text.to_string())
    }

    fn choice<T: Copy>(&mut self, table: &[T], what: &'static str) -> Read<T> {
        let index = self.varint(what)?;
        usize::try_from(index).ok().and_then(|index| table.get(index)).copied().ok_or(what)
    }

    fn numbers<const N: usize>(&mut self, what: &'static str) -> Read<[f64; N]> {
        let mut values = [0.0; N];
        for value in &mut values {
            *value = self.number(what)?;
        }
        Ok(values)
    }

    fn design(&mut self) -> Read<Design> {
        let name = self.text("the design name")?;
        let [requests_per_second, read_share, hop_latency_ms] = self.numbers("the workload")?;
        let key_space = self.u32("the workload")?;
        let workload = Workload { requests_per_second, read_share, key_space, hop_latency_ms };
        let [code_quality, documentation, test_coverage, user_experience, accessibility, responsiveness, error_handling] =
            self.numbers("the team inputs")?;
        let vulnerability_scanning = self.flag("the team inputs")?;
        let team = TeamInputs {
            code_quality,
            documentation,
            test_coverage,
            user_experience,
            accessibility,
            responsiveness,
            error_handling,
            vulnerability_scanning,
        };
        let [response_time_ms, throughput_rps, latency_ms, cpu_percent, code_quality, documentation, test_coverage, modularity, complexity, user_experience, accessibility, responsiveness, error_handling] =
            self.numbers("the targets")?;
        let targets = Targets {
            response_time_ms,
            throughput_rps,
            latency_ms,
            cpu_percent,
            code_quality,
            documentation,
            test_coverage,
            modularity,
            complexity,
            user_experience,
            accessibility,
            responsiveness,
            error_handling,
        };
        let simulation = self.simulation()?;
        let count = self.count("the components")?;
        let components = (0..count).map(|_| self.component()).collect::<Read<Vec<_>>>()?;
        let count = self.count("the connections")?;
        let connections = (0..count).map(|_| self.connection()).collect::<Read<Vec<_>>>()?;
        Ok(Design { name, components, connections, workload, team, targets, simulation })
    }

    fn connection(&mut self) -> Read<Connection> {
        const WHAT: &str = "a connection";
        let id = ConnectionId(self.u32(WHAT)?);
        let from = ComponentId(self.u32(WHAT)?);
        let to = ComponentId(self.u32(WHAT)?);
        let weight = self.number(WHAT)?;
        let path = self.text(WHAT)?;
        let method = self.choice(&METHODS, WHAT)?;
        let count = self.count(WHAT)?;
        let topics = (0..count).map(|_| self.text(WHAT)).collect::<Read<Vec<_>>>()?;
        Ok(Connection { id, from, to, weight, path, method, topics })
    }

    fn component(&mut self) -> Read<Component> {
        const WHAT: &str = "a component";
        let id = ComponentId(self.u32(WHAT)?);
        let kind = self.choice(&ComponentKind::ALL, WHAT)?;
        let name = self.text(WHAT)?;
        let description = self.text(WHAT)?;
        let topic = self.text(WHAT)?;
        let mut whole = [0_u32; 8];
        for value in &mut whole {
            *value = self.u32(WHAT)?;
        }
        let [min, max, current, read_replicas, concurrency, queue_capacity, retries, channel_capacity] = whole;
        let [x, y, service_time_ms, cache_ttl_s, cache_hit_ratio, interval_s, timeout_s, threshold, scale_up_cooldown_s, scale_down_cooldown_s] =
            self.numbers(WHAT)?;
        let mut flags = [false; 9];
        for flag in &mut flags {
            *flag = self.flag(WHAT)?;
        }
        let [health_enabled, authentication, authorization, tls, encryption_at_rest, audit_logging, backup, alerting, scaling_enabled] = flags;
        let strategy = self.choice(&STRATEGIES, WHAT)?;
        let metric = self.choice(&METRICS, WHAT)?;
        let count = self.count(WHAT)?;
        let shards = (0..count).map(|_| Ok(ShardRange { start: self.u32(WHAT)?, end: self.u32(WHAT)? })).collect::<Read<Vec<_>>>()?;
        Ok(Component {
            id,
            kind,
            name,
            description,
            position: Position { x, y },
            replicas: Replicas { min, max, current },
            read_replicas,
            service_time_ms,
            concurrency,
            queue_capacity,
            cache_ttl_s,
            cache_hit_ratio,
            shards,
            strategy,
            health_check: HealthCheck { enabled: health_enabled, interval_s, timeout_s, retries },
            security: Security { authentication, authorization, tls, encryption_at_rest, audit_logging },
            backup,
            alerting,
            topic,
            channel_capacity,
            autoscaling: AutoscalingPolicy { enabled: scaling_enabled, metric, threshold, scale_up_cooldown_s, scale_down_cooldown_s },
        })
    }

    fn simulation(&mut self) -> Read<SimulationSettings> {
        const WHAT: &str = "the simulation settings";
        let seed = self.varint(WHAT)?;
        let [duration_s, warmup_s, ramp_from_factor, ramp_to_factor, profile_at_percent, profile_length_percent, profile_factor, wave_count, wave_amplitude, zipf_exponent, service_time_cv, startup_delay_s, autoscaler_interval_s, hpa_tolerance, hpa_stabilization_s, hpa_scale_up_percent, hpa_scale_down_percent, hpa_policy_period_s, timeout_ms, retry_backoff_ms, breaker_open_s] =
            self.numbers(WHAT)?;
        let hpa_scale_up_pods = self.u32(WHAT)?;
        let retries = self.u32(WHAT)?;
        let breaker_threshold = self.u32(WHAT)?;
        let timeout_enabled = self.flag(WHAT)?;
        let circuit_breaker = self.flag(WHAT)?;
        let arrival = self.choice(&ARRIVALS, WHAT)?;
        let key_popularity = self.choice(&POPULARITIES, WHAT)?;
        let service_time = self.choice(&SERVICE_TIMES, WHAT)?;
        let autoscaler = self.choice(&AUTOSCALERS, WHAT)?;
        let count = self.count(WHAT)?;
        let faults = (0..count).map(|_| self.fault()).collect::<Read<Vec<_>>>()?;
        Ok(SimulationSettings {
            seed,
            duration_s,
            warmup_s,
            arrival,
            ramp_from_factor,
            ramp_to_factor,
            profile_at_percent,
            profile_length_percent,
            profile_factor,
            wave_count,
            wave_amplitude,
            key_popularity,
            zipf_exponent,
            service_time,
            service_time_cv,
            startup_delay_s,
            autoscaler,
            autoscaler_interval_s,
            hpa_tolerance,
            hpa_stabilization_s,
            hpa_scale_up_pods,
            hpa_scale_up_percent,
            hpa_scale_down_percent,
            hpa_policy_period_s,
            timeout_enabled,
            timeout_ms,
            retries,
            retry_backoff_ms,
            circuit_breaker,
            breaker_threshold,
            breaker_open_s,
            faults,
        })
    }

    fn fault(&mut self) -> Read<ScheduledFault> {
        const WHAT: &str = "a scheduled fault";
        let component = ComponentId(self.u32(WHAT)?);
        let code = self.varint(WHAT)?;
        let amount = self.number(WHAT)?;
        let action = match code {
            0 => FaultAction::KillReplica,
            1 => FaultAction::ComponentDown,
            2 => FaultAction::AddLatency { ms: amount },
            3 => FaultAction::AddErrors { percent: amount },
            _ => return Err(WHAT),
        };
        let at_s = self.number(WHAT)?;
        let lasts = self.flag(WHAT)?;
        let duration = self.number(WHAT)?;
        Ok(ScheduledFault { component, action, at_s, duration_s: lasts.then_some(duration) })
    }
}
