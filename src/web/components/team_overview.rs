//! The policy's organisation at a glance: tiers, teams, agents and what each team handles.

use yew::prelude::*;

use crate::web::policy_handle::PolicyHandle;

#[derive(Properties, PartialEq)]
pub struct TeamOverviewProps {
    pub policy: PolicyHandle,
    /// The team currently receiving the tried ticket, highlighted.
    pub highlight: Option<String>,
}

#[component]
pub fn TeamOverview(props: &TeamOverviewProps) -> Html {
    let document = props.policy.document();
    let tier_name = |id: &str| {
        document
            .tiers
            .iter()
            .find(|tier| tier.id == id)
            .map(|tier| format!("L{}", tier.level))
            .unwrap_or_else(|| id.to_owned())
    };
    html! {
        <section class="panel">
            <div class="panel-head"><h2>{ "Teams" }</h2><p>{ format!("{} teams in {} tiers", document.teams.len(), document.tiers.len()) }</p></div>
            <table class="team-list" data-testid="team-list">
                <thead><tr><th>{ "Team" }</th><th class="num">{ "Agents" }</th><th>{ "Handles" }</th></tr></thead>
                <tbody>
                    { for document.teams.iter().map(|team| {
                        let active = props.highlight.as_deref() == Some(team.id.as_str());
                        html! {
                            <tr class={classes!(active.then_some("active"))} data-team={team.id.clone()}>
                                <td><span class="tier-tag">{ tier_name(&team.tier) }</span>{ " " }{ team.name.clone() }</td>
                                <td class="num">{ team.agents }</td>
                                <td class="hint">{ team.handles.join(", ") }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
