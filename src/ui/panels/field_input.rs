//! One editable attribute in the inspector, rendered from its
//! [`FieldSpec`]: its label (the name), a text box, a checkbox or a
//! drop-down, its unit beside the input, and its one-line help text under it.
//!
//! What must stay true: the input carries `data-testid="field-<key>"` and a
//! label; the unit shown is the table's (the autoscaling threshold's follows
//! the chosen metric); the help line is visible and tied to the input by
//! `aria-describedby`, with the format hint and any error; text commits on `change` (blur or Enter), checkboxes and
//! drop-downs on `change`, always through [`AppState::set_field`]. A refused
//! value shows its message at `field-error-<key>`, leaves the design as it
//! was, and leaves the user's text in the box so that they can correct it.

use crate::engine::attributes::access::get_field;
use crate::engine::attributes::fields::{FieldSpec, FieldTarget, FieldType};
use crate::engine::attributes::simulation_fields::faults_example;
use crate::engine::model::Design;
use crate::ui::state::{use_app_state, AppState};
use leptos::prelude::*;
use web_sys::{Event, HtmlInputElement, HtmlSelectElement};

/// `round_robin` as "round robin"; upper-case options (HTTP methods) stay as they are.
fn option_label(option: &str) -> String {
    option.replace('_', " ")
}

/// A hint under fields whose text has a format to follow; the faults
/// example names components of `design`, so that it works when typed in.
fn format_hint(ty: &FieldType, design: &Design) -> Option<String> {
    match ty {
        FieldType::Shards => Some("Ranges like 0..500, 500..1000; empty means unsharded.".into()),
        FieldType::Topics => Some("Comma-separated topic names; empty means all.".into()),
        FieldType::Faults => Some(match faults_example(design) {
            Some(example) => format!("Like: {example}. Quote names with spaces."),
            None => "Like: kill NAME at 20s; down NAME at 30s for 10s; latency NAME at 10s +50ms; errors NAME at 5s 20%, naming components of the design.".into(),
        }),
        _ => None,
    }
}

/// The unit shown beside the input of `spec` on `target`: the table's unit,
/// except for the autoscaling threshold, whose unit is the chosen metric's
/// (percent for CPU, memory and error rate; requests per second per replica
/// for request rate).
fn shown_unit(spec: &FieldSpec, design: &Design, target: FieldTarget) -> &'static str {
    if spec.key != "autoscaling.threshold" {
        return spec.unit;
    }
    match get_field(design, target, "autoscaling.metric").as_deref() {
        Some("request_rate") => "req/s per replica",
        Some(_) => "%",
        None => spec.unit,
    }
}

/// What a field needs besides its spec: where it writes and how it reports.
#[derive(Clone, Copy)]
struct FieldContext {
    state: AppState,
    target: FieldTarget,
    key: &'static str,
    /// The value the design holds now, formatted as the engine formats it.
    value: Memo<String>,
    /// The refusal message of the last commit, if it was refused.
    error: RwSignal<Option<String>>,
}

impl FieldContext {
    /// Commits `text`; returns whether the design took it.
    fn commit(self, text: &str) -> bool {
        match self.state.set_field(self.target, self.key, text) {
            Ok(()) => {
                self.error.set(None);
                true
            }
            Err(message) => {
                self.error.set(Some(message));
                false
            }
        }
    }
}

/// The element id of the input for the field `key` (its label points at it).
pub fn field_input_id(key: &str) -> String {
    format!("ap-field-{key}")
}

