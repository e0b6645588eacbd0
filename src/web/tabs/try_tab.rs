//! The Try-a-ticket view: the ticket form beside the decision, the SLA timeline and the rule trace.

use yew::prelude::*;

use crate::engine::route::route;
use crate::engine::sla::clocks_after_history;
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
    let history = props.draft.clock_events();
    let results = match outcome {
        Ok((decision, created)) => html! {
            <>
                <DecisionView decision={decision.clone()} {created} chain={chain(created)} />
                { match (&history, &decision.sla) {
                    (Err(problem), _) => html! {
                        <div class="panel"><div class="error-box" role="alert" data-testid="history-error">{ problem.to_string() }</div></div>
                    },
                    (Ok(events), Some(plan)) if !events.is_empty() => html! {
                        <HistoryClocks clocks={clocks_after_history(policy.compiled(), plan, created, events)} />
                    },
                    _ => Html::default(),
                } }
                <SlaTimeline decision={decision.clone()} {created} policy={policy.clone()}
                    waiting={history.as_ref().ok().zip(decision.sla.as_ref())
                        .map(|(events, plan)| clocks_after_history(policy.compiled(), plan, created, events).waiting)
                        .unwrap_or_default()} />
                <TraceTable trace={decision.trace.clone()} />
            </>
        },
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
