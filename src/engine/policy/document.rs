//! The policy document as written in JSON (`schema_version: 1`): serde types, strict about unknown fields.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::bridge::{CalendarSpec, Condition, Duration, Pauses, WaitState};
use crate::engine::journey::{EscalationKind, SlaTarget};
use crate::engine::ticket::{Channel, Level, Priority};

/// The wildcard that matches any category or priority in an escalation-matrix row.
pub const WILDCARD: &str = "*";

/// A whole escalation policy: who receives which ticket, when it moves on, and what the SLAs promise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Version of this format; only `1` exists.
    pub schema_version: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub tiers: Vec<Tier>,
    /// The categories the playground offers for a ticket.
    #[serde(default)]
    pub categories: Vec<Category>,
    pub teams: Vec<Team>,
    #[serde(default)]
    pub calendars: Vec<CalendarSpec>,
    /// Impact × urgency → priority, used when a ticket has no priority of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_matrix: Option<PriorityMatrix>,
    /// The priority of a ticket that has neither a priority nor impact and urgency.
    #[serde(default = "default_priority")]
    pub default_priority: Priority,
    /// Escalations that fire as soon as a ticket arrives, before routing: customer signals, authorisations.
    #[serde(default)]
    pub triggers: Vec<Trigger>,
    pub routing: Routing,
    /// Rows per category × priority, each a ladder of time-based escalation levels.
    #[serde(default)]
    pub escalation_matrix: Vec<MatrixRow>,
    /// Ordered; the first policy whose condition matches applies; one without a condition is the fallback.
    #[serde(default)]
    pub sla_policies: Vec<SlaPolicy>,
    /// Sign-offs a ticket needs before its owner may finish it; the first that applies counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authorisations: Vec<Authorisation>,
}

/// A sign-off by amount: "a refund above 500 needs a supervisor's approval; above 5,000 a manager's". The
/// ticket goes to the approver when its owner would finish it, and back to the owner once approved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authorisation {
    pub id: String,
    #[serde(default)]
    pub description: String,
    /// The categories it covers; every category when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Lowest first: the highest limit the ticket's amount is above names who approves.
    pub limits: Vec<ApprovalLimit>,
}

/// Above `above` (the ticket's amount, in the policy's currency), team `approver` must approve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalLimit {
    pub above: f64,
    /// Team id.
    pub approver: String,
}

fn default_priority() -> Priority {
    Priority::Medium
}

/// A support tier, such as L1 or management; `level` orders tiers upwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub name: String,
    pub level: u32,
}

/// A ticket category the playground offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
}

/// A team: the only thing a ticket can be routed or escalated to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub id: String,
    pub name: String,
    /// Id of the team's tier.
    pub tier: String,
    /// Category ids the team has the skills for.
    #[serde(default)]
    pub handles: Vec<String>,
    pub agents: u32,
    /// Id of the team's working calendar; without one the team works around the clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// The team a hierarchical escalation from this team goes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Cost of one agent-hour, for cost-per-ticket metrics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_cost: Option<f64>,
}

/// Priority by impact (outer key) and urgency (inner key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityMatrix {
    pub high: UrgencyRow,
    pub medium: UrgencyRow,
    pub low: UrgencyRow,
}

impl PriorityMatrix {
    /// The priority of a ticket with `impact` and `urgency`.
    pub fn cell(&self, impact: Level, urgency: Level) -> Priority {
        let row = match impact {
            Level::High => &self.high,
            Level::Medium => &self.medium,
            Level::Low => &self.low,
        };
        match urgency {
            Level::High => row.high,
            Level::Medium => row.medium,
            Level::Low => row.low,
        }
    }

    pub fn cell_mut(&mut self, impact: Level, urgency: Level) -> &mut Priority {
        let row = match impact {
            Level::High => &mut self.high,
            Level::Medium => &mut self.medium,
            Level::Low => &mut self.low,
        };
        match urgency {
            Level::High => &mut row.high,
            Level::Medium => &mut row.medium,
            Level::Low => &mut row.low,
        }
    }
}

/// One impact row of the priority matrix: the priority for each urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyRow {
    pub high: Priority,
    pub medium: Priority,
    pub low: Priority,
}

/// Which way an escalation moves: sideways to other skills, or upwards to more authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Functional,
    Hierarchical,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Functional => "functional",
            Direction::Hierarchical => "hierarchical",
        }
    }

    pub fn escalation_kind(self) -> EscalationKind {
        match self {
            Direction::Functional => EscalationKind::Functional,
            Direction::Hierarchical => EscalationKind::Hierarchical,
        }
    }
}

/// What a routing rule's target represents: the normal receiver, or an escalation away from first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    #[default]
    None,
    Functional,
    Hierarchical,
}

/// An escalation that fires on arrival when its condition holds (customer signals, authorisation needs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    pub id: String,
    #[serde(default)]
    pub description: String,
    pub when: Condition,
    /// Team id.
    pub to: String,
    #[serde(default = "hierarchical")]
    pub kind: Direction,
    /// The reason recorded on the escalation and shown to the agent.
    #[serde(default)]
    pub reason: String,
}

fn hierarchical() -> Direction {
    Direction::Hierarchical
}

/// Ordered routing rules (first match wins) and the team that receives everything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routing {
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Team id of the default route.
    pub default: String,
}

/// One routing rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    #[serde(default)]
    pub description: String,
    pub when: Condition,
    /// Team id.
    pub to: String,
    #[serde(default)]
    pub kind: RuleKind,
}

