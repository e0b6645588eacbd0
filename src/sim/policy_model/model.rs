//! `EnginePolicyModel`: the compiled engine policy driving the simulator — routing, where unresolved tickets go,
//! SLA and escalation-matrix timers. Everything a ticket needs is looked up in tables built once, so the hot loop
//! neither allocates nor formats strings.

use std::collections::HashMap;
use std::fmt;

use super::run::target_for_every_ticket;
use super::sla_tables::{Armed, SlaTables};
use crate::engine::calendar::Calendar;
use crate::engine::condition::TicketInContext;
use crate::engine::decision::DEFAULT_ROUTE_ID;
use crate::engine::journey::{EscalationKind, EventKind, Journey, SlaTarget};
use crate::engine::policy::{CompiledPolicy, Direction};
use crate::engine::route::{derive_priority, for_each_ladder_level, route_team};
use crate::engine::sla::{Clock, Pauses};
use crate::engine::ticket::{Priority, Ticket};
use crate::engine::time::Instant;
use crate::engine::trace::Stage;
use crate::metrics::{BusinessClock, TeamHours, TicketClocks, TicketPriorities};
use crate::sim::model::{
    Assignment, Checkpoint, CheckpointKind, Escalation, PolicyModel, TeamCalendar, TeamId, TeamInfo,
};
use crate::sim::reference_models::AlwaysOpen;

/// Where an unresolved ticket goes next, and why.
#[derive(Debug, Clone)]
struct Hop {
    team: TeamId,
    kind: EscalationKind,
    reason: String,
}

/// A policy the simulator cannot drive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// More teams than `TeamId` can number.
    TooManyTeams { count: usize },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::TooManyTeams { count } => write!(
                f,
                "the policy has {count} teams; the simulator handles at most {}",
                TeamId::MAX
            ),
        }
    }
}

impl std::error::Error for ModelError {}

/// The compiled policy as a `PolicyModel`. Team ids are the policy's team ids, so a scenario's `staffing` and
/// `handling.teams` name teams as the policy does.
#[derive(Debug)]
pub struct EnginePolicyModel {
    policy: CompiledPolicy,
    /// Next update and first assign are simulated only when every ticket has the target
    /// (`target_for_every_ticket`).
    next_update_everywhere: bool,
    first_assign_everywhere: bool,
    teams: Vec<TeamInfo>,
    default_team: TeamId,
    /// Categories the policy names (list, skills, matrix rows) → index.
    categories: HashMap<String, usize>,
    /// Matrix row of `[category * 4 + priority]`; the last block is for categories the policy does not name.
    rows: Vec<Option<usize>>,
    /// The teams of each matrix row's levels, in order.
    row_teams: Vec<Vec<TeamId>>,
    row_kinds: Vec<Vec<EscalationKind>>,
    row_reasons: Vec<Vec<String>>,
    /// Per team: its parent (hierarchical).
    parents: Vec<Option<Hop>>,
    /// `[team * categories + category]`: the nearest higher-tier team that handles the category (functional).
    skilled: Vec<Option<Hop>>,
    sla: Vec<SlaTables>,
    /// `[authorisation][limit]`: the reason an approval request records.
    approval_reasons: Vec<Vec<String>>,
}

fn escalation_kind(direction: Direction) -> EscalationKind {
    match direction {
        Direction::Functional => EscalationKind::Functional,
        Direction::Hierarchical => EscalationKind::Hierarchical,
    }
}

/// An escalation from `from` to `to`; `None` when that would not move the ticket.
fn escalate(
    from: TeamId,
    to: TeamId,
    kind: EscalationKind,
    reason: &str,
) -> Option<Assignment<'_>> {
    (to != from).then_some(Assignment {
        team: to,
        escalation: Some(Escalation { kind, from }),
        reason,
    })
}

fn team_id(index: usize) -> TeamId {
    // `EnginePolicyModel::new` refuses policies with more teams than `TeamId` numbers.
    TeamId::try_from(index).unwrap_or(TeamId::MAX)
}

