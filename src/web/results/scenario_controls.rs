//! The Simulate view's controls: workload (horizon, volume), staffing per team, handling per team (mean time
//! per ticket, share resolved, and per category), waits on the customer, replications and seed; then
//! assignment inside each team, the traffic spikes, the ticket mix and the customers' patience and learning
//! (their own components).

use yew::prelude::*;

use crate::engine::policy::Policy;
use crate::engine::time::DAY;
use crate::sim::scenario::{Arrivals, Scenario};
use crate::web::editor::inputs::NumberInput;
use crate::web::results::arrival_hold_controls::ArrivalHoldControls;
use crate::web::results::assignment_controls::AssignmentControls;
use crate::web::results::category_handling::CategoryHandling;
use crate::web::results::customer_controls::CustomerControls;
use crate::web::results::handling_shape::HandlingShape;
use crate::web::results::mix_controls::MixControls;
use crate::web::results::spike_controls::SpikeControls;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, ScenarioField};

#[derive(Properties, PartialEq)]
pub struct ScenarioControlsProps {
    pub scenario: Scenario,
    pub policy: Policy,
    pub dispatch: Callback<Action>,
}

/// A callback that sets one scenario setting from what its input gives.
fn scenario_field(
    dispatch: &Callback<Action>,
    field: impl Fn(f64) -> ScenarioField + 'static,
) -> Callback<f64> {
    dispatch.reform(move |value: f64| Action::Edit(Edit::SetScenario(field(value))))
}

/// A whole number from a number box, within `0..=max`.
fn whole(value: f64, max: f64) -> f64 {
    if value.is_finite() {
        value.round().clamp(0.0, max)
    } else {
        0.0
    }
}

