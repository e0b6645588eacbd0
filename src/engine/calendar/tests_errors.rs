//! A table of malformed calendars, each with the path and the exact message it must produce.

use super::*;

fn compile_error(json: &str) -> CalendarError {
    let spec: CalendarSpec = serde_json::from_str(json).expect("well-formed JSON for this case");
    match Calendar::compile(&spec) {
        Ok(_) => panic!("expected {json} to be rejected"),
        Err(error) => error,
    }
}

fn with_hours(hours: &str) -> String {
    format!(r#"{{"id": "c", "time_zone": "UTC", "hours": [{hours}]}}"#)
}

const OFFICE: &str = r#"{"days": ["mon","tue","wed","thu","fri"], "from": "09:00", "to": "17:00"}"#;

#[test]
fn invalid_calendars_name_the_field_and_the_problem() {
    let cases: Vec<(String, &str, &str)> = vec![
        (
            r#"{"id": " "}"#.to_owned(),
            "id",
            "a calendar needs a non-empty id",
        ),
        (
            r#"{"id": "c", "time_zone": "Europe/Berln"}"#.to_owned(),
            "time_zone",
            r#"unknown time zone "Europe/Berln"; expected "UTC", an offset such as "+02:00" or an IANA name such as "Europe/Berlin" (did you mean "Europe/Berlin"?)"#,
        ),
        (
            r#"{"id": "c", "time_zone": "Mars/Olympus"}"#.to_owned(),
            "time_zone",
            r#"unknown time zone "Mars/Olympus"; expected "UTC", an offset such as "+02:00" or an IANA name such as "Europe/Berlin""#,
        ),
        (
            r#"{"id": "c", "time_zone": "+25:00"}"#.to_owned(),
            "time_zone",
            r#"unknown time zone "+25:00"; expected "UTC", an offset such as "+02:00" or an IANA name such as "Europe/Berlin""#,
        ),
        (
            with_hours(r#"{"days": ["mon"], "from": "25:00", "to": "17:00"}"#),
            "hours[0].from",
            r#""25:00" is not a time of day; expected "HH:MM" from 00:00 to 23:59 (write "00:00" for midnight)"#,
        ),
        (
            with_hours(&format!(r#"{OFFICE}, {{"days": ["sat"], "from": "10:00", "to": "24:00"}}"#)),
            "hours[1].to",
            r#""24:00" is not a time of day; expected "HH:MM" from 00:00 to 23:59 (write "00:00" for midnight)"#,
        ),
        (
            with_hours(r#"{"days": ["mon"], "from": "9am", "to": "17:00"}"#),
            "hours[0].from",
            r#""9am" is not a time of day; expected "HH:MM" from 00:00 to 23:59 (write "00:00" for midnight)"#,
        ),
        (
            with_hours(r#"{"days": ["mon", "mnday"], "from": "09:00", "to": "17:00"}"#),
            "hours[0].days[1]",
            r#"unknown day "mnday"; expected mon, tue, wed, thu, fri, sat or sun (did you mean "mon"?)"#,
        ),
        (
            with_hours(r#"{"days": ["holiday"], "from": "09:00", "to": "17:00"}"#),
            "hours[0].days[0]",
            r#"unknown day "holiday"; expected mon, tue, wed, thu, fri, sat or sun"#,
        ),
        (
            with_hours(r#"{"days": [], "from": "09:00", "to": "17:00"}"#),
            "hours[0].days",
            r#"an opening interval needs at least one day, e.g. ["mon", "tue"]"#,
        ),
        (
            with_hours(r#"{"days": ["mon", "Monday"], "from": "09:00", "to": "17:00"}"#),
            "hours[0].days[1]",
            r#"day "Monday" is listed twice in the same interval"#,
        ),
        (
            with_hours(&format!("{OFFICE}, {OFFICE}")),
            "hours[1]",
            "these opening hours overlap hours[0] on mon; each moment of the week may be covered by one interval only",
        ),
        (
            with_hours(&format!(r#"{OFFICE}, {{"days": ["wed"], "from": "16:00", "to": "20:00"}}"#)),
            "hours[1]",
            "these opening hours overlap hours[0] on wed; each moment of the week may be covered by one interval only",
        ),
        (
            with_hours(
                r#"{"days": ["sun"], "from": "22:00", "to": "06:00"}, {"days": ["mon"], "from": "05:00", "to": "12:00"}"#,
            ),
            "hours[1]",
            "these opening hours overlap hours[0] on mon; each moment of the week may be covered by one interval only",
        ),
        (
            format!(r#"{{"id": "c", "always_open": true, "hours": [{OFFICE}]}}"#),
            "always_open",
            r#"a calendar that is always open cannot also list opening hours; remove "hours" or set "always_open" to false"#,
        ),
        (
            r#"{"id": "c", "holidays": ["2026-12-25", {"date": "2026-02-30"}]}"#.to_owned(),
            "holidays[1]",
            r#""2026-02-30" is not a date; expected "YYYY-MM-DD", e.g. "2026-12-25""#,
        ),
        (
            r#"{"id": "c", "holidays": ["2026-12-25", {"date": "2026-12-25", "name": "Xmas"}]}"#.to_owned(),
            "holidays[1]",
            "holiday 2026-12-25 is already listed as holidays[0]",
        ),
    ];
    for (json, path, message) in cases {
        let error = compile_error(&json);
        assert_eq!(error.path(), path, "path for {json}");
        assert_eq!(error.to_string(), message, "message for {json}");
    }
}

#[test]
fn touching_intervals_are_not_overlapping() {
    let json = with_hours(
        r#"{"days": ["mon"], "from": "00:00", "to": "00:00"}, {"days": ["tue"], "from": "00:00", "to": "12:00"},
           {"days": ["sun"], "from": "18:00", "to": "00:00"}"#,
    );
    let spec: CalendarSpec = serde_json::from_str(&json).expect("valid JSON");
    assert!(Calendar::compile(&spec).is_ok());
}

#[test]
fn serde_rejects_unknown_fields_and_wrong_types_with_a_path() {
    let cases = [
        (
            r#"{"id": "c", "timezone": "UTC"}"#,
            "timezone",
            "unknown field `timezone`",
        ),
        (
            r#"{"id": "c", "hours": [{"days": ["mon"], "from": "09:00", "to": "17:00", "until": "x"}]}"#,
            "hours[0].until",
            "unknown field `until`",
        ),
        (
            r#"{"id": "c", "holidays": [{"day": "2026-12-25"}]}"#,
            "holidays[0]",
            "unknown field `day`",
        ),
        (
            r#"{"id": "c", "holidays": [20261225]}"#,
            "holidays[0]",
            "invalid type: integer",
        ),
        (
            r#"{"id": "c", "always_open": "yes"}"#,
            "always_open",
            "invalid type: string",
        ),
    ];
    for (json, path, message) in cases {
        let deserializer = &mut serde_json::Deserializer::from_str(json);
        let error = serde_path_to_error::deserialize::<_, CalendarSpec>(deserializer)
            .expect_err("must be rejected");
        assert_eq!(error.path().to_string(), path, "path for {json}");
        assert!(
            error.inner().to_string().starts_with(message),
            "{json}: {}",
            error.inner()
        );
    }
}

#[test]
fn holidays_round_trip_in_both_forms() {
    let json = r#"{"id":"c","time_zone":"UTC","holidays":["2026-12-25",{"date":"2026-12-26","name":"Boxing Day"}]}"#;
    let spec: CalendarSpec = serde_json::from_str(json).expect("valid");
    assert_eq!(spec.holidays[1].name.as_deref(), Some("Boxing Day"));
    assert_eq!(serde_json::to_string(&spec).expect("serializes"), json);
}
