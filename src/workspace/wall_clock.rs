//! The ticket form's `YYYY-MM-DDTHH:MM` times: stored in the draft as UTC (so a draft means the same instant
//! wherever it is opened) and typed and shown as wall-clock time in the zone the playground shows.

use chrono::NaiveDateTime;

use crate::engine::calendar::NamedZone;

const FORM_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// The stored UTC text as wall-clock time in `zone`; text that is not a form time is shown as it is.
pub fn shown(stored_utc: &str, zone: &NamedZone) -> String {
    match NaiveDateTime::parse_from_str(stored_utc, FORM_FORMAT) {
        Ok(utc) => zone
            .local(utc.and_utc().timestamp())
            .format(FORM_FORMAT)
            .to_string(),
        Err(_) => stored_utc.to_owned(),
    }
}

/// Wall-clock text typed in `zone` as the UTC text the draft stores; a time in a DST gap means the end of
/// the gap, one in an overlap its first occurrence. Text that is not a form time is kept as it is, so the
/// draft reports it.
pub fn stored(typed_local: &str, zone: &NamedZone) -> String {
    match NaiveDateTime::parse_from_str(typed_local, FORM_FORMAT) {
        Ok(local) => chrono::DateTime::from_timestamp(zone.to_utc(local), 0).map_or_else(
            || typed_local.to_owned(),
            |utc| utc.format(FORM_FORMAT).to_string(),
        ),
        Err(_) => typed_local.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn london_summer_time_is_an_hour_ahead_of_the_stored_utc() {
        let london = NamedZone::parse("Europe/London").unwrap();
        assert_eq!(shown("2026-07-01T08:30", &london), "2026-07-01T09:30");
        assert_eq!(stored("2026-07-01T09:30", &london), "2026-07-01T08:30");
        assert_eq!(shown("2026-01-05T08:30", &london), "2026-01-05T08:30");
    }

    #[test]
    fn a_time_in_the_spring_gap_means_the_end_of_the_gap() {
        let london = NamedZone::parse("Europe/London").unwrap();
        assert_eq!(stored("2026-03-29T01:30", &london), "2026-03-29T01:00");
        assert_eq!(shown("2026-03-29T01:00", &london), "2026-03-29T02:00");
    }

    #[test]
    fn unfinished_text_is_kept() {
        let utc = NamedZone::utc();
        assert_eq!(stored("", &utc), "");
        assert_eq!(shown("2026-13-01T00:00", &utc), "2026-13-01T00:00");
    }
}
