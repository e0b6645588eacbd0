//! Turns one ticket's status rows, in time order, into a well-formed `Journey`: events never go back in
//! time, a ticket is resolved at most once per reopening, and every team change is an escalation (up a
//! level, or sideways) or, back down a level, a ping-pong move.

use std::sync::Arc;

use crate::engine::journey::{EscalationKind, Event, EventKind, Journey};
use crate::engine::ticket::Ticket;
use crate::engine::time::Instant;

/// How a team change moved a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The first team the ticket was assigned to.
    First,
    /// To a team on a higher support level.
    Up,
    /// To another team on the same level, or where levels are unknown.
    Sideways,
    /// Back to a team on a lower level: ping-pong.
    Down,
}

/// Counts of team changes over a journey.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moves {
    pub reassignments: u32,
    pub up: u32,
    pub ping_pong: u32,
}

pub struct JourneyBuilder {
    ticket: Ticket,
    created_at: Instant,
    events: Vec<Event>,
    team: Option<(Arc<str>, Option<u8>)>,
    waiting: bool,
    resolved: bool,
    responded: bool,
    pub moves: Moves,
}

impl JourneyBuilder {
    pub fn new(ticket: Ticket, created_at: Instant) -> JourneyBuilder {
        JourneyBuilder {
            ticket,
            created_at,
            events: vec![Event {
                at: created_at,
                kind: EventKind::Created,
            }],
            team: None,
            waiting: false,
            resolved: false,
            responded: false,
            moves: Moves::default(),
        }
    }

    /// The time of the last event: a later row at an earlier time is read at this time.
    pub fn last_at(&self) -> Instant {
        self.events.last().map_or(self.created_at, |event| event.at)
    }

    fn push(&mut self, at: Instant, kind: EventKind) {
        let at = Instant(at.0.max(self.last_at().0));
        self.events.push(Event { at, kind });
    }

    fn team_name(&self) -> Arc<str> {
        self.team
            .as_ref()
            .map_or_else(|| Arc::from("unassigned"), |(team, _)| team.clone())
    }

    /// The ticket is with `team` (on support level `level`, when known) from `at`.
    pub fn assign(
        &mut self,
        at: Instant,
        team: &str,
        level: Option<u8>,
        reason: &str,
    ) -> Option<Move> {
        let movement = match &self.team {
            None => Move::First,
            Some((current, _)) if &**current == team => return None,
            Some((_, current_level)) => match (*current_level, level) {
                (Some(from), Some(to)) if to > from => Move::Up,
                (Some(from), Some(to)) if to < from => Move::Down,
                _ => Move::Sideways,
            },
        };
        let to: Arc<str> = Arc::from(team);
        let from = self.team_name();
        let kind = match movement {
            Move::First => EventKind::Assigned {
                team: to.clone(),
                reason: Arc::from(reason),
            },
            Move::Down => EventKind::Assigned {
                team: to.clone(),
                reason: Arc::from(format!("back down from {from} (ping-pong)").as_str()),
            },
            Move::Up | Move::Sideways => EventKind::Escalated {
                kind: if movement == Move::Up {
                    EscalationKind::Hierarchical
                } else {
                    EscalationKind::Functional
                },
                from,
                to: to.clone(),
                reason: Arc::from(reason),
            },
        };
        if movement != Move::First {
            self.moves.reassignments += 1;
        }
        match movement {
            Move::Up => self.moves.up += 1,
            Move::Down => self.moves.ping_pong += 1,
            Move::First | Move::Sideways => {}
        }
        self.push(at, kind);
        self.team = Some((to, level));
        Some(movement)
    }

    /// The first answer to the customer, once.
    pub fn respond(&mut self, at: Instant) {
        if !self.responded {
            self.responded = true;
            let team = self.team_name();
            self.push(at, EventKind::FirstResponse { team });
        }
    }

    /// Waiting on the customer, or no longer.
    pub fn wait_on_customer(&mut self, at: Instant, waiting: bool) {
        if waiting != self.waiting {
            self.waiting = waiting;
            let kind = if waiting {
                EventKind::WaitingOnCustomer
            } else {
                EventKind::CustomerReplied
            };
            self.push(at, kind);
        }
    }

    /// Resolved (once per reopening).
    pub fn resolve(&mut self, at: Instant) {
        if !self.resolved {
            self.wait_on_customer(at, false);
            self.resolved = true;
            let team = self.team_name();
            self.push(at, EventKind::Resolved { team });
        }
    }

    /// Worked on again after a resolution.
    pub fn reopen(&mut self, at: Instant) {
        if self.resolved {
            self.resolved = false;
            self.push(at, EventKind::Reopened);
        }
    }

    /// The log's own verdict that the ticket missed an SLA target, recorded at its last event (the log does
    /// not say when the target was breached).
    pub fn missed_sla(&mut self, target: crate::engine::journey::SlaTarget) {
        let at = self.last_at();
        self.push(at, EventKind::SlaBreach { target });
    }

    pub fn finish(self) -> Journey {
        Journey {
            ticket: self.ticket,
            created_at: self.created_at,
            events: self.events,
        }
    }
}
