//! The share link's one wire layout: structs that mirror the bytes one to
//! one (`codec.rs` reads and writes them; `docs/share-links.md` draws the
//! layout). Each presence-masked section is a [`WireFields`]: one optional
//! value per slot of its frozen slot list (`layout.rs`).
//!
//! What must stay true: this layout is FROZEN. Links made with it are in chat
//! logs and bookmarks, and must decode the same forever (the golden links in
//! `tests/fixtures/links/` check it). Never reorder, remove or reinterpret a
//! field, a bit or a code. The one change allowed in place is a new last
//! slot of a section, whose frozen default means what older links meant: a
//! link from an older writer simply leaves it out. Anything an older reader
//! could not cope with (other than refusing the new field by name) takes a new
//! link version. The structs know nothing of the model: a value left out is
//! `None` here, and `layout.rs` says what `None` means.

use super::layout::{slot_named, WireSlot};

/// Most shard ranges or topics one list may hold on the wire (far above what
/// validation accepts, only to bound allocation).
pub const MAX_LIST_ITEMS: usize = 4096;

/// Bits of a component's `flags` slot.
pub mod flag {
    /// `security.authentication`.
    pub const AUTHENTICATION: u32 = 1 << 0;
    /// `security.authorization`.
    pub const AUTHORIZATION: u32 = 1 << 1;
    /// `security.tls`.
    pub const TLS: u32 = 1 << 2;
    /// `security.encryption_at_rest`.
    pub const ENCRYPTION_AT_REST: u32 = 1 << 3;
    /// `security.audit_logging`.
    pub const AUDIT_LOGGING: u32 = 1 << 4;
    /// `backup`.
    pub const BACKUP: u32 = 1 << 5;
    /// `alerting`.
    pub const ALERTING: u32 = 1 << 6;
    /// `health_check.enabled`.
    pub const HEALTH_CHECK: u32 = 1 << 7;
    /// `autoscaling.enabled`.
    pub const AUTOSCALING: u32 = 1 << 8;
    /// Every bit the layout knows.
    pub const ALL: u32 = (1 << 9) - 1;
}

/// A whole design as a link carries it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireDesign {
    /// Design name.
    pub name: String,
    /// Workload fields that differ from the frozen defaults ([`super::layout::WORKLOAD`]).
    pub workload: WireFields,
    /// Team inputs that differ ([`super::layout::TEAM`]).
    pub team: WireFields,
    /// Targets that differ ([`super::layout::TARGETS`]).
    pub targets: WireFields,
    /// Simulation settings that differ ([`super::layout::SIMULATION`]).
    pub simulation: WireFields,
    /// Components in design order.
    pub components: Vec<WireComponent>,
    /// Connections in design order.
    pub connections: Vec<WireConnection>,
}

/// One value of a slot, as the bytes hold it.
#[derive(Clone, Debug, PartialEq)]
pub enum WireValue {
    /// A number (also a retired number).
    Number(f64),
    /// A whole number, a seed, a choice code or a component's flag bits.
    Whole(u64),
    /// A flag that is on (a flag that is off is left out).
    On,
    /// A string.
    Text(String),
    /// `(start, end)` of each range shard.
    Shards(Vec<(u32, u32)>),
    /// Topic names.
    Topics(Vec<String>),
    /// Scheduled faults, in the design's order.
    Faults(Vec<WireFault>),
}

/// The values of one section, slot by slot; `None` means the frozen default.
/// Shorter than its slot list when the last slots are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireFields(pub Vec<Option<WireValue>>);

impl WireFields {
    /// The value of slot `index`, if carried.
    pub fn get(&self, index: usize) -> Option<&WireValue> {
        self.0.get(index).and_then(Option::as_ref)
    }

    /// The value of the slot of `section` named `key`, if carried.
    pub fn named(&self, section: &[WireSlot], key: &str) -> Option<&WireValue> {
        slot_named(section, key).and_then(|index| self.get(index))
    }

    /// These fields with the slot of `section` named `key` left out.
    pub fn without(mut self, section: &[WireSlot], key: &str) -> WireFields {
        if let Some(slot) = slot_named(section, key).and_then(|index| self.0.get_mut(index)) {
            *slot = None;
        }
        while self.0.last().is_some_and(Option::is_none) {
            self.0.pop();
        }
        self
    }

    /// These fields with the slot of `section` named `key` set to `value`
    /// (for tests that forge links); an unknown key changes nothing.
    pub fn with(mut self, section: &[WireSlot], key: &str, value: WireValue) -> WireFields {
        if let Some(index) = slot_named(section, key) {
            if self.0.len() <= index {
                self.0.resize(index + 1, None);
            }
            self.0[index] = Some(value);
        }
        self
    }
}

/// One scheduled fault.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireFault {
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

/// One component. Ids are written as steps from the previous id plus one and
/// positions as steps from the previous component's, but held here whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireComponent {
    /// Its id.
    pub id: u32,
    /// Kind code: 0 client, 1 api_gateway, 2 load_balancer, 3 service,
    /// 4 database, 5 cache, 6 event_bus, 7 event_store, 8 service_registry,
    /// 9 monitoring, 10 auth_provider.
    pub kind: u32,
    /// Its name.
    pub name: String,
    /// Canvas position.
    pub x: f64,
    /// Canvas position.
    pub y: f64,
    /// Its fields that differ from its kind's frozen defaults
    /// ([`super::layout::COMPONENT`]).
    pub fields: WireFields,
}

/// One connection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireConnection {
    /// Its id.
    pub id: u32,
    /// Id of the calling component.
    pub from: u32,
    /// Id of the called component.
    pub to: u32,
    /// Its fields that differ from the frozen defaults ([`super::layout::CONNECTION`]).
    pub fields: WireFields,
}
