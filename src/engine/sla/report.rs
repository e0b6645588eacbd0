//! `SlaReport`: the state of every SLA clock of one ticket at one instant.

use serde::Serialize;

use super::terms::LadderAction;
use crate::engine::journey::SlaTarget;
use crate::engine::time::Instant;

/// Where a target's clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ClockState {
    /// Next update before the first response: nothing to count yet.
    NotStarted,
    Running,
    /// Held while waiting on the customer.
    Paused {
        since: Instant,
    },
    /// Ended in time: the first response, or the resolution (until a reopen).
    Met {
        at: Instant,
    },
    /// The due instant passed while the clock ran; stays breached after the clock ends.
    Breached {
        at: Instant,
    },
    /// Ended by resolving the ticket without meeting the target (first response, next update).
    Stopped {
        at: Instant,
    },
}

/// One warning threshold of one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WarningReport {
    pub percent: u8,
    /// When it fired, fires, or (paused clock) would fire if resumed now; `None`: it will not fire.
    pub at: Option<Instant>,
    pub fired: bool,
}

/// One firing of a breach-ladder level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LadderFiring<'a> {
    /// Index of the level in `SlaTerms::ladder`.
    pub step: usize,
    /// 1-based position among the ladder levels of the same target.
    pub level: u32,
    /// 0 for the first firing, then 1, 2, … for repeats.
    pub repeat: u32,
    pub at: Instant,
    pub fired: bool,
    pub to: &'a str,
    pub action: LadderAction,
}

/// One target's clock at the report instant. Durations are counted seconds on the SLA's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetReport<'a> {
    pub target: SlaTarget,
    /// The target duration.
    pub goal: i64,
    /// Start of the current cycle: creation, or the latest reply/reopen for next update.
    pub started: Option<Instant>,
    pub state: ClockState,
    /// The due instant: known while running, the breach instant once breached, the one in force when
    /// the clock ended for met/stopped; `None` while paused or not started.
    pub due: Option<Instant>,
    /// Paused clocks: the due instant if the clock resumed at the report instant.
    pub projected_due: Option<Instant>,
    /// The breach instant: when it happened, or when it will happen while the clock runs.
    pub breach: Option<Instant>,
    /// When the clock ended (met or stopped).
    pub ended_at: Option<Instant>,
    pub elapsed: i64,
    pub paused: i64,
    /// `goal - elapsed`; negative after a breach.
    pub remaining: i64,
    /// Next update: earlier cycles (before the latest reply or reopen) that breached.
    pub earlier_breaches: u32,
    pub warnings: Vec<WarningReport>,
    pub ladder: Vec<LadderFiring<'a>>,
}

/// Every target the SLA sets, at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlaReport<'a> {
    pub at: Instant,
    pub first_response: Option<TargetReport<'a>>,
    pub next_update: Option<TargetReport<'a>>,
    pub resolution: Option<TargetReport<'a>>,
    pub first_assign: Option<TargetReport<'a>>,
}

impl<'a> SlaReport<'a> {
    pub fn get(&self, target: SlaTarget) -> Option<&TargetReport<'a>> {
        match target {
            SlaTarget::FirstResponse => self.first_response.as_ref(),
            SlaTarget::NextUpdate => self.next_update.as_ref(),
            SlaTarget::Resolution => self.resolution.as_ref(),
            SlaTarget::FirstAssign => self.first_assign.as_ref(),
        }
    }

    pub fn targets(&self) -> impl Iterator<Item = &TargetReport<'a>> {
        [
            &self.first_response,
            &self.next_update,
            &self.resolution,
            &self.first_assign,
        ]
        .into_iter()
        .flatten()
    }
}
