//! Tests of the app state's intents, run natively (signals need no browser).

use super::*;
use crate::engine::score::Attribute;
use crate::engine::tasks::run;
use crate::engine::templates::template;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Loads the template `name` as the page does, with the worker's task run here.
fn load_template(state: &AppState, name: &str) {
    state.template_answered(name, run(&Task::Template(name.to_string())));
}

fn microservices() -> AppState {
    AppState::new(template(STARTING_TEMPLATE).expect("the starting template exists"))
}

/// Counts how often the design signal tells its subscribers it changed.
fn change_counter(state: AppState) -> (Memo<usize>, Arc<AtomicUsize>) {
    let runs = Arc::new(AtomicUsize::new(0));
    let design = state.design();
    let counted = Arc::clone(&runs);
    let memo = Memo::new(move |_| {
        design.track();
        counted.fetch_add(1, Ordering::SeqCst) + 1
    });
    memo.get_untracked();
    (memo, runs)
}

#[test]
fn a_refused_field_leaves_the_design_untouched_and_unannounced() {
    let state = microservices();
    let (memo, runs) = change_counter(state);
    let before = state.design().get_untracked();
    let orders = before.component_named("orders-service").unwrap().id;
    let refusal = state.set_field(FieldTarget::Component(orders), "replicas.current", "-1");
    assert!(refusal.is_err());
    memo.get_untracked();
    assert_eq!(
        runs.load(Ordering::SeqCst),
        1,
        "a refused edit notified subscribers"
    );
    assert_eq!(state.design().get_untracked(), before);
    assert_eq!(
        state.set_field(FieldTarget::Component(orders), "replicas.current", "3"),
        Ok(())
    );
    memo.get_untracked();
    assert_eq!(
        runs.load(Ordering::SeqCst),
        2,
        "an accepted edit did not notify subscribers"
    );
}

#[test]
fn the_scorecard_follows_every_edit() {
    let state = microservices();
    let security_before = state.scorecard().get_untracked().score(Attribute::Security);
    assert_eq!(
        state.set_field(FieldTarget::Design, "team.vulnerability_scanning", "true"),
        Ok(())
    );
    let security_after = state.scorecard().get_untracked().score(Attribute::Security);
    assert_eq!(security_after, security_before + 20.0);
}

#[test]
fn a_refused_connection_is_reported_and_changes_nothing() {
    let state = microservices();
    let design = state.design().get_untracked();
    let gateway = design.component_named("api-gateway").unwrap().id;
    let client = design.component_named("web-clients").unwrap().id;
    state.connect(gateway, client);
    assert_eq!(state.design().get_untracked(), design);
    let status = state
        .status()
        .get_untracked()
        .expect("a refusal is reported");
    assert_eq!(status.tone, StatusTone::Error);
    assert!(status.text.contains("client"), "{}", status.text);
}

#[test]
fn adding_selects_and_deleting_clears_the_selection() {
    let state = microservices();
    let count = state
        .design()
        .with_untracked(|design| design.components.len());
    state.add_component(ComponentKind::Cache, None);
    let Selection::Component(id) = state.selection().get_untracked() else {
        panic!("the new component is not selected")
    };
    assert_eq!(
        state
            .design()
            .with_untracked(|design| design.components.len()),
        count + 1
    );
    state.nudge_selected(10.0, -10.0);
    state.delete_selected();
    assert_eq!(state.selection().get_untracked(), Selection::Nothing);
    assert!(state
        .design()
        .with_untracked(|design| design.component(id).is_none()));
}

#[test]
fn nudging_moves_the_selected_component_by_the_distance() {
    let state = microservices();
    let id = state
        .design()
        .with_untracked(|design| design.component_named("auth").unwrap().id);
    let before = state
        .design()
        .with_untracked(|design| design.component(id).unwrap().position);
    state.select(Selection::Component(id));
    state.nudge_selected(10.0, -10.0);
    let after = state
        .design()
        .with_untracked(|design| design.component(id).unwrap().position);
    assert_eq!((after.x - before.x, after.y - before.y), (10.0, -10.0));
}

#[test]
fn loading_a_template_replaces_the_design_and_clears_the_selection() {
    let state = microservices();
    state.select(Selection::Component(ComponentId(0)));
    load_template(&state, "event-driven");
    assert_eq!(
        state.design().get_untracked(),
        template("event-driven").unwrap()
    );
    assert_eq!(state.selection().get_untracked(), Selection::Nothing);
    load_template(&state, "no-such-template");
    assert_eq!(
        state.status().get_untracked().map(|status| status.tone),
        Some(StatusTone::Error)
    );
}

#[test]
fn export_file_names_are_safe_and_never_empty() {
    assert_eq!(export_file_name("shop"), "shop.archplay.json");
    assert_eq!(export_file_name("a/b: c"), "a-b- c.archplay.json");
    assert_eq!(export_file_name("   "), "design.archplay.json");
}

#[test]
fn selection_names_its_field_target() {
    assert_eq!(Selection::Nothing.field_target(), FieldTarget::Design);
    assert_eq!(
        Selection::Component(ComponentId(3)).field_target(),
        FieldTarget::Component(ComponentId(3))
    );
    assert_eq!(
        Selection::Connection(ConnectionId(4)).field_target(),
        FieldTarget::Connection(ConnectionId(4))
    );
}

#[test]
fn dismissing_an_old_message_keeps_the_newer_one() {
    let state = microservices();
    state.report_info("first".to_string());
    let first = state.status().get_untracked().unwrap().serial;
    state.report_error("second".to_string());
    state.dismiss_status(first);
    assert_eq!(
        state.status().get_untracked().map(|message| message.text),
        Some("second".to_string())
    );
    let second = state.status().get_untracked().unwrap().serial;
    state.dismiss_status(second);
    assert_eq!(state.status().get_untracked(), None);
}

#[test]
fn the_template_picker_names_a_template_only_while_the_canvas_shows_it() {
    let state = AppState::new(template("event-driven").unwrap());
    assert_eq!(
        untrack(|| state.template_on_canvas()),
        None,
        "a design not loaded from the picker is not named"
    );
    load_template(&state, "auto-scaling");
    assert_eq!(untrack(|| state.template_on_canvas()), Some("auto-scaling"));
    let revision = state.revision().get_untracked();
    state.add_component(ComponentKind::Cache, None);
    assert!(state.revision().get_untracked() > revision);
    assert_eq!(untrack(|| state.template_on_canvas()), None);
    state.undo();
    assert_eq!(untrack(|| state.template_on_canvas()), Some("auto-scaling"));
    state.open_design(
        template("microservices").unwrap(),
        "opened a link".to_string(),
    );
    assert_eq!(untrack(|| state.template_on_canvas()), None);
}
