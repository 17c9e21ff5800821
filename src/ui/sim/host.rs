//! The page's end of the Simulate panel's module (`archplay-sim-panel`,
//! `crate::sim_panel_bridge`): the toolbar button that opens the panel, the
//! dock element the module mounts into, and [`PanelLink`], which loads the
//! module on the first open ([`crate::ui::lazy`]), pushes what the panel
//! shows and hands it the run reports.
//!
//! What must stay true: nothing of the module loads before the first open;
//! until it has mounted, an open panel is a loading notice (`sim-loading`);
//! a module that cannot load closes the panel again and says why in the
//! status area, changing nothing else (the next open tries again); pushes and
//! reports before the module has mounted are dropped, and mounting pushes
//! everything the panel shows, so it never shows less than the page knows.

use super::{use_sim_state, SimState};
use crate::sim_panel_bridge::{exports, PagePush, PanelAsk, MODULE};
use crate::ui::lazy::{call_export, load_click_module};
use crate::ui::panels::field_input::field_input_id;
use leptos::html::Div;
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How far the module has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PanelModule {
    /// Not asked for yet, or its load failed.
    #[default]
    Absent,
    /// Loading.
    Loading,
    /// Mounted in the dock.
    Mounted,
}

/// A `Copy` handle on the panel module, held by [`SimState`].
#[derive(Clone, Copy)]
pub struct PanelLink {
    /// How far the module has come.
    pub state: RwSignal<PanelModule>,
    /// The element the module mounts into.
    pub dock: NodeRef<Div>,
    exports: StoredValue<Option<JsValue>, LocalStorage>,
}

fn report_console(text: &str) {
    web_sys::console::error_1(&JsValue::from_str(text));
}

impl PanelLink {
    /// No module yet.
    pub fn new() -> PanelLink {
        PanelLink {
            state: RwSignal::new(PanelModule::Absent),
            dock: NodeRef::new(),
            exports: StoredValue::new_local(None),
        }
    }

    /// Loads and mounts the module unless it is loaded or loading.
    pub fn load(&self, sim: SimState) {
        if self.state.get_untracked() != PanelModule::Absent {
            return;
        }
        self.state.set(PanelModule::Loading);
        let this = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let mounted = match load_click_module(MODULE).await {
                Ok(module) => this.mount(sim, &module).map(|()| module),
                Err(why) => Err(why),
            };
            match mounted {
                Ok(module) => {
                    this.exports.set_value(Some(module));
                    this.state.set(PanelModule::Mounted);
                    this.push(&PagePush::Run(untrack(|| sim.run_view())));
                    this.push(&untrack(|| sim.panel_design()));
                }
                Err(why) => {
                    this.state.set(PanelModule::Absent);
                    sim.open.set(false);
                    sim.app
                        .report_error(format!("The Simulate panel could not load: {why}"));
                }
            }
        });
    }

    fn mount(&self, sim: SimState, module: &JsValue) -> Result<(), String> {
        let dock = self
            .dock
            .get_untracked()
            .ok_or("the page has no dock for it")?;
        let ask = Closure::<dyn Fn(JsValue)>::new(move |value: JsValue| {
            match serde_wasm_bindgen::from_value::<PanelAsk>(value) {
                Ok(ask) => sim.answer_panel(ask),
                Err(error) => report_console(&format!("archplay: unreadable panel ask: {error}")),
            }
        });
        // The panel lives as long as the page, and its asks with it.
        let ask = ask.into_js_value();
        call_export(module, exports::MOUNT, &[dock.as_ref(), &ask]).map(|_| ())
    }

    /// Tells the panel `push`, if it is there.
    pub fn push(&self, push: &PagePush) {
        let Some(module) = self.exports.get_value() else {
            return;
        };
        let serializer =
            serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
        match push.serialize(&serializer) {
            Ok(value) => {
                if let Err(why) = call_export(&module, exports::PUSH, &[&value]) {
                    report_console(&format!("archplay: the panel refused a push: {why}"));
                }
            }
            Err(error) => report_console(&format!("archplay: cannot push to the panel: {error}")),
        }
    }

    /// Hands the panel a worker message with a report of the current run, if it is there.
    pub fn forward(&self, message: &JsValue) {
        if let Some(module) = self.exports.get_value() {
            if let Err(why) = call_export(&module, exports::REPORT, &[message]) {
                report_console(&format!("archplay: the panel refused a report: {why}"));
            }
        }
    }
}

impl Default for PanelLink {
    fn default() -> PanelLink {
        PanelLink::new()
    }
}

/// The toolbar button that opens and closes the panel.
#[component]
pub fn SimOpenButton() -> impl IntoView {
    let sim = use_sim_state();
    view! {
        <button
            type="button"
            class="ap-button"
            data-testid="sim-open"
            aria-pressed=move || sim.open.get().to_string()
            on:click=move |_| sim.toggle_panel()
        >
            "Simulate"
        </button>
    }
}

/// Where the panel docks below the canvas: the element its module mounts
/// into, a loading notice until it has, and the effects that keep it told.
#[component]
pub fn SimDock() -> impl IntoView {
    let sim = use_sim_state();
    let link = sim.panel;
    let mounted = move || link.state.get() == PanelModule::Mounted;
    Effect::new(move |_| {
        if mounted() {
            link.push(&PagePush::Run(sim.run_view()));
        }
    });
    Effect::new(move |_| {
        // The design's snapshot only while someone looks at the panel.
        if mounted() && sim.open.get() {
            link.push(&sim.panel_design());
        }
    });
    let loading = move || sim.open.get() && !mounted();
    view! {
        <div class="ap-sim-dock" node_ref=link.dock></div>
        {move || loading().then(|| view! {
            <section class="ap-panel ap-sim ap-sim--loading" data-testid="sim-loading" aria-label="Simulate" aria-busy="true">
                <p class="ap-sim__loading">"Loading the Simulate panel…"</p>
            </section>
        })}
    }
}

/// Scrolls the inspector to the design's simulation settings and focuses the first.
pub fn scroll_to_settings() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let field = ["simulation.seed", "workload.requests_per_second"]
        .into_iter()
        .find_map(|key| document.get_element_by_id(&field_input_id(key)));
    if let Some(field) = field {
        field.scroll_into_view();
        if let Ok(element) = field.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
