//! The playground's pure view models natively: chart scales and ticks, time axes, duration bins and markers,
//! the flow layout, and the weekly hours grid ⇄ calendar intervals.

mod charts_fixture;

use charts_fixture::flow_sample;
use escalator::engine::calendar::{NamedZone, WeeklyHoursSpec};
use escalator::engine::policy::Policy;
use escalator::view::durations::nice_duration_step;
use escalator::view::flow_layout::{layout_flow, ribbon_path, FlowArea};
use escalator::view::histogram_bins::{bin_durations, duration_markers};
use escalator::view::scale::{format_tick, nice_step, nice_step_at_least, nice_ticks, LinearScale};
use escalator::view::time_axis::{day_label, day_ticks, moment_label, time_ticks};
use escalator::view::values::ValueFormat;
use escalator::view::week_grid::{weekly_open_minutes, GridUnfit, WeekGrid};

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;
/// Monday 9 March 2026, 00:00 UTC.
const MONDAY: i64 = 1_773_014_400;

fn interval(days: &[&str], from: &str, to: &str) -> WeeklyHoursSpec {
    WeeklyHoursSpec {
        days: days.iter().map(|day| (*day).to_owned()).collect(),
        from: from.to_owned(),
        to: to.to_owned(),
    }
}

const WEEKDAYS: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];

const AREA: FlowArea = FlowArea {
    left: 100.0,
    top: 20.0,
    width: 800.0,
    height: 400.0,
    node_width: 10.0,
    node_gap: 20.0,
};

#[test]
fn nice_steps_are_one_two_or_five_times_a_power_of_ten() {
    assert_eq!(nice_step(0.8), 1.0);
    assert_eq!(nice_step(0.7), 0.5);
    assert_eq!(nice_step(1.3), 1.0);
    assert_eq!(nice_step(2.2), 2.0);
    assert_eq!(nice_step(3.0), 2.0);
    assert_eq!(nice_step(4.6), 5.0);
    assert_eq!(nice_step(7.2), 10.0);
    assert!((nice_step(0.031) - 0.02).abs() < 1e-12);
    assert_eq!(nice_step(0.0), 1.0);
    assert_eq!(nice_step_at_least(1.3), 2.0);
    assert_eq!(nice_step_at_least(3.0), 5.0);
    assert_eq!(nice_step_at_least(130.0), 200.0);
}

#[test]
fn nice_ticks_cover_the_data_with_round_values() {
    let ticks = nice_ticks(0.0, 87.0, 5);
    assert_eq!(ticks.step, 20.0);
    assert_eq!(ticks.values(), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    assert_eq!(
        nice_ticks(0.0, 110.0, 5).values(),
        vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]
    );
    let ticks = nice_ticks(0.0, 0.3, 3);
    assert_eq!(ticks.values(), vec![0.0, 0.1, 0.2, 0.3]);
    assert_eq!(
        nice_ticks(5.0, 5.0, 5).values(),
        vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    );
    assert_eq!(
        nice_ticks(f64::NAN, f64::NAN, 4).values().last(),
        Some(&1.0)
    );
}

#[test]
fn ticks_ignore_floating_point_noise_at_the_ends() {
    assert_eq!(
        nice_ticks(0.0, 0.05 * 6.0, 3).values(),
        vec![0.0, 0.1, 0.2, 0.3]
    );
}

#[test]
fn tick_labels_have_just_enough_decimals() {
    assert_eq!(format_tick(40.0, 20.0), "40");
    assert_eq!(format_tick(0.30000000000000004, 0.1), "0.3");
    assert_eq!(format_tick(0.25, 0.05), "0.25");
    assert_eq!(format_tick(-0.0, 0.5), "0.0");
}

#[test]
fn linear_scales_map_and_reverse() {
    let y = LinearScale::new((0.0, 100.0), (200.0, 0.0));
    assert_eq!(y.map(0.0), 200.0);
    assert_eq!(y.map(25.0), 150.0);
    assert_eq!(y.map(100.0), 0.0);
    assert_eq!(LinearScale::new((3.0, 3.0), (10.0, 20.0)).map(3.0), 10.0);
}

#[test]
fn percent_and_duration_formats_tick_in_their_own_units() {
    let percent = ValueFormat::Percent.ticks(0.0, 0.23, 5);
    assert_eq!(percent.values().len(), 6);
    assert_eq!(
        ValueFormat::Percent.tick_label(percent.values()[5], percent.step),
        "25%"
    );
    assert_eq!(ValueFormat::Percent.value_label(0.125), "12%");
    assert_eq!(ValueFormat::Percent.value_label(0.042), "4.2%");
    assert_eq!(ValueFormat::Percent.value_label(0.05 + 0.02), "7%");
    let duration = ValueFormat::Duration.ticks(0.0, 10.0 * HOUR as f64, 5);
    assert_eq!(duration.step, 2.0 * HOUR as f64);
    assert_eq!(
        ValueFormat::Duration.tick_label(duration.values()[2], duration.step),
        "4h"
    );
}

