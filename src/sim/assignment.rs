//! Assignment inside a team: which agent a ticket is handed to (round robin, least loaded, skills first),
//! agent names and skills, and when an unstarted ticket goes back (the assignee-return timer counted in the
//! team's open time).

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
    /// Per agent, the categories (indices into the scenario's categories, sorted) they are skilled in.
    pub skills: Vec<Vec<u16>>,
}

impl PreparedAssignment {
    /// Whether `agent` is skilled in `category`.
    pub fn is_skilled(&self, agent: usize, category: u16) -> bool {
        self.skills
            .get(agent)
            .is_some_and(|skills| skills.binary_search(&category).is_ok())
    }
}

/// Checks `scenario.assignment` against the teams, the agent counts actually simulated and the mix's
/// `categories`: per team, `None` for a pooled queue.
pub fn prepare(
    assignment: &BTreeMap<String, TeamAssignment>,
    teams: &[TeamInfo],
    agents: &[u32],
    categories: &[String],
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
        let agent_names: Vec<Arc<str>> = (0..count as usize)
            .map(|agent| match rule.agents.get(agent) {
                Some(name) => Arc::from(name.as_str()),
                None => Arc::from(format!("Agent {}", agent + 1)),
            })
            .collect();
        let skills = prepare_skills(rule, &agent_names, categories, &path)?;
        prepared[team] = Some(PreparedAssignment {
            strategy: rule.strategy,
            agent_names,
            return_after,
            return_to,
            skills,
        });
    }
    Ok(prepared)
}

/// Each agent's skills as sorted category indices, checked: only `skills_first` has skills, and needs them;
/// each names an agent of the team and categories of the mix.
fn prepare_skills(
    rule: &TeamAssignment,
    agent_names: &[Arc<str>],
    categories: &[String],
    path: &str,
) -> Result<Vec<Vec<u16>>, ScenarioError> {
    let skills_path = format!("{path}.skills");
    match (rule.strategy, rule.skills.is_empty()) {
        (AssignmentStrategy::SkillsFirst, true) => {
            return Err(ScenarioError::new(
                skills_path,
                "skills_first needs skills, e.g. \"skills\": {\"Ana\": [\"billing\"]}; or choose \"least_loaded\"",
            ))
        }
        (AssignmentStrategy::SkillsFirst, false) => {}
        (_, true) => return Ok(Vec::new()),
        (_, false) => {
            return Err(ScenarioError::new(
                skills_path,
                "only \"skills_first\" assigns by skill; choose it or remove skills",
            ))
        }
    }
    let mut skills = vec![Vec::new(); agent_names.len()];
    for (agent_name, agent_skills) in &rule.skills {
        let agent_path = format!("{skills_path}.{agent_name}");
        let agent = agent_names
            .iter()
            .position(|name| **name == **agent_name)
            .ok_or_else(|| {
                ScenarioError::new(
                    &agent_path,
                    format!(
                        "\"{agent_name}\" is not one of the team's agents; add the name to agents"
                    ),
                )
            })?;
        for (index, category) in agent_skills.iter().enumerate() {
            let position = categories
                .iter()
                .position(|known| known == category)
                .ok_or_else(|| {
                    ScenarioError::new(
                        format!("{agent_path}[{index}]"),
                        format!("\"{category}\" is not a category of the mix; skills name categories from mix.categories"),
                    )
                })?;
            skills[agent].push(u16::try_from(position).unwrap_or(u16::MAX));
        }
        skills[agent].sort_unstable();
        skills[agent].dedup();
    }
    Ok(skills)
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
    /// `skilled` says which agents have the ticket's category (for `skills_first`). `None` for a team without
    /// agents.
    pub fn choose(
        &mut self,
        strategy: AssignmentStrategy,
        except: Option<usize>,
        skilled: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let count = self.agents.len();
        let allowed = |agent: usize| count == 1 || Some(agent) != except;
        let load = |agent: usize| (self.agents[agent].holding, self.agents[agent].busy);
        match strategy {
            AssignmentStrategy::Pool => None,
            AssignmentStrategy::RoundRobin => {
                let chosen = (0..count)
                    .map(|step| (self.next_turn + step) % count)
                    .find(|&agent| allowed(agent))?;
                self.next_turn = (chosen + 1) % count;
                Some(chosen)
            }
            AssignmentStrategy::LeastLoaded => {
                (0..count).filter(|&a| allowed(a)).min_by_key(|&a| load(a))
            }
            AssignmentStrategy::SkillsFirst => (0..count)
                .filter(|&a| allowed(a) && skilled(a))
                .min_by_key(|&a| load(a))
                .or_else(|| (0..count).filter(|&a| allowed(a)).min_by_key(|&a| load(a))),
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
