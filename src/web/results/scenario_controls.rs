//! The Simulate view's controls: workload (horizon, volume), ticket mix, staffing per team, replications and seed.

use yew::prelude::*;

use crate::engine::duration::Duration;
use crate::engine::policy::Policy;
use crate::engine::time::DAY;
use crate::sim::duration::Horizon;
use crate::sim::scenario::{Arrivals, Scenario};
use crate::web::editor::inputs::NumberInput;
use crate::web::state::Action;
use crate::workspace::Workspace;

#[derive(Properties, PartialEq)]
pub struct ScenarioControlsProps {
    pub scenario: Scenario,
    pub policy: Policy,
    pub dispatch: Callback<Action>,
}

fn scenario_edit(
    dispatch: &Callback<Action>,
    key: String,
    apply: impl Fn(&mut Scenario) + 'static,
) {
    dispatch.emit(Action::edit(key, move |workspace: &mut Workspace| {
        apply(&mut workspace.scenario)
    }));
}

#[component]
pub fn ScenarioControls(props: &ScenarioControlsProps) -> Html {
    let scenario = &props.scenario;
    let d = &props.dispatch;
    let days = (scenario.workload.horizon.0.seconds() as f64 / DAY as f64).round();
    let on_days = {
        let d = d.clone();
        Callback::from(move |v: f64| {
            scenario_edit(&d, "scenario/horizon".into(), move |s| {
                s.workload.horizon = Horizon(Duration::from_seconds(
                    v.clamp(1.0, 91.0).round() as i64 * DAY,
                ))
            })
        })
    };
    let volume = match &scenario.workload.arrivals {
        Arrivals::Daily { volume, .. } => Some(("Tickets per day", *volume)),
        Arrivals::Constant { per_hour } => Some(("Tickets per hour", *per_hour)),
        Arrivals::HourOfWeek(_) => None,
    };
    let on_volume = {
        let d = d.clone();
        Callback::from(move |v: f64| {
            scenario_edit(&d, "scenario/volume".into(), move |s| {
                match &mut s.workload.arrivals {
                    Arrivals::Daily { volume, .. } => *volume = v,
                    Arrivals::Constant { per_hour } => *per_hour = v,
                    Arrivals::HourOfWeek(_) => {}
                }
            })
        })
    };
    let on_replications = {
        let d = d.clone();
        Callback::from(move |v: f64| {
            scenario_edit(&d, "scenario/replications".into(), move |s| {
                s.replications = v.clamp(1.0, 30.0) as u32
            })
        })
    };
    let on_seed = {
        let d = d.clone();
        Callback::from(move |v: f64| {
            scenario_edit(&d, "scenario/seed".into(), move |s| s.seed = v as u64)
        })
    };
    let staffing = props.policy.teams.iter().map(|team| {
        let agents = scenario.staffing.get(&team.id).copied().unwrap_or(team.agents);
        let id = team.id.clone();
        let d = d.clone();
        let on_change = Callback::from(move |v: f64| {
            let id = id.clone();
            scenario_edit(&d, format!("scenario/staffing/{id}"), move |s| {
                s.staffing.insert(id.clone(), v.round() as u32);
            })
        });
        html! {
            <label class="control-row" key={team.id.clone()}>
                <span>{ team.name.clone() }</span>
                <NumberInput value={agents as f64} {on_change} label={format!("Agents in {}", team.name)} testid={format!("staffing-{}", team.id)} />
            </label>
        }
    });
    let total_weight: f64 = scenario.mix.categories.values().sum();
    let mix = scenario.mix.categories.iter().map(|(category, weight)| {
        let category_id = category.clone();
        let d = d.clone();
        let on_change = Callback::from(move |v: f64| {
            let category = category_id.clone();
            scenario_edit(&d, format!("scenario/mix/{category}"), move |s| {
                s.mix.categories.insert(category.clone(), v);
            })
        });
        let share = if total_weight > 0.0 { weight / total_weight * 100.0 } else { 0.0 };
        html! {
            <label class="control-row" key={category.clone()}>
                <span>{ category.replace('_', " ") }<span class="hint">{ format!(" {share:.0}%") }</span></span>
                <NumberInput value={*weight} {on_change} label={format!("Weight of {category}")} step={0.5} testid={format!("mix-{category}")} />
            </label>
        }
    });
    html! {
        <div class="controls">
            <section class="panel">
                <div class="panel-head"><h2>{ "Workload" }</h2></div>
                <div class="panel-body">
                    <label class="control-row"><span>{ "Days simulated" }</span>
                        <NumberInput value={days} on_change={on_days} label="Days simulated" min={1.0} testid="horizon-days" /></label>
                    if let Some((label, value)) = volume {
                        <label class="control-row"><span>{ label }</span>
                            <NumberInput value={value} on_change={on_volume} label={label} step={10.0} testid="volume" /></label>
                    }
                    if !scenario.workload.spikes.is_empty() {
                        <p class="hint">{ format!("{} traffic spike(s) from the preset apply.", scenario.workload.spikes.len()) }</p>
                    }
                    <label class="control-row"><span>{ "Replications" }</span>
                        <NumberInput value={scenario.replications as f64} on_change={on_replications} label="Replications" min={1.0} testid="replications" /></label>
                    <label class="control-row"><span>{ "Seed" }</span>
                        <NumberInput value={scenario.seed as f64} on_change={on_seed} label="Random seed" testid="seed" /></label>
                </div>
            </section>
            <section class="panel">
                <div class="panel-head"><h2>{ "Staffing" }</h2><p>{ "Agents per team" }</p></div>
                <div class="panel-body">{ for staffing }</div>
            </section>
            <section class="panel">
                <div class="panel-head"><h2>{ "Ticket mix" }</h2><p>{ "Relative weights" }</p></div>
                <div class="panel-body">{ for mix }</div>
            </section>
        </div>
    }
}
