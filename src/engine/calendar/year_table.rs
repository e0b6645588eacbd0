//! One UTC year of a calendar compiled to sorted open intervals with prefix sums of open seconds.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime};

use super::rules::{Shift, WeeklyRules};
use crate::engine::time::DAY;

/// First and last UTC year for which open intervals are computed.
pub const FIRST_YEAR: i32 = 1970;
pub const LAST_YEAR: i32 = 2200;
pub(super) const YEAR_COUNT: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// Seconds since the epoch at 00:00 UTC on 1 January of `year` (proleptic Gregorian).
pub(super) const fn year_start(year: i32) -> i64 {
    const fn days_before(year: i64) -> i64 {
        let previous = year - 1;
        365 * previous + previous.div_euclid(4) - previous.div_euclid(100)
            + previous.div_euclid(400)
    }
    (days_before(year as i64) - days_before(1970)) * DAY
}

/// Start of the supported range: 1970-01-01T00:00:00Z.
pub const RANGE_START: i64 = year_start(FIRST_YEAR);
/// End (exclusive) of the supported range: 2201-01-01T00:00:00Z.
pub const RANGE_END: i64 = year_start(LAST_YEAR + 1);

/// The UTC year containing `at`, for `at` in the supported range.
pub(super) fn year_of(at: i64) -> i32 {
    let estimate = FIRST_YEAR + (at.div_euclid(31_556_952)) as i32;
    if at < year_start(estimate) {
        estimate - 1
    } else if at >= year_start(estimate + 1) {
        estimate + 1
    } else {
        estimate
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OpenSpan {
    pub start: i64,
    pub end: i64,
    /// Open seconds in this year before `start`.
    pub open_before: i64,
}

impl OpenSpan {
    fn open_until_end(self) -> i64 {
        self.open_before + (self.end - self.start)
    }
}

/// Open intervals of one UTC year `[year_start, next year_start)`, sorted, disjoint and not touching.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct YearTable {
    pub spans: Vec<OpenSpan>,
    pub total: i64,
}

impl YearTable {
    pub fn build(rules: &WeeklyRules, year: i32) -> YearTable {
        let (year_begin, year_end) = (year_start(year), year_start(year + 1));
        let mut raw = local_shifts_in_utc(rules, year_begin, year_end);
        raw.sort_unstable();
        let mut spans: Vec<OpenSpan> = Vec::with_capacity(raw.len());
        let mut total = 0;
        for (start, end) in raw {
            match spans.last_mut() {
                Some(last) if start <= last.end => {
                    total += (end - last.end).max(0);
                    last.end = last.end.max(end);
                }
                _ => {
                    spans.push(OpenSpan {
                        start,
                        end,
                        open_before: total,
                    });
                    total += end - start;
                }
            }
        }
        YearTable { spans, total }
    }

    /// Index of the first span that ends after `at`.
    pub fn locate(&self, at: i64) -> usize {
        self.spans.partition_point(|span| span.end <= at)
    }

    /// The span containing `at`, if the calendar is open then.
    pub fn span_at(&self, at: i64) -> Option<OpenSpan> {
        self.spans
            .get(self.locate(at))
            .copied()
            .filter(|span| span.start <= at)
    }

    /// Open seconds of this year before `at` (`at` inside the year).
    pub fn open_before(&self, at: i64) -> i64 {
        match self.spans.get(self.locate(at)) {
            Some(span) if span.start <= at => span.open_before + (at - span.start),
            Some(span) => span.open_before,
            None => self.total,
        }
    }

    /// The instant at which `target` open seconds of this year have passed; `0 < target <= total`.
    pub fn instant_after_open(&self, target: i64) -> Option<i64> {
        let span = self.spans.get(
            self.spans
                .partition_point(|span| span.open_until_end() < target),
        )?;
        Some(span.start + (target - span.open_before))
    }
}

/// Every shift of the local days that can touch the UTC year, with holidays cut out, in UTC and
/// clipped to the year. Offsets are under a day and shifts at most a day long, so local days from
/// 29 December of the previous year to 2 January of the next year cover it.
fn local_shifts_in_utc(rules: &WeeklyRules, year_begin: i64, year_end: i64) -> Vec<(i64, i64)> {
    let mut raw = Vec::new();
    let first_day = DateTime::from_timestamp(year_begin - 3 * DAY, 0).map(|at| at.date_naive());
    let last_day = DateTime::from_timestamp(year_end + 2 * DAY, 0).map(|at| at.date_naive());
    let (Some(first_day), Some(last_day)) = (first_day, last_day) else {
        return raw;
    };
    for day in first_day.iter_days().take_while(|day| *day <= last_day) {
        let weekday = day.weekday().num_days_from_monday() as usize;
        for shift in &rules.shifts[weekday] {
            if let Some((start, end)) = local_shift_in_utc(rules, day, *shift) {
                let (start, end) = (start.max(year_begin), end.min(year_end));
                if start < end {
                    raw.push((start, end));
                }
            }
        }
    }
    raw
}

/// The shift starting on local `day` minus holiday days, in UTC; `None` if nothing is left.
fn local_shift_in_utc(rules: &WeeklyRules, day: NaiveDate, shift: Shift) -> Option<(i64, i64)> {
    let next_day = day.succ_opt()?;
    let start_of = |date: NaiveDate| date.and_time(NaiveTime::MIN);
    let mut start = start_of(day) + Duration::minutes(i64::from(shift.from_minute));
    let end_day = if shift.is_overnight() { next_day } else { day };
    let mut end = start_of(end_day) + Duration::minutes(i64::from(shift.to_minute));
    if rules.is_holiday(day) {
        start = start.max(start_of(next_day));
    }
    if rules.is_holiday(next_day) {
        end = end.min(start_of(next_day));
    }
    if start >= end {
        return None;
    }
    let (start, end) = (rules.zone.to_utc(start), rules.zone.to_utc(end));
    (start < end).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_starts_match_chrono() {
        for year in [1970, 1999, 2000, 2024, 2026, 2100, 2200, 2201] {
            let expected = NaiveDate::from_ymd_opt(year, 1, 1)
                .and_then(|date| date.and_hms_opt(0, 0, 0))
                .map(|at| at.and_utc().timestamp());
            assert_eq!(Some(year_start(year)), expected, "year {year}");
            assert_eq!(year_of(year_start(year)), year);
            assert_eq!(year_of(year_start(year) - 1), year - 1);
        }
    }
}
