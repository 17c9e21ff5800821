//! Taking the design out of the app as files: an SVG picture of the canvas,
//! the same picture as a PNG, a Mermaid flowchart, and Kubernetes
//! HorizontalPodAutoscaler manifests.
//!
//! What must stay true: the content is exactly what the engine's exports
//! (`to_svg`, `to_mermaid`, `to_hpa_document`) write, made by the worker
//! ([`Task`]) so that the main bundle carries none of them; this module only
//! names files, rasterises the SVG for PNG, and reports in the status area.
//! An export never changes the design.

use super::browser::{js_error_text, stored_text};
use super::download::{download_blob, download_text};
use super::state::AppState;
use crate::engine::share::encode_snapshot;
use crate::engine::share::milestones::MILESTONES_KEY;
use crate::worker_protocol::Task;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

/// Pixels per SVG unit in a PNG export, for a sharp picture on dense screens.
const PNG_SCALE: f64 = 2.0;
/// Largest PNG side in pixels; browsers refuse bigger canvases.
const MAX_PNG_SIDE: f64 = 8_192.0;

/// Pixels per SVG unit for a picture of `width` by `height` units:
/// [`PNG_SCALE`], less if that would pass [`MAX_PNG_SIDE`].
pub fn png_scale(width: f64, height: f64) -> f64 {
    let largest = width.max(height).max(1.0);
    PNG_SCALE.min(MAX_PNG_SIDE / largest)
}

/// Downloads `text` as `file_name` and says so, or says why not.
fn offer(state: AppState, file_name: &str, text: &str, mime_type: &str) {
    match download_text(file_name, text, mime_type) {
        Ok(()) => state.report_info(format!("exported {file_name}")),
        Err(error) => state.report_error(format!(
            "could not export {file_name}: {}",
            js_error_text(&error)
        )),
    }
}

/// The snapshot of the design being edited, for a task.
fn snapshot(state: AppState) -> String {
    state.design().with_untracked(encode_snapshot)
}

/// Has the worker write a file with `task`, then hands its text to `then`,
/// or reports why `file_name` could not be made.
pub fn write_then(
    state: AppState,
    task: Task,
    file_name: String,
    then: impl FnOnce(String, String) + 'static,
) {
    state.worker().ask(task, move |answer| match answer {
        Ok(text) => then(file_name, text),
        Err(problem) => state.report_error(format!("could not export {file_name}: {problem}")),
    });
}

/// Downloads the canvas as a standalone SVG file.
pub fn export_svg(state: AppState) {
    write_then(
        state,
        Task::Svg(snapshot(state)),
        state.file_name("svg"),
        move |name, svg| offer(state, &name, &svg, "image/svg+xml"),
    );
}

/// Downloads the Mermaid flowchart of the design.
pub fn export_mermaid(state: AppState) {
    write_then(
        state,
        Task::Mermaid(snapshot(state)),
        state.file_name("mmd"),
        move |name, flowchart| offer(state, &name, &flowchart, "text/plain"),
    );
}

/// Downloads the HPA manifests, or says that no service autoscales.
pub fn export_hpa(state: AppState) {
    write_then(
        state,
        Task::Hpa(snapshot(state)),
        state.file_name("hpa.yaml"),
        move |name, yaml| {
            if yaml.is_empty() {
                state.report_info(
                "no service autoscales, so there is no autoscaler to export: turn on autoscaling in a service's inspector first".to_string(),
            );
            } else {
                offer(state, &name, &yaml, "application/yaml");
            }
        },
    );
}

/// Downloads the design file (`<design name>.archplay.json`), with the
/// milestones kept in this browser (the worker reads them).
pub fn export_design(state: AppState) {
    let milestones = stored_text(MILESTONES_KEY);
    write_then(
        state,
        Task::DesignFile {
            design: snapshot(state),
            milestones,
        },
        state.export_file_name(),
        move |name, json| offer(state, &name, &json, "application/json"),
    );
}

/// Downloads the canvas as a PNG: the engine's SVG drawn into a canvas element.
pub fn export_png(state: AppState) {
    write_then(
        state,
        Task::Svg(snapshot(state)),
        state.file_name("png"),
        move |file_name, svg| {
            if let Err(error) = rasterise(state, svg, file_name.clone()) {
                state.report_error(format!(
                    "could not export {file_name}: {}",
                    js_error_text(&error)
                ));
            }
        },
    );
}

/// Loads `svg` as an image; when it has loaded, draws and downloads it.
fn rasterise(state: AppState, svg: String, file_name: String) -> Result<(), JsValue> {
    let image = HtmlImageElement::new()?;
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(&svg)
    );
    let loaded = {
        let image = image.clone();
        let file_name = file_name.clone();
        Closure::once_into_js(move || {
            if let Err(error) = draw_and_download(state, &image, file_name.clone()) {
                state.report_error(format!(
                    "could not export {file_name}: {}",
                    js_error_text(&error)
                ));
            }
        })
    };
    let failed = Closure::once_into_js(move || {
        state.report_error(format!(
            "could not export {file_name}: the browser could not draw the picture"
        ));
    });
    image.set_onload(Some(loaded.unchecked_ref()));
    image.set_onerror(Some(failed.unchecked_ref()));
    image.set_src(&source);
    Ok(())
}

/// Draws the loaded `image` on a white canvas and downloads it as PNG.
fn draw_and_download(
    state: AppState,
    image: &HtmlImageElement,
    file_name: String,
) -> Result<(), JsValue> {
    let (width, height) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    let scale = png_scale(width, height);
    let canvas: HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("the browser has no 2D canvas"))?
        .dyn_into()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    context.scale(scale, scale)?;
    context.draw_image_with_html_image_element(image, 0.0, 0.0)?;
    let encoded = Closure::once_into_js(move |blob: Option<Blob>| {
        let result = blob
            .ok_or_else(|| JsValue::from_str("the browser made no PNG"))
            .and_then(|blob| download_blob(&file_name, &blob));
        match result {
            Ok(()) => state.report_info(format!("exported {file_name}")),
            Err(error) => state.report_error(format!(
                "could not export {file_name}: {}",
                js_error_text(&error)
            )),
        }
    });
    canvas.to_blob(encoded.unchecked_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_scale_is_two_unless_the_picture_would_be_too_big() {
        assert_eq!(png_scale(800.0, 600.0), 2.0);
        assert_eq!(png_scale(0.0, 0.0), 2.0);
        assert_eq!(png_scale(16_384.0, 100.0), 0.5);
        assert!(png_scale(8_000.0, 9_000.0) * 9_000.0 <= MAX_PNG_SIDE);
    }
}
