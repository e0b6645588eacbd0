//! Assignment inside a team: which agent a ticket is handed to (round robin, least loaded), agent names, and
//! when an unstarted ticket goes back (the assignee-return timer counted in the team's open time).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::model::{TeamCalendar, TeamId, TeamInfo};
use super::prepared::team_position;
use super::scenario::{AssignmentStrategy, ScenarioError, TeamAssignment};
use crate::engine::time::{Instant, DAY};

/// Most agents a team handing tickets to individuals may have (each is tracked on its own).
pub const MAX_INDIVIDUAL_AGENTS: u32 = 10_000;

/// Most open spans walked to place a return timer; past them the timer counts calendar time.
const MAX_SPANS_WALKED: usize = 1_000;

/// A team that hands each ticket to one agent, in the simulator's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedAssignment {
    pub strategy: AssignmentStrategy,
    /// One name per agent.
    pub agent_names: Vec<Arc<str>>,
    /// Seconds of the team's open time after which an unstarted ticket goes back.
    pub return_after: Option<i64>,
    /// The team a returned ticket escalates to; `None`: the next agent of the same team.
    pub return_to: Option<TeamId>,
}

/// Checks `scenario.assignment` against the teams and the agent counts actually simulated: per team, `None`
/// for a pooled queue.
pub fn prepare(
    assignment: &BTreeMap<String, TeamAssignment>,
    teams: &[TeamInfo],
    agents: &[u32],
) -> Result<Vec<Option<PreparedAssignment>>, ScenarioError> {
    let team_index = |name: &str, path: &str| team_position(teams, name, path);
    let mut prepared = vec![None; teams.len()];
    for (name, rule) in assignment {
        let path = format!("assignment.{name}");
        let team = team_index(name, &path)?;
        let count = agents[team];
        if !rule.strategy.is_individual() {
            if rule.return_after.is_some() || rule.return_to.is_some() || !rule.agents.is_empty() {
                return Err(ScenarioError::new(
                    format!("{path}.strategy"),
                    "a pooled queue has no assignees to name or return from; choose \"round_robin\" or \"least_loaded\"",
                ));
            }
            continue;
        }
        if count > MAX_INDIVIDUAL_AGENTS {
            return Err(ScenarioError::new(
                &path,
                format!("{count} agents is more than the {MAX_INDIVIDUAL_AGENTS} a team handing tickets to individuals may have; pool the queue instead"),
            ));
        }
        if rule.agents.len() > count as usize {
            return Err(ScenarioError::new(
                format!("{path}.agents"),
                format!(
                    "{} names for a team of {count} agents; remove names or raise staffing.{name}",
                    rule.agents.len()
                ),
            ));
        }
        let return_after = match rule.return_after {
            Some(after) if after.seconds() <= 0 || after.seconds() > 365 * DAY => {
                return Err(ScenarioError::new(
                    format!("{path}.return_after"),
                    "the return timer must be more than zero and at most a year, e.g. \"30m\"",
                ));
            }
            after => after.map(|after| after.seconds()),
        };
        let return_to = match &rule.return_to {
            Some(lead) => {
                let lead_path = format!("{path}.return_to");
                let lead_index = team_index(lead, &lead_path)?;
                if lead_index == team {
                    return Err(ScenarioError::new(
                        lead_path,
                        "a team cannot return tickets to itself; leave return_to out to hand them to the next agent",
                    ));
                }
                if return_after.is_none() {
                    return Err(ScenarioError::new(
                        lead_path,
                        "return_to needs return_after, the time after which a ticket goes back",
                    ));
                }
                Some(TeamId::try_from(lead_index).unwrap_or(TeamId::MAX))
            }
            None => None,
        };
        let agent_names = (0..count as usize)
            .map(|agent| match rule.agents.get(agent) {
                Some(name) => Arc::from(name.as_str()),
                None => Arc::from(format!("Agent {}", agent + 1)),
            })
            .collect();
        prepared[team] = Some(PreparedAssignment {
            strategy: rule.strategy,
            agent_names,
            return_after,
            return_to,
        });
    }
    Ok(prepared)
}

/// One agent of a team that hands tickets to individuals.
#[derive(Debug, Clone, Default)]
pub struct AgentState {
    pub busy: bool,
    /// Tickets handed to the agent and not finished: waiting in their queue or in service.
    pub holding: u32,
}

/// The agents of one team and whose turn is next.
#[derive(Debug, Clone)]
pub struct Desk {
    pub agents: Vec<AgentState>,
    next_turn: usize,
}

impl Desk {
    pub fn new(agents: usize) -> Desk {
        Desk {
            agents: vec![AgentState::default(); agents],
            next_turn: 0,
        }
    }

    /// The agent a ticket entering the team goes to under `strategy`, never `except` when another agent exists;
    /// `None` for a team without agents.
    pub fn choose(&mut self, strategy: AssignmentStrategy, except: Option<usize>) -> Option<usize> {
        let count = self.agents.len();
        let allowed = |agent: usize| count == 1 || Some(agent) != except;
        match strategy {
            AssignmentStrategy::Pool => None,
            AssignmentStrategy::RoundRobin => {
                let chosen = (0..count)
                    .map(|step| (self.next_turn + step) % count)
                    .find(|&agent| allowed(agent))?;
                self.next_turn = (chosen + 1) % count;
                Some(chosen)
            }
            AssignmentStrategy::LeastLoaded => (0..count)
                .filter(|&agent| allowed(agent))
                .min_by_key(|&agent| (self.agents[agent].holding, self.agents[agent].busy)),
        }
    }
}

/// The instant `seconds` of `calendar`'s open time after `from`: a timer that only runs while the team is
/// open. `None` when the calendar never opens again.
pub fn after_open_time(
    calendar: &dyn TeamCalendar,
    from: Instant,
    seconds: i64,
) -> Option<Instant> {
    let mut left = seconds;
    let mut at = from;
    for _ in 0..MAX_SPANS_WALKED {
        let open = calendar.next_open(at)?;
        let close = calendar.next_close(open);
        match close {
            Some(close) if close.seconds_since(open) < left => {
                left -= close.seconds_since(open);
                at = close;
            }
            _ => return Some(Instant(open.0.saturating_add(left))),
        }
    }
    Some(Instant(at.0.saturating_add(left)))
}
