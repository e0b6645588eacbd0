//! A routed ticket's SLA clocks after a history of replies, waits (on the customer, on hold, on a third
//! party), resolutions and reopenings: each target's planned due instant beside its due instant once the history's pauses are
//! counted, what the clock stands at, and the spans it was paused (the Try view's "history").

use super::compute::{compute_with_changes, TermsChange};
use super::events::{ClockEvent, ClockEventKind};
use super::pauses::{Pauses, WaitState};
use super::report::ClockState;
use super::terms::{Clock, SlaTerms, TargetDurations};
use crate::engine::decision::SlaPlan;
use crate::engine::journey::SlaTarget;
use crate::engine::policy::CompiledPolicy;
use crate::engine::time::Instant;

/// The SLA plan in force from `at` on: the ticket's priority changed then (`plan` is for the new priority).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChange {
    pub at: Instant,
    pub plan: SlaPlan,
}

/// One target after the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetAfterHistory {
    pub target: SlaTarget,
    /// Due if nothing pauses the clock (the plan's).
    pub planned_due: Option<Instant>,
    /// Due once the history's pauses are counted; `None` once the clock has ended.
    pub due: Option<Instant>,
    /// Seconds the clock was held.
    pub paused_seconds: i64,
    pub state: ClockState,
}

/// A span the ticket waited in one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitSpan {
    pub state: WaitState,
    pub from: Instant,
    pub to: Instant,
}

/// The ticket's clocks, and the spans it waited (to the end of the history when it still waits), as of the
/// last event of the history (creation when there is none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClocksAfterHistory {
    pub targets: Vec<TargetAfterHistory>,
    pub waiting: Vec<WaitSpan>,
    /// Which targets each waiting state holds under the SLA policy in force at the end.
    pub pauses: Pauses,
    /// The id of the SLA policy in force at the end, when a priority change replaced the routed one.
    pub replaced_by: Option<String>,
}

/// The clock terms of a plan: its targets, calendar and pause, without warnings or a ladder.
fn terms_of<'p>(policy: &'p CompiledPolicy, plan: &SlaPlan) -> SlaTerms<'p> {
    let seconds = |target: SlaTarget| {
        plan.targets
            .iter()
            .find(|due| due.target == target)
            .map(|due| due.seconds)
    };
    let clock = plan
        .calendar
        .as_ref()
        .and_then(|id| {
            policy
                .calendar_ids
                .iter()
                .position(|known| known == id.as_ref())
        })
        .and_then(|index| policy.calendars.get(index))
        .map_or(Clock::CalendarTime, Clock::Business);
    SlaTerms {
        targets: TargetDurations {
            first_response: seconds(SlaTarget::FirstResponse),
            next_update: seconds(SlaTarget::NextUpdate),
            resolution: seconds(SlaTarget::Resolution),
            first_assign: seconds(SlaTarget::FirstAssign),
        },
        clock,
        pauses: plan.pauses,
        warnings: &[],
        ladder: &[],
    }
}

/// `events` and `changes` must be in time order; `plan` is the routed ticket's SLA plan, and each change
/// the plan for the priority the ticket took then (see docs/sla-clocks.md, "Priority changes").
pub fn clocks_after_history(
    policy: &CompiledPolicy,
    plan: &SlaPlan,
    created: Instant,
    events: &[ClockEvent],
    changes: &[PlanChange],
) -> ClocksAfterHistory {
    let terms = terms_of(policy, plan);
    let terms_changes: Vec<TermsChange> = changes
        .iter()
        .map(|change| TermsChange {
            at: change.at,
            terms: terms_of(policy, &change.plan),
        })
        .collect();
    let last_step = events
        .iter()
        .map(|event| event.at)
        .chain(changes.iter().map(|change| change.at))
        .max();
    let now = last_step.map_or(created, |at| at.max(created));
    let report = compute_with_changes(&terms, &terms_changes, created, events, now);
    let in_force = changes.last().map_or(plan, |change| &change.plan);
    let targets = report
        .targets()
        .map(|target| TargetAfterHistory {
            target: target.target,
            planned_due: plan.due(target.target),
            due: target.due,
            paused_seconds: target.paused,
            state: target.state,
        })
        .collect();
    ClocksAfterHistory {
        targets,
        waiting: waiting_spans(created, events, now),
        pauses: in_force.pauses,
        replaced_by: (in_force.policy != plan.policy).then(|| in_force.policy.to_string()),
    }
}

/// From each wait to the event that ends it (the customer's reply for a wait on them, resuming, resolving,
/// another waiting state), or `now`. Waiting starts only while the ticket is open.
fn waiting_spans(created: Instant, events: &[ClockEvent], now: Instant) -> Vec<WaitSpan> {
    let mut spans = Vec::new();
    let mut current: Option<(WaitState, Instant)> = None;
    let mut resolved = false;
    for event in events {
        let at = event.at.max(created);
        if let Some((state, from)) = current {
            if event.kind.ends_wait(state) {
                spans.push(WaitSpan {
                    state,
                    from,
                    to: at,
                });
                current = None;
            }
        }
        match event.kind {
            ClockEventKind::Resolved => resolved = true,
            ClockEventKind::Reopened => resolved = false,
            kind => {
                if let Some(state) = kind.starts_wait().filter(|_| !resolved) {
                    current = current.or(Some((state, at)));
                }
            }
        }
    }
    if let Some((state, from)) = current {
        spans.push(WaitSpan {
            state,
            from,
            to: now,
        });
    }
    spans
}
