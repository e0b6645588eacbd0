//! Hand-computed SLA clock examples: calendar and business time, pauses, met and breached, reopen, next update.

use super::*;
use crate::engine::calendar::{Calendar, CalendarSpec};
use crate::engine::journey::{Event, EventKind, SlaTarget};
use crate::engine::time::{Instant, HOUR, MINUTE};
use std::sync::Arc;

use ClockEventKind::{AgentReply, CustomerReply, Reopened, Resolved, WaitingOnCustomer};
use SlaTarget::{FirstResponse, NextUpdate, Resolution};

pub(super) fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("test timestamp is valid")
}

/// Open Monday to Friday 09:00–17:00 in `zone`.
pub(super) fn office(zone: &str) -> Calendar {
    let spec: CalendarSpec = serde_json::from_str(&format!(
        r#"{{"id": "office", "time_zone": "{zone}",
            "hours": [{{"days": ["mon","tue","wed","thu","fri"], "from": "09:00", "to": "17:00"}}]}}"#
    ))
    .expect("test calendar JSON is valid");
    Calendar::compile(&spec).expect("test calendar compiles")
}

fn step(target: SlaTarget, after_breach: i64, to: &str, repeat_every: Option<i64>) -> LadderStep {
    LadderStep {
        target,
        after_breach,
        to: to.to_owned(),
        action: if repeat_every.is_some() {
            LadderAction::Notify
        } else {
            LadderAction::Escalate
        },
        repeat_every,
    }
}

fn terms<'a>(
    clock: Clock<'a>,
    targets: [Option<i64>; 3],
    warnings: &'a [u8],
    ladder: &'a [LadderStep],
) -> SlaTerms<'a> {
    SlaTerms {
        targets: TargetDurations {
            first_response: targets[0],
            next_update: targets[1],
            resolution: targets[2],
            first_assign: None,
        },
        clock,
        pauses: Pauses::every_clock_while_waiting_on_customer(),
        warnings,
        ladder,
    }
}

fn events(list: &[(&str, ClockEventKind)]) -> Vec<ClockEvent> {
    list.iter()
        .map(|&(when, kind)| ClockEvent::new(at(when), kind))
        .collect()
}

/// The clocks of a ticket created at `created`, after `history`, seen at `now` (RFC 3339 texts).
fn report_at<'a>(
    terms: &SlaTerms<'a>,
    created: &str,
    history: &[ClockEvent],
    now: &str,
) -> SlaReport<'a> {
    compute(terms, at(created), history, at(now))
}

/// The part of `report` for `target`, which the test's terms set.
fn part<'r, 'a>(report: &'r SlaReport<'a>, target: SlaTarget) -> &'r TargetReport<'a> {
    report
        .get(target)
        .expect("the test's terms set this target")
}

fn warning(when: &str, percent: u8) -> (Instant, CheckpointKind<'static>) {
    (at(when), CheckpointKind::Warning { percent })
}

fn escalation(when: &str, level: u32, to: &'static str) -> (Instant, CheckpointKind<'static>) {
    let kind = CheckpointKind::Ladder {
        level,
        repeat: 0,
        to,
        action: LadderAction::Escalate,
    };
    (at(when), kind)
}

fn met(when: &str) -> ClockState {
    ClockState::Met { at: at(when) }
}

fn breached(when: &str) -> ClockState {
    ClockState::Breached { at: at(when) }
}

/// Waiting on the customer from `from` until the customer's reply at `to`.
fn waited(from: &str, to: &str) -> Vec<ClockEvent> {
    events(&[(from, WaitingOnCustomer), (to, CustomerReply)])
}

fn warning_instants(report: &TargetReport<'_>) -> Vec<(u8, Option<Instant>, bool)> {
    report
        .warnings
        .iter()
        .map(|warning| (warning.percent, warning.at, warning.fired))
        .collect()
}

fn ladder_instants(report: &TargetReport<'_>) -> Vec<(u32, u32, Instant, bool)> {
    report
        .ladder
        .iter()
        .map(|firing| (firing.level, firing.repeat, firing.at, firing.fired))
        .collect()
}

fn calendar_time_ladder() -> Vec<LadderStep> {
    vec![
        step(FirstResponse, 0, "tier-2", None),
        step(FirstResponse, HOUR, "supervisor", Some(2 * HOUR)),
    ]
}

