//! Reading a snapshot: every field in the order `write.rs` writes them, each
//! read bounded by the bytes left, so damaged text is an error and never a
//! panic or a large allocation. Both layouts are read here: `s1.` (autosaves
//! of older builds) differs from `s2.` only where [`Layout::S1`] is tested.

use super::super::codes::{
    fault_action, value_of, ARRIVALS, AUTOSCALERS, KEY_POPULARITIES, KINDS, METHODS, METRICS,
    SERVICE_TIMES, STRATEGIES,
};
use crate::engine::model::{
    AutoscalingPolicy, Component, ComponentId, Connection, ConnectionId, Design, HealthCheck,
    Position, Replicas, ScheduledFault, Security, ShardRange, SimulationSettings, Targets,
    TeamInputs, Workload,
};

/// What a failed read says: the part of the design being read.
pub(super) type Read<T> = Result<T, &'static str>;

/// Which snapshot layout the bytes are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Layout {
    /// `s1.`: thirteen targets (no error budget, which reads as 1 %), and a
    /// cache hit ratio after each component's TTL, read and dropped.
    S1,
    /// `s2.`: what this build writes.
    S2,
}

pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
    pub(super) layout: Layout,
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
        usize::try_from(count)
            .ok()
            .filter(|count| *count <= self.bytes.len() - self.at)
            .ok_or(what)
    }

    fn number(&mut self, what: &'static str) -> Read<f64> {
        let end = self
            .at
            .checked_add(8)
            .filter(|end| *end <= self.bytes.len())
            .ok_or(what)?;
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
        let code = self.varint(what)?;
        value_of(table, code).ok_or(what)
    }

    fn numbers<const N: usize>(&mut self, what: &'static str) -> Read<[f64; N]> {
        let mut values = [0.0; N];
        for value in &mut values {
            *value = self.number(what)?;
        }
        Ok(values)
    }

    pub(super) fn design(&mut self) -> Read<Design> {
        let name = self.text("the design name")?;
        let [requests_per_second, read_share, hop_latency_ms] = self.numbers("the workload")?;
        let key_space = self.u32("the workload")?;
        let workload = Workload {
            requests_per_second,
            read_share,
            key_space,
            hop_latency_ms,
        };
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
        let error_budget_percent = match self.layout {
            Layout::S1 => 1.0,
            Layout::S2 => self.number("the targets")?,
        };
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
            error_budget_percent,
        };
        let simulation = self.simulation()?;
        let count = self.count("the components")?;
        let components = (0..count)
            .map(|_| self.component())
            .collect::<Read<Vec<_>>>()?;
        let count = self.count("the connections")?;
        let connections = (0..count)
            .map(|_| self.connection())
            .collect::<Read<Vec<_>>>()?;
        Ok(Design {
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
        })
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
        let topics = (0..count)
            .map(|_| self.text(WHAT))
            .collect::<Read<Vec<_>>>()?;
        Ok(Connection {
            id,
            from,
            to,
            weight,
            path,
            method,
            topics,
        })
    }

    fn component(&mut self) -> Read<Component> {
        const WHAT: &str = "a component";
        let id = ComponentId(self.u32(WHAT)?);
        let kind = self.choice(&KINDS, WHAT)?;
        let name = self.text(WHAT)?;
        let description = self.text(WHAT)?;
        let topic = self.text(WHAT)?;
        let mut whole = [0_u32; 8];
        for value in &mut whole {
            *value = self.u32(WHAT)?;
        }
        let [min, max, current, read_replicas, concurrency, queue_capacity, retries, channel_capacity] =
            whole;
        let [x, y, service_time_ms, cache_ttl_s] = self.numbers(WHAT)?;
        if self.layout == Layout::S1 {
            // The retired cache hit ratio: read and dropped.
            self.number(WHAT)?;
        }
        let [interval_s, timeout_s, threshold, scale_up_cooldown_s, scale_down_cooldown_s] =
            self.numbers(WHAT)?;
        let mut flags = [false; 9];
        for flag in &mut flags {
            *flag = self.flag(WHAT)?;
        }
        let [health_enabled, authentication, authorization, tls, encryption_at_rest, audit_logging, backup, alerting, scaling_enabled] =
            flags;
        let strategy = self.choice(&STRATEGIES, WHAT)?;
        let metric = self.choice(&METRICS, WHAT)?;
        let count = self.count(WHAT)?;
        let shards = (0..count)
            .map(|_| {
                Ok(ShardRange {
                    start: self.u32(WHAT)?,
                    end: self.u32(WHAT)?,
                })
            })
            .collect::<Read<Vec<_>>>()?;
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
            shards,
            strategy,
            health_check: HealthCheck {
                enabled: health_enabled,
                interval_s,
                timeout_s,
                retries,
            },
            security: Security {
                authentication,
                authorization,
                tls,
                encryption_at_rest,
                audit_logging,
            },
            backup,
            alerting,
            topic,
            channel_capacity,
            autoscaling: AutoscalingPolicy {
                enabled: scaling_enabled,
                metric,
                threshold,
                scale_up_cooldown_s,
                scale_down_cooldown_s,
            },
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
        let key_popularity = self.choice(&KEY_POPULARITIES, WHAT)?;
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
        let action = fault_action(code, amount).ok_or(WHAT)?;
        let at_s = self.number(WHAT)?;
        let lasts = self.flag(WHAT)?;
        let duration = self.number(WHAT)?;
        Ok(ScheduledFault {
            component,
            action,
            at_s,
            duration_s: lasts.then_some(duration),
        })
    }
}
