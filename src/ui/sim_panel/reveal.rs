//! When the Simulate panel names a component (a log line, a query's event
//! store), the canvas shows it: finding the name in a sentence is plain
//! maths here; [`NamedText`] renders the sentence with the name as a button
//! that selects the component and pans the canvas to it.
//!
//! What must stay true: a name is found only as a whole word (not inside a
//! longer name: `orders` is not found in `orders-db`), the longest name
//! wins, and the sentence reads the same with or without the button.

use super::use_panel_state;
use crate::engine::model::{ComponentId, Design};
use leptos::prelude::*;

/// Whether `c` can be part of a component name (names run into these).
/// Any non-ASCII character counts, which spares the page Unicode's tables.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii() || matches!(c, '-' | '_' | '.')
}

/// The component whose name `text` mentions as a whole word (the longest
/// such name), with the byte range of the mention.
pub fn named_component(text: &str, design: &Design) -> Option<(ComponentId, usize, usize)> {
    let mut best: Option<(ComponentId, usize, usize)> = None;
    for component in &design.components {
        let name = component.name.as_str();
        if name.is_empty() || best.is_some_and(|(_, start, end)| end - start >= name.len()) {
            continue;
        }
        // A plain scan rather than `match_indices`, whose substring searcher
        // would add kilobytes to the page for names of a few characters.
        let found = text.char_indices().map(|(start, _)| start).find(|start| {
            if !text[*start..].starts_with(name) {
                return false;
            }
            let end = start + name.len();
            let before = text[..*start].chars().next_back();
            let after = text[end..].chars().next();
            // A trailing full stop ends the sentence rather than the name.
            let after_ok = match after {
                Some('.') => text[end + 1..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_name_char(c)),
                Some(c) => !is_name_char(c),
                None => true,
            };
            before.is_none_or(|c| !is_name_char(c)) && after_ok
        });
        if let Some(start) = found {
            best = Some((component.id, start, start + name.len()));
        }
    }
    best
}

/// A sentence from the panel; the component it names (found by
/// [`named_component`]) is a button (`sim-reveal`, with `data-component`)
/// that selects it and shows it on the canvas.
#[component]
pub fn NamedText(
    /// The sentence.
    text: String,
    /// The component it names and where, if any.
    named: Option<(ComponentId, usize, usize)>,
) -> impl IntoView {
    let panel = use_panel_state();
    // One shape for both cases (the name may be empty), so the page carries one view.
    let (id, start, end) = named.unwrap_or((ComponentId(0), text.len(), text.len()));
    let before = text[..start].to_string();
    let name = text[start..end].to_string();
    let after = text[end..].to_string();
    let on_click = move |_| panel.reveal(id);
    view! {
        {before}
        {named.is_some().then(|| view! {
            <button
                type="button"
                class="ap-link ap-sim__reveal"
                data-testid="sim-reveal"
                data-component=id.0
                title="Show it on the canvas"
                on:click=on_click
            >
                {name}
            </button>
        })}
        {after}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::templates::template;

    #[test]
    fn names_are_found_as_whole_words_the_longest_first() {
        let design = template("microservices").unwrap();
        let orders = design.component_named("orders-service").unwrap().id;
        let text = "3 requests failed at orders-service: queue full.";
        let (id, start, end) = named_component(text, &design).unwrap();
        assert_eq!(id, orders);
        assert_eq!(&text[start..end], "orders-service");
        let ended = "a replica of orders-service.";
        assert_eq!(
            named_component(ended, &design).map(|found| found.0),
            Some(orders)
        );
        assert_eq!(named_component("nothing named here", &design), None);
        assert_eq!(named_component("xorders-service", &design), None);
    }
}
