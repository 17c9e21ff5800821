//! Opening challenge links (issue 10, point 6): track J owns this file and
//! replaces this placeholder.
//!
//! What must stay true: nothing here yet; the Learn view calls nothing from this module.
