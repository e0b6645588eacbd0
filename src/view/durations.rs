//! Durations on chart axes: nice steps in minutes, hours and days, and short labels such as `1h 30m`.

use crate::engine::time::{DAY, HOUR, MINUTE, WEEK};

use super::scale::{nice_step_at_least, snapped_ceil, snapped_floor, NiceTicks};

/// Steps a duration axis or histogram may use, in seconds, smallest first.
const DURATION_STEPS: [i64; 17] = [
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    3 * HOUR,
    4 * HOUR,
    6 * HOUR,
    8 * HOUR,
    12 * HOUR,
    DAY,
    2 * DAY,
    WEEK,
    2 * WEEK,
];

/// The smallest nice duration step of at least `raw_seconds`: 1–30 minutes, 1–12 hours, 1–2 days,
/// then whole weeks (1, 2, 5, 10 … weeks); below a minute, 1, 2 or 5 × 10ⁿ seconds.
pub fn nice_duration_step(raw_seconds: f64) -> f64 {
    if !(raw_seconds.is_finite() && raw_seconds > 0.0) {
        return MINUTE as f64;
    }
    if raw_seconds < MINUTE as f64 {
        return nice_step_at_least(raw_seconds).min(MINUTE as f64);
    }
    DURATION_STEPS
        .iter()
        .map(|&step| step as f64)
        .find(|&step| step >= raw_seconds)
        .unwrap_or_else(|| nice_step_at_least(raw_seconds / WEEK as f64) * WEEK as f64)
}

/// Duration ticks from 0 (or below for negative values) covering `max_seconds` in about `target_count` steps.
pub fn duration_ticks(min_seconds: f64, max_seconds: f64, target_count: usize) -> NiceTicks {
    let (min, max) = if max_seconds > min_seconds {
        (min_seconds, max_seconds)
    } else {
        (0.0, max_seconds.max(min_seconds).max(HOUR as f64))
    };
    let step = nice_duration_step((max - min) / target_count.max(1) as f64);
    NiceTicks {
        start: snapped_floor(min / step) * step,
        end: snapped_ceil(max / step) * step,
        step,
    }
}
