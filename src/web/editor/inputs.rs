//! Small controlled inputs for the editor that report their new value as a `String` (or bool).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::duration::Duration;
use crate::workspace::fields::parse_duration_field;

#[derive(Properties, PartialEq)]
pub struct TextInputProps {
    pub value: String,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub label: String,
    #[prop_or_default]
    pub placeholder: String,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub testid: String,
}

/// A text box that reports every keystroke.
#[component]
pub fn TextInput(props: &TextInputProps) -> Html {
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_change.emit(input.value());
    });
    html! {
        <input type="text" class={props.class.clone()} value={props.value.clone()} {oninput}
            aria-label={props.label.clone()} placeholder={props.placeholder.clone()}
            aria-invalid={props.invalid.to_string()} data-testid={props.testid.clone()} />
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    pub value: f64,
    pub on_change: Callback<f64>,
    #[prop_or_default]
    pub label: String,
    #[prop_or(0.0)]
    pub min: f64,
    #[prop_or(1.0)]
    pub step: f64,
    #[prop_or_default]
    pub testid: String,
}

/// A number box that reports only valid numbers (an empty or partial entry is kept in the box, not applied).
#[component]
pub fn NumberInput(props: &NumberInputProps) -> Html {
    let on_change = props.on_change.clone();
    let min = props.min;
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        if let Ok(value) = input.value().trim().parse::<f64>() {
            if value.is_finite() && value >= min {
                on_change.emit(value);
            }
        }
    });
    html! {
        <input type="number" class="number" value={props.value.to_string()} min={props.min.to_string()}
            step={props.step.to_string()} {oninput} aria-label={props.label.clone()} data-testid={props.testid.clone()} />
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// (value, label) pairs.
    pub options: Vec<(String, String)>,
    pub value: String,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub label: String,
    #[prop_or_default]
    pub testid: String,
}

#[component]
pub fn Select(props: &SelectProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        on_change.emit(select.value());
    });
    let known = props.options.iter().any(|(value, _)| *value == props.value);
    html! {
        <select {onchange} aria-label={props.label.clone()} data-testid={props.testid.clone()}>
            if !known {
                <option value={props.value.clone()} selected=true>{ format!("{} (unknown)", props.value) }</option>
            }
            { for props.options.iter().map(|(value, label)| html! {
                <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
            }) }
        </select>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    pub checked: bool,
    pub on_change: Callback<bool>,
    pub label: String,
    #[prop_or_default]
    pub testid: String,
}

/// A labelled checkbox that reports its new state.
#[component]
pub fn Checkbox(props: &CheckboxProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_change.emit(input.checked());
    });
    html! {
        <label class="check">
            <input type="checkbox" checked={props.checked} {onchange} data-testid={props.testid.clone()} />
            { props.label.clone() }
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct DurationInputProps {
    pub value: Option<Duration>,
    pub on_change: Callback<Option<Duration>>,
    /// Whether an empty box means "none" (otherwise it is invalid).
    #[prop_or_default]
    pub optional: bool,
    pub label: String,
    #[prop_or_default]
    pub placeholder: String,
    pub testid: String,
}

/// A duration box (`4h`, `1h30m`). Invalid text stays in the box, marked `aria-invalid`, and is not applied;
/// valid text stays as typed while it still equals the policy's value.
#[component]
pub fn DurationInput(props: &DurationInputProps) -> Html {
    let typed = use_state(|| None::<String>);
    let optional = props.optional;
    let parse = move |text: &str| parse_duration_field(text, optional);
    let (shown, error) = match typed.as_deref().map(|text| (text, parse(text))) {
        Some((text, Err(error))) => (text.to_owned(), Some(error)),
        Some((text, Ok(value))) if value == props.value => (text.to_owned(), None),
        _ => (
            props
                .value
                .map(|value| value.to_string())
                .unwrap_or_default(),
            None,
        ),
    };
    let on_change = {
        let typed = typed.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |text: String| {
            if let Ok(value) = parse(&text) {
                on_change.emit(value);
            }
            typed.set(Some(text));
        })
    };
    html! {
        <span class="sla-input">
            <TextInput value={shown} {on_change} label={props.label.clone()} class="sla-duration mono"
                placeholder={props.placeholder.clone()} invalid={error.is_some()} testid={props.testid.clone()} />
            if let Some(message) = error {
                <span class="sla-field-error" role="alert">{ message }</span>
            }
        </span>
    }
}
