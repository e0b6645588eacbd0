//! The one-row-per-ticket exports — Zendesk, Freshdesk, Jira Service Management — from the hand-written
//! samples in `tests/fixtures/logs` (see its README): formats recognised from the header, times from their
//! columns, reassignments, reopenings and the SLA verdicts the exports state.

use escalator::engine::journey::{EventKind, SlaTarget};
use escalator::engine::time::Instant;
use escalator::import::{read_log, ImportedLog, LogFormat, Reader};

fn read(text: &str) -> ImportedLog {
    read_log(text.as_bytes(), &Reader::default()).expect("the sample reads")
}

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("test instant")
}

#[test]
fn zendesk_times_stations_and_reopens() {
    let log = read(include_str!("fixtures/logs/zendesk-sample.csv"));
    assert_eq!(log.format, LogFormat::Zendesk);
    assert_eq!(log.summary.tickets, 4);
    let first = &log.journeys[0];
    assert_eq!(
        first.created_at,
        at("2024-03-04T08:15:00Z"),
        "the +0100 offset is read"
    );
    assert_eq!(
        first.first_response_at(),
        Some(at("2024-03-04T08:45:00Z")),
        "30 minutes to the first reply"
    );
    assert_eq!(
        first.resolved_at(),
        Some(at("2024-03-04T10:00:00Z")),
        "Solved at"
    );
    let reopened = &log.journeys[1];
    let kinds: Vec<&str> = reopened
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Resolved { .. } => Some("resolved"),
            EventKind::Reopened => Some("reopened"),
            EventKind::Escalated { .. } => Some("escalated"),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        ["escalated", "resolved", "reopened", "resolved"],
        "two group stations, one reopen"
    );
    assert_eq!(
        log.summary.tickets_reassigned, 2,
        "tickets 102 and 104 passed through more than one group"
    );
    let metrics = log.metrics();
    assert_eq!(metrics.escalation.rate, Some(0.5));
    assert_eq!(metrics.tickets_resolved, 3, "ticket 103 is still open");
    assert_eq!(
        metrics.first_contact_resolution.first_contact, 1,
        "only 101 was solved by its first group without a reopen"
    );
    assert_eq!(
        log.summary.sla_missed, None,
        "the export states no SLA verdict"
    );
}

#[test]
fn freshdesk_semicolons_day_first_dates_and_sla_statuses() {
    let log = read(include_str!("fixtures/logs/freshdesk-sample.csv"));
    assert_eq!(log.format, LogFormat::Freshdesk);
    assert_eq!(log.summary.delimiter, ";");
    assert_eq!(log.summary.tickets, 3);
    assert_eq!(
        log.journeys[2].created_at,
        at("2024-03-13T08:00:00Z"),
        "13-03 can only be day-first"
    );
    assert_eq!(
        log.journeys[1].first_response_at(),
        Some(at("2024-03-04T13:30:00Z"))
    );
    assert_eq!(log.summary.sla_missed, Some(1));
    let metrics = log.metrics();
    for target in [SlaTarget::FirstResponse, SlaTarget::Resolution] {
        let sla = metrics
            .sla
            .iter()
            .find(|s| s.target == target)
            .expect("target");
        assert_eq!(
            (sla.met, sla.breached),
            (1, 1),
            "{target:?}: ticket 2 violated, ticket 1 kept"
        );
    }
}

#[test]
fn jira_month_names_am_pm_and_negative_sla_clocks() {
    let log = read(include_str!("fixtures/logs/jira-sample.csv"));
    assert_eq!(log.format, LogFormat::Jira);
    assert_eq!(log.summary.tickets, 3);
    assert!(log.problems.is_empty(), "{:?}", log.problems);
    assert_eq!(log.journeys[1].created_at, at("2024-03-04T10:00:00Z"));
    assert_eq!(
        log.journeys[1].resolved_at(),
        Some(at("2024-03-06T16:30:00Z")),
        "4:30 PM"
    );
    assert_eq!(
        log.journeys[0].ticket.category, "Report a problem",
        "the request type"
    );
    let teams: Vec<String> = log
        .run_context()
        .teams
        .into_iter()
        .map(|t| t.team)
        .collect();
    assert_eq!(teams, ["Hardware", "Network"], "components as teams");
    let metrics = log.metrics();
    let resolution = metrics
        .sla
        .iter()
        .find(|s| s.target == SlaTarget::Resolution)
        .expect("target");
    assert_eq!(
        (resolution.met, resolution.breached, resolution.pending),
        (1, 1, 1)
    );
}

