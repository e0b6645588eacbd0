//! The SLA policy's pauses as a grid: for each waiting state (on the customer, on hold, on a third party),
//! which targets' clocks it holds.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::sla::{sla_field, target_label};
use crate::engine::journey::SlaTarget;
use crate::engine::sla::{Pauses, WaitState};
use crate::web::state::Action;
use crate::workspace::edit::SlaField;

#[derive(Properties, PartialEq)]
pub struct PausesTableProps {
    pub index: usize,
    pub pauses: Pauses,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn PausesTable(props: &PausesTableProps) -> Html {
    let index = props.index;
    let cell = |state: WaitState, target: SlaTarget| -> Html {
        let on_change = sla_field(&props.dispatch, index, move |holds: bool| SlaField::Pause {
            state,
            target,
            holds,
        });
        let onchange = Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(input.checked());
        });
        html! {
            <td class="sla-pause-cell">
                <input type="checkbox" checked={props.pauses.holds(state, target)} {onchange}
                    aria-label={format!("{} holds {}", state.label(), target_label(target).to_lowercase())}
                    data-testid={format!("sla-pause-{index}-{}-{}", state.as_str(), target.as_str())} />
            </td>
        }
    };
    html! {
        <table class="sla-targets sla-pauses" data-testid={format!("sla-pauses-{index}")}>
            <caption>{ "Clocks held while the ticket waits" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "State" }</th>
                    { for SlaTarget::ALL.into_iter().map(|target| html! { <th scope="col">{ target_label(target) }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for WaitState::ALL.into_iter().map(|state| html! {
                    <tr>
                        <th scope="row" class="sla-wait-state">{ state.label() }</th>
                        { for SlaTarget::ALL.into_iter().map(|target| cell(state, target)) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
