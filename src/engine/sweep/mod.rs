//! Sweeps: one parameter of a design stepped over up to [`MAX_STEPS`]
//! evenly spaced values, one seeded simulation per value, so a page or the
//! command line can draw how the run's figures (and the analytic estimate
//! beside them) move with it.
//!
//! A [`SweepSpec`] is plain data (a parameter key, from, to, steps), so a
//! page can hand it to a pool of Web Workers and each worker can run one
//! point with [`point::sweep_point`]; [`csv`] writes the points as a table.
//! The key is a number of the workload (`workload.requests_per_second`,
//! `workload.read_share`, `workload.key_space`, `workload.hop_latency_ms`),
//! `<component>.<attribute key>` for any number in the attribute table
//! (`orders-service.replicas.current`), or a database's shard count
//! (`<database>.shards.count`: n ranges splitting the key space evenly,
//! written through the `shards` entry's own parser; 1 is unsharded).
//!
//! What must stay true: a point's design is the design with the parameter
//! set through the attribute table ([`set_field`]: the inspector's parser,
//! range and rules), so a point equals `archplay simulate` of that design
//! with the same seed and duration; every point is checked before any runs,
//! and a bad spec is refused with a message naming what is wrong; a point is
//! a pure function of (design, spec, index, seed, duration).

pub mod csv;
pub mod curve;
pub mod error;
pub mod form;
pub mod point;

use crate::engine::attributes::access::set_field;
use crate::engine::attributes::fields::{
    all_fields, attribute, component_attribute, component_fields, design_attribute,
};
use crate::engine::attributes::number::format_number;
use crate::engine::attributes::spec::{FieldError, FieldSpec, FieldTarget, FieldType};
use crate::engine::model::Design;
use serde::{Deserialize, Serialize};

pub use curve::{estimate_curve, CurveSample};
pub use error::SweepError;
pub use form::{sweep_parameters, SweepField, SweepParameter};
pub use point::{check_runs, run_point, sweep_point, SweepPoint};

/// The most points one sweep runs.
pub const MAX_STEPS: u32 = 64;
/// The attribute part of a database's shard-count key (`catalog-db.shards.count`).
pub const SHARD_COUNT: &str = "shards.count";
/// The most shards a shard-count sweep asks for (the `shards` parser's limit).
const MAX_SHARDS: u32 = 256;

/// What to sweep: `param` from `from` to `to` in `steps` evenly spaced
/// values, both ends included (one step runs `from` alone, so `to` must
/// equal it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepSpec {
    /// A workload key (`workload.requests_per_second`) or
    /// `<component>.<attribute key>` (`orders-service.replicas.current`).
    pub param: String,
    /// The first value.
    pub from: f64,
    /// The last value, at least `from`.
    pub to: f64,
    /// How many values, 1 to [`MAX_STEPS`].
    pub steps: u32,
}

/// Whether `spec` is a workload number (the design-level entries a sweep
/// steps: the rate, read share, key space and hop latency).
fn is_workload_number(spec: &FieldSpec) -> bool {
    spec.key.starts_with("workload.") && matches!(spec.ty, FieldType::Number { .. })
}

/// What a non-numeric entry is, in words.
fn kind_words(spec: &FieldSpec) -> String {
    let what = match spec.ty {
        FieldType::Number { .. } => "a number outside the workload",
        FieldType::Text { .. } => "text",
        FieldType::Bool => "on or off",
        FieldType::Choice(_) => "a choice",
        FieldType::Shards => "a list of shard ranges",
        FieldType::Topics => "a list of topics",
        FieldType::Seed => "a seed",
        FieldType::Faults => "a list of faults",
    };
    format!("{what} ({})", spec.label)
}

/// A sweep checked against its design: the attribute it sets and every
/// value it takes.
#[derive(Clone, Debug)]
pub struct Sweep {
    /// What the parameter belongs to (the design, or one component).
    pub target: FieldTarget,
    /// The attribute table entry it sets.
    pub field: &'static FieldSpec,
    /// The value of each point, in order.
    pub values: Vec<f64>,
    /// Whether the parameter is a database's shard count (`field` is then
    /// its `shards` entry, and a value n writes n even key ranges).
    pub shard_count: bool,
}

