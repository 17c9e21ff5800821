//! What one entry of the attribute table is: its key, label, unit, help text,
//! value type and range, which things have it, and how to read and write it
//! on the model. The entries themselves live in [`super::component_table`],
//! [`super::connection_table`], [`super::design_table`] and
//! [`super::simulation_fields`]; the lookups that every reader goes through
//! live in [`super::fields`].
//!
//! What must stay true: an entry's getter returns the value its setter
//! accepts, so every attribute round-trips; a setter only ever receives a
//! value that passed [`FieldSpec::parse`] or [`FieldSpec::check`] for that
//! same entry.

use crate::engine::attributes::fault_text::FaultEntry;
use crate::engine::model::{
    Component, ComponentId, ComponentKind, Connection, ConnectionId, Design, ShardRange,
    SimulationSettings,
};
use crate::engine::quote::quote;
use std::fmt;

/// What an attribute belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldTarget {
    /// The design itself: workload, team inputs, targets, simulation settings.
    Design,
    /// One component.
    Component(ComponentId),
    /// One connection.
    Connection(ConnectionId),
}

/// The shape of a value, which decides the input the inspector shows.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldType {
    /// A single line of text of at most `max_len` characters.
    Text { max_len: usize },
    /// A number in `[min, max]`; whole numbers only when `integer`.
    Number { min: f64, max: f64, integer: bool },
    /// On or off.
    Bool,
    /// One of the listed snake_case options.
    Choice(&'static [&'static str]),
    /// Shard ranges written as `0..500, 500..1000`.
    Shards,
    /// A comma-separated list of topic names.
    Topics,
    /// A whole number from 0 to 2^64 - 1, kept exact (a simulation seed).
    Seed,
    /// Scheduled faults written as
    /// `kill orders at 20s; down db at 30s for 10s; latency api at 10s +50ms; errors pay at 5s 20%`
    /// (see [`crate::engine::attributes::fault_text`]).
    Faults,
}

/// A rule a text attribute adds to its length limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRule {
    /// Any single line, empty included.
    Any,
    /// Must not be empty (a name).
    Required,
    /// Empty, or starts with `/` (a route path).
    Path,
}

/// Which things have an attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// The design (workload, team, targets, simulation).
    Design,
    /// Every connection.
    Connection,
    /// Components of the listed kinds.
    Kinds(&'static [ComponentKind]),
}

/// How an attribute is read from and written to the model. A setter receives
/// a value that passed this entry's checks; it refuses (with a reason) only a
/// value of the wrong shape or one that needs the rest of the design.
#[derive(Clone, Copy, Debug)]
pub enum Access {
    /// On the design.
    Design {
        /// Reads the value.
        get: fn(&Design) -> FieldValue,
        /// Writes the value.
        set: fn(&mut Design, FieldValue) -> Result<(), String>,
    },
    /// On a component.
    Component {
        /// Reads the value.
        get: fn(&Component) -> FieldValue,
        /// Writes the value.
        set: fn(&mut Component, FieldValue) -> Result<(), String>,
    },
    /// On a connection.
    Connection {
        /// Reads the value.
        get: fn(&Connection) -> FieldValue,
        /// Writes the value.
        set: fn(&mut Connection, FieldValue) -> Result<(), String>,
    },
}

/// One editable attribute: one entry of the attribute table.
#[derive(Clone, Debug)]
pub struct FieldSpec {
    /// Stable key, e.g. `autoscaling.threshold`: the name the UI, the edit
    /// log and the command line use. Looked up only in [`super::fields`].
    pub key: &'static str,
    /// Label shown next to the input (with its unit, as the learner reads it).
    pub label: &'static str,
    /// Unit of a number (`ms`, `s`, `%`, `req/s`, `× rate`), empty when it has none.
    pub unit: &'static str,
    /// One sentence explaining the attribute to a learner.
    pub help: &'static str,
    /// Group heading in the inspector.
    pub group: &'static str,
    /// Value type and range.
    pub ty: FieldType,
    /// Extra rule of a text attribute.
    pub rule: TextRule,
    /// Which things have it.
    pub applies: Applies,
    /// How it is read and written.
    pub access: Access,
    /// For a simulation setting that only matters under some choices (the
    /// HPA settings with the HPA autoscaler, and so on): whether it matters
    /// under `settings`, so that an inspector may dim or fold it away.
    pub in_use: Option<fn(&SimulationSettings) -> bool>,
}

