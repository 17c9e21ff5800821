//! Reading an `s1.` snapshot, the layout older builds autosaved: numbers,
//! whole numbers and flags grouped per struct, thirteen targets (no error
//! budget, which reads as 1 %), and the retired cache hit ratio after each
//! component's TTL, read and dropped. Never written any more; FROZEN.

use super::super::codes::{
    ARRIVALS, AUTOSCALERS, KEY_POPULARITIES, KINDS, METHODS, METRICS, SERVICE_TIMES, STRATEGIES,
};
use super::read::{Read, Reader};
use crate::engine::model::{
    AutoscalingPolicy, Component, ComponentId, Connection, ConnectionId, Design, HealthCheck,
    Position, Prices, Replicas, Security, ShardRange, SimulationSettings, Targets, TeamInputs,
    Workload,
};

impl Reader<'_> {
    /// The design of an `s1.` snapshot.
    pub(super) fn design_s1(&mut self) -> Read<Design> {
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
        let error_budget_percent = 1.0;
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
        let simulation = self.simulation_s1()?;
        let count = self.count("the components")?;
        let components = (0..count)
            .map(|_| self.component_s1())
            .collect::<Read<Vec<_>>>()?;
        let count = self.count("the connections")?;
        let connections = (0..count)
            .map(|_| self.connection_s1())
            .collect::<Read<Vec<_>>>()?;
        Ok(Design {
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
            // Snapshots of version 1 carry no prices: they read as the defaults.
            prices: Prices::default(),
        })
    }

    fn connection_s1(&mut self) -> Read<Connection> {
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

    fn component_s1(&mut self) -> Read<Component> {
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
        // The retired cache hit ratio: read and dropped.
        self.number(WHAT)?;
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

    fn simulation_s1(&mut self) -> Read<SimulationSettings> {
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
}
