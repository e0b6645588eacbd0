//! The scenario presets in `www/presets/` run through the real default policy, and move the metrics the way
//! each scenario says they should.

mod real_policy;

use escalator::engine::journey::{EscalationKind, EventKind, Journey, SlaTarget};
use escalator::metrics::Metrics;
use escalator::sim::fingerprint::journeys_fingerprint;
use escalator::sim::{run_scenario, simulate, EnginePolicyModel, ScenarioResult, SimulationRun};
use real_policy::{
    golden_scenario, policy_of, preset, GOLDEN_FINGERPRINT, GOLDEN_TICKETS, PRESETS,
};

fn run(stem: &str) -> ScenarioResult {
    let scenario = preset(stem);
    run_scenario(&scenario, &policy_of(&scenario)).expect("the preset runs")
}

fn mean(metrics: &[Metrics], value: impl Fn(&Metrics) -> f64) -> f64 {
    metrics.iter().map(value).sum::<f64>() / metrics.len() as f64
}

fn automatic(metrics: &Metrics) -> f64 {
    metrics
        .escalation
        .by_kind
        .iter()
        .find(|kind| kind.kind == EscalationKind::Automatic)
        .map_or(0.0, |kind| kind.escalation_events as f64)
}

fn first_response(metrics: &Metrics) -> (f64, f64) {
    let sla = metrics
        .sla
        .iter()
        .find(|sla| sla.target == SlaTarget::FirstResponse)
        .expect("first response is tracked");
    (
        sla.compliance.expect("some tickets met or breached"),
        sla.breached as f64,
    )
}

fn received(metrics: &Metrics, team: &str) -> f64 {
    metrics
        .teams
        .iter()
        .find(|row| row.team == team)
        .map_or(0.0, |row| row.received as f64)
}

/// The stretches `[from, to)` during which a ticket sat with `team` (waiting or in service).
fn stays(journey: &Journey, team: &str) -> Vec<(i64, i64)> {
    let mut stays = Vec::new();
    let mut since = None;
    for event in &journey.events {
        let leaves = matches!(
            &event.kind,
            EventKind::Resolved { .. } | EventKind::Abandoned | EventKind::Escalated { .. }
        );
        if let (true, Some(from)) = (leaves, since) {
            stays.push((from, event.at.0));
            since = None;
        }
        if let EventKind::Assigned { team: to, .. } = &event.kind {
            if &**to == team {
                since = Some(event.at.0);
            }
        }
    }
    stays
}

