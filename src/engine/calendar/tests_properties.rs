//! Property tests of the business-time laws over generated calendars, instants and durations.

use proptest::prelude::*;

use super::tests_examples::calendar;
use super::*;
use crate::engine::time::{Instant, HOUR};

const ZONES: [&str; 6] = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "+05:30",
    "-03:00",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// 2025-01-01T00:00:00Z up to 2029-01-01T00:00:00Z: four years with their DST changes.
const FROM: i64 = 1_735_689_600;
const TO: i64 = 1_861_920_000;

/// A calendar with one weekly interval (possibly overnight or the whole day) on some weekdays,
/// in one of several zones, with some holidays.
fn any_calendar() -> impl Strategy<Value = Calendar> {
    (
        0..ZONES.len(),
        1u8..128,
        0u32..48,
        0u32..48,
        proptest::collection::vec(0u32..1461, 0..20),
    )
        .prop_map(|(zone, day_mask, from, to, holiday_days)| {
            let days: Vec<String> = DAYS
                .iter()
                .enumerate()
                .filter(|(index, _)| day_mask & (1 << index) != 0)
                .map(|(_, day)| format!("{day:?}"))
                .collect();
            let holidays: Vec<String> = holiday_days
                .iter()
                .map(|offset| {
                    Instant(FROM + i64::from(*offset) * 86_400)
                        .to_datetime()
                        .date_naive()
                })
                .map(|date| format!("\"{date}\""))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let time =
                |half_hours: u32| format!("{:02}:{:02}", half_hours / 2, half_hours % 2 * 30);
            calendar(&format!(
                r#"{{"id": "generated", "time_zone": "{}", "holidays": [{}],
                    "hours": [{{"days": [{}], "from": "{}", "to": "{}"}}]}}"#,
                ZONES[zone],
                holidays.join(","),
                days.join(","),
                time(from),
                time(to)
            ))
        })
}

fn any_instant() -> impl Strategy<Value = Instant> {
    (FROM..TO).prop_map(Instant)
}

fn any_duration() -> impl Strategy<Value = i64> {
    0..400 * HOUR
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_then_measuring_returns_the_duration(cal in any_calendar(), start in any_instant(), seconds in any_duration()) {
        let due = cal.add_business(start, seconds).expect("the calendar opens within the range");
        prop_assert!(due >= start);
        prop_assert_eq!(cal.business_seconds_between(start, due), seconds);
    }

    #[test]
    fn adding_is_monotonic_in_start_and_duration(
        cal in any_calendar(), start in any_instant(), later in 0..30 * HOUR, seconds in any_duration(), more in 0..30 * HOUR,
    ) {
        let due = cal.add_business(start, seconds);
        prop_assert!(due <= cal.add_business(start.plus(later), seconds));
        prop_assert!(due <= cal.add_business(start, seconds + more));
    }

    #[test]
    fn twenty_four_seven_equals_calendar_time(start in any_instant(), seconds in any_duration()) {
        let always = Calendar::twenty_four_seven("24x7");
        prop_assert_eq!(always.add_business(start, seconds), Some(start.plus(seconds)));
        prop_assert_eq!(always.business_seconds_between(start, start.plus(seconds)), seconds);
        let full_week = calendar(r#"{"id": "w", "time_zone": "Europe/Berlin",
            "hours": [{"days": ["mon","tue","wed","thu","fri","sat","sun"], "from": "00:00", "to": "00:00"}]}"#);
        prop_assert_eq!(full_week.add_business(start, seconds), Some(start.plus(seconds)));
    }

    #[test]
    fn next_open_is_open_and_not_earlier(cal in any_calendar(), at in any_instant()) {
        let open = cal.next_open(at).expect("the calendar opens within the range");
        prop_assert!(open >= at);
        prop_assert!(cal.is_open(open));
        prop_assert_eq!(cal.business_seconds_between(at, open), 0);
        prop_assert_eq!(cal.is_open(at), open == at);
    }

    #[test]
    fn next_close_ends_the_open_stretch(cal in any_calendar(), at in any_instant()) {
        let close = cal.next_close(at).expect("a weekly calendar closes again");
        prop_assert!(close >= at);
        prop_assert!(!cal.is_open(close));
        prop_assert_eq!(cal.business_seconds_between(at, close), close.seconds_since(at));
    }

    #[test]
    fn business_time_is_additive(cal in any_calendar(), mut points in proptest::array::uniform3(any_instant())) {
        points.sort();
        let [a, b, c] = points;
        prop_assert_eq!(
            cal.business_seconds_between(a, b) + cal.business_seconds_between(b, c),
            cal.business_seconds_between(a, c)
        );
    }

    #[test]
    fn one_second_counts_exactly_when_open(cal in any_calendar(), at in any_instant()) {
        prop_assert_eq!(cal.business_seconds_between(at, at.plus(1)), i64::from(cal.is_open(at)));
    }

    #[test]
    fn open_intervals_add_up_to_business_time(cal in any_calendar(), from in any_instant(), span in 0..30 * 24 * HOUR) {
        let to = from.plus(span);
        let intervals = cal.open_intervals(from, to);
        let summed: i64 = intervals.iter().map(|(start, end)| end.seconds_since(*start)).sum();
        prop_assert_eq!(summed, cal.business_seconds_between(from, to));
        for pair in intervals.windows(2) {
            prop_assert!(pair[0].1 < pair[1].0, "intervals are sorted and separated");
        }
    }
}
