//! Time zones of calendars (fixed offsets or IANA zones) and the local-to-UTC rule for DST gaps and overlaps.

use chrono::{LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{Tz, TZ_VARIANTS};

use super::error::CalendarError;
use super::suggest::closest;

/// The zone in which a calendar's wall-clock hours and holidays are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A constant offset east of UTC, in seconds (`"UTC"` is `Fixed(0)`).
    Fixed(i32),
    Named(Tz),
}

impl Zone {
    /// Parses `"UTC"`, `"Z"`, `"+HH:MM"`, `"-HH:MM"` or an IANA name.
    pub fn parse(text: &str) -> Result<Zone, CalendarError> {
        if text.eq_ignore_ascii_case("utc") || text == "Z" {
            return Ok(Zone::Fixed(0));
        }
        if text.starts_with(['+', '-']) {
            return parse_offset(text).map(Zone::Fixed).ok_or_else(|| {
                CalendarError::UnknownTimeZone {
                    text: text.to_owned(),
                    suggestion: None,
                }
            });
        }
        text.parse::<Tz>()
            .map(Zone::Named)
            .map_err(|_| CalendarError::UnknownTimeZone {
                text: text.to_owned(),
                suggestion: suggest_zone(text),
            })
    }

    /// The UTC second at which the local wall-clock time `local` occurs.
    ///
    /// Rules: a local time that occurs twice (autumn overlap) means its first occurrence; a local time
    /// that does not exist (spring gap) means the moment the gap ends, i.e. the transition instant.
    pub fn to_utc(self, local: NaiveDateTime) -> i64 {
        let local_seconds = local.and_utc().timestamp();
        match self {
            Zone::Fixed(offset) => local_seconds - i64::from(offset),
            Zone::Named(tz) => match tz.from_local_datetime(&local) {
                LocalResult::Single(at) => at.timestamp(),
                LocalResult::Ambiguous(first, _) => first.timestamp(),
                LocalResult::None => end_of_gap(tz, local_seconds),
            },
        }
    }
}

fn offset_at(tz: Tz, utc_seconds: i64) -> i64 {
    chrono::DateTime::from_timestamp(utc_seconds, 0)
        .map(|at| {
            i64::from(
                tz.offset_from_utc_datetime(&at.naive_utc())
                    .fix()
                    .local_minus_utc(),
            )
        })
        .unwrap_or(0)
}

/// The first UTC second whose local time is at or after `local_seconds`, for a local time inside a gap.
/// Binary search between the two candidate offsets (a gap is at most a few hours wide).
fn end_of_gap(tz: Tz, local_seconds: i64) -> i64 {
    const SPAN: i64 = 26 * 3600;
    let offset_before = offset_at(tz, local_seconds - SPAN);
    let offset_after = offset_at(tz, local_seconds + SPAN);
    let mut too_early = local_seconds - offset_before.max(offset_after) - 1;
    let mut late_enough = local_seconds - offset_before.min(offset_after);
    while late_enough - too_early > 1 {
        let middle = too_early + (late_enough - too_early) / 2;
        if middle + offset_at(tz, middle) >= local_seconds {
            late_enough = middle;
        } else {
            too_early = middle;
        }
    }
    late_enough
}

fn parse_offset(text: &str) -> Option<i32> {
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (hours, minutes) = text.get(1..)?.split_once(':')?;
    let two_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(hours) || !two_digits(minutes) {
        return None;
    }
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours <= 18 && minutes <= 59).then_some(sign * (hours * 3600 + minutes * 60))
}

fn suggest_zone(text: &str) -> Option<String> {
    let names = TZ_VARIANTS.iter().map(|tz| tz.name());
    let max_distance = (text.len() / 4).clamp(1, 3);
    closest(text, names, max_distance)
        .or_else(|| {
            TZ_VARIANTS.iter().map(|tz| tz.name()).find(|name| {
                name.rsplit('/')
                    .next()
                    .is_some_and(|city| city.eq_ignore_ascii_case(text))
            })
        })
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|date| date.and_hms_opt(h, min, 0))
            .expect("valid test date")
    }

    fn utc(text: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(text)
            .expect("valid")
            .timestamp()
    }

    #[test]
    fn parses_offsets_utc_and_iana_names() {
        assert_eq!(Zone::parse("UTC"), Ok(Zone::Fixed(0)));
        assert_eq!(Zone::parse("+02:00"), Ok(Zone::Fixed(7200)));
        assert_eq!(Zone::parse("-05:30"), Ok(Zone::Fixed(-19_800)));
        assert_eq!(
            Zone::parse("Europe/Berlin"),
            Ok(Zone::Named(Tz::Europe__Berlin))
        );
        assert!(Zone::parse("+25:00").is_err());
        assert!(Zone::parse("+2:00").is_err());
    }

    #[test]
    fn a_time_in_the_spring_gap_means_the_end_of_the_gap() {
        let berlin = Zone::Named(Tz::Europe__Berlin);
        assert_eq!(
            berlin.to_utc(local(2026, 3, 29, 2, 30)),
            utc("2026-03-29T01:00:00Z")
        );
        assert_eq!(
            berlin.to_utc(local(2026, 3, 29, 3, 0)),
            utc("2026-03-29T01:00:00Z")
        );
        assert_eq!(
            berlin.to_utc(local(2026, 3, 29, 1, 59)),
            utc("2026-03-29T00:59:00Z")
        );
    }

    #[test]
    fn a_time_in_the_autumn_overlap_means_its_first_occurrence() {
        let berlin = Zone::Named(Tz::Europe__Berlin);
        assert_eq!(
            berlin.to_utc(local(2026, 10, 25, 2, 30)),
            utc("2026-10-25T00:30:00Z")
        );
        assert_eq!(
            berlin.to_utc(local(2026, 10, 25, 3, 0)),
            utc("2026-10-25T02:00:00Z")
        );
    }

    #[test]
    fn suggests_a_near_iana_name() {
        assert_eq!(
            suggest_zone("Europe/Berln").as_deref(),
            Some("Europe/Berlin")
        );
        assert_eq!(suggest_zone("berlin").as_deref(), Some("Europe/Berlin"));
        assert_eq!(suggest_zone("Nowhere/Atlantis"), None);
    }
}
