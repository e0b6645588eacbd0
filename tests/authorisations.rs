//! Authorisations: "a refund above 500 needs a supervisor's approval; above 5,000 a manager's". How they
//! compile (errors with paths), what `route` plans for a ticket, and how the simulator sends a ticket up to
//! its approver's queue when its owner would finish it, and back to the owner once approved.

use escalator::engine::journey::{EscalationKind, EventKind, Journey};
use escalator::engine::policy::Policy;
use escalator::engine::route::route;
use escalator::engine::ticket::Ticket;
use escalator::engine::time::Instant;
use escalator::sim::{run_scenario, Scenario};
use serde_json::{json, Value};

fn document(authorisations: Value) -> Value {
    json!({
        "schema_version": 1,
        "name": "approvals",
        "tiers": [
            {"id": "l1", "name": "First line", "level": 1},
            {"id": "lead", "name": "Leads", "level": 2},
            {"id": "mgmt", "name": "Management", "level": 3}
        ],
        "teams": [
            {"id": "desk", "name": "Desk", "tier": "l1", "agents": 20},
            {"id": "supervisors", "name": "Supervisors", "tier": "lead", "agents": 2},
            {"id": "managers", "name": "Managers", "tier": "mgmt", "agents": 1}
        ],
        "routing": {"default": "desk"},
        "authorisations": authorisations
    })
}

fn refunds() -> Value {
    json!([{
        "id": "refunds",
        "description": "Refunds need sign-off by amount",
        "categories": ["refund"],
        "limits": [
            {"above": 500, "approver": "supervisors"},
            {"above": 5000, "approver": "managers"}
        ]
    }])
}

fn policy(authorisations: Value) -> Policy {
    Policy::from_json(&document(authorisations).to_string()).expect("the test policy reads")
}

fn ticket(category: &str, amount: Option<f64>) -> Ticket {
    let mut ticket: Ticket =
        serde_json::from_value(json!({"id": "T1", "category": category, "channel": "email"}))
            .expect("ticket");
    ticket.amount = amount;
    ticket
}

fn at() -> Instant {
    Instant::parse_rfc3339("2026-03-02T09:00:00Z").expect("instant")
}

#[test]
fn the_highest_limit_the_amount_is_above_names_the_approver() {
    let compiled = policy(refunds()).compile().expect("compiles");
    let approver = |category: &str, amount: Option<f64>| {
        route(&compiled, &ticket(category, amount), at())
            .approval
            .map(|approval| (approval.approver_name.to_string(), approval.above))
    };
    assert_eq!(approver("refund", Some(300.0)), None, "under every limit");
    assert_eq!(
        approver("refund", Some(500.0)),
        None,
        "above, not at, the limit"
    );
    assert_eq!(
        approver("refund", Some(1200.0)),
        Some(("Supervisors".to_owned(), 500.0))
    );
    assert_eq!(
        approver("refund", Some(6000.0)),
        Some(("Managers".to_owned(), 5000.0))
    );
    assert_eq!(approver("refund", None), None, "no amount, nothing to sign");
    assert_eq!(approver("billing", Some(6000.0)), None, "another category");
    let decision = route(&compiled, &ticket("refund", Some(1200.0)), at());
    let answer = serde_json::to_value(&decision).expect("serialises");
    assert_eq!(answer["approval"]["authorisation"], "refunds");
    assert_eq!(answer["approval"]["amount"], 1200.0);
    assert_eq!(
        answer["team"], "desk",
        "the owner is still who routing chose"
    );
}

#[test]
fn limits_must_rise_name_known_teams_and_exist() {
    let bad = json!([
        {"id": "a", "limits": [{"above": 5000, "approver": "managers"}, {"above": 500, "approver": "supervisors"}]},
        {"id": "b", "limits": [{"above": 100, "approver": "nobody"}]},
        {"id": "c", "limits": []}
    ]);
    let errors = policy(bad).compile().expect_err("refused");
    let found: Vec<(&str, &str)> = errors
        .0
        .iter()
        .map(|error| (error.code, error.path.as_str()))
        .collect();
    assert!(
        found.contains(&("approval-limit-order", "authorisations[0].limits[1].above")),
        "{found:?}"
    );
    assert!(
        found.contains(&("unknown-team", "authorisations[1].limits[0].approver")),
        "{found:?}"
    );
    assert!(
        found.contains(&("no-approval-limits", "authorisations[2].limits")),
        "{found:?}"
    );
}

