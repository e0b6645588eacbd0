//! The ticket being typed into the Try-a-ticket form, kept as text until it becomes an engine `Ticket`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::engine::decision::Decision;
use crate::engine::policy::CompiledPolicy;
use crate::engine::route::sla_plan_at_priority;
use crate::engine::sla::{
    clocks_after_history, ClockEvent, ClockEventKind, ClocksAfterHistory, PlanChange,
};
use crate::engine::ticket::{Channel, Level, Priority, Signals, Ticket};
use crate::engine::time::Instant;

/// What the form holds; every field is what the user typed, so nothing is lost on an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketDraft {
    pub category: String,
    /// The given priority, unless impact and urgency are both set.
    pub priority: Priority,
    /// Impact and urgency: when both are set, the ticket has no given priority and the policy's priority
    /// matrix derives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Level>,
    pub channel: Channel,
    pub segment: String,
    pub amount: String,
    pub signals: Signals,
    /// `YYYY-MM-DDTHH:MM` in UTC; the form shows and takes it in the shown zone (`wall_clock`).
    pub created_at: String,
    /// What happened to the ticket after it was created, to see the SLA clocks it gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryStep>,
}

/// One thing that happened to the ticket being tried.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryStep {
    pub kind: HistoryKind,
    /// `YYYY-MM-DDTHH:MM` in UTC; the form shows and takes it in the shown zone (`wall_clock`).
    pub at: String,
    /// The new priority of a `priority_changed` step (medium when missing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    /// An agent started working on the ticket (the first time meets first assign).
    PickedUp,
    /// An agent answered or updated the customer.
    Reply,
    WaitingOnCustomer,
    CustomerReply,
    OnHold,
    WaitingOnThirdParty,
    /// Work resumed: the ticket waits on nobody any more.
    Resumed,
    Resolved,
    Reopened,
    /// Someone changed the ticket's priority, which can select other targets or another SLA policy.
    PriorityChanged,
}

impl HistoryKind {
    pub const ALL: [HistoryKind; 10] = [
        HistoryKind::PickedUp,
        HistoryKind::Reply,
        HistoryKind::WaitingOnCustomer,
        HistoryKind::CustomerReply,
        HistoryKind::OnHold,
        HistoryKind::WaitingOnThirdParty,
        HistoryKind::Resumed,
        HistoryKind::Resolved,
        HistoryKind::Reopened,
        HistoryKind::PriorityChanged,
    ];

    pub fn key(self) -> &'static str {
        match self {
            HistoryKind::PickedUp => "picked_up",
            HistoryKind::Reply => "reply",
            HistoryKind::WaitingOnCustomer => "waiting_on_customer",
            HistoryKind::CustomerReply => "customer_reply",
            HistoryKind::OnHold => "on_hold",
            HistoryKind::WaitingOnThirdParty => "waiting_on_third_party",
            HistoryKind::Resumed => "resumed",
            HistoryKind::Resolved => "resolved",
            HistoryKind::Reopened => "reopened",
            HistoryKind::PriorityChanged => "priority_changed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HistoryKind::PickedUp => "Agent picks it up",
            HistoryKind::Reply => "Agent replies",
            HistoryKind::WaitingOnCustomer => "Waiting on the customer",
            HistoryKind::CustomerReply => "Customer replies",
            HistoryKind::OnHold => "Put on hold",
            HistoryKind::WaitingOnThirdParty => "Waiting on a third party",
            HistoryKind::Resumed => "Work resumed",
            HistoryKind::Resolved => "Resolved",
            HistoryKind::Reopened => "Reopened",
            HistoryKind::PriorityChanged => "Priority changed",
        }
    }

    /// The clock event of the step; a priority change is none (it changes the terms, see `history_clocks`).
    fn clock_event(self) -> Option<ClockEventKind> {
        match self {
            HistoryKind::PickedUp => Some(ClockEventKind::PickedUp),
            HistoryKind::Reply => Some(ClockEventKind::AgentReply),
            HistoryKind::WaitingOnCustomer => Some(ClockEventKind::WaitingOnCustomer),
            HistoryKind::CustomerReply => Some(ClockEventKind::CustomerReply),
            HistoryKind::OnHold => Some(ClockEventKind::OnHold),
            HistoryKind::WaitingOnThirdParty => Some(ClockEventKind::WaitingOnThirdParty),
            HistoryKind::Resumed => Some(ClockEventKind::Resumed),
            HistoryKind::Resolved => Some(ClockEventKind::Resolved),
            HistoryKind::Reopened => Some(ClockEventKind::Reopened),
            HistoryKind::PriorityChanged => None,
        }
    }
}

