//! What one journey says, read once: escalations, first response, outcome, first contact, SLA results.

use crate::engine::journey::{EscalationKind, EventKind, Journey, SlaTarget};
use crate::engine::time::Instant;

use super::context::RunContext;

/// How a ticket stood when the period ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome<'a> {
    Open,
    Resolved { at: Instant, team: &'a str },
    Abandoned { at: Instant },
}

impl Outcome<'_> {
    pub fn is_closed(&self) -> bool {
        !matches!(self, Outcome::Open)
    }
}

/// One SLA target as it went for one ticket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SlaFact {
    /// The ticket had this target (the run sets it, or an event names it).
    pub had: bool,
    pub breached: bool,
    /// The target could never come due on its clock (a calendar that never opens, or not before its range
    /// ends): neither met nor breached, and so left out of compliance.
    pub never_due: bool,
    /// Met or breached: false while the target can still go either way, and for a never-due target.
    pub decided: bool,
    pub warnings: u32,
}

/// The facts about one journey that the metrics are computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketFacts<'a> {
    pub category: &'a str,
    pub created_at: Instant,
    /// Escalated events per kind, in [`EscalationKind::ALL`] order.
    pub escalations_by_kind: [u32; 3],
    /// The team each Escalated event left, in order.
    pub escalated_from: Vec<&'a str>,
    /// Every team the ticket was assigned to, in order, repeats included.
    pub assigned_to: Vec<&'a str>,
    pub first_response_at: Option<Instant>,
    pub outcome: Outcome<'a>,
    /// Resolved with no escalation, no waiting on the customer, no reopening, by the team first assigned.
    pub first_contact: bool,
    /// Per SLA target, in [`SlaTarget::ALL`] order.
    pub sla: [SlaFact; 4],
}

pub fn kind_index(kind: EscalationKind) -> usize {
    match kind {
        EscalationKind::Functional => 0,
        EscalationKind::Hierarchical => 1,
        EscalationKind::Automatic => 2,
    }
}

pub fn target_index(target: SlaTarget) -> usize {
    match target {
        SlaTarget::FirstResponse => 0,
        SlaTarget::NextUpdate => 1,
        SlaTarget::Resolution => 2,
        SlaTarget::FirstAssign => 3,
    }
}

impl<'a> TicketFacts<'a> {
    /// Reads the journey's events before `context.end`, in their stored order.
    pub fn read(journey: &'a Journey, context: &RunContext<'_>) -> TicketFacts<'a> {
        let mut facts = TicketFacts {
            category: &journey.ticket.category,
            created_at: journey.created_at,
            escalations_by_kind: [0; 3],
            escalated_from: Vec::new(),
            assigned_to: Vec::new(),
            first_response_at: None,
            outcome: Outcome::Open,
            first_contact: false,
            sla: [SlaFact::default(); 4],
        };
        let mut follow_up = false;
        let mut picked_up = false;
        for target in &context.sla_targets {
            facts.sla[target_index(*target)].had = true;
        }
        for event in journey.events.iter().filter(|event| event.at < context.end) {
            match &event.kind {
                EventKind::Assigned { team, .. } => facts.assigned_to.push(team),
                EventKind::FirstResponse { .. } => {
                    facts.first_response_at.get_or_insert(event.at);
                }
                EventKind::Escalated { kind, from, .. } => {
                    facts.escalations_by_kind[kind_index(*kind)] += 1;
                    facts.escalated_from.push(from);
                    follow_up = true;
                }
                EventKind::WaitingOnCustomer => follow_up = true,
                EventKind::Reopened => {
                    follow_up = true;
                    facts.outcome = Outcome::Open;
                }
                EventKind::Resolved { team } => {
                    facts.outcome = Outcome::Resolved { at: event.at, team };
                }
                EventKind::Abandoned => facts.outcome = Outcome::Abandoned { at: event.at },
                EventKind::SlaWarning { target, .. } => {
                    let sla = &mut facts.sla[target_index(*target)];
                    sla.had = true;
                    sla.warnings += 1;
                }
                EventKind::SlaBreach { target } => {
                    let sla = &mut facts.sla[target_index(*target)];
                    sla.had = true;
                    sla.breached = true;
                }
                EventKind::SlaNeverDue { target } => {
                    let sla = &mut facts.sla[target_index(*target)];
                    sla.had = true;
                    sla.never_due = true;
                }
                EventKind::SlaLevel { target, .. } => facts.sla[target_index(*target)].had = true,
                EventKind::Started { .. } => picked_up = true,
                EventKind::Created
                | EventKind::Returned { .. }
                | EventKind::Update { .. }
                | EventKind::CustomerReplied
                | EventKind::OnHold
                | EventKind::WaitingOnThirdParty
                | EventKind::Resumed
                | EventKind::Approved { .. } => {}
            }
        }
        facts.first_contact = match facts.outcome {
            Outcome::Resolved { team, .. } => {
                !follow_up && facts.assigned_to.first().is_none_or(|first| *first == team)
            }
            Outcome::Open | Outcome::Abandoned { .. } => false,
        };
        let closed = facts.outcome.is_closed();
        let responded = facts.first_response_at.is_some();
        for target in SlaTarget::ALL {
            let sla = &mut facts.sla[target_index(target)];
            let fulfilled = match target {
                SlaTarget::FirstResponse => responded || closed,
                SlaTarget::FirstAssign => picked_up || closed,
                SlaTarget::NextUpdate | SlaTarget::Resolution => closed,
            };
            sla.decided = !sla.never_due && (sla.breached || fulfilled);
        }
        facts
    }

    pub fn escalation_events(&self) -> u32 {
        self.escalations_by_kind.iter().sum()
    }

    pub fn escalated(&self) -> bool {
        self.escalation_events() > 0
    }

    pub fn first_response_seconds(&self) -> Option<i64> {
        self.first_response_at
            .map(|at| at.seconds_since(self.created_at))
    }

    pub fn resolved_at(&self) -> Option<Instant> {
        match self.outcome {
            Outcome::Resolved { at, .. } => Some(at),
            Outcome::Open | Outcome::Abandoned { .. } => None,
        }
    }
}
