//! `compute`: replays a ticket's clock events and reports every SLA target at an instant.

use super::events::{ClockEvent, ClockEventKind};
use super::pauses::WaitState;
use super::report::{ClockState, LadderFiring, SlaReport, TargetReport, WarningReport};
use super::terms::SlaTerms;
use super::timer::{Crossing, Timer};
use crate::engine::journey::SlaTarget;
use crate::engine::time::Instant;

/// What the ticket as a whole is doing, as far as the clocks care.
#[derive(Debug, Clone, Copy, Default)]
struct TicketState {
    picked_up: bool,
    replied: bool,
    waiting: Option<WaitState>,
    resolved_at: Option<Instant>,
}

impl TicketState {
    /// Whether the clock of `target` runs under `terms`: not once resolved, nor while the ticket waits in a
    /// state the terms say holds it.
    fn runs(&self, target: SlaTarget, terms: &SlaTerms<'_>) -> bool {
        self.resolved_at.is_none()
            && !self
                .waiting
                .is_some_and(|state| terms.pauses.holds(state, target))
    }
}

/// Runs or holds each timer as the ticket's state says, from `at` on.
fn run_timers(
    [first_response, next_update, resolution, first_assign]: [&mut Option<Timer>; 4],
    ticket: &TicketState,
    terms: &SlaTerms<'_>,
    at: Instant,
) {
    for (timer, target) in [
        (first_response, SlaTarget::FirstResponse),
        (next_update, SlaTarget::NextUpdate),
        (resolution, SlaTarget::Resolution),
        (first_assign, SlaTarget::FirstAssign),
    ] {
        if let Some(timer) = timer {
            timer.run(at, ticket.runs(target, terms), terms.clock);
        }
    }
}

/// The SLA clocks of a ticket created at `created`, after `events` (in time order; an event earlier
/// than the one before it counts as simultaneous with it, events after `now` are ignored), at `now`.
pub fn compute<'a>(
    terms: &SlaTerms<'a>,
    created: Instant,
    events: &[ClockEvent],
    now: Instant,
) -> SlaReport<'a> {
    compute_with_changes(terms, &[], created, events, now)
}

/// A change of the terms a ticket's clocks run on (its priority changed, selecting other targets or
/// another SLA policy) at an instant.
#[derive(Debug, Clone, Copy)]
pub struct TermsChange<'a> {
    pub at: Instant,
    pub terms: SlaTerms<'a>,
}

/// Like [`compute`], with the terms replaced at each change (in time order; a change takes effect before the
/// events at its instant). Each target keeps the time it has counted and held; see docs/sla-clocks.md.
pub fn compute_with_changes<'a>(
    initial: &SlaTerms<'a>,
    changes: &[TermsChange<'a>],
    created: Instant,
    events: &[ClockEvent],
    now: Instant,
) -> SlaReport<'a> {
    let mut terms = *initial;
    let mut pending = changes.iter().peekable();
    let clock = terms.clock;
    let goals = terms.targets;
    let mut first_response = goals.first_response.map(Timer::new);
    let mut next_update = goals.next_update.map(Timer::new);
    let mut resolution = goals.resolution.map(Timer::new);
    let mut first_assign = goals.first_assign.map(Timer::new);
    for timer in [&mut first_response, &mut resolution, &mut first_assign]
        .into_iter()
        .flatten()
    {
        timer.restart(created, clock);
        timer.run(created, true, clock);
    }
    let mut ticket = TicketState::default();
    let mut last = created;
    for event in events {
        let at = event.at.max(last);
        if at > now {
            break;
        }
        while let Some(change) = pending.next_if(|change| change.at <= at) {
            let timers = [
                &mut first_response,
                &mut next_update,
                &mut resolution,
                &mut first_assign,
            ];
            change_terms(&mut terms, change, created, timers, &ticket);
        }
        let clock = terms.clock;
        last = at;
        match event.kind {
            ClockEventKind::PickedUp => {
                if !ticket.picked_up {
                    ticket.picked_up = true;
                    if let Some(timer) = &mut first_assign {
                        timer.finish(at, clock);
                    }
                }
            }
            ClockEventKind::AgentReply => {
                if !ticket.replied {
                    ticket.replied = true;
                    if let Some(timer) = &mut first_response {
                        timer.finish(at, clock);
                    }
                }
                if let Some(timer) = &mut next_update {
                    timer.restart(at, clock);
                }
            }
            ClockEventKind::WaitingOnCustomer
            | ClockEventKind::OnHold
            | ClockEventKind::WaitingOnThirdParty => {
                if ticket.resolved_at.is_none() {
                    ticket.waiting = event.kind.starts_wait();
                }
            }
            ClockEventKind::CustomerReply | ClockEventKind::Resumed => {
                if ticket
                    .waiting
                    .is_some_and(|state| event.kind.ends_wait(state))
                {
                    ticket.waiting = None;
                }
            }
            ClockEventKind::Resolved => {
                if ticket.resolved_at.is_none() {
                    ticket.resolved_at = Some(at);
                    ticket.waiting = None;
                }
            }
            ClockEventKind::Reopened => {
                if ticket.resolved_at.take().is_some() && ticket.replied {
                    if let Some(timer) = &mut next_update {
                        timer.restart(at, clock);
                    }
                }
            }
        }
        let timers = [
            &mut first_response,
            &mut next_update,
            &mut resolution,
            &mut first_assign,
        ];
        run_timers(timers, &ticket, &terms, at);
    }
    for change in pending.filter(|change| change.at <= now) {
        let timers = [
            &mut first_response,
            &mut next_update,
            &mut resolution,
            &mut first_assign,
        ];
        change_terms(&mut terms, change, created, timers, &ticket);
    }
    let terms = &terms;
    let report = |timer: Option<Timer>, target| {
        timer.map(|timer| target_report(terms, target, &timer, ticket, now))
    };
    SlaReport {
        at: now,
        first_response: report(first_response, SlaTarget::FirstResponse),
        next_update: report(next_update, SlaTarget::NextUpdate),
        resolution: report(resolution, SlaTarget::Resolution),
        first_assign: report(first_assign, SlaTarget::FirstAssign),
    }
}

