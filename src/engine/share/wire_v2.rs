//! Share-link wire format version 2: version 1 with the whole of the design's
//! simulation settings (traffic shape, key popularity, service times,
//! autoscaler, start-up delay, resilience, scheduled faults). Structs mirror
//! the bytes one to one; `codec_v2.rs` reads and writes them and
//! `docs/share-links.md` draws the layout.
//!
//! What must stay true: this file is FROZEN once released, like
//! `wire_v1.rs`. Version 2 reuses version 1's workload, team, targets,
//! component and connection structs unchanged (they are frozen too); only the
//! simulation section is new. A field left out is `None` here, and
//! `defaults_v2` says what `None` means.

use super::wire_v1::{
    WireComponentV1, WireConnectionV1, WireTargetsV1, WireTeamV1, WireWorkloadV1,
};

/// A whole design as version 2 writes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireDesignV2 {
    /// Design name.
    pub name: String,
    /// Workload fields that differ from version 1's defaults.
    pub workload: WireWorkloadV1,
    /// Team inputs that differ from version 1's defaults.
    pub team: WireTeamV1,
    /// Targets that differ from version 1's defaults.
    pub targets: WireTargetsV1,
    /// Simulation settings that differ from version 2's defaults.
    pub simulation: WireSimulationV2,
    /// Components in design order, as in version 1.
    pub components: Vec<WireComponentV1>,
    /// Connections in design order, as in version 1.
    pub connections: Vec<WireConnectionV1>,
}

/// Simulation settings; `None` means version 2's default. The field order
/// is the order of the presence-mask bits.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct WireSimulationV2 {
    pub seed: Option<u64>,
    pub duration_s: Option<f64>,
    /// Arrival code: 0 steady, 1 ramp, 2 spike, 3 wave (as version 1), 4 step.
    pub arrival: Option<u32>,
    /// Scheduled faults, in the design's order.
    pub faults: Option<Vec<WireFaultV2>>,
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
pub struct WireFaultV2 {
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
