//! The toolbar: the app's name, the design's name, undo and redo, loading a
//! template, the share and export menu, and exporting the design file.
//!
//! What must stay true: `template-select` lists every template in
//! [`TEMPLATES`] order and `template-load` replaces the design with the one
//! chosen; the select names a template only while the canvas shows it (or
//! just after the user picked one), and otherwise shows "Custom design"
//! ([`crate::ui::state::freshness::picker_value`]); `export-json` downloads
//! the design file.

use crate::compare_bridge::{VIEW_COMPARE, VIEW_MILESTONES};
use crate::engine::templates::TEMPLATES;
use crate::sweep_bridge::VIEW_SWEEP;
use crate::ui::export::export_design;
use crate::ui::module_host::{ModuleButton, ModuleHost};
use crate::ui::panels::history_buttons::HistoryButtons;
use crate::ui::panels::share_panel::ShareMenu;
use crate::ui::sim::host::SimOpenButton;
use crate::ui::state::freshness::{picker_value, PendingChoice, CUSTOM_DESIGN, NO_TEMPLATE};
use crate::ui::state::use_app_state;
use leptos::prelude::*;
use web_sys::Event;

/// The bar across the top of the app.
#[component]
pub fn Toolbar(
    /// The page's end of the Learn module, for its button.
    learn: ModuleHost,
    /// The page's end of the Compare module (Compare, Milestones).
    compare: ModuleHost,
    /// The page's end of the Sweep module.
    sweep: ModuleHost,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let pending = RwSignal::new(None::<PendingChoice>);
    let revision = state.revision();
    let picked = Memo::new(move |_| {
        pending.with(|pending| {
            picker_value(state.template_on_canvas(), pending.as_ref(), revision.get())
        })
    });
    let design_name = move || design.with(|design| design.name.clone());

    let on_choose = move |event: Event| {
        pending.set(Some(PendingChoice {
            name: event_target_value(&event),
            revision: revision.get_untracked(),
        }))
    };
    let on_load = move |_| state.load_template(&picked.get_untracked());
    let on_export = move |_| export_design(state);

    view! {
        <header class="ap-toolbar">
            <div class="ap-brand">
                <svg class="ap-brand__mark" viewBox="0 0 24 24" aria-hidden="true">
                    <rect x="3" y="3" width="8" height="8" rx="2" />
                    <rect x="13" y="13" width="8" height="8" rx="2" />
                    <path d="M11 7 H17 V13" />
                </svg>
                <h1 class="ap-brand__name">"Archplay"</h1>
            </div>
            <span class="ap-toolbar__divider" aria-hidden="true"></span>
            <span class="ap-toolbar__design" data-testid="design-name" title="Design name (edit it in the inspector with nothing selected)">
                {design_name}
            </span>
            <div class="ap-toolbar__spacer"></div>
            <HistoryButtons />
            <span class="ap-toolbar__divider" aria-hidden="true"></span>
            <div class="ap-toolbar__group">
                <label class="ap-toolbar__label" for="ap-template-select">
                    "Template"
                </label>
                <select
                    id="ap-template-select"
                    class="ap-select"
                    data-testid="template-select"
                    prop:value=move || picked.get()
                    on:change=on_choose
                >
                    <option value=NO_TEMPLATE disabled=true>{CUSTOM_DESIGN}</option>
                    {TEMPLATES
                        .iter()
                        .map(|info| {
                            view! {
                                <option value=info.name selected=move || picked.with(|picked| picked == info.name) title=info.summary>
                                    {info.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button type="button" class="ap-button" data-testid="template-load" disabled=move || picked.with(String::is_empty) on:click=on_load>
                    "Load"
                </button>
            </div>
            <ModuleButton host=learn view="learn" label="Learn" testid="learn-open" />
            <ModuleButton host=compare view=VIEW_COMPARE label="Compare" testid="compare-open" />
            <ModuleButton host=compare view=VIEW_MILESTONES label="Milestones" testid="milestones-open" />
            <ModuleButton host=sweep view=VIEW_SWEEP label="Sweep" testid="sweep-open" />
            <SimOpenButton />
            <ShareMenu />
            <button type="button" class="ap-button ap-button--primary" data-testid="export-json" on:click=on_export>
                "Export JSON"
            </button>
        </header>
    }
}
