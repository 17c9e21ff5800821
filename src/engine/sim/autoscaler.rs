//! Autoscaling policies as small state machines, free of the simulator so
//! that tests can replay hand-computed traces through them.
//!
//! - [`SeedPolicy`]: the seed document's `CheckAndScale`: one replica up when
//!   the metric is above the threshold, one down when it is below half of it,
//!   never past min/max, and not within the cooldown since the last scaling
//!   action (up and down have their own cooldowns).
//! - [`HpaPolicy`]: the Kubernetes Horizontal Pod Autoscaler: desired =
//!   ceil(current x metric / target), no change within the tolerance, a
//!   scale-down only to the highest recommendation of the stabilisation
//!   window, and rate limits per period (up by at most max(pods, percent),
//!   down by at most percent), then min/max.
//!
//! What must stay true: a decision depends only on the inputs and the
//! policy's own history; replica counts stay within [min, max] (a count
//! already outside is only ever moved towards the range).

use super::agenda::Micros;
use crate::engine::model::SimulationSettings;
use std::collections::VecDeque;

/// The bounds and current size of an autoscaled service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplicaBounds {
    /// Replicas now (including starting ones).
    pub current: u32,
    /// Fewest allowed.
    pub min: u32,
    /// Most allowed.
    pub max: u32,
}

/// The seed policy's memory: when it last scaled.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SeedPolicy {
    /// Threshold on the metric.
    pub threshold: f64,
    /// Cooldown after any scaling action before scaling up, µs.
    pub up_cooldown_us: Micros,
    /// Cooldown after any scaling action before scaling down, µs.
    pub down_cooldown_us: Micros,
    /// Time of the last scaling action.
    pub last_scale: Option<Micros>,
}

impl SeedPolicy {
    /// The replica count after evaluating `metric` at `now`.
    pub fn decide(&mut self, now: Micros, metric: f64, bounds: ReplicaBounds) -> u32 {
        let since_last = |cooldown: Micros| {
            self.last_scale
                .is_none_or(|last| now.saturating_sub(last) >= cooldown)
        };
        let next = if bounds.current < bounds.max
            && since_last(self.up_cooldown_us)
            && metric > self.threshold
        {
            bounds.current + 1
        } else if bounds.current > bounds.min
            && since_last(self.down_cooldown_us)
            && metric < self.threshold * 0.5
        {
            bounds.current - 1
        } else {
            bounds.current
        };
        if next != bounds.current {
            self.last_scale = Some(now);
        }
        next
    }
}

/// The parameters of the Kubernetes HPA rule, as the design's settings give them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HpaSettings {
    /// No change while |metric / target - 1| is at most this.
    pub tolerance: f64,
    /// Scale down only to the highest recommendation of this many past seconds.
    pub stabilization_s: f64,
    /// Scale up by at most this many pods per period ...
    pub scale_up_pods: u32,
    /// ... or this percentage of the current pods, whichever is more.
    pub scale_up_percent: f64,
    /// Scale down by at most this percentage of the current pods per period.
    pub scale_down_percent: f64,
    /// The period the rate limits apply to, in seconds.
    pub policy_period_s: f64,
}

impl HpaSettings {
    /// The HPA parameters of a design's simulation settings (`hpa_*`).
    pub fn of(settings: &SimulationSettings) -> HpaSettings {
        HpaSettings {
            tolerance: settings.hpa_tolerance,
            stabilization_s: settings.hpa_stabilization_s,
            scale_up_pods: settings.hpa_scale_up_pods,
            scale_up_percent: settings.hpa_scale_up_percent,
            scale_down_percent: settings.hpa_scale_down_percent,
            policy_period_s: settings.hpa_policy_period_s,
        }
    }
}

/// The HPA's memory: past recommendations and recent scaling events.
#[derive(Clone, Debug, PartialEq)]
pub struct HpaPolicy {
    /// Target value of the metric.
    pub target: f64,
    /// Parameters.
    pub settings: HpaSettings,
    recommendations: VecDeque<(Micros, u32)>,
    changes: VecDeque<(Micros, i64)>,
}

impl HpaPolicy {
    /// A policy aiming at `target`.
    pub fn new(target: f64, settings: HpaSettings) -> HpaPolicy {
        HpaPolicy {
            target,
            settings,
            recommendations: VecDeque::new(),
            changes: VecDeque::new(),
        }
    }

    /// The raw recommendation: ceil(current x metric / target), or current
    /// within the tolerance.
    pub fn recommend(&self, metric: f64, current: u32) -> u32 {
        let measurable = self.target > 0.0 && metric.is_finite() && metric >= 0.0;
        if !measurable {
            return current;
        }
        if current == 0 {
            return 1;
        }
        let ratio = metric / self.target;
        if (ratio - 1.0).abs() <= self.settings.tolerance {
            return current;
        }
        let desired = (f64::from(current) * ratio).ceil();
        desired.min(f64::from(u32::MAX)) as u32
    }

    /// The replica count after evaluating `metric` at `now`.
    pub fn decide(&mut self, now: Micros, metric: f64, bounds: ReplicaBounds) -> u32 {
        let raw = self
            .recommend(metric, bounds.current)
            .clamp(bounds.min, bounds.max.max(bounds.min));
        // Stabilisation: scale down only as far as the highest recommendation
        // of the window (the scale-up window is zero, as in Kubernetes).
        let window = super::random::seconds_to_micros(self.settings.stabilization_s);
        while self
            .recommendations
            .front()
            .is_some_and(|&(time, _)| now.saturating_sub(time) > window)
        {
            self.recommendations.pop_front();
        }
        let highest = self
            .recommendations
            .iter()
            .map(|&(_, r)| r)
            .fold(raw, u32::max);
        self.recommendations.push_back((now, raw));
        let mut desired = if raw >= bounds.current {
            raw
        } else {
            highest.min(bounds.current)
        };
        // Rate limits relative to the replicas at the start of the period.
        let period = super::random::seconds_to_micros(self.settings.policy_period_s);
        while self
            .changes
            .front()
            .is_some_and(|&(time, _)| now.saturating_sub(time) >= period)
        {
            self.changes.pop_front();
        }
        let changed: i64 = self.changes.iter().map(|&(_, delta)| delta).sum();
        let period_start = (i64::from(bounds.current) - changed).max(0) as f64;
        if desired > bounds.current {
            let by_pods = period_start + f64::from(self.settings.scale_up_pods);
            let by_percent = (period_start * (1.0 + self.settings.scale_up_percent / 100.0)).ceil();
            let limit = by_pods.max(by_percent).max(f64::from(bounds.current));
            desired = desired.min(limit as u32);
        } else if desired < bounds.current {
            let limit = (period_start * (1.0 - self.settings.scale_down_percent / 100.0))
                .ceil()
                .min(f64::from(bounds.current));
            desired = desired.max(limit as u32);
        }
        if desired != bounds.current {
            self.changes
                .push_back((now, i64::from(desired) - i64::from(bounds.current)));
        }
        desired
    }
}
