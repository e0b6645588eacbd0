//! Time axes over UTC seconds, labelled in a zone's wall-clock time: local-midnight ticks labelled like
//! `Mon 9`, or local hour ticks for spans shorter than two days.

use chrono::{Days, NaiveDateTime, Timelike};

use crate::engine::calendar::NamedZone;
use crate::engine::time::{DAY, HOUR};

/// Local midnights within [start, end], every n-th day so that at most `max_labels` remain.
pub fn day_ticks(start: i64, end: i64, max_labels: usize, zone: &NamedZone) -> Vec<i64> {
    if end < start {
        return Vec::new();
    }
    let first_day = zone.local(start).date();
    let midnights: Vec<i64> = (0..=(end - start) / (DAY - 2 * HOUR) + 1)
        .filter_map(|offset| first_day.checked_add_days(Days::new(offset.unsigned_abs())))
        .map(|day| zone.midnight(day))
        .skip_while(|&at| at < start)
        .take_while(|&at| at <= end)
        .collect();
    let step = midnights.len().div_ceil(max_labels.max(1)).max(1);
    midnights.into_iter().step_by(step).collect()
}

/// The weekday and day of the month of an instant in `zone`, such as `Mon 9`.
pub fn day_label(at: i64, zone: &NamedZone) -> String {
    zone.local(at).format("%a %-d").to_string()
}

/// Date and time of an instant in `zone` for tooltips, such as `Mon 9 Mar 14:30 GMT`.
pub fn moment_label(at: i64, zone: &NamedZone) -> String {
    format!(
        "{} {}",
        zone.local(at).format("%a %-d %b %H:%M"),
        zone.abbreviation_at(at)
    )
}

/// Hour steps a short time axis may use, smallest first.
const HOUR_STEPS: [i64; 5] = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR];

/// Labelled ticks for a time axis over [start, end] with at most `max_labels` of them: the day ticks when
/// at least two local midnights fall inside, otherwise ticks at local hours that are multiples of 1, 2, 3,
/// 6 or 12, labelled `14:00` (a midnight reads as its day).
pub fn time_ticks(start: i64, end: i64, max_labels: usize, zone: &NamedZone) -> Vec<(i64, String)> {
    let days = day_ticks(start, end, max_labels, zone);
    if days.len() >= 2 {
        return days
            .into_iter()
            .map(|at| (at, day_label(at, zone)))
            .collect();
    }
    let max_labels = max_labels.max(1) as i64;
    let step = HOUR_STEPS
        .into_iter()
        .find(|&step| (end - start) / step < max_labels)
        .unwrap_or(DAY);
    let step_hours = u32::try_from(step / HOUR).unwrap_or(24);
    let first_hour = zone.local(start).date().and_time(chrono::NaiveTime::MIN);
    let mut ticks: Vec<(i64, String)> = (0..)
        .map_while(|hours: u32| {
            first_hour.checked_add_signed(chrono::Duration::hours(hours.into()))
        })
        .map(|local| (zone.to_utc(local), local))
        .skip_while(|&(at, _)| at < start)
        .take_while(|&(at, _)| at <= end)
        .filter(|(at, local)| zone.local(*at) == *local && local.hour() % step_hours == 0)
        .map(|(at, local)| (at, hour_label(local, at, zone)))
        .collect();
    ticks.dedup_by_key(|(at, _)| *at);
    ticks
}

fn hour_label(local: NaiveDateTime, at: i64, zone: &NamedZone) -> String {
    if local.hour() == 0 {
        day_label(at, zone)
    } else {
        local.format("%H:%M").to_string()
    }
}
