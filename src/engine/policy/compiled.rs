//! The compiled policy: every id resolved to an index, durations in seconds, conditions checked.

use super::bridge::{Calendar, CheckedCondition, NamedZone, Pauses};
use super::document::{BreachAction, Direction, Policy, PriorityMatrix, RuleKind, Tier, TimeBasis};
use super::route_texts::RouteTexts;
use crate::engine::journey::SlaTarget;
use crate::engine::ticket::{Channel, Level, Priority};

/// A team with its references resolved.
#[derive(Debug, Clone)]
pub struct CompiledTeam {
    pub id: String,
    pub name: String,
    pub tier: usize,
    /// Index into `CompiledPolicy::calendars`; `None` means around the clock.
    pub calendar: Option<usize>,
    pub parent: Option<usize>,
    pub agents: u32,
    pub hourly_cost: Option<f64>,
}

/// An authorisation with its approvers resolved: limits ascending, each `(above, approver team index)`.
#[derive(Debug, Clone)]
pub struct CompiledAuthorisation {
    pub id: String,
    pub description: String,
    pub categories: Vec<String>,
    pub limits: Vec<(f64, usize)>,
}

/// The sign-off a ticket needs: which authorisation, which of its limits its amount is above, and who
/// approves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApprovalNeed {
    pub authorisation: usize,
    pub limit: usize,
    pub above: f64,
    pub amount: f64,
    pub approver: usize,
}

impl CompiledAuthorisation {
    /// The highest limit `amount` is above in `category`, if this authorisation covers the category.
    fn need(&self, category: &str, amount: f64) -> Option<(usize, f64, usize)> {
        if !self.categories.is_empty() && !self.categories.iter().any(|c| c == category) {
            return None;
        }
        let limit = self.limits.iter().rposition(|(above, _)| amount > *above)?;
        let (above, approver) = self.limits[limit];
        Some((limit, above, approver))
    }
}

/// A trigger or routing rule, ready to evaluate.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: String,
    pub description: String,
    pub condition: CheckedCondition,
    pub team: usize,
    pub kind: RuleKind,
    /// Triggers only: the reason recorded on the escalation.
    pub reason: String,
    /// The id of an earlier trigger or rule (same list) that matches every ticket this one would.
    pub shadowed_by: Option<String>,
}

/// One level of a compiled escalation ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompiledLevel {
    pub team: usize,
    pub after_seconds: i64,
    pub time: TimeBasis,
    pub direction: Direction,
}

/// Who receives first the tickets an escalation-matrix row matches, when no trigger or rule decided.
#[derive(Debug, Clone)]
pub struct MatrixFirst {
    pub team: usize,
    /// `None` when the team is on the lowest tier (first line), else `Functional`.
    pub kind: RuleKind,
    /// The id the trace and the decision use: `outage×critical`, `billing×*`.
    pub id: String,
    /// The row as a condition; `None` for `* × *`, which matches every ticket.
    pub condition: Option<CheckedCondition>,
    /// An earlier trigger, rule or matrix row that matches every ticket this row would.
    pub shadowed_by: Option<String>,
}

impl MatrixFirst {
    /// The row's condition in text form, `true` for `* × *`.
    pub fn condition_text(&self) -> &str {
        self.condition
            .as_ref()
            .map_or("true", CheckedCondition::text)
    }
}

/// One compiled escalation-matrix row; `None` stands for the wildcard.
#[derive(Debug, Clone)]
pub struct CompiledRow {
    pub category: Option<String>,
    pub priority: Option<Priority>,
    pub levels: Vec<CompiledLevel>,
    /// The receiving team the row names, if any.
    pub first: Option<MatrixFirst>,
}

impl CompiledRow {
    pub fn matches(&self, category: &str, priority: Priority) -> bool {
        self.category.as_deref().is_none_or(|c| c == category)
            && self.priority.is_none_or(|p| p == priority)
    }
}

/// Targets in seconds for one priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompiledTargets {
    pub first_response: i64,
    pub next_update: Option<i64>,
    pub resolution: i64,
    pub first_assign: Option<i64>,
}

impl CompiledTargets {
    pub fn get(&self, target: SlaTarget) -> Option<i64> {
        match target {
            SlaTarget::FirstResponse => Some(self.first_response),
            SlaTarget::NextUpdate => self.next_update,
            SlaTarget::Resolution => Some(self.resolution),
            SlaTarget::FirstAssign => self.first_assign,
        }
    }
}

/// Which clock an SLA counts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlaClock {
    /// Wall-clock time.
    Calendar,
    /// Business time of this calendar (index into `CompiledPolicy::calendars`).
    Business(usize),
    /// Business time of the receiving team's calendar (calendar time if it has none).
    ReceivingTeam,
}

/// A compiled breach-ladder level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompiledBreachLevel {
    pub target: SlaTarget,
    pub after_breach_seconds: i64,
    pub team: usize,
    pub action: BreachAction,
    pub repeat_every_seconds: Option<i64>,
}

