//! The page's end of the Learn module: the toolbar's Learn button, the
//! element the module mounts into, loading the module on first need
//! ([`super::lazy`]), the host object it calls ([`crate::learn_bridge`]), and
//! the address: a Learn address or a challenge link opens Learn at start or
//! when the fragment changes, which counts as the click.
//!
//! What must stay true: the page links no Learn code, only this host (the
//! module is `archplay-learn`, fetched on the first Learn click or Learn
//! fragment, never at start otherwise); the module is mounted once and then
//! only shown and hidden; a module that cannot be loaded shows a
//! [`NoticeKind::LoadError`] and changes nothing, and the next click tries
//! again; designs from the module open through [`AppState::open_design`]
//! (one undo step, runs and overlays forgotten).

use super::browser::{address_fragment, clear_address_fragment};
use super::lazy::{call_export, load_module};
use super::state::{AppState, NoticeKind, Selection};
use crate::engine::model::ComponentId;
use crate::engine::share::{decode_snapshot, encode_snapshot};
use crate::learn_bridge::{
    is_learn_fragment, HostCalls, HostNotice, MODULE_SCRIPT, MODULE_WASM, MOUNT, SHOW,
};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// Where the Learn module is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Module {
    /// Not asked for yet, or its last load failed.
    Absent,
    /// Being fetched and started.
    Loading,
    /// Mounted in the host element.
    Mounted,
}

/// The page's handle on the Learn module, provided at the root.
#[derive(Clone, Copy)]
pub struct LearnHost {
    state: AppState,
    open: RwSignal<bool>,
    module: RwSignal<Module>,
    element: NodeRef<Div>,
    /// The module's exports, once loaded.
    exports: StoredValue<Option<JsValue>, LocalStorage>,
    /// What the module asked to hear after every change of the design.
    listeners: StoredValue<Vec<js_sys::Function>, LocalStorage>,
    /// Whether the module should show itself once mounted (a click asked,
    /// not an address, which the module follows itself).
    show_when_mounted: StoredValue<bool>,
}

/// Creates the host, provides it, and opens Learn if the address is the module's.
pub fn provide_learn_host(state: AppState) -> LearnHost {
    let host = LearnHost {
        state,
        open: RwSignal::new(false),
        module: RwSignal::new(Module::Absent),
        element: NodeRef::new(),
        exports: StoredValue::new_local(None),
        listeners: StoredValue::new_local(Vec::new()),
        show_when_mounted: StoredValue::new(false),
    };
    provide_context(host);
    let follow = move || {
        if is_learn_fragment(&address_fragment()) {
            host.open(false);
        }
    };
    follow();
    let changed = window_event_listener(ev::hashchange, move |_| follow());
    on_cleanup(move || changed.remove());
    Effect::new(move |_| {
        state.revision().track();
        // Cloned out, so a listener may call the host while it runs.
        for listener in host.listeners.get_value() {
            _ = listener.call0(&JsValue::NULL);
        }
    });
    host
}

fn use_learn_host() -> LearnHost {
    use_context::<LearnHost>()
        .unwrap_or_else(|| panic!("LearnHost is provided at the root of the app"))
}

impl LearnHost {
    /// Shows Learn, loading the module first if need be; `by_click` when the
    /// Learn button asked (the module then shows its path or exercise).
    fn open(&self, by_click: bool) {
        self.open.set(true);
        match self.module.get_untracked() {
            Module::Mounted if by_click => self.call(SHOW, &[]),
            Module::Mounted => {}
            Module::Loading => self
                .show_when_mounted
                .update_value(|show| *show |= by_click),
            Module::Absent => {
                self.show_when_mounted.set_value(by_click);
                self.load();
            }
        }
    }

    /// Hides Learn (the module keeps its state) and clears a Learn address.
    fn close(&self) {
        self.open.set(false);
        if is_learn_fragment(&address_fragment()) {
            clear_address_fragment();
        }
    }

