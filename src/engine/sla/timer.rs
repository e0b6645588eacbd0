//! `Timer`: one target's clock as a list of counted segments, and the instant it reaches a counted amount.

use super::terms::Clock;
use crate::engine::time::Instant;

/// Where the instant at which a clock reaches some counted amount was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Crossing {
    /// In time already counted: it has happened.
    Counted(Instant),
    /// In the segment running now: it happens then unless an event intervenes.
    Running(Instant),
    /// In a resumption assumed to start now: the clock is held, so this is only a projection.
    Projected(Instant),
}

impl Crossing {
    pub(super) fn at(self) -> Instant {
        match self {
            Crossing::Counted(at) | Crossing::Running(at) | Crossing::Projected(at) => at,
        }
    }

    /// True when it has happened by `now` (events at an instant come before crossings at it, so a
    /// running crossing at `now` itself has happened only if the clock still runs after the events).
    pub(super) fn has_happened(self, now: Instant) -> bool {
        match self {
            Crossing::Counted(_) => true,
            Crossing::Running(at) => at <= now,
            Crossing::Projected(_) => false,
        }
    }
}

/// One target's clock. Counting happens only in segments; between them the clock is held.
#[derive(Debug, Clone)]
pub(super) struct Timer {
    pub(super) goal: i64,
    /// When the current cycle started (`None`: not started yet).
    pub(super) started: Option<Instant>,
    /// Closed counted segments `[start, end)` of the current cycle, since the last change of terms.
    segments: Vec<(Instant, Instant)>,
    /// Counted seconds in `segments`.
    counted: i64,
    /// Counted seconds of the current cycle before the last change of terms (on the clocks then in force),
    /// and when that change happened.
    carried: i64,
    carried_at: Option<Instant>,
    /// Where the current cycle breached under terms in force before the last change.
    carried_breach: Option<Instant>,
    pub(super) running_since: Option<Instant>,
    pub(super) held_since: Option<Instant>,
    /// Counted seconds between holds and releases in the current cycle.
    paused: i64,
    /// The instant the clock ended for good (first response given).
    pub(super) finished: Option<Instant>,
    /// The due instant in force when the clock was last held while running.
    pub(super) due_when_held: Option<Instant>,
    /// Earlier cycles that breached (next update: cycles before the latest reply).
    pub(super) earlier_breaches: u32,
}

impl Timer {
    pub(super) fn new(goal: i64) -> Timer {
        Timer {
            goal,
            started: None,
            segments: Vec::new(),
            counted: 0,
            carried: 0,
            carried_at: None,
            carried_breach: None,
            running_since: None,
            held_since: None,
            paused: 0,
            finished: None,
            due_when_held: None,
            earlier_breaches: 0,
        }
    }

    /// Starts a new cycle at `at`, held until `run` releases it; a breach of the previous cycle is counted.
    pub(super) fn restart(&mut self, at: Instant, clock: Clock<'_>) {
        if self.started.is_some() {
            self.run(at, false, clock);
            if let Some(Crossing::Counted(_)) = self.breach(None, clock) {
                self.earlier_breaches += 1;
            }
        }
        self.started = Some(at);
        self.segments.clear();
        self.counted = 0;
        self.carried = 0;
        self.carried_at = None;
        self.carried_breach = None;
        self.running_since = None;
        self.held_since = Some(at);
        self.paused = 0;
        self.due_when_held = None;
    }

    /// Makes the clock run (or hold) from `at` on; a finished or unstarted clock stays as it is.
    pub(super) fn run(&mut self, at: Instant, running: bool, clock: Clock<'_>) {
        if self.started.is_none() || self.finished.is_some() {
            return;
        }
        match (running, self.running_since) {
            (true, None) => {
                if let Some(held_since) = self.held_since.take() {
                    self.paused += clock.between(held_since, at);
                }
                self.running_since = Some(at);
            }
            (false, Some(since)) => {
                self.due_when_held = self
                    .crossing(self.goal, Some(since), clock)
                    .map(Crossing::at);
                if at > since {
                    self.segments.push((since, at));
                    self.counted += clock.between(since, at);
                }
                self.running_since = None;
                self.held_since = Some(at);
            }
            _ => {}
        }
    }

