//! The catalog: every exercise, one file per section of the document.
//!
//! What must stay true: ids are unique across the catalog (a test checks),
//! and [`catalog`] lists sections in the path's order. A new section is a
//! new file here and one line in [`catalog`].

mod build;
mod solid;

pub use build::{check, simulated, ExerciseBuilder};

use super::exercise_data::Exercise;

/// Every exercise of the path, in order.
pub fn catalog() -> Vec<Exercise> {
    let mut all = Vec::new();
    all.extend(solid::exercises());
    all
}

/// The catalog exercise with `id`.
pub fn exercise(id: &str) -> Option<Exercise> {
    catalog().into_iter().find(|e| e.id == id)
}
