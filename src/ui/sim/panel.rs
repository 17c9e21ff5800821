//! The "Simulate" panel over the bottom of the canvas, and the toolbar
//! button that opens it: Run, Pause, Step, Speed, Reset, the simulated
//! clock, a link to the design's workload and simulation settings, then the
//! summary, the time charts, the event log and the event store query.
//!
//! What must stay true: the controls carry `sim-run`, `sim-pause`,
//! `sim-step`, `sim-speed` (values `1x`, `10x`, `100x`, `max`), `sim-reset`
//! and the clock `sim-time` (simulated seconds to the microsecond in `data-seconds`); the panel is
//! `sim-panel` with the run's state in `data-status`. Its parts are markup
//! strings in a few containers, and one click and one change handler on the
//! panel dispatch on the `data-action` of what was used: far less code in
//! the main bundle than an element tree with a handler per button. A part is
//! rewritten only when its markup changes, so buttons and typed query values
//! survive the ten updates a second of a run.

use super::charts::escape;
use super::query::read_query;
use super::{use_sim_state, SimState, SimStatus};
use crate::engine::sim::live::protocol::Speed;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlSelectElement, MouseEvent};

/// The clock: `12.5 s of 60 s`.
pub fn clock_text(time_s: f64, duration_s: f64) -> String {
    if duration_s > 0.0 {
        format!("{time_s:.1} s of {duration_s:.0} s")
    } else {
        format!("{time_s:.1} s")
    }
}

/// A button of the header.
fn button(action: &str, class: &str, label: &str, disabled: bool) -> String {
    let disabled = if disabled { " disabled" } else { "" };
    format!("<button type=\"button\" class=\"{class}\" data-action=\"{action}\" data-testid=\"sim-{action}\"{disabled}>{label}</button>")
}

/// Title, Run, Pause, Step, Reset and the speed, for the run's state.
pub fn controls_markup(status: &SimStatus, speed: Speed) -> String {
    let mut out = String::from("<h2 class=\"ap-panel-title\">Simulate</h2>");
    let label = if *status == SimStatus::Paused {
        "Resume"
    } else {
        "Run"
    };
    out.push_str(&button(
        "run",
        "ap-button ap-button--primary",
        label,
        matches!(status, SimStatus::Running | SimStatus::Starting),
    ));
    out.push_str(&button(
        "pause",
        "ap-button",
        "Pause",
        *status != SimStatus::Running,
    ));
    out.push_str(&button(
        "step",
        "ap-button",
        "Step",
        *status != SimStatus::Paused,
    ));
    out.push_str(&button(
        "reset",
        "ap-button",
        "Reset",
        *status == SimStatus::Idle,
    ));
    out.push_str("<label class=\"ap-sim__speed\">Speed <select class=\"ap-select\" data-action=\"speed\" data-testid=\"sim-speed\">");
    for option in Speed::ALL {
        let selected = if option == speed { " selected" } else { "" };
        out.push_str(&format!(
            "<option value=\"{0}\"{selected}>{0}</option>",
            option.slug()
        ));
    }
    out.push_str("</select></label>");
    out
}

/// The state badge, the link to the settings and the close button.
pub fn side_markup(status: &SimStatus) -> String {
    format!(
        "<span class=\"ap-sim__status\">{}</span><span class=\"ap-toolbar__spacer\"></span>{}{}",
        status.slug(),
        button(
            "settings",
            "ap-link",
            "Workload and simulation settings",
            false
        ),
        button("close", "ap-button", "Close", false)
    )
}

/// Why the run failed, if it did.
fn failure_markup(status: &SimStatus) -> String {
    match status {
        SimStatus::Failed(message) => format!(
            "<p class=\"ap-sim__failure\" data-testid=\"sim-failure\">{}</p>",
            escape(message)
        ),
        _ => String::new(),
    }
}

/// A container whose content is `markup`. One view type for every part.
fn part(class: &'static str, test_id: &'static str, markup: Memo<String>) -> impl IntoView {
    view! { <div class=class data-testid=test_id inner_html=markup></div> }
}

/// The `data-action` of the element an event came from, and that element.
fn action_of(event: &Event) -> Option<(String, Element)> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let actor = target.closest("[data-action]").ok()??;
    Some((actor.get_attribute("data-action")?, actor))
}

fn on_click(sim: SimState, event: &MouseEvent) {
    let Some((action, _)) = action_of(event) else {
        return;
    };
    match action.as_str() {
        "run" => sim.run(),
        "pause" => sim.pause(),
        "step" => sim.step(),
        "reset" => sim.reset(),
        "settings" => sim.show_settings(),
        "close" => sim.toggle_panel(),
        "query" => {
            let panel = event
                .current_target()
                .and_then(|target| target.dyn_into::<Element>().ok());
            if let Some((store, topic, from_s, to_s)) =
                panel.and_then(|panel| read_query(&panel, sim))
            {
                sim.query(store, topic, from_s, to_s);
            }
        }
        _ => {}
    }
}

