//! Waiting on the customer in the simulator: agents' questions, customers' answers and silence, the SLA
//! clocks a wait holds (or does not), and the auto-close of tickets whose customer never answers.

use escalator::engine::duration::Duration;
use escalator::engine::journey::{EventKind, Journey, SlaTarget};
use escalator::engine::policy::Policy;
use escalator::engine::time::HOUR;
use escalator::sim::scenario::TimeDistribution;
use escalator::sim::{run_scenario, Scenario, ScenarioResult};
use serde_json::{json, Value};

/// One team of 50 agents working around the clock, and one SLA on calendar time: first response 1h, next
/// update 1h, resolution 2h15m.
fn policy(pause_when_waiting: bool, auto_close_after: Option<&str>) -> Policy {
    let targets = json!({"first_response": "1h", "next_update": "1h", "resolution": "2h15m"});
    let mut sla = json!({
        "id": "standard",
        "time": "calendar",
        "pause_when_waiting": pause_when_waiting,
        "targets": {"critical": targets, "high": targets, "medium": targets, "low": targets}
    });
    if let Some(after) = auto_close_after {
        sla["auto_close_after"] = json!(after);
    }
    let document = json!({
        "schema_version": 1,
        "name": "waiting",
        "tiers": [{"id": "l1", "name": "First line", "level": 1}],
        "teams": [{"id": "desk", "name": "Desk", "tier": "l1", "agents": 50}],
        "routing": {"default": "desk"},
        "sla_policies": [sla]
    });
    Policy::from_json(&document.to_string()).expect("the test policy reads")
}

/// About 24 tickets over a day, each worked for exactly 30 minutes and resolved; `waiting` as given.
fn scenario(waiting: Value) -> Scenario {
    let document = json!({
        "policy": "inline",
        "workload": {
            "start": "2026-03-02T00:00:00Z",
            "horizon": 1,
            "drain": "10d",
            "arrivals": {"constant": {"per_hour": 1}}
        },
        "mix": {"categories": {"question": 3, "refund": 1}},
        "handling": {"default": {"time": {"fixed": "30m"}, "resolve": 1.0}},
        "waiting": waiting,
        "seed": 3
    });
    Scenario::from_json(&document.to_string()).expect("the test scenario reads")
}

/// Every service ends in a question (up to the simulator's five per ticket), answered after exactly 3 hours.
fn always_asked() -> Value {
    json!({"default": {"ask": 1.0, "customer_reply": {"fixed": "3h"}}})
}

fn run(scenario: &Scenario, policy: &Policy) -> ScenarioResult {
    run_scenario(scenario, policy).expect("the scenario runs")
}

fn first_at(journey: &Journey, wanted: &EventKind) -> Option<i64> {
    journey
        .events
        .iter()
        .find(|event| &event.kind == wanted)
        .map(|event| event.at.seconds_since(journey.created_at))
}

fn breach(target: SlaTarget) -> EventKind {
    EventKind::SlaBreach { target }
}

fn count(journey: &Journey, wanted: &EventKind) -> usize {
    journey
        .events
        .iter()
        .filter(|event| &event.kind == wanted)
        .count()
}

fn resolved_after(journey: &Journey) -> Option<i64> {
    journey
        .resolved_at()
        .map(|at| at.seconds_since(journey.created_at))
}

#[test]
fn each_question_frees_the_agent_and_the_answer_brings_the_ticket_back() {
    let result = run(&scenario(always_asked()), &policy(true, None));
    let journeys = &result.runs[0].journeys;
    assert!(journeys.len() > 10, "{} tickets", journeys.len());
    for journey in journeys {
        assert_eq!(count(journey, &EventKind::WaitingOnCustomer), 5);
        assert_eq!(count(journey, &EventKind::CustomerReplied), 5);
        // Six pieces of 30 minutes and five waits of 3 hours.
        assert_eq!(resolved_after(journey), Some(6 * HOUR / 2 + 5 * 3 * HOUR));
        assert_eq!(
            first_at(journey, &EventKind::CustomerReplied),
            Some(HOUR / 2 + 3 * HOUR)
        );
    }
}

