//! The Simulate view's assignment inside each team: the strategy, the agents' names, the assignee-return
//! timer and where returned tickets go, and for skills first which categories each named agent takes.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::engine::duration::Duration;
use crate::engine::policy::Team;
use crate::sim::scenario::{AssignmentStrategy, TeamAssignment};
use crate::web::editor::inputs::{Checkbox, DurationInput, Select, TextInput};
use crate::web::state::Action;
use crate::workspace::edit::{split_agent_names, Edit, ScenarioField};

#[derive(Properties, PartialEq)]
pub struct AssignmentControlsProps {
    pub teams: Vec<Team>,
    pub assignment: BTreeMap<String, TeamAssignment>,
    /// Agents per team as the scenario staffs them.
    pub staffing: BTreeMap<String, u32>,
    /// The categories of the mix, which agents may be skilled in.
    pub categories: Vec<String>,
    pub dispatch: Callback<Action>,
}

const STRATEGIES: [(AssignmentStrategy, &str, &str); 4] = [
    (AssignmentStrategy::Pool, "pool", "Shared queue"),
    (AssignmentStrategy::RoundRobin, "round_robin", "Round robin"),
    (
        AssignmentStrategy::LeastLoaded,
        "least_loaded",
        "Least loaded",
    ),
    (
        AssignmentStrategy::SkillsFirst,
        "skills_first",
        "Skills first",
    ),
];

fn strategy_value(strategy: AssignmentStrategy) -> &'static str {
    STRATEGIES
        .iter()
        .find(|(known, ..)| *known == strategy)
        .map_or("pool", |(_, value, _)| value)
}

fn set(dispatch: &Callback<Action>, field: ScenarioField) {
    dispatch.emit(Action::Edit(Edit::SetScenario(field)));
}

