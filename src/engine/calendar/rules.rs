//! Validation of a `CalendarSpec` into weekly rules: shifts per weekday in local minutes, holidays, zone.

use chrono::NaiveDate;

use super::error::{CalendarError, TimeField};
use super::spec::{CalendarSpec, WeeklyHoursSpec};
use super::suggest::closest;
use super::zone::Zone;

const MINUTES_PER_DAY: u32 = 24 * 60;
const MINUTES_PER_WEEK: u32 = 7 * MINUTES_PER_DAY;

/// Short day names as calendars write them, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAY_FULL_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// One opening on a given weekday, in local minutes after midnight. `to_minute <= from_minute` ends
/// on the next day (so `0 → 0` is the whole day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shift {
    pub from_minute: u32,
    pub to_minute: u32,
}

impl Shift {
    pub fn length_minutes(self) -> u32 {
        if self.to_minute > self.from_minute {
            self.to_minute - self.from_minute
        } else {
            self.to_minute + MINUTES_PER_DAY - self.from_minute
        }
    }

    pub fn is_overnight(self) -> bool {
        self.to_minute <= self.from_minute
    }
}

/// The validated content of a calendar: what `Calendar` compiles into UTC intervals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct WeeklyRules {
    pub zone: Zone,
    /// Indexed by weekday, Monday = 0.
    pub shifts: [Vec<Shift>; 7],
    /// Sorted, without repeats.
    pub holidays: Vec<NaiveDate>,
}

impl WeeklyRules {
    pub fn has_no_hours(&self) -> bool {
        self.shifts.iter().all(Vec::is_empty)
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.binary_search(&date).is_ok()
    }
}

/// The day (0 = Monday) a calendar's day name stands for: `mon` or `monday`, in any case.
pub fn weekday_index(text: &str) -> Option<usize> {
    let lower = text.trim().to_lowercase();
    WEEKDAY_NAMES
        .iter()
        .position(|name| *name == lower)
        .or_else(|| WEEKDAY_FULL_NAMES.iter().position(|name| *name == lower))
}

pub(super) fn validate(spec: &CalendarSpec) -> Result<WeeklyRules, CalendarError> {
    if spec.id.trim().is_empty() {
        return Err(CalendarError::EmptyId);
    }
    let zone = Zone::parse(&spec.time_zone)?;
    if spec.always_open && !spec.hours.is_empty() {
        return Err(CalendarError::AlwaysOpenWithHours);
    }
    let mut shifts: [Vec<Shift>; 7] = Default::default();
    if spec.always_open {
        for day in &mut shifts {
            day.push(Shift {
                from_minute: 0,
                to_minute: 0,
            });
        }
    }
    let mut owners: Vec<(u32, u32, usize)> = Vec::new();
    for (interval, hours) in spec.hours.iter().enumerate() {
        let shift = parse_interval_times(interval, hours)?;
        for weekday in parse_days(interval, &hours.days)? {
            let start = weekday as u32 * MINUTES_PER_DAY + shift.from_minute;
            let end = start + shift.length_minutes();
            if let Some(&(_, _, earlier)) = owners.iter().find(|(other_start, other_end, _)| {
                weekly_overlap((start, end), (*other_start, *other_end))
            }) {
                return Err(CalendarError::OverlappingHours {
                    interval,
                    earlier,
                    weekday: WEEKDAY_NAMES[weekday],
                });
            }
            owners.push((start, end, interval));
            shifts[weekday].push(shift);
        }
    }
    let breaks = break_spans(&spec.breaks)?;
    if !breaks.is_empty() {
        let opening: Vec<(u32, u32)> = shifts
            .iter()
            .enumerate()
            .flat_map(|(day, shifts)| {
                shifts.iter().map(move |shift| {
                    let start = day as u32 * MINUTES_PER_DAY + shift.from_minute;
                    (start, start + shift.length_minutes())
                })
            })
            .collect();
        shifts = shifts_without_breaks(&opening, &breaks);
    }
    Ok(WeeklyRules {
        zone,
        shifts,
        holidays: parse_holidays(spec)?,
    })
}

