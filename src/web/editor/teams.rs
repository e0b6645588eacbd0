//! Teams and tiers as a table: tier, agents, skills, calendar, parent for hierarchical escalation, hourly cost.

use yew::prelude::*;

use crate::engine::policy::Team;
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{NumberInput, Select, TextInput};
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::Workspace;

/// An edit of team `index`, as one undo step per field being typed into.
fn team_edit(
    dispatch: &Callback<Action>,
    index: usize,
    field: &'static str,
    apply: impl Fn(&mut Team) + 'static,
) {
    dispatch.emit(Action::edit(
        format!("teams/{index}/{field}"),
        move |workspace: &mut Workspace| {
            if let Some(team) = workspace.policy.teams.get_mut(index) {
                apply(team);
            }
        },
    ));
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
        let on_name = { let d = dispatch.clone(); Callback::from(move |v: String| team_edit(&d, index, "name", move |t| t.name = v.clone())) };
        let on_tier = { let d = dispatch.clone(); Callback::from(move |v: String| team_edit(&d, index, "tier", move |t| t.tier = v.clone())) };
        let on_agents = { let d = dispatch.clone(); Callback::from(move |v: f64| team_edit(&d, index, "agents", move |t| t.agents = v.round() as u32)) };
        let on_handles = {
            let d = dispatch.clone();
            Callback::from(move |v: String| {
                team_edit(&d, index, "handles", move |t| {
                    t.handles = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
                })
            })
        };
        let on_calendar = { let d = dispatch.clone(); Callback::from(move |v: String| team_edit(&d, index, "calendar", move |t| t.calendar = (!v.is_empty()).then(|| v.clone()))) };
        let on_parent = { let d = dispatch.clone(); Callback::from(move |v: String| team_edit(&d, index, "parent", move |t| t.parent = (!v.is_empty()).then(|| v.clone()))) };
        let on_cost = { let d = dispatch.clone(); Callback::from(move |v: f64| team_edit(&d, index, "cost", move |t| t.hourly_cost = Some(v))) };
        let on_remove = {
            let d = dispatch.clone();
            Callback::from(move |_: MouseEvent| d.emit(Action::edit(format!("teams/{index}/remove"), move |w: &mut Workspace| {
                if index < w.policy.teams.len() {
                    w.policy.teams.remove(index);
                }
            })))
        };
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
    let on_add = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::edit("teams/add", |w: &mut Workspace| {
                let id = unique_id(
                    &w.policy
                        .teams
                        .iter()
                        .map(|t| t.id.clone())
                        .collect::<Vec<_>>(),
                    "new_team",
                );
                let tier = w
                    .policy
                    .tiers
                    .first()
                    .map(|t| t.id.clone())
                    .unwrap_or_default();
                w.policy.teams.push(Team {
                    id: id.clone(),
                    name: "New team".to_owned(),
                    tier,
                    handles: Vec::new(),
                    agents: 1,
                    calendar: None,
                    parent: None,
                    hourly_cost: None,
                });
            }))
        })
    };
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

/// `base`, or `base_2`, `base_3`… whichever is not taken.
pub fn unique_id(taken: &[String], base: &str) -> String {
    if !taken.iter().any(|id| id == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| base.to_owned())
}