#[test]
fn duration_steps_are_whole_minutes_hours_days_or_weeks() {
    assert_eq!(
        nice_duration_step(50.0 * MINUTE as f64 / 7.0),
        10.0 * MINUTE as f64
    );
    assert_eq!(nice_duration_step(40.0 * MINUTE as f64), HOUR as f64);
    assert_eq!(nice_duration_step(5.0 * HOUR as f64), 6.0 * HOUR as f64);
    assert_eq!(nice_duration_step(30.0 * HOUR as f64), 2.0 * DAY as f64);
    assert_eq!(
        nice_duration_step(20.0 * DAY as f64),
        5.0 * 7.0 * DAY as f64
    );
    assert_eq!(nice_duration_step(12.0), 20.0);
}

#[test]
fn day_ticks_fall_on_utc_midnights_and_thin_out() {
    let utc = NamedZone::utc();
    assert_eq!(day_label(MONDAY, &utc), "Mon 9");
    assert_eq!(day_label(MONDAY + 6 * DAY + 3 * HOUR, &utc), "Sun 15");
    let week = day_ticks(MONDAY - HOUR, MONDAY + 6 * DAY + HOUR, 10, &utc);
    assert_eq!(week, (0..7).map(|n| MONDAY + n * DAY).collect::<Vec<_>>());
    let month = day_ticks(MONDAY, MONDAY + 27 * DAY, 7, &utc);
    assert_eq!(month.len(), 7);
    assert_eq!(month[1] - month[0], 4 * DAY);
    assert!(day_ticks(MONDAY + HOUR, MONDAY + 2 * HOUR, 5, &utc).is_empty());
}

#[test]
fn axes_in_a_named_zone_tick_at_its_local_midnights_and_hours_across_a_clock_change() {
    let london = NamedZone::parse("Europe/London").unwrap();
    // Saturday 28 March 2026 00:00 UTC; the clocks go forward at 01:00 UTC on Sunday 29.
    let saturday = MONDAY + 19 * DAY;
    let days = day_ticks(saturday, saturday + 3 * DAY, 10, &london);
    assert_eq!(
        days,
        vec![
            saturday,
            saturday + DAY,
            saturday + 2 * DAY - HOUR,
            saturday + 3 * DAY - HOUR
        ]
    );
    assert_eq!(day_label(saturday + 2 * DAY - HOUR, &london), "Mon 30");
    assert_eq!(
        moment_label(saturday + 2 * DAY, &london),
        "Mon 30 Mar 01:00 BST"
    );
    let hours: Vec<String> = time_ticks(saturday + DAY, saturday + DAY + 4 * HOUR, 10, &london)
        .into_iter()
        .map(|(_, label)| label)
        .collect();
    assert_eq!(hours, vec!["Sun 29", "02:00", "03:00", "04:00", "05:00"]);
}

#[test]
fn short_spans_tick_in_hours_and_long_ones_in_days() {
    let utc = NamedZone::utc();
    let labels = |ticks: Vec<(i64, String)>| {
        ticks
            .into_iter()
            .map(|(_, label)| label)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        labels(time_ticks(
            MONDAY + 9 * HOUR,
            MONDAY + 12 * HOUR + 30 * MINUTE,
            10,
            &utc
        )),
        vec!["09:00", "10:00", "11:00", "12:00"]
    );
    assert_eq!(
        labels(time_ticks(MONDAY + 9 * HOUR, MONDAY + 17 * HOUR, 4, &utc)),
        vec!["09:00", "12:00", "15:00"]
    );
    assert_eq!(
        labels(time_ticks(MONDAY - 6 * HOUR, MONDAY + 18 * HOUR, 5, &utc)),
        vec!["18:00", "Mon 9", "06:00", "12:00", "18:00"]
    );
    assert_eq!(
        labels(time_ticks(MONDAY, MONDAY + 3 * DAY, 10, &utc)),
        vec!["Mon 9", "Tue 10", "Wed 11", "Thu 12"]
    );
}

#[test]
fn durations_bin_into_nice_widths_from_zero() {
    let seconds = [0, 5 * MINUTE, 14 * MINUTE, 59 * MINUTE, 2 * HOUR + 1];
    let bins = bin_durations(&seconds, 8);
    let width = bins[0].to - bins[0].from;
    assert_eq!(width, 30.0 * MINUTE as f64);
    assert_eq!(bins.len(), 5);
    assert_eq!(
        bins.iter().map(|bin| bin.count).collect::<Vec<_>>(),
        vec![3, 1, 0, 0, 1]
    );
    assert_eq!(
        bins.iter().map(|bin| bin.count).sum::<u64>(),
        seconds.len() as u64
    );
    assert!(bin_durations(&[], 8).is_empty());
}

#[test]
fn markers_use_nearest_rank_like_the_metrics() {
    let markers = duration_markers(&[40, 10, 30, 20]).expect("values");
    assert_eq!(markers.mean, 25.0);
    assert_eq!(markers.median, 20.0);
    assert_eq!(markers.p90, 40.0);
    assert!(duration_markers(&[]).is_none());
}