/// Open minutes in a week of the calendar's hours with its breaks taken out (holidays and time changes aside).
pub fn weekly_open_minutes(spec: &CalendarSpec) -> Result<u32, CalendarError> {
    let rules = validate(spec)?;
    Ok(rules
        .shifts
        .iter()
        .flatten()
        .map(|shift| shift.length_minutes())
        .sum())
}

/// The weekly spans (minutes since Monday 00:00) of every break; breaks may overlap one another.
fn break_spans(breaks: &[WeeklyHoursSpec]) -> Result<Vec<(u32, u32)>, CalendarError> {
    let in_break = |problem| CalendarError::InBreak {
        problem: Box::new(problem),
    };
    let mut spans = Vec::new();
    for (index, hours) in breaks.iter().enumerate() {
        let shift = parse_interval_times(index, hours).map_err(in_break)?;
        for weekday in parse_days(index, &hours.days).map_err(in_break)? {
            let start = weekday as u32 * MINUTES_PER_DAY + shift.from_minute;
            spans.push((start, start + shift.length_minutes()));
        }
    }
    Ok(spans)
}

/// The opening spans with the breaks cut out, as shifts per weekday (each piece on the day it starts).
/// Spans may run past the end of the week, so each break is also cut a week earlier and later.
fn shifts_without_breaks(opening: &[(u32, u32)], breaks: &[(u32, u32)]) -> [Vec<Shift>; 7] {
    let mut pieces: Vec<(u32, u32)> = opening.to_vec();
    for &(break_start, break_end) in breaks {
        for offset in [0, MINUTES_PER_WEEK, 2 * MINUTES_PER_WEEK] {
            let (cut_start, cut_end) = (break_start + offset, break_end + offset);
            pieces = pieces
                .into_iter()
                .flat_map(|(start, end)| {
                    let (start, end) = (start + MINUTES_PER_WEEK, end + MINUTES_PER_WEEK);
                    let before = (start, end.min(cut_start));
                    let after = (start.max(cut_end), end);
                    let kept: Vec<(u32, u32)> = if cut_end <= start || end <= cut_start {
                        vec![(start, end)]
                    } else {
                        [before, after]
                            .into_iter()
                            .filter(|(from, to)| from < to)
                            .collect()
                    };
                    kept.into_iter()
                        .map(|(from, to)| (from - MINUTES_PER_WEEK, to - MINUTES_PER_WEEK))
                })
                .collect();
        }
    }
    let mut shifts: [Vec<Shift>; 7] = Default::default();
    for (start, end) in pieces {
        let day = (start / MINUTES_PER_DAY) as usize % 7;
        let from_minute = start % MINUTES_PER_DAY;
        shifts[day].push(Shift {
            from_minute,
            to_minute: (from_minute + (end - start)) % MINUTES_PER_DAY,
        });
    }
    shifts
}

/// Whether two spans of the week (minutes since Monday 00:00, possibly running past the week's end)
/// share any time, taking the wrap from Sunday into Monday into account.
fn weekly_overlap(first: (u32, u32), second: (u32, u32)) -> bool {
    let overlaps = |a: (u32, u32), b: (u32, u32)| a.0 < b.1 && b.0 < a.1;
    let shifted = |span: (u32, u32)| (span.0 + MINUTES_PER_WEEK, span.1 + MINUTES_PER_WEEK);
    overlaps(first, second) || overlaps(shifted(first), second) || overlaps(first, shifted(second))
}

fn parse_interval_times(interval: usize, hours: &WeeklyHoursSpec) -> Result<Shift, CalendarError> {
    let minute = |field: TimeField, text: &str| {
        parse_time_of_day(text).ok_or_else(|| CalendarError::BadTime {
            interval,
            field,
            text: text.to_owned(),
        })
    };
    Ok(Shift {
        from_minute: minute(TimeField::From, &hours.from)?,
        to_minute: minute(TimeField::To, &hours.to)?,
    })
}

