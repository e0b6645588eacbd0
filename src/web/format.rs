//! Formatting instants and durations for people, in the playground's words.

use crate::engine::time::{Instant, DAY, HOUR, MINUTE};

/// `Fri 6 Mar 16:55` (UTC).
pub fn instant(at: Instant) -> String {
    at.to_datetime().format("%a %-d %b %H:%M").to_string()
}

/// `16:55` when on the same UTC day as `reference`, else `Mon 9 Mar 12:55`.
pub fn instant_near(at: Instant, reference: Instant) -> String {
    if at.0.div_euclid(DAY) == reference.0.div_euclid(DAY) {
        at.to_datetime().format("%H:%M").to_string()
    } else {
        instant(at)
    }
}

/// `4h`, `1h30m`, `2d 3h`, `45m`.
pub fn duration(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.abs();
    let (days, hours, minutes) = (
        seconds / DAY,
        (seconds % DAY) / HOUR,
        (seconds % HOUR) / MINUTE,
    );
    let text = match (days, hours, minutes) {
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h{m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    };
    format!("{sign}{text}")
}

/// `threatens_review` → `Threatens review`.
pub fn capitalise(text: &str) -> String {
    let spaced = text.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
