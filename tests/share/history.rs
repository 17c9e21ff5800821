//! Undo and redo over whole designs.

use archplay::engine::model::history::{History, HISTORY_LIMIT};
use archplay::engine::model::Design;

fn numbered(n: usize) -> Design {
    Design::new(&format!("state {n}"))
}

#[test]
fn undo_and_redo_walk_the_states_in_order() {
    let mut history = History::new(numbered(0));
    assert!(!history.can_undo() && !history.can_redo());
    for n in 1..=3 {
        assert!(history.push(numbered(n)));
    }
    assert_eq!(history.undo(), Some(&numbered(2)));
    assert_eq!(history.undo(), Some(&numbered(1)));
    assert!(history.can_redo());
    assert_eq!(history.redo(), Some(&numbered(2)));
    assert_eq!(history.present(), &numbered(2));
    assert_eq!((history.undo_steps(), history.redo_steps()), (2, 1));
    assert_eq!(history.undo(), Some(&numbered(1)));
    assert_eq!(history.undo(), Some(&numbered(0)));
    assert_eq!(history.undo(), None, "nothing before the first state");
    assert_eq!(history.present(), &numbered(0));
    assert_eq!(history.redo(), Some(&numbered(1)));
    assert_eq!(history.redo(), Some(&numbered(2)));
    assert_eq!(history.redo(), Some(&numbered(3)));
    assert_eq!(history.redo(), None, "nothing after the last state");
}

#[test]
fn pushing_after_undo_forgets_the_redo_steps() {
    let mut history = History::new(numbered(0));
    history.push(numbered(1));
    history.push(numbered(2));
    history.undo();
    assert!(history.push(numbered(9)));
    assert!(!history.can_redo());
    assert_eq!(history.undo(), Some(&numbered(1)));
}

#[test]
fn an_unchanged_state_is_not_recorded_twice() {
    let mut history = History::new(numbered(0));
    assert!(!history.push(numbered(0)));
    assert!(history.push(numbered(1)));
    assert!(!history.push(numbered(1)));
    assert_eq!(history.undo_steps(), 1);
    // Equal but not consecutive is a real step back.
    assert!(history.push(numbered(0)));
    assert_eq!(history.undo_steps(), 2);
}

#[test]
fn at_least_100_steps_are_kept_and_the_oldest_go_first() {
    const { assert!(HISTORY_LIMIT >= 100) };
    let mut history = History::new(numbered(0));
    let pushes = HISTORY_LIMIT + 50;
    for n in 1..=pushes {
        history.push(numbered(n));
    }
    assert_eq!(history.undo_steps(), HISTORY_LIMIT);
    let mut last = None;
    while let Some(design) = history.undo() {
        last = Some(design.clone());
    }
    assert_eq!(
        last,
        Some(numbered(pushes - HISTORY_LIMIT)),
        "the oldest states were dropped first"
    );
    assert_eq!(history.redo_steps(), HISTORY_LIMIT);
    for _ in 0..100 {
        assert!(history.redo().is_some());
    }
}

#[test]
fn reset_starts_over() {
    let mut history = History::new(numbered(0));
    history.push(numbered(1));
    history.undo();
    history.reset(numbered(7));
    assert_eq!((history.can_undo(), history.can_redo()), (false, false));
    assert_eq!(history.present(), &numbered(7));
}
