//! The Simulate view's waits before anyone answers: the share of tickets put on hold or waiting on a third
//! party as they arrive, how long that lasts, and on whom they wait.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::sla::WaitState;
use crate::sim::scenario::HeldOnArrival;
use crate::web::editor::inputs::NumberInput;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, ScenarioField};

/// The states a ticket nobody has answered can wait in.
const STATES: [WaitState; 2] = [WaitState::OnHold, WaitState::WaitingOnThirdParty];

#[derive(Properties, PartialEq)]
pub struct ArrivalHoldControlsProps {
    pub held: Option<HeldOnArrival>,
    pub dispatch: Callback<Action>,
}

fn set(dispatch: &Callback<Action>, field: ScenarioField) {
    dispatch.emit(Action::Edit(Edit::SetScenario(field)));
}

#[component]
pub fn ArrivalHoldControls(props: &ArrivalHoldControlsProps) -> Html {
    let d = &props.dispatch;
    let held = props.held;
    let share = held.map_or(0.0, |held| held.probability);
    let hours = held.map_or(2.0, |held| held.duration.mean().seconds() as f64 / 3600.0);
    let state = held.map_or(WaitState::OnHold, |held| held.state);
    let on_share = {
        let d = d.clone();
        Callback::from(move |percent: f64| {
            set(&d, ScenarioField::HeldOnArrivalShare(percent / 100.0))
        })
    };
    let on_hours = {
        let d = d.clone();
        Callback::from(move |hours: f64| {
            let seconds = (hours * 3600.0).round().clamp(1.0, 1e9) as i64;
            set(&d, ScenarioField::HeldOnArrivalMean(seconds))
        })
    };
    let on_state = {
        let d = d.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(chosen) = STATES.into_iter().find(|s| s.as_str() == select.value()) {
                set(&d, ScenarioField::HeldOnArrivalState(chosen));
            }
        })
    };
    html! {
        <div class="arrival-holds" data-testid="arrival-hold-controls">
            <label class="control-row"><span>{ "Held as they arrive (%)" }</span>
                <NumberInput value={(share * 1000.0).round() / 10.0} on_change={on_share} step={5.0}
                    label="Share of tickets that wait as they arrive, before anyone answers" testid="held-share" /></label>
            if held.is_some() {
                <label class="control-row"><span>{ "Waiting" }</span>
                    <select onchange={on_state} data-testid="held-state" aria-label="Whom tickets held on arrival wait on">
                        { for STATES.iter().map(|s| html! {
                            <option value={s.as_str()} selected={*s == state}>{ s.label() }</option>
                        }) }
                    </select></label>
                <label class="control-row"><span>{ "For (hours, mean)" }</span>
                    <NumberInput value={(hours * 10.0).round() / 10.0} on_change={on_hours} min={0.1} step={1.0}
                        label="Mean hours a ticket held on arrival waits" testid="held-hours" /></label>
            }
            <p class="hint">{ "The customer asked to be contacted later, or a vendor's input comes first: the ticket joins its team's queue when the wait ends. An SLA that pauses in that state does not count it, first response included." }</p>
        </div>
    }
}
