//! Wasm tests of the policy editor's pure helpers: the weekly hours grid ⇄ calendar intervals, and the SLA fields.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use escalator::engine::calendar::WeeklyHoursSpec;
use escalator::engine::duration::Duration;
use escalator::engine::policy::{Policy, TimeBasis};
use escalator::web::editor::inputs::parse_duration_field;
use escalator::web::editor::sla_fields::{
    apply_clock, clock_value, condition_error, condition_meaning, parse_warnings, remap_drafts,
    warnings_text,
};
use escalator::web::editor::week_grid::{weekly_open_minutes, GridUnfit, WeekGrid};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn interval(days: &[&str], from: &str, to: &str) -> WeeklyHoursSpec {
    WeeklyHoursSpec {
        days: days.iter().map(|day| (*day).to_owned()).collect(),
        from: from.to_owned(),
        to: to.to_owned(),
    }
}

const WEEKDAYS: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];

#[wasm_bindgen_test]
fn office_hours_fill_the_grid_and_come_back_unchanged() {
    let hours = vec![interval(&WEEKDAYS, "09:00", "17:00")];
    let grid = WeekGrid::from_hours(&hours).expect("whole hours");
    assert!(grid.is_open(0, 9));
    assert!(grid.is_open(4, 16));
    assert!(!grid.is_open(0, 17));
    assert!(!grid.is_open(5, 10));
    assert_eq!(grid.open_hours(), 40);
    assert_eq!(grid.to_hours(), hours);
}

#[wasm_bindgen_test]
fn an_overnight_shift_stays_one_overnight_interval() {
    let hours = vec![
        interval(&WEEKDAYS, "09:00", "17:00"),
        interval(&WEEKDAYS, "22:00", "06:00"),
    ];
    let grid = WeekGrid::from_hours(&hours).expect("whole hours");
    assert!(grid.is_open(4, 23), "Friday 23:00");
    assert!(grid.is_open(5, 5), "Saturday 05:00");
    assert!(
        !grid.is_open(0, 3),
        "Monday 03:00 follows Sunday, which is closed"
    );
    assert_eq!(grid.open_hours(), 80);
    assert_eq!(grid.to_hours(), hours);
}

#[wasm_bindgen_test]
fn a_sunday_night_shift_wraps_into_monday_morning() {
    let hours = vec![interval(&["sun"], "20:00", "04:00")];
    let grid = WeekGrid::from_hours(&hours).expect("whole hours");
    assert!(grid.is_open(6, 20));
    assert!(grid.is_open(0, 3));
    assert!(!grid.is_open(0, 4));
    assert_eq!(grid.to_hours(), hours);
}

#[wasm_bindgen_test]
fn whole_days_and_runs_until_midnight_are_written_exactly() {
    let mut grid = WeekGrid::default();
    for hour in 0..24 {
        grid.set(5, hour, true);
    }
    for hour in 18..24 {
        grid.set(0, hour, true);
    }
    let hours = grid.to_hours();
    assert_eq!(
        hours,
        vec![
            interval(&["mon"], "18:00", "00:00"),
            interval(&["sat"], "00:00", "00:00"),
        ]
    );
    assert_eq!(WeekGrid::from_hours(&hours), Ok(grid));
}

#[wasm_bindgen_test]
fn a_morning_longer_than_the_evening_is_not_folded_into_an_overnight_interval() {
    let mut grid = WeekGrid::default();
    for hour in 20..24 {
        grid.set(1, hour, true);
    }
    for hour in 0..21 {
        grid.set(2, hour, true);
    }
    let hours = grid.to_hours();
    assert_eq!(
        hours,
        vec![
            interval(&["tue"], "20:00", "00:00"),
            interval(&["wed"], "00:00", "21:00"),
        ]
    );
    assert_eq!(WeekGrid::from_hours(&hours), Ok(grid));
}

#[wasm_bindgen_test]
fn toggled_hours_merge_with_their_neighbours() {
    let mut grid = WeekGrid::from_hours(&[interval(&WEEKDAYS, "09:00", "17:00")]).expect("fits");
    grid.set(2, 17, true);
    grid.set(2, 8, true);
    grid.set(0, 12, false);
    assert_eq!(
        grid.to_hours(),
        vec![
            interval(&["mon"], "09:00", "12:00"),
            interval(&["mon"], "13:00", "17:00"),
            interval(&["tue", "thu", "fri"], "09:00", "17:00"),
            interval(&["wed"], "08:00", "18:00"),
        ]
    );
    assert_eq!(grid.open_hours(), 41);
}

#[wasm_bindgen_test]
fn every_grid_round_trips_through_intervals() {
    let mut seed: u32 = 12345;
    for _ in 0..200 {
        let mut grid = WeekGrid::default();
        for day in 0..7 {
            for hour in 0..24 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                grid.set(day, hour, (seed >> 16) % 3 != 0);
            }
        }
        let hours = grid.to_hours();
        assert_eq!(WeekGrid::from_hours(&hours), Ok(grid), "{hours:?}");
        assert_eq!(weekly_open_minutes(&hours), Some(grid.open_hours() * 60));
    }
}