    /// Calls the mounted module's export `name`; a failure is shown, and the
    /// module stays mounted.
    fn call(&self, name: &str, args: &[JsValue]) {
        // Cloned out, so the module may call the host while it runs.
        let Some(exports) = self.exports.get_value() else {
            return;
        };
        if let Err(problem) = call_export(&exports, name, args) {
            self.state.show_notice(
                NoticeKind::LoadError,
                format!("Learn did not answer: {problem}. Your design is unchanged."),
            );
        }
    }

    /// The module could not be loaded or mounted: says so and forgets it.
    fn failed(&self, problem: String) {
        self.module.set(Module::Absent);
        self.open.set(false);
        self.state.show_notice(
            NoticeKind::LoadError,
            format!("Learn could not be loaded: {problem}. Your design is unchanged; press Learn to try again."),
        );
    }

    fn load(&self) {
        self.module.set(Module::Loading);
        let host = *self;
        spawn_local(async move {
            match load_module(MODULE_SCRIPT, MODULE_WASM).await {
                Ok(exports) => host.mount(exports),
                Err(problem) => host.failed(problem),
            }
        });
    }

    fn mount(&self, exports: JsValue) {
        let Some(element) = self.element.get_untracked() else {
            return self.failed("the page has no place for it".to_string());
        };
        let mounted = call_export(&exports, MOUNT, &[element.into(), self.calls().into()]);
        if let Err(problem) = mounted {
            return self.failed(problem);
        }
        self.exports.set_value(Some(exports));
        self.module.set(Module::Mounted);
        self.state.dismiss_notice(NoticeKind::LoadError);
        if self.show_when_mounted.get_value() {
            self.call(SHOW, &[]);
        }
    }

    /// The host object the module calls (see [`crate::learn_bridge`]).
    fn calls(&self) -> js_sys::Object {
        let (host, state) = (*self, self.state);
        HostCalls {
            snapshot: Box::new(move || state.design().with_untracked(encode_snapshot)),
            subscribe: Box::new(move |listener| {
                host.listeners
                    .update_value(|listeners| listeners.push(listener))
            }),
            open_design: Box::new(move |snapshot, what| match decode_snapshot(&snapshot) {
                Ok(design) => {
                    state.open_design(design, what);
                    None
                }
                Err(error) => Some(error.to_string()),
            }),
            notice: Box::new(move |kind, text| {
                let kind = match HostNotice::from_name(&kind) {
                    Some(HostNotice::Storage) => NoticeKind::StorageError,
                    Some(HostNotice::Link) | None => NoticeKind::LinkError,
                };
                state.show_notice(kind, text);
            }),
            reveal: Box::new(move |id| {
                state.select(Selection::Component(ComponentId(id)));
                state.reveal(ComponentId(id));
            }),
            close: Box::new(move || host.close()),
        }
        .into_object()
    }
}

/// The toolbar's "Learn" button: opens (loading the module the first time) or closes Learn.
#[component]
pub fn LearnButton() -> impl IntoView {
    let host = use_learn_host();
    let toggle = move |_| {
        if host.open.get_untracked() {
            host.close()
        } else {
            host.open(true)
        }
    };
    view! {
        <button
            type="button"
            class="ap-button"
            data-testid="learn-open"
            aria-pressed=move || host.open.get().to_string()
            on:click=toggle
        >
            "Learn"
        </button>
    }
}

/// The column the Learn module mounts into, between the canvas and the sidebar.
#[component]
pub fn LearnPanel() -> impl IntoView {
    let host = use_learn_host();
    view! {
        <aside class="ap-learn" aria-label="Learn" data-testid="learn-panel" hidden=move || !host.open.get()>
            {move || (host.module.get() == Module::Loading).then(|| view! {
                <p class="ap-learn__loading" role="status" data-testid="learn-loading">"Loading Learn…"</p>
            })}
            <div class="ap-learn__host" node_ref=host.element></div>
        </aside>
    }
}
