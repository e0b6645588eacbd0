//! What-if on real data: a log's own tickets (arrival instants, categories, priorities, channels) pushed
//! through a draft policy in the simulator, and the log's observed times measured against that policy's SLA
//! targets, so that "as it happened" and "under this policy" are read with the same clocks. See
//! docs/import.md, "Replay".

use std::collections::BTreeMap;

use crate::engine::journey::{Event, EventKind, Journey, SlaTarget};
use crate::engine::time::Instant;
use crate::metrics::{summarize, Metrics};
use crate::sim::limits::MAX_TICKETS_PER_RUN;
use crate::sim::model::{CheckpointKind, PolicyModel};
use crate::sim::policy_model::{policy_sla_targets, run_context, EnginePolicyModel};
use crate::sim::prepared::PreparedScenario;
use crate::sim::replay::{replay_replications, RecordedArrivals, RecordedTicket};
use crate::sim::scenario::{Arrivals, Scenario, ScenarioError};
use crate::sim::SimulationRun;

use super::scenario::{creation_span, scenario_from_log, ScenarioShape};
use super::ImportedLog;

/// Where one policy team's handling times and resolve probability came from in a replay.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HandlingSource {
    pub team: String,
    /// Stays of the log's tickets with a team of this name (0 when the log never names it).
    pub stays: usize,
    /// The handling time is a lognormal fitted to those stays; otherwise the scenario's.
    pub time_from_log: bool,
    /// The resolve probability is the share of those stays that ended in a resolution; otherwise the
    /// scenario's.
    pub resolve_from_log: bool,
}

/// A replay's simulated runs beside the log's observed tickets with the same policy's SLA clocks.
#[derive(Debug, Clone)]
pub struct Replay {
    /// The scenario the replay ran: the workspace's, with the log's arrivals and, where the log has them,
    /// its handling.
    pub scenario: Scenario,
    pub runs: Vec<SimulationRun>,
    /// Per replication.
    pub metrics: Vec<Metrics>,
    /// The log's tickets as they happened, with SLA compliance measured against the policy's targets.
    pub observed: Metrics,
    pub handling: Vec<HandlingSource>,
}

/// Replays `log` through `model`, with `base` (the workspace's scenario) for what the log does not say.
pub fn replay_log(
    log: &ImportedLog,
    base: &Scenario,
    model: &EnginePolicyModel,
    on_progress: &mut dyn FnMut(f64),
) -> Result<Replay, ScenarioError> {
    let replications = base.replications.max(1);
    let tickets = log.journeys.len() as f64 * f64::from(replications);
    if tickets > MAX_TICKETS_PER_RUN {
        return Err(ScenarioError::over_limit(
            "replications",
            format!(
                "{} tickets × {replications} replications is more than the {MAX_TICKETS_PER_RUN:.0} tickets a run may create; replay with fewer replications",
                log.journeys.len()
            ),
        ));
    }
    let team_names: Vec<&str> = model
        .teams()
        .iter()
        .map(|team| team.name.as_str())
        .collect();
    let (scenario, handling) = replay_scenario(log, base, &team_names);
    let prepared = PreparedScenario::new(&scenario, model)?;
    let recorded = RecordedArrivals::new(
        &prepared,
        log.journeys
            .iter()
            .map(|journey| RecordedTicket {
                at: journey.created_at,
                ticket: journey.ticket.clone(),
            })
            .collect(),
    )?;
    let runs = replay_replications(&prepared, model, &recorded, replications, on_progress);
    let metrics = runs
        .iter()
        .map(|run| summarize(&run.journeys, &run_context(model, run)))
        .collect();
    Ok(Replay {
        scenario,
        runs,
        metrics,
        observed: observed_under_policy(log, model),
        handling,
    })
}

/// The workspace's scenario with the log's arrival window and categories, and the log's handling for every
/// policy team the log's tickets stayed with.
fn replay_scenario(
    log: &ImportedLog,
    base: &Scenario,
    team_names: &[&str],
) -> (Scenario, Vec<HandlingSource>) {
    let (first, last) = creation_span(log);
    let shape = ScenarioShape {
        start: Instant(first),
        days: 1,
        growth: 1.0,
    };
    let from_log = scenario_from_log(log, shape, team_names);
    let stays = stays_per_team(&log.journeys);
    let mut scenario = base.clone();
    scenario.workload.start = Instant(first);
    scenario.workload.horizon = crate::sim::duration::Horizon(
        crate::engine::duration::Duration::from_seconds(last - first + 1),
    );
    scenario.workload.arrivals = Arrivals::Constant { per_hour: 0.0 };
    scenario.workload.spikes.clear();
    for (category, weight) in &from_log.mix.categories {
        scenario
            .mix
            .categories
            .entry(category.clone())
            .or_insert(*weight);
    }
    let handling: Vec<HandlingSource> = team_names
        .iter()
        .map(|team| {
            let fitted = from_log.handling.teams.get(*team);
            HandlingSource {
                team: (*team).to_owned(),
                stays: stays.get(*team).copied().unwrap_or(0),
                time_from_log: fitted.is_some_and(|h| h.time.is_some()),
                resolve_from_log: fitted.is_some_and(|h| h.resolve.is_some()),
            }
        })
        .collect();
    for (team, handling) in from_log.handling.teams {
        let entry = scenario.handling.teams.entry(team).or_default();
        if handling.time.is_some() {
            entry.categories.clear();
        }
        entry.time = handling.time.or(entry.time);
        entry.resolve = handling.resolve.or(entry.resolve);
    }
    (scenario, handling)
}