#[wasm_bindgen_test]
fn a_full_week_is_seven_whole_days() {
    let mut grid = WeekGrid::default();
    for day in 0..7 {
        for hour in 0..24 {
            grid.set(day, hour, true);
        }
    }
    let hours = grid.to_hours();
    assert_eq!(
        hours,
        vec![interval(
            &["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            "00:00",
            "00:00"
        )]
    );
    assert_eq!(WeekGrid::from_hours(&hours), Ok(grid));
}

#[wasm_bindgen_test]
fn half_hours_do_not_fit_the_grid_but_can_be_rounded_outwards() {
    let hours = vec![
        interval(&WEEKDAYS, "08:00", "12:00"),
        interval(&["Monday"], "12:30", "17:15"),
    ];
    assert_eq!(
        WeekGrid::from_hours(&hours),
        Err(GridUnfit::NotWholeHours { interval: 1 })
    );
    assert_eq!(weekly_open_minutes(&hours), Some(5 * 240 + 285));
    let rounded = WeekGrid::covering(&hours).expect("valid");
    assert!(rounded.is_open(0, 12));
    assert!(rounded.is_open(0, 17));
    assert!(!rounded.is_open(0, 18));
    assert_eq!(rounded.open_hours(), 20 + 6);
}

#[wasm_bindgen_test]
fn invalid_hours_say_why() {
    let overlapping = vec![
        interval(&["mon"], "09:00", "17:00"),
        interval(&["mon"], "16:00", "18:00"),
    ];
    match WeekGrid::from_hours(&overlapping) {
        Err(GridUnfit::Invalid(error)) => assert_eq!(error.path(), "hours[1]"),
        other => panic!("expected an overlap error, got {other:?}"),
    }
    assert_eq!(
        weekly_open_minutes(&[interval(&["mnday"], "09:00", "10:00")]),
        None
    );
}

#[wasm_bindgen_test]
fn warnings_are_read_from_a_list_of_percentages() {
    assert_eq!(parse_warnings("50, 75"), Ok(vec![50, 75]));
    assert_eq!(parse_warnings(" 50 75% "), Ok(vec![50, 75]));
    assert_eq!(parse_warnings(""), Ok(vec![]));
    assert_eq!(
        parse_warnings("50, 120"),
        Err("\"120\" is not a percentage from 1 to 99; write e.g. \"50, 75\"".to_owned())
    );
    assert!(parse_warnings("fifty").is_err());
    assert_eq!(warnings_text(&[50, 75]), "50, 75");
}

#[wasm_bindgen_test]
fn duration_boxes_accept_durations_and_optional_blanks() {
    assert_eq!(
        parse_duration_field(" 1h30m ", false),
        Ok(Some(Duration::minutes(90)))
    );
    assert_eq!(parse_duration_field("", true), Ok(None));
    assert_eq!(
        parse_duration_field("", false),
        Err("required: write e.g. 30m, 4h or 1h30m".to_owned())
    );
    assert_eq!(
        parse_duration_field("1.5h", true),
        Err("fractions are not allowed in durations (write 1h30m, not 1.5h)".to_owned())
    );
}

#[wasm_bindgen_test]
fn condition_errors_name_their_column() {
    assert_eq!(
        condition_error("amount => 500").as_deref(),
        Some("Column 8: unknown operator `=>` (did you mean `>=`?)")
    );
    assert_eq!(condition_error("category == \"billing\""), None);
    assert_eq!(
        condition_meaning("category==\"billing\"").as_deref(),
        Some("category == \"billing\"")
    );
    assert_eq!(condition_meaning("  "), None);
}

#[wasm_bindgen_test]
fn the_clock_select_maps_to_time_basis_and_calendar() {
    let json = include_str!("../www/presets/default.json");
    let policy = Policy::from_json(json).expect("default preset");
    let mut sla = policy.sla_policies[0].clone();
    apply_clock(&mut sla, "business:office");
    assert_eq!(
        (sla.time, sla.calendar.as_deref()),
        (TimeBasis::Business, Some("office"))
    );
    assert_eq!(clock_value(&sla), "business:office");
    apply_clock(&mut sla, "business:");
    assert_eq!(
        (sla.time, sla.calendar.as_deref()),
        (TimeBasis::Business, None)
    );
    apply_clock(&mut sla, "calendar");
    assert_eq!(
        (sla.time, sla.calendar.as_deref()),
        (TimeBasis::Calendar, None)
    );
    assert_eq!(clock_value(&sla), "calendar");
}

#[wasm_bindgen_test]
fn condition_drafts_follow_their_policy_when_policies_move_or_go() {
    let mut drafts: BTreeMap<String, String> = [
        ("sla/0", "a =="),
        ("sla/2", "b =="),
        ("rules/0", "routing draft"),
    ]
    .into_iter()
    .map(|(key, text)| (key.to_owned(), text.to_owned()))
    .collect();
    remap_drafts(&mut drafts, |at| {
        Some(match at {
            1 => 2,
            2 => 1,
            at => at,
        })
    });
    assert_eq!(drafts.get("sla/1").map(String::as_str), Some("b =="));
    assert_eq!(drafts.get("sla/2"), None);
    remap_drafts(&mut drafts, |at| match at {
        0 => None,
        at => Some(at - 1),
    });
    let keys: Vec<&str> = drafts.keys().map(String::as_str).collect();
    assert_eq!(keys, ["rules/0", "sla/0"]);
    assert_eq!(drafts["sla/0"], "b ==");
}

#[wasm_bindgen_test]
fn the_default_preset_calendars_show_on_the_grid_or_as_text() {
    let policy = Policy::from_json(include_str!("../www/presets/default.json")).expect("preset");
    let support = &policy.calendars[0];
    let grid = WeekGrid::from_hours(&support.hours).expect("08:00-20:00 fits");
    assert_eq!(grid.open_hours(), 60);
    assert_eq!(grid.to_hours(), support.hours);
    let office = &policy.calendars[1];
    assert_eq!(
        WeekGrid::from_hours(&office.hours),
        Err(GridUnfit::NotWholeHours { interval: 0 })
    );
    assert_eq!(weekly_open_minutes(&office.hours), Some(5 * 510));
}
