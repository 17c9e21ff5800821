//! Small view pieces shared by the panels and the canvas.

pub mod kind_badge;
pub mod notices;
pub mod outdated;
pub mod shortcuts;
pub mod status;
