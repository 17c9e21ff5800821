//! The numbers that stand for the model's enums in every byte format of this
//! module: one table per enum, read by the share link (`codec.rs`,
//! `convert.rs`) and by the page's snapshot (`snapshot/`) alike.
//!
//! What must stay true: FROZEN. A code is a value's index in its table, and
//! links in chat logs and autosaved snapshots hold those indices, so an entry
//! is never removed, reordered or reinterpreted; a new enum value is appended
//! at the end of its table (older readers then refuse it as an unknown code).
//! The tables are written out here rather than taken from the model (such as
//! `ComponentKind::ALL`), so reordering a list in the model cannot change
//! what an old link or snapshot means.

use super::bytes::WireError;
use crate::engine::model::{
    ArrivalProfile, AutoscalerKind, ComponentKind, FaultAction, HttpMethod, KeyPopularityKind,
    LoadBalancingStrategy, ScalingMetric, ServiceTimeKind,
};

/// Component kind codes.
pub(super) const KINDS: [ComponentKind; 11] = [
    ComponentKind::Client,
    ComponentKind::ApiGateway,
    ComponentKind::LoadBalancer,
    ComponentKind::Service,
    ComponentKind::Database,
    ComponentKind::Cache,
    ComponentKind::EventBus,
    ComponentKind::EventStore,
    ComponentKind::ServiceRegistry,
    ComponentKind::Monitoring,
    ComponentKind::AuthProvider,
];
/// Load-balancing strategy codes.
pub(super) const STRATEGIES: [LoadBalancingStrategy; 3] = [
    LoadBalancingStrategy::RoundRobin,
    LoadBalancingStrategy::Weighted,
    LoadBalancingStrategy::LeastConnections,
];
/// Autoscaling metric codes.
pub(super) const METRICS: [ScalingMetric; 4] = [
    ScalingMetric::Cpu,
    ScalingMetric::Memory,
    ScalingMetric::RequestRate,
    ScalingMetric::ErrorRate,
];
/// Route method codes.
pub(super) const METHODS: [HttpMethod; 5] = [
    HttpMethod::Any,
    HttpMethod::Get,
    HttpMethod::Post,
    HttpMethod::Put,
    HttpMethod::Delete,
];
/// Arrival profile codes (`step` came last, after the first links were made).
pub(super) const ARRIVALS: [ArrivalProfile; 5] = [
    ArrivalProfile::Steady,
    ArrivalProfile::Ramp,
    ArrivalProfile::Spike,
    ArrivalProfile::Wave,
    ArrivalProfile::Step,
];
/// Key popularity codes.
pub(super) const KEY_POPULARITIES: [KeyPopularityKind; 2] =
    [KeyPopularityKind::Uniform, KeyPopularityKind::Zipf];
/// Service-time distribution codes.
pub(super) const SERVICE_TIMES: [ServiceTimeKind; 3] = [
    ServiceTimeKind::Exponential,
    ServiceTimeKind::Fixed,
    ServiceTimeKind::LogNormal,
];
/// Autoscaler codes.
pub(super) const AUTOSCALERS: [AutoscalerKind; 2] = [AutoscalerKind::Seed, AutoscalerKind::Hpa];

/// The code of `value`: its index in `table`. Every value of an enum is in
/// its table (the tests below check), so the fallback 0 is never taken.
pub(super) fn code_of<T: PartialEq>(table: &[T], value: &T) -> u32 {
    table
        .iter()
        .position(|entry| entry == value)
        .unwrap_or_default() as u32
}

/// The value `code` stands for in `table`, if the code is one.
pub(super) fn value_of<T: Copy>(table: &[T], code: u64) -> Option<T> {
    usize::try_from(code)
        .ok()
        .and_then(|index| table.get(index))
        .copied()
}

/// The value a link's `code` stands for; an unknown code is an error naming `what`.
pub(super) fn value_for_code<T: Copy>(table: &[T], code: u32, what: &str) -> Result<T, WireError> {
    value_of(table, u64::from(code))
        .ok_or_else(|| WireError(format!("{what} code {code} is unknown")))
}

/// A fault's kind code (0 kill_replica, 1 component_down, 2 add_latency,
/// 3 add_errors) and its amount: milliseconds or percent for the two kinds
/// that have one, `None` for the others.
pub(super) fn fault_code(action: FaultAction) -> (u32, Option<f64>) {
    match action {
        FaultAction::KillReplica => (0, None),
        FaultAction::ComponentDown => (1, None),
        FaultAction::AddLatency { ms } => (2, Some(ms)),
        FaultAction::AddErrors { percent } => (3, Some(percent)),
    }
}

/// The fault a kind code stands for, with `amount` for the kinds that have
/// one (and ignored by the others); `None` for an unknown code.
pub(super) fn fault_action(code: u64, amount: f64) -> Option<FaultAction> {
    match code {
        0 => Some(FaultAction::KillReplica),
        1 => Some(FaultAction::ComponentDown),
        2 => Some(FaultAction::AddLatency { ms: amount }),
        3 => Some(FaultAction::AddErrors { percent: amount }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_code_and_kinds_keep_the_order_of_the_first_links() {
        for kind in ComponentKind::ALL {
            assert!(KINDS.contains(&kind), "{kind:?} has no code");
        }
        assert_eq!(code_of(&KINDS, &ComponentKind::Service), 3);
        assert_eq!(code_of(&KINDS, &ComponentKind::AuthProvider), 10);
    }

    /// Distinct entries, or two values would write the same code.
    fn distinct<T: PartialEq>(table: &[T]) -> bool {
        table
            .iter()
            .enumerate()
            .all(|(index, value)| code_of(table, value) as usize == index)
    }

    #[test]
    fn every_table_has_one_code_per_value() {
        assert!(distinct(&KINDS) && distinct(&STRATEGIES) && distinct(&METRICS));
        assert!(distinct(&METHODS) && distinct(&ARRIVALS) && distinct(&KEY_POPULARITIES));
        assert!(distinct(&SERVICE_TIMES) && distinct(&AUTOSCALERS));
        assert_eq!(value_of(&ARRIVALS, 4), Some(ArrivalProfile::Step));
        assert_eq!(value_of(&ARRIVALS, 5), None);
        assert_eq!(value_of(&METHODS, u64::MAX), None);
    }

    #[test]
    fn fault_codes_read_back() {
        for action in [
            FaultAction::KillReplica,
            FaultAction::ComponentDown,
            FaultAction::AddLatency { ms: 25.0 },
            FaultAction::AddErrors { percent: 5.0 },
        ] {
            let (code, amount) = fault_code(action);
            let read = fault_action(u64::from(code), amount.unwrap_or(0.0));
            assert_eq!(read, Some(action));
        }
        assert_eq!(fault_action(4, 0.0), None);
    }
}