/// `n` ranges splitting keys `0..key_space` evenly, as the `shards` entry
/// reads them; one shard is no ranges (an unsharded primary).
pub fn even_shards(n: u32, key_space: u32) -> String {
    if n <= 1 {
        return String::new();
    }
    let bound = |i: u32| (u64::from(i) * u64::from(key_space) / u64::from(n)) as u32;
    (0..n)
        .map(|i| format!("{}..{}", bound(i), bound(i + 1)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Sweep {
    /// Checks `spec` against `design`: the key, the steps, both ends and the
    /// value of every point (each set on a copy of the design through the
    /// attribute table, so a point that conflicts with the design is refused
    /// here, before anything runs).
    pub fn new(design: &Design, spec: &SweepSpec) -> Result<Sweep, SweepError> {
        let (target, field) = resolve_key(design, &spec.param)?;
        let shard_count = matches!(field.ty, FieldType::Shards);
        if spec.steps == 0 || spec.steps > MAX_STEPS {
            return Err(SweepError::BadSteps { steps: spec.steps });
        }
        for (end, value) in [("from", spec.from), ("to", spec.to)] {
            if shard_count {
                // At most one shard per key of the key space, and the parser's 256.
                let most = MAX_SHARDS.min(design.workload.key_space).max(1);
                let problem = if value.fract() != 0.0 {
                    Some(FieldError::NotWhole {
                        label: "Shard count",
                    })
                } else if !(1.0..=f64::from(most)).contains(&value) {
                    Some(FieldError::OutOfRange {
                        label: "Shard count",
                        min: "1".into(),
                        max: most.to_string(),
                    })
                } else {
                    None
                };
                if let Some(problem) = problem {
                    return Err(SweepError::BadEnd { end, problem });
                }
                continue;
            }
            field
                .check_number(value)
                .map_err(|problem| SweepError::BadEnd { end, problem })?;
        }
        if spec.from > spec.to {
            return Err(SweepError::Descending {
                from: spec.from,
                to: spec.to,
            });
        }
        if spec.steps == 1 && spec.from != spec.to {
            return Err(SweepError::OneStepSpan {
                from: spec.from,
                to: spec.to,
            });
        }
        let whole = shard_count || matches!(field.ty, FieldType::Number { integer: true, .. });
        if whole {
            // Both ends are whole and at most 10^9 apart (the table's ranges).
            let distinct = (spec.to - spec.from) as u64 + 1;
            if distinct < u64::from(spec.steps) {
                return Err(SweepError::TooManyWholeSteps {
                    label: if shard_count {
                        "Shard count"
                    } else {
                        field.label
                    },
                    distinct,
                    steps: spec.steps,
                });
            }
        }
        let values = point_values(spec, whole);
        let sweep = Sweep {
            target,
            field,
            values,
            shard_count,
        };
        for &value in &sweep.values {
            sweep.set(design, value)?;
        }
        Ok(sweep)
    }

    /// `design` with the parameter set to `value` through the attribute table.
    fn set(&self, design: &Design, value: f64) -> Result<Design, SweepError> {
        let mut point = design.clone();
        let text = if self.shard_count {
            even_shards(value as u32, design.workload.key_space)
        } else {
            format_number(value)
        };
        set_field(&mut point, self.target, self.field.key, &text)
            .map_err(|problem| SweepError::PointRefused { value, problem })?;
        Ok(point)
    }

    /// Whether the parameter takes only whole values (its points and the
    /// estimate's curve are rounded to them).
    pub fn whole(&self) -> bool {
        self.shard_count || matches!(self.field.ty, FieldType::Number { integer: true, .. })
    }

    /// The design of point `index`: `design` with the parameter set to that
    /// point's value.
    pub fn design_at(&self, design: &Design, index: u32) -> Result<Design, SweepError> {
        let value = self.value(index)?;
        self.set(design, value)
    }

    /// The value of point `index`.
    pub fn value(&self, index: u32) -> Result<f64, SweepError> {
        self.values
            .get(index as usize)
            .copied()
            .ok_or(SweepError::NoSuchPoint {
                index,
                steps: self.values.len() as u32,
            })
    }
}

/// The values of `spec`'s points: evenly spaced, both ends exact, rounded to
/// whole numbers when the attribute takes only those.
fn point_values(spec: &SweepSpec, whole: bool) -> Vec<f64> {
    let last = spec.steps.saturating_sub(1);
    (0..spec.steps)
        .map(|i| {
            let value = if i == last {
                spec.to
            } else {
                spec.from + (spec.to - spec.from) * f64::from(i) / f64::from(last.max(1))
            };
            if whole {
                value.round()
            } else {
                value
            }
        })
        .collect()
}

/// The target and table entry `key` names on `design`: a component's
/// attribute (`<component>.<attribute key>`, the component's name being the
/// longest that fits) or a workload number.
pub fn resolve_key(
    design: &Design,
    key: &str,
) -> Result<(FieldTarget, &'static FieldSpec), SweepError> {
    // Every component whose name and a dot start the key, longest name
    // first (a name may itself hold dots); the first whose rest is one of
    // its attributes wins.
    let mut candidates: Vec<(&str, FieldTarget, &str)> = design
        .components
        .iter()
        .filter_map(|component| {
            let rest = key
                .strip_prefix(component.name.as_str())?
                .strip_prefix('.')?;
            Some((
                component.name.as_str(),
                FieldTarget::Component(component.id),
                rest,
            ))
        })
        .collect();
    candidates.sort_by_key(|(name, _, _)| std::cmp::Reverse(name.len()));
    if let Some(&(name, _, rest)) = candidates.first() {
        // A database's shard count is read and written through its `shards` entry.
        let found = candidates.iter().find_map(|&(_, target, rest)| {
            let own = if rest == SHARD_COUNT { "shards" } else { rest };
            Some((target, attribute(design, target, own).ok()?))
        });
        let Some((target, field)) = found else {
            return Err(SweepError::UnknownAttribute {
                component: name.to_string(),
                attribute: rest.to_string(),
            });
        };
        return match field.ty {
            FieldType::Number { .. } => Ok((target, field)),
            FieldType::Shards if key.ends_with(SHARD_COUNT) => Ok((target, field)),
            _ => Err(SweepError::NotSweepable {
                key: key.to_string(),
                what: kind_words(field),
            }),
        };
    }
    match design_attribute(key) {
        Some(field) if is_workload_number(field) => Ok((FieldTarget::Design, field)),
        Some(field) => Err(SweepError::NotSweepable {
            key: key.to_string(),
            what: kind_words(field),
        }),
        None => Err(
            unknown_component(key).unwrap_or_else(|| SweepError::UnknownKey {
                key: key.to_string(),
            }),
        ),
    }
}

/// For a key that ends in `.<attribute>` with a component attribute's key
/// (`nobody.replicas.current`), the unknown component it names.
fn unknown_component(key: &str) -> Option<SweepError> {
    key.match_indices('.').find_map(|(dot, _)| {
        let (component, attribute) = (&key[..dot], &key[dot + 1..]);
        (!component.is_empty() && component_attribute(attribute).is_some()).then(|| {
            SweepError::UnknownComponent {
                component: component.to_string(),
                attribute: attribute.to_string(),
            }
        })
    })
}

/// Every key a sweep of `design` takes, in table order: the workload
/// numbers, then each component's number attributes in design order
/// (`<component>.<attribute key>`, a database's shard count after its
/// numbers), for a page's parameter menu.
pub fn sweepable_keys(design: &Design) -> Vec<String> {
    let mut keys: Vec<String> = all_fields()
        .filter(|field| is_workload_number(field))
        .map(|field| field.key.to_string())
        .collect();
    for component in &design.components {
        for field in component_fields(component.kind) {
            if matches!(field.ty, FieldType::Number { .. }) {
                keys.push(format!("{}.{}", component.name, field.key));
            }
        }
        if component_fields(component.kind)
            .iter()
            .any(|field| matches!(field.ty, FieldType::Shards))
        {
            keys.push(format!("{}.{SHARD_COUNT}", component.name));
        }
    }
    keys
}
