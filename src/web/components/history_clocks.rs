//! The Try view's SLA clocks after the ticket's history: each target's planned due instant beside its due
//! instant once the waits are counted, the time held, and where the clock stands.

use yew::prelude::*;

use crate::engine::calendar::NamedZone;
use crate::engine::sla::{ClockState, ClocksAfterHistory};
use crate::web::format;
use crate::web::shown_zone::use_shown_zone;

#[derive(Properties, PartialEq)]
pub struct HistoryClocksProps {
    pub clocks: ClocksAfterHistory,
}

fn state(state: &ClockState, zone: &NamedZone) -> String {
    match state {
        ClockState::NotStarted => "not started".to_owned(),
        ClockState::Running => "running".to_owned(),
        ClockState::Paused { since } => format!("paused since {}", format::instant(*since, zone)),
        ClockState::Met { at } => format!("met at {}", format::instant(*at, zone)),
        ClockState::Breached { at } => format!("breached at {}", format::instant(*at, zone)),
        ClockState::Stopped { at } => format!("stopped at {}", format::instant(*at, zone)),
    }
}

#[component]
pub fn HistoryClocks(props: &HistoryClocksProps) -> Html {
    let zone = use_shown_zone();
    let clocks = &props.clocks;
    let shown = |at: Option<crate::engine::time::Instant>| {
        at.map_or_else(|| "—".to_owned(), |at| format::instant(at, &zone))
    };
    html! {
        <section class="panel" data-testid="history-clocks">
            <div class="panel-head"><h2>{ "SLA clocks after this history" }</h2>
                <p>{ if clocks.pauses_count {
                    "This SLA policy pauses its clocks while the ticket waits on the customer."
                } else {
                    "This SLA policy does not pause while waiting: the waits move nothing."
                } }
                if let Some(policy) = &clocks.replaced_by {
                    { format!(" After the priority change the SLA policy {policy} applies; each target keeps the time it had counted and held.") }
                }</p>
            </div>
            <div class="table-wrap">
                <table class="editor-table">
                    <thead><tr><th>{ "Target" }</th><th>{ "Planned due" }</th><th>{ "Due after the history" }</th><th class="num">{ "Held" }</th><th>{ "Now" }</th></tr></thead>
                    <tbody>{ for clocks.targets.iter().map(|clock| html! {
                        <tr data-target={clock.target.as_str()}>
                            <td>{ crate::web::format::capitalise(&clock.target.as_str().replace('_', " ")) }</td>
                            <td>{ shown(clock.planned_due) }</td>
                            <td data-testid={format!("due-after-history-{}", clock.target.as_str())}>{ shown(clock.due) }</td>
                            <td class="num">{ crate::format::seconds(clock.paused_seconds) }</td>
                            <td>{ state(&clock.state, &zone) }</td>
                        </tr>
                    }) }</tbody>
                </table>
            </div>
        </section>
    }
}