/// How many times a ticket of the log came to each team.
fn stays_per_team(journeys: &[Journey]) -> BTreeMap<&str, usize> {
    let mut stays = BTreeMap::new();
    for event in journeys.iter().flat_map(|journey| &journey.events) {
        let team = match &event.kind {
            EventKind::Assigned { team, .. } => team,
            EventKind::Escalated { to, .. } => to,
            _ => continue,
        };
        *stays.entry(&**team).or_insert(0) += 1;
    }
    stays
}

/// The log's metrics with its own SLA verdicts replaced by the policy's: each ticket's first-response and
/// resolution targets (as the policy would set them when it arrived) against when it was answered and
/// resolved. Pauses while waiting on the customer are not taken off.
pub fn observed_under_policy(log: &ImportedLog, model: &EnginePolicyModel) -> Metrics {
    let end = log.run_context().end;
    let journeys: Vec<Journey> = log
        .journeys
        .iter()
        .map(|journey| with_policy_clocks(journey, model, end))
        .collect();
    // A log records no updates to the customer, so next update is not measured on it.
    let targets = policy_sla_targets(model.policy())
        .into_iter()
        .filter(|target| *target != SlaTarget::NextUpdate)
        .collect();
    let context = log.run_context().with_sla_targets(targets);
    summarize(&journeys, &context)
}

/// `journey` with its SLA events replaced by the warnings, breaches and never-due notes `model`'s clocks give
/// it: a target is breached when its due instant comes before it was met (or before the log ends, if never).
pub fn with_policy_clocks(journey: &Journey, model: &EnginePolicyModel, end: Instant) -> Journey {
    let resolved = final_resolution(journey);
    let answered = journey.first_response_at().or(resolved);
    let picked_up = journey
        .events
        .iter()
        .find(|event| matches!(event.kind, EventKind::Started { .. }))
        .map(|event| event.at)
        .or(answered);
    let met_at = |target: SlaTarget| match target {
        SlaTarget::FirstResponse => answered,
        SlaTarget::Resolution => resolved,
        SlaTarget::FirstAssign => picked_up,
        SlaTarget::NextUpdate => None,
    };
    let receiver = model.route(&journey.ticket, journey.created_at).team;
    let mut checkpoints = Vec::new();
    model.sla_checkpoints(
        &journey.ticket,
        journey.created_at,
        receiver,
        &mut checkpoints,
    );
    let mut events: Vec<Event> = journey
        .events
        .iter()
        .filter(|event| !is_sla_event(&event.kind))
        .cloned()
        .collect();
    for checkpoint in checkpoints {
        if checkpoint.target == SlaTarget::NextUpdate {
            continue;
        }
        let open_then = checkpoint.at < met_at(checkpoint.target).unwrap_or(end);
        let kind = match checkpoint.kind {
            CheckpointKind::NeverDue => EventKind::SlaNeverDue {
                target: checkpoint.target,
            },
            CheckpointKind::Breach if open_then && checkpoint.at < end => EventKind::SlaBreach {
                target: checkpoint.target,
            },
            CheckpointKind::Warning { percent } if open_then && checkpoint.at < end => {
                EventKind::SlaWarning {
                    target: checkpoint.target,
                    percent,
                }
            }
            _ => continue,
        };
        let at = if matches!(kind, EventKind::SlaNeverDue { .. }) {
            journey.created_at
        } else {
            checkpoint.at
        };
        events.push(Event { at, kind });
    }
    events.sort_by_key(|event| event.at);
    Journey {
        ticket: journey.ticket.clone(),
        created_at: journey.created_at,
        events,
    }
}

fn is_sla_event(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::SlaWarning { .. }
            | EventKind::SlaBreach { .. }
            | EventKind::SlaNeverDue { .. }
            | EventKind::SlaLevel { .. }
    )
}

/// When the ticket was resolved for good: its last resolution, unless it was reopened after it.
fn final_resolution(journey: &Journey) -> Option<Instant> {
    let mut resolved = None;
    for event in &journey.events {
        match event.kind {
            EventKind::Resolved { .. } => resolved = Some(event.at),
            EventKind::Reopened => resolved = None,
            _ => {}
        }
    }
    resolved
}