#[component]
pub fn ScenarioControls(props: &ScenarioControlsProps) -> Html {
    let scenario = &props.scenario;
    let d = &props.dispatch;
    let days = (scenario.workload.horizon.0.seconds() as f64 / DAY as f64).round();
    let on_days = scenario_field(d, |v| ScenarioField::HorizonDays(whole(v, 91.0) as u32));
    let volume = match &scenario.workload.arrivals {
        Arrivals::Daily { volume, .. } => Some(("Tickets per day", *volume)),
        Arrivals::Constant { per_hour } => Some(("Tickets per hour", *per_hour)),
        Arrivals::HourOfWeek(_) => None,
    };
    let on_volume = scenario_field(d, ScenarioField::Volume);
    let on_replications = scenario_field(d, |v| ScenarioField::Replications(whole(v, 30.0) as u32));
    let on_seed = scenario_field(d, |v| ScenarioField::Seed(whole(v, u64::MAX as f64) as u64));
    let staffing = props.policy.teams.iter().map(|team| {
        let agents = scenario.staffing.get(&team.id).copied().unwrap_or(team.agents);
        let id = team.id.clone();
        let on_change = scenario_field(d, move |v| ScenarioField::Staffing {
            team: id.clone(),
            agents: whole(v, u32::MAX as f64) as u32,
        });
        html! {
            <label class="control-row" key={team.id.clone()}>
                <span>{ team.name.clone() }</span>
                <NumberInput value={agents as f64} {on_change} label={format!("Agents in {}", team.name)} testid={format!("staffing-{}", team.id)} />
            </label>
        }
    });
    let handling = props.policy.teams.iter().map(|team| {
        let own = scenario.handling.teams.get(&team.id);
        let default = &scenario.handling.default;
        let time = own.and_then(|h| h.time).unwrap_or(default.time);
        let resolve = own.and_then(|h| h.resolve).unwrap_or(default.resolve);
        let overrides = own.map(|h| h.categories.clone()).unwrap_or_default();
        let (time_id, resolve_id) = (team.id.clone(), team.id.clone());
        let on_minutes = scenario_field(d, move |minutes| ScenarioField::HandlingMean {
            team: time_id.clone(),
            seconds: (minutes * 60.0).round().clamp(1.0, 1e9) as i64,
        });
        let on_resolve = scenario_field(d, move |percent| ScenarioField::HandlingResolve {
            team: resolve_id.clone(),
            probability: percent / 100.0,
        });
        let minutes = (time.mean().seconds() as f64 / 60.0 * 10.0).round() / 10.0;
        html! {
            <div class="handling-team" key={team.id.clone()}>
                <span class="handling-name">{ team.name.clone() }</span>
                <label class="control-row"><span class="hint">{ "Minutes per ticket (mean)" }</span>
                    <NumberInput value={minutes} on_change={on_minutes} min={0.1} step={1.0}
                        label={format!("Mean handling minutes in {}", team.name)} testid={format!("handling-minutes-{}", team.id)} /></label>
                <HandlingShape team={team.id.clone()} team_name={team.name.clone()} {time} dispatch={d.clone()} />
                <label class="control-row"><span class="hint">{ "Resolved here (%)" }</span>
                    <NumberInput value={(resolve * 1000.0).round() / 10.0} on_change={on_resolve} step={5.0}
                        label={format!("Share of tickets {} resolves", team.name)} testid={format!("handling-resolve-{}", team.id)} /></label>
                <CategoryHandling team={team.id.clone()} team_name={team.name.clone()} {overrides} team_time={time} team_resolve={resolve}
                    categories={scenario.mix.categories.keys().cloned().collect::<Vec<_>>()} dispatch={d.clone()} />
            </div>
        }
    });
    let waiting = scenario.waiting.as_ref();
    let rule = waiting.map(|waiting| waiting.default);
    let ask = rule.map_or(0.0, |rule| rule.ask);
    let reply_hours = rule.map_or(4.0, |rule| {
        rule.customer_reply.mean().seconds() as f64 / 3600.0
    });
    let never = rule.map_or(0.0, |rule| rule.never_replies);
    let category_rules = waiting.map_or(0, |waiting| waiting.categories.len());
    let on_ask = scenario_field(d, |percent| ScenarioField::WaitingAsk(percent / 100.0));
    let on_reply = scenario_field(d, |hours| {
        ScenarioField::WaitingReplyMean((hours * 3600.0).round().clamp(1.0, 1e9) as i64)
    });
    let on_never = scenario_field(d, |percent| {
        ScenarioField::WaitingNeverReplies(percent / 100.0)
    });
    let percent = |share: f64| (share * 1000.0).round() / 10.0;
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
            <section class="panel" data-testid="handling-controls">
                <div class="panel-head"><h2>{ "Handling" }</h2><p>{ "Per team: time per ticket, share resolved" }</p></div>
                <div class="panel-body">{ for handling }</div>
            </section>
            <section class="panel" data-testid="waiting-controls">
                <div class="panel-head"><h2>{ "Waiting" }</h2><p>{ "Questions to the customer; holds before anyone answers" }</p></div>
                <div class="panel-body">
                    <label class="control-row"><span>{ "Work ending in a question (%)" }</span>
                        <NumberInput value={percent(ask)} on_change={on_ask} step={5.0}
                            label="Share of pieces of work that end in a question to the customer" testid="waiting-ask" /></label>
                    <label class="control-row"><span>{ "Customer answers in (hours, mean)" }</span>
                        <NumberInput value={(reply_hours * 10.0).round() / 10.0} on_change={on_reply} min={0.1} step={1.0}
                            label="Mean hours a customer takes to answer" testid="waiting-reply-hours" /></label>
                    <label class="control-row"><span>{ "Never answer (%)" }</span>
                        <NumberInput value={percent(never)} on_change={on_never} step={5.0}
                            label="Share of customers who never answer" testid="waiting-never" /></label>
                    if category_rules > 0 {
                        <p class="hint">{ format!("{category_rules} categories have their own rule in the scenario file.") }</p>
                    }
                    <p class="hint">{ "The agent is free while the ticket waits. An SLA that pauses while waiting does not count the wait; one with an auto-close closes tickets whose customer never answers." }</p>
                    <ArrivalHoldControls held={rule.and_then(|rule| rule.held_on_arrival)} dispatch={d.clone()} />
                </div>
            </section>
            <AssignmentControls teams={props.policy.teams.clone()} assignment={scenario.assignment.clone()}
                staffing={scenario.staffing.clone()} categories={scenario.mix.categories.keys().cloned().collect::<Vec<_>>()} dispatch={d.clone()} />
            <SpikeControls spikes={scenario.workload.spikes.clone()} start={scenario.workload.start}
                categories={scenario.mix.categories.keys().cloned().collect::<Vec<_>>()} dispatch={d.clone()} />
            <MixControls mix={scenario.mix.clone()} priority_matrix={props.policy.priority_matrix} dispatch={d.clone()} />
            <CustomerControls abandonment={scenario.abandonment.clone()} knowledge_base={scenario.knowledge_base} dispatch={d.clone()} />
        </div>
    }
}
