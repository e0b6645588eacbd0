//! The ticket being typed into the Try-a-ticket form, kept as text until it becomes an engine `Ticket`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::engine::sla::{ClockEvent, ClockEventKind};
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
    /// `YYYY-MM-DDTHH:MM`, read as UTC.
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
    /// `YYYY-MM-DDTHH:MM`, read as UTC.
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    /// An agent answered or updated the customer.
    Reply,
    WaitingOnCustomer,
    CustomerReply,
    Resolved,
    Reopened,
}

impl HistoryKind {
    pub const ALL: [HistoryKind; 5] = [
        HistoryKind::Reply,
        HistoryKind::WaitingOnCustomer,
        HistoryKind::CustomerReply,
        HistoryKind::Resolved,
        HistoryKind::Reopened,
    ];

    pub fn key(self) -> &'static str {
        match self {
            HistoryKind::Reply => "reply",
            HistoryKind::WaitingOnCustomer => "waiting_on_customer",
            HistoryKind::CustomerReply => "customer_reply",
            HistoryKind::Resolved => "resolved",
            HistoryKind::Reopened => "reopened",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HistoryKind::Reply => "Agent replies",
            HistoryKind::WaitingOnCustomer => "Waiting on the customer",
            HistoryKind::CustomerReply => "Customer replies",
            HistoryKind::Resolved => "Resolved",
            HistoryKind::Reopened => "Reopened",
        }
    }

    fn clock_event(self) -> ClockEventKind {
        match self {
            HistoryKind::Reply => ClockEventKind::AgentReply,
            HistoryKind::WaitingOnCustomer => ClockEventKind::WaitingOnCustomer,
            HistoryKind::CustomerReply => ClockEventKind::CustomerReply,
            HistoryKind::Resolved => ClockEventKind::Resolved,
            HistoryKind::Reopened => ClockEventKind::Reopened,
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

    /// The history as clock events in time order (steps at the same minute keep their order).
    pub fn clock_events(&self) -> Result<Vec<ClockEvent>, DraftError> {
        let mut events = self
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
                Ok(ClockEvent::new(at, entry.kind.clock_event()))
            })
            .collect::<Result<Vec<_>, DraftError>>()?;
        events.sort_by_key(|event| event.at);
        Ok(events)
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
