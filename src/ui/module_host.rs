//! The page's end of a click-loaded view module (Learn, Compare, Sweep): its
//! toolbar button, the column it mounts into, loading it on first need
//! ([`super::lazy`]), the host object it calls ([`crate::module_bridge`]),
//! and the address: an address the module owns opens it at start or when the
//! fragment changes, which counts as the click.
//!
//! What must stay true: the page links none of a module's code, only this
//! host (a module is fetched on its first click or address, never at start
//! otherwise); a module is mounted once and then only shown and hidden; one
//! module view shows at a time (opening one hides the others, which keep
//! their state); a module that cannot be loaded shows a
//! [`NoticeKind::LoadError`] and changes nothing, and the next click tries
//! again; designs from a module open through [`AppState::open_design`] (one
//! undo step, runs and overlays forgotten); the canvas shows a module's marks
//! only while its view is open.

use super::browser::{address_fragment, clear_address_fragment};
use super::lazy::{call_export, load_click_module};
use super::state::{AppState, NoticeKind, Selection};
use crate::engine::model::ComponentId;
use crate::engine::share::{decode_snapshot, encode_snapshot};
use crate::module_bridge::{text, HostCalls, HostNotice, MARK_ADDED, MARK_CHANGED, MOUNT, SHOW};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// What the page knows of one module before loading it.
pub struct ModuleSpec {
    /// The module's file name (`archplay-learn`).
    pub module: &'static str,
    /// Its name in words and on its column (`Learn`).
    pub title: &'static str,
    /// The column's test id (`learn-panel`).
    pub panel_testid: &'static str,
    /// The column's loading notice's test id (`learn-loading`).
    pub loading_testid: &'static str,
    /// The column's classes (`ap-learn ap-view ap-view--learn`).
    pub panel_class: &'static str,
    /// The column's loading notice (`Loading Learn…`).
    pub loading: &'static str,
    /// Whether an address fragment is the module's.
    pub owns_fragment: fn(&str) -> bool,
    /// The view an address opens (which the module then follows itself).
    pub default_view: &'static str,
}

/// Which module view shows and what the canvas marks for it; one per page.
#[derive(Clone, Copy)]
pub struct ModuleViews {
    /// The module whose view shows, by file name, and the view a button
    /// (or an address) asked it for.
    open: RwSignal<Option<(&'static str, &'static str)>>,
    /// The marks the open module asked the canvas to show: the components
    /// it marks as added, and as changed.
    marks: RwSignal<(Vec<u32>, Vec<u32>)>,
}

impl ModuleViews {
    /// No view open, no marks; provided to the canvas.
    pub fn provide() -> ModuleViews {
        let views = ModuleViews {
            open: RwSignal::new(None),
            marks: RwSignal::new((Vec::new(), Vec::new())),
        };
        provide_context(views);
        views
    }

    /// How the open module marks `component` on the canvas: `added`,
    /// `changed`, or empty for no mark.
    pub fn mark_of(&self, component: ComponentId) -> &'static str {
        self.marks.with(|(added, changed)| {
            if added.contains(&component.0) {
                MARK_ADDED
            } else if changed.contains(&component.0) {
                MARK_CHANGED
            } else {
                ""
            }
        })
    }
}

/// The component ids in a JavaScript array (nothing for anything else).
fn ids(array: &JsValue) -> Vec<u32> {
    array
        .dyn_ref::<js_sys::Array>()
        .map(|array| {
            array
                .iter()
                .filter_map(|id| id.as_f64())
                .map(|id| id as u32)
                .collect()
        })
        .unwrap_or_default()
}

/// Where a module is.
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
    /// The view a click asked the module to show once mounted (an address
    /// asks nothing: the module follows it itself).
    show_when_mounted: Option<&'static str>,
}

/// The page's handle on one module, made at the root.
#[derive(Clone, Copy)]
pub struct ModuleHost {
    spec: &'static ModuleSpec,
    state: AppState,
    views: ModuleViews,
    element: NodeRef<Div>,
    link: StoredValue<Link, LocalStorage>,
}

