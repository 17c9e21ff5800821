//! The seed's yes-or-no facts by name, for fact checks.
//!
//! What must stay true: every name here is a field of
//! [`crate::engine::score::facts::Facts`] spelled as the seed spells it.

use crate::engine::score::facts::{Fact, Facts};

/// Every fact name a check may use.
pub const FACT_NAMES: [&str; 14] = [
    "supports_horizontal_scaling",
    "has_load_balancing",
    "has_caching",
    "supports_database_sharding",
    "has_fault_tolerance",
    "has_redundancy",
    "has_backup_recovery",
    "has_monitoring",
    "has_alerting",
    "has_authentication",
    "has_authorization",
    "has_encryption",
    "has_audit_logging",
    "has_vulnerability_scanning",
];

/// The fact called `name`, if there is one.
pub fn fact_named<'a>(facts: &'a Facts, name: &str) -> Option<&'a Fact> {
    Some(match name {
        "supports_horizontal_scaling" => &facts.supports_horizontal_scaling,
        "has_load_balancing" => &facts.has_load_balancing,
        "has_caching" => &facts.has_caching,
        "supports_database_sharding" => &facts.supports_database_sharding,
        "has_fault_tolerance" => &facts.has_fault_tolerance,
        "has_redundancy" => &facts.has_redundancy,
        "has_backup_recovery" => &facts.has_backup_recovery,
        "has_monitoring" => &facts.has_monitoring,
        "has_alerting" => &facts.has_alerting,
        "has_authentication" => &facts.has_authentication,
        "has_authorization" => &facts.has_authorization,
        "has_encryption" => &facts.has_encryption,
        "has_audit_logging" => &facts.has_audit_logging,
        "has_vulnerability_scanning" => &facts.has_vulnerability_scanning,
        _ => return None,
    })
}
