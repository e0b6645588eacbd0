//! The Try view's SLA clocks after the ticket's history: each target's planned due instant beside its due
//! instant once the waits are counted, the time held, and where the clock stands.

use yew::prelude::*;

use crate::engine::calendar::NamedZone;
use crate::engine::journey::SlaTarget;
use crate::engine::sla::{ClockState, ClocksAfterHistory, Pauses, WaitState};
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

/// Of the targets the ticket `has`: `This SLA policy holds first response and resolution while waiting on the
/// customer; resolution while on hold.`
fn held_while_waiting(pauses: Pauses, has: &[SlaTarget]) -> String {
    let held: Vec<String> = WaitState::ALL
        .into_iter()
        .filter_map(|state| {
            let targets: Vec<String> = SlaTarget::ALL
                .into_iter()
                .filter(|target| has.contains(target) && pauses.holds(state, *target))
                .map(|target| target.as_str().replace('_', " "))
                .collect();
            (!targets.is_empty()).then(|| {
                format!(
                    "{} while {}",
                    and_list(&targets),
                    state.label().to_lowercase()
                )
            })
        })
        .collect();
    if held.is_empty() {
        "This SLA policy does not pause while waiting: the waits move nothing.".to_owned()
    } else {
        format!("This SLA policy holds {}.", held.join("; "))
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[component]
pub fn HistoryClocks(props: &HistoryClocksProps) -> Html {
    let zone = use_shown_zone();
    let clocks = &props.clocks;
    let targets: Vec<SlaTarget> = clocks.targets.iter().map(|clock| clock.target).collect();
    let shown = |at: Option<crate::engine::time::Instant>| {
        at.map_or_else(|| "—".to_owned(), |at| format::instant(at, &zone))
    };
    html! {
        <section class="panel" data-testid="history-clocks">
            <div class="panel-head"><h2>{ "SLA clocks after this history" }</h2>
                <p data-testid="history-pauses">{ held_while_waiting(clocks.pauses, &targets) }
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
