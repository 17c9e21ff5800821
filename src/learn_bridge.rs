//! The Learn module's end of the bridge (the `archplay-learn` wasm,
//! `src/learn.rs`, which the page loads on the first click): the module's
//! file name, its exports, and the fragments that belong to it. The host
//! object it gets is the one every click module gets
//! ([`crate::module_bridge`]).
//!
//! What must stay true: the page tells whether a fragment is the module's
//! with a prefix check alone ([`is_learn_fragment`]), so it links no Learn
//! code to route.

pub use crate::module_bridge::{text, Host, HostCalls, HostNotice, MOUNT, SHOW};

/// The Learn module's name: trunk writes it next to the page as
/// `archplay-learn.js` and `archplay-learn_bg.wasm` (a worker-type app, so
/// its names carry no hash), which `ui::lazy::load_click_module` loads.
pub const MODULE: &str = "archplay-learn";
/// The first word of every Learn address (`#learn`, `#learn/<exercise>`...).
pub const LEARN_PREFIX: &str = "learn";

/// Whether an address fragment (with or without `#`) is the Learn module's:
/// a Learn address (`learn`, `learn/...`) or a challenge link (`c1.`...,
/// any `c<digits>.`, so a newer version gets the module's message).
pub fn is_learn_fragment(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    let learn = fragment
        .strip_prefix(LEARN_PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    let challenge = fragment
        .strip_prefix('c')
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(version, _)| {
            !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit())
        });
    learn || challenge
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learn_addresses_and_challenge_links_are_the_modules() {
        let modules = [
            "#learn",
            "learn",
            "#learn/",
            "#learn/solid-open-closed",
            "#learn/x/v2.abc",
            "#c1.eNpabc",
            "c1.x",
            "#c12.x",
        ];
        for fragment in modules {
            assert!(is_learn_fragment(fragment), "{fragment}");
        }
        let pages = [
            "",
            "#",
            "#v2.abc",
            "#learned",
            "#learning/x",
            "#c.x",
            "#cx.1",
            "#s2.abc",
        ];
        for fragment in pages {
            assert!(!is_learn_fragment(fragment), "{fragment}");
        }
    }
}
