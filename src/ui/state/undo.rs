//! Undo and redo over the app state, on the engine's [`History`] of whole
//! designs.
//!
//! What must stay true: every accepted change of the design is recorded once
//! ([`AppState::record`] after an edit; [`AppState::open_design`] for a
//! template, a link or a file), except while a drag is open, whose moves are
//! recorded as one step when it ends. Undo and redo never leave the selection
//! pointing at something the restored design does not have.

use super::{AppState, Selection};
use crate::engine::model::history::History;
use crate::engine::model::Design;
use leptos::prelude::*;

/// Whether there is anything to undo or redo, for the toolbar buttons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UndoAvailability {
    /// Whether [`AppState::undo`] would change the design.
    pub can_undo: bool,
    /// Whether [`AppState::redo`] would change the design.
    pub can_redo: bool,
}

impl AppState {
    /// Whether undo and redo have anything to do (read-only).
    pub fn undo_availability(&self) -> ReadSignal<UndoAvailability> {
        self.undo_availability.read_only()
    }

    /// How many undo steps are available.
    pub fn undo_steps(&self) -> usize {
        self.history.with_value(History::undo_steps)
    }

    /// Records the design as it is now as one undo step, unless a drag is
    /// gathering its moves or nothing changed since the last step.
    pub(super) fn record(&self) {
        if self.gesture_open.get_value() {
            return;
        }
        let design = self.design.get_untracked();
        self.history
            .update_value(|history| _ = history.push(design));
        self.refresh_undo_availability();
    }

    fn refresh_undo_availability(&self) {
        let availability = self.history.with_value(|history| UndoAvailability {
            can_undo: history.can_undo(),
            can_redo: history.can_redo(),
        });
        if self.undo_availability.get_untracked() != availability {
            self.undo_availability.set(availability);
        }
    }

    /// A drag starts: its moves become one undo step, recorded by [`AppState::end_gesture`].
    pub fn begin_gesture(&self) {
        self.gesture_open.set_value(true);
    }

    /// A drag ends (or is interrupted): record where it left the design.
    pub fn end_gesture(&self) {
        if self.gesture_open.get_value() {
            self.gesture_open.set_value(false);
            self.record();
        }
    }

    /// Goes back one step; does nothing when there is nothing to undo.
    pub fn undo(&self) {
        self.end_gesture();
        let Some(design) = self
            .history
            .try_update_value(|history| history.undo().cloned())
            .flatten()
        else {
            return;
        };
        self.show_recorded(design);
        self.report_info("undid the last change".to_string());
    }

    /// Goes forward one undone step; does nothing when nothing was undone.
    pub fn redo(&self) {
        self.end_gesture();
        let Some(design) = self
            .history
            .try_update_value(|history| history.redo().cloned())
            .flatten()
        else {
            return;
        };
        self.show_recorded(design);
        self.report_info("redid the change".to_string());
    }

    /// Shows a design the history already holds, keeping the selection only
    /// if the design still has what it points at.
    fn show_recorded(&self, design: Design) {
        let selection_exists = match self.selection.get_untracked() {
            Selection::Nothing => true,
            Selection::Component(id) => design.component(id).is_some(),
            Selection::Connection(id) => design.connection(id).is_some(),
        };
        if !selection_exists {
            self.select(Selection::Nothing);
        }
        self.design.set(design);
        self.bump_revision();
        self.refresh_undo_availability();
    }

    /// Replaces the design with `design` (a template, a link, a file) as one
    /// undo step, clears the selection and every run's figures, fits the view
    /// and says `what` happened.
    pub fn open_design(&self, design: Design, what: String) {
        self.end_gesture();
        self.select(Selection::Nothing);
        self.design_replaced();
        self.design.set(design);
        self.bump_revision();
        self.record();
        self.fit_view();
        self.report_info(what);
    }

