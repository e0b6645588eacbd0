//! Time axes over UTC seconds: midnight ticks labelled like `Mon 9`, or hour ticks for spans shorter than two days.

use chrono::DateTime;

use crate::engine::time::{DAY, HOUR};

/// UTC midnights within [start, end], every n-th day so that at most `max_labels` remain.
pub fn day_ticks(start: i64, end: i64, max_labels: usize) -> Vec<i64> {
    if end < start {
        return Vec::new();
    }
    let first = start.div_euclid(DAY) * DAY + if start.rem_euclid(DAY) == 0 { 0 } else { DAY };
    let days = if first > end {
        0
    } else {
        (end - first) / DAY + 1
    };
    let step = (days as usize).div_ceil(max_labels.max(1)).max(1);
    (0..days)
        .step_by(step)
        .map(|index| first + index * DAY)
        .collect()
}

/// The weekday and day of the month of a UTC instant, such as `Mon 9`.
pub fn day_label(at: i64) -> String {
    DateTime::from_timestamp(at, 0)
        .map(|moment| moment.format("%a %-d").to_string())
        .unwrap_or_default()
}

/// Date and time of a UTC instant for tooltips, such as `Mon 9 Mar 14:30`.
pub fn moment_label(at: i64) -> String {
    DateTime::from_timestamp(at, 0)
        .map(|moment| moment.format("%a %-d %b %H:%M").to_string())
        .unwrap_or_default()
}

/// Hour steps a short time axis may use, smallest first.
const HOUR_STEPS: [i64; 5] = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR];

/// Labelled ticks for a time axis over [start, end] with at most `max_labels` of them: the day ticks when
/// at least two midnights fall inside, otherwise ticks every 1, 2, 3, 6 or 12 hours labelled `14:00`
/// (a midnight reads as its day).
pub fn time_ticks(start: i64, end: i64, max_labels: usize) -> Vec<(i64, String)> {
    let days = day_ticks(start, end, max_labels);
    if days.len() >= 2 {
        return days.into_iter().map(|at| (at, day_label(at))).collect();
    }
    let max_labels = max_labels.max(1) as i64;
    let step = HOUR_STEPS
        .into_iter()
        .find(|&step| (end - start) / step < max_labels)
        .unwrap_or(DAY);
    let first = start.div_euclid(step) * step + if start.rem_euclid(step) == 0 { 0 } else { step };
    (0..)
        .map(|index| first + index * step)
        .take_while(|&at| at <= end)
        .map(|at| {
            let label = if at.rem_euclid(DAY) == 0 {
                day_label(at)
            } else {
                DateTime::from_timestamp(at, 0)
                    .map(|moment| moment.format("%H:%M").to_string())
                    .unwrap_or_default()
            };
            (at, label)
        })
        .collect()
}
