//! The Compare module: a Leptos root in its own wasm (the `archplay-compare`
//! binary, `src/compare.rs`), which the page loads on the first Compare or
//! Milestones click or a compare link and mounts into its column. It shows
//! design A (pinned, or from a template, file, link or milestone) against
//! the design on the canvas (B), and the saved milestones.
//!
//! Layout: [`state`] is the `Copy` handle of signals and its intents
//! ([`milestone_intents`] for milestones); [`storage`] keeps milestones in
//! `localStorage`; [`compare_view`], [`tables`], [`changes`] and
//! [`milestones`] render; [`format`] is pure and unit tested; [`worker`] is
//! the module's own connection to its worker. It reaches the page only
//! through the bridge ([`crate::module_bridge::Host`]).
//!
//! What must stay true: comparing, compare links, templates, files, links
//! and runs live in its worker (`src/compare_worker.rs`); B is recompared
//! [`COMPARE_DELAY`] after the canvas's design last changed; the page links
//! none of this module.

pub mod changes;
pub mod compare_view;
pub mod format;
pub mod milestone_intents;
pub mod milestones;
pub mod state;
pub mod storage;
pub mod tables;
pub mod worker;

use crate::compare_bridge::is_compare_fragment;
use crate::module_bridge::Host;
use crate::ui::browser::address_fragment;
use leptos::ev;
use leptos::prelude::*;
use state::{use_compare_state, CompareState, Tab};
use std::cell::Cell;
use std::time::Duration;
use web_sys::HtmlElement;

/// How long the canvas's design must be still before B is compared again.
pub const COMPARE_DELAY: Duration = Duration::from_millis(200);

thread_local! {
    /// The mounted module's state, for [`show`] (called from outside any owner).
    static MOUNTED: Cell<Option<CompareState>> = const { Cell::new(None) };
}

/// Mounts the Compare module into `element`, over the page's `host`, for the
/// life of the page; it follows a compare link in the address, if there is one.
pub fn mount(element: HtmlElement, host: Host) {
    let handle = leptos::mount::mount_to(element, move || {
        let compare = provide_compare_state(host);
        MOUNTED.with(|mounted| mounted.set(Some(compare)));
        view! { <CompareRoot /> }
    });
    handle.forget();
}

/// Shows `view` (`compare` or `milestones`), as a toolbar button asked.
pub fn show(view: &str) {
    if let Some(compare) = MOUNTED.with(Cell::get) {
        compare.show(view);
    }
}

fn provide_compare_state(host: Host) -> CompareState {
    let compare = CompareState::new(host.clone());
    provide_context(compare);
    host.subscribe(move || compare.revision.update(|revision| *revision += 1));
    compare.reload_milestones();
    follow_address(compare);
    let changed = window_event_listener(ev::hashchange, move |_| follow_address(compare));
    on_cleanup(move || changed.remove());
    handle_recompare(compare);
    compare
}

/// Opens a compare link in the address (`#compare/<A>/<B>`), if there is one.
fn follow_address(compare: CompareState) {
    let fragment = address_fragment();
    if !is_compare_fragment(&fragment) {
        return;
    }
    let rest = fragment
        .trim_start_matches('#')
        .trim_start_matches("compare")
        .trim_start_matches('/');
    if rest.is_empty() {
        compare.show(crate::compare_bridge::VIEW_COMPARE);
    } else {
        compare.show(crate::compare_bridge::VIEW_COMPARE);
        compare.open_compare_link(fragment);
    }
}

/// Compares again [`COMPARE_DELAY`] after every change of the canvas's
/// design, and reads the milestones again (an import may have merged some).
fn handle_recompare(compare: CompareState) {
    let pending = StoredValue::new(0_u64);
    Effect::new(move |_| {
        compare.revision.track();
        let serial = pending.get_value() + 1;
        pending.set_value(serial);
        set_timeout(
            move || {
                if pending.get_value() == serial {
                    compare.reload_milestones();
                    compare.recompare();
                }
            },
            COMPARE_DELAY,
        );
    });
}

/// The module's tabs, its message, and the view the tab names.
#[component]
pub fn CompareRoot() -> impl IntoView {
    let compare = use_compare_state();
    let tab = move |which: Tab, label: &'static str, testid: &'static str| {
        view! {
            <button type="button" class="ap-button" data-testid=testid aria-pressed=move || (compare.tab.get() == which).to_string()
                on:click=move |_| compare.show(if which == Tab::Milestones { "milestones" } else { "compare" })>{label}</button>
        }
    };
    view! {
        <div class="ap-learn__head">
            <h2 class="ap-compare__title">{move || if compare.tab.get() == Tab::Milestones { "Milestones" } else { "Compare" }}</h2>
            {tab(Tab::Compare, "Compare", "compare-tab")}
            {tab(Tab::Milestones, "Milestones", "milestones-tab")}
            <button type="button" class="ap-button" data-testid="compare-close" on:click=move |_| compare.host().close()>"Close"</button>
        </div>
        {move || compare.message.get().map(|text| view! {
            <p class="ap-learn__message" role="status" data-testid="compare-message">{text}</p>
        })}
        {move || match compare.tab.get() {
            Tab::Compare => view! { <compare_view::CompareView /> }.into_any(),
            Tab::Milestones => view! { <milestones::MilestonesView /> }.into_any(),
        }}
    }
}
