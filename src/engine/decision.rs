//! What `route` answers: the receiving team, the kind of escalation, the planned ladder, the SLA plan, the trace.

use serde::Serialize;

use super::journey::{EscalationKind, SlaTarget};
use super::policy::{BreachAction, Direction, RuleKind, TimeBasis};
use super::shared_text::SharedText;
use super::sla::Pauses;
use super::ticket::Priority;
use super::time::Instant;
use super::trace::{Stage, Trace};

/// The id the trace and the decision use for the default route.
pub const DEFAULT_ROUTE_ID: &str = "default";

/// The kind of escalation a decision or planned level represents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionKind {
    /// The normal receiver: no escalation.
    None,
    Functional,
    Hierarchical,
    /// Moved by time (escalation ladder or SLA breach).
    Automatic,
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::None => "none",
            DecisionKind::Functional => "functional",
            DecisionKind::Hierarchical => "hierarchical",
            DecisionKind::Automatic => "automatic",
        }
    }

    /// The journey's escalation kind, `None` when nothing escalated.
    pub fn escalation(self) -> Option<EscalationKind> {
        match self {
            DecisionKind::None => None,
            DecisionKind::Functional => Some(EscalationKind::Functional),
            DecisionKind::Hierarchical => Some(EscalationKind::Hierarchical),
            DecisionKind::Automatic => Some(EscalationKind::Automatic),
        }
    }
}

impl From<RuleKind> for DecisionKind {
    fn from(kind: RuleKind) -> DecisionKind {
        match kind {
            RuleKind::None => DecisionKind::None,
            RuleKind::Functional => DecisionKind::Functional,
            RuleKind::Hierarchical => DecisionKind::Hierarchical,
        }
    }
}

/// Where the ticket's priority came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PrioritySource {
    /// Set on the ticket.
    Given,
    /// From impact × urgency through the policy's priority matrix.
    Matrix,
    /// The policy's `default_priority`.
    Default,
}

/// The routing outcome without explanations: what the simulator needs, computed without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Routed {
    pub team: usize,
    pub kind: DecisionKind,
    pub stage: Stage,
    /// Index of the deciding trigger, rule or matrix row in the compiled lists (0 for the default route).
    pub index: usize,
    pub priority: Priority,
    pub priority_source: PrioritySource,
}

/// The trigger, rule, matrix row or default route that decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecidedBy {
    pub stage: Stage,
    pub id: SharedText,
    pub description: SharedText,
    /// The condition in text form (`true` for the default route).
    pub condition: SharedText,
    /// Triggers only: the reason recorded on the escalation.
    #[serde(skip_serializing_if = "SharedText::is_empty")]
    pub reason: SharedText,
}

/// One level of the escalation ladder, as planned for this ticket: if still open at `at`, it moves to `team`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedLevel {
    /// 1-based position in the matrix row.
    pub level: usize,
    pub at: Instant,
    pub team: SharedText,
    pub team_name: SharedText,
    pub tier: SharedText,
    pub direction: Direction,
    /// Always `automatic`: ladder levels fire by time.
    pub kind: DecisionKind,
}

/// A warning before a target breaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlannedWarning {
    pub percent: u32,
    pub at: Instant,
}

/// One SLA target for this ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueTarget {
    pub target: SlaTarget,
    /// The target's length, counted on the SLA's clock.
    pub seconds: i64,
    /// Absolute due instant if nothing pauses the clock; `None` for `next_update`, which counts from each reply.
    pub due: Option<Instant>,
    pub warnings: Vec<PlannedWarning>,
}

/// One breach-ladder level, planned for the case where the target is missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedBreach {
    pub target: SlaTarget,
    pub at: Instant,
    pub team: SharedText,
    pub action: BreachAction,
    pub repeat_every_seconds: Option<i64>,
}

/// The SLA policy that applies and its due instants, assuming the clock never pauses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlaPlan {
    pub policy: SharedText,
    pub name: SharedText,
    pub time: TimeBasis,
    /// The calendar the business time is counted on, `None` for calendar time or a team open around the clock.
    pub calendar: Option<SharedText>,
    /// Which targets each waiting state holds (every state listed, with the targets it holds).
    pub pauses: Pauses,
    pub targets: Vec<DueTarget>,
    pub breach_ladder: Vec<PlannedBreach>,
}

impl SlaPlan {
    pub fn due(&self, target: SlaTarget) -> Option<Instant> {
        self.targets
            .iter()
            .find(|due| due.target == target)
            .and_then(|due| due.due)
    }
}

/// The sign-off a ticket needs before its owner may finish it: its amount is above an authorisation's limit.
/// The ticket goes to the approver when its owner would finish it, and back to the owner once approved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedApproval {
    pub authorisation: SharedText,
    pub description: SharedText,
    pub amount: f64,
    pub above: f64,
    pub approver: SharedText,
    pub approver_name: SharedText,
}

/// Everything `route` decided about a ticket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub team: SharedText,
    pub team_name: SharedText,
    pub tier: SharedText,
    pub tier_name: SharedText,
    pub tier_level: u32,
    pub kind: DecisionKind,
    pub decided_by: DecidedBy,
    pub priority: Priority,
    pub priority_source: PrioritySource,
    /// Escalation ladder from the matching matrix row, after the receiving team's own position in it.
    pub ladder: Vec<PlannedLevel>,
    pub sla: Option<SlaPlan>,
    /// The sign-off it needs before it may be finished, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<PlannedApproval>,
    pub trace: Trace,
}
