//! The policy editor's text boxes natively: durations, warning percentages, condition errors and the SLA
//! clock select (the weekly hours grid is tested in `tests/view.rs`, edits in `tests/workspace_edit.rs`).

use escalator::engine::duration::Duration;
use escalator::engine::policy::{Policy, TimeBasis};
use escalator::workspace::fields::{
    clock_field, clock_value, condition_error, condition_meaning, parse_duration_field,
    parse_warnings, warnings_text,
};

#[test]
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

#[test]
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

#[test]
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

#[test]
fn the_clock_select_maps_to_time_basis_and_calendar() {
    let json = include_str!("../www/presets/default.json");
    let policy = Policy::from_json(json).expect("default preset");
    let mut sla = policy.sla_policies[0].clone();
    clock_field("business:office").set(&mut sla);
    assert_eq!(
        (sla.time, sla.calendar.as_deref()),
        (TimeBasis::Business, Some("office"))
    );
    assert_eq!(clock_value(&sla), "business:office");
    clock_field("business:").set(&mut sla);
    assert_eq!(
        (sla.time, sla.calendar.as_deref()),
        (TimeBasis::Business, None)
    );
    clock_field("calendar").set(&mut sla);
    assert_eq!(
        (sla.time, sla.calendar.as_deref()),
        (TimeBasis::Calendar, None)
    );
    assert_eq!(clock_value(&sla), "calendar");
}
