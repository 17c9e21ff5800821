//! Page code that only a click needs, loaded on that click: a click module is
//! a second page wasm binary that trunk builds next to the page (index.html,
//! `data-type="worker"` with `data-bindgen-target="web"`, so trunk links no
//! script for it at start) as `{name}.js` and `{name}_bg.wasm`.
//! [`load_click_module`] imports its script with a dynamic `import()`, runs
//! its default init with its wasm, and hands back the module's exports.
//!
//! What must stay true: nothing here runs before something asks; each module
//! loads at most once per page (the promise is kept, so two clicks share one
//! load); a load that fails is forgotten, so the next click tries again, and
//! reports why in words; this module knows nothing of any other UI module.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
const loads = new Map();
export function import_click_module(name) {
  let load = loads.get(name);
  if (!load) {
    const url = (file) => new URL(file, document.baseURI).href;
    load = import(url(name + '.js'))
      .then(async (module) => {
        await module.default({ module_or_path: url(name + '_bg.wasm') });
        return module;
      })
      .catch((error) => {
        loads.delete(name);
        throw error;
      });
    loads.set(name, load);
  }
  return load;
}
")]
extern "C" {
    fn import_click_module(name: &str) -> js_sys::Promise;
}

/// Loads the click module `name` (once per page) and returns its exports,
/// or says why it could not.
pub async fn load_click_module(name: &str) -> Result<JsValue, String> {
    JsFuture::from(import_click_module(name))
        .await
        .map_err(|error| {
            let why = error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .or_else(|| error.as_string())
                .unwrap_or_else(|| "no reason given".to_string());
            format!("could not load {name}.js: {why}")
        })
}

/// Calls the exported function `export` of a loaded module with `args`.
pub fn call_export(module: &JsValue, export: &str, args: &[&JsValue]) -> Result<JsValue, String> {
    let function = js_sys::Reflect::get(module, &JsValue::from_str(export))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the module has no function {export}"))?;
    let arguments: js_sys::Array = args.iter().copied().collect();
    function
        .apply(&JsValue::NULL, &arguments)
        .map_err(|error| format!("{export} failed: {error:?}"))
}
