//! `NamedZone`: a time zone with the name people know it by, for showing instants as wall-clock time there
//! (with the abbreviation in force, so a DST change shows) and for cutting series at local midnight.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

use super::error::CalendarError;
use super::zone::{offset_at, Zone};

/// A zone and its name as a document or a person spells it (`Europe/London`, `+02:00`, `UTC`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedZone {
    name: String,
    zone: Zone,
}

/// UTC.
impl Default for NamedZone {
    fn default() -> NamedZone {
        NamedZone::utc()
    }
}

impl NamedZone {
    pub fn utc() -> NamedZone {
        NamedZone::new("UTC", Zone::Fixed(0))
    }

    pub(super) fn new(name: &str, zone: Zone) -> NamedZone {
        NamedZone {
            name: name.to_owned(),
            zone,
        }
    }

    /// `UTC`, `+HH:MM`, `-HH:MM` or an IANA name, as calendars accept them.
    pub fn parse(name: &str) -> Result<NamedZone, CalendarError> {
        Zone::parse(name).map(|zone| NamedZone::new(name, zone))
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// Seconds east of UTC of the zone's wall clock at the UTC second `utc`.
    pub fn offset_at(&self, utc: i64) -> i64 {
        match &self.zone {
            Zone::Fixed(offset) => i64::from(*offset),
            Zone::Named(tz) => offset_at(tz, utc),
        }
    }

    /// The wall-clock time at the UTC second `utc` (the Unix epoch for a second chrono cannot show).
    pub fn local(&self, utc: i64) -> NaiveDateTime {
        DateTime::from_timestamp(utc.saturating_add(self.offset_at(utc)), 0)
            .unwrap_or_default()
            .naive_utc()
    }

    /// The UTC second of the wall-clock time `local`; a time in a DST gap means the end of the gap, one in
    /// an overlap its first occurrence (the calendars' rule).
    pub fn to_utc(&self, local: NaiveDateTime) -> i64 {
        self.zone.to_utc(local)
    }

    /// The UTC second at which the local day `day` begins.
    pub fn midnight(&self, day: NaiveDate) -> i64 {
        self.to_utc(day.and_time(NaiveTime::MIN))
    }

    /// What the zone is called at `utc`: the tz database's abbreviation for a named zone (`GMT`, `BST`,
    /// `CET`), `UTC`, or the offset (`+02:00`) for a fixed zone.
    pub fn abbreviation_at(&self, utc: i64) -> String {
        match &self.zone {
            Zone::Fixed(0) => "UTC".to_owned(),
            Zone::Fixed(offset) => offset_text(i64::from(*offset)),
            Zone::Named(tz) => jiff::Timestamp::from_second(utc)
                .map(|at| tz.to_offset_info(at).abbreviation().to_owned())
                .unwrap_or_else(|_| offset_text(self.offset_at(utc))),
        }
    }
}

/// `+02:00`, `-05:30`.
fn offset_text(offset: i64) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> i64 {
        DateTime::parse_from_rfc3339(text)
            .expect("valid")
            .timestamp()
    }

    #[test]
    fn london_shows_gmt_in_winter_and_bst_in_summer() {
        let london = NamedZone::parse("Europe/London").expect("bundled");
        let winter = utc("2026-03-28T12:00:00Z");
        let summer = utc("2026-03-30T12:00:00Z");
        assert_eq!(london.abbreviation_at(winter), "GMT");
        assert_eq!(london.abbreviation_at(summer), "BST");
        assert_eq!(london.local(winter).format("%H:%M").to_string(), "12:00");
        assert_eq!(london.local(summer).format("%H:%M").to_string(), "13:00");
    }

    #[test]
    fn the_day_of_a_clock_change_is_23_hours_long() {
        let london = NamedZone::parse("Europe/London").expect("bundled");
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).expect("valid");
        assert_eq!(london.midnight(day(29)), utc("2026-03-29T00:00:00Z"));
        assert_eq!(london.midnight(day(30)), utc("2026-03-29T23:00:00Z"));
        assert_eq!(
            london.midnight(day(30)) - london.midnight(day(29)),
            23 * 3600
        );
    }

    #[test]
    fn fixed_zones_are_named_by_their_offset() {
        let plus_two = NamedZone::parse("+02:00").expect("offset");
        assert_eq!(plus_two.abbreviation_at(0), "+02:00");
        assert_eq!(
            NamedZone::parse("-05:30")
                .expect("offset")
                .abbreviation_at(0),
            "-05:30"
        );
        assert_eq!(NamedZone::utc().abbreviation_at(0), "UTC");
        assert_eq!(plus_two.to_utc(plus_two.local(1_000_000)), 1_000_000);
    }
}