#[component]
pub fn AssignmentControls(props: &AssignmentControlsProps) -> Html {
    let rows = props.teams.iter().map(|team| {
        let assignment = props.assignment.get(&team.id);
        let strategy = assignment.map_or(AssignmentStrategy::Pool, |rule| rule.strategy);
        let dispatch = props.dispatch.clone();
        let id = team.id.clone();
        let on_strategy = Callback::from(move |value: String| {
            if let Some((strategy, ..)) = STRATEGIES.iter().find(|(_, known, _)| *known == value) {
                set(&dispatch, ScenarioField::AssignmentStrategy { team: id.clone(), strategy: *strategy });
            }
        });
        let options = STRATEGIES
            .iter()
            .map(|(_, value, label)| ((*value).to_owned(), (*label).to_owned()))
            .collect::<Vec<_>>();
        let agents = props.staffing.get(&team.id).copied().unwrap_or(team.agents);
        html! {
            <div class="handling-team" key={team.id.clone()} data-testid={format!("assignment-{}", team.id)}>
                <label class="control-row"><span class="handling-name">{ team.name.clone() }</span>
                    <Select {options} value={strategy_value(strategy)} on_change={on_strategy}
                        label={format!("How {} hands tickets to its agents", team.name)} testid={format!("assignment-strategy-{}", team.id)} /></label>
                if let Some(rule) = assignment {
                    <AgentSettings team={team.clone()} rule={rule.clone()} {agents} teams={props.teams.clone()}
                        categories={props.categories.clone()} dispatch={props.dispatch.clone()} />
                }
            </div>
        }
    });
    html! {
        <section class="panel" data-testid="assignment-controls">
            <div class="panel-head"><h2>{ "Assignment" }</h2><p>{ "How each team hands tickets to its agents" }</p></div>
            <div class="panel-body">
                <p class="hint">{ "A shared queue lets a free agent take the most urgent ticket. The others hand each ticket to one agent, who can return it when the timer runs out." }</p>
                { for rows }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AgentSettingsProps {
    team: Team,
    rule: TeamAssignment,
    /// The team's agents, which limits how many can be named.
    agents: u32,
    teams: Vec<Team>,
    categories: Vec<String>,
    dispatch: Callback<Action>,
}

/// The names, timer, lead and skills of a team that hands tickets to individuals.
#[component]
fn AgentSettings(props: &AgentSettingsProps) -> Html {
    let (team, rule, d) = (&props.team, &props.rule, &props.dispatch);
    let dispatch = d.clone();
    let id = team.id.clone();
    let on_return_after = Callback::from(move |value: Option<Duration>| {
        let seconds = value.map(|duration| duration.seconds());
        set(
            &dispatch,
            ScenarioField::AssignmentReturnAfter {
                team: id.clone(),
                seconds,
            },
        );
    });
    let dispatch = d.clone();
    let id = team.id.clone();
    let on_return_to = Callback::from(move |to: String| {
        set(
            &dispatch,
            ScenarioField::AssignmentReturnTo {
                team: id.clone(),
                to: (!to.is_empty()).then_some(to),
            },
        );
    });
    let leads: Vec<(String, String)> =
        std::iter::once((String::new(), "another agent of the team".to_owned()))
            .chain(
                props
                    .teams
                    .iter()
                    .filter(|other| other.id != team.id)
                    .map(|other| (other.id.clone(), other.name.clone())),
            )
            .collect();
    let skills = (rule.strategy == AssignmentStrategy::SkillsFirst).then(|| {
        let named = rule.agents.iter().map(|agent| {
            let boxes = props.categories.iter().map(|category| {
                let dispatch = d.clone();
                let (id, agent_name, category_name) = (team.id.clone(), agent.clone(), category.clone());
                let on_change = Callback::from(move |skilled: bool| {
                    set(&dispatch, ScenarioField::AssignmentSkill {
                        team: id.clone(), agent: agent_name.clone(), category: category_name.clone(), skilled,
                    });
                });
                let checked = rule.skills.get(agent).is_some_and(|skills| skills.contains(category));
                html! {
                    <Checkbox key={category.clone()} {checked} {on_change} label={category.replace('_', " ")}
                        testid={format!("assignment-skill-{}-{agent}-{category}", team.id)} />
                }
            });
            html! {
                <fieldset class="assignment-skills" key={agent.clone()}>
                    <legend>{ format!("{agent} takes") }</legend>
                    { for boxes }
                </fieldset>
            }
        });
        html! {
            <>
                if rule.agents.is_empty() {
                    <p class="hint">{ "Name agents above to give them skills." }</p>
                }
                { for named }
                <p class="hint">{ "Each ticket goes to the least loaded agent skilled in its category; when nobody is, to the least loaded of all." }</p>
            </>
        }
    });
    html! {
        <>
            <label class="control-row"><span class="hint">{ format!("Agents' names (up to {})", props.agents) }</span>
                <NamesInput team={team.id.clone()} names={rule.agents.clone()} invalid={rule.agents.len() > props.agents as usize}
                    label={format!("Names of {}'s agents, separated by commas", team.name)} dispatch={d.clone()} /></label>
            <label class="control-row"><span class="hint">{ "Return unstarted tickets after" }</span>
                <DurationInput value={rule.return_after} on_change={on_return_after} optional=true placeholder="never"
                    label={format!("Open time after which {}'s agents return a ticket they have not started", team.name)}
                    testid={format!("assignment-return-after-{}", team.id)} /></label>
            if rule.return_after.is_some() {
                <label class="control-row"><span class="hint">{ "Returned tickets go to" }</span>
                    <Select options={leads} value={rule.return_to.clone().unwrap_or_default()} on_change={on_return_to}
                        label={format!("Where {}'s returned tickets go", team.name)} testid={format!("assignment-return-to-{}", team.id)} /></label>
            }
            { skills.unwrap_or_default() }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NamesInputProps {
    team: String,
    names: Vec<String>,
    invalid: bool,
    label: String,
    dispatch: Callback<Action>,
}

/// A comma-separated list of names that keeps what was typed (a trailing comma, spaces) while it still
/// means the scenario's names.
#[component]
fn NamesInput(props: &NamesInputProps) -> Html {
    let typed = use_state(|| None::<String>);
    let shown = match typed.as_deref() {
        Some(text) if split_agent_names(text) == props.names => text.to_owned(),
        _ => props.names.join(", "),
    };
    let dispatch = props.dispatch.clone();
    let team = props.team.clone();
    let on_change = {
        let typed = typed.clone();
        Callback::from(move |text: String| {
            set(
                &dispatch,
                ScenarioField::AssignmentAgents {
                    team: team.clone(),
                    names: text.clone(),
                },
            );
            typed.set(Some(text));
        })
    };
    html! {
        <TextInput value={shown} {on_change} label={props.label.clone()} placeholder="Ana, Ben…"
            invalid={props.invalid} testid={format!("assignment-agents-{}", props.team)} />
    }
}
