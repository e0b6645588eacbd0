//! Backlog: how many tickets were open (created, not resolved or abandoned) at any instant, sampled hourly
//! (every few hours over periods so long that hourly samples would run into the hundreds of thousands).

use serde::{Deserialize, Serialize};

use crate::engine::journey::{EventKind, Journey};
use crate::engine::time::{Instant, HOUR};

/// Spacing of backlog samples.
pub const BACKLOG_STEP_SECONDS: i64 = HOUR;

/// The most samples one period gets (about 2.3 years of hourly samples); a longer period is sampled every
/// `n` hours, `n` the smallest whole number that keeps within it.
pub const MAX_BACKLOG_SAMPLES: i64 = 20_000;

/// The spacing of the samples over `[start, end)`: an hour, or the fewest whole hours that keep the samples
/// within `MAX_BACKLOG_SAMPLES`.
pub fn backlog_step(start: Instant, end: Instant) -> i64 {
    let span = end.0.saturating_sub(start.0).max(0).unsigned_abs();
    let hours = span.div_ceil(BACKLOG_STEP_SECONDS.unsigned_abs());
    let every = hours.div_ceil(MAX_BACKLOG_SAMPLES.unsigned_abs()).max(1);
    BACKLOG_STEP_SECONDS.saturating_mul(i64::try_from(every).unwrap_or(i64::MAX))
}

/// Open tickets at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BacklogSample {
    pub at: Instant,
    pub open: u64,
}

/// The backlog across the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BacklogMetrics {
    pub step_seconds: i64,
    /// Samples at `start`, `start + step`, … while before `end`.
    pub samples: Vec<BacklogSample>,
    /// Mean of the samples; `None` for an empty period.
    pub mean: Option<f64>,
    /// Largest sample; 0 for an empty period.
    pub peak: u64,
}

/// The stretches of time during which each ticket was open, as two sorted lists of bounds.
///
/// A ticket opens at creation and on `Reopened`, and closes on `Resolved` or `Abandoned`.
pub struct OpenIntervals {
    opened: Vec<Instant>,
    closed: Vec<Instant>,
}

impl OpenIntervals {
    pub fn from_journeys(journeys: &[Journey]) -> OpenIntervals {
        let mut opened = Vec::with_capacity(journeys.len());
        let mut closed = Vec::with_capacity(journeys.len());
        for journey in journeys {
            opened.push(journey.created_at);
            let mut open = true;
            for event in &journey.events {
                match event.kind {
                    EventKind::Resolved { .. } | EventKind::Abandoned if open => {
                        closed.push(event.at.max(journey.created_at));
                        open = false;
                    }
                    EventKind::Reopened if !open => {
                        opened.push(event.at);
                        open = true;
                    }
                    _ => {}
                }
            }
        }
        opened.sort_unstable();
        closed.sort_unstable();
        OpenIntervals { opened, closed }
    }

    /// Tickets open at `at`: opened at or before it and not closed at or before it.
    pub fn open_at(&self, at: Instant) -> u64 {
        let opened = self.opened.partition_point(|&moment| moment <= at);
        let closed = self.closed.partition_point(|&moment| moment <= at);
        opened.saturating_sub(closed) as u64
    }

    pub fn sample(&self, start: Instant, end: Instant) -> BacklogMetrics {
        let step = backlog_step(start, end);
        let mut samples = Vec::new();
        let mut at = start;
        while at < end {
            samples.push(BacklogSample {
                at,
                open: self.open_at(at),
            });
            at = at.plus(step);
        }
        let total: u64 = samples.iter().map(|sample| sample.open).sum();
        BacklogMetrics {
            step_seconds: step,
            mean: (!samples.is_empty()).then(|| total as f64 / samples.len() as f64),
            peak: samples.iter().map(|sample| sample.open).max().unwrap_or(0),
            samples,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_step_is_an_hour_until_the_samples_would_pass_the_cap() {
        let start = Instant(0);
        assert_eq!(backlog_step(start, Instant(HOUR * 24 * 365)), HOUR);
        assert_eq!(
            backlog_step(start, Instant(HOUR * MAX_BACKLOG_SAMPLES)),
            HOUR
        );
        assert_eq!(
            backlog_step(start, Instant(HOUR * MAX_BACKLOG_SAMPLES + 1)),
            2 * HOUR
        );
        let two_centuries = Instant(HOUR * 24 * 365 * 200);
        let step = backlog_step(start, two_centuries);
        assert!(two_centuries.0 / step < MAX_BACKLOG_SAMPLES);
        assert_eq!(step % HOUR, 0);
        let intervals = OpenIntervals::from_journeys(&[]);
        assert!(intervals.sample(start, two_centuries).samples.len() as i64 <= MAX_BACKLOG_SAMPLES);
    }
}
