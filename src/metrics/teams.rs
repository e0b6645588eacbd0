//! Load per team: tickets received and resolved, escalations out, busy agent time, utilisation and cost; and,
//! for a team handing tickets to individuals, each agent's load and how evenly it is spread.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::journey::{EventKind, Journey};
use crate::engine::time::{Instant, HOUR};

use super::context::{BusinessClock, RunContext, TeamContext};

/// One team's load over the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamMetrics {
    pub team: String,
    pub tier: Option<String>,
    /// `Assigned` events naming the team within the period (a ticket assigned twice counts twice).
    pub received: u64,
    /// `Resolved` events naming the team within the period.
    pub resolved: u64,
    /// `Escalated` events leaving the team within the period.
    pub escalated_out: u64,
    /// Agent seconds spent on tickets within the period.
    pub busy_seconds: i64,
    /// The part of `busy_seconds` outside the team's open hours: work finished after closing.
    #[serde(default)]
    pub overtime_seconds: i64,
    /// Busy seconds inside the team's open hours / (agents × staffed_seconds), so at most 1; `None` when the
    /// team's capacity is unknown or zero.
    pub utilisation: Option<f64>,
    /// `busy_seconds / 3600 × hourly_cost` (overtime included); `None` without an hourly cost.
    pub cost: Option<f64>,
    /// Each agent's load, in the team's order, when the team hands tickets to individuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agents: Vec<AgentMetrics>,
    /// How unevenly the work is spread: the coefficient of variation (standard deviation / mean) of the
    /// agents' busy seconds, 0 when every agent worked as long. `None` without named agents or work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_spread: Option<f64>,
}

/// One agent's load over the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentMetrics {
    pub agent: String,
    /// Pieces of work started within the period.
    pub started: u64,
    pub busy_seconds: i64,
    /// Busy seconds inside the team's open hours / the team's `staffed_seconds`; `None` when the team's staffed
    /// time is unknown.
    pub utilisation: Option<f64>,
}

#[derive(Default, Clone, Copy)]
struct AgentLoad {
    started: u64,
    busy: Busy,
}

#[derive(Default)]
struct TeamLoad {
    received: u64,
    resolved: u64,
    escalated_out: u64,
    busy: Busy,
}

/// Team load from every journey's events inside `[context.start, context.end)`.
/// Teams of the context come first in their order, then other teams seen in events, by name.
pub fn team_metrics(journeys: &[Journey], context: &RunContext<'_>) -> Vec<TeamMetrics> {
    let mut loads: HashMap<&str, TeamLoad> = HashMap::new();
    let mut agent_loads: HashMap<(&str, &str), AgentLoad> = HashMap::new();
    let observed = |at: Instant| at >= context.start && at < context.end;
    let clock = BusyClock::new(context);
    for journey in journeys {
        let mut working: Option<(&str, Option<&str>, Instant)> = None;
        for event in &journey.events {
            let stops_work = matches!(
                event.kind,
                EventKind::Started { .. }
                    | EventKind::Escalated { .. }
                    | EventKind::Resolved { .. }
                    | EventKind::WaitingOnCustomer
                    | EventKind::OnHold
                    | EventKind::WaitingOnThirdParty
                    | EventKind::Approved { .. }
                    | EventKind::Abandoned
            );
            if stops_work {
                if let Some((team, agent, since)) = working.take() {
                    let busy = clock.busy(team, since, event.at);
                    add_busy(&mut loads, &mut agent_loads, (team, agent), busy);
                }
            }
            match &event.kind {
                EventKind::Started { team, agent } => {
                    working = Some((team, agent.as_deref(), event.at));
                    if let Some(agent) = agent.as_deref().filter(|_| observed(event.at)) {
                        agent_loads.entry((team, agent)).or_default().started += 1;
                    }
                }
                EventKind::Assigned { team, .. } if observed(event.at) => {
                    loads.entry(team).or_default().received += 1;
                }
                EventKind::Resolved { team } if observed(event.at) => {
                    loads.entry(team).or_default().resolved += 1;
                }
                EventKind::Escalated { from, .. } if observed(event.at) => {
                    loads.entry(from).or_default().escalated_out += 1;
                }
                _ => {}
            }
        }
        if let Some((team, agent, since)) = working {
            let busy = clock.busy(team, since, context.end);
            add_busy(&mut loads, &mut agent_loads, (team, agent), busy);
        }
    }
    let mut result: Vec<TeamMetrics> = context
        .teams
        .iter()
        .map(|entry| {
            let load = loads.remove(entry.team.as_str()).unwrap_or_default();
            let capacity = i128::from(entry.agents) * i128::from(entry.staffed_seconds);
            let agents = agent_metrics(entry, &agent_loads);
            TeamMetrics {
                load_spread: load_spread(&agents),
                agents,
                team: entry.team.clone(),
                tier: entry.tier.clone(),
                received: load.received,
                resolved: load.resolved,
                escalated_out: load.escalated_out,
                busy_seconds: load.busy.seconds,
                overtime_seconds: load.busy.seconds - load.busy.in_hours,
                utilisation: (capacity > 0).then(|| load.busy.in_hours as f64 / capacity as f64),
                cost: entry
                    .hourly_cost
                    .map(|hourly| load.busy.seconds as f64 / HOUR as f64 * hourly),
            }
        })
        .collect();
    let mut unknown: Vec<(&str, TeamLoad)> = loads.into_iter().collect();
    unknown.sort_unstable_by(|left, right| left.0.cmp(right.0));
    result.extend(unknown.into_iter().map(|(team, load)| TeamMetrics {
        team: team.to_owned(),
        tier: None,
        received: load.received,
        resolved: load.resolved,
        escalated_out: load.escalated_out,
        busy_seconds: load.busy.seconds,
        overtime_seconds: 0,
        utilisation: None,
        cost: None,
        agents: Vec::new(),
        load_spread: None,
    }));
    result
}