/// A day of refunds of exactly `amount`, each resolved by the first piece of work.
fn scenario(amount: f64) -> Scenario {
    let document = json!({
        "policy": "inline",
        "workload": {
            "start": "2026-03-02T00:00:00Z",
            "horizon": 1,
            "drain": "10d",
            "arrivals": {"constant": {"per_hour": 2}}
        },
        "mix": {"categories": {"refund": 1}, "amounts": {"refund": {"fixed": amount}}},
        "handling": {
            "default": {"time": {"fixed": "20m"}, "resolve": 1.0},
            "teams": {"supervisors": {"time": {"fixed": "1h"}}}
        },
        "seed": 5
    });
    Scenario::from_json(&document.to_string()).expect("the test scenario reads")
}

fn kinds(journey: &Journey) -> Vec<String> {
    journey
        .events
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::Assigned { team, .. } => Some(format!("assigned {team}")),
            EventKind::Escalated { kind, to, .. } => Some(format!("{} to {to}", kind.as_str())),
            EventKind::Approved { team } => Some(format!("approved by {team}")),
            EventKind::Resolved { team } => Some(format!("resolved by {team}")),
            _ => None,
        })
        .collect()
}

#[test]
fn a_refund_above_the_limit_goes_to_its_approver_and_back_to_its_owner() {
    let result = run_scenario(&scenario(1200.0), &policy(refunds())).expect("runs");
    let journeys = &result.runs[0].journeys;
    assert!(!journeys.is_empty());
    for journey in journeys {
        assert_eq!(
            kinds(journey),
            [
                "assigned desk",
                "hierarchical to supervisors",
                "assigned supervisors",
                "approved by supervisors",
                "assigned desk",
                "resolved by desk"
            ],
            "{journey:?}"
        );
    }
    let metrics = &result.metrics[0];
    assert_eq!(
        metrics.escalation.rate,
        Some(1.0),
        "every approval is a hierarchical escalation"
    );
    let supervisors = metrics
        .teams
        .iter()
        .find(|team| team.team == "supervisors")
        .expect("the approvers are a team of the run");
    assert!(
        supervisors.utilisation.is_some_and(|busy| busy > 0.0),
        "approving takes the approvers' time"
    );
    let small = run_scenario(&scenario(300.0), &policy(refunds())).expect("runs");
    for journey in &small.runs[0].journeys {
        assert_eq!(kinds(journey), ["assigned desk", "resolved by desk"]);
    }
    let none = run_scenario(&scenario(1200.0), &policy(json!([]))).expect("runs");
    assert_eq!(none.metrics[0].escalation.rate, Some(0.0));
}

#[test]
fn the_approval_wait_is_the_approvers_queue_and_work() {
    let result = run_scenario(&scenario(1200.0), &policy(refunds())).expect("runs");
    for journey in &result.runs[0].journeys {
        let at = |wanted: &str| {
            journey
                .events
                .iter()
                .find(|event| match &event.kind {
                    EventKind::Escalated { kind, .. } => {
                        wanted == "asked" && *kind == EscalationKind::Hierarchical
                    }
                    EventKind::Approved { .. } => wanted == "approved",
                    _ => false,
                })
                .map(|event| event.at.seconds_since(journey.created_at))
                .expect("the event happened")
        };
        assert_eq!(at("asked"), 20 * 60, "after the desk's 20 minutes");
        assert!(
            at("approved") >= at("asked") + 3600,
            "a supervisor's hour of work at least"
        );
        assert!(journey.resolved_at().is_some());
    }
}
