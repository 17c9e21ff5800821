//! The "Simulate" panel docked below the canvas ([`super::dock`]), the root
//! view of the panel module (the toolbar button that opens it is the page's,
//! `ui::sim::host`): Run, Pause, Step, Speed, Reset, the simulated
//! clock, a link to the design's workload and simulation settings, then the
//! summary, the time charts, the event log and the event store query.
//!
//! What must stay true: the controls carry `sim-run`, `sim-pause`,
//! `sim-step`, `sim-speed` (values `1x`, `10x`, `100x`, `max`), `sim-reset`
//! and the clock `sim-time` (simulated seconds to the microsecond in
//! `data-seconds`); the panel is `sim-panel` with the run's state in
//! `data-status` and how the run relates to the canvas in `data-freshness`
//! (`none`, `current`, `outdated`; outdated shows `sim-outdated` with
//! `sim-run-again`). Every control has its own handler calling one
//! [`super::PanelState`] intent; test ids are for tests only.

use super::charts::TimeCharts;
use super::dock::{dock_style, DockHandle};
use super::log::{EventLogView, RunSummary};
use super::query::EventStoreQuery;
use super::{use_panel_state, PanelState};
use crate::engine::sim::live::speed::Speed;
use crate::sim_panel_bridge::{Freshness, SimStatus};
use crate::ui::widgets::outdated::{NoticePlace, OutdatedNotice};
use leptos::html::Section;
use leptos::prelude::*;

/// The clock: `12.5 s of 60 s`.
pub fn clock_text(time_s: f64, duration_s: f64) -> String {
    if duration_s > 0.0 {
        format!("{time_s:.1} s of {duration_s:.0} s")
    } else {
        format!("{time_s:.1} s")
    }
}

/// Which controls a run in `status` allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Controls {
    /// Run (or Resume) can be pressed.
    pub run: bool,
    /// Pause can be pressed.
    pub pause: bool,
    /// Step can be pressed.
    pub step: bool,
    /// Reset can be pressed.
    pub reset: bool,
}

impl Controls {
    /// The controls for a run in `status`.
    pub fn for_status(status: &SimStatus) -> Controls {
        Controls {
            run: !matches!(status, SimStatus::Running | SimStatus::Starting),
            pause: *status == SimStatus::Running,
            step: *status == SimStatus::Paused,
            reset: *status != SimStatus::Idle,
        }
    }

    /// The label of the Run button: Resume while paused.
    pub fn run_label(status: &SimStatus) -> &'static str {
        if *status == SimStatus::Paused {
            "Resume"
        } else {
            "Run"
        }
    }
}

/// The panel, while the page says it is open, over `sim` (which it provides
/// to every view inside).
#[component]
pub fn SimPanel(
    /// What the panel shows.
    sim: PanelState,
) -> impl IntoView {
    provide_context(sim);
    let dock = NodeRef::<Section>::new();
    let height = RwSignal::new(None::<f64>);
    view! {
        <Show when=move || sim.open.get()>
            <section
                node_ref=dock
                style=move || dock_style(height.get())
                class="ap-panel ap-sim"
                data-testid="sim-panel"
                data-status=move || sim.status.with(SimStatus::slug)
                data-freshness=move || sim.freshness.get().slug()
                aria-label="Simulate"
            >
                <DockHandle dock height />
                <header class="ap-sim__header">
                    <h2 class="ap-panel-title">"Simulate"</h2>
                    <RunControls />
                    <SimClockView />
                    <span class="ap-sim__status">{move || sim.status.with(SimStatus::slug)}</span>
                    <span class="ap-toolbar__spacer"></span>
                    <button type="button" class="ap-link" data-testid="sim-settings" on:click=move |_| sim.show_settings()>
                        "Workload and simulation settings"
                    </button>
                    <button type="button" class="ap-button" data-testid="sim-close" on:click=move |_| sim.close()>
                        "Close"
                    </button>
                </header>
                <div class="ap-sim__body" tabindex="0" role="region" aria-label="Simulation results">
                    <RunFailure />
                    <OutdatedNotice
                        place=NoticePlace::Panel
                        outdated=Signal::derive(move || sim.freshness.get() == Freshness::Outdated)
                        run_again=Callback::new(move |()| sim.run_again())
                    />
                    <RunSummary />
                    <TimeCharts />
                    <div class="ap-sim__bottom">
                        <EventLogView />
                        <div>
                            <EventStoreQuery />
                        </div>
                    </div>
                </div>
            </section>
        </Show>
    }
}

/// Run (or Resume), Pause, Step, Reset and the speed.
#[component]
fn RunControls() -> impl IntoView {
    let sim = use_panel_state();
    let controls = Memo::new(move |_| sim.status.with(Controls::for_status));
    let on_speed = move |event| {
        if let Some(speed) = Speed::from_slug(&event_target_value(&event)) {
            sim.set_speed(speed);
        }
    };
    let speed_options = Speed::ALL.map(|speed| {
        view! {
            <option value=speed.slug() selected=move || sim.speed.get() == speed>
                {speed.slug()}
            </option>
        }
    });
    view! {
        <button
            type="button"
            class="ap-button ap-button--primary"
            data-testid="sim-run"
            disabled=move || !controls.get().run
            on:click=move |_| sim.run()
        >
            {move || sim.status.with(Controls::run_label)}
        </button>
        <button type="button" class="ap-button" data-testid="sim-pause" disabled=move || !controls.get().pause on:click=move |_| sim.pause()>
            "Pause"
        </button>
        <button type="button" class="ap-button" data-testid="sim-step" disabled=move || !controls.get().step on:click=move |_| sim.step()>
            "Step"
        </button>
        <button type="button" class="ap-button" data-testid="sim-reset" disabled=move || !controls.get().reset on:click=move |_| sim.reset()>
            "Reset"
        </button>
        <label class="ap-sim__speed">
            "Speed "
            <select class="ap-select" data-testid="sim-speed" on:change=on_speed>
                {speed_options}
            </select>
        </label>
    }
}

/// The simulated clock.
#[component]
fn SimClockView() -> impl IntoView {
    let sim = use_panel_state();
    view! {
        <span
            class="ap-sim__clock"
            data-testid="sim-time"
            data-seconds=move || sim.clock.with(|clock| format!("{:.6}", clock.time_s))
        >
            {move || sim.clock.with(|clock| clock_text(clock.time_s, clock.duration_s))}
        </span>
    }
}

/// Why the run failed, if it did.
#[component]
fn RunFailure() -> impl IntoView {
    let sim = use_panel_state();
    let message = move || match sim.status.get() {
        SimStatus::Failed(message) => Some(message),
        _ => None,
    };
    move || {
        message().map(|message| {
            view! { <p class="ap-sim__failure" data-testid="sim-failure">{message}</p> }
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
        let paused = Controls::for_status(&SimStatus::Paused);
        assert_eq!(Controls::run_label(&SimStatus::Paused), "Resume");
        assert!(paused.run && !paused.pause && paused.step && paused.reset);
        let running = Controls::for_status(&SimStatus::Running);
        assert_eq!(Controls::run_label(&SimStatus::Running), "Run");
        assert!(!running.run && running.pause && !running.step);
        let idle = Controls::for_status(&SimStatus::Idle);
        assert!(idle.run && !idle.reset && !idle.step && !idle.pause);
        assert!(!Controls::for_status(&SimStatus::Starting).run);
    }
}
