//! SLA compliance by receiving team, channel, priority or category, for this run and, when one is pinned,
//! the baseline beside it (`view::sla_cohorts`).

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::format;
use crate::metrics::Metrics;
use crate::sim::report::SimulationReport;
use crate::view::sla_cohorts::{rows, Cohort, CohortRow};

#[derive(Properties, PartialEq)]
pub struct SlaTableProps {
    pub report: Rc<SimulationReport>,
    /// The baseline's metrics per replication (or the one observed run).
    pub baseline: Option<Vec<Metrics>>,
    /// What the baseline is called ("baseline", "observed").
    #[prop_or_else(|| AttrValue::from("baseline"))]
    pub baseline_name: AttrValue,
}

fn cohort_label(cohort: Cohort) -> &'static str {
    match cohort {
        Cohort::Team => "receiving team",
        Cohort::Channel => "channel",
        Cohort::Priority => "priority",
        Cohort::Category => "category",
    }
}

#[component]
pub fn SlaTable(props: &SlaTableProps) -> Html {
    let cohort = use_state(|| Cohort::Team);
    let onchange = {
        let cohort = cohort.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(chosen) = Cohort::ALL.into_iter().find(|c| c.key() == select.value()) {
                cohort.set(chosen);
            }
        })
    };
    let current = rows(&props.report.metrics, *cohort);
    let baseline = props
        .baseline
        .as_ref()
        .map(|metrics| rows(metrics, *cohort));
    let team_name = |key: &str| {
        props
            .report
            .teams
            .iter()
            .find(|team| team.id == key)
            .map_or_else(|| key.to_owned(), |team| team.name.clone())
    };
    let shown = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), format::percent);
    let against = |row: &CohortRow, pick: fn(&CohortRow) -> Option<f64>| {
        baseline
            .as_ref()
            .and_then(|rows| rows.iter().find(|other| other.key == row.key))
            .and_then(pick)
    };
    html! {
        <section class="panel" data-testid="sla-table">
            <div class="panel-head"><h2>{ "SLA compliance by cohort" }</h2>
                <label>{ "By " }<select {onchange} data-testid="sla-cohort" aria-label="Group tickets by">
                    { for Cohort::ALL.iter().map(|c| html! {
                        <option value={c.key()} selected={*c == *cohort}>{ cohort_label(*c) }</option>
                    }) }
                </select></label>
            </div>
            <div class="table-wrap">
                <table class="editor-table">
                    <thead><tr>
                        <th>{ crate::web::format::capitalise(cohort_label(*cohort)) }</th>
                        <th class="num">{ "Tickets" }</th>
                        <th class="num">{ "First response" }</th>
                        if baseline.is_some() { <th class="num">{ format!("({})", props.baseline_name) }</th> }
                        <th class="num">{ "Resolution" }</th>
                        if baseline.is_some() { <th class="num">{ format!("({})", props.baseline_name) }</th> }
                    </tr></thead>
                    <tbody>{ for current.iter().map(|row| html! {
                        <tr data-key={row.key.clone()}>
                            <td>{ if *cohort == Cohort::Team { team_name(&row.key) } else { row.key.clone() } }</td>
                            <td class="num">{ format::count(row.tickets) }</td>
                            <td class="num">{ shown(row.first_response) }</td>
                            if baseline.is_some() { <td class="num muted">{ shown(against(row, |r| r.first_response)) }</td> }
                            <td class="num">{ shown(row.resolution) }</td>
                            if baseline.is_some() { <td class="num muted">{ shown(against(row, |r| r.resolution)) }</td> }
                        </tr>
                    }) }</tbody>
                </table>
            </div>
            <p class="hint">{ "Compliance = targets met ÷ targets met or breached, mean over replications; tickets per replication. Each grouping adds up to the cards' totals." }</p>
        </section>
    }
}
