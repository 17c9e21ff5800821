//! Taking the design out of the app as files: an SVG picture of the canvas,
//! the same picture as a PNG, a Mermaid flowchart, and Kubernetes
//! HorizontalPodAutoscaler manifests.
//!
//! What must stay true: the content is exactly what the engine's exports
//! ([`to_svg`], [`to_mermaid`], [`to_hpa_manifests`]) write; this module only
//! names files, rasterises the SVG for PNG, and reports in the status area.
//! An export never changes the design.

use super::browser::js_error_text;
use super::download::{download_blob, download_text};
use super::state::AppState;
use crate::engine::export::{to_hpa_manifests, to_mermaid, to_svg};
use crate::engine::model::Design;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

/// Pixels per SVG unit in a PNG export, for a sharp picture on dense screens.
const PNG_SCALE: f64 = 2.0;
/// Largest PNG side in pixels; browsers refuse bigger canvases.
const MAX_PNG_SIDE: f64 = 8_192.0;

/// Every HPA manifest of `design` as one YAML multi-document, or `None` when
/// no service autoscales.
pub fn hpa_document(design: &Design) -> Option<String> {
    let manifests = to_hpa_manifests(design);
    if manifests.is_empty() {
        return None;
    }
    let documents: Vec<String> = manifests.into_iter().map(|(_, yaml)| yaml).collect();
    Some(documents.join("---\n"))
}

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
        Err(error) => state.report_error(format!("could not export {file_name}: {}", js_error_text(&error))),
    }
}

/// Downloads the canvas as a standalone SVG file.
pub fn export_svg(state: AppState) {
    let svg = state.design().with_untracked(to_svg);
    offer(state, &state.file_name("svg"), &svg, "image/svg+xml");
}

/// Downloads the Mermaid flowchart of the design.
pub fn export_mermaid(state: AppState) {
    let flowchart = state.design().with_untracked(to_mermaid);
    offer(state, &state.file_name("mmd"), &flowchart, "text/plain");
}

/// Downloads the HPA manifests, or says that no service autoscales.
pub fn export_hpa(state: AppState) {
    match state.design().with_untracked(hpa_document) {
        Some(yaml) => offer(state, &state.file_name("hpa.yaml"), &yaml, "application/yaml"),
        None => state.report_info(
            "no service autoscales, so there is no autoscaler to export: turn on autoscaling in a service's inspector first".to_string(),
        ),
    }
}

/// Downloads the canvas as a PNG: the engine's SVG drawn into a canvas element.
pub fn export_png(state: AppState) {
    let file_name = state.file_name("png");
    let svg = state.design().with_untracked(to_svg);
    if let Err(error) = rasterise(state, svg, file_name.clone()) {
        state.report_error(format!("could not export {file_name}: {}", js_error_text(&error)));
    }
}

/// Loads `svg` as an image; when it has loaded, draws and downloads it.
fn rasterise(state: AppState, svg: String, file_name: String) -> Result<(), JsValue> {
    let image = HtmlImageElement::new()?;
    let source = format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(&svg));
    let loaded = {
        let image = image.clone();
        let file_name = file_name.clone();
        Closure::once_into_js(move || {
            if let Err(error) = draw_and_download(state, &image, file_name.clone()) {
                state.report_error(format!("could not export {file_name}: {}", js_error_text(&error)));
            }
        })
    };
    let failed = Closure::once_into_js(move || {
        state.report_error(format!("could not export {file_name}: the browser could not draw the picture"));
    });
    image.set_onload(Some(loaded.unchecked_ref()));
    image.set_onerror(Some(failed.unchecked_ref()));
    image.set_src(&source);
    Ok(())
}

/// Draws the loaded `image` on a white canvas and downloads it as PNG.
fn draw_and_download(state: AppState, image: &HtmlImageElement, file_name: String) -> Result<(), JsValue> {
    let (width, height) = (f64::from(image.natural_width()), f64::from(image.natural_height()));
    let scale = png_scale(width, height);
    let canvas: HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("the browser has no 2D canvas"))?.dyn_into()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
    context.scale(scale, scale)?;
    context.draw_image_with_html_image_element(image, 0.0, 0.0)?;
    let encoded = Closure::once_into_js(move |blob: Option<Blob>| {
        let result = blob.ok_or_else(|| JsValue::from_str("the browser made no PNG")).and_then(|blob| download_blob(&file_name, &blob));
        match result {
            Ok(()) => state.report_info(format!("exported {file_name}")),
            Err(error) => state.report_error(format!("could not export {file_name}: {}", js_error_text(&error))),
        }
    });
    canvas.to_blob(encoded.unchecked_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::templates::template;

    #[test]
    fn the_hpa_document_has_one_manifest_per_autoscaling_service() {
        let design = template("auto-scaling").unwrap();
        let autoscaling = design.components.iter().filter(|c| c.autoscaling.enabled && c.kind.slug() == "service").count();
        assert!(autoscaling > 0, "the auto-scaling template has no autoscaling service");
        let yaml = hpa_document(&design).expect("the auto-scaling template autoscales");
        assert_eq!(yaml.matches("kind: HorizontalPodAutoscaler").count(), autoscaling);
        assert_eq!(yaml.matches("\n---\n").count(), autoscaling - 1);
    }

    #[test]
    fn no_autoscaling_service_means_no_document() {
        let mut design = template("auto-scaling").unwrap();
        for component in &mut design.components {
            component.autoscaling.enabled = false;
        }
        assert_eq!(hpa_document(&design), None);
    }

    #[test]
    fn png_scale_is_two_unless_the_picture_would_be_too_big() {
        assert_eq!(png_scale(800.0, 600.0), 2.0);
        assert_eq!(png_scale(0.0, 0.0), 2.0);
        assert_eq!(png_scale(16_384.0, 100.0), 0.5);
        assert!(png_scale(8_000.0, 9_000.0) * 9_000.0 <= MAX_PNG_SIDE);
    }
}
