//! Worked examples of business-time arithmetic: weekends, holidays, overnight shifts, DST, fixed offsets, 24/7.

use super::*;
use crate::engine::time::{Instant, HOUR, MINUTE};

pub(super) fn calendar(json: &str) -> Calendar {
    let spec: CalendarSpec = serde_json::from_str(json).expect("test calendar JSON is valid");
    Calendar::compile(&spec).expect("test calendar compiles")
}

pub(super) fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("test timestamp is valid")
}

fn office(zone: &str, holidays: &str) -> Calendar {
    calendar(&format!(
        r#"{{"id": "office", "time_zone": "{zone}", "holidays": [{holidays}],
            "hours": [{{"days": ["mon","tue","wed","thu","fri"], "from": "09:00", "to": "17:00"}}]}}"#
    ))
}

fn night_shift(zone: &str, days: &str, holidays: &str) -> Calendar {
    calendar(&format!(
        r#"{{"id": "nights", "time_zone": "{zone}", "holidays": [{holidays}],
            "hours": [{{"days": [{days}], "from": "22:00", "to": "06:00"}}]}}"#
    ))
}

const WEEKDAYS: &str = r#""mon","tue","wed","thu","fri""#;
const EVERY_DAY: &str = r#""mon","tue","wed","thu","fri","sat","sun""#;

#[test]
fn friday_afternoon_plus_four_business_hours_is_monday_noon() {
    let office = office("UTC", "");
    let due = office.add_business(at("2026-03-06T16:55:00Z"), 4 * HOUR);
    assert_eq!(due, Some(at("2026-03-09T12:55:00Z")));
}

#[test]
fn a_monday_holiday_moves_the_due_time_to_tuesday() {
    let office = office("UTC", r#"{"date": "2026-03-09", "name": "Founders' day"}"#);
    let due = office.add_business(at("2026-03-06T16:55:00Z"), 4 * HOUR);
    assert_eq!(due, Some(at("2026-03-10T12:55:00Z")));
}

#[test]
fn berlin_spring_forward_weekend_keeps_local_office_hours() {
    let office = office("Europe/Berlin", "");
    let due = office.add_business(at("2026-03-27T16:55:00+01:00"), 4 * HOUR);
    assert_eq!(due, Some(at("2026-03-30T10:55:00Z")));
    assert_eq!(due, Some(at("2026-03-30T12:55:00+02:00")));
}

#[test]
fn berlin_fall_back_weekend_keeps_local_office_hours() {
    let office = office("Europe/Berlin", "");
    let due = office.add_business(at("2026-10-23T16:55:00+02:00"), 4 * HOUR);
    assert_eq!(due, Some(at("2026-10-26T11:55:00Z")));
}

#[test]
fn new_york_spring_forward_weekend_keeps_local_office_hours() {
    let office = office("America/New_York", "");
    let due = office.add_business(at("2026-03-06T16:55:00-05:00"), 4 * HOUR);
    assert_eq!(due, Some(at("2026-03-09T12:55:00-04:00")));
}

#[test]
fn a_day_shift_on_the_dst_sunday_is_still_eight_local_hours() {
    let every_day = calendar(
        r#"{"id": "d", "time_zone": "Europe/Berlin",
            "hours": [{"days": ["sun"], "from": "09:00", "to": "17:00"}]}"#,
    );
    let sunday = every_day.open_intervals(
        at("2026-03-29T00:00:00+01:00"),
        at("2026-03-30T00:00:00+02:00"),
    );
    assert_eq!(
        sunday,
        vec![(
            at("2026-03-29T09:00:00+02:00"),
            at("2026-03-29T17:00:00+02:00")
        )]
    );
}

#[test]
fn an_overnight_shift_across_a_dst_change_has_seven_or_nine_hours() {
    let nights = night_shift("Europe/Berlin", EVERY_DAY, "");
    let spring = nights.business_seconds_between(
        at("2026-03-28T20:00:00+01:00"),
        at("2026-03-29T12:00:00+02:00"),
    );
    assert_eq!(spring, 7 * HOUR);
    let autumn = nights.business_seconds_between(
        at("2026-10-24T20:00:00+02:00"),
        at("2026-10-25T12:00:00+01:00"),
    );
    assert_eq!(autumn, 9 * HOUR);
}

