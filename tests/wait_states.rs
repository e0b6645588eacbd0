//! Named waiting states and per-target pauses (docs/sla-clocks.md, "Waiting states and pauses"): each SLA
//! policy says which targets waiting on the customer, on hold and waiting on a third party hold, and a
//! ticket's history moves exactly the held targets' due instants.

mod preset_workspace;

use escalator::engine::journey::SlaTarget;
use escalator::engine::policy::Policy;
use escalator::engine::route::route;
use escalator::engine::sla::{clocks_after_history, ClocksAfterHistory, WaitSpan, WaitState};
use escalator::engine::time::Instant;
use escalator::workspace::draft::{HistoryKind, HistoryStep, TicketDraft};
use serde_json::{json, Value};

/// The preset policy with `pauses` in place of `pause_when_waiting` on every SLA policy.
fn preset_with_pauses(pauses: Value) -> Policy {
    let mut document: Value =
        serde_json::to_value(&preset_workspace::workspace().policy).expect("writes");
    let policies = document["sla_policies"].as_array_mut();
    for sla in policies.expect("SLA policies") {
        let sla = sla.as_object_mut().expect("an SLA policy");
        sla.remove("pause_when_waiting");
        sla.insert("pauses".to_owned(), pauses.clone());
    }
    Policy::from_json(&document.to_string()).expect("the preset with pauses reads")
}

/// A medium billing ticket (the Standard SLA: business time on UK support hours, 08:00–20:00) created on
/// Tuesday 3 March 2026 at 10:00 with `steps`, as Try a ticket reads it.
fn clocks(policy: &Policy, steps: &[(HistoryKind, &str)]) -> ClocksAfterHistory {
    let mut draft = TicketDraft::new("billing", "2026-03-03T10:00".to_owned());
    draft.history = steps
        .iter()
        .map(|(kind, at)| HistoryStep {
            kind: *kind,
            at: (*at).to_owned(),
            priority: None,
        })
        .collect();
    let policy = policy.compile().expect("compiles");
    let (ticket, at) = draft.to_ticket().expect("a ticket");
    let decision = route(&policy, &ticket, at);
    let plan = decision.sla.clone().expect("an SLA policy applies");
    let events = draft.clock_events().expect("a history");
    clocks_after_history(&policy, &plan, at, &events, &[])
}

/// How far the history moved `target`'s due instant, and the time it held it.
fn moved(clocks: &ClocksAfterHistory, target: SlaTarget) -> (i64, i64) {
    let clock = clocks
        .targets
        .iter()
        .find(|clock| clock.target == target)
        .expect("the target");
    let (planned, due) = (clock.planned_due.expect("planned"), clock.due.expect("due"));
    (due.seconds_since(planned), clock.paused_seconds)
}

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("valid")
}

const HOURS_3: i64 = 3 * 3600;

#[test]
fn three_business_hours_on_the_customer_move_first_response_by_exactly_that_and_an_unheld_target_not_at_all(
) {
    let policy = preset_with_pauses(json!({"waiting_on_customer": ["first_response"]}));
    let waited = clocks(
        &policy,
        &[
            (HistoryKind::WaitingOnCustomer, "2026-03-03T10:30"),
            (HistoryKind::CustomerReply, "2026-03-03T13:30"),
        ],
    );
    assert_eq!(moved(&waited, SlaTarget::FirstResponse), (HOURS_3, HOURS_3));
    assert_eq!(
        moved(&waited, SlaTarget::Resolution),
        (0, 0),
        "resolution is not held"
    );
}

