//! `compute`: replays a ticket's clock events and reports every SLA target at an instant.

use super::events::{ClockEvent, ClockEventKind};
use super::report::{ClockState, LadderFiring, SlaReport, TargetReport, WarningReport};
use super::terms::SlaTerms;
use super::timer::{Crossing, Timer};
use crate::engine::journey::SlaTarget;
use crate::engine::time::Instant;

/// What the ticket as a whole is doing, as far as the clocks care.
#[derive(Debug, Clone, Copy, Default)]
struct TicketState {
    replied: bool,
    waiting: bool,
    resolved_at: Option<Instant>,
}

/// The SLA clocks of a ticket created at `created`, after `events` (in time order; an event earlier
/// than the one before it counts as simultaneous with it, events after `now` are ignored), at `now`.
pub fn compute<'a>(
    terms: &SlaTerms<'a>,
    created: Instant,
    events: &[ClockEvent],
    now: Instant,
) -> SlaReport<'a> {
    let clock = terms.clock;
    let goals = terms.targets;
    let mut first_response = goals.first_response.map(Timer::new);
    let mut next_update = goals.next_update.map(Timer::new);
    let mut resolution = goals.resolution.map(Timer::new);
    for timer in [&mut first_response, &mut resolution].into_iter().flatten() {
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
        last = at;
        match event.kind {
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
            ClockEventKind::WaitingOnCustomer => ticket.waiting = ticket.resolved_at.is_none(),
            ClockEventKind::CustomerReply => ticket.waiting = false,
            ClockEventKind::Resolved => {
                if ticket.resolved_at.is_none() {
                    ticket.resolved_at = Some(at);
                    ticket.waiting = false;
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
        let running = ticket.resolved_at.is_none() && !(ticket.waiting && terms.pause_when_waiting);
        for timer in [&mut first_response, &mut next_update, &mut resolution]
            .into_iter()
            .flatten()
        {
            timer.run(at, running, clock);
        }
    }
    let report = |timer: Option<Timer>, target| {
        timer.map(|timer| target_report(terms, target, &timer, ticket, now))
    };
    SlaReport {
        at: now,
        first_response: report(first_response, SlaTarget::FirstResponse),
        next_update: report(next_update, SlaTarget::NextUpdate),
        resolution: report(resolution, SlaTarget::Resolution),
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
    let breach = crossing(goal);
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