/// Creates the host of `spec` and opens it if the address is the module's.
pub fn provide_module_host(
    state: AppState,
    views: ModuleViews,
    spec: &'static ModuleSpec,
) -> ModuleHost {
    let host = ModuleHost {
        spec,
        state,
        views,
        element: NodeRef::new(),
        link: StoredValue::new_local(Link {
            module: Module::Absent,
            exports: None,
            listeners: Vec::new(),
            show_when_mounted: None,
        }),
    };
    let follow = move || {
        if (spec.owns_fragment)(&address_fragment()) {
            host.open(None);
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

impl ModuleHost {
    /// Whether this module's view shows.
    pub fn is_open(&self) -> bool {
        self.views
            .open
            .with(|open| open.is_some_and(|(module, _)| module == self.spec.module))
    }

    /// Whether this module shows `view`, as the last button asked.
    fn shows(&self, view: &'static str) -> bool {
        self.views.open.get() == Some((self.spec.module, view))
    }

    /// Shows the module, loading it first if need be; `view` when a button
    /// asked (the module then shows that view).
    fn open(&self, view: Option<&'static str>) {
        if !self.is_open_untracked() {
            self.views.marks.set(Default::default());
        }
        let shown = (self.spec.module, view.unwrap_or(self.spec.default_view));
        self.views.open.set(Some(shown));
        let module = self.link.with_value(|link| link.module);
        match (module, view) {
            (Module::Mounted, Some(view)) => self.call(SHOW, &[&view.into()]),
            (Module::Mounted, None) => {}
            (Module::Loading, _) => self.link.update_value(|link| {
                link.show_when_mounted = view.or(link.show_when_mounted);
            }),
            (Module::Absent, _) => {
                self.link.update_value(|link| {
                    link.module = Module::Loading;
                    link.show_when_mounted = view;
                });
                self.load();
            }
        }
    }

    /// Hides the module's view (the module keeps its state), drops its marks
    /// and clears its address.
    fn close(&self) {
        if self.is_open_untracked() {
            self.views.open.set(None);
            self.views.marks.set(Default::default());
        }
        if (self.spec.owns_fragment)(&address_fragment()) {
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
                format!(
                    "{} did not answer: {problem}. Your design is unchanged.",
                    self.spec.title
                ),
            );
        }
    }

    /// The module could not be loaded or mounted: says so and forgets it.
    fn failed(&self, problem: String) {
        self.link.update_value(|link| link.module = Module::Absent);
        self.close();
        let title = self.spec.title;
        self.state.show_notice(
            NoticeKind::LoadError,
            format!("{title} could not be loaded: {problem}. Your design is unchanged; press {title} to try again."),
        );
    }

    fn load(&self) {
        let host = *self;
        spawn_local(async move {
            match load_click_module(host.spec.module).await {
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
            link.show_when_mounted.take()
        });
        self.state.dismiss_notice(NoticeKind::LoadError);
        if let Some(Some(view)) = show {
            self.call(SHOW, &[&view.into()]);
        }
    }

    /// The host object the module calls (see [`crate::module_bridge`]).
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
            mark: Box::new(move |added, changed| {
                if host.is_open_untracked() {
                    host.views.marks.set((ids(&added), ids(&changed)));
                }
                JsValue::UNDEFINED
            }),
        }
        .into_object()
    }

    fn is_open_untracked(&self) -> bool {
        self.views
            .open
            .get_untracked()
            .is_some_and(|(module, _)| module == self.spec.module)
    }
}

/// A toolbar button that opens `view` of a module (loading it the first
/// time) or, pressed again while that view shows, closes it.
#[component]
pub fn ModuleButton(
    /// The module's host.
    host: ModuleHost,
    /// The view the module shows for this button.
    view: &'static str,
    /// The button's words.
    label: &'static str,
    /// Its test id.
    testid: &'static str,
) -> impl IntoView {
    let toggle = move |_| {
        if untrack(|| host.shows(view)) {
            host.close()
        } else {
            host.open(Some(view))
        }
    };
    view! {
        <button
            type="button"
            class="ap-button"
            data-testid=testid
            aria-pressed=move || host.shows(view).to_string()
            on:click=toggle
        >
            {label}
        </button>
    }
}

/// The column a module mounts into, between the canvas and the sidebar.
#[component]
pub fn ModulePanel(
    /// The module's host.
    host: ModuleHost,
) -> impl IntoView {
    let spec = host.spec;
    view! {
        <aside class=spec.panel_class aria-label=spec.title data-testid=spec.panel_testid hidden=move || !host.is_open()>
            <div class="ap-learn__host" node_ref=host.element></div>
            // Shown until the module renders into the host (style/learn.css).
            <p class="ap-learn__loading" role="status" data-testid=spec.loading_testid>{spec.loading}</p>
        </aside>
    }
}
