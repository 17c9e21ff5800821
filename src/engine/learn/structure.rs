//! Structure rules: what is in the graph, checked by name and kind.
//!
//! What must stay true: each function returns (passed, measured, required,
//! component) with the component concerned where there is one, never panics
//! on a design that lacks the names the rule mentions.

use crate::engine::model::{Component, ComponentId, ComponentKind, Design, Position};

/// The outcome of one structural rule.
pub struct Outcome {
    /// Whether it holds.
    pub passed: bool,
    /// What the design has.
    pub measured: String,
    /// What is required.
    pub required: String,
    /// The component concerned.
    pub component: Option<ComponentId>,
}

/// Components of `kind` between `min` and `max`.
pub fn kind_count(design: &Design, kind: ComponentKind, min: u32, max: Option<u32>) -> Outcome {
    let count = design.components.iter().filter(|c| c.kind == kind).count() as u32;
    let label = kind.label().to_lowercase();
    let required = match max {
        Some(max) if max == min => format!("exactly {min} × {label}"),
        Some(max) => format!("{min} to {max} × {label}"),
        None => format!("at least {min} × {label}"),
    };
    Outcome {
        passed: count >= min && max.is_none_or(|max| count <= max),
        measured: format!("{count} × {label}"),
        required,
        component: None,
    }
}

/// A component called `name` of `kind`.
pub fn present(design: &Design, name: &str, kind: ComponentKind) -> Outcome {
    let found = design.component_named(name);
    let measured = match found {
        Some(c) if c.kind == kind => format!("{name} is a {}", kind.label().to_lowercase()),
        Some(c) => format!("{name} is a {}", c.kind.label().to_lowercase()),
        None => format!("no component is called {name}"),
    };
    Outcome {
        passed: found.is_some_and(|c| c.kind == kind),
        measured,
        required: format!("a {} called {name}", kind.label().to_lowercase()),
        component: found.map(|c| c.id),
    }
}

/// A connection from `from` to `to`.
pub fn connected(design: &Design, from: &str, to: &str) -> Outcome {
    let ids = design.component_named(from).zip(design.component_named(to));
    let passed = ids.is_some_and(|(a, b)| {
        design
            .connections
            .iter()
            .any(|c| c.from == a.id && c.to == b.id)
    });
    Outcome {
        passed,
        measured: if passed {
            format!("{from} → {to} is connected")
        } else {
            format!("no connection {from} → {to}")
        },
        required: format!("a connection {from} → {to}"),
        component: design.component_named(to).map(|c| c.id),
    }
}

/// No client calls a data store directly.
pub fn no_client_to_storage(design: &Design) -> Outcome {
    let offender = design.connections.iter().find_map(|connection| {
        let from = design.component(connection.from)?;
        let to = design.component(connection.to)?;
        (from.kind == ComponentKind::Client && to.kind.is_data_store()).then_some((from, to))
    });
    Outcome {
        passed: offender.is_none(),
        measured: match offender {
            Some((from, to)) => format!("client {} calls {} directly", from.name, to.name),
            None => "no client calls a data store".to_string(),
        },
        required: "clients reach data only through services".to_string(),
        component: offender.map(|(_, to)| to.id),
    }
}

/// Each named endpoint has a caller, and no caller calls two of them.
pub fn separate_callers(design: &Design, names: &[String]) -> Outcome {
    let required = format!(
        "each of {} called, and by a different component",
        names.join(", ")
    );
    let targets: Vec<&Component> = names
        .iter()
        .filter_map(|name| design.component_named(name))
        .collect();
    if let Some(missing) = names.iter().find(|n| design.component_named(n).is_none()) {
        return Outcome {
            passed: false,
            measured: format!("no component is called {missing}"),
            required,
            component: None,
        };
    }
    // Monitoring's heartbeats watch components; they carry no requests.
    let is_watcher = |id: ComponentId| {
        design
            .component(id)
            .is_some_and(|c| c.kind == ComponentKind::Monitoring)
    };
    for target in &targets {
        if !design
            .connections
            .iter()
            .any(|c| c.to == target.id && !is_watcher(c.from))
        {
            return Outcome {
                passed: false,
                measured: format!("nothing calls {}", target.name),
                required,
                component: Some(target.id),
            };
        }
    }
    for caller in design.components.iter().filter(|c| !is_watcher(c.id)) {
        let reached: Vec<&str> = targets
            .iter()
            .filter(|t| {
                design
                    .connections
                    .iter()
                    .any(|c| c.from == caller.id && c.to == t.id)
            })
            .map(|t| t.name.as_str())
            .collect();
        if reached.len() > 1 {
            return Outcome {
                passed: false,
                measured: format!("{} calls {}", caller.name, reached.join(" and ")),
                required,
                component: Some(caller.id),
            };
        }
    }
    Outcome {
        passed: true,
        measured: "each has a caller of its own".to_string(),
        required,
        component: None,
    }
}

/// A component as compared for "unchanged": settings without identity or place.
fn settings_of(component: &Component) -> Component {
    Component {
        id: ComponentId(0),
        position: Position::default(),
        ..component.clone()
    }
}

/// Connections touching `component`, by the other end's name, with their routes.
fn links_of(design: &Design, component: &Component) -> Vec<String> {
    let mut links: Vec<String> = design
        .connections
        .iter()
        .filter(|c| c.from == component.id || c.to == component.id)
        .map(|c| {
            format!(
                "{}→{} {} {:?} {} {:?}",
                design.name_of(c.from),
                design.name_of(c.to),
                c.path,
                c.method,
                c.weight,
                c.topics
            )
        })
        .collect();
    links.sort();
    links
}

/// The component called `name` is as in `start`, with the same connections.
pub fn unchanged(design: &Design, start: &Design, name: &str) -> Outcome {
    let required = format!("{name} and its routes as in the starting design");
    let (Some(before), Some(now)) = (start.component_named(name), design.component_named(name))
    else {
        return Outcome {
            passed: false,
            measured: format!("{name} is gone"),
            required,
            component: None,
        };
    };
    let measured = if settings_of(before) != settings_of(now) {
        format!("{name}'s settings were changed")
    } else if links_of(start, before) != links_of(design, now) {
        format!("{name}'s connections or routes were changed")
    } else {
        String::new()
    };
    Outcome {
        passed: measured.is_empty(),
        measured: if measured.is_empty() {
            format!("{name} unchanged")
        } else {
            measured
        },
        required,
        component: Some(now.id),
    }
}
