//! Undo and redo over whole designs.
//!
//! The UI pushes the design after every successful edit; undo and redo move
//! between the states pushed. Whole snapshots rather than inverse edits keep
//! this trivially correct, and a design is small (a 100-component design is
//! tens of kilobytes, so the cap of [`HISTORY_LIMIT`] steps stays within a few
//! megabytes).
//!
//! What must stay true: at least 100 undo steps are kept (the oldest are
//! dropped past [`HISTORY_LIMIT`]); pushing a state equal to the present one
//! records nothing; pushing anything new clears the redo steps.

use crate::engine::model::Design;
use std::collections::VecDeque;

/// Most undo steps kept; older states are forgotten first.
pub const HISTORY_LIMIT: usize = 200;

/// The present design, the states before it, and the undone states after it.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    /// Oldest first; the last one is what undo returns to.
    past: VecDeque<Design>,
    present: Design,
    /// Most recently undone last; the last one is what redo returns to.
    future: Vec<Design>,
}

impl History {
    /// A history whose only state is `initial`.
    pub fn new(initial: Design) -> History {
        History {
            past: VecDeque::new(),
            present: initial,
            future: Vec::new(),
        }
    }

    /// The current design.
    pub fn present(&self) -> &Design {
        &self.present
    }

    /// Records `design` as the new present. Returns false, and records
    /// nothing, when it equals the present design.
    pub fn push(&mut self, design: Design) -> bool {
        if design == self.present {
            return false;
        }
        let previous = std::mem::replace(&mut self.present, design);
        self.past.push_back(previous);
        if self.past.len() > HISTORY_LIMIT {
            self.past.pop_front();
        }
        self.future.clear();
        true
    }

    /// Steps back one state and returns it, or `None` at the oldest state.
    pub fn undo(&mut self) -> Option<&Design> {
        let previous = self.past.pop_back()?;
        let undone = std::mem::replace(&mut self.present, previous);
        self.future.push(undone);
        Some(&self.present)
    }

    /// Steps forward one undone state and returns it, or `None` when nothing was undone.
    pub fn redo(&mut self) -> Option<&Design> {
        let next = self.future.pop()?;
        let previous = std::mem::replace(&mut self.present, next);
        self.past.push_back(previous);
        Some(&self.present)
    }

    /// Whether [`History::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether [`History::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// How many undo steps are available.
    pub fn undo_steps(&self) -> usize {
        self.past.len()
    }

    /// How many redo steps are available.
    pub fn redo_steps(&self) -> usize {
        self.future.len()
    }

    /// Starts over from `design` with no undo or redo steps. Opening a link
    /// or a file over the user's work should rather [`History::push`], so that
    /// undo brings the work back.
    pub fn reset(&mut self, design: Design) {
        *self = History::new(design);
    }
}