#[test]
fn a_paused_resolution_clock_breaches_later_by_exactly_the_waits_before_it() {
    let paused = run(&scenario(always_asked()), &policy(true, None));
    let running = run(&scenario(always_asked()), &policy(false, None));
    let resolution = breach(SlaTarget::Resolution);
    for journey in &paused.runs[0].journeys {
        // 2h15m counted: four 30-minute pieces and 15 minutes of the fifth, with four 3-hour waits between.
        assert_eq!(
            first_at(journey, &resolution),
            Some(2 * HOUR + HOUR / 4 + 4 * 3 * HOUR)
        );
        assert_eq!(count(journey, &breach(SlaTarget::FirstResponse)), 0);
    }
    for journey in &running.runs[0].journeys {
        assert_eq!(first_at(journey, &resolution), Some(2 * HOUR + HOUR / 4));
    }
}

#[test]
fn a_wait_holds_the_next_update_clock_only_where_the_sla_pauses() {
    let paused = run(&scenario(always_asked()), &policy(true, None));
    let running = run(&scenario(always_asked()), &policy(false, None));
    let next_update = breach(SlaTarget::NextUpdate);
    for journey in &paused.runs[0].journeys {
        assert_eq!(count(journey, &next_update), 0, "{journey:?}");
    }
    for journey in &running.runs[0].journeys {
        // The question restarts the 1-hour clock; the customer takes 3 hours, five times.
        assert_eq!(count(journey, &next_update), 5, "{journey:?}");
        assert_eq!(
            first_at(journey, &next_update),
            Some(HOUR / 2 + HOUR),
            "{journey:?}"
        );
    }
}

#[test]
fn pausing_raises_compliance_of_a_scenario_with_waits_and_changes_nothing_without_them() {
    let waits = json!({"default": {"ask": 0.4, "customer_reply": {"exponential": {"mean": "2h"}}}});
    let compliance = |result: &ScenarioResult, target: SlaTarget| {
        result.metrics[0]
            .sla
            .iter()
            .find(|sla| sla.target == target)
            .and_then(|sla| sla.compliance)
            .expect("the target is measured")
    };
    let paused = run(&scenario(waits.clone()), &policy(true, None));
    let running = run(&scenario(waits), &policy(false, None));
    for target in [SlaTarget::Resolution, SlaTarget::NextUpdate] {
        assert!(
            compliance(&paused, target) > compliance(&running, target),
            "{target:?}: paused {} against running {}",
            compliance(&paused, target),
            compliance(&running, target)
        );
    }
    let quiet = json!({"default": {"ask": 0.0, "customer_reply": {"fixed": "1h"}}});
    let paused = run(&scenario(quiet.clone()), &policy(true, None));
    let running = run(&scenario(quiet), &policy(false, None));
    assert_eq!(paused.runs[0].journeys, running.runs[0].journeys);
}

#[test]
fn customers_who_never_answer_are_auto_closed_where_the_sla_says_so() {
    let silent =
        json!({"default": {"ask": 1.0, "customer_reply": {"fixed": "1h"}, "never_replies": 1.0}});
    let closed = run(&scenario(silent.clone()), &policy(true, Some("2d")));
    for journey in &closed.runs[0].journeys {
        assert_eq!(count(journey, &EventKind::WaitingOnCustomer), 1);
        assert_eq!(count(journey, &EventKind::CustomerReplied), 0);
        assert_eq!(resolved_after(journey), Some(HOUR / 2 + 48 * HOUR));
        assert_eq!(count(journey, &breach(SlaTarget::Resolution)), 0);
    }
    let unpaused = run(&scenario(silent.clone()), &policy(false, Some("2d")));
    for journey in &unpaused.runs[0].journeys {
        assert_eq!(resolved_after(journey), Some(HOUR / 2 + 48 * HOUR));
        assert_eq!(count(journey, &breach(SlaTarget::Resolution)), 1);
    }
    let waiting_forever = run(&scenario(silent), &policy(true, None));
    let run = &waiting_forever.runs[0];
    assert_eq!(run.open_tickets, run.journeys.len());
    assert!(run
        .journeys
        .iter()
        .all(|journey| journey.resolved_at().is_none()));
}