/// One attribute's label, input, unit, help line, format hint and error message.
#[component]
pub fn FieldInput(
    /// What the attribute belongs to.
    target: FieldTarget,
    /// The attribute.
    spec: FieldSpec,
) -> impl IntoView {
    let state = use_app_state();
    let design = state.design();
    let key = spec.key;
    let value = Memo::new(move |_| {
        design.with(|design| get_field(design, target, key).unwrap_or_default())
    });
    let error = RwSignal::new(None::<String>);
    let field = FieldContext {
        state,
        target,
        key,
        value,
        error,
    };

    let input_id = field_input_id(key);
    let error_id = format!("ap-field-error-{key}");
    let help_id = format!("ap-field-help-{key}");
    let hint_id = format!("ap-field-hint-{key}");
    let has_error = move || error.with(Option::is_some);
    // The faults example follows the design's names; other hints are fixed.
    let hint = Memo::new({
        let ty = spec.ty.clone();
        move |_| design.with(|design| format_hint(&ty, design))
    });
    let described_by = if hint.get_untracked().is_some() {
        format!("{help_id} {hint_id} {error_id}")
    } else {
        format!("{help_id} {error_id}")
    };
    let unit = Memo::new({
        let spec = spec.clone();
        move |_| design.with(|design| shown_unit(&spec, design, target))
    });

    let input = match spec.ty {
        FieldType::Bool => checkbox(field, input_id.clone(), described_by).into_any(),
        FieldType::Choice(options) => {
            choice(field, input_id.clone(), described_by, options).into_any()
        }
        FieldType::Number { .. } => {
            text_box(field, input_id.clone(), described_by, "decimal").into_any()
        }
        FieldType::Seed => text_box(field, input_id.clone(), described_by, "numeric").into_any(),
        FieldType::Text { .. } | FieldType::Shards | FieldType::Topics | FieldType::Faults => {
            text_box(field, input_id.clone(), described_by, "text").into_any()
        }
    };
    let row_class = move || {
        let kind = if matches!(spec.ty, FieldType::Bool) {
            " ap-field--check"
        } else {
            ""
        };
        let invalid = if has_error() {
            " ap-field--invalid"
        } else {
            ""
        };
        format!("ap-field{kind}{invalid}")
    };

    view! {
        <div class=row_class>
            <label class="ap-field__label" for=input_id>
                {spec.label}
            </label>
            <div class="ap-field__control">
                {input}
                {move || (!unit.with(|unit| unit.is_empty())).then(|| view! {
                    <span class="ap-field__unit" data-testid=format!("field-unit-{key}")>
                        {move || unit.get()}
                    </span>
                })}
            </div>
            <p class="ap-field__help" id=help_id data-testid=format!("field-help-{key}")>
                {spec.help}
            </p>
            {move || {
                hint.get()
                    .map(|hint| view! { <p class="ap-field__hint" id=hint_id.clone()>{hint}</p> })
            }}
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p
                                class="ap-field__error"
                                id=error_id.clone()
                                data-testid=format!("field-error-{key}")
                                role="alert"
                            >
                                {message}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A single-line text box for text and numbers.
fn text_box(
    field: FieldContext,
    id: String,
    described_by: String,
    input_mode: &'static str,
) -> impl IntoView {
    let on_change = move |event: Event| {
        let input: HtmlInputElement = event_target(&event);
        if field.commit(&input.value()) {
            // Show the value as the engine reads it back ("5.0" becomes "5").
            input.set_value(&field.value.get_untracked());
        }
    };
    view! {
        <input
            id=id
            class="ap-input"
            type="text"
            inputmode=input_mode
            autocomplete="off"
            spellcheck="false"
            data-testid=format!("field-{}", field.key)
            prop:value=move || field.value.get()
            aria-invalid=move || field.error.with(Option::is_some).to_string()
            aria-describedby=described_by
            on:change=on_change
        />
    }
}

/// A checkbox for on/off attributes.
fn checkbox(field: FieldContext, id: String, described_by: String) -> impl IntoView {
    let on_change = move |event: Event| {
        let input: HtmlInputElement = event_target(&event);
        if !field.commit(&input.checked().to_string()) {
            input.set_checked(field.value.get_untracked() == "true");
        }
    };
    view! {
        <input
            id=id
            class="ap-checkbox"
            type="checkbox"
            data-testid=format!("field-{}", field.key)
            prop:checked=move || field.value.get() == "true"
            aria-invalid=move || field.error.with(Option::is_some).to_string()
            aria-describedby=described_by
            on:change=on_change
        />
    }
}

/// A drop-down for attributes with a fixed set of options.
fn choice(
    field: FieldContext,
    id: String,
    described_by: String,
    options: &'static [&'static str],
) -> impl IntoView {
    let on_change = move |event: Event| {
        let select: HtmlSelectElement = event_target(&event);
        if !field.commit(&select.value()) {
            select.set_value(&field.value.get_untracked());
        }
    };
    view! {
        <select
            id=id
            class="ap-select"
            data-testid=format!("field-{}", field.key)
            prop:value=move || field.value.get()
            aria-invalid=move || field.error.with(Option::is_some).to_string()
            aria-describedby=described_by
            on:change=on_change
        >
            {options
                .iter()
                .map(|option| {
                    view! {
                        <option value=*option selected=move || field.value.get() == *option>
                            {option_label(option)}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::attributes::fields::{attribute, component_fields, design_fields};
    use crate::engine::model::ComponentKind;
    use crate::engine::templates::template;

    #[test]
    fn the_threshold_unit_follows_the_metric() {
        let mut design = template("auto-scaling").expect("a template");
        let service = design
            .components
            .iter()
            .find(|c| c.kind == ComponentKind::Service)
            .expect("a service")
            .id;
        let target = FieldTarget::Component(service);
        let spec = attribute(&design, target, "autoscaling.threshold").expect("services scale");
        for (metric, unit) in [
            ("cpu", "%"),
            ("memory", "%"),
            ("error_rate", "%"),
            ("request_rate", "req/s per replica"),
        ] {
            crate::engine::attributes::access::set_field(
                &mut design,
                target,
                "autoscaling.metric",
                metric,
            )
            .expect("a listed metric");
            assert_eq!(shown_unit(spec, &design, target), unit, "{metric}");
        }
    }

    #[test]
    fn labels_are_names_and_every_measured_number_has_a_unit() {
        // Numbers that are pure counts of nothing in particular, ratios or weights.
        let unitless = [
            "weight",
            "cache_hit_ratio",
            "simulation.zipf_exponent",
            "simulation.service_time_cv",
        ];
        let mut specs = design_fields();
        for kind in ComponentKind::ALL {
            specs.extend(component_fields(kind));
        }
        for spec in specs {
            assert!(
                !spec.label.contains('(')
                    || spec.label.ends_with("(CV)")
                    || spec.label.ends_with("(TTL)"),
                "{}: the label {:?} carries its unit; the unit goes in `unit`",
                spec.key,
                spec.label
            );
            if matches!(spec.ty, FieldType::Number { .. }) && !unitless.contains(&spec.key) {
                assert!(!spec.unit.is_empty(), "{} has no unit", spec.key);
            }
        }
    }

    #[test]
    fn the_faults_hint_names_the_design_s_components() {
        let design = template("event-driven").expect("a template");
        let hint = format_hint(&FieldType::Faults, &design).expect("faults have a hint");
        let entries = crate::engine::attributes::fault_text::parse_faults(
            hint.trim_start_matches("Like: ")
                .split(". Quote")
                .next()
                .unwrap_or_default(),
        )
        .expect("the example parses");
        for entry in entries {
            assert!(design.component_named(&entry.component).is_some(), "{hint}");
        }
        let empty = Design::default();
        assert!(format_hint(&FieldType::Faults, &empty)
            .expect("a hint")
            .contains("NAME"));
    }

    #[test]
    fn option_labels_read_as_words() {
        assert_eq!(option_label("least_connections"), "least connections");
        assert_eq!(option_label("GET"), "GET");
    }
}