impl EnginePolicyModel {
    pub fn new(policy: CompiledPolicy) -> Result<EnginePolicyModel, ModelError> {
        if policy.teams.len() > usize::from(TeamId::MAX) {
            return Err(ModelError::TooManyTeams {
                count: policy.teams.len(),
            });
        }
        let levels: Vec<u32> = policy.source.tiers.iter().map(|tier| tier.level).collect();
        let mut distinct = levels.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let tier_rank = |tier: usize| {
            let rank = distinct.partition_point(|&level| level < levels[tier]) + 1;
            u8::try_from(rank).unwrap_or(u8::MAX)
        };
        let teams = policy
            .teams
            .iter()
            .map(|team| TeamInfo {
                name: team.id.clone(),
                tier: tier_rank(team.tier),
                agents: team.agents,
            })
            .collect();
        let categories = known_categories(&policy);
        let rows = matrix_rows(&policy, &categories);
        let row_teams = policy
            .matrix
            .iter()
            .map(|row| row.levels.iter().map(|level| team_id(level.team)).collect())
            .collect();
        let row_kinds = policy
            .matrix
            .iter()
            .map(|row| {
                row.levels
                    .iter()
                    .map(|level| escalation_kind(level.direction))
                    .collect()
            })
            .collect();
        let row_reasons = policy
            .matrix
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let category = row.category.as_deref().unwrap_or("*");
                let priority = row.priority.map_or("*", Priority::as_str);
                (1..=row.levels.len())
                    .map(|level| {
                        format!("escalation_matrix[{index}] {category} × {priority}, level {level}")
                    })
                    .collect()
            })
            .collect();
        let parents = policy
            .teams
            .iter()
            .map(|team| {
                team.parent.map(|parent| Hop {
                    team: team_id(parent),
                    kind: EscalationKind::Hierarchical,
                    reason: format!("{} could not resolve: its parent team", team.id),
                })
            })
            .collect();
        let skilled = skilled_hops(&policy, &categories, &levels);
        let sla = policy
            .sla_policies
            .iter()
            .map(|sla| SlaTables::new(&policy, sla))
            .collect();
        let approval_reasons = policy
            .authorisations
            .iter()
            .map(|authorisation| {
                authorisation
                    .limits
                    .iter()
                    .map(|&(above, approver)| {
                        format!(
                            "{}: an amount above {} needs approval by {}",
                            authorisation.id,
                            crate::format::amount(above),
                            policy.teams[approver].name
                        )
                    })
                    .collect()
            })
            .collect();
        Ok(EnginePolicyModel {
            approval_reasons,
            next_update_everywhere: target_for_every_ticket(&policy, SlaTarget::NextUpdate),
            first_assign_everywhere: target_for_every_ticket(&policy, SlaTarget::FirstAssign),
            default_team: team_id(policy.default_team),
            teams,
            categories,
            rows,
            row_teams,
            row_kinds,
            row_reasons,
            parents,
            skilled,
            sla,
            policy,
        })
    }

    /// The SLA policy that applies to `ticket` (with its derived `priority`): the first whose condition
    /// matches.
    fn sla_index(&self, ticket: &Ticket, priority: Priority) -> Option<usize> {
        let seen = TicketInContext::new(ticket, &[]).with_priority(priority);
        self.policy.sla_policies.iter().position(|sla| {
            sla.condition
                .as_ref()
                .is_none_or(|condition| condition.matches(&seen))
        })
    }

    pub fn policy(&self) -> &CompiledPolicy {
        &self.policy
    }

    /// The calendar of a team, `None` when it works around the clock.
    pub fn team_calendar(&self, team: TeamId) -> Option<&Calendar> {
        self.policy.team_calendar(usize::from(team))
    }

    /// The team that receives tickets no trigger or rule matched: first line.
    pub fn default_team(&self) -> TeamId {
        self.default_team
    }

    fn category_slot(&self, category: &str) -> usize {
        self.categories
            .get(category)
            .copied()
            .unwrap_or(self.categories.len())
    }

    fn matrix_row(&self, category_slot: usize, priority: Priority) -> Option<usize> {
        self.rows[category_slot * 4 + priority as usize]
    }
}

/// Every category the policy names: its list, the teams' skills and the matrix rows.
fn known_categories(policy: &CompiledPolicy) -> HashMap<String, usize> {
    let source = &policy.source;
    let names = source
        .categories
        .iter()
        .map(|category| category.id.as_str())
        .chain(
            source
                .teams
                .iter()
                .flat_map(|team| team.handles.iter().map(String::as_str)),
        )
        .chain(
            policy
                .matrix
                .iter()
                .filter_map(|row| row.category.as_deref()),
        );
    let mut categories = HashMap::new();
    for name in names {
        let next = categories.len();
        categories.entry(name.to_owned()).or_insert(next);
    }
    categories
}

fn matrix_rows(policy: &CompiledPolicy, categories: &HashMap<String, usize>) -> Vec<Option<usize>> {
    let mut by_slot: Vec<Option<&str>> = vec![None; categories.len() + 1];
    for (name, &slot) in categories {
        by_slot[slot] = Some(name);
    }
    let priorities = [
        Priority::Critical,
        Priority::High,
        Priority::Medium,
        Priority::Low,
    ];
    by_slot
        .iter()
        .flat_map(|category| {
            priorities.map(|priority| {
                policy.matrix.iter().position(|row| match category {
                    Some(category) => row.matches(category, priority),
                    None => row.category.is_none() && row.priority.is_none_or(|p| p == priority),
                })
            })
        })
        .collect()
}