#[test]
fn on_hold_and_third_party_waits_hold_what_the_policy_lists_for_them_and_work_resumed_ends_them() {
    let policy = preset_with_pauses(json!({
        "waiting_on_customer": ["first_response", "resolution"],
        "on_hold": ["resolution"],
        "waiting_on_third_party": ["first_response"]
    }));
    let held = clocks(
        &policy,
        &[
            (HistoryKind::OnHold, "2026-03-03T10:30"),
            (HistoryKind::Resumed, "2026-03-03T11:30"),
            (HistoryKind::WaitingOnThirdParty, "2026-03-03T12:00"),
            (HistoryKind::CustomerReply, "2026-03-03T12:30"),
            (HistoryKind::Resumed, "2026-03-03T14:00"),
        ],
    );
    assert_eq!(
        held.waiting,
        vec![
            WaitSpan {
                state: WaitState::OnHold,
                from: at("2026-03-03T10:30:00Z"),
                to: at("2026-03-03T11:30:00Z")
            },
            WaitSpan {
                state: WaitState::WaitingOnThirdParty,
                from: at("2026-03-03T12:00:00Z"),
                to: at("2026-03-03T14:00:00Z")
            },
        ],
        "a customer's reply does not end a wait on a third party"
    );
    assert_eq!(
        moved(&held, SlaTarget::Resolution),
        (3600, 3600),
        "only the hour on hold"
    );
    assert_eq!(
        moved(&held, SlaTarget::FirstResponse),
        (2 * 3600, 2 * 3600),
        "only the two hours on the third party"
    );
}

#[test]
fn a_new_waiting_state_replaces_the_one_before() {
    let policy = preset_with_pauses(json!({"waiting_on_customer": ["resolution"]}));
    let switched = clocks(
        &policy,
        &[
            (HistoryKind::WaitingOnCustomer, "2026-03-03T10:30"),
            (HistoryKind::OnHold, "2026-03-03T11:30"),
            (HistoryKind::Resumed, "2026-03-03T13:30"),
        ],
    );
    assert_eq!(switched.waiting.len(), 2);
    assert_eq!(
        moved(&switched, SlaTarget::Resolution),
        (3600, 3600),
        "on hold holds nothing here"
    );
}

#[test]
fn pause_when_waiting_is_the_short_form_of_waiting_on_the_customer_holding_every_target() {
    let short = clocks(
        &preset_workspace::workspace().policy,
        &[
            (HistoryKind::WaitingOnCustomer, "2026-03-03T10:30"),
            (HistoryKind::CustomerReply, "2026-03-03T13:30"),
        ],
    );
    let long = clocks(
        &preset_with_pauses(
            json!({"waiting_on_customer": ["first_response", "next_update", "resolution", "first_assign"]}),
        ),
        &[
            (HistoryKind::WaitingOnCustomer, "2026-03-03T10:30"),
            (HistoryKind::CustomerReply, "2026-03-03T13:30"),
        ],
    );
    assert_eq!(short.targets, long.targets);
    assert_eq!(short.pauses, long.pauses);
}

#[test]
fn pause_when_waiting_false_beside_pauses_that_hold_on_the_customer_is_an_error_with_its_path() {
    let mut document: Value =
        serde_json::to_value(&preset_workspace::workspace().policy).expect("writes");
    document["sla_policies"][0]["pause_when_waiting"] = json!(false);
    document["sla_policies"][0]["pauses"] = json!({"waiting_on_customer": ["resolution"]});
    let policy = Policy::from_json(&document.to_string()).expect("reads");
    let errors = policy
        .compile()
        .expect_err("contradicts itself")
        .to_string();
    assert!(
        errors.contains("sla_policies[0].pause_when_waiting")
            && errors.contains("remove `pause_when_waiting`"),
        "{errors}"
    );
}

#[test]
fn an_unknown_waiting_state_is_refused_with_its_path_and_the_states_there_are() {
    let mut document: Value =
        serde_json::to_value(&preset_workspace::workspace().policy).expect("writes");
    document["sla_policies"][1]["pauses"] = json!({"on_vacation": ["resolution"]});
    let error = Policy::from_json(&document.to_string())
        .expect_err("no such state")
        .to_string();
    assert!(error.contains("sla_policies[1].pauses"), "{error}");
    assert!(error.contains("waiting_on_third_party"), "{error}");
}
