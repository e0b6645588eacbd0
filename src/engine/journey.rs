//! A ticket's journey: the timestamped events that both the simulator and the importer produce and metrics read.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::ticket::Ticket;
use super::time::Instant;

/// Why a ticket moved to another team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EscalationKind {
    /// Sideways, to the team with the right skills.
    Functional,
    /// Upwards, to more authority.
    Hierarchical,
    /// By time: an SLA warning or breach moved it.
    Automatic,
}

impl EscalationKind {
    pub const ALL: [EscalationKind; 3] = [
        EscalationKind::Functional,
        EscalationKind::Hierarchical,
        EscalationKind::Automatic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EscalationKind::Functional => "functional",
            EscalationKind::Hierarchical => "hierarchical",
            EscalationKind::Automatic => "automatic",
        }
    }
}

/// The promises an SLA makes about a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaTarget {
    FirstResponse,
    NextUpdate,
    Resolution,
    /// An agent picks the ticket up (starts working on it) within the target.
    FirstAssign,
}

impl SlaTarget {
    pub const ALL: [SlaTarget; 4] = [
        SlaTarget::FirstResponse,
        SlaTarget::NextUpdate,
        SlaTarget::Resolution,
        SlaTarget::FirstAssign,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SlaTarget::FirstResponse => "first_response",
            SlaTarget::NextUpdate => "next_update",
            SlaTarget::Resolution => "resolution",
            SlaTarget::FirstAssign => "first_assign",
        }
    }
}

/// What happened to a ticket at one moment. Team names and reasons are shared (`Arc<str>`): a simulation
/// records the same few names on millions of events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    Created,
    /// The ticket entered a team's queue.
    Assigned {
        team: Arc<str>,
        reason: Arc<str>,
    },
    /// An agent of `team` started working on it: `agent` names them when the team hands tickets to individuals.
    Started {
        team: Arc<str>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        agent: Option<Arc<str>>,
    },
    /// `agent` of `team` had not started the ticket when the team's assignee-return timer ran out, so it goes
    /// back: to the next agent, or up to a lead (an `Escalated` event follows).
    Returned {
        team: Arc<str>,
        agent: Arc<str>,
    },
    /// The first human answer to the customer.
    FirstResponse {
        team: Arc<str>,
    },
    /// A later answer or status update to the customer.
    Update {
        team: Arc<str>,
    },
    Escalated {
        kind: EscalationKind,
        from: Arc<str>,
        to: Arc<str>,
        reason: Arc<str>,
    },
    WaitingOnCustomer,
    CustomerReplied,
    /// Parked by the team (the customer asked to be contacted later, a planned change).
    OnHold,
    /// Waiting on a vendor, a carrier or another company.
    WaitingOnThirdParty,
    /// An on-hold or third-party wait ended: the ticket is back in its team's queue.
    Resumed,
    /// `team` approved what the ticket's authorisation asked (a refund above a limit); it goes back to its
    /// owner, who may now finish it.
    Approved {
        team: Arc<str>,
    },
    SlaWarning {
        target: SlaTarget,
        percent: u8,
    },
    SlaBreach {
        target: SlaTarget,
    },
    /// The target can never come due (see `sla::CheckpointKind::NeverDue`): neither met nor breached.
    SlaNeverDue {
        target: SlaTarget,
    },
    /// A breach-ladder level fired, naming who is escalated to or notified.
    SlaLevel {
        target: SlaTarget,
        level: u32,
        to: Arc<str>,
    },
    Resolved {
        team: Arc<str>,
    },
    Reopened,
    /// The customer gave up before an answer.
    Abandoned,
}

/// One timestamped event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub at: Instant,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// A ticket and everything that happened to it, in time order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    pub ticket: Ticket,
    pub created_at: Instant,
    pub events: Vec<Event>,
}

impl Journey {
    pub fn escalations(&self) -> impl Iterator<Item = (&Event, EscalationKind)> {
        self.events.iter().filter_map(|event| match &event.kind {
            EventKind::Escalated { kind, .. } => Some((event, *kind)),
            _ => None,
        })
    }

    pub fn first_response_at(&self) -> Option<Instant> {
        self.events.iter().find_map(|event| match event.kind {
            EventKind::FirstResponse { .. } => Some(event.at),
            _ => None,
        })
    }

    /// Whether any of the journey's events is of a kind `wanted` accepts.
    pub fn has_event(&self, wanted: impl Fn(&EventKind) -> bool) -> bool {
        self.events.iter().any(|event| wanted(&event.kind))
    }

    pub fn resolved_at(&self) -> Option<Instant> {
        self.events.iter().rev().find_map(|event| match event.kind {
            EventKind::Resolved { .. } => Some(event.at),
            _ => None,
        })
    }
}
