//! The panels around the canvas: toolbar, palette, inspector, scorecard
//! (with the estimate and the monthly cost).
//!
//! What must stay true: panels read the state and call its intent methods;
//! none of them changes the design any other way or computes a score.

pub mod connections;
pub mod cost;
pub mod estimate;
pub mod field_input;
pub mod history_buttons;
pub mod inspector;
pub mod palette;
pub mod scorecard;
pub mod share_panel;
pub mod toolbar;
