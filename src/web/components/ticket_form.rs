//! The Try-a-ticket form: category, priority (given, or impact × urgency where the policy has a priority
//! matrix), channel, segment, amount, customer signals and creation time.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::ticket::{Channel, Level, Priority};
use crate::web::format::capitalise;
use crate::web::shown_zone::use_shown_zone;
use crate::workspace::draft::{HistoryKind, HistoryStep, TicketDraft};
use crate::workspace::wall_clock;

#[derive(Properties, PartialEq)]
pub struct TicketFormProps {
    pub draft: TicketDraft,
    /// (id, display name) of every category the policy knows.
    pub categories: Vec<(String, String)>,
    /// Customer segments offered (the policy may match on them).
    pub segments: Vec<String>,
    pub on_change: Callback<TicketDraft>,
    /// The policy has a priority matrix, so the priority may come from impact × urgency.
    #[prop_or_default]
    pub has_matrix: bool,
}

/// The priority select's value for "from impact × urgency".
const FROM_MATRIX: &str = "matrix";

const SIGNAL_LABELS: [(&str, &str); 4] = [
    ("demands_manager", "Asks for a manager"),
    ("abusive", "Abusive or offensive language"),
    ("threatens_to_leave", "Threatens to leave"),
    ("threatens_review", "Threatens a bad review"),
];

