//! Time axes over UTC seconds: midnight ticks thinned to a readable count, labelled like `Mon 9`.

use chrono::DateTime;

use crate::engine::time::DAY;

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
