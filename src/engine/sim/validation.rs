//! The simulator's guard on its run plan: every option that stands for a
//! design's simulation setting is checked against that setting's entry in
//! the attribute table (`crate::engine::attributes::simulation_fields`), so a
//! range is never written twice; what exists only in the plan (absolute
//! profile times, a ramp's end rate, Erlang phases, fault times) is checked
//! against the simulator's own bounds.
//!
//! What must stay true: a plan made by [`SimulationOptions::from_settings`]
//! from settings that passed `check_settings` always passes here; the first
//! bad option is named by its path (as in the JSON: `profile.amplitude`,
//! `faults[2].rate`), in a lower-case message.

use super::error::SimError;
use super::options::{
    Fault, FaultKind, ServiceTimeDistribution, SimulationOptions, TrafficProfile, MAX_DURATION_S,
};
use crate::engine::attributes::fault_text::{MAX_ADDED_LATENCY_MS, MAX_FAULT_TIME_S};
use crate::engine::attributes::fields::{design_attribute, format_number, FieldType};
use crate::engine::attributes::simulation_fields::MAX_RAMP_RPS;

fn bad(setting: &str, problem: &str) -> Result<(), SimError> {
    Err(SimError::BadOption {
        setting: setting.to_string(),
        problem: problem.to_string(),
    })
}

/// Checks `value` (in the setting's own unit) against the range of the
/// table's entry `key`, naming `setting` when it is out.
fn within(setting: &str, key: &str, value: f64) -> Result<(), SimError> {
    let Some(spec) = design_attribute(key) else {
        return bad(setting, "has no entry in the attribute table");
    };
    if spec.check_number(value).is_ok() {
        return Ok(());
    }
    let problem = match spec.ty {
        FieldType::Number { min, max, .. } => format!(
            "must be between {} and {}{}",
            format_number(min),
            format_number(max),
            if spec.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", spec.unit)
            }
        ),
        _ => "is not a number".to_string(),
    };
    bad(setting, &problem)
}

/// `value` is finite and in `[0, max]`.
fn up_to(value: f64, max: f64) -> bool {
    (0.0..=max).contains(&value)
}

impl SimulationOptions {
    /// Checks every option; the error names the first bad one.
    pub fn validate(&self) -> Result<(), SimError> {
        for (setting, key, value) in self.setting_values() {
            within(&setting, key, value)?;
        }
        if !(self.warmup_s >= 0.0 && self.warmup_s < self.duration_s) {
            return bad("warmup_s", "must be at least 0 and less than duration_s");
        }
        check_profile(&self.profile)?;
        if let ServiceTimeDistribution::Erlang { k } = self.service_time {
            if !(1..=100).contains(&k) {
                return bad("service_time.k", "must be 1 to 100");
            }
        }
        for (i, fault) in self.faults.iter().enumerate() {
            check_fault(i, fault)?;
        }
        Ok(())
    }
}

fn check_profile(profile: &TrafficProfile) -> Result<(), SimError> {
    let time = |setting: &str, value: f64| {
        if up_to(value, MAX_DURATION_S) {
            Ok(())
        } else {
            bad(setting, "must be between 0 and 1000000 seconds")
        }
    };
    match *profile {
        TrafficProfile::Constant => Ok(()),
        TrafficProfile::Ramp {
            to_rps,
            from_factor,
        } => {
            if !up_to(to_rps, MAX_RAMP_RPS) {
                return bad("profile.to_rps", "must be between 0 and 10000000");
            }
            within(
                "profile.from_factor",
                "simulation.ramp_from_factor",
                from_factor,
            )
        }
        TrafficProfile::Spike {
            at_s,
            duration_s,
            factor,
        } => {
            time("profile.at_s", at_s)?;
            time("profile.duration_s", duration_s)?;
            within("profile.factor", "simulation.profile_factor", factor)
        }
        TrafficProfile::Step { at_s, factor } => {
            time("profile.at_s", at_s)?;
            within("profile.factor", "simulation.profile_factor", factor)
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
            within("profile.amplitude", "simulation.wave_amplitude", amplitude)
        }
    }
}

fn check_fault(i: usize, fault: &Fault) -> Result<(), SimError> {
    let setting = |field: &str| format!("faults[{i}].{field}");
    if !up_to(fault.at_s, MAX_FAULT_TIME_S) {
        return bad(&setting("at_s"), "must be between 0 and 1000000 seconds");
    }
    if let Some(duration) = fault.duration_s {
        if !up_to(duration, MAX_FAULT_TIME_S) {
            return bad(
                &setting("duration_s"),
                "must be between 0 and 1000000 seconds",
            );
        }
    }
    match fault.kind {
        FaultKind::AddLatency { ms } if !up_to(ms, MAX_ADDED_LATENCY_MS) => {
            bad(&setting("ms"), "must be between 0 and 3600000")
        }
        FaultKind::AddErrors { rate } if !up_to(rate, 1.0) => {
            bad(&setting("rate"), "must be between 0 and 1")
        }
        _ => Ok(()),
    }
}