    /// Starts the session from `design` (the autosaved one): not an undo
    /// step, since there was nothing before it.
    pub fn restore_design(&self, design: Design) {
        self.select(Selection::Nothing);
        self.design_replaced();
        self.history.set_value(History::new(design.clone()));
        self.design.set(design);
        self.bump_revision();
        self.refresh_undo_availability();
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::model::{ComponentKind, Position};
    use crate::engine::templates::template;
    use crate::ui::state::{AppState, Selection, UndoAvailability, STARTING_TEMPLATE};
    use leptos::prelude::*;

    fn microservices() -> AppState {
        AppState::new(template(STARTING_TEMPLATE).expect("the starting template exists"))
    }

    fn names(state: AppState) -> Vec<String> {
        state
            .design()
            .with_untracked(|design| design.components.iter().map(|c| c.name.clone()).collect())
    }

    #[test]
    fn undo_brings_a_deleted_component_back_and_redo_removes_it_again() {
        let state = microservices();
        let before = state.design().get_untracked();
        let auth = before.component_named("auth").unwrap().id;
        state.select(Selection::Component(auth));
        state.delete_selected();
        let deleted = state.design().get_untracked();
        assert!(deleted.component(auth).is_none());
        state.undo();
        assert_eq!(state.design().get_untracked(), before);
        state.redo();
        assert_eq!(state.design().get_untracked(), deleted);
        assert_eq!(
            state.undo_availability().get_untracked(),
            UndoAvailability {
                can_undo: true,
                can_redo: false
            }
        );
    }

    #[test]
    fn nothing_to_undo_at_the_start_and_nothing_to_redo_after_an_edit() {
        let state = microservices();
        assert_eq!(
            state.undo_availability().get_untracked(),
            UndoAvailability::default()
        );
        state.undo();
        state.redo();
        assert_eq!(
            state.design().get_untracked(),
            template(STARTING_TEMPLATE).unwrap()
        );
        state.add_component(ComponentKind::Cache, None);
        state.undo();
        assert!(state.undo_availability().get_untracked().can_redo);
        state.add_component(ComponentKind::Database, None);
        assert!(
            !state.undo_availability().get_untracked().can_redo,
            "a new edit must clear the redo steps"
        );
    }

    #[test]
    fn a_drag_is_one_undo_step_however_many_moves_it_makes() {
        let state = microservices();
        let before = state.design().get_untracked();
        let auth = before.component_named("auth").unwrap().id;
        state.begin_gesture();
        for step in 1..=40 {
            state.move_component(
                auth,
                Position {
                    x: 10.0 * f64::from(step),
                    y: 5.0,
                },
            );
        }
        state.end_gesture();
        assert_eq!(state.undo_steps(), 1);
        state.undo();
        assert_eq!(state.design().get_untracked(), before);
    }

    #[test]
    fn at_least_a_hundred_edits_can_be_undone() {
        let state = microservices();
        let before = state.design().get_untracked();
        let auth = before.component_named("auth").unwrap().id;
        for step in 1..=100 {
            state.move_component(
                auth,
                Position {
                    x: f64::from(step),
                    y: 0.0,
                },
            );
        }
        assert_eq!(state.undo_steps(), 100);
        for _ in 0..100 {
            state.undo();
        }
        assert_eq!(state.design().get_untracked(), before);
        assert!(!state.undo_availability().get_untracked().can_undo);
    }

    #[test]
    fn template_loads_are_undoable() {
        let state = microservices();
        let before = names(state);
        state.open_template("event-driven", template("event-driven").unwrap());
        assert_ne!(names(state), before);
        state.undo();
        assert_eq!(names(state), before);
    }

    #[test]
    fn undo_clears_a_selection_the_restored_design_does_not_have() {
        let state = microservices();
        state.add_component(ComponentKind::Cache, None);
        assert!(matches!(
            state.selection().get_untracked(),
            Selection::Component(_)
        ));
        state.undo();
        assert_eq!(state.selection().get_untracked(), Selection::Nothing);
    }

    #[test]
    fn a_restored_design_is_the_start_of_the_history() {
        let state = microservices();
        state.add_component(ComponentKind::Cache, None);
        let restored = template("auto-scaling").unwrap();
        state.restore_design(restored.clone());
        assert_eq!(
            state.undo_availability().get_untracked(),
            UndoAvailability::default()
        );
        state.open_design(template("event-driven").unwrap(), "opened".to_string());
        state.undo();
        assert_eq!(state.design().get_untracked(), restored);
    }
}
