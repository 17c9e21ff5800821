//! The frozen defaults the slot lists of `layout.rs` cannot write as one
//! number: a component kind's on/off attributes.
//!
//! What must stay true: FROZEN, a copy of the model as it was when the field
//! joined the layout, written out by hand; never a call to `Component::new`
//! or any `Default` (they may change, and would silently change what old
//! links mean).

use super::wire::flag;
use crate::engine::model::ComponentKind;

/// The flag bits of a component of `kind` that leaves its flags out: only a
/// load balancer checks the health of its targets.
pub(super) fn flags_of_kind(kind: ComponentKind) -> u32 {
    if kind == ComponentKind::LoadBalancer {
        flag::HEALTH_CHECK
    } else {
        0
    }
}
