//! The engine's business calendars as the simulator's opening hours and as the metrics' business clock.

use crate::engine::calendar::Calendar;
use crate::engine::time::Instant;
use crate::metrics::BusinessClock;
use crate::sim::model::TeamCalendar;

impl TeamCalendar for Calendar {
    fn is_open(&self, at: Instant) -> bool {
        Calendar::is_open(self, at)
    }

    fn next_open(&self, at: Instant) -> Option<Instant> {
        Calendar::next_open(self, at)
    }

    fn next_close(&self, at: Instant) -> Option<Instant> {
        Calendar::next_close(self, at)
    }
}

impl BusinessClock for Calendar {
    fn business_seconds_between(&self, from: Instant, to: Instant) -> i64 {
        Calendar::business_seconds_between(self, from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calendar::CalendarSpec;

    #[test]
    fn office_calendar_opens_and_closes_like_the_engine_says() {
        let spec: CalendarSpec = serde_json::from_str(
            r#"{"id": "office", "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00"}]}"#,
        )
        .unwrap();
        let calendar = Calendar::compile(&spec).unwrap();
        let team: &dyn TeamCalendar = &calendar;
        let friday_evening = Instant::parse_rfc3339("2026-03-06T18:00:00Z").unwrap();
        let friday_noon = Instant::parse_rfc3339("2026-03-06T12:00:00Z").unwrap();
        assert!(!team.is_open(friday_evening));
        assert_eq!(
            team.next_open(friday_evening).unwrap().to_string(),
            "2026-03-09T09:00:00Z"
        );
        assert_eq!(
            team.next_close(friday_noon).unwrap().to_string(),
            "2026-03-06T17:00:00Z"
        );
        let clock: &dyn BusinessClock = &calendar;
        assert_eq!(
            clock.business_seconds_between(friday_noon, friday_evening),
            5 * 3600
        );
    }
}