/// Puts every clock on the terms of `change` from its instant on.
fn change_terms<'a>(
    terms: &mut SlaTerms<'a>,
    change: &TermsChange<'a>,
    created: Instant,
    [first_response, next_update, resolution, first_assign]: [&mut Option<Timer>; 4],
    ticket: &TicketState,
) {
    let at = change.at.max(created);
    let after = &change.terms;
    change_timer(
        first_response,
        after.targets.first_response,
        at,
        terms,
        after,
    );
    change_timer(resolution, after.targets.resolution, at, terms, after);
    change_timer(first_assign, after.targets.first_assign, at, terms, after);
    match (next_update.as_mut(), after.targets.next_update) {
        (Some(timer), Some(goal)) => timer.change_terms(at, goal, terms.clock, after.clock),
        (Some(_), None) => *next_update = None,
        (None, Some(goal)) if ticket.replied => {
            let mut timer = Timer::new(goal);
            timer.restart(at, after.clock);
            *next_update = Some(timer);
        }
        (None, _) => {}
    }
    run_timers(
        [first_response, next_update, resolution, first_assign],
        ticket,
        after,
        at,
    );
    *terms = *after;
}

/// Moves one of the targets counted from creation (first response, resolution, first assign) to new terms; a target the
/// new terms do not set keeps its goal.
fn change_timer(
    timer: &mut Option<Timer>,
    goal: Option<i64>,
    at: Instant,
    before: &SlaTerms<'_>,
    after: &SlaTerms<'_>,
) {
    if let Some(timer) = timer {
        let goal = goal.unwrap_or(timer.goal);
        timer.change_terms(at, goal, before.clock, after.clock);
    }
}

fn target_report<'a>(
    terms: &SlaTerms<'a>,
    target: SlaTarget,
    timer: &Timer,
    ticket: TicketState,
    now: Instant,
) -> TargetReport<'a> {
    let clock = terms.clock;
    let goal = timer.goal;
    let started = timer.started.is_some();
    let ended_at = timer.finished.or(ticket.resolved_at.filter(|_| started));
    let waiting = started && ended_at.is_none() && timer.running_since.is_none();
    let tail = match (timer.running_since, waiting) {
        (Some(since), _) => Some(since),
        (None, true) => Some(now),
        (None, false) => None,
    };
    let crossing = |amount| {
        if started {
            timer.crossing(amount, tail, clock)
        } else {
            None
        }
    };
    let breach = if started {
        timer.breach(tail, clock)
    } else {
        None
    };
    let breached_at = breach
        .filter(|crossing| crossing.has_happened(now))
        .map(Crossing::at);
    let state = match (breached_at, ended_at, timer.held_since) {
        _ if !started => ClockState::NotStarted,
        (Some(at), _, _) => ClockState::Breached { at },
        (None, Some(at), _) if timer.finished.is_some() || target == SlaTarget::Resolution => {
            ClockState::Met { at }
        }
        (None, Some(at), _) => ClockState::Stopped { at },
        (None, None, Some(since)) if waiting => ClockState::Paused { since },
        _ => ClockState::Running,
    };
    let (due, projected_due, breach_at) = match state {
        ClockState::NotStarted => (None, None, None),
        ClockState::Breached { at } => (Some(at), None, Some(at)),
        ClockState::Running => {
            let at = breach.map(Crossing::at);
            (at, None, at)
        }
        ClockState::Paused { .. } => (None, breach.map(Crossing::at), None),
        ClockState::Met { .. } | ClockState::Stopped { .. } => (timer.due_when_held, None, None),
    };
    let elapsed = timer.elapsed(now, clock);
    let warnings = terms
        .warnings
        .iter()
        .map(|&percent| {
            let fires = crossing(SlaTerms::warning_threshold(goal, percent));
            WarningReport {
                percent,
                at: fires.map(Crossing::at),
                fired: fires.is_some_and(|fires| fires.has_happened(now)),
            }
        })
        .collect();
    let mut ladder = Vec::new();
    let mut level = 0;
    for (step_index, step) in terms.ladder.iter().enumerate() {
        if step.target != target {
            continue;
        }
        level += 1;
        for repeat in 0..=step.repeat_count() {
            let Some(fires) = crossing(step.threshold(goal, repeat)) else {
                break;
            };
            ladder.push(LadderFiring {
                step: step_index,
                level,
                repeat,
                at: fires.at(),
                fired: fires.has_happened(now),
                to: &step.to,
                action: step.action,
            });
        }
    }
    TargetReport {
        target,
        goal,
        started: timer.started,
        state,
        due,
        projected_due,
        breach: breach_at,
        ended_at,
        elapsed,
        paused: timer.paused(now, waiting, clock),
        remaining: goal - elapsed,
        earlier_breaches: timer.earlier_breaches,
        warnings,
        ladder,
    }
}