/// How a duration is counted: business time of a calendar, or plain calendar (wall-clock) time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeBasis {
    #[default]
    Business,
    Calendar,
}

impl TimeBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeBasis::Business => "business",
            TimeBasis::Calendar => "calendar",
        }
    }
}

/// One escalation-matrix row: for tickets of `category` × `priority` (either may be `"*"`), the team that
/// receives them first (optional) and a ladder of levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixRow {
    /// A category id or `"*"`.
    pub category: String,
    /// `critical`, `high`, `medium`, `low` or `"*"`.
    pub priority: String,
    /// Team id that receives these tickets first when no trigger or routing rule decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    pub levels: Vec<LadderLevel>,
}

impl MatrixRow {
    /// The row's id in traces and decisions: `outage×critical`, `billing×*`.
    pub fn id(&self) -> String {
        format!("{}×{}", self.category, self.priority)
    }
}

/// One level of an escalation ladder: if the ticket is still open `after` its arrival, it moves to `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderLevel {
    /// Team id.
    pub to: String,
    /// Threshold counted from the ticket's arrival; each stretch is counted on the holding team's calendar.
    pub after: Duration,
    #[serde(default)]
    pub time: TimeBasis,
    pub kind: Direction,
}

/// An SLA policy: which tickets it covers, its targets per priority and what happens near and after a breach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlaPolicy {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// Without a condition the policy is the fallback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    #[serde(default)]
    pub time: TimeBasis,
    /// Calendar id for business time; without one, the receiving team's calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// Stop the clocks while the ticket waits on the customer: the short form of `pauses` for
    /// `{"waiting_on_customer": [every target]}`.
    #[serde(default = "yes")]
    pub pause_when_waiting: bool,
    /// Which targets each waiting state holds, e.g. `{"waiting_on_customer": ["resolution"], "on_hold":
    /// ["first_response", "resolution"]}`; a state left out holds nothing. When given it replaces
    /// `pause_when_waiting`, which may then not be `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pauses: Option<BTreeMap<WaitState, Vec<SlaTarget>>>,
    /// A ticket left waiting on the customer this long (calendar time) is closed as resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_close_after: Option<Duration>,
    /// Percentages of a target at which a warning fires, e.g. `[50, 75]`.
    #[serde(default)]
    pub warnings: Vec<u32>,
    pub targets: PriorityTargets,
    /// Targets for tickets of a channel, in place of their priority's where set, e.g. `{"chat":
    /// {"first_response": "60s"}}` (a chat is answered within a minute whatever its priority).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub channels: BTreeMap<Channel, ChannelTargets>,
    #[serde(default)]
    pub breach_ladder: Vec<BreachLevel>,
}

/// One channel's targets; a target it leaves out is the priority's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelTargets {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_update: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_assign: Option<Duration>,
}

impl ChannelTargets {
    pub fn get(&self, target: SlaTarget) -> Option<Duration> {
        match target {
            SlaTarget::FirstResponse => self.first_response,
            SlaTarget::NextUpdate => self.next_update,
            SlaTarget::Resolution => self.resolution,
            SlaTarget::FirstAssign => self.first_assign,
        }
    }
}

fn yes() -> bool {
    true
}

impl SlaPolicy {
    /// The targets each waiting state holds: `pauses` where given, else what `pause_when_waiting` says.
    pub fn effective_pauses(&self) -> Pauses {
        match &self.pauses {
            Some(map) => Pauses::from_map(map),
            None if self.pause_when_waiting => Pauses::every_clock_while_waiting_on_customer(),
            None => Pauses::none(),
        }
    }
}

/// SLA targets for each priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityTargets {
    pub critical: Targets,
    pub high: Targets,
    pub medium: Targets,
    pub low: Targets,
}

impl PriorityTargets {
    pub fn for_priority(&self, priority: Priority) -> &Targets {
        match priority {
            Priority::Critical => &self.critical,
            Priority::High => &self.high,
            Priority::Medium => &self.medium,
            Priority::Low => &self.low,
        }
    }

    pub fn for_priority_mut(&mut self, priority: Priority) -> &mut Targets {
        match priority {
            Priority::Critical => &mut self.critical,
            Priority::High => &mut self.high,
            Priority::Medium => &mut self.medium,
            Priority::Low => &mut self.low,
        }
    }
}

/// The promises for one priority. `next_update` is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub first_response: Duration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_update: Option<Duration>,
    pub resolution: Duration,
    /// An agent starts working on the ticket within this (a pick-up target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_assign: Option<Duration>,
}

impl Targets {
    pub fn get(&self, target: SlaTarget) -> Option<&Duration> {
        match target {
            SlaTarget::FirstResponse => Some(&self.first_response),
            SlaTarget::NextUpdate => self.next_update.as_ref(),
            SlaTarget::Resolution => Some(&self.resolution),
            SlaTarget::FirstAssign => self.first_assign.as_ref(),
        }
    }
}

/// What a breach-ladder level does to the team it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BreachAction {
    /// Move the ticket to the team (an automatic escalation).
    #[default]
    Escalate,
    /// Alert the team; the ticket stays where it is.
    Notify,
}

impl BreachAction {
    pub fn as_str(self) -> &'static str {
        match self {
            BreachAction::Escalate => "escalate to",
            BreachAction::Notify => "notify",
        }
    }
}

/// One level of an SLA breach ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreachLevel {
    pub target: SlaTarget,
    /// Delay after the breach (0 = at the breach), counted like the target itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_breach: Option<Duration>,
    /// Team id.
    pub to: String,
    #[serde(default)]
    pub action: BreachAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_every: Option<Duration>,
}