#[test]
fn flow_layout_scales_nodes_and_ribbons_by_count() {
    let (nodes, links) = flow_sample();
    let layout = layout_flow(&nodes, &links, AREA);
    // Column 1 is the fullest: 80 + 20 tickets plus one gap fill the 400 units.
    assert!((layout.units_per_ticket - 3.8).abs() < 1e-9);
    let heights: Vec<f64> = layout.nodes.iter().map(|node| node.height).collect();
    assert!((heights[1] - 304.0).abs() < 1e-9);
    assert!((heights[2] - 76.0).abs() < 1e-9);
    // Present columns 0, 1, 2, 4 sit evenly from left to right.
    let xs: Vec<i64> = layout
        .nodes
        .iter()
        .map(|node| node.x.round() as i64)
        .collect();
    assert_eq!(xs, vec![100, 363, 363, 627, 890]);
    // The link to an unknown node is left out; the rest keep input order.
    assert_eq!(
        layout
            .links
            .iter()
            .map(|link| link.link)
            .collect::<Vec<_>>(),
        vec![0, 1, 2, 3, 4]
    );
    assert!((layout.links[2].thickness - 30.0 * 3.8).abs() < 1e-9);
}

#[test]
fn flow_ribbons_stack_at_both_ends_in_the_order_of_the_other_end() {
    let (nodes, links) = flow_sample();
    let layout = layout_flow(&nodes, &links, AREA);
    let general = layout.nodes[1];
    // Out of general: technical (column 2) first, then supervisors (column 4).
    assert_eq!(layout.links[2].source_y, general.y);
    assert!((layout.links[3].source_y - (general.y + 30.0 * 3.8)).abs() < 1e-9);
    // Into supervisors: general (above) first, then billing.
    let supervisors = layout.nodes[4];
    assert_eq!(layout.links[3].target_y, supervisors.y);
    assert!((layout.links[4].target_y - (supervisors.y + 4.0 * 3.8)).abs() < 1e-9);
    assert_eq!(layout, layout_flow(&nodes, &links, AREA));
    let path = ribbon_path(&layout.links[0]);
    assert!(
        path.starts_with("M110.0,") && path.ends_with(" Z"),
        "{path}"
    );
    assert_eq!(path.matches('C').count(), 2);
}

#[test]
fn a_flow_without_links_still_places_its_nodes() {
    let (nodes, _) = flow_sample();
    let layout = layout_flow(&nodes, &[], AREA);
    assert_eq!(layout.nodes.len(), 5);
    assert!(layout.links.is_empty());
    assert!(layout.nodes.iter().all(|node| node.height >= 2.0));
}

#[test]
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

#[test]
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

#[test]
fn a_sunday_night_shift_wraps_into_monday_morning() {
    let hours = vec![interval(&["sun"], "20:00", "04:00")];
    let grid = WeekGrid::from_hours(&hours).expect("whole hours");
    assert!(grid.is_open(6, 20));
    assert!(grid.is_open(0, 3));
    assert!(!grid.is_open(0, 4));
    assert_eq!(grid.to_hours(), hours);
}

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
fn sla_cohort_rows_are_means_over_replications_and_the_csv_lists_every_cohort() {
    use escalator::sim::report::SimulationReport;
    use escalator::view::sla_cohorts::{rows, Cohort};
    let policy = Policy::from_json(include_str!("../www/presets/default.json")).expect("policy");
    let mut scenario: serde_json::Value =
        serde_json::from_str(include_str!("../www/presets/normal-week.json")).expect("scenario");
    scenario["replications"] = serde_json::json!(2);
    scenario["workload"]["horizon"] = serde_json::json!(1);
    let scenario = escalator::sim::Scenario::from_json(&scenario.to_string()).expect("scenario");
    let result = escalator::sim::run_scenario(&scenario, &policy).expect("runs");
    let mean_tickets = result.metrics.iter().map(|m| m.tickets as f64).sum::<f64>() / 2.0;
    for cohort in Cohort::ALL {
        let rows = rows(&result.metrics, cohort);
        let tickets: f64 = rows.iter().map(|row| row.tickets).sum();
        assert!(
            (tickets - mean_tickets).abs() < 1e-9,
            "{cohort:?}: {tickets} against {mean_tickets}"
        );
        assert!(
            rows.windows(2).all(|pair| pair[0].key < pair[1].key),
            "sorted by key"
        );
        assert!(rows
            .iter()
            .flat_map(|row| [row.first_response, row.resolution])
            .flatten()
            .all(|compliance| (0.0..=1.0).contains(&compliance)));
    }
    let report = SimulationReport::new(&policy, &result);
    let csv = escalator::view::csv::sla_by_cohort(&report);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("cohort,key,tickets,first_response_compliance,resolution_compliance")
    );
    let cohorts: std::collections::BTreeSet<&str> =
        lines.filter_map(|line| line.split(',').next()).collect();
    assert_eq!(
        cohorts.into_iter().collect::<Vec<_>>(),
        ["category", "channel", "priority", "team"]
    );
}