/// The largest number of tickets sitting with `team` at any whole hour of the run.
fn team_backlog_peak(run: &SimulationRun, team: &str) -> usize {
    let stays: Vec<(i64, i64)> = run.journeys.iter().flat_map(|j| stays(j, team)).collect();
    (run.start.0..=run.stopped_at.0)
        .step_by(3600)
        .map(|at| {
            stays
                .iter()
                .filter(|(from, to)| *from <= at && at < *to)
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// Share of the tickets created in week `week` (0-based) and received by first line that first line escalated.
fn first_line_escalation_rate(run: &SimulationRun, week: i64) -> f64 {
    let from = run.start.0 + week * 7 * 86_400;
    let cohort = run
        .journeys
        .iter()
        .filter(|j| (from..from + 7 * 86_400).contains(&j.created_at.0))
        .filter(|j| {
            j.events.iter().any(|e| {
                matches!(&e.kind, EventKind::Assigned { team, .. } if &**team == "general_support")
            })
        });
    let (mut received, mut escalated) = (0.0, 0.0);
    for journey in cohort {
        received += 1.0;
        let out = journey.events.iter().any(
            |e| matches!(&e.kind, EventKind::Escalated { from, .. } if &**from == "general_support"),
        );
        if out {
            escalated += 1.0;
        }
    }
    escalated / received
}

#[test]
fn every_preset_parses_runs_and_is_listed_in_the_index() {
    let index: serde_json::Value =
        serde_json::from_str(include_str!("../www/presets/index.json")).expect("index is JSON");
    let listed: Vec<&str> = index["scenarios"]
        .as_array()
        .expect("a list of scenarios")
        .iter()
        .map(|entry| entry["file"].as_str().expect("a file name"))
        .collect();
    let files: Vec<String> = PRESETS
        .iter()
        .map(|(stem, _)| format!("{stem}.json"))
        .collect();
    assert_eq!(listed, files);
    for entry in index["scenarios"].as_array().into_iter().flatten() {
        assert!(entry["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(entry["description"].as_str().is_some_and(|t| !t.is_empty()));
    }
    for (stem, _) in PRESETS {
        let scenario = preset(stem);
        let result = run(stem);
        assert_eq!(result.runs.len(), scenario.replications as usize, "{stem}");
        assert_eq!(result.metrics.len(), result.runs.len(), "{stem}");
        for (run, metrics) in result.runs.iter().zip(&result.metrics) {
            assert!(run.journeys.len() > 1000, "{stem}: {}", run.journeys.len());
            assert_eq!(run.open_tickets, 0, "{stem}: every ticket is closed");
            assert_eq!(metrics.tickets as usize, run.journeys.len(), "{stem}");
        }
    }
}

#[test]
fn normal_week_escalates_a_plausible_share_and_resolves_most_at_first_contact() {
    let result = run("normal-week");
    for metrics in &result.metrics {
        let rate = metrics.escalation.rate.expect("tickets arrived");
        assert!((0.05..=0.40).contains(&rate), "escalation rate {rate}");
        let fcr = metrics
            .first_contact_resolution
            .rate
            .expect("FCR is defined");
        assert!((0.55..=0.95).contains(&fcr), "FCR {fcr}");
        for kind in [EscalationKind::Functional, EscalationKind::Hierarchical] {
            let count = metrics
                .escalation
                .by_kind
                .iter()
                .find(|row| row.kind == kind)
                .map_or(0, |row| row.tickets_escalated);
            assert!(count > 0, "some {kind:?} escalations");
        }
    }
}

#[test]
fn billing_outage_loads_billing_more_than_a_normal_week() {
    let normal = run("normal-week");
    let outage = run("billing-outage");
    let normal_received = mean(&normal.metrics, |m| received(m, "billing"));
    let outage_received = mean(&outage.metrics, |m| received(m, "billing"));
    assert!(
        outage_received > normal_received * 1.3,
        "billing received {outage_received} vs {normal_received}"
    );
    let peak = |result: &ScenarioResult| {
        let peaks = result
            .runs
            .iter()
            .map(|r| team_backlog_peak(r, "billing") as f64);
        peaks.sum::<f64>() / result.runs.len() as f64
    };
    let (normal_peak, outage_peak) = (peak(&normal), peak(&outage));
    assert!(
        outage_peak > normal_peak * 2.0,
        "billing backlog peak {outage_peak} vs {normal_peak}"
    );
    for (normal, outage) in normal.runs.iter().zip(&outage.runs) {
        assert!(team_backlog_peak(outage, "billing") > team_backlog_peak(normal, "billing"));
    }
}

#[test]
fn new_first_line_escalates_less_week_after_week() {
    let result = run("new-first-line");
    for run in &result.runs {
        let weekly: Vec<f64> = (0..4)
            .map(|week| first_line_escalation_rate(run, week))
            .collect();
        assert!(
            weekly.windows(2).all(|pair| pair[0] > pair[1]),
            "first-line escalation rate by week {weekly:?}"
        );
        assert!(weekly[0] > weekly[3] + 0.15, "{weekly:?}");
    }
    for metrics in &result.metrics {
        let first = metrics.weekly[0]
            .escalation_rate
            .expect("week 1 has tickets");
        let fourth = metrics.weekly[3]
            .escalation_rate
            .expect("week 4 has tickets");
        assert!(
            first > fourth,
            "escalation rate week 1 {first} vs week 4 {fourth}"
        );
    }
}

#[test]
fn tighter_first_response_sla_breaches_and_escalates_more() {
    let baseline = run("normal-week");
    let tightened = run("sla-tightened");
    assert_eq!(
        preset("normal-week").workload,
        preset("sla-tightened").workload,
        "same traffic"
    );
    let compliance = |result: &ScenarioResult| mean(&result.metrics, |m| first_response(m).0);
    let breaches = |result: &ScenarioResult| mean(&result.metrics, |m| first_response(m).1);
    let escalations = |result: &ScenarioResult| mean(&result.metrics, automatic);
    assert!(
        compliance(&tightened) < compliance(&baseline),
        "first-response compliance {} vs {}",
        compliance(&tightened),
        compliance(&baseline)
    );
    assert!(
        breaches(&tightened) > breaches(&baseline) * 2.0,
        "first-response breaches {} vs {}",
        breaches(&tightened),
        breaches(&baseline)
    );
    assert!(
        escalations(&tightened) > escalations(&baseline),
        "automatic escalations {} vs {}",
        escalations(&tightened),
        escalations(&baseline)
    );
    for (tight, base) in tightened.metrics.iter().zip(&baseline.metrics) {
        assert!(first_response(tight).1 >= first_response(base).1);
    }
}

#[test]
fn same_scenario_and_seed_give_the_same_journeys_with_the_real_policy() {
    let scenario = golden_scenario();
    let policy = policy_of(&scenario)
        .compile()
        .expect("the default policy compiles");
    let model = EnginePolicyModel::new(policy).expect("a small policy");
    let first = simulate(&scenario, &model, 0).expect("valid");
    let second = simulate(&scenario, &model, 0).expect("valid");
    assert_eq!(first.journeys, second.journeys);
    assert_eq!(first.journeys.len(), GOLDEN_TICKETS);
    assert_eq!(journeys_fingerprint(&first.journeys), GOLDEN_FINGERPRINT);
    let other = simulate(&scenario, &model, 1).expect("valid");
    assert_ne!(journeys_fingerprint(&other.journeys), GOLDEN_FINGERPRINT);
}

#[test]
fn journeys_say_who_received_each_ticket_and_why() {
    let run = &run("normal-week").runs[0];
    let reasons = |pick: fn(&EventKind) -> Option<&str>| -> Vec<String> {
        let mut seen: Vec<String> = run
            .journeys
            .iter()
            .flat_map(|j| j.events.iter().filter_map(|e| pick(&e.kind)))
            .map(str::to_owned)
            .collect();
        seen.sort();
        seen.dedup();
        seen
    };
    let assigned = reasons(|kind| match kind {
        EventKind::Assigned { reason, .. } => Some(&**reason),
        _ => None,
    });
    for expected in ["default", "payment_failure×*", "manager_or_abuse"] {
        assert!(
            assigned.iter().any(|r| r == expected),
            "{expected} in {assigned:?}"
        );
    }
    assert!(
        assigned.iter().any(|r| r.starts_with("escalation_matrix[")),
        "unresolved tickets move along the matrix: {assigned:?}"
    );
    let automatic = reasons(|kind| match kind {
        EventKind::Escalated {
            kind: EscalationKind::Automatic,
            reason,
            ..
        } => Some(&**reason),
        _ => None,
    });
    assert!(
        automatic
            .iter()
            .any(|r| r.starts_with("SLA standard: first_response breach level 2")),
        "{automatic:?}"
    );
}
