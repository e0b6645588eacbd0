//! SLA clocks: due instants, elapsed/paused/remaining time, warnings, breaches and breach-ladder firings.
//!
//! Rules (see docs/sla-clocks.md): first response and resolution start at creation; next update starts
//! at each agent reply; each waiting state (on the customer, on hold, on a third party) holds the clocks the
//! policy says it holds; resolving
//! ends them, reopening resumes resolution. Business time is counted with the calendar's arithmetic.

mod compute;
mod events;
mod history;
mod pauses;
mod plan;
mod report;
mod terms;
mod timer;

pub use compute::{compute, compute_with_changes, TermsChange};
pub use events::{ClockEvent, ClockEventKind};
pub use history::{
    clocks_after_history, ClocksAfterHistory, PlanChange, TargetAfterHistory, WaitSpan,
};
pub use pauses::{Pauses, WaitState};
pub use plan::{for_each_checkpoint, plan, plan_into, Checkpoint, CheckpointKind, Repeats};
pub use report::{ClockState, LadderFiring, SlaReport, TargetReport, WarningReport};
pub use terms::{Clock, CountingFrom, LadderAction, LadderStep, SlaTerms, TargetDurations};

/// A repeating ladder level fires at most this many times after its first firing.
pub const MAX_LADDER_REPEATS: u32 = 20;

#[cfg(test)]
mod tests_examples;
#[cfg(test)]
mod tests_properties;
