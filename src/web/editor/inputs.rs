//! Small controlled inputs for the editor that report their new value as a `String` (or bool).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::duration::Duration;

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
pub struct DurationInputProps {
    pub value: Duration,
    pub on_change: Callback<Duration>,
    #[prop_or_default]
    pub label: String,
    #[prop_or_default]
    pub testid: String,
}

/// A duration box (`4h`, `1h30m`, `2d`): invalid text stays in the box, marked, and is not applied.
#[component]
pub fn DurationInput(props: &DurationInputProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let invalid = use_state(|| None::<String>);
    {
        let text = text.clone();
        let invalid = invalid.clone();
        use_effect_with(props.value, move |value| {
            if invalid.is_none() {
                text.set(value.to_string());
            }
        });
    }
    let oninput = {
        let text = text.clone();
        let invalid = invalid.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let typed = input.value();
            text.set(typed.clone());
            match typed.trim().parse::<Duration>() {
                Ok(duration) if duration.seconds() >= 0 => {
                    invalid.set(None);
                    on_change.emit(duration);
                }
                Ok(_) => invalid.set(Some("a duration cannot be negative".to_owned())),
                Err(error) => invalid.set(Some(error.to_string())),
            }
        })
    };
    html! {
        <input type="text" class="duration" value={(*text).clone()} {oninput} aria-label={props.label.clone()}
            aria-invalid={invalid.is_some().to_string()} title={(*invalid).clone().unwrap_or_else(|| "e.g. 30m, 4h, 1h30m, 2d".to_owned())}
            data-testid={props.testid.clone()} />
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
