//! Wasm tests of the policy editor's pure helpers: the weekly hours grid and its conversion to calendar intervals.
#![cfg(target_arch = "wasm32")]

use escalator::engine::calendar::WeeklyHoursSpec;
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
