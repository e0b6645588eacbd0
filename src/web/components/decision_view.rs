//! Shows where a ticket goes: the receiving team and tier, the kind of escalation, the deciding rule, the
//! chain it climbs if unresolved, and the sign-off its amount needs.

use yew::prelude::*;

use crate::engine::decision::{Decision, PrioritySource};
use crate::engine::time::Instant;
use crate::web::format;

#[derive(Properties, PartialEq)]
pub struct DecisionViewProps {
    pub decision: Decision,
    pub created: Instant,
    /// Where the ticket would go if each team could not resolve it: (team name, kind, reason).
    #[prop_or_default]
    pub chain: Vec<(String, String, String)>,
}

#[component]
pub fn DecisionView(props: &DecisionViewProps) -> Html {
    let decision = &props.decision;
    let kind = decision.kind.as_str();
    let kind_label = match kind {
        "none" => "No escalation".to_owned(),
        other => format!("{} escalation", format::capitalise(other)),
    };
    let priority_note = match decision.priority_source {
        PrioritySource::Given => "given",
        PrioritySource::Matrix => "from impact × urgency",
        PrioritySource::Default => "policy default",
    };
    let decided = &decision.decided_by;
    html! {
        <section class="panel decision" aria-live="polite" data-testid="decision">
            <div class="decision-hero">
                <div class="tier-badge" title={decision.tier_name.clone()}>{ format!("L{}", decision.tier_level) }</div>
                <div class="receiver">
                    <span class="hint">{ "Received by" }</span>
                    <span class="team" data-testid="receiving-team" data-team={decision.team.clone()}>
                        { decision.team_name.clone() }
                    </span>
                    <span class="tier" data-testid="receiving-tier">{ decision.tier_name.clone() }</span>
                    <div class="chips">
                        <span class={classes!("chip", format!("kind-{kind}"))} data-testid="escalation-kind" data-kind={kind}>
                            { kind_label }
                        </span>
                        <span class="chip">{ format!("Priority {} ({priority_note})", decision.priority) }</span>
                    </div>
                </div>
            </div>
            <p class="because" data-testid="decided-by" data-rule={decided.id.clone()}>
                { "Decided by " }{ decided.stage.as_str() }{ " " }<strong>{ decided.id.clone() }</strong>
                if !decided.description.is_empty() { { " — " }{ decided.description.clone() } }
                if decided.condition != "true" { { ": " }<code>{ decided.condition.clone() }</code> }
                if !decided.reason.is_empty() { <br/><span class="hint">{ decided.reason.clone() }</span> }
            </p>
            <div class="chain" data-testid="unresolved-chain">
                <span class="hint">{ "If no team resolves it: " }</span>
                <strong>{ decision.team_name.clone() }</strong>
                { for props.chain.iter().map(|(team, kind, reason)| html! {
                    <span class="chain-step" title={reason.clone()} data-kind={kind.clone()}>
                        { format!(" → {team} ({kind})") }
                    </span>
                }) }
                if props.chain.is_empty() { <span class="hint">{ ", which has no team to pass it to." }</span> }
            </div>
            if let Some(approval) = &decision.approval {
                <p class="approval" data-testid="approval-needed" data-approver={approval.approver.clone()}>
                    <span class="chip kind-hierarchical">{ "Needs approval" }</span>{ " " }
                    { format!("An amount of {} is above {} ({}", crate::format::amount(approval.amount),
                        crate::format::amount(approval.above), approval.authorisation) }
                    if !approval.description.is_empty() { { format!(": {}", approval.description) } }
                    { "): " }<strong>{ approval.approver_name.clone() }</strong>
                    { format!(" approve it before {} may finish it, then it goes back to {}.",
                        decision.team_name, decision.team_name) }
                </p>
            }
        </section>
    }
}
