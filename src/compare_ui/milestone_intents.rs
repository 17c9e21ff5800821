//! What the user does with milestones, as methods of [`CompareState`]:
//! save the canvas's design under a name, open one on the canvas, rename,
//! delete (with Undo), compare one with the canvas, compare two.
//!
//! What must stay true: every change of the list is written to storage
//! before it shows ([`CompareState::change_milestones`]); a name is never
//! empty (an empty field takes the default name); opening goes through the
//! page's load path (one undo step).

use super::state::{CompareState, Tab};
use crate::engine::share::milestones::StoredMilestone;
use leptos::prelude::*;

impl CompareState {
    /// Saves the canvas's design as a milestone called `name` (or the default name).
    pub fn save_milestone(&self, name: &str) -> bool {
        let name = match name.trim() {
            "" => self.next_name(),
            name => name.to_string(),
        };
        let design = self.host().snapshot();
        let said = format!("Saved the canvas's design as \u{201c}{name}\u{201d}.");
        let saved = self.change_milestones(|list| list.push(StoredMilestone { name, design }));
        if saved {
            self.message.set(Some(said));
        }
        saved
    }

    fn milestone(&self, index: usize) -> Option<StoredMilestone> {
        self.milestones
            .with_untracked(|list| list.get(index).cloned())
    }

    /// Opens milestone `index` on the canvas (one undo step).
    pub fn open_milestone(&self, index: usize) {
        let Some(milestone) = self.milestone(index) else {
            return;
        };
        let what = format!("opened milestone \u{201c}{}\u{201d}", milestone.name);
        match self.host().open_design(&milestone.design, &what) {
            Ok(()) => self.message.set(Some(format!(
                "Opened \u{201c}{}\u{201d} on the canvas.",
                milestone.name
            ))),
            Err(problem) => self.message.set(Some(format!(
                "\u{201c}{}\u{201d} could not be opened: {problem}. Your design is unchanged.",
                milestone.name
            ))),
        }
    }

    /// Renames milestone `index` to `name` (an empty name changes nothing).
    pub fn rename_milestone(&self, index: usize, name: &str) {
        let name = name.trim().to_string();
        if name.is_empty() {
            return self.message.set(Some(
                "A milestone needs a name; it was not renamed.".to_string(),
            ));
        }
        self.change_milestones(|list| {
            if let Some(milestone) = list.get_mut(index) {
                milestone.name = name;
            }
        });
    }

    /// Deletes milestone `index`, keeping it for [`CompareState::undo_delete`].
    pub fn delete_milestone(&self, index: usize) {
        let Some(milestone) = self.milestone(index) else {
            return;
        };
        if self.change_milestones(|list| {
            list.remove(index);
        }) {
            self.deleted.set(Some((index, milestone)));
        }
    }

    /// Puts the milestone deleted last back where it was.
    pub fn undo_delete(&self) {
        let Some((index, milestone)) = self.deleted.get_untracked() else {
            return;
        };
        if self.change_milestones(|list| list.insert(index.min(list.len()), milestone)) {
            self.deleted.set(None);
        }
    }

    /// Pins milestone `index` as A and shows Compare against the canvas.
    pub fn compare_with_canvas(&self, index: usize) {
        if let Some(milestone) = self.milestone(index) {
            self.pin(
                milestone.design,
                format!("milestone \u{201c}{}\u{201d}", milestone.name),
            );
        }
    }

    /// Compares milestone `a` (pinned as A) with milestone `b` (opened on the canvas).
    pub fn compare_two(&self, a: usize, b: usize) {
        let (Some(first), Some(second)) = (self.milestone(a), self.milestone(b)) else {
            return;
        };
        let what = format!(
            "opened milestone \u{201c}{}\u{201d} to compare",
            second.name
        );
        match self.host().open_design(&second.design, &what) {
            Ok(()) => self.pin(
                first.design,
                format!("milestone \u{201c}{}\u{201d}", first.name),
            ),
            Err(problem) => self.message.set(Some(format!(
                "\u{201c}{}\u{201d} could not be opened: {problem}. Your design is unchanged.",
                second.name
            ))),
        }
        self.tab.set(Tab::Compare);
    }
}