/// `"HH:MM"` (or `"H:MM"`) from 00:00 to 23:59, as minutes after midnight.
fn parse_time_of_day(text: &str) -> Option<u32> {
    let (hours, minutes) = text.split_once(':')?;
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || hours.len() > 2 || !all_digits(minutes) || minutes.len() != 2 {
        return None;
    }
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

fn parse_days(interval: usize, days: &[String]) -> Result<Vec<usize>, CalendarError> {
    if days.is_empty() {
        return Err(CalendarError::NoDays { interval });
    }
    let mut weekdays = Vec::with_capacity(days.len());
    for (day, text) in days.iter().enumerate() {
        let lower = text.trim().to_lowercase();
        let weekday = weekday_index(&lower).ok_or_else(|| CalendarError::UnknownDay {
            interval,
            day,
            text: text.clone(),
            suggestion: suggest_day(&lower),
        })?;
        if weekdays.contains(&weekday) {
            return Err(CalendarError::RepeatedDay {
                interval,
                day,
                text: text.clone(),
            });
        }
        weekdays.push(weekday);
    }
    Ok(weekdays)
}

fn suggest_day(text: &str) -> Option<&'static str> {
    let by_full_name = closest(text, WEEKDAY_FULL_NAMES, 2)
        .and_then(|full| WEEKDAY_FULL_NAMES.iter().position(|name| *name == full));
    let by_short_name = closest(text, WEEKDAY_NAMES, 1)
        .and_then(|short| WEEKDAY_NAMES.iter().position(|name| *name == short));
    by_full_name
        .or(by_short_name)
        .map(|index| WEEKDAY_NAMES[index])
}

/// `YYYY-MM-DD` (month and day may have one digit) as a date that exists. Read by hand rather than with
/// chrono's format-string parser, which would add about 40 KB to every Wasm module for this one field.
fn calendar_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let mut number = |digits: std::ops::RangeInclusive<usize>| {
        let part = parts.next()?;
        let valid = digits.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit());
        valid.then(|| part.parse::<u32>().ok()).flatten()
    };
    let (year, month, day) = (number(4..=4)?, number(1..=2)?, number(1..=2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn parse_holidays(spec: &CalendarSpec) -> Result<Vec<NaiveDate>, CalendarError> {
    let mut dates: Vec<(NaiveDate, usize)> = Vec::with_capacity(spec.holidays.len());
    for (holiday, entry) in spec.holidays.iter().enumerate() {
        let date =
            calendar_date(entry.date.trim()).ok_or_else(|| CalendarError::BadHolidayDate {
                holiday,
                text: entry.date.clone(),
            })?;
        if let Some(&(_, earlier)) = dates.iter().find(|(seen, _)| *seen == date) {
            return Err(CalendarError::RepeatedHoliday {
                holiday,
                earlier,
                date: date.to_string(),
            });
        }
        dates.push((date, holiday));
    }
    let mut sorted: Vec<NaiveDate> = dates.into_iter().map(|(date, _)| date).collect();
    sorted.sort_unstable();
    Ok(sorted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holiday_dates_are_year_month_day_that_exist() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(calendar_date("2026-12-25"), date(2026, 12, 25));
        assert_eq!(calendar_date("2026-1-5"), date(2026, 1, 5));
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026/01/01",
            "2026-01-01-01",
            "2026-01-",
            "",
            "2026-+1-01",
            "２０２６-01-01",
        ] {
            assert_eq!(calendar_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_of_day() {
        assert_eq!(parse_time_of_day("09:00"), Some(540));
        assert_eq!(parse_time_of_day("9:30"), Some(570));
        assert_eq!(parse_time_of_day("23:59"), Some(1439));
        assert_eq!(parse_time_of_day("24:00"), None);
        assert_eq!(parse_time_of_day("12:5"), None);
        assert_eq!(parse_time_of_day("+1:00"), None);
    }

    #[test]
    fn overlap_wraps_around_the_week() {
        let sunday_night = (6 * MINUTES_PER_DAY + 22 * 60, 7 * MINUTES_PER_DAY + 6 * 60);
        let monday_morning = (5 * 60, 9 * 60);
        let monday_later = (6 * 60, 9 * 60);
        assert!(weekly_overlap(sunday_night, monday_morning));
        assert!(!weekly_overlap(sunday_night, monday_later));
    }
}
