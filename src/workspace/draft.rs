//! The ticket being typed into the Try-a-ticket form, kept as text until it becomes an engine `Ticket`.

use std::fmt;

use serde::{Deserialize, Serialize};

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
}

/// Why a draft cannot be routed yet.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftError {
    Amount(String),
    CreatedAt(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Amount(text) => write!(f, "amount {text:?} is not a number"),
            DraftError::CreatedAt(text) => {
                write!(f, "created at {text:?} is not a date and time")
            }
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
        }
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