#[test]
fn overnight_shift_runs_across_midnight() {
    let nights = night_shift("UTC", WEEKDAYS, "");
    assert!(nights.is_open(at("2026-03-03T02:00:00Z")));
    assert!(!nights.is_open(at("2026-03-03T12:00:00Z")));
    let due = nights.add_business(at("2026-03-03T05:00:00Z"), 2 * HOUR);
    assert_eq!(due, Some(at("2026-03-03T23:00:00Z")));
}

#[test]
fn overnight_shift_runs_across_the_weekend() {
    let nights = night_shift("UTC", WEEKDAYS, "");
    assert!(
        nights.is_open(at("2026-03-07T03:00:00Z")),
        "Friday's shift runs into Saturday"
    );
    assert!(
        !nights.is_open(at("2026-03-08T23:00:00Z")),
        "no shift starts on Sunday"
    );
    let due = nights.add_business(at("2026-03-07T05:00:00Z"), 2 * HOUR);
    assert_eq!(due, Some(at("2026-03-09T23:00:00Z")));
    assert_eq!(
        nights.next_open(at("2026-03-07T06:00:00Z")),
        Some(at("2026-03-09T22:00:00Z"))
    );
}

#[test]
fn a_holiday_closes_exactly_its_local_day() {
    let nights = night_shift("UTC", EVERY_DAY, r#""2026-03-09""#);
    let intervals = nights.open_intervals(at("2026-03-08T00:00:00Z"), at("2026-03-11T00:00:00Z"));
    assert_eq!(
        intervals,
        vec![
            (at("2026-03-08T00:00:00Z"), at("2026-03-08T06:00:00Z")),
            (at("2026-03-08T22:00:00Z"), at("2026-03-09T00:00:00Z")),
            (at("2026-03-10T00:00:00Z"), at("2026-03-10T06:00:00Z")),
            (at("2026-03-10T22:00:00Z"), at("2026-03-11T00:00:00Z")),
        ]
    );
}

#[test]
fn holidays_follow_the_local_day_of_the_calendar_zone() {
    let office = office("Europe/Berlin", r#""2026-12-25""#);
    assert!(!office.is_open(at("2026-12-25T10:00:00+01:00")));
    assert_eq!(
        office.next_open(at("2026-12-24T23:30:00Z")),
        Some(at("2026-12-28T08:00:00Z"))
    );
}

#[test]
fn fixed_offset_zone() {
    let office = office("-05:30", "");
    let due = office.add_business(at("2026-03-06T16:55:00-05:30"), 4 * HOUR);
    assert_eq!(due, Some(at("2026-03-09T12:55:00-05:30")));
}

#[test]
fn twenty_four_seven_counts_calendar_time() {
    let always = calendar(r#"{"id": "24x7", "always_open": true}"#);
    let start = at("2026-03-06T16:55:00Z");
    assert_eq!(
        always.add_business(start, 4 * HOUR),
        Some(at("2026-03-06T20:55:00Z"))
    );
    assert_eq!(
        always.business_seconds_between(start, at("2026-03-09T16:55:00Z")),
        72 * HOUR
    );
    assert_eq!(always.next_close(start), None);
    assert!(always.is_open(Instant(i64::MIN)));
}

#[test]
fn always_open_with_a_holiday_closes_that_day_only() {
    let always = calendar(r#"{"id": "24x7", "always_open": true, "holidays": ["2027-01-01"]}"#);
    assert!(!always.is_open(at("2027-01-01T12:00:00Z")));
    assert_eq!(
        always.next_close(at("2026-12-20T00:00:00Z")),
        Some(at("2027-01-01T00:00:00Z"))
    );
    assert_eq!(
        always.next_open(at("2027-01-01T00:00:00Z")),
        Some(at("2027-01-02T00:00:00Z"))
    );
}

#[test]
fn open_time_continues_across_the_new_year() {
    let always = calendar(r#"{"id": "24x7", "always_open": true, "holidays": ["2027-01-05"]}"#);
    let intervals = always.open_intervals(at("2026-12-31T12:00:00Z"), at("2027-01-01T12:00:00Z"));
    assert_eq!(
        intervals,
        vec![(at("2026-12-31T12:00:00Z"), at("2027-01-01T12:00:00Z"))]
    );
    let due = always.add_business(at("2026-12-31T23:00:00Z"), 2 * HOUR);
    assert_eq!(due, Some(at("2027-01-01T01:00:00Z")));
    assert_eq!(
        always.next_close(at("2026-12-31T12:00:00Z")),
        Some(at("2027-01-05T00:00:00Z"))
    );
}

#[test]
fn next_close_is_the_end_of_the_current_opening() {
    let office = office("UTC", "");
    assert_eq!(
        office.next_close(at("2026-03-06T10:00:00Z")),
        Some(at("2026-03-06T17:00:00Z"))
    );
    assert_eq!(
        office.next_close(at("2026-03-07T10:00:00Z")),
        Some(at("2026-03-07T10:00:00Z"))
    );
}

#[test]
fn reaching_the_end_of_an_opening_is_due_at_closing_time() {
    let office = office("UTC", "");
    let due = office.add_business(at("2026-03-06T16:55:00Z"), 5 * MINUTE);
    assert_eq!(due, Some(at("2026-03-06T17:00:00Z")));
    assert_eq!(
        office.add_business(at("2026-03-07T10:00:00Z"), 0),
        Some(at("2026-03-09T09:00:00Z"))
    );
}

#[test]
fn business_seconds_across_a_week() {
    let office = office("UTC", "");
    let week =
        office.business_seconds_between(at("2026-03-02T00:00:00Z"), at("2026-03-09T00:00:00Z"));
    assert_eq!(week, 40 * HOUR);
    let across_years =
        office.business_seconds_between(at("2025-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
    assert_eq!(across_years, (261 + 261) * 8 * HOUR);
}

#[test]
fn a_calendar_without_hours_is_never_open() {
    let closed = calendar(r#"{"id": "closed", "time_zone": "Europe/Berlin"}"#);
    assert!(closed.is_never_open());
    assert_eq!(closed.next_open(at("2026-03-06T10:00:00Z")), None);
    assert_eq!(closed.add_business(at("2026-03-06T10:00:00Z"), HOUR), None);
    assert_eq!(
        closed.business_seconds_between(at("2026-03-06T10:00:00Z"), at("2027-03-06T10:00:00Z")),
        0
    );
}

#[test]
fn instants_outside_the_supported_range_do_not_panic() {
    let office = office("UTC", "");
    assert!(!office.is_open(Instant(i64::MIN)));
    assert_eq!(
        office.next_open(Instant(i64::MIN)),
        Some(at("1970-01-01T09:00:00Z"))
    );
    assert_eq!(office.next_open(Instant(RANGE_END)), None);
    assert_eq!(
        office.add_business(at("2200-12-31T09:00:00Z"), 100 * HOUR),
        None
    );
    assert_eq!(office.add_business(Instant(i64::MIN), i64::MAX), None);
    assert_eq!(
        office.next_close(Instant(i64::MAX)),
        Some(Instant(i64::MAX))
    );
    assert_eq!(
        office.business_seconds_between(Instant(RANGE_END), Instant(i64::MAX)),
        0
    );
    assert!(office
        .open_intervals(Instant(RANGE_END), Instant(i64::MAX))
        .is_empty());
}

#[test]
fn the_example_in_the_docs_parses_and_compiles() {
    let doc = include_str!("../../../docs/calendars.md");
    let examples: Vec<&str> = doc
        .split("```json")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .collect();
    assert!(
        !examples.is_empty(),
        "docs/calendars.md holds JSON examples"
    );
    for example in examples {
        let spec: CalendarSpec = serde_json::from_str(example).expect("doc example parses");
        let calendar = Calendar::compile(&spec).expect("doc example compiles");
        assert!(!calendar.is_never_open());
    }
}
