//! Formatting instants and durations for people, in the playground's words.

use crate::engine::time::{Instant, DAY};

/// `Fri 6 Mar 16:55 UTC`: the playground shows instants in UTC and says so.
pub fn instant(at: Instant) -> String {
    at.to_datetime().format("%a %-d %b %H:%M UTC").to_string()
}

/// `16:55` when on the same UTC day as `reference`, else `Mon 9 Mar 12:55 UTC` (the timeline that uses it
/// says its times are UTC).
pub fn instant_near(at: Instant, reference: Instant) -> String {
    if at.0.div_euclid(DAY) == reference.0.div_euclid(DAY) {
        at.to_datetime().format("%H:%M").to_string()
    } else {
        instant(at)
    }
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
