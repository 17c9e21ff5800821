//! The canvas as a standalone SVG file: rounded boxes with name and kind,
//! arrows between their borders, route and topic labels, and a viewBox fitted
//! to the content. The browser rasterises it for PNG export.
//!
//! What must stay true: the output is well-formed XML whatever the names hold
//! (text is escaped), and every coordinate written is a finite number.

use crate::engine::model::graph::{flow, Flow};
use crate::engine::model::{Component, ComponentKind, Design, HttpMethod, Position};

/// Box size and margin around the content, in canvas units.
const BOX_WIDTH: f64 = 160.0;
const BOX_HEIGHT: f64 = 56.0;
const MARGIN: f64 = 40.0;
/// Longest name drawn before it is shortened with an ellipsis.
const MAX_DRAWN_NAME: usize = 22;

/// Text safe inside an XML element or a double-quoted attribute.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // XML 1.0 forbids most control characters, and U+FFFE and
            // U+FFFF, even as references.
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Fill colour per kind, matching the palette's families.
fn fill(kind: ComponentKind) -> &'static str {
    use ComponentKind as K;
    match kind {
        K::Client => "#eef2ff",
        K::ApiGateway | K::LoadBalancer => "#e0f2fe",
        K::Service => "#ecfdf5",
        K::Database | K::Cache | K::EventStore => "#fef3c7",
        K::EventBus => "#fce7f3",
        K::ServiceRegistry | K::Monitoring | K::AuthProvider => "#f1f5f9",
    }
}

/// A coordinate that is always a finite number.
fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

fn centre(component: &Component) -> Position {
    Position {
        x: finite(component.position.x),
        y: finite(component.position.y),
    }
}

/// A number with at most one decimal, as SVG wants it.
fn n(value: f64) -> String {
    let rounded = (finite(value) * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// Where the segment from `from` towards `to` leaves the box centred at `from`.
fn border_point(from: Position, to: Position) -> Position {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let half_w = BOX_WIDTH / 2.0;
    let half_h = BOX_HEIGHT / 2.0;
    let scale_x = if dx.abs() > f64::EPSILON {
        half_w / dx.abs()
    } else {
        f64::INFINITY
    };
    let scale_y = if dy.abs() > f64::EPSILON {
        half_h / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = scale_x.min(scale_y).min(1.0);
    if !t.is_finite() {
        return from;
    }
    Position {
        x: from.x + dx * t,
        y: from.y + dy * t,
    }
}

fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_DRAWN_NAME {
        return name.to_string();
    }
    let mut short: String = name.chars().take(MAX_DRAWN_NAME - 1).collect();
    short.push('…');
    short
}

/// The standalone SVG document for `design`.
pub fn to_svg(design: &Design) -> String {
    let centres: Vec<Position> = design.components.iter().map(centre).collect();
    let (min_x, min_y, max_x, max_y) = if centres.is_empty() {
        (0.0, 0.0, BOX_WIDTH, BOX_HEIGHT)
    } else {
        centres.iter().fold(
            (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
            |(a, b, c, d), p| {
                (
                    a.min(p.x - BOX_WIDTH / 2.0),
                    b.min(p.y - BOX_HEIGHT / 2.0),
                    c.max(p.x + BOX_WIDTH / 2.0),
                    d.max(p.y + BOX_HEIGHT / 2.0),
                )
            },
        )
    };
    let (left, top) = (min_x - MARGIN, min_y - MARGIN);
    let (width, height) = (max_x - min_x + 2.0 * MARGIN, max_y - min_y + 2.0 * MARGIN);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {} {}\" width=\"{}\" height=\"{}\" font-family=\"system-ui, sans-serif\">\n",
        n(left),
        n(top),
        n(width),
        n(height),
        n(width),
        n(height)
    );
    svg.push_str(&format!("  <title>{}</title>\n", escape_xml(&design.name)));
    svg.push_str(
        "  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#475569\"/></marker></defs>\n",
    );
    svg.push_str(&format!(
        "  <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
        n(left),
        n(top),
        n(width),
        n(height)
    ));
    for connection in &design.connections {
        let (Some(from), Some(to)) = (
            design.component(connection.from),
            design.component(connection.to),
        ) else {
            continue;
        };
        let (a, b) = (centre(from), centre(to));
        let (start, end) = (border_point(a, b), border_point(b, a));
        let dash = match flow(from.kind, to.kind) {
            Flow::Request => "",
            Flow::Publish | Flow::Deliver => " stroke-dasharray=\"8 4\"",
            Flow::Observe => " stroke-dasharray=\"2 4\"",
        };
        svg.push_str(&format!(
            "  <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#475569\" stroke-width=\"1.5\"{dash} marker-end=\"url(#arrow)\"/>\n",
            n(start.x),
            n(start.y),
            n(end.x),
            n(end.y)
        ));
        let method = if connection.method == HttpMethod::Any {
            String::new()
        } else {
            format!("{:?} ", connection.method).to_uppercase()
        };
        let label = [
            format!("{method}{}", connection.path).trim().to_string(),
            connection.topics.join(", "),
        ]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
        if !label.is_empty() {
            svg.push_str(&format!(
                "  <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#334155\">{}</text>\n",
                n((start.x + end.x) / 2.0),
                n((start.y + end.y) / 2.0 - 4.0),
                escape_xml(&label)
            ));
        }
    }
    for (component, position) in design.components.iter().zip(&centres) {
        svg.push_str(&format!(
            "  <g><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"{}\" stroke=\"#334155\" stroke-width=\"1.2\"/>",
            n(position.x - BOX_WIDTH / 2.0),
            n(position.y - BOX_HEIGHT / 2.0),
            n(BOX_WIDTH),
            n(BOX_HEIGHT),
            fill(component.kind)
        ));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#0f172a\">{}</text>",
            n(position.x),
            n(position.y - 3.0),
            escape_xml(&shorten(&component.name))
        ));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#475569\">{}</text></g>\n",
            n(position.x),
            n(position.y + 14.0),
            escape_xml(component.kind.label())
        ));
    }
    svg.push_str("</svg>\n");
    svg
}
