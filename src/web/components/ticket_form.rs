//! The Try-a-ticket form: category, priority, channel, segment, amount, customer signals and creation time.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::ticket::{Channel, Priority};
use crate::web::format::capitalise;
use crate::workspace::draft::TicketDraft;

#[derive(Properties, PartialEq)]
pub struct TicketFormProps {
    pub draft: TicketDraft,
    /// (id, display name) of every category the policy knows.
    pub categories: Vec<(String, String)>,
    /// Customer segments offered (the policy may match on them).
    pub segments: Vec<String>,
    pub on_change: Callback<TicketDraft>,
}

const SIGNAL_LABELS: [(&str, &str); 4] = [
    ("demands_manager", "Asks for a manager"),
    ("abusive", "Abusive or offensive language"),
    ("threatens_to_leave", "Threatens to leave"),
    ("threatens_review", "Threatens a bad review"),
];

#[component]
pub fn TicketForm(props: &TicketFormProps) -> Html {
    let draft = &props.draft;
    let edit = |apply: fn(&mut TicketDraft, String)| {
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        move |value: String| {
            let mut next = draft.clone();
            apply(&mut next, value);
            on_change.emit(next);
        }
    };
    let on_category = select_value(edit(|d, v| d.category = v));
    let on_priority = select_value(edit(|d, v| {
        if let Some(priority) = Priority::parse(&v) {
            d.priority = priority;
        }
    }));
    let on_channel = select_value(edit(|d, v| {
        if let Some(channel) = Channel::ALL.into_iter().find(|c| c.as_str() == v) {
            d.channel = channel;
        }
    }));
    let on_segment = select_value(edit(|d, v| d.segment = v));
    let on_amount = input_value(edit(|d, v| d.amount = v));
    let on_created = input_value(edit(|d, v| d.created_at = v));

    let signal_boxes = SIGNAL_LABELS.iter().map(|(name, label)| {
        let checked = draft.signals.get(name).unwrap_or(false);
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        let name = *name;
        let onchange = Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = draft.clone();
            next.signals.set(name, input.checked());
            on_change.emit(next);
        });
        html! {
            <label class="check" key={name}>
                <input type="checkbox" name={name} {checked} {onchange} />
                { *label }
            </label>
        }
    });

    html! {
        <form class="ticket-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <div class="field">
                <label for="ticket-category">{ "Category" }</label>
                <select id="ticket-category" onchange={on_category}>
                    { for props.categories.iter().map(|(id, name)| html! {
                        <option value={id.clone()} selected={*id == draft.category}>{ name.clone() }</option>
                    }) }
                </select>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="ticket-priority">{ "Priority" }</label>
                    <select id="ticket-priority" onchange={on_priority}>
                        { for Priority::ALL.iter().map(|p| html! {
                            <option value={p.as_str()} selected={*p == draft.priority}>{ capitalise(p.as_str()) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="ticket-channel">{ "Channel" }</label>
                    <select id="ticket-channel" onchange={on_channel}>
                        { for Channel::ALL.iter().map(|c| html! {
                            <option value={c.as_str()} selected={*c == draft.channel}>{ capitalise(c.as_str()) }</option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="ticket-segment">{ "Customer segment" }</label>
                    <select id="ticket-segment" onchange={on_segment}>
                        { for props.segments.iter().map(|s| html! {
                            <option value={s.clone()} selected={*s == draft.segment}>{ capitalise(s) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="ticket-amount">{ "Amount at stake" }</label>
                    <input id="ticket-amount" type="text" inputmode="decimal" placeholder="e.g. 750"
                        value={draft.amount.clone()} oninput={on_amount} />
                </div>
            </div>
            <fieldset>
                <legend>{ "Customer signals" }</legend>
                { for signal_boxes }
            </fieldset>
            <div class="field">
                <label for="ticket-created">{ "Created at (UTC)" }</label>
                <input id="ticket-created" type="datetime-local" value={draft.created_at.clone()} oninput={on_created} />
            </div>
        </form>
    }
}

fn select_value(apply: impl Fn(String) + 'static) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        apply(select.value());
    })
}

fn input_value(apply: impl Fn(String) + 'static) -> Callback<InputEvent> {
    Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        apply(input.value());
    })
}
