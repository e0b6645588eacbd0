//! Every simulated ticket in a table that stays fast with tens of thousands of rows (only visible rows are
//! drawn), filtered by team, escalation kind and breach; a row opens the ticket's journey.

use std::rc::Rc;

use web_sys::{Element, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::journey::EscalationKind;
use crate::sim::report::{SimulationReport, TicketRow};
use crate::web::format;
use crate::web::shown_zone::use_shown_zone;

const ROW_HEIGHT: f64 = 30.0;
const VIEW_HEIGHT: f64 = 420.0;
const OVERSCAN: usize = 8;

#[derive(Properties, PartialEq)]
pub struct TicketTableProps {
    pub report: Rc<SimulationReport>,
    pub on_open: Callback<usize>,
    pub selected: Option<usize>,
    /// Where the tickets come from, after the count ("first replication" by default).
    #[prop_or_else(|| AttrValue::from("first replication"))]
    pub source: AttrValue,
}

#[derive(Clone, PartialEq, Default)]
struct Filters {
    team: String,
    kind: String,
    breach: String,
}

impl Filters {
    fn keep(&self, row: &TicketRow) -> bool {
        let team =
            self.team.is_empty() || row.first_team == self.team || row.last_team == self.team;
        let kind = match self.kind.as_str() {
            "" => true,
            "none" => row.kinds.is_empty(),
            "functional" => row.kinds.contains(&EscalationKind::Functional),
            "hierarchical" => row.kinds.contains(&EscalationKind::Hierarchical),
            "automatic" => row.kinds.contains(&EscalationKind::Automatic),
            _ => true,
        };
        let breach = match self.breach.as_str() {
            "breached" => row.breached,
            "met" => !row.breached,
            _ => true,
        };
        team && kind && breach
    }
}

#[component]
pub fn TicketTable(props: &TicketTableProps) -> Html {
    let zone = use_shown_zone();
    let filters = use_state(Filters::default);
    let scroll_top = use_state(|| 0.0_f64);
    let visible: Rc<Vec<usize>> = {
        let report = props.report.clone();
        let filters = (*filters).clone();
        use_memo((report, filters), |(report, filters)| {
            report
                .tickets
                .iter()
                .filter(|row| filters.keep(row))
                .map(|row| row.index)
                .collect::<Vec<_>>()
        })
    };
    let first = ((*scroll_top / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
    let count = (VIEW_HEIGHT / ROW_HEIGHT) as usize + 2 * OVERSCAN;
    let last = (first + count).min(visible.len());
    let onscroll = {
        let scroll_top = scroll_top.clone();
        Callback::from(move |event: Event| {
            let element: Element = event.target_unchecked_into();
            scroll_top.set(f64::from(element.scroll_top()));
        })
    };
    let filter = |apply: fn(&mut Filters, String)| {
        let filters = filters.clone();
        let scroll_top = scroll_top.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let mut next = (*filters).clone();
            apply(&mut next, select.value());
            filters.set(next);
            scroll_top.set(0.0);
        })
    };
    let team_name = |id: &str| {
        props
            .report
            .teams
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let rows = visible[first..last].iter().filter_map(|index| props.report.tickets.get(*index)).map(|row| {
        let on_open = props.on_open.clone();
        let index = row.index;
        let selected = props.selected == Some(index);
        let kinds = if row.kinds.is_empty() { "—".to_owned() } else { row.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ") };
        html! {
            <tr key={row.index} class={classes!("ticket-row", selected.then_some("selected"), row.breached.then_some("breached"))}
                onclick={Callback::from(move |_: MouseEvent| on_open.emit(index))} tabindex="0"
                onkeydown={{ let on_open = props.on_open.clone(); Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" { on_open.emit(index) }) }}
                data-testid="ticket-row" data-first-team={row.first_team.clone()}>
                <td class="mono">{ row.id.clone() }</td>
                <td>{ format::instant(row.created, &zone) }</td>
                <td>{ row.category.clone() }</td>
                <td>{ row.priority.map(|p| p.as_str()).unwrap_or("—") }</td>
                <td title={format!("because: {}", row.first_reason)}>{ team_name(&row.first_team) }<span class="hint">{ format!(" ({})", row.first_reason) }</span></td>
                <td>{ team_name(&row.last_team) }</td>
                <td>{ kinds }</td>
                <td class="num">{ row.first_response_seconds.map(crate::format::seconds).unwrap_or_else(|| "—".to_owned()) }</td>
                <td class="num">{ row.resolution_seconds.map(crate::format::seconds).unwrap_or_else(|| "—".to_owned()) }</td>
                <td>{ if row.breached { html! { <span class="tag bad">{ "breached" }</span> } } else { html! {} } }</td>
            </tr>
        }
    });
    let mut team_options = vec![(String::new(), "any team".to_owned())];
    team_options.extend(
        props
            .report
            .teams
            .iter()
            .map(|t| (t.id.clone(), t.name.clone())),
    );
    html! {
        <section class="panel">
            <div class="panel-head"><h2>{ "Tickets" }</h2>
                <p data-testid="ticket-count">{ format!("{} of {} tickets ({})", visible.len(), props.report.tickets.len(), props.source) }</p>
            </div>
            <div class="filters" role="group" aria-label="Filter tickets">
                <label>{ "Team " }<select onchange={filter(|f, v| f.team = v)} data-testid="filter-team">
                    { for team_options.iter().map(|(id, name)| html! { <option value={id.clone()} selected={*id == filters.team}>{ name.clone() }</option> }) }
                </select></label>
                <label>{ "Escalation " }<select onchange={filter(|f, v| f.kind = v)} data-testid="filter-kind">
                    { for [("", "any"), ("none", "not escalated"), ("functional", "functional"), ("hierarchical", "hierarchical"), ("automatic", "automatic")].iter().map(|(v, l)| html! {
                        <option value={*v} selected={*v == filters.kind}>{ *l }</option>
                    }) }
                </select></label>
                <label>{ "SLA " }<select onchange={filter(|f, v| f.breach = v)} data-testid="filter-breach">
                    { for [("", "any"), ("breached", "breached"), ("met", "not breached")].iter().map(|(v, l)| html! {
                        <option value={*v} selected={*v == filters.breach}>{ *l }</option>
                    }) }
                </select></label>
            </div>
            <div class="ticket-scroll" style={format!("height: {VIEW_HEIGHT}px")} {onscroll} data-testid="ticket-scroll">
                <table class="ticket-table">
                    <thead><tr>
                        <th>{ "Ticket" }</th><th>{ "Created" }</th><th>{ "Category" }</th><th>{ "Priority" }</th>
                        <th>{ "Received by (why)" }</th><th>{ "Ended with" }</th><th>{ "Escalations" }</th>
                        <th class="num">{ "First response" }</th><th class="num">{ "Resolution" }</th><th></th>
                    </tr></thead>
                    <tbody>
                        <tr class="spacer" style={format!("height: {}px", first as f64 * ROW_HEIGHT)} />
                        { for rows }
                        <tr class="spacer" style={format!("height: {}px", (visible.len() - last) as f64 * ROW_HEIGHT)} />
                    </tbody>
                </table>
            </div>
        </section>
    }
}
