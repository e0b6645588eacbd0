//! Breaks in a calendar (`breaks`, e.g. a lunch hour): closed time cut out of the opening hours, which SLA
//! clocks and agents skip like any other closed time.

use escalator::engine::calendar::{Calendar, CalendarSpec};
use escalator::engine::time::{Instant, HOUR};

fn calendar(
    json: serde_json::Value,
) -> Result<Calendar, escalator::engine::calendar::CalendarError> {
    let spec: CalendarSpec = serde_json::from_value(json).expect("a calendar document");
    Calendar::compile(&spec)
}

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("a valid instant")
}

/// Weekdays 09:00–17:00 in London with lunch 12:30–13:15 on Monday to Thursday.
fn office_with_lunch() -> Calendar {
    calendar(serde_json::json!({
        "id": "office",
        "time_zone": "Europe/London",
        "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00"}],
        "breaks": [{"days": ["mon", "tue", "wed", "thu"], "from": "12:30", "to": "13:15"}]
    }))
    .expect("compiles")
}

#[test]
fn a_lunch_break_is_closed_and_the_clock_skips_it() {
    let office = office_with_lunch();
    // Monday 2 March 2026: London is on UTC.
    assert!(office.is_open(at("2026-03-02T12:29:00Z")));
    assert!(!office.is_open(at("2026-03-02T12:30:00Z")));
    assert!(!office.is_open(at("2026-03-02T13:14:00Z")));
    assert!(office.is_open(at("2026-03-02T13:15:00Z")));
    assert_eq!(
        office.next_open(at("2026-03-02T12:45:00Z")),
        Some(at("2026-03-02T13:15:00Z"))
    );
    // Four business hours from Monday 11:00: 11:00–12:30 (1h30) and 13:15–15:45 (2h30).
    assert_eq!(
        office.add_business(at("2026-03-02T11:00:00Z"), 4 * HOUR),
        Some(at("2026-03-02T15:45:00Z"))
    );
    assert_eq!(
        office.business_seconds_between(at("2026-03-02T09:00:00Z"), at("2026-03-02T17:00:00Z")),
        8 * HOUR - 45 * 60
    );
    // Friday has no break.
    assert_eq!(
        office.business_seconds_between(at("2026-03-06T09:00:00Z"), at("2026-03-06T17:00:00Z")),
        8 * HOUR
    );
    // Summer time: the break is at 12:30 local, 11:30 UTC.
    assert!(!office.is_open(at("2026-06-01T11:30:00Z")));
    assert!(office.is_open(at("2026-06-01T12:30:00Z")));
}

#[test]
fn a_break_across_midnight_cuts_an_overnight_shift_and_the_week_wraps() {
    let night = calendar(serde_json::json!({
        "id": "night",
        "hours": [{"days": ["sun"], "from": "20:00", "to": "06:00"}],
        "breaks": [{"days": ["sun"], "from": "23:30", "to": "00:30"}, {"days": ["mon"], "from": "05:00", "to": "05:30"}]
    }))
    .expect("compiles");
    // Sunday 8 March 20:00 to Monday 9 March 06:00, without 23:30–00:30 and 05:00–05:30.
    let sunday = at("2026-03-08T20:00:00Z");
    assert_eq!(
        night.business_seconds_between(sunday, at("2026-03-09T06:00:00Z")),
        10 * HOUR - 90 * 60
    );
    assert!(!night.is_open(at("2026-03-09T00:00:00Z")));
    assert!(night.is_open(at("2026-03-09T00:30:00Z")));
    assert!(!night.is_open(at("2026-03-09T05:10:00Z")));
}

#[test]
fn breaks_outside_opening_hours_change_nothing_and_a_whole_day_break_closes_it() {
    let plain = calendar(serde_json::json!({
        "id": "plain", "hours": [{"days": ["mon"], "from": "09:00", "to": "17:00"}]
    }))
    .expect("compiles");
    let evening = calendar(serde_json::json!({
        "id": "plain", "hours": [{"days": ["mon"], "from": "09:00", "to": "17:00"}],
        "breaks": [{"days": ["mon", "sat"], "from": "18:00", "to": "20:00"}]
    }))
    .expect("compiles");
    let week = (at("2026-03-02T00:00:00Z"), at("2026-03-09T00:00:00Z"));
    assert_eq!(
        evening.business_seconds_between(week.0, week.1),
        plain.business_seconds_between(week.0, week.1)
    );
    let closed = calendar(serde_json::json!({
        "id": "closed", "hours": [{"days": ["mon"], "from": "09:00", "to": "17:00"}],
        "breaks": [{"days": ["mon"], "from": "00:00", "to": "00:00"}]
    }))
    .expect("compiles");
    assert!(closed.is_never_open());
}

#[test]
fn a_bad_break_names_its_path_and_says_how_to_fix_it() {
    for (breaks, path, words) in [
        (
            serde_json::json!([{"days": ["mon"], "from": "12:30", "to": "13:75"}]),
            "breaks[0].to",
            "not a time of day",
        ),
        (
            serde_json::json!([{"days": [], "from": "12:30", "to": "13:00"}]),
            "breaks[0].days",
            "a break needs at least one day",
        ),
        (
            serde_json::json!([{"days": ["mon"], "from": "12:00", "to": "13:00"}, {"days": ["frd"], "from": "12:00", "to": "13:00"}]),
            "breaks[1].days[0]",
            "did you mean \"fri\"",
        ),
    ] {
        let err = calendar(serde_json::json!({
            "id": "bad", "hours": [{"days": ["mon"], "from": "09:00", "to": "17:00"}], "breaks": breaks
        }))
        .expect_err("refused");
        assert_eq!(err.path(), path);
        assert!(err.to_string().contains(words), "{err}");
    }
}
