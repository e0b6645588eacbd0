//! What the simulator needs from a policy: teams, calendars, routing, escalation on failure, SLA checkpoints.

use crate::engine::journey::{EscalationKind, SlaTarget};
use crate::engine::sla::{Clock, Pauses};
use crate::engine::ticket::{Priority, Ticket};
use crate::engine::time::Instant;

/// A team's position in `PolicyModel::teams()`.
pub type TeamId = u16;

/// A team as the simulator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamInfo {
    pub name: String,
    /// 1 for first line, higher numbers for higher tiers.
    pub tier: u8,
    /// Default agent count; a scenario's `staffing` overrides it.
    pub agents: u32,
}

/// Opening hours of a team.
pub trait TeamCalendar {
    fn is_open(&self, at: Instant) -> bool;
    /// The first open instant at or after `at` (`at` itself when open); `None` if never open again.
    fn next_open(&self, at: Instant) -> Option<Instant>;
    /// The first closed instant at or after `at`; `None` if it never closes again.
    fn next_close(&self, at: Instant) -> Option<Instant>;
}

/// How a ticket reached a team other than the one it would have gone to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escalation {
    pub kind: EscalationKind,
    pub from: TeamId,
}

/// A team receiving a ticket, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assignment<'m> {
    pub team: TeamId,
    /// `None` for a plain assignment; otherwise the kind of escalation and the team it left.
    pub escalation: Option<Escalation>,
    /// The rule or matrix cell that decided (shown in the journey).
    pub reason: &'m str,
}

/// What happens at an SLA checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckpointKind<'m> {
    Warning {
        percent: u8,
    },
    Breach,
    /// The target can never come due on its clock (see `engine::sla::CheckpointKind::NeverDue`).
    NeverDue,
    /// A breach-ladder level: notify `notify`; when `escalate_to` is set, a waiting ticket moves there.
    Level {
        level: u32,
        notify: &'m str,
        escalate_to: Option<TeamId>,
    },
    /// An escalation-matrix level reached by time: a ticket still waiting then moves to `escalate_to`
    /// (automatic escalation), unless it already sits with a team in `unless_at` (this level's team or a
    /// later one of the same ladder). Uses `SlaTarget::Resolution`: it applies while the ticket is open.
    Ladder {
        level: u32,
        escalate_to: TeamId,
        unless_at: &'m [TeamId],
    },
}

/// One timed SLA checkpoint of a ticket, at an absolute instant (business time already applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint<'m> {
    pub at: Instant,
    pub target: SlaTarget,
    pub kind: CheckpointKind<'m>,
    pub reason: &'m str,
    /// Set on a checkpoint that fires again later: the model's `next_repeat` plans the next firing when this
    /// one has fired, instead of every firing being planned when the ticket arrives.
    pub repeat: Option<Repeat>,
}

/// Where a repeating checkpoint stands among its firings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    /// Firings still possible after this one (fewer when a clock never gets that far).
    pub left: u32,
    /// This firing's number, 0 for the first.
    pub firing: u32,
    /// Which of the model's clocks repeats (the model's own numbering).
    pub clock: u32,
    /// Which level of that clock repeats (the model's own numbering).
    pub level: u32,
    /// The counted seconds the firings are measured from (the model's own value, e.g. a target's goal).
    pub base: i64,
}

/// The policy as the simulator drives it; the compiled engine policy implements it, and
/// `sim::reference_models` has small implementations for tests.
pub trait PolicyModel {
    fn teams(&self) -> &[TeamInfo];
    fn calendar(&self, team: TeamId) -> &dyn TeamCalendar;
    /// Where a new ticket goes first.
    fn route(&self, ticket: &Ticket, at: Instant) -> Assignment<'_>;
    /// The priority the ticket is queued by: its own, or (in the engine's model) the one the policy derives
    /// from impact × urgency or its default.
    fn priority(&self, ticket: &Ticket) -> Priority {
        ticket.priority.unwrap_or(Priority::Medium)
    }
    /// When the next update to the customer falls due after an answer or update at `from` (the clock
    /// restarts at each one); `None` when the ticket's SLA has no next-update target.
    fn next_update_due(
        &self,
        _ticket: &Ticket,
        _receiver: TeamId,
        _from: Instant,
    ) -> Option<Instant> {
        None
    }
    /// Appends the breach-ladder levels of the next-update clock armed by an answer or update at `from`, moved
    /// by the `paused` counted seconds a wait has held it since; they fire only if that clock breaches and
    /// no answer follows. A repeating level comes with its first firing, as in `sla_checkpoints`.
    fn next_update_levels<'s>(
        &'s self,
        _ticket: &Ticket,
        _receiver: TeamId,
        _from: Instant,
        _paused: i64,
        _out: &mut Vec<Checkpoint<'s>>,
    ) {
    }
    /// Who must approve the ticket before its owner may finish it, and the reason the request records;
    /// `None` when it needs no sign-off.
    fn approver(&self, _ticket: &Ticket) -> Option<(TeamId, &str)> {
        None
    }
    /// Where a ticket goes when `team` could not resolve it; `None` means `team` finishes it anyway.
    fn on_unresolved(&self, ticket: &Ticket, team: TeamId, at: Instant) -> Option<Assignment<'_>>;
    /// Appends the ticket's timed checkpoints (any order) to `out`: SLA warnings, breaches and breach-ladder
    /// levels, and escalation-matrix levels. `receiver` is the team `route` chose (whose calendar some clocks
    /// count on, and where a matrix ladder starts).
    fn sla_checkpoints<'s>(
        &'s self,
        ticket: &Ticket,
        created: Instant,
        receiver: TeamId,
        out: &mut Vec<Checkpoint<'s>>,
    );
    /// The firing after `checkpoint` (one with `repeat` set, that has just fired) of a ticket created at
    /// `created` and received by `receiver`, whose SLA clocks have been held for `paused` counted seconds so
    /// far; `None` when there is no further firing.
    fn next_repeat<'s>(
        &'s self,
        _checkpoint: &Checkpoint<'s>,
        _created: Instant,
        _receiver: TeamId,
        _paused: i64,
    ) -> Option<Checkpoint<'s>> {
        None
    }
    /// The clock of the ticket's SLA and the targets each waiting state holds, when any state holds any: a
    /// wait then moves the held targets' checkpoints and next-update due instant by the time it counts on
    /// this clock. `None` when no waiting state holds anything of the ticket's SLA (or it has none).
    fn waiting_pauses(&self, _ticket: &Ticket, _receiver: TeamId) -> Option<(Clock<'_>, Pauses)> {
        None
    }
    /// Calendar seconds a ticket may wait on the customer before its SLA policy closes it as resolved;
    /// `None` when it waits for as long as it takes.
    fn auto_close_after(&self, _ticket: &Ticket) -> Option<i64> {
        None
    }
}
