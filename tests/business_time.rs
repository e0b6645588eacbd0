//! Business-time figures count each ticket on its own SLA policy's clock: the preset's outages on calendar
//! time, enterprise tickets on their receiving team's calendar, the rest on UK support hours — not first
//! line's calendar for everyone.

use escalator::engine::calendar::Calendar;
use escalator::engine::journey::{EventKind, Journey};
use escalator::engine::policy::Policy;
use escalator::metrics::{headline_values, DurationStats};
use escalator::sim::{run_scenario, Scenario};

/// The clock the preset's SLA policies give `journey`, read off the policy document by hand: `None` for
/// calendar time.
fn sla_calendar<'c>(
    journey: &Journey,
    policy: &Policy,
    calendars: &'c [Calendar],
) -> Option<&'c Calendar> {
    let calendar = |id: &str| calendars.iter().find(|calendar| calendar.id() == id);
    if journey.ticket.category == "outage" {
        return None;
    }
    if journey.ticket.segment == "enterprise" {
        let receiver = journey.events.iter().find_map(|event| match &event.kind {
            EventKind::Assigned { team, .. } => Some(team.to_string()),
            _ => None,
        })?;
        let team = policy.teams.iter().find(|team| team.id == receiver)?;
        return team.calendar.as_deref().and_then(calendar);
    }
    calendar("uk_support_hours")
}

#[test]
fn first_response_in_business_time_is_counted_on_each_tickets_own_sla_calendar() {
    let policy = Policy::from_json(include_str!("../www/presets/default.json")).expect("policy");
    let mut scenario =
        Scenario::from_json(include_str!("../www/presets/normal-week.json")).expect("scenario");
    scenario.replications = 1;
    let result = run_scenario(&scenario, &policy).expect("runs");
    let calendars: Vec<Calendar> = policy
        .calendars
        .iter()
        .map(|spec| Calendar::compile(spec).expect("calendar"))
        .collect();
    let first_line = calendars
        .iter()
        .find(|calendar| calendar.id() == "uk_support_hours")
        .expect("first line's calendar");

    let (mut own, mut first_lines) = (Vec::new(), Vec::new());
    let (mut outages, mut enterprise) = (0, 0);
    let run = &result.runs[0];
    for journey in &run.journeys {
        let Some(at) = journey.first_response_at() else {
            continue;
        };
        outages += usize::from(journey.ticket.category == "outage");
        enterprise += usize::from(journey.ticket.segment == "enterprise");
        own.push(match sla_calendar(journey, &policy, &calendars) {
            Some(calendar) => calendar.business_seconds_between(journey.created_at, at),
            None => at.seconds_since(journey.created_at),
        });
        first_lines.push(first_line.business_seconds_between(journey.created_at, at));
    }
    assert!(
        outages > 5 && enterprise > 20,
        "{outages} outages, {enterprise} enterprise"
    );

    let business = result.metrics[0]
        .first_response
        .business
        .clone()
        .expect("business time is measured");
    assert_eq!(business, DurationStats::from_seconds(&mut own));
    let headline = headline_values(&result.metrics[0])
        .into_iter()
        .find(|value| value.id == "first_response.business.p90")
        .expect("a headline figure, so the cards and the comparison show it");
    assert_eq!(
        headline.value,
        business.p90_seconds.map(|seconds| seconds as f64)
    );
    assert_ne!(
        business,
        DurationStats::from_seconds(&mut first_lines),
        "not first line's calendar for every ticket"
    );
}