#[test]
fn a_ticket_listed_twice_keeps_its_first_row() {
    let mut text = include_str!("fixtures/logs/freshdesk-sample.csv").to_owned();
    text.push_str(
        "2;Invoice wrong again;Open;High;Portal;Problem;Jon;Billing;06-03-2024 11:00:00;;;;;;\n",
    );
    let log = read(&text);
    assert_eq!(log.summary.tickets, 3);
    let problem = &log.problems[0];
    assert_eq!(
        (problem.row, problem.column.as_str(), problem.skipped),
        (5, "Ticket ID", true)
    );
    assert!(
        problem.reason.contains("ticket `2` appears again"),
        "{problem}"
    );
}

#[test]
fn resolved_before_created_is_left_out_with_its_row() {
    let text = "Ticket ID,Created time,Resolved time,Group,Status\n7,04-03-2024 09:15:00,03-03-2024 10:00:00,Tier 1,Closed\n8,04-03-2024 09:15:00,,Tier 1,Open\n";
    let log = read(text);
    assert_eq!(log.summary.tickets, 1);
    let problem = &log.problems[0];
    assert_eq!((problem.row, problem.column.as_str()), (2, "Resolved time"));
    assert!(
        problem.reason.contains("resolved before it was created"),
        "{problem}"
    );
}

fn mapped(text: &str, mapping: &str) -> Result<ImportedLog, escalator::import::ImportError> {
    let reader = Reader {
        mapping: Some(serde_json::from_str(mapping).expect("mapping JSON")),
        ..Reader::default()
    };
    read_log(text.as_bytes(), &reader)
}

const CASES: &str = "Case;When;Queue;Level;State;Kind\n\
C1;04/03/2024 09:00;Desk;L1;Open;Billing\n\
C1;04/03/2024 10:00;Experts;L2;In progress;Billing\n\
C1;04/03/2024 11:00;Desk;L1;Waiting for customer;Billing\n\
C1;04/03/2024 12:00;Desk;L1;Solved;Billing\n\
C2;13/03/2024 08:00;Desk;L1;Open;Access\n\
C2;13/03/2024 08:30;Desk;L1;Closed;Access\n";

const CASES_MAPPING: &str = r#"{"id": "Case", "timestamp": "When", "team": "Queue", "tier": "Level", "status": "State", "category": "Kind"}"#;

#[test]
fn any_event_log_reads_through_a_column_mapping() {
    let log = mapped(CASES, CASES_MAPPING).expect("reads");
    assert_eq!(log.format, LogFormat::Mapped);
    let summary = &log.summary;
    assert_eq!(
        (summary.tickets, summary.moves_up, summary.ping_pong_moves),
        (2, 1, 1)
    );
    assert_eq!(
        log.journeys[1].created_at,
        at("2024-03-13T08:00:00Z"),
        "day-first from 13/03"
    );
    assert_eq!(log.journeys[0].ticket.category, "Billing");
    let metrics = log.metrics();
    assert_eq!(metrics.escalation.tickets_escalated, 1);
    assert_eq!(
        metrics.first_contact_resolution.first_contact, 1,
        "C2 closed by its first team"
    );
    let waited = log.journeys[0]
        .events
        .iter()
        .any(|e| matches!(e.kind, EventKind::WaitingOnCustomer));
    assert!(waited, "`Waiting for customer` waits on the customer");
}

#[test]
fn a_mapping_naming_a_missing_column_says_which() {
    let error = mapped(CASES, r#"{"id": "Case", "timestamp": "Time"}"#).unwrap_err();
    assert_eq!(error.code(), "missing-column");
    assert!(
        error.to_string().contains("timestamp from column `Time`"),
        "{error}"
    );
}
