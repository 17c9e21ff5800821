//! The catalog: every exercise, one file per section of the document.
//!
//! What must stay true: ids are unique across the catalog (a test checks),
//! and [`catalog`] lists sections in the path's order. A new section is a
//! new file here and one line in [`catalog`].

mod auto_scaling;
mod build;
mod event_driven;
mod microservices;
mod rubric;
mod solid;

pub use build::{budget, check, scale, simulated, ExerciseBuilder};

use super::exercise_data::Exercise;

/// Every exercise of the path, in order.
pub fn catalog() -> Vec<Exercise> {
    let mut all = Vec::new();
    all.extend(solid::exercises());
    all.extend(rubric::exercises());
    all.extend(microservices::exercises());
    all.extend(event_driven::exercises());
    all.extend(auto_scaling::exercises());
    all
}

/// The catalog exercise with `id`.
pub fn exercise(id: &str) -> Option<Exercise> {
    catalog().into_iter().find(|e| e.id == id)
}
