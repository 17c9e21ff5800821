//! The one state of the app: the design being edited, what is selected, how
//! the canvas is panned and zoomed, the status message, and the scorecard.
//!
//! What must stay true:
//! - Every change to the design goes through [`crate::engine::model::edit::apply`]
//!   (loading a template replaces the design wholesale, also here). Components
//!   read the design through [`AppState::design`] and change it only through
//!   the methods below, which are named after what the user means.
//! - A refused edit leaves the design signal untouched: no subscriber runs.
//! - The scorecard is a memo of the design (and of a finished simulation run,
//!   whose Performance figures count only while the design equals the one that
//!   was run), so it is recomputed on every edit.
//! - Every accepted change is one undo step ([`undo`]): an edit, a template
//!   load, an opened link or file; a drag records one step when it ends.
//! - What the screen says about the design's origin stays true
//!   ([`freshness`]): the template picker names a template only while the
//!   canvas shows it; opening a design wholesale (a template, a link, a file)
//!   tells the listener set by [`AppState::on_design_replaced`] (the
//!   simulator, which forgets its run).
//! - The state holds the page's connection to its worker ([`AppState::worker`]),
//!   so that whatever needs the worker reaches it through the state, never
//!   through a global.

use super::canvas::viewport::{ScreenSize, Viewport};
use crate::engine::attributes::fields::FieldTarget;
use crate::engine::model::edit::{apply, Created, Edit, EditError};
use crate::engine::model::history::History;
use crate::engine::model::{ComponentId, ComponentKind, ConnectionId, Design, Position};
use crate::engine::score::Scorecard;
use crate::engine::share::decode_snapshot;
use crate::engine::sim::score::{scorecard_for, SimulatedRun};
use crate::engine::tasks::Task;
use crate::engine::templates::{starting_template, TEMPLATES};
use crate::ui::worker::PageWorker;
use leptos::prelude::*;

pub mod freshness;
mod notices;
mod undo;
mod view;

use freshness::{template_on_canvas, LoadedTemplate};
pub use notices::{Notice, NoticeKind};
pub use undo::UndoAvailability;

/// The template the app opens on.
pub const STARTING_TEMPLATE: &str = "microservices";
/// Pixels left around the design when the view is fitted to it.
const FIT_MARGIN: f64 = 48.0;

/// What the inspector shows and Delete removes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Selection {
    /// Nothing: the inspector shows the design-level inputs.
    #[default]
    Nothing,
    /// One component.
    Component(ComponentId),
    /// One connection.
    Connection(ConnectionId),
}

impl Selection {
    /// The attributes the inspector edits for this selection.
    pub fn field_target(self) -> FieldTarget {
        match self {
            Selection::Nothing => FieldTarget::Design,
            Selection::Component(id) => FieldTarget::Component(id),
            Selection::Connection(id) => FieldTarget::Connection(id),
        }
    }
}

/// Whether a status message reports success or a refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusTone {
    /// Something happened as asked.
    Info,
    /// Something was refused; the text says why.
    Error,
}

/// The one message the status area shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusMessage {
    /// What to say, in a sentence.
    pub text: String,
    /// How to show it.
    pub tone: StatusTone,
    /// Counts messages, so that hiding an old one never hides a newer one.
    pub serial: u64,
}

