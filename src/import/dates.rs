//! Timestamps as help desks export them: ISO 8601 with or without `T`, seconds, fractions and an offset;
//! `31-12-2016 23:59`, `31/12/2016 23:59:59`, `12/31/2016`, `31.12.2016`, day-first or month-first as the
//! whole file shows; and Jira's `12/Mar/24 10:15 AM`. Times without an offset are wall-clock times in the
//! zone the log is read in (UTC unless the reader names one).

use chrono::NaiveDate;

use crate::engine::calendar::NamedZone;
use crate::engine::time::Instant;

/// Which of the first two numbers of a `dd/mm/yyyy`-style date is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// The order the values show: month-first only when some value's second number cannot be a month and
/// none's first; otherwise day-first (also when no value decides, as most exports outside the US are).
pub fn detect_order<'a>(values: impl Iterator<Item = &'a str>) -> DateOrder {
    let (mut first_over_12, mut second_over_12) = (false, false);
    for value in values {
        if let Some((first, second, _)) = numeric_date(date_part(value)) {
            first_over_12 |= first > 12 && first <= 31;
            second_over_12 |= second > 12 && second <= 31;
        }
    }
    if second_over_12 && !first_over_12 {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

fn date_part(text: &str) -> &str {
    let text = text.trim();
    date_end(text).map_or(text, |at| &text[..at])
}

/// Where the date ends: the first space, or an ISO `T` between digits (not the T of `OCT`).
fn date_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().position(|(at, byte)| {
        *byte == b' '
            || (*byte == b'T'
                && at > 0
                && bytes[at - 1].is_ascii_digit()
                && bytes.get(at + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// `d-m-y`, `d/m/y` or `d.m.y` with a four-digit year last: its three numbers as written.
fn numeric_date(date: &str) -> Option<(u32, u32, i32)> {
    let mut parts = date.split(['-', '/', '.']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || c.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?))
}

/// Reads one timestamp, or says what is wrong with it in words a person can act on. A time without an
/// offset is read as `zone`'s wall clock (one inside a daylight-saving gap as the end of the gap).
pub fn parse(text: &str, order: DateOrder, zone: &NamedZone) -> Result<Instant, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "?" || trimmed.eq_ignore_ascii_case("null") {
        return Err("no date".to_owned());
    }
    let unknown = || format!("unknown date `{trimmed}`");
    let (date, rest) = match date_end(trimmed) {
        Some(at) => (&trimmed[..at], trimmed[at + 1..].trim()),
        None => (trimmed, ""),
    };
    let (year, month, day) = if let Some(named) = named_month_date(date) {
        named
    } else if date.len() == 10 && date.as_bytes()[4] == b'-' {
        let mut parts = date.split('-');
        let year: i32 = parts
            .next()
            .and_then(|p| p.parse().ok())
            .ok_or_else(unknown)?;
        let month: u32 = parts
            .next()
            .and_then(|p| p.parse().ok())
            .ok_or_else(unknown)?;
        let day: u32 = parts
            .next()
            .and_then(|p| p.parse().ok())
            .ok_or_else(unknown)?;
        (year, month, day)
    } else {
        let (first, second, year) = numeric_date(date).ok_or_else(unknown)?;
        match order {
            DateOrder::DayFirst => (year, second, first),
            DateOrder::MonthFirst => (year, first, second),
        }
    };
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(unknown)?;
    let (rest, afternoon) = match rest.rsplit_once(' ') {
        Some((clock, "AM" | "am")) => (clock, Some(false)),
        Some((clock, "PM" | "pm")) => (clock, Some(true)),
        _ => (rest, None),
    };
    let (clock, offset) = split_offset(rest).ok_or_else(unknown)?;
    let mut seconds_of_day = if clock.is_empty() {
        0
    } else {
        parse_clock(clock).ok_or_else(unknown)?
    };
    if let Some(afternoon) = afternoon {
        let hours = seconds_of_day / 3600;
        if !(1..=12).contains(&hours) {
            return Err(unknown());
        }
        seconds_of_day =
            seconds_of_day % 3600 + (hours % 12 + if afternoon { 12 } else { 0 }) * 3600;
    }
    let midnight = date.and_hms_opt(0, 0, 0).ok_or_else(unknown)?;
    Ok(Instant(match offset {
        Some(offset) => midnight.and_utc().timestamp() + seconds_of_day - offset,
        None => zone.to_utc(midnight + chrono::TimeDelta::seconds(seconds_of_day)),
    }))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `12/Mar/24` or `12-Mar-2024` (two-digit years are 2000–2099).
fn named_month_date(date: &str) -> Option<(i32, u32, u32)> {
    let mut parts = date.split(['/', '-', ' ']);
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || month.len() < 3 {
        return None;
    }
    let prefix = month.get(..3)?;
    let month = MONTHS
        .iter()
        .position(|name| prefix.eq_ignore_ascii_case(name))?;
    let year: i32 = match year.len() {
        2 => 2000 + year.parse::<i32>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    Some((year, u32::try_from(month).ok()? + 1, day.parse().ok()?))
}

/// `HH:MM[:SS[.fff]]` as seconds after midnight (fractions dropped).
fn parse_clock(clock: &str) -> Option<i64> {
    let mut parts = clock.split(':');
    let hours: i64 = parts.next()?.parse().ok()?;
    let minutes: i64 = parts.next()?.parse().ok()?;
    let seconds: i64 = match parts.next() {
        Some(seconds) => seconds.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() || hours > 23 || minutes > 59 || seconds > 60 {
        return None;
    }
    Some(hours * 3600 + minutes * 60 + seconds.min(59))
}

/// The time of day and its UTC offset in seconds: `Z`, `+01:00`, `+0100`, ` +01:00`, or none
/// (`None`: wall-clock time in the log's zone).
fn split_offset(rest: &str) -> Option<(&str, Option<i64>)> {
    let rest = rest.trim();
    if let Some(clock) = rest.strip_suffix('Z').or_else(|| rest.strip_suffix(" UTC")) {
        return Some((clock.trim(), Some(0)));
    }
    let Some(at) = rest.rfind(['+', '-']) else {
        return Some((rest, None));
    };
    let (clock, offset) = (rest[..at].trim(), &rest[at..]);
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits[2..].parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    Some((clock, Some(sign * (hours * 3600 + minutes * 60))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Instant {
        Instant::parse_rfc3339(text).expect("test instant")
    }

    #[test]
    fn the_shapes_exports_use_read_the_same_instant() {
        let expected = utc("2016-02-29T01:16:00Z");
        for text in [
            "29-02-2016 01:16",
            "29/02/2016 01:16:00",
            "29.02.2016 01:16",
            "2016-02-29 01:16",
            "2016-02-29T01:16:00",
            "2016-02-29T01:16:00.000Z",
            "2016-02-29T02:16:00+01:00",
            "2016-02-29 02:16:00 +0100",
            "2016-02-28T20:16:00-05:00",
        ] {
            assert_eq!(
                parse(text, DateOrder::DayFirst, &NamedZone::utc()),
                Ok(expected),
                "{text}"
            );
        }
        assert_eq!(
            parse("02/29/2016 01:16", DateOrder::MonthFirst, &NamedZone::utc()),
            Ok(expected)
        );
    }

    #[test]
    fn impossible_dates_and_times_are_named() {
        assert_eq!(
            parse("31/02/2016", DateOrder::DayFirst, &NamedZone::utc()),
            Err("unknown date `31/02/2016`".to_owned())
        );
        assert!(parse("2016-02-29 25:00", DateOrder::DayFirst, &NamedZone::utc()).is_err());
        assert!(parse("yesterday", DateOrder::DayFirst, &NamedZone::utc()).is_err());
        assert_eq!(
            parse("?", DateOrder::DayFirst, &NamedZone::utc()),
            Err("no date".to_owned())
        );
    }

    #[test]
    fn times_without_an_offset_are_the_zones_wall_clock() {
        let london = NamedZone::parse("Europe/London").expect("zone");
        let read = |text| parse(text, DateOrder::DayFirst, &london);
        assert_eq!(read("01/07/2016 09:00"), Ok(utc("2016-07-01T08:00:00Z")));
        assert_eq!(read("01/12/2016 09:00"), Ok(utc("2016-12-01T09:00:00Z")));
        assert_eq!(
            read("2016-07-01T09:00:00Z"),
            Ok(utc("2016-07-01T09:00:00Z"))
        );
        assert_eq!(
            read("2016-07-01 09:00 +0200"),
            Ok(utc("2016-07-01T07:00:00Z"))
        );
        assert_eq!(read("27/03/2016 01:30"), Ok(utc("2016-03-27T01:00:00Z")));
    }

    #[test]
    fn the_order_comes_from_the_values_that_decide_it() {
        let us = ["02/29/2016 01:16", "03/01/2016 09:00"];
        assert_eq!(detect_order(us.into_iter()), DateOrder::MonthFirst);
        let europe = ["29/02/2016 01:16", "01/03/2016 09:00"];
        assert_eq!(detect_order(europe.into_iter()), DateOrder::DayFirst);
        assert_eq!(
            detect_order(["01/02/2016"].into_iter()),
            DateOrder::DayFirst
        );
    }
}
