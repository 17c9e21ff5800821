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
use super::lazy::{call_export, load_click_module};
use super::state::{AppState, NoticeKind, Selection};
use crate::engine::model::ComponentId;
use crate::engine::share::{decode_snapshot, encode_snapshot};
use crate::learn_bridge::{is_learn_fragment, text, HostCalls, HostNotice, MODULE, MOUNT, SHOW};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

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

/// What the host remembers of the module (nothing here is shown, so none of
/// it is a signal).
struct Link {
    module: Module,
    /// The module's exports, once loaded.
    exports: Option<JsValue>,
    /// What the module asked to hear after every change of the design.
    listeners: Vec<js_sys::Function>,
    /// Whether the module should show itself once mounted (a click asked,
    /// not an address, which the module follows itself).
    show_when_mounted: bool,
}

/// The page's handle on the Learn module, made at the root.
#[derive(Clone, Copy)]
pub struct LearnHost {
    state: AppState,
    open: RwSignal<bool>,
    element: NodeRef<Div>,
    link: StoredValue<Link, LocalStorage>,
}

/// Creates the host and opens Learn if the address is the module's.
pub fn provide_learn_host(state: AppState) -> LearnHost {
    let host = LearnHost {
        state,
        open: RwSignal::new(false),
        element: NodeRef::new(),
        link: StoredValue::new_local(Link {
            module: Module::Absent,
            exports: None,
            listeners: Vec::new(),
            show_when_mounted: false,
        }),
    };
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
        for listener in host.link.with_value(|link| link.listeners.clone()) {
            _ = listener.call0(&JsValue::NULL);
        }
    });
    host
}

impl LearnHost {
    /// Shows Learn, loading the module first if need be; `by_click` when the
    /// Learn button asked (the module then shows its path or exercise).
    fn open(&self, by_click: bool) {
        self.open.set(true);
        let module = self.link.with_value(|link| link.module);
        match module {
            Module::Mounted if by_click => self.call(SHOW, &[]),
            Module::Mounted => {}
            Module::Loading => self
                .link
                .update_value(|link| link.show_when_mounted |= by_click),
            Module::Absent => {
                self.link.update_value(|link| {
                    link.module = Module::Loading;
                    link.show_when_mounted = by_click;
                });
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
    fn call(&self, name: &str, args: &[&JsValue]) {
        // Cloned out, so the module may call the host while it runs.
        let Some(exports) = self.link.with_value(|link| link.exports.clone()) else {
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
        self.link.update_value(|link| link.module = Module::Absent);
        self.open.set(false);
        self.state.show_notice(
            NoticeKind::LoadError,
            format!("Learn could not be loaded: {problem}. Your design is unchanged; press Learn to try again."),
        );
    }

    fn load(&self) {
        let host = *self;
        spawn_local(async move {
            match load_click_module(MODULE).await {
                Ok(exports) => host.mount(exports),
                Err(problem) => host.failed(problem),
            }
        });
    }

    fn mount(&self, exports: JsValue) {
        let Some(element) = self.element.get_untracked() else {
            return self.failed("the page has no place for it".to_string());
        };
        let (element, calls): (JsValue, JsValue) = (element.into(), self.calls().into());
        let mounted = call_export(&exports, MOUNT, &[&element, &calls]);
        if let Err(problem) = mounted {
            return self.failed(problem);
        }
        let show = self.link.try_update_value(|link| {
            link.exports = Some(exports);
            link.module = Module::Mounted;
            link.show_when_mounted
        });
        self.state.dismiss_notice(NoticeKind::LoadError);
        if show == Some(true) {
            self.call(SHOW, &[]);
        }
    }

    /// The host object the module calls (see [`crate::learn_bridge`]).
    fn calls(&self) -> js_sys::Object {
        let (host, state) = (*self, self.state);
        HostCalls {
            snapshot: Box::new(move |_, _| state.design().with_untracked(encode_snapshot).into()),
            subscribe: Box::new(move |listener, _| {
                if let Ok(listener) = listener.dyn_into() {
                    host.link.update_value(|link| link.listeners.push(listener));
                }
                JsValue::UNDEFINED
            }),
            open_design: Box::new(
                move |snapshot, what| match decode_snapshot(&text(&snapshot)) {
                    Ok(design) => {
                        state.open_design(design, text(&what));
                        JsValue::UNDEFINED
                    }
                    Err(error) => error.to_string().into(),
                },
            ),
            notice: Box::new(move |kind, words| {
                let kind = match HostNotice::from_name(&text(&kind)) {
                    Some(HostNotice::Storage) => NoticeKind::StorageError,
                    Some(HostNotice::Link) | None => NoticeKind::LinkError,
                };
                state.show_notice(kind, text(&words));
                JsValue::UNDEFINED
            }),
            reveal: Box::new(move |id, _| {
                if let Some(id) = id.as_f64() {
                    let id = ComponentId(id as u32);
                    state.select(Selection::Component(id));
                    state.reveal(id);
                }
                JsValue::UNDEFINED
            }),
            close: Box::new(move |_, _| {
                host.close();
                JsValue::UNDEFINED
            }),
        }
        .into_object()
    }
}

/// The toolbar's "Learn" button: opens (loading the module the first time) or closes Learn.
#[component]
pub fn LearnButton(
    /// The page's Learn host.
    host: LearnHost,
) -> impl IntoView {
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
pub fn LearnPanel(
    /// The page's Learn host.
    host: LearnHost,
) -> impl IntoView {
    view! {
        <aside class="ap-learn" aria-label="Learn" data-testid="learn-panel" hidden=move || !host.open.get()>
            <div class="ap-learn__host" node_ref=host.element></div>
            // Shown until the module renders into the host (style/learn.css).
            <p class="ap-learn__loading" role="status" data-testid="learn-loading">"Loading Learn…"</p>
        </aside>
    }
}