/// A `Copy` handle on the app's signals, provided at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    design: RwSignal<Design>,
    selection: RwSignal<Selection>,
    viewport: RwSignal<Viewport>,
    canvas_size: RwSignal<ScreenSize>,
    status: RwSignal<Option<StatusMessage>>,
    status_serial: StoredValue<u64>,
    scorecard: Memo<Scorecard>,
    /// Every state of the design the user can go back or forward to.
    history: StoredValue<History>,
    undo_availability: RwSignal<UndoAvailability>,
    /// Whether a drag is gathering its moves into one undo step.
    gesture_open: StoredValue<bool>,
    notices: RwSignal<Vec<Notice>>,
    /// A finished simulation run whose Performance figures the scorecard uses while the design equals its design.
    simulated: RwSignal<Option<SimulatedRun>>,
    /// The page's Web Worker (links, files, exports, the simulator).
    worker: PageWorker,
    /// Counts changes of the design (edits, undo, redo, opened designs).
    revision: RwSignal<u64>,
    /// The template last loaded, as loaded.
    /// (Not a signal: it changes only with the design, which readers track.)
    loaded_template: StoredValue<Option<LoadedTemplate>>,
    /// Told when a design is opened wholesale (the simulator forgets its run).
    on_replaced: StoredValue<Option<Callback<()>>>,
    // Read-only handles, made once: `read_only()` allocates a new handle on
    // every call, which event handlers would otherwise do on every event.
    design_view: ReadSignal<Design>,
    selection_view: ReadSignal<Selection>,
    viewport_view: ReadSignal<Viewport>,
    status_view: ReadSignal<Option<StatusMessage>>,
}

/// Creates the app state on the starting template and provides it to every
/// component below the caller.
pub fn provide_app_state() -> AppState {
    let state = AppState::new(starting_template());
    state.remember_template(STARTING_TEMPLATE, state.design.get_untracked());
    provide_context(state);
    state
}

/// The app state provided by [`provide_app_state`].
pub fn use_app_state() -> AppState {
    // Not `expect_context`: its message formats the type name with `Debug`,
    // which links Unicode's printable-character tables into the page.
    use_context::<AppState>()
        .unwrap_or_else(|| panic!("AppState is provided at the root of the app"))
}

impl AppState {
    /// A state editing `design`, with nothing selected.
    pub fn new(design: Design) -> AppState {
        let history = StoredValue::new(History::new(design.clone()));
        let design = RwSignal::new(design);
        let simulated = RwSignal::new(None::<SimulatedRun>);
        let scorecard = Memo::new(move |_| {
            simulated.with(|run| design.with(|design| scorecard_for(design, run.as_ref())))
        });
        let selection = RwSignal::new(Selection::Nothing);
        let viewport = RwSignal::new(Viewport::default());
        let status = RwSignal::new(None);
        AppState {
            design,
            selection,
            viewport,
            canvas_size: RwSignal::new(ScreenSize::default()),
            status,
            status_serial: StoredValue::new(0),
            scorecard,
            history,
            undo_availability: RwSignal::new(UndoAvailability::default()),
            gesture_open: StoredValue::new(false),
            notices: RwSignal::new(Vec::new()),
            simulated,
            worker: PageWorker::new(),
            revision: RwSignal::new(0),
            loaded_template: StoredValue::new(None),
            on_replaced: StoredValue::new(None),
            design_view: design.read_only(),
            selection_view: selection.read_only(),
            viewport_view: viewport.read_only(),
            status_view: status.read_only(),
        }
    }

    /// The design being edited (read-only).
    pub fn design(&self) -> ReadSignal<Design> {
        self.design_view
    }

    /// What is selected (read-only).
    pub fn selection(&self) -> ReadSignal<Selection> {
        self.selection_view
    }

    /// How the canvas is panned and zoomed (read-only).
    pub fn viewport(&self) -> ReadSignal<Viewport> {
        self.viewport_view
    }

    /// The status message, if any (read-only).
    pub fn status(&self) -> ReadSignal<Option<StatusMessage>> {
        self.status_view
    }

    /// The six scores of the design, recomputed on every edit.
    pub fn scorecard(&self) -> Memo<Scorecard> {
        self.scorecard
    }

    /// The page's connection to its Web Worker.
    pub fn worker(&self) -> PageWorker {
        self.worker
    }

    /// Scores Performance from a finished simulation run (while the design
    /// equals the run's design), or from the analytic estimate again (`None`).
    pub fn show_simulated(&self, run: Option<SimulatedRun>) {
        self.simulated.set(run);
    }