/// Why a draft cannot be routed yet.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftError {
    Amount(String),
    CreatedAt(String),
    /// Step `step` (0-based) of the history has a time that is not a date and time.
    HistoryAt {
        step: usize,
        text: String,
    },
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Amount(text) => write!(f, "amount {text:?} is not a number"),
            DraftError::CreatedAt(text) => {
                write!(f, "created at {text:?} is not a date and time")
            }
            DraftError::HistoryAt { step, text } => write!(
                f,
                "step {} of the history: {text:?} is not a date and time",
                step + 1
            ),
        }
    }
}

impl TicketDraft {
    pub fn new(category: &str, created_at: String) -> TicketDraft {
        TicketDraft {
            category: category.to_owned(),
            priority: Priority::Medium,
            impact: None,
            urgency: None,
            channel: Channel::Email,
            segment: "standard".to_owned(),
            amount: String::new(),
            signals: Signals::default(),
            created_at,
            history: Vec::new(),
        }
    }

    /// Each history step with its instant, in time order (steps at the same minute keep their order).
    fn timed_steps(&self) -> Result<Vec<(Instant, &HistoryStep)>, DraftError> {
        let mut steps = self
            .history
            .iter()
            .enumerate()
            .map(|(step, entry)| {
                let at = Instant::parse_rfc3339(&format!("{}:00Z", entry.at)).map_err(|_| {
                    DraftError::HistoryAt {
                        step,
                        text: entry.at.clone(),
                    }
                })?;
                Ok((at, entry))
            })
            .collect::<Result<Vec<_>, DraftError>>()?;
        steps.sort_by_key(|(at, _)| *at);
        Ok(steps)
    }

    /// The history as clock events in time order (steps at the same minute keep their order); priority
    /// changes are not clock events.
    pub fn clock_events(&self) -> Result<Vec<ClockEvent>, DraftError> {
        Ok(self
            .timed_steps()?
            .into_iter()
            .filter_map(|(at, step)| Some(ClockEvent::new(at, step.kind.clock_event()?)))
            .collect())
    }

    /// The routed ticket's SLA clocks after the history: `None` when the history is empty or the ticket has
    /// no SLA. At each priority change the SLA policy is chosen again for the new priority (kept when none
    /// covers it), with the team that received the ticket.
    pub fn history_clocks(
        &self,
        policy: &CompiledPolicy,
        decision: &Decision,
        created: Instant,
    ) -> Result<Option<ClocksAfterHistory>, DraftError> {
        let steps = self.timed_steps()?;
        let (Some(plan), false) = (&decision.sla, steps.is_empty()) else {
            return Ok(None);
        };
        let events = self.clock_events()?;
        let Ok((ticket, _)) = self.to_ticket() else {
            return Ok(None);
        };
        let receiver = policy
            .teams
            .iter()
            .position(|team| *team.id == *decision.team)
            .unwrap_or(policy.default_team);
        let mut changes: Vec<PlanChange> = Vec::new();
        for (at, step) in steps {
            if step.kind != HistoryKind::PriorityChanged {
                continue;
            }
            let priority = step.priority.unwrap_or(Priority::Medium);
            let in_force = changes.last().map_or(plan, |change| &change.plan);
            let plan = sla_plan_at_priority(policy, &ticket, priority, receiver, created)
                .unwrap_or_else(|| in_force.clone());
            changes.push(PlanChange { at, plan });
        }
        Ok(Some(clocks_after_history(
            policy, plan, created, &events, &changes,
        )))
    }

    /// Whether the priority comes from impact × urgency rather than being given.
    pub fn uses_impact_and_urgency(&self) -> bool {
        self.impact.is_some() && self.urgency.is_some()
    }

    /// The ticket and the instant it was created, or what is wrong with the draft.
    pub fn to_ticket(&self) -> Result<(Ticket, Instant), DraftError> {
        let mut ticket = Ticket::new(&self.category, self.priority, self.channel);
        if let (Some(impact), Some(urgency)) = (self.impact, self.urgency) {
            ticket.priority = None;
            ticket.impact = Some(impact);
            ticket.urgency = Some(urgency);
        }
        ticket.segment = self.segment.clone();
        ticket.signals = self.signals;
        let amount = self.amount.trim();
        if !amount.is_empty() {
            let value: f64 = amount
                .parse()
                .map_err(|_| DraftError::Amount(self.amount.clone()))?;
            ticket.amount = Some(value);
        }
        let at = Instant::parse_rfc3339(&format!("{}:00Z", self.created_at))
            .map_err(|_| DraftError::CreatedAt(self.created_at.clone()))?;
        Ok((ticket, at))
    }
}
