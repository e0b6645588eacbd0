//! Formatting instants and durations for people, in the playground's words.

use crate::engine::calendar::NamedZone;
use crate::engine::time::Instant;
use crate::view::time_axis::moment_label;

/// `Fri 6 Mar 16:55 GMT`: wall-clock time in the shown zone, named by the abbreviation in force then.
pub fn instant(at: Instant, zone: &NamedZone) -> String {
    moment_label(at.0, zone)
}

/// `16:55 GMT` when on the same local day as `reference`, else `Mon 9 Mar 12:55 BST`.
pub fn instant_near(at: Instant, reference: Instant, zone: &NamedZone) -> String {
    let local = zone.local(at.0);
    if local.date() == zone.local(reference.0).date() {
        format!("{} {}", local.format("%H:%M"), zone.abbreviation_at(at.0))
    } else {
        instant(at, zone)
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
