//! Wasm tests of the policy editor's SLA fields and inputs (the weekly hours grid is tested natively in
//! `tests/view.rs`).
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use escalator::engine::duration::Duration;
use escalator::engine::policy::{Policy, TimeBasis};
use escalator::web::editor::inputs::parse_duration_field;
use escalator::web::editor::sla_fields::{
    apply_clock, clock_value, condition_error, condition_meaning, parse_warnings, remap_drafts,
    warnings_text,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
