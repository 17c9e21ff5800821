//! Writing a snapshot: every field of the design in the order `read.rs`
//! reads them, in the layout of [`super::SNAPSHOT_PREFIX`]. FROZEN per
//! prefix: a change of order or encoding takes a new prefix (see the module
//! above).

use super::super::codes::{
    code_of, fault_code, ARRIVALS, AUTOSCALERS, KEY_POPULARITIES, KINDS, METHODS, METRICS,
    SERVICE_TIMES, STRATEGIES,
};
use crate::engine::model::{
    AutoscalingPolicy, Component, Connection, Design, HealthCheck, Position, Replicas,
    ScheduledFault, Security, ShardRange, SimulationSettings, Targets, TeamInputs, Workload,
};

pub(super) struct Writer(pub(super) Vec<u8>);

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

    pub(super) fn design(&mut self, design: &Design) {
        let Design {
            name,
            components,
            connections,
            workload,
            team,
            targets,
            simulation,
        } = design;
        self.text(name);
        let Workload {
            requests_per_second,
            read_share,
            key_space,
            hop_latency_ms,
        } = workload;
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
        for value in [
            code_quality,
            documentation,
            test_coverage,
            user_experience,
            accessibility,
            responsiveness,
            error_handling,
        ] {
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
            error_budget_percent,
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
            error_budget_percent,
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
            let Connection {
                id,
                from,
                to,
                weight,
                path,
                method,
                topics,
            } = connection;
            for value in [id.0, from.0, to.0] {
                self.varint(u64::from(value));
            }
            self.number(*weight);
            self.text(path);
            self.varint(u64::from(code_of(&METHODS, method)));
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
            shards,
            strategy,
            health_check:
                HealthCheck {
                    enabled: health_enabled,
                    interval_s,
                    timeout_s,
                    retries,
                },
            security:
                Security {
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
            autoscaling:
                AutoscalingPolicy {
                    enabled: scaling_enabled,
                    metric,
                    threshold,
                    scale_up_cooldown_s,
                    scale_down_cooldown_s,
                },
        } = component;
        self.varint(u64::from(id.0));
        self.varint(u64::from(code_of(&KINDS, kind)));
        self.text(name);
        self.text(description);
        self.text(topic);
        for value in [
            min,
            max,
            current,
            read_replicas,
            concurrency,
            queue_capacity,
            retries,
            channel_capacity,
        ] {
            self.varint(u64::from(*value));
        }
        for value in [
            x,
            y,
            service_time_ms,
            cache_ttl_s,
            interval_s,
            timeout_s,
            threshold,
            scale_up_cooldown_s,
            scale_down_cooldown_s,
        ] {
            self.number(*value);
        }
        for value in [
            health_enabled,
            authentication,
            authorization,
            tls,
            encryption_at_rest,
            audit_logging,
            backup,
            alerting,
            scaling_enabled,
        ] {
            self.flag(*value);
        }
        self.varint(u64::from(code_of(&STRATEGIES, strategy)));
        self.varint(u64::from(code_of(&METRICS, metric)));
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
        self.varint(u64::from(code_of(&ARRIVALS, arrival)));
        self.varint(u64::from(code_of(&KEY_POPULARITIES, key_popularity)));
        self.varint(u64::from(code_of(&SERVICE_TIMES, service_time)));
        self.varint(u64::from(code_of(&AUTOSCALERS, autoscaler)));
        self.varint(faults.len() as u64);
        for ScheduledFault {
            component,
            action,
            at_s,
            duration_s,
        } in faults
        {
            self.varint(u64::from(component.0));
            let (code, amount) = fault_code(*action);
            self.varint(u64::from(code));
            // A snapshot always writes an amount; the kinds without one write 0.
            self.number(amount.unwrap_or(0.0));
            self.number(*at_s);
            self.flag(duration_s.is_some());
            self.number(duration_s.unwrap_or(0.0));
        }
    }
}