/// For every team × category, the nearest higher-tier team whose skills (`handles`) list the category.
fn skilled_hops(
    policy: &CompiledPolicy,
    categories: &HashMap<String, usize>,
    levels: &[u32],
) -> Vec<Option<Hop>> {
    let width = categories.len() + 1;
    let mut hops = vec![None; policy.teams.len() * width];
    for (category, &slot) in categories {
        for (from, team) in policy.teams.iter().enumerate() {
            let own = levels[team.tier];
            let target = policy
                .teams
                .iter()
                .zip(&policy.source.teams)
                .enumerate()
                .filter(|(_, (candidate, source))| {
                    levels[candidate.tier] > own
                        && source.handles.iter().any(|handled| handled == category)
                })
                .min_by_key(|(index, (candidate, _))| (levels[candidate.tier], *index));
            hops[from * width + slot] = target.map(|(index, (candidate, _))| Hop {
                team: team_id(index),
                kind: EscalationKind::Functional,
                reason: format!(
                    "{} could not resolve: {} handles {category}",
                    team.id, candidate.id
                ),
            });
        }
    }
    hops
}

/// Business time per ticket on the clock of the ticket's SLA policy (chosen at creation) for the team that
/// first received it; without an SLA policy, on that team's calendar.
impl TicketClocks for EnginePolicyModel {
    fn clock_for(&self, journey: &Journey) -> &dyn BusinessClock {
        let receiver = journey
            .events
            .iter()
            .find_map(|event| match &event.kind {
                EventKind::Assigned { team, .. } => {
                    self.teams.iter().position(|info| *info.name == **team)
                }
                _ => None,
            })
            .map_or(self.default_team, team_id);
        let (priority, _) = derive_priority(&self.policy, &journey.ticket);
        let clock = match self.sla_index(&journey.ticket, priority) {
            Some(index) => self.sla[index].clock(&self.policy, receiver),
            None => self
                .team_calendar(receiver)
                .map_or(Clock::CalendarTime, Clock::Business),
        };
        match clock {
            Clock::Business(calendar) => calendar,
            Clock::CalendarTime => &crate::metrics::AlwaysOpen,
        }
    }
}

impl TeamHours for EnginePolicyModel {
    fn team_clock(&self, index: usize) -> Option<&dyn BusinessClock> {
        let calendar = self.team_calendar(TeamId::try_from(index).ok()?)?;
        Some(calendar)
    }
}

/// The priority the policy gives a ticket: its own, or its priority matrix's for its impact × urgency.
impl TicketPriorities for EnginePolicyModel {
    fn priority_of(&self, ticket: &Ticket) -> Priority {
        derive_priority(&self.policy, ticket).0
    }
}

impl PolicyModel for EnginePolicyModel {
    fn teams(&self) -> &[TeamInfo] {
        &self.teams
    }

    fn calendar(&self, team: TeamId) -> &dyn TeamCalendar {
        match self.team_calendar(team) {
            Some(calendar) => calendar,
            None => &AlwaysOpen,
        }
    }

    fn priority(&self, ticket: &Ticket) -> Priority {
        derive_priority(&self.policy, ticket).0
    }

    fn next_update_due(&self, ticket: &Ticket, receiver: TeamId, from: Instant) -> Option<Instant> {
        if !self.next_update_everywhere {
            return None;
        }
        let (priority, _) = derive_priority(&self.policy, ticket);
        let index = self.sla_index(ticket, priority)?;
        let tables = &self.sla[index];
        let targets = tables.targets_for(priority, ticket.channel);
        tables.next_update_due(&self.policy, targets, receiver, from)
    }

