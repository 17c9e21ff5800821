//! Loading a part of the app on first need: a second wasm module of our own
//! (trunk writes it as a worker-type app, so nothing loads it at start),
//! imported with a dynamic `import()` of its JavaScript glue, initialised
//! with its wasm, and then called through its exports.
//!
//! What must stay true: nothing is fetched before [`load_module`] is called;
//! a module that cannot be fetched, compiled or started is an `Err` with the
//! browser's reason, never a panic; file names are resolved against the
//! page's address, as the worker's are.

use super::browser::js_error_text;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
export function import_module(script, wasm) {
    const base = document.baseURI;
    return import(new URL(script, base).href).then(async (module) => {
        await module.default({ module_or_path: new URL(wasm, base).href });
        return module;
    });
}")]
extern "C" {
    /// Imports the glue at `script` and initialises it with the wasm at `wasm`;
    /// resolves to the module's exports.
    #[wasm_bindgen(catch)]
    fn import_module(script: &str, wasm: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Fetches, compiles and starts the module whose glue is `script` and whose
/// wasm is `wasm` (names next to the page); its exports, or why not.
pub async fn load_module(script: &str, wasm: &str) -> Result<JsValue, String> {
    let promise = import_module(script, wasm).map_err(|error| js_error_text(&error))?;
    JsFuture::from(promise)
        .await
        .map_err(|error| js_error_text(&error))
}

/// Calls the function `name` that `module` exports with `args`; its result, or why not.
pub fn call_export(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function = js_sys::Reflect::get(module, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the module exports no function `{name}`"))?;
    let args: js_sys::Array = args.iter().collect();
    function
        .apply(&JsValue::NULL, &args)
        .map_err(|error| js_error_text(&error))
}