    /// Applies `edit` through the engine. On success subscribers are told; on
    /// refusal the design is untouched (the engine guarantees it) and nobody is.
    fn edit(&self, edit: Edit) -> Result<Created, EditError> {
        let result = self
            .design
            .try_update_untracked(|design| apply(design, edit))
            .unwrap_or(Err(EditError::NotFound));
        if result.is_ok() {
            self.design.notify();
            self.bump_revision();
            self.record();
        }
        result
    }

    fn say(&self, tone: StatusTone, text: String) {
        self.status_serial.update_value(|serial| *serial += 1);
        let serial = self.status_serial.get_value();
        self.status.set(Some(StatusMessage { text, tone, serial }));
    }

    /// Hides the status message numbered `serial`, unless a newer one replaced it.
    pub fn dismiss_status(&self, serial: u64) {
        if self.status.with_untracked(|message| {
            message
                .as_ref()
                .is_some_and(|message| message.serial == serial)
        }) {
            self.status.set(None);
        }
    }

    fn name_of(&self, id: ComponentId) -> String {
        self.design
            .with_untracked(|design| design.name_of(id).to_string())
    }

    /// Shows `text` in the status area as an error.
    pub fn report_error(&self, text: String) {
        self.say(StatusTone::Error, text);
    }

    /// Shows `text` in the status area as information.
    pub fn report_info(&self, text: String) {
        self.say(StatusTone::Info, text);
    }

    /// Selects a component, a connection, or nothing.
    pub fn select(&self, selection: Selection) {
        if self.selection.get_untracked() != selection {
            self.selection.set(selection);
        }
    }

    /// Adds a component of `kind` at `position` (or at a free spot in view) and selects it.
    pub fn add_component(&self, kind: ComponentKind, position: Option<Position>) {
        let position = position.or_else(|| self.free_spot_in_view());
        match self.edit(Edit::AddComponent { kind, position }) {
            Ok(Created::Component(id)) => {
                self.select(Selection::Component(id));
                self.report_info(format!("added {}", self.name_of(id)));
            }
            Ok(_) => {}
            Err(error) => self.report_error(error.to_string()),
        }
    }

    /// Moves a component to `position` (canvas units).
    pub fn move_component(&self, id: ComponentId, position: Position) {
        if let Err(error) = self.edit(Edit::MoveComponent { id, position }) {
            self.report_error(error.to_string());
        }
    }

    /// Moves the selected component by a canvas distance (arrow keys).
    pub fn nudge_selected(&self, dx: f64, dy: f64) {
        let Selection::Component(id) = self.selection.get_untracked() else {
            return;
        };
        let Some(position) = self
            .design
            .with_untracked(|design| design.component(id).map(|c| c.position))
        else {
            return;
        };
        self.move_component(
            id,
            Position {
                x: position.x + dx,
                y: position.y + dy,
            },
        );
    }

    /// Draws a connection from `from` to `to`, or says why it cannot be drawn.
    pub fn connect(&self, from: ComponentId, to: ComponentId) {
        match self.edit(Edit::Connect { from, to }) {
            Ok(_) => self.report_info(format!(
                "connected {} to {}",
                self.name_of(from),
                self.name_of(to)
            )),
            Err(error) => self.report_error(error.to_string()),
        }
    }

    /// Deletes one connection.
    pub fn delete_connection(&self, id: ConnectionId) {
        match self.edit(Edit::DeleteConnection(id)) {
            Ok(_) => {
                if self.selection.get_untracked() == Selection::Connection(id) {
                    self.select(Selection::Nothing);
                }
                self.report_info("removed the connection".to_string());
            }
            Err(error) => self.report_error(error.to_string()),
        }
    }

    /// Deletes what is selected (a component takes its connections with it).
    pub fn delete_selected(&self) {
        match self.selection.get_untracked() {
            Selection::Nothing => {}
            Selection::Connection(id) => self.delete_connection(id),
            Selection::Component(id) => {
                let name = self.name_of(id);
                match self.edit(Edit::DeleteComponent(id)) {
                    Ok(_) => {
                        self.select(Selection::Nothing);
                        self.report_info(format!("deleted {name}"));
                    }
                    Err(error) => self.report_error(error.to_string()),
                }
            }
        }
    }