    /// New terms from `at` on (the ticket's priority changed): the counted time so far is kept, measured on
    /// the clock `before`, and counting goes on with `goal` on the clock `after`. A breach that has happened
    /// stays; a cycle that has already counted the new goal breaches at `at`. Held time is kept. A clock that
    /// has ended keeps its verdict.
    pub(super) fn change_terms(
        &mut self,
        at: Instant,
        goal: i64,
        before: Clock<'_>,
        after: Clock<'_>,
    ) {
        if self.finished.is_some() {
            return;
        }
        if self.started.is_none() {
            self.goal = goal;
            return;
        }
        let running = self.running_since.is_some();
        self.run(at, false, before);
        if let Some(since) = self.held_since {
            self.paused += before.between(since, at);
            self.held_since = Some(at);
        }
        if let Some(Crossing::Counted(breach)) = self.breach(None, before) {
            self.carried_breach = Some(breach);
        }
        self.carried += self.counted;
        self.carried_at = Some(at);
        self.segments.clear();
        self.counted = 0;
        self.goal = goal;
        self.due_when_held = None;
        if running {
            self.run(at, true, after);
        }
    }

    /// Where the current cycle reaches its goal (see [`Timer::crossing`]), or breached under earlier terms.
    pub(super) fn breach(&self, tail: Option<Instant>, clock: Clock<'_>) -> Option<Crossing> {
        match self.carried_breach {
            Some(at) => Some(Crossing::Counted(at)),
            None => self.crossing(self.goal, tail, clock),
        }
    }

    /// Ends the clock for good at `at`.
    pub(super) fn finish(&mut self, at: Instant, clock: Clock<'_>) {
        if self.started.is_none() || self.finished.is_some() {
            return;
        }
        self.run(at, false, clock);
        self.held_since = None;
        self.finished = Some(at);
    }

    /// Counted seconds up to `now`.
    pub(super) fn elapsed(&self, now: Instant, clock: Clock<'_>) -> i64 {
        self.carried
            + self.counted
            + self
                .running_since
                .map_or(0, |since| clock.between(since, now))
    }

    /// Held seconds up to `now`, counting the current hold only when `holding_counts`.
    pub(super) fn paused(&self, now: Instant, holding_counts: bool, clock: Clock<'_>) -> i64 {
        let current = match self.held_since {
            Some(since) if holding_counts => clock.between(since, now),
            _ => 0,
        };
        self.paused + current
    }

    /// The earliest instant at which the clock has counted `amount` seconds: within the counted
    /// segments, else in a segment open from `tail` on (real when it is the running segment).
    /// `None` when the counted segments do not reach it and there is no tail, or the clock never
    /// counts that much. An amount the time carried over a change of terms already reaches is
    /// reached at that change.
    pub(super) fn crossing(
        &self,
        amount: i64,
        tail: Option<Instant>,
        clock: Clock<'_>,
    ) -> Option<Crossing> {
        if let Some(changed) = self.carried_at.filter(|_| amount <= self.carried) {
            return Some(Crossing::Counted(changed));
        }
        let mut counted = self.carried;
        for &(start, end) in &self.segments {
            let length = clock.between(start, end);
            if counted + length >= amount {
                if let Some(at) = clock.add(start, amount - counted) {
                    if at < end {
                        return Some(Crossing::Counted(at));
                    }
                }
            }
            counted += length;
        }
        let tail_start = tail?;
        let at = clock.add(tail_start, amount - counted)?;
        Some(if Some(tail_start) == self.running_since {
            Crossing::Running(at)
        } else {
            Crossing::Projected(at)
        })
    }
}