/// Two entries are equal when they describe the same attribute: the getter
/// and setter are not compared (function addresses are not stable).
impl PartialEq for FieldSpec {
    fn eq(&self, other: &FieldSpec) -> bool {
        (
            self.key,
            self.label,
            self.unit,
            self.help,
            self.group,
            &self.ty,
            self.rule,
            self.applies,
        ) == (
            other.key,
            other.label,
            other.unit,
            other.help,
            other.group,
            &other.ty,
            other.rule,
            other.applies,
        )
    }
}

impl FieldSpec {
    /// Whether this attribute changes anything under `settings` (see [`FieldSpec::in_use`]).
    pub fn is_in_use(&self, settings: &SimulationSettings) -> bool {
        self.in_use.is_none_or(|in_use| in_use(settings))
    }

    /// Whether a component of `kind` has this attribute.
    pub fn applies_to_kind(&self, kind: ComponentKind) -> bool {
        matches!(self.applies, Applies::Kinds(kinds) if kinds.contains(&kind))
    }
}

/// A typed value after parsing and range checking.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    /// Text.
    Text(String),
    /// A number within range.
    Number(f64),
    /// A flag.
    Bool(bool),
    /// A choice among the options.
    Choice(&'static str),
    /// Shard ranges.
    Shards(Vec<ShardRange>),
    /// Topic names.
    Topics(Vec<String>),
    /// A seed.
    Seed(u64),
    /// Scheduled faults as written, their components still named (resolved on apply).
    Faults(Vec<FaultEntry>),
}

/// Why a value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// The target component or connection does not exist.
    NoSuchTarget,
    /// The key is not an attribute of this target.
    UnknownField(String),
    /// The text is not a number.
    NotANumber { label: &'static str, value: String },
    /// The number is outside the allowed range.
    OutOfRange {
        label: &'static str,
        min: String,
        max: String,
    },
    /// A whole number was required.
    NotWhole { label: &'static str },
    /// The text is too long or empty where a value is required.
    BadText { label: &'static str, reason: String },
    /// The choice is not one of the options.
    NotAnOption { label: &'static str, value: String },
    /// The value is fine alone but conflicts with another attribute.
    Conflict(String),
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::NoSuchTarget => write!(f, "the selected item no longer exists"),
            FieldError::UnknownField(key) => write!(f, "unknown attribute `{}`", quote(key)),
            FieldError::NotANumber { label, value } => {
                write!(f, "{label}: `{}` is not a number", quote(value))
            }
            FieldError::OutOfRange { label, min, max } => {
                write!(f, "{label} must be between {min} and {max}")
            }
            FieldError::NotWhole { label } => write!(f, "{label} must be a whole number"),
            FieldError::BadText { label, reason } => write!(f, "{label}: {reason}"),
            FieldError::NotAnOption { label, value } => {
                write!(f, "{label}: `{}` is not one of the options", quote(value))
            }
            FieldError::Conflict(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for FieldError {}

/// A number attribute in `[min, max]`.
pub const fn number(min: f64, max: f64) -> FieldType {
    FieldType::Number {
        min,
        max,
        integer: false,
    }
}

/// A whole-number attribute in `[min, max]`.
pub const fn whole(min: f64, max: f64) -> FieldType {
    FieldType::Number {
        min,
        max,
        integer: true,
    }
}

/// One table entry whose getter and setter are the model field at `path` on
/// the owner (`Design`, `Component` or `Connection`), converted by its
/// [`super::slot::Slot`]: `entry!(Component, applies, group, key, label, unit,
/// type, help, path.to.field)`, optionally followed by `; when |settings| ...`
/// for a simulation setting that matters only under some choices.
macro_rules! entry {
    (@when) => { None };
    (@when $when:expr) => { Some($when) };
    ($owner:ident, $applies:expr, $group:expr, $key:literal, $label:expr, $unit:literal,
     $ty:expr, $help:literal, $($path:ident).+ $(; when $when:expr)?) => {
        $crate::engine::attributes::spec::FieldSpec {
            key: $key,
            label: $label,
            unit: $unit,
            help: $help,
            group: $group,
            ty: $ty,
            rule: $crate::engine::attributes::spec::TextRule::Any,
            applies: $applies,
            access: $crate::engine::attributes::spec::Access::$owner {
                get: |owner| $crate::engine::attributes::slot::Slot::read(&owner.$($path).+),
                set: |owner, value| {
                    $crate::engine::attributes::slot::Slot::write(&mut owner.$($path).+, value)
                },
            },
            in_use: $crate::engine::attributes::spec::entry!(@when $($when)?),
        }
    };
}
pub(crate) use entry;