/// The named agents of `entry` with their loads, idle ones included.
fn agent_metrics(
    entry: &TeamContext,
    agent_loads: &HashMap<(&str, &str), AgentLoad>,
) -> Vec<AgentMetrics> {
    entry
        .agent_names
        .iter()
        .map(|agent| {
            let load = agent_loads
                .get(&(entry.team.as_str(), agent.as_str()))
                .copied()
                .unwrap_or_default();
            AgentMetrics {
                agent: agent.clone(),
                started: load.started,
                busy_seconds: load.busy.seconds,
                utilisation: (entry.staffed_seconds > 0)
                    .then(|| load.busy.in_hours as f64 / entry.staffed_seconds as f64),
            }
        })
        .collect()
}

/// The coefficient of variation of the agents' busy seconds; `None` without agents or without any work.
fn load_spread(agents: &[AgentMetrics]) -> Option<f64> {
    let count = agents.len() as f64;
    let mean = agents
        .iter()
        .map(|agent| agent.busy_seconds as f64)
        .sum::<f64>()
        / count;
    if agents.is_empty() || mean <= 0.0 {
        return None;
    }
    let variance = agents
        .iter()
        .map(|agent| (agent.busy_seconds as f64 - mean).powi(2))
        .sum::<f64>()
        / count;
    Some(variance.sqrt() / mean)
}

/// Agent time spent on one piece of work inside the period: all of it, and the part inside the team's open
/// hours.
#[derive(Default, Clone, Copy)]
struct Busy {
    seconds: i64,
    in_hours: i64,
}

impl std::ops::AddAssign for Busy {
    fn add_assign(&mut self, other: Busy) {
        self.seconds += other.seconds;
        self.in_hours += other.in_hours;
    }
}

/// Where the work of each team is counted, and which part of it falls in the team's open hours.
struct BusyClock<'c, 'a> {
    context: &'c RunContext<'a>,
    /// Each context team's open hours (`None`: always open), by team id.
    hours: HashMap<&'c str, &'c dyn BusinessClock>,
}

impl<'c, 'a> BusyClock<'c, 'a> {
    fn new(context: &'c RunContext<'a>) -> BusyClock<'c, 'a> {
        let hours = context
            .team_hours
            .map(|hours| {
                context
                    .teams
                    .iter()
                    .enumerate()
                    .filter_map(|(index, team)| {
                        Some((team.team.as_str(), hours.team_clock(index)?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        BusyClock { context, hours }
    }

    /// `team`'s work over `[since, until)`, clipped to the period.
    fn busy(&self, team: &str, since: Instant, until: Instant) -> Busy {
        let from = since.max(self.context.start);
        let to = until.min(self.context.end);
        if to <= from {
            return Busy::default();
        }
        let seconds = to.seconds_since(from);
        let in_hours = self
            .hours
            .get(team)
            .map_or(seconds, |clock| clock.business_seconds_between(from, to));
        Busy { seconds, in_hours }
    }
}

fn add_busy<'a>(
    loads: &mut HashMap<&'a str, TeamLoad>,
    agent_loads: &mut HashMap<(&'a str, &'a str), AgentLoad>,
    (team, agent): (&'a str, Option<&'a str>),
    busy: Busy,
) {
    if busy.seconds > 0 {
        loads.entry(team).or_default().busy += busy;
        if let Some(agent) = agent {
            agent_loads.entry((team, agent)).or_default().busy += busy;
        }
    }
}
