//! `SlaTerms`: one SLA policy compiled for one ticket's priority — the input every SLA clock reads.

use serde::Serialize;

use super::pauses::Pauses;
use crate::engine::calendar::{BusinessFrom, Calendar};
use crate::engine::journey::SlaTarget;
use crate::engine::time::Instant;

/// The goal of each target in counted seconds; `None` when the policy sets no such target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TargetDurations {
    pub first_response: Option<i64>,
    pub next_update: Option<i64>,
    pub resolution: Option<i64>,
    pub first_assign: Option<i64>,
}

impl TargetDurations {
    pub fn get(&self, target: SlaTarget) -> Option<i64> {
        match target {
            SlaTarget::FirstResponse => self.first_response,
            SlaTarget::NextUpdate => self.next_update,
            SlaTarget::Resolution => self.resolution,
            SlaTarget::FirstAssign => self.first_assign,
        }
    }
}

/// How a clock counts: wall-clock time around the clock, or the open time of a business calendar.
#[derive(Debug, Clone, Copy)]
pub enum Clock<'a> {
    /// Calendar time: every second counts, nights and weekends included.
    CalendarTime,
    /// Business time: only seconds in which the calendar is open count.
    Business(&'a Calendar),
}

impl<'a> Clock<'a> {
    /// The instant at which `seconds` counted seconds have passed after `start` (negative counts as zero);
    /// `None` if the clock never counts that much (a calendar that is never open, or past its range).
    pub fn add(self, start: Instant, seconds: i64) -> Option<Instant> {
        match self {
            Clock::CalendarTime => Some(start.plus(seconds.max(0))),
            Clock::Business(calendar) => calendar.add_business(start, seconds),
        }
    }

    /// The clock counting from `start`, for many `add(start, …)` questions.
    pub fn counting_from(self, start: Instant) -> CountingFrom<'a> {
        match self {
            Clock::CalendarTime => CountingFrom::CalendarTime(start),
            Clock::Business(calendar) => CountingFrom::Business(calendar.business_from(start)),
        }
    }

    /// Counted seconds in `[from, to)`; 0 when `to <= from`.
    pub fn between(self, from: Instant, to: Instant) -> i64 {
        match self {
            Clock::CalendarTime => to.seconds_since(from).max(0),
            Clock::Business(calendar) => calendar.business_seconds_between(from, to),
        }
    }
}

/// A clock started at one instant; see [`Clock::counting_from`].
#[derive(Debug, Clone, Copy)]
pub enum CountingFrom<'a> {
    CalendarTime(Instant),
    Business(BusinessFrom<'a>),
}

impl CountingFrom<'_> {
    /// The same as [`Clock::add`] from this clock's start.
    pub fn add(&self, seconds: i64) -> Option<Instant> {
        match self {
            CountingFrom::CalendarTime(start) => Some(start.plus(seconds.max(0))),
            CountingFrom::Business(from) => from.add(seconds),
        }
    }
}

/// What a breach-ladder level does when it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LadderAction {
    /// Move the ticket to the named team or role.
    Escalate,
    /// Tell the named team or role; the ticket stays where it is.
    Notify,
}

/// One level of a breach ladder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderStep {
    pub target: SlaTarget,
    /// Counted seconds after the breach (0 = at the breach), on the SLA's clock.
    pub after_breach: i64,
    /// The team or role id the level names.
    pub to: String,
    pub action: LadderAction,
    /// Fire again every this many counted seconds after the first firing (at most
    /// [`MAX_LADDER_REPEATS`](super::MAX_LADDER_REPEATS) times); `None` or a non-positive value: once.
    pub repeat_every: Option<i64>,
}

/// One SLA policy resolved for one ticket's priority.
#[derive(Debug, Clone, Copy)]
pub struct SlaTerms<'a> {
    pub targets: TargetDurations,
    pub clock: Clock<'a>,
    /// Which targets each waiting state holds.
    pub pauses: Pauses,
    /// Warning thresholds as percentages of each target, e.g. `[50, 75]`.
    pub warnings: &'a [u8],
    /// Breach-ladder levels in policy order; a level's number is its position among the levels of
    /// the same target, starting at 1.
    pub ladder: &'a [LadderStep],
}

impl SlaTerms<'_> {
    /// Counted seconds at which warning `percent` fires for a goal (rounded down to whole seconds).
    pub fn warning_threshold(goal: i64, percent: u8) -> i64 {
        goal.saturating_mul(i64::from(percent)) / 100
    }
}

impl LadderStep {
    /// Counted seconds after the clock's start at which firing number `repeat` (0 = the first) happens.
    pub fn threshold(&self, goal: i64, repeat: u32) -> i64 {
        let every = self.repeat_every.unwrap_or(0).max(0);
        goal.saturating_add(self.after_breach.max(0))
            .saturating_add(every.saturating_mul(i64::from(repeat)))
    }

    /// How many firings after the first one this level has (0 when it does not repeat).
    pub fn repeat_count(&self) -> u32 {
        match self.repeat_every {
            Some(every) if every > 0 => super::MAX_LADDER_REPEATS,
            _ => 0,
        }
    }
}