#[test]
fn a_category_can_have_its_own_waiting_rule() {
    let waits = json!({
        "default": {"ask": 0.0, "customer_reply": {"fixed": "1h"}},
        "categories": {"refund": {"ask": 1.0, "customer_reply": {"fixed": "1h"}}}
    });
    let result = run(&scenario(waits), &policy(true, None));
    let journeys = &result.runs[0].journeys;
    assert!(journeys.iter().any(|j| j.ticket.category == "refund"));
    for journey in journeys {
        let expected = if journey.ticket.category == "refund" {
            5
        } else {
            0
        };
        assert_eq!(count(journey, &EventKind::WaitingOnCustomer), expected);
    }
}

#[test]
fn a_waiting_rule_that_cannot_be_drawn_from_names_its_path() {
    let policy = policy(true, None);
    let cases = [
        (
            json!({"default": {"ask": 1.5, "customer_reply": {"fixed": "1h"}}}),
            "waiting.default.ask",
        ),
        (
            json!({"default": {"ask": 0.5, "customer_reply": {"exponential": {"mean": "0m"}}}}),
            "waiting.default.customer_reply",
        ),
        (
            json!({"default": {"ask": 0.5, "customer_reply": {"fixed": "1h"}, "never_replies": -1}}),
            "waiting.default.never_replies",
        ),
        (
            json!({"default": {"ask": 0.5, "customer_reply": {"fixed": "1h"}},
                   "categories": {"billing": {"ask": 0.5, "customer_reply": {"fixed": "1h"}}}}),
            "waiting.categories.billing",
        ),
    ];
    for (waiting, path) in cases {
        let err = run_scenario(&scenario(waiting), &policy).expect_err("refused");
        assert_eq!(err.path, path, "{err}");
    }
}

#[test]
fn a_ticket_answered_before_its_first_response_checkpoints_still_breaches_resolution() {
    let mut slow = scenario(json!({"default": {"ask": 0.0, "customer_reply": {"fixed": "1h"}}}));
    slow.handling.default.time = TimeDistribution::Fixed(Duration::hours(3));
    let result = run(&slow, &policy(false, None));
    for journey in &result.runs[0].journeys {
        assert_eq!(
            first_at(
                journey,
                &EventKind::FirstResponse {
                    team: "desk".into()
                }
            ),
            Some(0)
        );
        assert_eq!(
            first_at(journey, &breach(SlaTarget::Resolution)),
            Some(2 * HOUR + HOUR / 4),
            "{journey:?}"
        );
    }
}

/// The test policy with `pauses` instead of `pause_when_waiting`.
fn policy_with_pauses(pauses: Value) -> Policy {
    let mut document: Value =
        serde_json::from_str(&serde_json::to_string(&policy(true, None)).expect("writes"))
            .expect("reads");
    document["sla_policies"][0]["pauses"] = pauses;
    Policy::from_json(&document.to_string()).expect("the test policy with pauses reads")
}

#[test]
fn a_wait_holds_only_the_targets_the_sla_policy_lists_for_waiting_on_the_customer() {
    let resolution = breach(SlaTarget::Resolution);
    let next_update = breach(SlaTarget::NextUpdate);
    let updates_only = run(
        &scenario(always_asked()),
        &policy_with_pauses(json!({"waiting_on_customer": ["next_update"]})),
    );
    for journey in &updates_only.runs[0].journeys {
        assert_eq!(
            first_at(journey, &resolution),
            Some(2 * HOUR + HOUR / 4),
            "resolution runs on"
        );
        assert_eq!(count(journey, &next_update), 0, "next update is held");
    }
    let resolution_only = run(
        &scenario(always_asked()),
        &policy_with_pauses(
            json!({"waiting_on_customer": ["resolution"], "on_hold": ["next_update"]}),
        ),
    );
    for journey in &resolution_only.runs[0].journeys {
        assert_eq!(
            first_at(journey, &resolution),
            Some(2 * HOUR + HOUR / 4 + 4 * 3 * HOUR),
            "resolution is held"
        );
        assert_eq!(
            count(journey, &next_update),
            5,
            "next update runs on (on hold holds it, but nobody is on hold)"
        );
    }
}

