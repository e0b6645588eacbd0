//! The ticket events that drive SLA clocks, and their mapping from journey events.

use crate::engine::journey::{Event, EventKind};
use crate::engine::time::Instant;

/// What happened to the ticket, as far as SLA clocks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClockEventKind {
    /// A human answer or update to the customer; the first one is the first response.
    AgentReply,
    /// The ticket now waits on the customer.
    WaitingOnCustomer,
    /// The customer answered; a ticket waiting on them is no longer waiting.
    CustomerReply,
    Resolved,
    Reopened,
}

/// One timestamped clock event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClockEvent {
    pub at: Instant,
    pub kind: ClockEventKind,
}

impl ClockEvent {
    pub fn new(at: Instant, kind: ClockEventKind) -> ClockEvent {
        ClockEvent { at, kind }
    }

    /// The clock event a journey event amounts to, if any (first responses and updates are replies).
    pub fn from_journey(event: &Event) -> Option<ClockEvent> {
        let kind = match event.kind {
            EventKind::FirstResponse { .. } | EventKind::Update { .. } => {
                ClockEventKind::AgentReply
            }
            EventKind::WaitingOnCustomer => ClockEventKind::WaitingOnCustomer,
            EventKind::CustomerReplied => ClockEventKind::CustomerReply,
            EventKind::Resolved { .. } => ClockEventKind::Resolved,
            EventKind::Reopened => ClockEventKind::Reopened,
            _ => return None,
        };
        Some(ClockEvent::new(event.at, kind))
    }
}
