//! The results report of a simulated week: rows, flows and samples agree with the journeys they summarise.

use escalator::engine::journey::EventKind;
use escalator::engine::policy::Policy;
use escalator::sim::report::{Outcome, SimulationReport};
use escalator::sim::{run_scenario, Scenario};

fn normal_week() -> (Policy, SimulationReport, escalator::sim::ScenarioResult) {
    let policy =
        Policy::from_json(include_str!("../www/presets/default.json")).expect("default policy");
    let mut scenario =
        Scenario::from_json(include_str!("../www/presets/normal-week.json")).expect("normal week");
    scenario.replications = 2;
    let result = run_scenario(&scenario, &policy).expect("runs");
    let report = SimulationReport::new(&policy, &result);
    (policy, report, result)
}

#[test]
fn one_row_per_ticket_of_the_first_replication_with_its_receiver_and_escalations() {
    let (_, report, result) = normal_week();
    let journeys = &result.runs[0].journeys;
    assert_eq!(report.tickets.len(), journeys.len());
    assert_eq!(report.metrics.len(), 2);
    for (row, journey) in report.tickets.iter().zip(journeys) {
        let escalations = journey.escalations().count() as u32;
        assert_eq!(row.escalations, escalations, "ticket {}", row.id);
        assert_eq!(row.kinds.is_empty(), escalations == 0);
        let expected = journey
            .events
            .iter()
            .rev()
            .find_map(|event| match event.kind {
                EventKind::Resolved { .. } => Some(Outcome::Resolved),
                EventKind::Abandoned => Some(Outcome::Abandoned),
                EventKind::Reopened => Some(Outcome::Open),
                _ => None,
            })
            .unwrap_or(Outcome::Open);
        assert_eq!(row.outcome, expected, "ticket {}", row.id);
        assert!(
            !row.first_team.is_empty(),
            "every ticket is received by someone"
        );
    }
}

#[test]
fn flows_count_every_arrival_once_and_every_escalation() {
    let (policy, report, _) = normal_week();
    let arrivals = report.arrivals();
    assert_eq!(arrivals, report.tickets.len() as u64);
    let escalations: u64 = report
        .flows
        .iter()
        .filter(|f| f.from.is_some())
        .map(|f| f.count)
        .sum();
    assert_eq!(
        escalations,
        report
            .tickets
            .iter()
            .map(|row| u64::from(row.escalations))
            .sum::<u64>()
    );
    assert!(escalations > 0, "a normal week escalates some tickets");
    for flow in &report.flows {
        assert!(
            policy.teams.iter().any(|team| team.id == flow.to),
            "unknown team {}",
            flow.to
        );
        assert_eq!(flow.from.is_none(), flow.kind.is_none());
    }
}

#[test]
fn samples_are_the_rows_answered_and_resolved_and_the_report_round_trips_as_json() {
    let (_, report, _) = normal_week();
    let answered = report
        .tickets
        .iter()
        .filter(|row| row.first_response_seconds.is_some())
        .count();
    assert_eq!(report.first_response_seconds.len(), answered);
    assert!(report
        .resolution_seconds
        .iter()
        .all(|seconds| *seconds >= 0));
    assert_eq!(
        report.teams.iter().filter(|team| team.level == 1).count(),
        1
    );
    let json = serde_json::to_string(&report).expect("serialises");
    let back: SimulationReport = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back.tickets.len(), report.tickets.len());
}