fn on_change(sim: SimState, event: &Event) {
    let Some((action, actor)) = action_of(event) else {
        return;
    };
    if action == "speed" {
        if let Some(speed) = actor
            .dyn_into::<HtmlSelectElement>()
            .ok()
            .and_then(|select| Speed::from_slug(&select.value()))
        {
            sim.set_speed(speed);
        }
    }
}

/// The toolbar button that opens and closes the panel.
#[component]
pub fn SimOpenButton() -> impl IntoView {
    let sim = use_sim_state();
    view! {
        <button
            type="button"
            class="ap-button"
            data-testid="sim-open"
            aria-pressed=move || sim.open.get().to_string()
            on:click=move |_| sim.toggle_panel()
        >
            "Simulate"
        </button>
    }
}

/// The panel, while open.
#[component]
pub fn SimPanel() -> impl IntoView {
    let sim = use_sim_state();
    let data = sim.data;
    move || {
        sim.open.get().then(|| {
            let controls = Memo::new(move |_| data.with(|d| controls_markup(&d.status, d.speed)));
            let side = Memo::new(move |_| data.with(|d| side_markup(&d.status)));
            let failure = Memo::new(move |_| data.with(|d| failure_markup(&d.status)));
            // The worker draws charts, log, form, answer and summary; each part
            // is replaced only when its markup changed.
            let summary = Memo::new(move |_| data.with(|d| d.summary.clone()));
            sim.follow_idle_charts();
            // The run's charts, or before a run the design's empty ones (the
            // area stays empty for the moment the worker takes to draw them).
            let charts = Memo::new(move |_| data.with(|d| if d.charts.is_empty() { d.idle_charts.clone() } else { d.charts.clone() }));
            let log = Memo::new(move |_| data.with(|d| d.log.clone()));
            let form = Memo::new(move |_| data.with(|d| d.query_form.clone()));
            let answer = Memo::new(move |_| data.with(|d| d.answer.clone()));
            view! {
                <section
                    class="ap-panel ap-sim"
                    data-testid="sim-panel"
                    data-status=move || data.with(|d| d.status.slug())
                    aria-label="Simulate"
                    on:click=move |event: MouseEvent| on_click(sim, &event)
                    on:change=move |event: Event| on_change(sim, &event)
                >
                    <header class="ap-sim__header">
                        {part("ap-sim__part", "", controls)}
                        <span class="ap-sim__clock" data-testid="sim-time" data-seconds=move || data.with(|d| format!("{:.6}", d.time_s))>
                            {move || data.with(|d| clock_text(d.time_s, d.duration_s))}
                        </span>
                        {part("ap-sim__part", "", side)}
                    </header>
                    <div class="ap-sim__body">
                        {part("ap-sim__part", "", failure)}
                        {part("ap-sim__part", "", summary)}
                        {part("ap-sim__charts", "", charts)}
                        <div class="ap-sim__bottom">
                            <section class="ap-sim__log-box" aria-label="Event log">
                                <h3 class="ap-sim__heading">"Event log"</h3>
                                {part("ap-sim__log", "sim-log", log)}
                            </section>
                            <div>{part("ap-sim__part", "", form)} {part("ap-sim__query-result", "", answer)}</div>
                        </div>
                    </div>
                </section>
            }
            .into_any()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_shows_simulated_seconds() {
        assert_eq!(clock_text(12.345, 60.0), "12.3 s of 60 s");
        assert_eq!(clock_text(0.0, 0.0), "0.0 s");
    }

    #[test]
    fn controls_follow_the_run_state() {
        let paused = controls_markup(&SimStatus::Paused, Speed::Max);
        assert!(paused.contains("data-testid=\"sim-run\">Resume</button>"));
        assert!(paused.contains("data-testid=\"sim-pause\" disabled>"));
        assert!(!paused.contains("data-testid=\"sim-step\" disabled"));
        assert!(paused.contains("<option value=\"max\" selected>max</option>"));
        let running = controls_markup(&SimStatus::Running, Speed::X10);
        assert!(running.contains("data-testid=\"sim-run\" disabled>Run</button>"));
        assert!(controls_markup(&SimStatus::Idle, Speed::X1)
            .contains("data-testid=\"sim-reset\" disabled>"));
    }
}

/// Scrolls the inspector to the design's simulation settings and focuses the first.
pub fn scroll_to_settings() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let field = document
        .query_selector("[data-testid='field-simulation.seed']")
        .ok()
        .flatten()
        .or_else(|| {
            document
                .query_selector("[data-testid='field-workload.requests_per_second']")
                .ok()
                .flatten()
        });
    if let Some(field) = field {
        field.scroll_into_view();
        if let Ok(element) = field.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
