//! Running a scenario through the real policy: every replication, and the metrics of each run with the run
//! context (teams, tiers, staffed time, hourly costs, each ticket's business clock) taken from the policy.

use super::model::EnginePolicyModel;
use crate::engine::journey::SlaTarget;
use crate::engine::policy::{CompiledPolicy, Policy};
use crate::engine::time::Instant;
use crate::metrics::{summarize, Metrics, RunContext, TeamContext};
use crate::sim::scenario::{Scenario, ScenarioError};
use crate::sim::simulator::{simulate_replications_with_progress, SimulationRun};
use crate::sim::TeamId;

/// Every replication of a scenario and the metrics of each, in replication order.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioResult {
    pub runs: Vec<SimulationRun>,
    pub metrics: Vec<Metrics>,
}

/// What `summarize` needs about a run of `model`. The period runs from the start of the horizon until the run
/// stopped (so tickets worked after the horizon, while the queues drain, are counted); staffed time is each
/// team's open calendar time over that period; business time is counted per ticket on the clock of its own
/// SLA policy (`TicketClocks for EnginePolicyModel`), and a ticket drawn with impact × urgency counts under the priority the
/// policy derives; series are cut at UTC midnight.
pub fn run_context<'m>(model: &'m EnginePolicyModel, run: &SimulationRun) -> RunContext<'m> {
    let policy = model.policy();
    let start = run.start;
    let end = Instant(run.end.0.max(run.stopped_at.0.saturating_add(1)));
    let teams = run
        .teams
        .iter()
        .enumerate()
        .map(|(index, team)| {
            let calendar = TeamId::try_from(index)
                .ok()
                .and_then(|id| model.team_calendar(id));
            TeamContext {
                team: team.name.clone(),
                tier: Some(policy.tier_of(index).id.clone()),
                agents: team.agents,
                staffed_seconds: calendar.map_or(end.seconds_since(start), |calendar| {
                    calendar.business_seconds_between(start, end)
                }),
                hourly_cost: policy.teams[index].hourly_cost,
                agent_names: run.assignees.get(index).map_or_else(Vec::new, |names| {
                    names.iter().map(|name| name.to_string()).collect()
                }),
            }
        })
        .collect();
    let sla_targets = policy_sla_targets(policy);
    RunContext::new(start, end)
        .with_teams(teams)
        .with_sla_targets(sla_targets)
        .with_business_clock(model)
        .with_priorities(model)
        .with_team_hours(model)
        .with_zone(policy.home_zone())
}

/// The targets every ticket of `policy` has: first response and resolution (and next update and first assign
/// where every priority of every SLA policy sets them) when an SLA policy without a condition catches every
/// ticket; otherwise none for sure (a ticket's SLA events then say which it had).
pub fn policy_sla_targets(policy: &CompiledPolicy) -> Vec<SlaTarget> {
    let has_fallback = policy
        .sla_policies
        .iter()
        .any(|sla| sla.condition.is_none());
    if !has_fallback {
        return Vec::new();
    }
    SlaTarget::ALL
        .into_iter()
        .filter(|&target| match target {
            SlaTarget::FirstResponse | SlaTarget::Resolution => true,
            SlaTarget::NextUpdate | SlaTarget::FirstAssign => {
                target_for_every_ticket(policy, target)
            }
        })
        .collect()
}

/// Every ticket has `target` (next update or first assign, the optional ones): an SLA policy without a
/// condition catches every ticket, and every SLA policy sets the target for every priority. Only then is the
/// target simulated: its compliance counts every ticket that had it, which a ticket with no breach would not
/// otherwise show.
pub fn target_for_every_ticket(policy: &CompiledPolicy, target: SlaTarget) -> bool {
    policy
        .sla_policies
        .iter()
        .any(|sla| sla.condition.is_none())
        && policy.sla_policies.iter().all(|sla| {
            sla.targets
                .iter()
                .all(|targets| targets.get(target).is_some())
        })
}

/// Compiles `policy`, runs every replication of `scenario` through it and summarises each run. Errors name the
/// JSON path: `policy.…` for a policy that does not compile, the scenario's own paths otherwise.
pub fn run_scenario(scenario: &Scenario, policy: &Policy) -> Result<ScenarioResult, ScenarioError> {
    run_scenario_with_progress(scenario, policy, &mut |_| {})
}

/// `run_scenario`, reporting the share of the simulation done (0 to 1) as it goes.
pub fn run_scenario_with_progress(
    scenario: &Scenario,
    policy: &Policy,
    on_progress: &mut dyn FnMut(f64),
) -> Result<ScenarioResult, ScenarioError> {
    let compiled = policy.compile().map_err(|errors| {
        let more = match errors.0.len() {
            0 | 1 => String::new(),
            count => format!(" (and {} more problems)", count - 1),
        };
        match errors.0.first() {
            Some(first) => ScenarioError::new(
                format!("policy.{}", first.path),
                format!("{}{more}", first.message),
            ),
            None => ScenarioError::new("policy", "the policy does not compile"),
        }
    })?;
    let model = EnginePolicyModel::new(compiled)
        .map_err(|err| ScenarioError::new("policy.teams", err.to_string()))?;
    let runs = simulate_replications_with_progress(scenario, &model, on_progress)?;
    let metrics = runs
        .iter()
        .map(|run| summarize(&run.journeys, &run_context(&model, run)))
        .collect();
    Ok(ScenarioResult { runs, metrics })
}
