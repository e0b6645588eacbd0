//! A target its calendar can never count is reported as never due, not as met: a calendar open one minute a
//! week under a one-week business SLA used to give 100 % compliance while almost every ticket sat unresolved.

use escalator::engine::duration::Duration;
use escalator::engine::journey::{EventKind, SlaTarget};
use escalator::engine::lint::lint;
use escalator::engine::policy::Policy;
use escalator::sim::{run_scenario, Scenario};
use serde_json::Value;

/// The default policy with every team on one calendar open Mondays 09:00–09:01, and the fallback SLA's
/// targets all one week of business time.
fn minute_a_week() -> Policy {
    let mut policy =
        Policy::from_json(include_str!("../www/presets/default.json")).expect("default preset");
    let hours = &mut policy.calendars[0].hours;
    hours.truncate(1);
    hours[0].days = vec!["mon".to_owned()];
    hours[0].from = "09:00".to_owned();
    hours[0].to = "09:01".to_owned();
    for team in &mut policy.teams {
        team.calendar = Some(policy.calendars[0].id.clone());
    }
    let week = Duration::days(7);
    for sla in &mut policy.sla_policies {
        sla.when = None;
        sla.time = escalator::engine::policy::TimeBasis::Business;
        sla.calendar = None;
        for priority in escalator::engine::ticket::Priority::ALL {
            let targets = sla.targets.for_priority_mut(priority);
            targets.first_response = week;
            targets.next_update = None;
            targets.resolution = week;
        }
    }
    policy.sla_policies.truncate(1);
    policy
}

fn one_day_of_tickets() -> Scenario {
    let mut value: Value =
        serde_json::from_str(include_str!("../www/presets/normal-week.json")).expect("preset");
    value["workload"]["horizon"] = serde_json::json!(1);
    value["workload"]["drain"] = serde_json::json!("7d");
    value["replications"] = serde_json::json!(1);
    Scenario::from_json(&value.to_string()).expect("scenario")
}

#[test]
fn lint_says_the_calendar_cannot_count_the_target() {
    let findings = lint(&minute_a_week());
    let finding = findings
        .iter()
        .find(|finding| finding.code == "sla-target-out-of-reach")
        .expect("a warning about the calendar");
    assert_eq!(finding.path, "sla_policies[0].targets");
    assert!(
        finding.message.contains("uk_support_hours"),
        "{}",
        finding.message
    );
    assert!(finding.message.contains("1m a week"), "{}", finding.message);
    assert!(
        finding.message.contains("calendar time"),
        "{}",
        finding.message
    );
}

#[test]
fn a_calendar_without_hours_is_never_open() {
    let mut policy = minute_a_week();
    policy.calendars[0].hours.clear();
    let findings = lint(&policy);
    let finding = findings
        .iter()
        .find(|finding| finding.code == "calendar-never-open")
        .expect("a warning about the calendar");
    assert_eq!(finding.path, "calendars[0]");
}

#[test]
fn the_default_policy_has_no_such_warnings() {
    let policy =
        Policy::from_json(include_str!("../www/presets/default.json")).expect("default preset");
    assert!(lint(&policy)
        .iter()
        .all(|finding| finding.code != "sla-target-out-of-reach"
            && finding.code != "calendar-never-open"));
}

#[test]
fn tickets_that_can_never_come_due_are_never_due_not_met() {
    let result = run_scenario(&one_day_of_tickets(), &minute_a_week()).expect("the run");
    let never_due_events = result.runs[0]
        .journeys
        .iter()
        .filter(|journey| {
            journey.has_event(|kind| {
                *kind
                    == EventKind::SlaNeverDue {
                        target: SlaTarget::Resolution,
                    }
            })
        })
        .count();
    assert!(
        never_due_events > 100,
        "{never_due_events} journeys say never due"
    );
    let resolution = result.metrics[0]
        .sla
        .iter()
        .find(|sla| sla.target == SlaTarget::Resolution)
        .expect("resolution");
    assert_eq!(resolution.never_due as usize, never_due_events);
    assert_eq!(resolution.met, 0, "nothing counts as met");
    assert_eq!(resolution.breached, 0);
    assert_eq!(
        resolution.compliance, None,
        "compliance cannot be computed, and says so"
    );
}
