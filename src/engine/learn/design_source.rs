//! A starting or reference design held as data: a template plus a list of
//! edits by component name, or a whole design.
//!
//! What must stay true: building never panics; a step that cannot apply
//! (a missing component, a refused value) stops the build with a message
//! naming the step, and the result passes validation (every step goes
//! through [`crate::engine::model::edit::apply`]).

use crate::engine::attributes::fields::FieldTarget;
use crate::engine::model::edit::{apply, Created, Edit};
use crate::engine::model::{ComponentId, ComponentKind, Design, HttpMethod, Position};
use crate::engine::quote::quote;
use crate::engine::templates::template;
use serde::{Deserialize, Serialize};

/// Where a design comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum DesignSource {
    /// A template with edits applied in order.
    Template {
        /// The template's name (see [`crate::engine::templates::TEMPLATES`]).
        template: String,
        /// Edits applied after loading it.
        #[serde(default)]
        steps: Vec<Step>,
    },
    /// A whole design (a teacher's challenge carries one).
    Design {
        /// The design.
        design: Box<Design>,
    },
}

/// One edit, naming components by name so it reads as a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Add a component of `kind` called `name` at (`x`, `y`).
    Add {
        /// Its kind.
        kind: ComponentKind,
        /// Its name.
        name: String,
        /// Canvas x.
        x: f64,
        /// Canvas y.
        y: f64,
    },
    /// Delete the component called `name` and its connections.
    Remove {
        /// Its name.
        name: String,
    },
    /// Connect `from` to `to`.
    Connect {
        /// Sender.
        from: String,
        /// Receiver.
        to: String,
    },
    /// Connect a gateway `from` to `to` as a route.
    Route {
        /// The gateway.
        from: String,
        /// The target.
        to: String,
        /// Path prefix.
        path: String,
        /// Method.
        method: HttpMethod,
        /// Share of the gateway's traffic.
        weight: f64,
    },
    /// Delete the connection from `from` to `to`.
    Disconnect {
        /// Sender.
        from: String,
        /// Receiver.
        to: String,
    },
    /// Set a field (an inspector key such as `replicas.current`) of the
    /// component called `component`, or of the design when it is absent.
    Set {
        /// The component's name; absent for the design.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        component: Option<String>,
        /// The field key.
        key: String,
        /// The value as typed.
        value: String,
    },
}

impl Step {
    /// A field of the component called `component`.
    pub fn set(component: &str, key: &str, value: &str) -> Step {
        Step::Set {
            component: Some(component.to_string()),
            key: key.to_string(),
            value: value.to_string(),
        }
    }

    /// A field of the design.
    pub fn set_design(key: &str, value: &str) -> Step {
        Step::Set {
            component: None,
            key: key.to_string(),
            value: value.to_string(),
        }
    }

    /// Add a component.
    pub fn add(kind: ComponentKind, name: &str, x: f64, y: f64) -> Step {
        Step::Add {
            kind,
            name: name.to_string(),
            x,
            y,
        }
    }

    /// Connect two components by name.
    pub fn connect(from: &str, to: &str) -> Step {
        Step::Connect {
            from: from.to_string(),
            to: to.to_string(),
        }
    }

    /// Delete a connection by its ends' names.
    pub fn disconnect(from: &str, to: &str) -> Step {
        Step::Disconnect {
            from: from.to_string(),
            to: to.to_string(),
        }
    }

    /// Delete a component by name.
    pub fn remove(name: &str) -> Step {
        Step::Remove {
            name: name.to_string(),
        }
    }
}

impl DesignSource {
    /// A template with steps.
    pub fn template(name: &str, steps: Vec<Step>) -> DesignSource {
        DesignSource::Template {
            template: name.to_string(),
            steps,
        }
    }

    /// Builds the design, or says which step could not apply.
    pub fn build(&self) -> Result<Design, String> {
        match self {
            DesignSource::Design { design } => Ok((**design).clone()),
            DesignSource::Template {
                template: name,
                steps,
            } => {
                let mut design = template(name)
                    .ok_or_else(|| format!("there is no template `{}`", quote(name)))?;
                for (index, step) in steps.iter().enumerate() {
                    apply_step(&mut design, step)
                        .map_err(|why| format!("step {} of the design: {why}", index + 1))?;
                }
                Ok(design)
            }
        }
    }

    /// The same source with `steps` appended (a template) or applied (a design).
    pub fn with_steps(&self, extra: &[Step]) -> Result<Design, String> {
        let mut design = self.build()?;
        for step in extra {
            apply_step(&mut design, step)?;
        }
        Ok(design)
    }
}

fn id_of(design: &Design, name: &str) -> Result<ComponentId, String> {
    design
        .component_named(name)
        .map(|c| c.id)
        .ok_or_else(|| format!("no component is called `{}`", quote(name)))
}

fn set(design: &mut Design, target: FieldTarget, key: &str, value: &str) -> Result<(), String> {
    apply(
        design,
        Edit::SetField {
            target,
            key: key.to_string(),
            value: value.to_string(),
        },
    )
    .map(|_| ())
    .map_err(|error| error.to_string())
}

/// Applies one step to `design`; on error `design` may hold the earlier steps.
pub fn apply_step(design: &mut Design, step: &Step) -> Result<(), String> {
    match step {
        Step::Add { kind, name, x, y } => {
            let created = apply(
                design,
                Edit::AddComponent {
                    kind: *kind,
                    position: Some(Position { x: *x, y: *y }),
                },
            )
            .map_err(|e| e.to_string())?;
            if let Created::Component(id) = created {
                set(design, FieldTarget::Component(id), "name", name)?;
            }
            Ok(())
        }
        Step::Remove { name } => {
            let id = id_of(design, name)?;
            apply(design, Edit::DeleteComponent(id))
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        Step::Connect { from, to } => connect(design, from, to).map(|_| ()),
        Step::Route {
            from,
            to,
            path,
            method,
            weight,
        } => {
            let id = connect(design, from, to)?;
            let target = FieldTarget::Connection(id);
            set(design, target, "path", path)?;
            set(design, target, "weight", &weight.to_string())?;
            if let Some(connection) = design.connections.iter_mut().find(|c| c.id == id) {
                connection.method = *method;
            }
            Ok(())
        }
        Step::Disconnect { from, to } => {
            let (from, to) = (id_of(design, from)?, id_of(design, to)?);
            let id = design
                .connections
                .iter()
                .find(|c| c.from == from && c.to == to)
                .map(|c| c.id)
                .ok_or_else(|| "no such connection".to_string())?;
            apply(design, Edit::DeleteConnection(id))
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        Step::Set {
            component,
            key,
            value,
        } => {
            let target = match component {
                Some(name) => FieldTarget::Component(id_of(design, name)?),
                None => FieldTarget::Design,
            };
            set(design, target, key, value)
        }
    }
}

fn connect(
    design: &mut Design,
    from: &str,
    to: &str,
) -> Result<crate::engine::model::ConnectionId, String> {
    let (from, to) = (id_of(design, from)?, id_of(design, to)?);
    match apply(design, Edit::Connect { from, to }).map_err(|e| e.to_string())? {
        Created::Connection(id) => Ok(id),
        _ => Err("the connection was not made".to_string()),
    }
}
