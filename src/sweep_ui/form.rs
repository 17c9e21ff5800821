//! The sweep form: the parameter picker (the design's sweepable parameters,
//! grouped workload first, then per component, each with its current value
//! and unit), from, to, steps, seed, duration and workers, Run and Cancel;
//! a refusal shows under the input it is about.

use super::state::{use_sweep_state, SweepStatus};
use crate::engine::sweep::{SweepField, SweepParameter, MAX_STEPS};
use leptos::prelude::*;

/// The form.
#[component]
pub fn SweepFormView() -> impl IntoView {
    let sweep = use_sweep_state();
    let form = sweep.form;
    let running = move || {
        matches!(
            sweep.status.get(),
            SweepStatus::Running | SweepStatus::Preparing
        )
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        sweep.start();
    };
    view! {
        <form class="ap-sweep__form" on:submit=on_submit novalidate>
            <ParamPicker />
            <div class="ap-sweep__row">
                <NumberInput label="From" field=SweepField::From value=form.from slug="from" />
                <NumberInput label="To" field=SweepField::To value=form.to slug="to" />
                <NumberInput label=format!("Steps (1–{MAX_STEPS})") field=SweepField::Steps value=form.steps slug="steps" />
            </div>
            <FieldMessage field=SweepField::Range />
            <div class="ap-sweep__row">
                <NumberInput label="Seed" field=SweepField::Seed value=form.seed slug="seed" />
                <NumberInput label="Duration (s)" field=SweepField::Duration value=form.duration slug="duration" />
                <label class="ap-sweep__field">
                    <span>"Workers"</span>
                    <input type="number" min="1" max="16" data-testid="sweep-workers"
                        prop:value=move || form.workers.get()
                        on:input=move |ev| form.workers.set(event_target_value(&ev)) />
                </label>
            </div>
            <div class="ap-sweep__actions">
                <button type="submit" class="ap-button ap-button--primary" data-testid="sweep-run">
                    {move || if running() { "Restart sweep" } else { "Run sweep" }}
                </button>
                <button type="button" class="ap-button" data-testid="sweep-cancel"
                    disabled=move || !running() on:click=move |_| sweep.cancel()>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

fn option_text(parameter: &SweepParameter) -> String {
    let unit = if parameter.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", parameter.unit)
    };
    format!("{} (now {}{unit})", parameter.label, parameter.current)
}

/// The parameter picker, grouped as the sheet lists them.
#[component]
fn ParamPicker() -> impl IntoView {
    let sweep = use_sweep_state();
    let groups = move || {
        let parameters = sweep.sheet.with(|sheet| {
            sheet
                .as_ref()
                .map(|s| s.parameters.clone())
                .unwrap_or_default()
        });
        let mut groups: Vec<(String, Vec<SweepParameter>)> = Vec::new();
        for parameter in parameters {
            match groups.last_mut() {
                Some((group, list)) if *group == parameter.group => list.push(parameter),
                _ => groups.push((parameter.group.clone(), vec![parameter])),
            }
        }
        groups
    };
    let on_change = move |ev| {
        let key = event_target_value(&ev);
        let current = sweep.sheet.with_untracked(|sheet| {
            sheet.as_ref().and_then(|s| {
                s.parameters
                    .iter()
                    .find(|p| p.key == key)
                    .map(|p| p.current.clone())
            })
        });
        sweep.pick_param(&key, &current.unwrap_or_default());
    };
    view! {
        <label class="ap-sweep__field ap-sweep__field--wide">
            <span>"Parameter"</span>
            <select data-testid="sweep-param" on:change=on_change
                aria-invalid=move || sweep.refusal_at(SweepField::Param).is_some().to_string()
                prop:value=move || sweep.form.param.get()>
                {move || groups().into_iter().map(|(group, list)| view! {
                    <optgroup label=group>
                        {list.into_iter().map(|p| {
                            let selected = p.key == sweep.form.param.get_untracked();
                            view! { <option value=p.key.clone() selected=selected>{option_text(&p)}</option> }
                        }).collect_view()}
                    </optgroup>
                }).collect_view()}
            </select>
        </label>
        <FieldMessage field=SweepField::Param />
    }
}

/// A number input of the form, with its refusal under it.
#[component]
fn NumberInput(
    /// The label.
    #[prop(into)]
    label: String,
    /// The input refusals are about.
    field: SweepField,
    /// The typed text.
    value: RwSignal<String>,
    /// The test id's suffix.
    slug: &'static str,
) -> impl IntoView {
    let sweep = use_sweep_state();
    view! {
        <label class="ap-sweep__field">
            <span>{label}</span>
            <input type="text" inputmode="decimal" data-testid=format!("sweep-{slug}")
                aria-invalid=move || sweep.refusal_at(field).is_some().to_string()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
            <FieldMessage field />
        </label>
    }
}

/// The refusal about `field`, if there is one.
#[component]
fn FieldMessage(
    /// The input.
    field: SweepField,
) -> impl IntoView {
    let sweep = use_sweep_state();
    let slug = match field {
        SweepField::Param => "param",
        SweepField::From => "from",
        SweepField::To => "to",
        SweepField::Range => "range",
        SweepField::Steps => "steps",
        SweepField::Seed => "seed",
        SweepField::Duration => "duration",
    };
    move || {
        sweep.refusal_at(field).map(|message| view! {
            <span class="ap-sweep__error" role="alert" data-testid=format!("sweep-error-{slug}")>{message}</span>
        })
    }
}