/// A compiled SLA policy.
#[derive(Debug, Clone)]
pub struct CompiledSla {
    pub id: String,
    pub name: String,
    pub condition: Option<CheckedCondition>,
    pub clock: SlaClock,
    /// Which targets each waiting state holds.
    pub pauses: Pauses,
    /// Calendar seconds a ticket may wait on the customer before it is closed as resolved.
    pub auto_close_after_seconds: Option<i64>,
    pub warnings: Vec<u32>,
    /// Indexed by `Priority as usize` (critical first).
    pub targets: [CompiledTargets; 4],
    /// Channels with targets of their own, in place of the priority's where set.
    pub channel_targets: Vec<(Channel, ChannelOverride)>,
    pub breach_ladder: Vec<CompiledBreachLevel>,
}

/// A channel's own targets in seconds; `None` keeps the priority's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChannelOverride {
    pub first_response: Option<i64>,
    pub next_update: Option<i64>,
    pub resolution: Option<i64>,
    pub first_assign: Option<i64>,
}

impl ChannelOverride {
    /// `targets` with this channel's in their place.
    pub fn apply(&self, targets: CompiledTargets) -> CompiledTargets {
        CompiledTargets {
            first_response: self.first_response.unwrap_or(targets.first_response),
            next_update: self.next_update.or(targets.next_update),
            resolution: self.resolution.unwrap_or(targets.resolution),
            first_assign: self.first_assign.or(targets.first_assign),
        }
    }
}

impl CompiledSla {
    /// The targets of a ticket of `priority` that came through `channel`.
    pub fn targets_for(&self, priority: Priority, channel: Channel) -> CompiledTargets {
        ticket_targets(&self.targets, &self.channel_targets, priority, channel)
    }
}

/// The targets of a ticket of `priority` that came through `channel`: the priority's, with the channel's own
/// in their place where it sets them.
pub fn ticket_targets(
    by_priority: &[CompiledTargets; 4],
    by_channel: &[(Channel, ChannelOverride)],
    priority: Priority,
    channel: Channel,
) -> CompiledTargets {
    let targets = by_priority[priority as usize];
    by_channel
        .iter()
        .find(|(own, _)| *own == channel)
        .map_or(targets, |(_, channel_targets)| {
            channel_targets.apply(targets)
        })
}

/// A policy ready for routing: every id resolved to an index.
#[derive(Debug, Clone)]
pub struct CompiledPolicy {
    pub source: Policy,
    pub teams: Vec<CompiledTeam>,
    pub calendars: Vec<Calendar>,
    /// Ids of `calendars`, same order.
    pub calendar_ids: Vec<String>,
    pub triggers: Vec<CompiledRule>,
    pub rules: Vec<CompiledRule>,
    pub default_team: usize,
    /// `[impact][urgency]`, high first.
    pub priority_matrix: Option<[[Priority; 3]; 3]>,
    pub default_priority: Priority,
    pub matrix: Vec<CompiledRow>,
    pub sla_policies: Vec<CompiledSla>,
    pub authorisations: Vec<CompiledAuthorisation>,
    /// The texts routing decisions show, shared rather than copied per ticket. Only `Policy::compile` builds
    /// a `CompiledPolicy`, so these are always prepared.
    pub(super) texts: RouteTexts,
}

impl CompiledPolicy {
    /// The sign-off a ticket in `category` with `amount` needs before it may be finished: the first
    /// authorisation covering the category whose lowest limit the amount is above.
    pub fn approval_need(&self, category: &str, amount: Option<f64>) -> Option<ApprovalNeed> {
        let amount = amount.filter(|amount| amount.is_finite())?;
        self.authorisations
            .iter()
            .enumerate()
            .find_map(|(authorisation, rule)| {
                let (limit, above, approver) = rule.need(category, amount)?;
                Some(ApprovalNeed {
                    authorisation,
                    limit,
                    above,
                    amount,
                    approver,
                })
            })
    }

    /// The texts routing decisions show.
    pub fn texts(&self) -> &RouteTexts {
        &self.texts
    }

    pub fn team_index(&self, id: &str) -> Option<usize> {
        self.teams.iter().position(|team| team.id == id)
    }

    pub fn tier_of(&self, team: usize) -> &Tier {
        &self.source.tiers[self.teams[team].tier]
    }

    /// The zone the policy's times are shown in and its series cut in: first line's (the default route's)
    /// calendar zone, else the first calendar's, else UTC.
    pub fn home_zone(&self) -> NamedZone {
        self.team_calendar(self.default_team)
            .or_else(|| self.calendars.first())
            .map_or_else(NamedZone::utc, Calendar::named_zone)
    }

    /// The calendar a team works on, `None` for around the clock.
    pub fn team_calendar(&self, team: usize) -> Option<&Calendar> {
        self.teams[team]
            .calendar
            .map(|index| &self.calendars[index])
    }
}

fn level_index(level: Level) -> usize {
    match level {
        Level::High => 0,
        Level::Medium => 1,
        Level::Low => 2,
    }
}

/// Looks up a priority in a resolved impact × urgency matrix.
pub fn matrix_priority(matrix: &[[Priority; 3]; 3], impact: Level, urgency: Level) -> Priority {
    matrix[level_index(impact)][level_index(urgency)]
}

/// The matrix as `[impact][urgency]`, high first.
pub fn resolve_matrix(matrix: &PriorityMatrix) -> [[Priority; 3]; 3] {
    [matrix.high, matrix.medium, matrix.low].map(|row| [row.high, row.medium, row.low])
}