    /// Sets one attribute from typed-in text. On refusal returns the message
    /// to show at the field, and the design is unchanged.
    pub fn set_field(&self, target: FieldTarget, key: &str, text: &str) -> Result<(), String> {
        let edit = Edit::SetField {
            target,
            key: key.to_string(),
            value: text.to_string(),
        };
        self.edit(edit)
            .map(|_| ())
            .map_err(|error| error.to_string())
    }

    /// Replaces the design with the template called `name` and fits the view
    /// to it, once the worker has built it (it answers a snapshot; building
    /// the templates in the page would put them all in its bundle).
    pub fn load_template(&self, name: &str) {
        let state = *self;
        let name = name.to_string();
        self.worker()
            .ask(Task::Template(name.clone()), move |answer| {
                state.template_answered(&name, answer)
            });
    }

    /// Opens the worker's answer to [`Task::Template`] for `name`, or reports
    /// why it could not be built.
    pub fn template_answered(&self, name: &str, answer: Result<String, String>) {
        match answer.and_then(|snapshot| decode_snapshot(&snapshot).map_err(|e| e.to_string())) {
            Ok(design) => self.open_template(name, design),
            Err(problem) => self.report_error(problem),
        }
    }

    /// Replaces the design with `design`, the template called `name`, and
    /// fits the view to it.
    pub fn open_template(&self, name: &str, design: Design) {
        // Remembered first, so that whoever tracks the design reads it with the new design.
        self.remember_template(name, design.clone());
        self.open_design(design, format!("loaded the {name} template"));
    }

    /// Records that the canvas shows the template `name` as loaded, if it is one.
    fn remember_template(&self, name: &str, design: Design) {
        let Some(info) = TEMPLATES.iter().find(|info| info.name == name) else {
            return;
        };
        self.loaded_template.set_value(Some(LoadedTemplate {
            name: info.name,
            design,
        }));
    }

    /// The template the canvas shows unchanged, if any (for the template
    /// picker); tracks the design.
    pub fn template_on_canvas(&self) -> Option<&'static str> {
        self.loaded_template.with_value(|loaded| {
            self.design
                .with(|design| template_on_canvas(loaded.as_ref(), design))
        })
    }

    /// Counts changes of the design: any edit, undo, redo or opened design.
    pub fn revision(&self) -> ReadSignal<u64> {
        self.revision.read_only()
    }

    fn bump_revision(&self) {
        self.revision.update(|revision| *revision += 1);
    }

    /// Sets who is told when a design is opened wholesale (a template, a
    /// link, a file, the autosave): the simulator, which then forgets its run.
    pub fn on_design_replaced(&self, listener: Callback<()>) {
        self.on_replaced.set_value(Some(listener));
    }

    /// A design was opened wholesale: figures of earlier runs describe
    /// nothing on the canvas any more.
    fn design_replaced(&self) {
        self.simulated.set(None);
        if let Some(listener) = self.on_replaced.get_value() {
            listener.run(());
        }
    }

    /// The file name the design is exported under: `<design name>.archplay.json`.
    pub fn export_file_name(&self) -> String {
        self.file_name("archplay.json")
    }

    /// A file name for an export of the design: `<design name>.<extension>`.
    pub fn file_name(&self, extension: &str) -> String {
        self.design
            .with_untracked(|design| file_name(&design.name, extension))
    }
}

/// `<name>.archplay.json`, with characters that file systems refuse replaced.
pub fn export_file_name(design_name: &str) -> String {
    file_name(design_name, "archplay.json")
}

/// `<name>.<extension>`, with characters that file systems refuse replaced.
pub fn file_name(design_name: &str, extension: &str) -> String {
    let cleaned: String = design_name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let stem = if cleaned.is_empty() {
        "design"
    } else {
        cleaned.as_str()
    };
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests;
