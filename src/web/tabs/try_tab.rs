//! The Try-a-ticket view: the ticket form beside the decision, the SLA timeline and the rule trace.

use yew::prelude::*;

use crate::engine::route::route;
use crate::engine::time::Instant;
use crate::sim::policy_model::unresolved_chain;
use crate::web::components::decision_view::DecisionView;
use crate::web::components::history_clocks::HistoryClocks;
use crate::web::components::sla_timeline::SlaTimeline;
use crate::web::components::team_overview::TeamOverview;
use crate::web::components::ticket_form::TicketForm;
use crate::web::components::trace_table::TraceTable;
use crate::web::policy_handle::PolicyHandle;
use crate::workspace::draft::TicketDraft;

/// The customer segments offered in the form.
const SEGMENTS: [&str; 3] = ["standard", "premium", "enterprise"];

#[derive(Properties, PartialEq)]
pub struct TryTabProps {
    pub policy: PolicyHandle,
    pub draft: TicketDraft,
    pub on_draft: Callback<TicketDraft>,
}

#[component]
pub fn TryTab(props: &TryTabProps) -> Html {
    let policy = &props.policy;
    let document = policy.document();
    let categories = document
        .categories
        .iter()
        .map(|category| (category.id.clone(), category.name.clone()))
        .collect::<Vec<_>>();
    let segments = SEGMENTS.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let outcome = props
        .draft
        .to_ticket()
        .map(|(ticket, at)| (route(policy.compiled(), &ticket, at), at));
    let highlight = outcome
        .as_ref()
        .ok()
        .map(|(decision, _)| decision.team.to_string());
    let chain = |ticket_created: Instant| -> Vec<(String, String, String)> {
        let Ok((ticket, _)) = props.draft.to_ticket() else {
            return Vec::new();
        };
        let Some(model) = policy.model() else {
            return Vec::new();
        };
        unresolved_chain(model, &ticket, ticket_created)
            .into_iter()
            .map(|step| {
                let name = document
                    .teams
                    .iter()
                    .find(|team| team.id == step.team)
                    .map_or(step.team.clone(), |team| team.name.clone());
                (name, step.kind.as_str().to_owned(), step.reason)
            })
            .collect()
    };
    let results = match outcome {
        Ok((decision, created)) => {
            let history = props
                .draft
                .history_clocks(policy.compiled(), &decision, created);
            let waiting = history
                .as_ref()
                .ok()
                .and_then(Option::as_ref)
                .map(|clocks| clocks.waiting.clone())
                .unwrap_or_default();
            html! {
            <>
                <DecisionView decision={decision.clone()} {created} chain={chain(created)} />
                { match history {
                    Err(problem) => html! {
                        <div class="panel"><div class="error-box" role="alert" data-testid="history-error">{ problem.to_string() }</div></div>
                    },
                    Ok(Some(clocks)) => html! { <HistoryClocks {clocks} /> },
                    Ok(None) => Html::default(),
                } }
                <SlaTimeline decision={decision.clone()} {created} policy={policy.clone()} {waiting} />
                <TraceTable trace={decision.trace.clone()} />
            </>
            }
        }
        Err(problem) => html! {
            <div class="panel"><div class="error-box" role="alert" data-testid="draft-error">{ problem.to_string() }</div></div>
        },
    };
    html! {
        <main class="page">
            <div class="column">
                <section class="panel">
                    <div class="panel-head"><h2>{ "Try a ticket" }</h2><p>{ "Who receives it, and why?" }</p></div>
                    <div class="panel-body">
                        <TicketForm draft={props.draft.clone()} {categories} {segments} on_change={props.on_draft.clone()}
                            has_matrix={document.priority_matrix.is_some()} />
                    </div>
                </section>
                <TeamOverview policy={policy.clone()} {highlight} />
            </div>
            <div class="column">{ results }</div>
        </main>
    }
}
