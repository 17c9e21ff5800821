//! The Compare module's end of the bridge (the `archplay-compare` wasm,
//! `src/compare.rs`, loaded on the first Compare or Milestones click or a
//! compare link): its file name and the fragments that belong to it. The
//! host object it gets is the one every click module gets
//! ([`crate::module_bridge`]); `show(view)` takes `compare` or `milestones`.
//!
//! What must stay true: the page tells whether a fragment is the module's
//! with a prefix check alone ([`is_compare_fragment`]), so it links no
//! Compare code to route.

/// The module's name: trunk writes `archplay-compare.js` and
/// `archplay-compare_bg.wasm` next to the page.
pub const MODULE: &str = "archplay-compare";
/// The first word of every compare address (`#compare/<A>/<B>`).
pub const COMPARE_PREFIX: &str = "compare";
/// The view `show` opens for the Compare button.
pub const VIEW_COMPARE: &str = "compare";
/// The view `show` opens for the Milestones button.
pub const VIEW_MILESTONES: &str = "milestones";

/// Whether an address fragment (with or without `#`) is the Compare
/// module's: `compare` or `compare/...`.
pub fn is_compare_fragment(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    fragment
        .strip_prefix(COMPARE_PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_addresses_are_the_modules() {
        for fragment in ["#compare", "compare", "#compare/", "#compare/s2.a/s2.b"] {
            assert!(is_compare_fragment(fragment), "{fragment}");
        }
        for fragment in ["", "#", "#s2.abc", "#compared", "#learn", "#c1.x"] {
            assert!(!is_compare_fragment(fragment), "{fragment}");
        }
    }
}