#[component]
pub fn TicketForm(props: &TicketFormProps) -> Html {
    let zone = use_shown_zone();
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
        if v == FROM_MATRIX {
            d.impact.get_or_insert(Level::Medium);
            d.urgency.get_or_insert(Level::Medium);
        } else if let Some(priority) = Priority::parse(&v) {
            d.priority = priority;
            d.impact = None;
            d.urgency = None;
        }
    }));
    let on_impact = select_value(edit(|d, v| d.impact = level(&v).or(d.impact)));
    let on_urgency = select_value(edit(|d, v| d.urgency = level(&v).or(d.urgency)));
    let from_matrix = draft.uses_impact_and_urgency();
    let offer_matrix = props.has_matrix || from_matrix;
    let on_channel = select_value(edit(|d, v| {
        if let Some(channel) = Channel::ALL.into_iter().find(|c| c.as_str() == v) {
            d.channel = channel;
        }
    }));
    let on_segment = select_value(edit(|d, v| d.segment = v));
    let on_amount = input_value(edit(|d, v| d.amount = v));
    let on_created = {
        let (draft, on_change, zone) = (draft.clone(), props.on_change.clone(), zone.clone());
        input_value(move |typed: String| {
            let mut next = draft.clone();
            next.created_at = wall_clock::stored(&typed, &zone);
            on_change.emit(next);
        })
    };

    let history_rows = draft.history.iter().enumerate().map(|(index, step)| {
        let on_kind = {
            let (draft, on_change) = (draft.clone(), props.on_change.clone());
            Callback::from(move |event: Event| {
                let select: HtmlSelectElement = event.target_unchecked_into();
                let mut next = draft.clone();
                if let (Some(step), Some(kind)) = (
                    next.history.get_mut(index),
                    HistoryKind::ALL.into_iter().find(|k| k.key() == select.value()),
                ) {
                    step.kind = kind;
                }
                on_change.emit(next);
            })
        };
        let on_at = {
            let (draft, on_change, zone) = (draft.clone(), props.on_change.clone(), zone.clone());
            Callback::from(move |event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                let mut next = draft.clone();
                if let Some(step) = next.history.get_mut(index) {
                    step.at = wall_clock::stored(&input.value(), &zone);
                }
                on_change.emit(next);
            })
        };
        let on_priority = {
            let (draft, on_change) = (draft.clone(), props.on_change.clone());
            Callback::from(move |event: Event| {
                let select: HtmlSelectElement = event.target_unchecked_into();
                let mut next = draft.clone();
                if let Some(step) = next.history.get_mut(index) {
                    step.priority = Priority::ALL.into_iter().find(|p| p.as_str() == select.value());
                }
                on_change.emit(next);
            })
        };
        let new_priority = step.priority.unwrap_or(Priority::Medium);
        let on_remove = {
            let (draft, on_change) = (draft.clone(), props.on_change.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = draft.clone();
                if index < next.history.len() {
                    next.history.remove(index);
                }
                on_change.emit(next);
            })
        };
        html! {
            <div class="history-step" key={index}>
                <select onchange={on_kind} aria-label={format!("What happened at step {}", index + 1)} data-testid={format!("history-kind-{index}")}>
                    { for HistoryKind::ALL.iter().map(|kind| html! {
                        <option value={kind.key()} selected={*kind == step.kind}>{ kind.label() }</option>
                    }) }
                </select>
                if step.kind == HistoryKind::PriorityChanged {
                    <select onchange={on_priority} aria-label={format!("New priority at step {}", index + 1)} data-testid={format!("history-priority-{index}")}>
                        { for Priority::ALL.iter().map(|priority| html! {
                            <option value={priority.as_str()} selected={*priority == new_priority}>{ capitalise(priority.as_str()) }</option>
                        }) }
                    </select>
                }
                <input type="datetime-local" value={wall_clock::shown(&step.at, &zone)} oninput={on_at}
                    aria-label={format!("When step {} happened ({})", index + 1, zone.name())} data-testid={format!("history-at-{index}")} />
                <button type="button" class="icon-button" onclick={on_remove} aria-label={format!("Remove step {}", index + 1)}>{ "×" }</button>
            </div>
        }
    });
    let on_add_step = {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = draft.clone();
            let at = next
                .history
                .last()
                .map_or_else(|| next.created_at.clone(), |step| step.at.clone());
            let kind = match next.history.last().map(|step| step.kind) {
                Some(HistoryKind::WaitingOnCustomer) => HistoryKind::CustomerReply,
                Some(HistoryKind::OnHold | HistoryKind::WaitingOnThirdParty) => {
                    HistoryKind::Resumed
                }
                Some(HistoryKind::Reply) => HistoryKind::WaitingOnCustomer,
                _ => HistoryKind::Reply,
            };
            next.history.push(HistoryStep {
                kind,
                at,
                priority: None,
            });
            on_change.emit(next);
        })
    };

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
                    <select id="ticket-priority" onchange={on_priority} data-testid="ticket-priority">
                        { for Priority::ALL.iter().map(|p| html! {
                            <option value={p.as_str()} selected={!from_matrix && *p == draft.priority}>{ capitalise(p.as_str()) }</option>
                        }) }
                        if offer_matrix {
                            <option value={FROM_MATRIX} selected={from_matrix}>
                                { if props.has_matrix { "Impact × urgency" } else { "Impact × urgency (the policy has no matrix)" } }
                            </option>
                        }
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
            if from_matrix {
                <div class="field-row">
                    { level_select("ticket-impact", "Impact", draft.impact, on_impact) }
                    { level_select("ticket-urgency", "Urgency", draft.urgency, on_urgency) }
                </div>
            }
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
                <label for="ticket-created">{ format!("Created at ({})", zone.name()) }</label>
                <input id="ticket-created" type="datetime-local" value={wall_clock::shown(&draft.created_at, &zone)} oninput={on_created} />
            </div>
            <fieldset data-testid="history">
                <legend>{ format!("What happened next ({})", zone.name()) }</legend>
                { for history_rows }
                <button type="button" onclick={on_add_step} data-testid="history-add">{ "+ Add a step" }</button>
            </fieldset>
        </form>
    }
}

fn level(text: &str) -> Option<Level> {
    Level::ALL.into_iter().find(|level| level.as_str() == text)
}

fn level_select(
    id: &'static str,
    label: &'static str,
    value: Option<Level>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select {id} {onchange} data-testid={id}>
                { for Level::ALL.iter().map(|level| html! {
                    <option value={level.as_str()} selected={Some(*level) == value}>{ capitalise(level.as_str()) }</option>
                }) }
            </select>
        </div>
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
