//! The host object a click-loaded page module (Learn, Compare, Sweep) gets
//! from the page when it mounts: the page functions the module may call. Both
//! sides use this file: the page builds the host from closures
//! ([`HostCalls::into_object`], `ui::module_host`); the module calls it
//! through [`Host`].
//!
//! The host, as JavaScript sees it:
//! - `snapshot()`: the design on the canvas, as snapshot text (`s2.`...);
//! - `subscribe(callback)`: the page calls `callback()` after every change of
//!   the design (an edit, undo, redo, an opened design);
//! - `open_design(snapshot, what)`: opens a design through the page's normal
//!   load path (one undo step, runs and overlays forgotten, `what` in the
//!   status line); answers `undefined`, or why the snapshot did not read;
//! - `notice(kind, text)`: shows a notice ([`HostNotice`]);
//! - `reveal(component)`: selects a component and brings it into view;
//! - `close()`: hides the module's view (and clears its address);
//! - `mark(added, changed)`: marks components on the canvas, two arrays of
//!   component ids (added to the design on the canvas, changed in it),
//!   replacing the module's earlier marks; `[], []` clears them. The page
//!   drops marks when the module's view closes. A marked node carries
//!   `data-mark` ([`MARK_ADDED`], [`MARK_CHANGED`]) and the class
//!   `ap-node--added` or `ap-node--changed`.
//!
//! What must stay true: designs cross as snapshot strings, never as objects
//! of either side's memory; nothing here panics when the other side is
//! missing a function (a call that fails is reported on the console).

use crate::engine::model::ComponentId;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A module's export the page calls once, after loading: `mount(element, host)`.
pub const MOUNT: &str = "mount";
/// A module's export the page calls when its button opens the view again:
/// `show(view)`, where `view` names what the button asked for (a module with
/// one view ignores it).
pub const SHOW: &str = "show";

const SNAPSHOT: &str = "snapshot";
const SUBSCRIBE: &str = "subscribe";
const OPEN_DESIGN: &str = "open_design";
const NOTICE: &str = "notice";
const REVEAL: &str = "reveal";
const CLOSE: &str = "close";
const MARK: &str = "mark";

/// A node's `data-mark` (and class suffix) when a comparison marks it as
/// added: the pinned design lacks it.
pub const MARK_ADDED: &str = "added";
/// A node's `data-mark` (and class suffix) when a comparison marks it as
/// changed: the pinned design has it otherwise.
pub const MARK_CHANGED: &str = "changed";

/// The notices the module may show on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostNotice {
    /// A link (an exercise link, a challenge link) could not be opened.
    Link,
    /// Learn progress could not be read or kept in the browser.
    Storage,
}

impl HostNotice {
    /// The name that crosses the bridge.
    pub fn name(self) -> &'static str {
        match self {
            HostNotice::Link => "link",
            HostNotice::Storage => "storage",
        }
    }

    /// The notice called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<HostNotice> {
        [HostNotice::Link, HostNotice::Storage]
            .into_iter()
            .find(|kind| kind.name() == name)
    }
}

/// One host function as the page writes it: up to two arguments (the ones
/// a function does not take are `undefined`) and a result (`undefined` for
/// none). One shape for all of them, so the page carries the glue of one
/// closure type, not six.
pub type HostFunction = Box<dyn Fn(JsValue, JsValue) -> JsValue>;

/// The page's side: what each host function does (see the list above).
pub struct HostCalls {
    /// `snapshot()`: the snapshot text.
    pub snapshot: HostFunction,
    /// `subscribe(callback)`: keep the function `callback` and call it after every change.
    pub subscribe: HostFunction,
    /// `open_design(snapshot, what)`: `undefined`, or why the snapshot did not read.
    pub open_design: HostFunction,
    /// `notice(kind, text)`, with the kind's name ([`HostNotice::name`]).
    pub notice: HostFunction,
    /// `reveal(component)`, with the component's id.
    pub reveal: HostFunction,
    /// `close()`.
    pub close: HostFunction,
    /// `mark(added, changed)`, with two arrays of component ids.
    pub mark: HostFunction,
}

/// The text an argument holds (empty for anything else).
pub fn text(argument: &JsValue) -> String {
    argument.as_string().unwrap_or_default()
}