/// Every ticket waits `state` for exactly 2 hours as it arrives; nobody is asked anything.
fn held_on_arrival(state: &str) -> Value {
    json!({"default": {"ask": 0.0, "customer_reply": {"fixed": "1h"},
        "held_on_arrival": {"state": state, "probability": 1.0, "duration": {"fixed": "2h"}}}})
}

#[test]
fn a_ticket_held_as_it_arrives_joins_the_queue_when_the_hold_ends() {
    let result = run(
        &scenario(held_on_arrival("on_hold")),
        &policy_with_pauses(json!({"on_hold": ["first_response"]})),
    );
    let first_response = breach(SlaTarget::FirstResponse);
    for journey in &result.runs[0].journeys {
        assert_eq!(
            first_at(journey, &EventKind::OnHold),
            Some(0),
            "{journey:?}"
        );
        assert_eq!(first_at(journey, &EventKind::Resumed), Some(2 * HOUR));
        let started = journey
            .events
            .iter()
            .find(|event| matches!(event.kind, EventKind::Started { .. }))
            .map(|event| event.at.seconds_since(journey.created_at));
        assert_eq!(started, Some(2 * HOUR), "picked up once the hold ends");
        assert_eq!(
            count(journey, &first_response),
            0,
            "the hold is not counted"
        );
        assert_eq!(
            first_at(journey, &breach(SlaTarget::Resolution)),
            Some(2 * HOUR + HOUR / 4),
            "resolution is not held: it runs on through the hold"
        );
    }
}

#[test]
fn pausing_on_hold_moves_first_response_compliance_and_only_for_the_state_it_names() {
    let first_response = breach(SlaTarget::FirstResponse);
    let breached = |result: &ScenarioResult| {
        result.runs[0]
            .journeys
            .iter()
            .filter(|journey| count(journey, &first_response) > 0)
            .count()
    };
    let held = scenario(held_on_arrival("on_hold"));
    let running = run(&held, &policy_with_pauses(json!({})));
    let paused = run(
        &held,
        &policy_with_pauses(json!({"on_hold": ["first_response"]})),
    );
    let tickets = running.runs[0].journeys.len();
    assert_eq!(
        breached(&running),
        tickets,
        "a 2h hold breaches a 1h first response"
    );
    assert_eq!(breached(&paused), 0);
    let other_state = run(
        &scenario(held_on_arrival("waiting_on_third_party")),
        &policy_with_pauses(json!({"on_hold": ["first_response"]})),
    );
    assert_eq!(
        breached(&other_state),
        tickets,
        "a third-party wait is not paused"
    );
    let compliance = |result: &ScenarioResult| {
        result.metrics[0]
            .sla
            .iter()
            .find(|sla| sla.target == SlaTarget::FirstResponse)
            .and_then(|sla| sla.compliance)
            .expect("first response is measured")
    };
    assert_eq!((compliance(&running), compliance(&paused)), (0.0, 1.0));
}

#[test]
fn a_hold_on_arrival_cannot_be_a_wait_on_the_customer() {
    let mut document: Value = serde_json::to_value(scenario(json!(null))).expect("writes");
    document["waiting"] = held_on_arrival("waiting_on_customer");
    let error = Scenario::from_json(&document.to_string())
        .and_then(|scenario| run_scenario(&scenario, &policy(true, None)).map(|_| scenario))
        .expect_err("refused");
    assert_eq!(
        error.path, "waiting.default.held_on_arrival.state",
        "{error}"
    );
}
