//! One editable attribute in the inspector, rendered from its
//! [`FieldSpec`]: a text box, a checkbox or a drop-down, its label carrying
//! the entry's help text as a tooltip.
//!
//! What must stay true: the input carries `data-testid="field-<key>"` and a
//! label; text commits on `change` (blur or Enter), checkboxes and
//! drop-downs on `change`, always through [`AppState::set_field`]. A refused
//! value shows its message at `field-error-<key>`, leaves the design as it
//! was, and leaves the user's text in the box so that they can correct it.

use crate::engine::attributes::access::get_field;
use crate::engine::attributes::fields::{FieldSpec, FieldTarget, FieldType};
use crate::ui::state::{use_app_state, AppState};
use leptos::prelude::*;
use web_sys::{Event, HtmlInputElement, HtmlSelectElement};

/// `round_robin` as "round robin"; upper-case options (HTTP methods) stay as they are.
fn option_label(option: &str) -> String {
    option.replace('_', " ")
}

/// A hint under fields whose text has a format to follow.
fn format_hint(ty: &FieldType) -> Option<&'static str> {
    match ty {
        FieldType::Shards => Some("Ranges like 0..500, 500..1000; empty means unsharded."),
        FieldType::Topics => Some("Comma-separated topic names; empty means all."),
        FieldType::Faults => Some("Like: kill orders at 20s; down db at 30s for 10s; latency api at 10s +50ms; errors pay at 5s 20%. Quote names with spaces."),
        _ => None,
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

/// One attribute's label, input and error message.
/// The element id of the input for the field `key` (its label points at it).
pub fn field_input_id(key: &str) -> String {
    format!("ap-field-{key}")
}

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
    let described_by = error_id.clone();
    let has_error = move || error.with(Option::is_some);
    let hint = format_hint(&spec.ty);

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
            <label class="ap-field__label" for=input_id title=spec.help>
                {spec.label}
            </label>
            {input}
            {hint.map(|hint| view! { <p class="ap-field__hint">{hint}</p> })}
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

    #[test]
    fn option_labels_read_as_words() {
        assert_eq!(option_label("least_connections"), "least connections");
        assert_eq!(option_label("GET"), "GET");
    }
}
