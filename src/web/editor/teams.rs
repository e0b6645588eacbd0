//! Teams and tiers as a table: tier, agents, skills, calendar, parent for hierarchical escalation, hourly cost.

use yew::prelude::*;

use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{NumberInput, Select, TextInput};
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, TeamField};

/// A callback that sets one field of team `index` from what its input gives.
fn team_field<T: 'static>(
    dispatch: &Callback<Action>,
    index: usize,
    field: impl Fn(T) -> TeamField + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |value: T| {
        dispatch.emit(Action::Edit(Edit::SetTeam {
            team: index,
            field: field(value),
        }))
    })
}

/// `None` for the empty option of a select.
fn chosen(value: String) -> Option<String> {
    Some(value).filter(|value| !value.is_empty())
}

#[component]
pub fn TeamsSection(props: &SectionProps) -> Html {
    let policy = &props.workspace.policy;
    let dispatch = &props.dispatch;
    let tiers: Vec<(String, String)> = policy
        .tiers
        .iter()
        .map(|tier| (tier.id.clone(), format!("L{} {}", tier.level, tier.name)))
        .collect();
    let mut calendars: Vec<(String, String)> = vec![(String::new(), "Around the clock".to_owned())];
    calendars.extend(policy.calendars.iter().map(|c| {
        (
            c.id.clone(),
            if c.name.is_empty() {
                c.id.clone()
            } else {
                c.name.clone()
            },
        )
    }));
    let mut parents: Vec<(String, String)> = vec![(String::new(), "—".to_owned())];
    parents.extend(policy.teams.iter().map(|t| (t.id.clone(), t.name.clone())));

    let rows = policy.teams.iter().enumerate().map(|(index, team)| {
        let path = format!("teams[{index}]");
        let on_name = team_field(dispatch, index, TeamField::Name);
        let on_tier = team_field(dispatch, index, TeamField::Tier);
        let on_agents = team_field(dispatch, index, |v: f64| TeamField::Agents(v.round().clamp(0.0, u32::MAX as f64) as u32));
        let on_handles = team_field(dispatch, index, |v: String| {
            TeamField::Handles(v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
        });
        let on_calendar = team_field(dispatch, index, |v: String| TeamField::Calendar(chosen(v)));
        let on_parent = team_field(dispatch, index, |v: String| TeamField::Parent(chosen(v)));
        let on_cost = team_field(dispatch, index, |v: f64| TeamField::HourlyCost(Some(v)));
        let on_remove = dispatch.reform(move |_: MouseEvent| Action::Edit(Edit::RemoveTeam(index)));
        html! {
            <>
            <tr key={team.id.clone()} data-team={team.id.clone()}>
                <td><TextInput value={team.name.clone()} on_change={on_name} label={format!("Name of team {}", team.id)} />
                    <div class="hint mono">{ team.id.clone() }</div></td>
                <td><Select options={tiers.clone()} value={team.tier.clone()} on_change={on_tier} label={format!("Tier of {}", team.name)} /></td>
                <td class="num"><NumberInput value={team.agents as f64} on_change={on_agents} label={format!("Agents in {}", team.name)} testid={format!("agents-{}", team.id)} /></td>
                <td><TextInput value={team.handles.join(", ")} on_change={on_handles} label={format!("Categories {} handles", team.name)} placeholder="billing, refund" /></td>
                <td><Select options={calendars.clone()} value={team.calendar.clone().unwrap_or_default()} on_change={on_calendar} label={format!("Calendar of {}", team.name)} /></td>
                <td><Select options={parents.clone()} value={team.parent.clone().unwrap_or_default()} on_change={on_parent} label={format!("Escalates up to (parent of {})", team.name)} /></td>
                <td class="num"><NumberInput value={team.hourly_cost.unwrap_or(0.0)} on_change={on_cost} label={format!("Hourly cost of {}", team.name)} step={0.5} /></td>
                <td><button class="icon-button" onclick={on_remove} aria-label={format!("Remove team {}", team.name)} title="Remove team">{ "×" }</button></td>
            </tr>
            if diagnostics::under(&props.diagnostics, &path).next().is_some() {
                <tr class="finding-row"><td colspan="8">{ diagnostics::inline(&props.diagnostics, &path) }</td></tr>
            }
            </>
        }
    });
    let on_add = dispatch.reform(|_: MouseEvent| Action::Edit(Edit::AddTeam));
    html! {
        <section class="panel" id="section-teams">
            <div class="panel-head"><h2>{ "Teams and tiers" }</h2><p>{ "Who works where, on which hours, with which skills." }</p></div>
            <div class="table-wrap">
                <table class="editor-table" data-testid="teams-table">
                    <thead><tr>
                        <th>{ "Team" }</th><th>{ "Tier" }</th><th class="num">{ "Agents" }</th><th>{ "Handles categories" }</th>
                        <th>{ "Calendar" }</th><th>{ "Escalates up to" }</th><th class="num">{ "Cost / h" }</th><th></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="panel-foot"><button onclick={on_add}>{ "+ Add team" }</button></div>
        </section>
    }
}