fn set(object: &js_sys::Object, name: &str, function: JsValue) {
    _ = js_sys::Reflect::set(object, &JsValue::from_str(name), &function);
}

impl HostCalls {
    /// The host object the module gets. Its functions live as long as the page.
    pub fn into_object(self) -> js_sys::Object {
        let object = js_sys::Object::new();
        let functions = [
            (SNAPSHOT, self.snapshot),
            (SUBSCRIBE, self.subscribe),
            (OPEN_DESIGN, self.open_design),
            (NOTICE, self.notice),
            (REVEAL, self.reveal),
            (CLOSE, self.close),
            (MARK, self.mark),
        ];
        for (name, function) in functions {
            set(&object, name, Closure::wrap(function).into_js_value());
        }
        object
    }
}

/// The module's side: the host object the page passed to `mount`.
#[derive(Clone, Debug)]
pub struct Host {
    object: JsValue,
}

fn report_console(text: &str) {
    web_sys::console::error_1(&JsValue::from_str(text));
}

impl Host {
    /// The host in `object`, or why it is not one (a function is missing).
    pub fn new(object: JsValue) -> Result<Host, String> {
        for name in [
            SNAPSHOT,
            SUBSCRIBE,
            OPEN_DESIGN,
            NOTICE,
            REVEAL,
            CLOSE,
            MARK,
        ] {
            let function = js_sys::Reflect::get(&object, &JsValue::from_str(name));
            if !function.is_ok_and(|function| function.is_function()) {
                return Err(format!("the page's host has no function `{name}`"));
            }
        }
        Ok(Host { object })
    }

    /// Calls the host function `name` with `args`; `None` if it threw.
    fn call(&self, name: &str, args: &[JsValue]) -> Option<JsValue> {
        let function: js_sys::Function =
            js_sys::Reflect::get(&self.object, &JsValue::from_str(name))
                .ok()?
                .dyn_into()
                .ok()?;
        let args: js_sys::Array = args.iter().collect();
        match function.apply(&JsValue::NULL, &args) {
            Ok(value) => Some(value),
            Err(_) => {
                report_console(&format!("archplay module: the page's `{name}` failed"));
                None
            }
        }
    }

    /// The design on the canvas, as snapshot text.
    pub fn snapshot(&self) -> String {
        self.call(SNAPSHOT, &[])
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    }

    /// Has the page call `on_change` after every change of the design, for the life of the page.
    pub fn subscribe(&self, on_change: impl Fn() + 'static) {
        let callback = Closure::<dyn Fn()>::new(on_change).into_js_value();
        self.call(SUBSCRIBE, &[callback]);
    }

    /// Opens `snapshot` on the canvas as one undo step, saying `what`; or why it could not.
    pub fn open_design(&self, snapshot: &str, what: &str) -> Result<(), String> {
        let answer = self.call(OPEN_DESIGN, &[snapshot.into(), what.into()]);
        match answer.map(|value| value.as_string()) {
            Some(None) => Ok(()),
            Some(Some(problem)) => Err(problem),
            None => Err("the page could not open the design".to_string()),
        }
    }

    /// Shows `text` as the page's notice of `kind`.
    pub fn notice(&self, kind: HostNotice, text: &str) {
        self.call(NOTICE, &[kind.name().into(), text.into()]);
    }

    /// Selects `component` on the canvas and brings it into view.
    pub fn reveal(&self, component: ComponentId) {
        self.call(REVEAL, &[component.0.into()]);
    }

    /// Hides the module's view.
    pub fn close(&self) {
        self.call(CLOSE, &[]);
    }

    /// Marks the components `added` and `changed` on the canvas, replacing
    /// the module's earlier marks; two empty lists clear them.
    pub fn mark(&self, added: &[ComponentId], changed: &[ComponentId]) {
        let ids = |ids: &[ComponentId]| -> JsValue {
            ids.iter()
                .map(|id| JsValue::from(id.0))
                .collect::<js_sys::Array>()
                .into()
        };
        self.call(MARK, &[ids(added), ids(changed)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_kinds_cross_by_name() {
        for kind in [HostNotice::Link, HostNotice::Storage] {
            assert_eq!(HostNotice::from_name(kind.name()), Some(kind));
        }
        assert_eq!(HostNotice::from_name("other"), None);
    }
}
