//! The ticket events that drive SLA clocks, and their mapping from journey events.

use super::pauses::WaitState;
use crate::engine::journey::{Event, EventKind};
use crate::engine::time::Instant;

/// What happened to the ticket, as far as SLA clocks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClockEventKind {
    /// An agent started working on the ticket; the first time is its first assignment.
    PickedUp,
    /// A human answer or update to the customer; the first one is the first response.
    AgentReply,
    /// The ticket now waits on the customer.
    WaitingOnCustomer,
    /// The customer answered; a ticket waiting on them is no longer waiting.
    CustomerReply,
    /// The team put the ticket on hold.
    OnHold,
    /// The ticket now waits on a third party (a vendor, a carrier).
    WaitingOnThirdParty,
    /// Work on the ticket resumed: whatever it waited in, it waits no longer.
    Resumed,
    Resolved,
    Reopened,
}

impl ClockEventKind {
    /// The waiting state this event puts the ticket in, if it starts one.
    pub fn starts_wait(self) -> Option<WaitState> {
        match self {
            ClockEventKind::WaitingOnCustomer => Some(WaitState::WaitingOnCustomer),
            ClockEventKind::OnHold => Some(WaitState::OnHold),
            ClockEventKind::WaitingOnThirdParty => Some(WaitState::WaitingOnThirdParty),
            _ => None,
        }
    }

    /// Whether this event ends a wait in `state`: the customer's reply ends a wait on the customer, resuming
    /// or resolving ends any wait, and a new waiting state replaces the one before.
    pub fn ends_wait(self, state: WaitState) -> bool {
        match self {
            ClockEventKind::CustomerReply => state == WaitState::WaitingOnCustomer,
            ClockEventKind::Resumed | ClockEventKind::Resolved => true,
            other => other.starts_wait().is_some_and(|next| next != state),
        }
    }
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
            EventKind::Started { .. } => ClockEventKind::PickedUp,
            EventKind::FirstResponse { .. } | EventKind::Update { .. } => {
                ClockEventKind::AgentReply
            }
            EventKind::WaitingOnCustomer => ClockEventKind::WaitingOnCustomer,
            EventKind::CustomerReplied => ClockEventKind::CustomerReply,
            EventKind::OnHold => ClockEventKind::OnHold,
            EventKind::WaitingOnThirdParty => ClockEventKind::WaitingOnThirdParty,
            EventKind::Resumed => ClockEventKind::Resumed,
            EventKind::Resolved { .. } => ClockEventKind::Resolved,
            EventKind::Reopened => ClockEventKind::Reopened,
            _ => return None,
        };
        Some(ClockEvent::new(event.at, kind))
    }
}