/// A four-hour first response in calendar time, warned at 50 and 75 %, with `ladder`.
fn four_hours_in_calendar_time(ladder: &[LadderStep]) -> SlaTerms<'_> {
    terms(
        Clock::CalendarTime,
        [Some(4 * HOUR), None, None],
        &[50, 75],
        ladder,
    )
}

#[test]
fn calendar_time_plan_lists_warnings_breach_and_capped_repeats() {
    let ladder = calendar_time_ladder();
    let terms = four_hours_in_calendar_time(&ladder);
    let plan = plan(&terms, at("2026-03-02T10:00:00Z"));
    let head: Vec<(Instant, CheckpointKind<'_>)> =
        plan.iter().take(6).map(|c| (c.at, c.kind)).collect();
    let supervisor = |repeat| CheckpointKind::Ladder {
        level: 2,
        repeat,
        to: "supervisor",
        action: LadderAction::Notify,
    };
    assert_eq!(
        head,
        vec![
            warning("2026-03-02T12:00:00Z", 50),
            warning("2026-03-02T13:00:00Z", 75),
            (at("2026-03-02T14:00:00Z"), CheckpointKind::Breach),
            escalation("2026-03-02T14:00:00Z", 1, "tier-2"),
            (at("2026-03-02T15:00:00Z"), supervisor(0)),
            (at("2026-03-02T17:00:00Z"), supervisor(1)),
        ]
    );
    assert_eq!(plan.len(), 2 + 1 + 1 + 1 + MAX_LADDER_REPEATS as usize);
    let last = plan.last().expect("plan is not empty");
    assert_eq!(
        (last.at, last.kind),
        (at("2026-03-04T07:00:00Z"), supervisor(20))
    );
    assert!(plan.iter().all(|c| c.target == FirstResponse));
}

#[test]
fn calendar_time_report_before_and_after_the_breach() {
    let ladder = calendar_time_ladder();
    let terms = four_hours_in_calendar_time(&ladder);
    let created = at("2026-03-02T10:00:00Z");

    let before = compute(&terms, created, &[], at("2026-03-02T13:30:00Z"));
    let first = part(&before, FirstResponse);
    assert_eq!(first.state, ClockState::Running);
    assert_eq!(first.due, Some(at("2026-03-02T14:00:00Z")));
    assert_eq!(first.breach, Some(at("2026-03-02T14:00:00Z")));
    assert_eq!(
        (first.elapsed, first.remaining, first.paused),
        (3 * HOUR + 30 * MINUTE, 30 * MINUTE, 0)
    );
    assert_eq!(
        warning_instants(first),
        vec![
            (50, Some(at("2026-03-02T12:00:00Z")), true),
            (75, Some(at("2026-03-02T13:00:00Z")), true),
        ]
    );
    assert!(first.ladder.iter().all(|firing| !firing.fired));
    assert_eq!(first.ladder.len(), 1 + 1 + MAX_LADDER_REPEATS as usize);

    let after = compute(&terms, created, &[], at("2026-03-02T16:00:00Z"));
    let first = part(&after, FirstResponse);
    assert_eq!(first.state, breached("2026-03-02T14:00:00Z"));
    assert_eq!(first.remaining, -2 * HOUR);
    assert_eq!(
        ladder_instants(first)[..4],
        [
            (1, 0, at("2026-03-02T14:00:00Z"), true),
            (2, 0, at("2026-03-02T15:00:00Z"), true),
            (2, 1, at("2026-03-02T17:00:00Z"), false),
            (2, 2, at("2026-03-02T19:00:00Z"), false),
        ]
    );
    assert_eq!(first.ladder[1].to, "supervisor");
    assert_eq!(first.ladder[1].action, LadderAction::Notify);
}

#[test]
fn friday_1655_with_four_business_hours_is_due_monday_1255() {
    let office = office("UTC");
    let ladder = [step(FirstResponse, 30 * MINUTE, "tier-2", None)];
    let terms = terms(
        Clock::Business(&office),
        [Some(4 * HOUR), None, None],
        &[50, 75],
        &ladder,
    );
    let created = at("2026-03-06T16:55:00Z");
    let plan: Vec<(Instant, CheckpointKind<'_>)> = plan(&terms, created)
        .iter()
        .map(|c| (c.at, c.kind))
        .collect();
    assert_eq!(
        plan,
        vec![
            warning("2026-03-09T10:55:00Z", 50),
            warning("2026-03-09T11:55:00Z", 75),
            (at("2026-03-09T12:55:00Z"), CheckpointKind::Breach),
            escalation("2026-03-09T13:25:00Z", 1, "tier-2"),
        ]
    );
    let saturday = compute(&terms, created, &[], at("2026-03-07T12:00:00Z"));
    let first = part(&saturday, FirstResponse);
    assert_eq!(first.state, ClockState::Running);
    assert_eq!(first.due, Some(at("2026-03-09T12:55:00Z")));
    assert_eq!(
        (first.elapsed, first.remaining),
        (5 * MINUTE, 3 * HOUR + 55 * MINUTE)
    );
}

#[test]
fn the_same_ticket_in_berlin_across_the_spring_dst_change() {
    let office = office("Europe/Berlin");
    let terms = terms(
        Clock::Business(&office),
        [Some(4 * HOUR), None, None],
        &[],
        &[],
    );
    let report = report_at(
        &terms,
        "2026-03-27T16:55:00+01:00",
        &[],
        "2026-03-28T00:00:00Z",
    );
    let first = part(&report, FirstResponse);
    assert_eq!(first.due, Some(at("2026-03-30T12:55:00+02:00")));
}

/// Monday 2026-03-09 09:00 UTC, office hours; waiting on the customer 10:00–12:00 (two business hours).
fn paused_ticket(office: &Calendar) -> SlaTerms<'_> {
    terms(
        Clock::Business(office),
        [Some(4 * HOUR), None, Some(16 * HOUR)],
        &[50],
        &[],
    )
}

const CREATED_MONDAY: &str = "2026-03-09T09:00:00Z";

/// Monday 2026-03-02 10:00 UTC.
const CREATED_MARCH_2: &str = "2026-03-02T10:00:00Z";

#[test]
fn waiting_on_the_customer_pauses_and_reports_remaining_time() {
    let office = office("UTC");
    let terms = paused_ticket(&office);
    let history = waited("2026-03-09T10:00:00Z", "2026-03-09T12:00:00Z");
    let paused = report_at(&terms, CREATED_MONDAY, &history, "2026-03-09T11:00:00Z");
    let first = part(&paused, FirstResponse);
    assert_eq!(
        first.state,
        ClockState::Paused {
            since: at("2026-03-09T10:00:00Z")
        }
    );
    assert_eq!(
        (first.elapsed, first.paused, first.remaining),
        (HOUR, HOUR, 3 * HOUR)
    );
    assert_eq!(first.due, None);
    assert_eq!(first.projected_due, Some(at("2026-03-09T14:00:00Z")));
    assert_eq!(
        warning_instants(first),
        vec![(50, Some(at("2026-03-09T12:00:00Z")), false)]
    );

    let resumed = report_at(&terms, CREATED_MONDAY, &history, "2026-03-09T12:30:00Z");
    let first = part(&resumed, FirstResponse);
    assert_eq!(first.state, ClockState::Running);
    assert_eq!(
        first.due,
        Some(at("2026-03-09T15:00:00Z")),
        "13:00 shifted by two business hours"
    );
    assert_eq!(
        (first.elapsed, first.paused, first.remaining),
        (90 * MINUTE, 2 * HOUR, 150 * MINUTE)
    );
    assert_eq!(
        warning_instants(first),
        vec![(50, Some(at("2026-03-09T13:00:00Z")), false)]
    );
    let resolution = part(&resumed, Resolution);
    assert_eq!(
        resolution.due,
        Some(at("2026-03-11T11:00:00Z")),
        "Tuesday 17:00 shifted by two hours"
    );
}

#[test]
fn a_pause_that_spans_the_night_counts_only_business_hours() {
    let office = office("UTC");
    let terms = paused_ticket(&office);
    let history = waited("2026-03-09T16:00:00Z", "2026-03-10T10:00:00Z");
    let report = report_at(&terms, CREATED_MONDAY, &history, "2026-03-10T10:00:00Z");
    let first = part(&report, FirstResponse);
    assert_eq!((first.paused, first.elapsed), (2 * HOUR, 7 * HOUR));
    assert_eq!(first.state, breached("2026-03-09T13:00:00Z"));
}

#[test]
fn a_reply_before_the_due_instant_meets_the_target_and_after_it_breaches() {
    let office = office("UTC");
    let terms = paused_ticket(&office);
    let cases = [
        (
            "2026-03-09T14:30:00Z",
            met("2026-03-09T14:30:00Z"),
            30 * MINUTE,
        ),
        ("2026-03-09T15:00:00Z", met("2026-03-09T15:00:00Z"), 0),
        (
            "2026-03-09T15:30:00Z",
            breached("2026-03-09T15:00:00Z"),
            -30 * MINUTE,
        ),
    ];
    for (reply, expected, remaining) in cases {
        let history = events(&[
            ("2026-03-09T10:00:00Z", WaitingOnCustomer),
            ("2026-03-09T12:00:00Z", CustomerReply),
            (reply, AgentReply),
        ]);
        let report = report_at(&terms, CREATED_MONDAY, &history, "2026-03-09T18:00:00Z");
        let first = part(&report, FirstResponse);
        assert_eq!(first.state, expected, "reply at {reply}");
        assert_eq!(
            first.due,
            Some(at("2026-03-09T15:00:00Z")),
            "reply at {reply}"
        );
        assert_eq!(first.ended_at, Some(at(reply)));
        assert_eq!(first.remaining, remaining, "reply at {reply}");
    }
}

#[test]
fn resolving_stops_the_resolution_clock_and_reopening_resumes_it() {
    let office = office("UTC");
    let terms = paused_ticket(&office);
    let history = events(&[
        ("2026-03-09T10:00:00Z", WaitingOnCustomer),
        ("2026-03-09T12:00:00Z", CustomerReply),
        ("2026-03-09T14:30:00Z", AgentReply),
        ("2026-03-10T16:00:00Z", Resolved),
        ("2026-03-11T10:00:00Z", Reopened),
    ]);
    let created = at(CREATED_MONDAY);

    let resolved = compute(&terms, created, &history, at("2026-03-10T20:00:00Z"));
    let resolution = part(&resolved, Resolution);
    assert_eq!(resolution.state, met("2026-03-10T16:00:00Z"));
    assert_eq!(resolution.due, Some(at("2026-03-11T11:00:00Z")));
    assert_eq!(
        (resolution.elapsed, resolution.remaining),
        (13 * HOUR, 3 * HOUR)
    );
    assert_eq!(
        resolved.get(FirstResponse).map(|r| r.state),
        Some(met("2026-03-09T14:30:00Z"))
    );

    let later = compute(&terms, created, &history[..4], at("2026-03-12T12:00:00Z"));
    let resolution = part(&later, Resolution);
    assert_eq!(
        resolution.elapsed,
        13 * HOUR,
        "a resolved ticket's clock does not move"
    );

    let reopened = compute(&terms, created, &history, at("2026-03-11T12:00:00Z"));
    let resolution = part(&reopened, Resolution);
    assert_eq!(resolution.state, ClockState::Running);
    assert_eq!(resolution.due, Some(at("2026-03-11T13:00:00Z")));
    assert_eq!(
        (resolution.elapsed, resolution.paused),
        (15 * HOUR, 4 * HOUR)
    );
    assert_eq!(
        reopened.get(FirstResponse).map(|r| r.state),
        Some(met("2026-03-09T14:30:00Z")),
        "reopening does not re-arm the first response"
    );

    let overdue = compute(&terms, created, &history, at("2026-03-11T14:00:00Z"));
    let resolution = part(&overdue, Resolution);
    assert_eq!(resolution.state, breached("2026-03-11T13:00:00Z"));
    assert_eq!(resolution.remaining, -HOUR);
}

#[test]
fn resolving_before_any_reply_stops_the_first_response_clock() {
    let terms = terms(
        Clock::CalendarTime,
        [Some(4 * HOUR), Some(HOUR), None],
        &[],
        &[],
    );
    let history = events(&[("2026-03-02T11:00:00Z", Resolved)]);
    let report = report_at(&terms, CREATED_MARCH_2, &history, "2026-03-02T20:00:00Z");
    let first = part(&report, FirstResponse);
    assert_eq!(
        first.state,
        ClockState::Stopped {
            at: at("2026-03-02T11:00:00Z")
        }
    );
    assert_eq!(
        (first.elapsed, first.due),
        (HOUR, Some(at("2026-03-02T14:00:00Z")))
    );
    assert!(first.ladder.is_empty());
    assert_eq!(
        report.get(NextUpdate).map(|r| r.state),
        Some(ClockState::NotStarted)
    );
}

#[test]
fn next_update_runs_from_the_latest_reply() {
    let terms = terms(
        Clock::CalendarTime,
        [Some(4 * HOUR), Some(HOUR), None],
        &[50],
        &[],
    );
    let created = at("2026-03-02T10:00:00Z");
    let history = events(&[
        ("2026-03-02T10:30:00Z", AgentReply),
        ("2026-03-02T11:15:00Z", AgentReply),
        ("2026-03-02T13:00:00Z", AgentReply),
        ("2026-03-02T13:30:00Z", Resolved),
        ("2026-03-02T14:00:00Z", Reopened),
    ]);
    // (now, started, state, due, earlier breaches)
    let cases = [
        (
            "2026-03-02T10:15:00Z",
            None,
            ClockState::NotStarted,
            None,
            0,
        ),
        (
            "2026-03-02T10:45:00Z",
            Some("2026-03-02T10:30:00Z"),
            ClockState::Running,
            Some("2026-03-02T11:30:00Z"),
            0,
        ),
        (
            "2026-03-02T11:20:00Z",
            Some("2026-03-02T11:15:00Z"),
            ClockState::Running,
            Some("2026-03-02T12:15:00Z"),
            0,
        ),
        (
            "2026-03-02T12:30:00Z",
            Some("2026-03-02T11:15:00Z"),
            breached("2026-03-02T12:15:00Z"),
            Some("2026-03-02T12:15:00Z"),
            0,
        ),
        (
            "2026-03-02T13:10:00Z",
            Some("2026-03-02T13:00:00Z"),
            ClockState::Running,
            Some("2026-03-02T14:00:00Z"),
            1,
        ),
        (
            "2026-03-02T13:45:00Z",
            Some("2026-03-02T13:00:00Z"),
            ClockState::Stopped {
                at: at("2026-03-02T13:30:00Z"),
            },
            Some("2026-03-02T14:00:00Z"),
            1,
        ),
        (
            "2026-03-02T14:10:00Z",
            Some("2026-03-02T14:00:00Z"),
            ClockState::Running,
            Some("2026-03-02T15:00:00Z"),
            1,
        ),
    ];
    for (now, started, state, due, earlier_breaches) in cases {
        let report = compute(&terms, created, &history, at(now));
        let next = part(&report, NextUpdate);
        assert_eq!(next.started, started.map(at), "at {now}");
        assert_eq!(next.state, state, "at {now}");
        assert_eq!(next.due, due.map(at), "at {now}");
        assert_eq!(next.earlier_breaches, earlier_breaches, "at {now}");
    }
    let before_reply = compute(&terms, created, &history, at("2026-03-02T10:15:00Z"));
    let next = part(&before_reply, NextUpdate);
    assert_eq!(warning_instants(next), vec![(50, None, false)]);
    let first = part(&before_reply, FirstResponse);
    assert_eq!(first.state, ClockState::Running);
}

#[test]
fn without_pause_when_waiting_the_clock_keeps_running() {
    let mut terms = terms(Clock::CalendarTime, [Some(4 * HOUR), None, None], &[], &[]);
    terms.pauses = Pauses::none();
    let history = events(&[("2026-03-02T11:00:00Z", WaitingOnCustomer)]);
    let report = report_at(&terms, CREATED_MARCH_2, &history, "2026-03-02T12:00:00Z");
    let first = part(&report, FirstResponse);
    assert_eq!(first.state, ClockState::Running);
    assert_eq!(
        (first.elapsed, first.paused, first.due),
        (2 * HOUR, 0, Some(at("2026-03-02T14:00:00Z")))
    );
}

#[test]
fn ladder_delays_pause_with_the_clock() {
    let ladder = [step(FirstResponse, HOUR, "supervisor", None)];
    let terms = terms(Clock::CalendarTime, [Some(HOUR), None, None], &[], &ladder);
    let history = waited("2026-03-02T11:30:00Z", "2026-03-02T12:30:00Z");
    let report = report_at(&terms, CREATED_MARCH_2, &history, "2026-03-02T13:00:00Z");
    let first = part(&report, FirstResponse);
    assert_eq!(first.state, breached("2026-03-02T11:00:00Z"));
    assert_eq!(
        ladder_instants(first),
        vec![(1, 0, at("2026-03-02T13:00:00Z"), true)]
    );
}

#[test]
fn a_never_open_calendar_has_no_due_instant() {
    let spec: CalendarSpec =
        serde_json::from_str(r#"{"id": "closed"}"#).expect("test calendar JSON is valid");
    let closed = Calendar::compile(&spec).expect("test calendar compiles");
    let terms = terms(
        Clock::Business(&closed),
        [Some(HOUR), None, None],
        &[50],
        &[],
    );
    let report = report_at(&terms, CREATED_MARCH_2, &[], "2026-03-09T10:00:00Z");
    let first = part(&report, FirstResponse);
    assert_eq!(
        (first.state, first.due, first.elapsed),
        (ClockState::Running, None, 0)
    );
    let planned: Vec<_> = plan(&terms, at("2026-03-02T10:00:00Z"))
        .into_iter()
        .map(|checkpoint| (checkpoint.at, checkpoint.target, checkpoint.kind))
        .collect();
    assert_eq!(
        planned,
        [(
            at("2026-03-02T10:00:00Z"),
            FirstResponse,
            CheckpointKind::NeverDue
        )],
        "no warning or breach, and the target says it is never due"
    );
}

#[test]
fn journey_events_map_to_clock_events() {
    let when = at("2026-03-02T10:00:00Z");
    let team = || std::sync::Arc::<str>::from("tier-1");
    let cases = [
        (EventKind::FirstResponse { team: team() }, Some(AgentReply)),
        (EventKind::Update { team: team() }, Some(AgentReply)),
        (EventKind::WaitingOnCustomer, Some(WaitingOnCustomer)),
        (EventKind::CustomerReplied, Some(CustomerReply)),
        (EventKind::Resolved { team: team() }, Some(Resolved)),
        (EventKind::Reopened, Some(Reopened)),
        (EventKind::Created, None),
        (
            EventKind::Started {
                team: team(),
                agent: None,
            },
            Some(ClockEventKind::PickedUp),
        ),
        (EventKind::OnHold, Some(ClockEventKind::OnHold)),
        (
            EventKind::WaitingOnThirdParty,
            Some(ClockEventKind::WaitingOnThirdParty),
        ),
        (EventKind::Resumed, Some(ClockEventKind::Resumed)),
        (
            EventKind::Returned {
                team: team(),
                agent: Arc::from("Ana"),
            },
            None,
        ),
    ];
    for (kind, expected) in cases {
        let event = Event { at: when, kind };
        assert_eq!(
            ClockEvent::from_journey(&event),
            expected.map(|kind| ClockEvent::new(when, kind))
        );
    }
}

#[test]
fn reopening_a_ticket_resolved_without_a_reply_resumes_the_first_response_clock() {
    let terms = terms(Clock::CalendarTime, [Some(4 * HOUR), None, None], &[], &[]);
    let history = events(&[
        ("2026-03-02T11:00:00Z", Resolved),
        ("2026-03-02T12:00:00Z", Reopened),
    ]);
    let report = report_at(&terms, CREATED_MARCH_2, &history, "2026-03-02T13:00:00Z");
    let first = part(&report, FirstResponse);
    assert_eq!(first.state, ClockState::Running);
    assert_eq!((first.elapsed, first.paused), (2 * HOUR, HOUR));
    assert_eq!(first.due, Some(at("2026-03-02T15:00:00Z")));
}

#[test]
fn out_of_order_events_count_as_simultaneous_and_future_ones_are_ignored() {
    let terms = terms(Clock::CalendarTime, [Some(4 * HOUR), None, None], &[], &[]);
    let history = events(&[
        ("2026-03-02T11:00:00Z", WaitingOnCustomer),
        ("2026-03-02T10:30:00Z", CustomerReply),
        ("2026-03-02T13:00:00Z", AgentReply),
    ]);
    let report = report_at(&terms, CREATED_MARCH_2, &history, "2026-03-02T12:00:00Z");
    let first = part(&report, FirstResponse);
    assert_eq!(first.state, ClockState::Running);
    assert_eq!((first.elapsed, first.paused), (2 * HOUR, 0));
}

#[test]
fn next_update_checkpoints_are_armed_from_a_reply() {
    let ladder = [step(NextUpdate, 0, "team-lead", None)];
    let office = office("UTC");
    let terms = terms(
        Clock::Business(&office),
        [None, Some(2 * HOUR), None],
        &[50],
        &ladder,
    );
    let mut armed = Vec::new();
    for_each_checkpoint(
        &terms,
        NextUpdate,
        at("2026-03-06T16:00:00Z"),
        Repeats::Every,
        |checkpoint| {
            armed.push((checkpoint.at, checkpoint.kind));
        },
    );
    assert_eq!(
        armed,
        vec![
            warning("2026-03-06T17:00:00Z", 50),
            (at("2026-03-09T10:00:00Z"), CheckpointKind::Breach),
            escalation("2026-03-09T10:00:00Z", 1, "team-lead"),
        ]
    );
    assert!(
        plan(&terms, at("2026-03-06T16:00:00Z")).is_empty(),
        "next update waits for a reply"
    );
}
