//! A log read in a zone: times written without an offset are that zone's wall clock (summer and winter
//! alike), times with one keep it, and the log's day series begin at the zone's local midnight.

use escalator::api::{import_log, summarize};
use escalator::engine::calendar::NamedZone;
use escalator::engine::time::Instant;
use escalator::import::{read_log, ImportedLog, Reader};

const CASES: &str = "Case;When;Queue;State\n\
C1;01/07/2024 00:30;Desk;Open\n\
C1;01/07/2024 02:00;Desk;Solved\n\
C2;02/12/2024 09:00;Desk;Open\n\
C2;2024-12-02T11:00:00+01:00;Desk;Solved\n";

const MAPPING: &str = r#"{"id": "Case", "timestamp": "When", "team": "Queue", "status": "State"}"#;

fn read_in(zone: &str) -> ImportedLog {
    let reader = Reader {
        mapping: Some(serde_json::from_str(MAPPING).expect("mapping JSON")),
        zone: NamedZone::parse(zone).expect("zone"),
        ..Reader::default()
    };
    read_log(CASES.as_bytes(), &reader).expect("the log reads")
}

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("test instant")
}

#[test]
fn times_without_an_offset_are_read_in_the_zone_and_offsets_are_kept() {
    let london = read_in("Europe/London");
    assert_eq!(london.summary.zone, "Europe/London");
    assert_eq!(
        london.journeys[0].created_at,
        at("2024-06-30T23:30:00Z"),
        "00:30 BST"
    );
    assert_eq!(
        london.journeys[1].created_at,
        at("2024-12-02T09:00:00Z"),
        "09:00 GMT"
    );
    assert_eq!(
        london.journeys[1].resolved_at(),
        Some(at("2024-12-02T10:00:00Z")),
        "the written +01:00 wins over the zone"
    );
    let utc = read_in("UTC");
    assert_eq!(utc.journeys[0].created_at, at("2024-07-01T00:30:00Z"));
}

#[test]
fn the_logs_days_begin_at_the_zones_midnight() {
    let metrics = read_in("Europe/London").metrics();
    assert_eq!(metrics.zone, "Europe/London");
    let (first_day, second_day) = (&metrics.daily[0], &metrics.daily[1]);
    assert_eq!(
        first_day.start,
        at("2024-06-30T23:30:00Z"),
        "the first ticket"
    );
    assert_eq!(first_day.end, at("2024-07-01T23:00:00Z"), "midnight BST");
    assert_eq!(first_day.tickets, 1, "C1 arrives on 1 July, London time");
    assert_eq!(second_day.start, at("2024-07-01T23:00:00Z"));
    let in_utc = read_in("UTC").metrics();
    assert_eq!(in_utc.daily[0].end, at("2024-07-02T00:00:00Z"));
}

#[test]
fn an_unknown_zone_is_refused_with_its_path() {
    let error = import_log(CASES.as_bytes(), r#"{"zone": "Mars/Olympus"}"#).unwrap_err();
    assert_eq!(error.path.as_deref(), Some("zone"), "{error:?}");
    assert!(error.help.contains("Europe/London"), "{error:?}");
    let answer = import_log(
        CASES.as_bytes(),
        &format!(r#"{{"zone": "Europe/London", "mapping": {MAPPING}}}"#),
    )
    .expect("reads");
    let answer: serde_json::Value = serde_json::from_str(&answer).expect("JSON");
    assert_eq!(answer["summary"]["zone"], "Europe/London");
    assert_eq!(answer["metrics"]["zone"], "Europe/London");
}

#[test]
fn summarize_cuts_its_days_in_the_zone_it_is_given() {
    let journeys = serde_json::to_string(&read_in("Europe/London").journeys).expect("JSON");
    let input = format!(r#"{{"journeys": {journeys}, "zone": "Europe/London"}}"#);
    let metrics: serde_json::Value =
        serde_json::from_str(&summarize(&input).expect("summarises")).expect("JSON");
    assert_eq!(metrics["zone"], "Europe/London");
    assert_eq!(metrics["daily"][0]["end"], "2024-07-01T23:00:00Z");
    let bad = format!(r#"{{"journeys": {journeys}, "zone": "nowhere"}}"#);
    let error = summarize(&bad).unwrap_err();
    assert_eq!(error.path.as_deref(), Some("zone"), "{error:?}");
}
