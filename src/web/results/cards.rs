//! Headline metric cards: the run's value (mean over replications) and, with a pinned baseline, the change and
//! whether it stands out of the replication noise.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::format;
use crate::metrics::{
    compare, compare_with_observed, headline_values, Better, ChangeStatus, MetricChange, Metrics,
    Unit,
};

/// The cards shown, in order, with the definition each tooltip gives (docs/metrics.md).
const CARDS: [(&str, &str); 18] = [
    ("escalation_rate", "Escalated tickets ÷ all tickets created in the period (a ticket counts once however often it moved)."),
    ("escalation_rate.functional", "Tickets moved at least once sideways to a team with the right skills (a routing rule, a matrix row, a reassignment between teams of one level) ÷ all tickets."),
    ("escalation_rate.automatic", "Tickets moved at least once by an SLA breach or a matrix time threshold ÷ all tickets."),
    ("escalation_rate.hierarchical", "Tickets moved up to more authority (signals, authorisations, parent team) ÷ all tickets."),
    ("fcr", "First contact resolution: resolved tickets with no escalation, no waiting on the customer, no reopening, resolved by the team that first received them ÷ all resolved tickets."),
    ("first_response.median", "Median time from creation to the first human answer (calendar time; nearest-rank median)."),
    ("first_response.p90", "Time by which 90% of tickets had their first human answer (calendar time; nearest rank)."),
    ("first_response.business.median", "Median first-response time counted in business hours, each ticket on its own SLA policy's calendar."),
    ("resolution.median", "Median time from creation to resolution (calendar time)."),
    ("resolution.p90", "Time by which 90% of resolved tickets were resolved (calendar time; nearest rank)."),
    ("resolution.business.median", "Median resolution time counted in business hours, each ticket on its own SLA policy's calendar."),
    ("sla.first_response.compliance", "Tickets that met their first-response target ÷ tickets whose target was met or breached."),
    ("sla.next_update.compliance", "Tickets whose customer got each update in time (the clock restarts at every answer) ÷ tickets whose next-update target was met or breached."),
    ("sla.resolution.compliance", "Tickets that met their resolution target ÷ tickets whose target was met or breached."),
    ("sla.first_assign.compliance", "Tickets an agent picked up within their first-assign target ÷ tickets whose target was met or breached (shown when the policy sets the target)."),
    ("abandonment_rate", "Tickets whose customer gave up waiting for a first response ÷ all tickets created in the period."),
    ("backlog.mean", "Open tickets (created, not yet resolved or abandoned), sampled hourly, averaged over the period."),
    ("cost_per_ticket", "Busy agent hours × each team's hourly cost ÷ tickets created (only teams with a cost count)."),
];

/// The card shown only when the run measured it: most policies set no first-assign target.
const OPTIONAL_CARD: &str = "sla.first_assign.compliance";

#[derive(Properties, PartialEq)]
pub struct MetricCardsProps {
    pub metrics: Vec<Metrics>,
    /// What to compare with, and its name ("baseline", "previous run").
    pub reference: Option<(Vec<Metrics>, String)>,
    /// Only these metric ids (all cards when empty).
    #[prop_or_default]
    pub only: Vec<&'static str>,
    /// The reference is one observation (an imported log), not replications: intervals come from the
    /// runs alone.
    #[prop_or_default]
    pub observed_reference: bool,
}

#[component]
pub fn MetricCards(props: &MetricCardsProps) -> Html {
    let current = mean_headlines(&props.metrics);
    let changes: BTreeMap<String, MetricChange> = props
        .reference
        .as_ref()
        .map(|(reference, _)| {
            let comparison = match (props.observed_reference, reference.first()) {
                (true, Some(observed)) => compare_with_observed(observed, &props.metrics),
                _ => compare(reference, &props.metrics),
            };
            comparison
                .changes
                .into_iter()
                .map(|c| (c.id.clone(), c))
                .collect()
        })
        .unwrap_or_default();
    let against = props
        .reference
        .as_ref()
        .map(|(_, label)| label.as_str())
        .unwrap_or("baseline");
    html! {
        <div class="cards" data-testid="metric-cards">
            { for CARDS.iter().filter(|(id, _)| props.only.is_empty() || props.only.contains(id)).filter_map(|(id, definition)| {
                let (label, unit, better, value) = current.get(*id)?.clone();
                if *id == OPTIONAL_CARD && value.is_none() {
                    return None;
                }
                let change = changes.get(*id);
                Some(html! {
                    <div class="card" data-metric={*id} data-value={value.map(|v| v.to_string()).unwrap_or_default()} title={*definition}>
                        <div class="card-label">{ label }<span class="info" aria-label={format!("Definition: {definition}")}>{ "?" }</span></div>
                        <div class="card-value">{ value.map(|v| show(unit, v)).unwrap_or_else(|| "—".to_owned()) }</div>
                        { delta(change, unit, better, against) }
                        { never_due_note(&props.metrics, id) }
                    </div>
                })
            }) }
        </div>
    }
}

