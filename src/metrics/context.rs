//! What `summarize` needs to know about a run besides its journeys: the period, the teams and the business clock.

use serde::{Deserialize, Serialize};

use crate::engine::calendar::NamedZone;
use crate::engine::journey::{Journey, SlaTarget};
use crate::engine::ticket::{Priority, Ticket};
use crate::engine::time::Instant;

/// Measures business time, so that durations can be reported in opening hours as well as calendar time.
///
/// The engine's calendars implement this; [`AlwaysOpen`] is the 24/7 clock.
pub trait BusinessClock {
    /// Open seconds in `[from, to)`; zero or negative when `to` is not after `from`.
    fn business_seconds_between(&self, from: Instant, to: Instant) -> i64;
}

/// Picks the business clock each ticket's durations are measured on, such as the calendar of the ticket's own
/// SLA policy. Any [`BusinessClock`] is one clock for every ticket.
pub trait TicketClocks {
    fn clock_for(&self, journey: &Journey) -> &dyn BusinessClock;
}

impl<C: BusinessClock> TicketClocks for C {
    fn clock_for(&self, _journey: &Journey) -> &dyn BusinessClock {
        self
    }
}

/// The open hours of each team of a run (by its place in `RunContext::teams`), so that utilisation counts
/// only the work done while the team is staffed.
pub trait TeamHours {
    /// The clock of team `index`'s calendar; `None` when it is always open.
    fn team_clock(&self, index: usize) -> Option<&dyn BusinessClock>;
}

/// A ticket's priority as its policy sees it: the given one, or the one the policy derives (from impact ×
/// urgency) for a ticket without one.
pub trait TicketPriorities {
    fn priority_of(&self, ticket: &Ticket) -> Priority;
}

/// A calendar that never closes: business time equals calendar time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlwaysOpen;

impl BusinessClock for AlwaysOpen {
    fn business_seconds_between(&self, from: Instant, to: Instant) -> i64 {
        to.seconds_since(from)
    }
}

/// One team's place and capacity during the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamContext {
    /// The team id as it appears in journey events.
    pub team: String,
    /// The tier the team belongs to (e.g. `"L1"`), for escalation by tier of origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Agents on the team.
    pub agents: u32,
    /// Seconds of the team's calendar that are open (staffed) within the run's period.
    pub staffed_seconds: i64,
    /// Cost of one agent hour, in the policy's currency, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_cost: Option<f64>,
    /// The agents' names when the team hands tickets to individuals; empty for a pooled queue.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agent_names: Vec<String>,
}

/// The run that produced the journeys: its period `[start, end)`, its teams, its SLA targets, its clock.
#[derive(Clone)]
pub struct RunContext<'a> {
    pub start: Instant,
    /// Exclusive end of the period; events at or after it are not observed.
    pub end: Instant,
    pub teams: Vec<TeamContext>,
    /// SLA targets that the run's SLA policies set for every ticket. A ticket also has a target when any of
    /// its events (warning, breach, ladder level) names it.
    pub sla_targets: Vec<SlaTarget>,
    /// Each ticket's clock for business-time statistics; without one they are left out.
    pub business_clock: Option<&'a dyn TicketClocks>,
    /// Derives the priority of tickets that carry none, for the SLA results by priority; without it they
    /// count as `not given`.
    pub priorities: Option<&'a dyn TicketPriorities>,
    /// The zone whose local midnights begin the days, weeks and months of the series.
    pub zone: NamedZone,
    /// The teams' open hours; without them every team counts as always open.
    pub team_hours: Option<&'a dyn TeamHours>,
}

impl<'a> RunContext<'a> {
    /// A context for the period `[start, end)` with no teams, the three targets most SLAs set (first response,
    /// next update, resolution; first assign only where its events name it), no business clock, UTC days.
    pub fn new(start: Instant, end: Instant) -> RunContext<'a> {
        RunContext {
            start,
            end,
            teams: Vec::new(),
            sla_targets: vec![
                SlaTarget::FirstResponse,
                SlaTarget::NextUpdate,
                SlaTarget::Resolution,
            ],
            business_clock: None,
            priorities: None,
            zone: NamedZone::utc(),
            team_hours: None,
        }
    }

    pub fn with_teams(mut self, teams: Vec<TeamContext>) -> RunContext<'a> {
        self.teams = teams;
        self
    }

    pub fn with_sla_targets(mut self, targets: Vec<SlaTarget>) -> RunContext<'a> {
        self.sla_targets = targets;
        self
    }

    pub fn with_business_clock(mut self, clock: &'a dyn TicketClocks) -> RunContext<'a> {
        self.business_clock = Some(clock);
        self
    }

    pub fn with_priorities(mut self, priorities: &'a dyn TicketPriorities) -> RunContext<'a> {
        self.priorities = Some(priorities);
        self
    }

    pub fn with_team_hours(mut self, hours: &'a dyn TeamHours) -> RunContext<'a> {
        self.team_hours = Some(hours);
        self
    }

    pub fn with_zone(mut self, zone: NamedZone) -> RunContext<'a> {
        self.zone = zone;
        self
    }
}
