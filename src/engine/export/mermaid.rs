//! A design as a Mermaid flowchart, to paste into a README or a wiki.
//!
//! What must stay true: one node line per component and one edge line per
//! connection; node ids are the typed ids (`c3`), never names, and every label
//! is quoted with anything but plain letters, digits and `-_./:,` written as a
//! Mermaid entity (`#34;`), so no name can end a label or start a new one.
//! The design name in the opening `%%` comment is escaped the same way, so it
//! can neither end the comment's line nor carry a `%%{init: ...}%%` directive.

use crate::engine::model::graph::{flow, Flow};
use crate::engine::model::{ComponentKind, Connection, Design, HttpMethod};

/// The opening and closing brackets of a node of `kind`: its shape.
fn shape(kind: ComponentKind) -> (&'static str, &'static str) {
    use ComponentKind as K;
    match kind {
        K::Client => ("([", "])"),
        K::ApiGateway => ("{{", "}}"),
        K::LoadBalancer => ("[/", "\\]"),
        K::Service => ("[", "]"),
        K::Database | K::EventStore => ("[(", ")]"),
        K::Cache => ("((", "))"),
        K::EventBus => (">", "]"),
        K::ServiceRegistry => ("[[", "]]"),
        K::Monitoring => ("[/", "/]"),
        K::AuthProvider => ("[\\", "\\]"),
    }
}

/// `text` safe inside a quoted Mermaid label.
pub(crate) fn escape_label(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if character.is_ascii_alphanumeric() || " -_./:,".contains(character) {
            escaped.push(character);
        } else {
            escaped.push_str(&format!("#{};", character as u32));
        }
    }
    escaped
}

/// What an edge says: the route of a gateway connection, the topics of a subscription.
fn edge_label(connection: &Connection) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !connection.path.is_empty() || connection.method != HttpMethod::Any {
        let method = match connection.method {
            HttpMethod::Any => "",
            HttpMethod::Get => "GET ",
            HttpMethod::Post => "POST ",
            HttpMethod::Put => "PUT ",
            HttpMethod::Delete => "DELETE ",
        };
        parts.push(format!("{method}{}", connection.path).trim().to_string());
    }
    if !connection.topics.is_empty() {
        parts.push(connection.topics.join(", "));
    }
    parts.join("; ")
}

/// The Mermaid `flowchart LR` source for `design`.
pub fn to_mermaid(design: &Design) -> String {
    let mut out = String::from("flowchart LR\n");
    // A comment has no escapes of its own, but Mermaid reads `%%{...}%%`
    // directives anywhere in the text, comments included: the name is
    // written as a label is, so it holds no `%`, brace or line break.
    let title = escape_label(&design.name);
    out.push_str(&format!("    %% Archplay design: {title}\n"));
    for component in &design.components {
        let (open, close) = shape(component.kind);
        out.push_str(&format!(
            "    c{}{open}\"{}<br/>{}\"{close}\n",
            component.id.0,
            escape_label(&component.name),
            escape_label(component.kind.label())
        ));
    }
    for connection in &design.connections {
        let kinds = design
            .component(connection.from)
            .zip(design.component(connection.to))
            .map(|(a, b)| flow(a.kind, b.kind));
        let arrow = match kinds {
            Some(Flow::Publish | Flow::Deliver) => "==>",
            Some(Flow::Observe) => "-.->",
            Some(Flow::Request) | None => "-->",
        };
        let label = edge_label(connection);
        let label = if label.is_empty() {
            String::new()
        } else {
            format!("|\"{}\"|", escape_label(&label))
        };
        out.push_str(&format!(
            "    c{} {arrow}{label} c{}\n",
            connection.from.0, connection.to.0
        ));
    }
    out
}
