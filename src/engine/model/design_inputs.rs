//! The design-level inputs: the workload offered to a design, the team inputs
//! the graph cannot derive, and the quality targets the rubric compares with.
//!
//! What must stay true: the target defaults are the seed's
//! NewQualityAttributes values; every field has a serde default so old design
//! files keep loading (a file without `error_budget_percent` reads as 1 %). They are part of the model and re-exported from
//! [`crate::engine::model`].

use serde::{Deserialize, Serialize};

/// The traffic offered to the design.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workload {
    /// Requests per second, spread evenly over the clients.
    pub requests_per_second: f64,
    /// Share of requests that only read, in [0, 1].
    pub read_share: f64,
    /// Size of the key space that shards partition.
    pub key_space: u32,
    /// Network time added by each call between components, in milliseconds.
    pub hop_latency_ms: f64,
}

impl Default for Workload {
    fn default() -> Workload {
        Workload {
            requests_per_second: 500.0,
            read_share: 0.8,
            key_space: 1000,
            hop_latency_ms: 1.0,
        }
    }
}

/// The seed's maintainability and usability inputs, which the graph cannot derive,
/// plus vulnerability scanning, which is a process rather than a component.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamInputs {
    /// Code quality, 0 to 100.
    pub code_quality: f64,
    /// Documentation, 0 to 100.
    pub documentation: f64,
    /// Test coverage, 0 to 100.
    pub test_coverage: f64,
    /// User experience, 0 to 100.
    pub user_experience: f64,
    /// Accessibility, 0 to 100.
    pub accessibility: f64,
    /// Responsiveness, 0 to 100.
    pub responsiveness: f64,
    /// Error handling, 0 to 100.
    pub error_handling: f64,
    /// Dependencies and images are scanned for known vulnerabilities.
    pub vulnerability_scanning: bool,
}

impl Default for TeamInputs {
    fn default() -> TeamInputs {
        TeamInputs {
            code_quality: 85.0,
            documentation: 70.0,
            test_coverage: 75.0,
            user_experience: 90.0,
            accessibility: 85.0,
            responsiveness: 95.0,
            error_handling: 80.0,
            vulnerability_scanning: false,
        }
    }
}

/// The quality targets a design is held to (the seed's NewQualityAttributes values).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Targets {
    /// Mean end-to-end response time must be at most this, in milliseconds.
    pub response_time_ms: f64,
    /// Sustainable throughput must be at least this, in requests per second.
    pub throughput_rps: f64,
    /// Mean latency must be at most this, in milliseconds.
    pub latency_ms: f64,
    /// Peak CPU utilisation must be at most this, in percent.
    pub cpu_percent: f64,
    /// Code quality must be at least this.
    pub code_quality: f64,
    /// Documentation must be at least this.
    pub documentation: f64,
    /// Test coverage must be at least this.
    pub test_coverage: f64,
    /// Modularity must be at least this.
    pub modularity: f64,
    /// Complexity must be at most this.
    pub complexity: f64,
    /// User experience must be at least this.
    pub user_experience: f64,
    /// Accessibility must be at least this.
    pub accessibility: f64,
    /// Responsiveness must be at least this.
    pub responsiveness: f64,
    /// Error handling must be at least this.
    pub error_handling: f64,
    /// The error budget: the share of requests, in percent (0 to 100), that
    /// may fail in a run before reliability and the run's state say it failed.
    pub error_budget_percent: f64,
}

impl Default for Targets {
    fn default() -> Targets {
        Targets {
            response_time_ms: 100.0,
            throughput_rps: 1000.0,
            latency_ms: 50.0,
            cpu_percent: 70.0,
            code_quality: 85.0,
            documentation: 90.0,
            test_coverage: 80.0,
            modularity: 85.0,
            complexity: 70.0,
            user_experience: 90.0,
            accessibility: 85.0,
            responsiveness: 95.0,
            error_handling: 80.0,
            error_budget_percent: 1.0,
        }
    }
}
