//! Checking simulation options before a run: every number finite and in
//! range, every distribution and policy parameter meaningful.
//!
//! What must stay true: the first bad option is named by its path (as in the
//! JSON: `profile.amplitude`, `faults[2].rate`), in a lower-case message.

use super::error::SimError;
use super::options::{
    AutoscalerMode, Fault, FaultKind, KeyPopularity, ServiceTimeDistribution, SimulationOptions,
    TrafficProfile, MAX_DURATION_S,
};

impl SimulationOptions {
    /// Checks every option; the error names the first bad one.
    pub fn validate(&self) -> Result<(), SimError> {
        let bad = |setting: &str, problem: &str| {
            Err(SimError::BadOption {
                setting: setting.to_string(),
                problem: problem.to_string(),
            })
        };
        if !(self.duration_s > 0.0 && self.duration_s <= MAX_DURATION_S) {
            return bad(
                "duration_s",
                "must be more than 0 and at most 1000000 seconds",
            );
        }
        if !(self.warmup_s >= 0.0 && self.warmup_s < self.duration_s) {
            return bad("warmup_s", "must be at least 0 and less than duration_s");
        }
        if !(self.startup_delay_s >= 0.0 && self.startup_delay_s <= MAX_DURATION_S) {
            return bad("startup_delay_s", "must be between 0 and 1000000 seconds");
        }
        check_profile(&self.profile)?;
        match self.key_popularity {
            KeyPopularity::Uniform => {}
            KeyPopularity::Zipf { exponent } if exponent > 0.0 && exponent <= 10.0 => {}
            KeyPopularity::Zipf { .. } => {
                return bad(
                    "key_popularity.exponent",
                    "must be more than 0 and at most 10",
                )
            }
        }
        match self.service_time {
            ServiceTimeDistribution::Erlang { k } if !(1..=100).contains(&k) => {
                return bad("service_time.k", "must be 1 to 100")
            }
            ServiceTimeDistribution::LogNormal { cv } if !(cv > 0.0 && cv <= 10.0) => {
                return bad("service_time.cv", "must be more than 0 and at most 10")
            }
            _ => {}
        }
        if !(self.autoscaler.interval_s >= 0.1 && self.autoscaler.interval_s <= 3600.0) {
            return bad(
                "autoscaler.interval_s",
                "must be between 0.1 and 3600 seconds",
            );
        }
        if let AutoscalerMode::Hpa(hpa) = self.autoscaler.mode {
            if !(hpa.tolerance >= 0.0 && hpa.tolerance < 1.0) {
                return bad(
                    "autoscaler.mode.tolerance",
                    "must be at least 0 and less than 1",
                );
            }
            if !(hpa.stabilization_s >= 0.0 && hpa.stabilization_s <= 3600.0) {
                return bad(
                    "autoscaler.mode.stabilization_s",
                    "must be between 0 and 3600 seconds",
                );
            }
            if !(hpa.scale_up_percent >= 0.0 && hpa.scale_up_percent <= 10_000.0) {
                return bad(
                    "autoscaler.mode.scale_up_percent",
                    "must be between 0 and 10000",
                );
            }
            if !(hpa.scale_down_percent >= 0.0 && hpa.scale_down_percent <= 100.0) {
                return bad(
                    "autoscaler.mode.scale_down_percent",
                    "must be between 0 and 100",
                );
            }
            if !(hpa.policy_period_s > 0.0 && hpa.policy_period_s <= 3600.0) {
                return bad(
                    "autoscaler.mode.policy_period_s",
                    "must be more than 0 and at most 3600 seconds",
                );
            }
        }
        for (i, fault) in self.faults.iter().enumerate() {
            check_fault(i, fault)?;
        }
        let resilience = &self.resilience;
        if let Some(timeout) = resilience.timeout_s {
            if !(timeout > 0.0 && timeout <= 3600.0) {
                return bad(
                    "resilience.timeout_s",
                    "must be more than 0 and at most 3600 seconds",
                );
            }
        }
        if resilience.retries > 10 {
            return bad("resilience.retries", "must be at most 10");
        }
        if !(resilience.retry_backoff_s >= 0.0 && resilience.retry_backoff_s <= 3600.0) {
            return bad(
                "resilience.retry_backoff_s",
                "must be between 0 and 3600 seconds",
            );
        }
        let breaker = &resilience.circuit_breaker;
        if breaker.enabled && breaker.failure_threshold == 0 {
            return bad(
                "resilience.circuit_breaker.failure_threshold",
                "must be at least 1",
            );
        }
        if !(breaker.open_s > 0.0 && breaker.open_s <= 3600.0) {
            return bad(
                "resilience.circuit_breaker.open_s",
                "must be more than 0 and at most 3600 seconds",
            );
        }
        Ok(())
    }
}