    fn next_update_levels<'s>(
        &'s self,
        ticket: &Ticket,
        receiver: TeamId,
        from: Instant,
        paused: i64,
        out: &mut Vec<Checkpoint<'s>>,
    ) {
        if !self.next_update_everywhere {
            return;
        }
        let (priority, _) = derive_priority(&self.policy, ticket);
        let Some(index) = self.sla_index(ticket, priority) else {
            return;
        };
        let tables = &self.sla[index];
        let armed = Armed {
            tables: u32::try_from(index).unwrap_or(u32::MAX),
            targets: tables.targets_for(priority, ticket.channel),
            receiver,
            start: from,
        };
        tables.next_update_levels(&self.policy, &armed, paused, out);
    }

    fn route(&self, ticket: &Ticket, _at: Instant) -> Assignment<'_> {
        let routed = route_team(&self.policy, ticket);
        let team = team_id(routed.team);
        let reason = match routed.stage {
            Stage::Trigger => self.policy.triggers[routed.index].id.as_str(),
            Stage::Rule => self.policy.rules[routed.index].id.as_str(),
            Stage::Matrix => self.policy.matrix[routed.index]
                .first
                .as_ref()
                .map_or(DEFAULT_ROUTE_ID, |first| first.id.as_str()),
            Stage::Default => DEFAULT_ROUTE_ID,
        };
        let escalation = routed
            .kind
            .escalation()
            .filter(|_| team != self.default_team)
            .map(|kind| Escalation {
                kind,
                from: self.default_team,
            });
        Assignment {
            team,
            escalation,
            reason,
        }
    }

    fn approver(&self, ticket: &Ticket) -> Option<(TeamId, &str)> {
        let need = self.policy.approval_need(&ticket.category, ticket.amount)?;
        let reason = &self.approval_reasons[need.authorisation][need.limit];
        Some((team_id(need.approver), reason))
    }

    fn on_unresolved(&self, ticket: &Ticket, team: TeamId, _at: Instant) -> Option<Assignment<'_>> {
        let (priority, _) = derive_priority(&self.policy, ticket);
        let slot = self.category_slot(&ticket.category);
        if let Some(row) = self.matrix_row(slot, priority) {
            let teams = &self.row_teams[row];
            let next = teams
                .iter()
                .position(|&level_team| level_team == team)
                .map_or(0, |position| position + 1);
            if let Some(&to) = teams.get(next) {
                if let Some(assignment) = escalate(
                    team,
                    to,
                    self.row_kinds[row][next],
                    &self.row_reasons[row][next],
                ) {
                    return Some(assignment);
                }
            }
        }
        let width = self.categories.len() + 1;
        self.parents[usize::from(team)]
            .iter()
            .chain(self.skilled[usize::from(team) * width + slot].iter())
            .find_map(|hop| escalate(team, hop.team, hop.kind, &hop.reason))
    }

    fn sla_checkpoints<'s>(
        &'s self,
        ticket: &Ticket,
        created: Instant,
        receiver: TeamId,
        out: &mut Vec<Checkpoint<'s>>,
    ) {
        let (priority, _) = derive_priority(&self.policy, ticket);
        if let Some(index) = self.sla_index(ticket, priority) {
            let sla = &self.sla[index];
            let mut targets = sla.targets_for(priority, ticket.channel);
            if !self.first_assign_everywhere {
                targets.first_assign = None;
            }
            let armed = Armed {
                tables: u32::try_from(index).unwrap_or(u32::MAX),
                targets,
                receiver,
                start: created,
            };
            sla.checkpoints(&self.policy, &armed, out);
        }
        let slot = self.category_slot(&ticket.category);
        let Some(row) = self.matrix_row(slot, priority) else {
            return;
        };
        let teams = &self.row_teams[row];
        let reasons = &self.row_reasons[row];
        for_each_ladder_level(
            &self.policy,
            &self.policy.matrix[row],
            usize::from(receiver),
            created,
            |position, _, at| {
                out.push(Checkpoint {
                    at,
                    target: SlaTarget::Resolution,
                    kind: CheckpointKind::Ladder {
                        level: u32::try_from(position + 1).unwrap_or(u32::MAX),
                        escalate_to: teams[position],
                        unless_at: &teams[position..],
                    },
                    reason: &reasons[position],
                    repeat: None,
                })
            },
        );
    }

    fn next_repeat<'s>(
        &'s self,
        checkpoint: &Checkpoint<'s>,
        created: Instant,
        receiver: TeamId,
        paused: i64,
    ) -> Option<Checkpoint<'s>> {
        let repeat = checkpoint.repeat?;
        let tables = self.sla.get(usize::try_from(repeat.clock).ok()?)?;
        tables.next_repeat(&self.policy, checkpoint, created, receiver, paused)
    }

    fn waiting_pauses(&self, ticket: &Ticket, receiver: TeamId) -> Option<(Clock<'_>, Pauses)> {
        let (priority, _) = derive_priority(&self.policy, ticket);
        let tables = &self.sla[self.sla_index(ticket, priority)?];
        let pauses = tables.pauses();
        pauses
            .any()
            .then(|| (tables.clock(&self.policy, receiver), pauses))
    }

    fn auto_close_after(&self, ticket: &Ticket) -> Option<i64> {
        let (priority, _) = derive_priority(&self.policy, ticket);
        self.policy.sla_policies[self.sla_index(ticket, priority)?].auto_close_after_seconds
    }
}
