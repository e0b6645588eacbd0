//! Backlog: how many tickets were open (created, not resolved or abandoned) at any instant, sampled hourly.

use serde::{Deserialize, Serialize};

use crate::engine::journey::{EventKind, Journey};
use crate::engine::time::{Instant, HOUR};

/// Spacing of backlog samples.
pub const BACKLOG_STEP_SECONDS: i64 = HOUR;

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
        let mut samples = Vec::new();
        let mut at = start;
        while at < end {
            samples.push(BacklogSample {
                at,
                open: self.open_at(at),
            });
            at = at.plus(BACKLOG_STEP_SECONDS);
        }
        let total: u64 = samples.iter().map(|sample| sample.open).sum();
        BacklogMetrics {
            step_seconds: BACKLOG_STEP_SECONDS,
            mean: (!samples.is_empty()).then(|| total as f64 / samples.len() as f64),
            peak: samples.iter().map(|sample| sample.open).max().unwrap_or(0),
            samples,
        }
    }
}