fn check_profile(profile: &TrafficProfile) -> Result<(), SimError> {
    let bad = |setting: &str, problem: &str| {
        Err(SimError::BadOption {
            setting: setting.to_string(),
            problem: problem.to_string(),
        })
    };
    let rate_ok = |v: f64| v.is_finite() && (0.0..=10_000_000.0).contains(&v);
    let time_ok = |v: f64| v.is_finite() && (0.0..=MAX_DURATION_S).contains(&v);
    let factor_ok = |v: f64| v.is_finite() && (0.0..=1000.0).contains(&v);
    match *profile {
        TrafficProfile::Constant => Ok(()),
        TrafficProfile::Ramp {
            to_rps,
            from_factor,
        } => {
            if !rate_ok(to_rps) {
                return bad("profile.to_rps", "must be between 0 and 10000000");
            }
            if !factor_ok(from_factor) {
                return bad("profile.from_factor", "must be between 0 and 1000");
            }
            Ok(())
        }
        TrafficProfile::Spike {
            at_s,
            duration_s,
            factor,
        } => {
            if !time_ok(at_s) {
                return bad("profile.at_s", "must be between 0 and 1000000 seconds");
            }
            if !time_ok(duration_s) {
                return bad(
                    "profile.duration_s",
                    "must be between 0 and 1000000 seconds",
                );
            }
            if !factor_ok(factor) {
                return bad("profile.factor", "must be between 0 and 1000");
            }
            Ok(())
        }
        TrafficProfile::Step { at_s, factor } => {
            if !time_ok(at_s) {
                return bad("profile.at_s", "must be between 0 and 1000000 seconds");
            }
            if !factor_ok(factor) {
                return bad("profile.factor", "must be between 0 and 1000");
            }
            Ok(())
        }
        TrafficProfile::DailyWave {
            period_s,
            amplitude,
        } => {
            if !(period_s > 0.0 && period_s <= MAX_DURATION_S) {
                return bad(
                    "profile.period_s",
                    "must be more than 0 and at most 1000000 seconds",
                );
            }
            if !(0.0..=1.0).contains(&amplitude) {
                return bad("profile.amplitude", "must be between 0 and 1");
            }
            Ok(())
        }
    }
}

fn check_fault(i: usize, fault: &Fault) -> Result<(), SimError> {
    let bad = |field: &str, problem: &str| {
        Err(SimError::BadOption {
            setting: format!("faults[{i}].{field}"),
            problem: problem.to_string(),
        })
    };
    if !(fault.at_s >= 0.0 && fault.at_s <= MAX_DURATION_S) {
        return bad("at_s", "must be between 0 and 1000000 seconds");
    }
    if let Some(duration) = fault.duration_s {
        if !(0.0..=MAX_DURATION_S).contains(&duration) {
            return bad("duration_s", "must be between 0 and 1000000 seconds");
        }
    }
    match fault.kind {
        FaultKind::AddLatency { ms } if !(0.0..=3_600_000.0).contains(&ms) => {
            bad("ms", "must be between 0 and 3600000")
        }
        FaultKind::AddErrors { rate } if !(0.0..=1.0).contains(&rate) => {
            bad("rate", "must be between 0 and 1")
        }
        _ => Ok(()),
    }
}