fn delta(change: Option<&MetricChange>, unit: Unit, better: Better, against: &str) -> Html {
    let Some(change) = change else {
        return html! { <div class="card-delta muted">{ "\u{a0}" }</div> };
    };
    let Some(difference) = change.change else {
        return html! { <div class="card-delta muted">{ format!("no {against} value") }</div> };
    };
    let tone = match (change.status, better) {
        (ChangeStatus::WithinNoise, _) | (_, Better::Neither) => "neutral",
        (_, Better::Higher) if difference > 0.0 => "good",
        (_, Better::Lower) if difference < 0.0 => "good",
        _ if difference == 0.0 => "neutral",
        _ => "bad",
    };
    let sign = if difference > 0.0 { "+" } else { "" };
    let interval = change.interval.map(|ci| {
        format!(
            "95% CI {} to {}",
            show_delta(unit, ci.low),
            show_delta(unit, ci.high)
        )
    });
    html! {
        <div class={classes!("card-delta", tone)} data-testid="delta" data-status={change.status.describe()}
            title={interval.clone().unwrap_or_default()}>
            { format!("{sign}{} vs {against}", show_delta(unit, difference)) }
            <span class="delta-status">{ match change.status {
                ChangeStatus::Changed => "significant".to_owned(),
                other => other.describe().to_owned(),
            } }</span>
        </div>
    }
}

/// Under an SLA compliance card: how many tickets per run had a target their calendar never counts, which
/// the compliance figure leaves out (lint names the calendar).
fn never_due_note(metrics: &[Metrics], id: &str) -> Html {
    let Some(target) = id
        .strip_prefix("sla.")
        .and_then(|rest| rest.strip_suffix(".compliance"))
    else {
        return Html::default();
    };
    let never_due: u64 = metrics
        .iter()
        .flat_map(|run| &run.sla)
        .filter(|sla| sla.target.as_str() == target)
        .map(|sla| sla.never_due)
        .sum();
    if never_due == 0 || metrics.is_empty() {
        return Html::default();
    }
    let per_run = never_due as f64 / metrics.len() as f64;
    html! {
        <div class="card-warning" role="note" data-testid={format!("never-due-{target}")}>
            { format!("{} tickets never due: their calendar does not count this target; left out", format::count(per_run)) }
        </div>
    }
}

type Headline = (String, Unit, Better, Option<f64>);

/// Each headline metric's mean over the replications that have a value.
fn mean_headlines(metrics: &[Metrics]) -> BTreeMap<String, Headline> {
    let mut sums: BTreeMap<String, (Headline, f64, usize)> = BTreeMap::new();
    for run in metrics {
        for value in headline_values(run) {
            let entry = sums.entry(value.id.clone()).or_insert((
                (value.label.clone(), value.unit, value.better, None),
                0.0,
                0,
            ));
            if let Some(v) = value.value {
                entry.1 += v;
                entry.2 += 1;
            }
        }
    }
    sums.into_iter()
        .map(|(id, ((label, unit, better, _), sum, count))| {
            (
                id,
                (label, unit, better, (count > 0).then(|| sum / count as f64)),
            )
        })
        .collect()
}

pub fn show(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Ratio => format::percent(value),
        Unit::Seconds => format::duration(value),
        Unit::Count => format::count(value),
        Unit::Currency => format!("{value:.2}"),
    }
}

fn show_delta(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Ratio => format!("{:.1} pp", value * 100.0),
        other => show(other, value),
    }
}
