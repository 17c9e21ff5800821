//! Whether what the screen shows still describes the design on the canvas:
//! a simulation run (current, or outdated by an edit since) and the
//! template the picker names.
//!
//! What must stay true: a run's figures describe the canvas only while the
//! design equals the run's design ([`RunFreshness::of`]); any edit makes the
//! run [`RunFreshness::Outdated`] (undoing back to the run's design makes it
//! current again, since its figures then describe the canvas). The template
//! picker names a template only while the canvas shows exactly the design
//! that template loaded, or while the user has just chosen one and the design
//! has not changed since ([`picker_value`]); otherwise it names none.
//! Plain functions, tested natively; the components only render them.

use crate::engine::model::Design;

/// The picker's value that names no template ("Custom design").
pub const NO_TEMPLATE: &str = "";
/// The words the picker shows when the canvas is not a template.
pub const CUSTOM_DESIGN: &str = "Custom design";
/// What the panel and the canvas say about a run of an earlier design.
pub const OUTDATED_TEXT: &str = "outdated: the design changed since this run";

/// How a simulation run relates to the design on the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunFreshness {
    /// No run (or it was cleared): nothing to show.
    NoRun,
    /// The run simulated exactly the design on the canvas.
    Current,
    /// The design changed since the run started: its figures describe
    /// another design and must not be shown as the canvas's.
    Outdated,
}

impl RunFreshness {
    /// How a run of `run_design` (if any) relates to `design`.
    pub fn of(run_design: Option<&Design>, design: &Design) -> RunFreshness {
        match run_design {
            None => RunFreshness::NoRun,
            Some(run_design) if run_design == design => RunFreshness::Current,
            Some(_) => RunFreshness::Outdated,
        }
    }

    /// Whether per-component figures of the run may be drawn on the canvas.
    pub fn shows_figures(self) -> bool {
        self == RunFreshness::Current
    }

    /// A word for `data-freshness`: `none`, `current` or `outdated`.
    pub fn slug(self) -> &'static str {
        match self {
            RunFreshness::NoRun => "none",
            RunFreshness::Current => "current",
            RunFreshness::Outdated => "outdated",
        }
    }
}

/// The template whose design was last loaded, and that design as loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedTemplate {
    /// The template's name, as in `engine::templates::TEMPLATES`.
    pub name: &'static str,
    /// The design the template produced.
    pub design: Design,
}

/// The template the canvas shows: the loaded one while the design still
/// equals what it loaded, otherwise none.
pub fn template_on_canvas(
    loaded: Option<&LoadedTemplate>,
    design: &Design,
) -> Option<&'static str> {
    loaded
        .filter(|loaded| loaded.design == *design)
        .map(|loaded| loaded.name)
}

/// A template the user picked in the menu but has not loaded yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingChoice {
    /// The template picked.
    pub name: String,
    /// The design's revision when it was picked.
    pub revision: u64,
}

/// The value the picker shows: a pending choice while the design has not
/// changed since it was made, else the template on the canvas, else
/// [`NO_TEMPLATE`].
pub fn picker_value(
    on_canvas: Option<&'static str>,
    pending: Option<&PendingChoice>,
    revision: u64,
) -> String {
    pending
        .filter(|pending| pending.revision == revision)
        .map(|pending| pending.name.clone())
        .or_else(|| on_canvas.map(str::to_string))
        .unwrap_or_else(|| NO_TEMPLATE.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::templates::template;

    #[test]
    fn a_run_is_current_only_while_the_design_equals_its_design() {
        let design = template("microservices").unwrap();
        assert_eq!(RunFreshness::of(None, &design), RunFreshness::NoRun);
        assert_eq!(
            RunFreshness::of(Some(&design), &design),
            RunFreshness::Current
        );
        let mut edited = design.clone();
        edited.components[0].position.x += 10.0;
        let outdated = RunFreshness::of(Some(&design), &edited);
        assert_eq!(outdated, RunFreshness::Outdated);
        assert!(!outdated.shows_figures());
        assert!(RunFreshness::Current.shows_figures());
        assert_eq!(outdated.slug(), "outdated");
    }

    #[test]
    fn the_picker_names_a_template_only_while_the_canvas_shows_it() {
        let design = template("event-driven").unwrap();
        let loaded = LoadedTemplate {
            name: "event-driven",
            design: design.clone(),
        };
        assert_eq!(
            template_on_canvas(Some(&loaded), &design),
            Some("event-driven")
        );
        let mut edited = design.clone();
        edited.name = "mine".to_string();
        assert_eq!(template_on_canvas(Some(&loaded), &edited), None);
        assert_eq!(template_on_canvas(None, &design), None);
    }

    #[test]
    fn a_pending_choice_lasts_until_the_design_changes() {
        let pending = PendingChoice {
            name: "auto-scaling".to_string(),
            revision: 3,
        };
        assert_eq!(
            picker_value(Some("microservices"), Some(&pending), 3),
            "auto-scaling"
        );
        assert_eq!(
            picker_value(Some("microservices"), Some(&pending), 4),
            "microservices"
        );
        assert_eq!(picker_value(None, Some(&pending), 4), NO_TEMPLATE);
        assert_eq!(picker_value(None, None, 0), NO_TEMPLATE);
    }
}
