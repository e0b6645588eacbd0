//! The ticket being typed into the Try-a-ticket form, kept as text until it becomes an engine `Ticket`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::engine::ticket::{Channel, Priority, Signals, Ticket};
use crate::engine::time::Instant;

/// What the form holds; every field is what the user typed, so nothing is lost on an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketDraft {
    pub category: String,
    pub priority: Priority,
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
            channel: Channel::Email,
            segment: "standard".to_owned(),
            amount: String::new(),
            signals: Signals::default(),
            created_at,
        }
    }

    /// The ticket and the instant it was created, or what is wrong with the draft.
    pub fn to_ticket(&self) -> Result<(Ticket, Instant), DraftError> {
        let mut ticket = Ticket::new(&self.category, self.priority, self.channel);
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
