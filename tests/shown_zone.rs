//! Times in the right zone: the playground shows instants in the policy's zone (first line's calendar) or
//! the one the user picks, and a run's day series are cut at local midnight in the policy's zone, also
//! across a clock change.

use escalator::engine::duration::Duration;
use escalator::engine::policy::Policy;
use escalator::engine::time::{Instant, DAY};
use escalator::sim::duration::Horizon;
use escalator::sim::{run_scenario, Scenario};
use escalator::view::zone_choices::{shown_zone, zone_choices};

fn preset_policy() -> Policy {
    Policy::from_json(include_str!("../www/presets/default.json")).expect("policy")
}

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("valid instant")
}

#[test]
fn times_are_shown_in_first_line_s_zone_unless_another_is_picked() {
    let policy = preset_policy().compile().expect("compiles");
    assert_eq!(shown_zone(Some(&policy), None).name(), "Europe/London");
    assert_eq!(shown_zone(Some(&policy), Some("UTC")).name(), "UTC");
    assert_eq!(
        shown_zone(Some(&policy), Some("Asia/Tokyo")).name(),
        "Asia/Tokyo"
    );
    assert_eq!(
        shown_zone(Some(&policy), Some("Mars/Olympus_Mons")).name(),
        "Europe/London",
        "a name that is no zone falls back to the policy's"
    );
    assert_eq!(shown_zone(None, None).name(), "UTC");
}

#[test]
fn the_picker_offers_the_policy_s_zone_its_calendars_utc_and_the_browser_s_zone_once_each() {
    let policy = preset_policy().compile().expect("compiles");
    let labels: Vec<String> = zone_choices(
        Some(&policy),
        Some("Mars/Olympus_Mons"),
        Some("Europe/Rome"),
    )
    .into_iter()
    .map(|choice| format!("{}={}", choice.value, choice.label))
    .collect();
    assert_eq!(
        labels,
        [
            "=Europe/London (the policy's)",
            "UTC=UTC",
            "Europe/Rome=Europe/Rome (this browser)",
            "Mars/Olympus_Mons=Mars/Olympus_Mons (not a zone: showing the policy's)",
        ]
    );
    let in_london = zone_choices(Some(&policy), None, Some("Europe/London"));
    assert_eq!(in_london.len(), 2, "{in_london:?}");
}

#[test]
fn a_run_across_the_spring_clock_change_cuts_its_days_at_london_midnight() {
    let mut scenario: Scenario =
        Scenario::from_json(include_str!("../www/presets/normal-week.json")).expect("scenario");
    scenario.replications = 1;
    scenario.workload.start = at("2026-03-27T00:00:00Z");
    scenario.workload.horizon = Horizon(Duration::from_seconds(4 * DAY));
    let result = run_scenario(&scenario, &preset_policy()).expect("runs");
    let metrics = &result.metrics[0];
    assert_eq!(metrics.zone, "Europe/London");
    let days: Vec<(&str, Instant, Instant)> = metrics
        .daily
        .iter()
        .take(4)
        .map(|day| (day.label.as_str(), day.start, day.end))
        .collect();
    assert_eq!(
        days,
        [
            (
                "2026-03-27",
                at("2026-03-27T00:00:00Z"),
                at("2026-03-28T00:00:00Z")
            ),
            (
                "2026-03-28",
                at("2026-03-28T00:00:00Z"),
                at("2026-03-29T00:00:00Z")
            ),
            (
                "2026-03-29",
                at("2026-03-29T00:00:00Z"),
                at("2026-03-29T23:00:00Z")
            ),
            (
                "2026-03-30",
                at("2026-03-29T23:00:00Z"),
                at("2026-03-30T23:00:00Z")
            ),
        ]
    );
}
