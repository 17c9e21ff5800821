//! Small view pieces shared by the panels and the canvas.

pub mod kind_badge;
pub mod notices;
pub mod shortcuts;
pub mod status;
pub mod outdated;
