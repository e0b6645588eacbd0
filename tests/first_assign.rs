//! The first-assign target: an agent picks the ticket up within it. Try a ticket plans its due instant,
//! a history's pick-up meets it, a wait the SLA policy lists for it holds it, and a channel can have its own.

mod preset_workspace;

use escalator::engine::journey::SlaTarget;
use escalator::engine::policy::Policy;
use escalator::engine::route::route;
use escalator::engine::sla::{clocks_after_history, ClockState, ClocksAfterHistory};
use escalator::engine::ticket::Channel;
use escalator::engine::time::Instant;
use escalator::workspace::draft::{HistoryKind, HistoryStep, TicketDraft};
use serde_json::{json, Value};

/// The preset policy with a 30-minute first-assign target on every priority of every SLA policy, and
/// `pauses` on each.
fn preset_with_first_assign(pauses: Value) -> Policy {
    let mut document: Value =
        serde_json::to_value(&preset_workspace::workspace().policy).expect("writes");
    for sla in document["sla_policies"]
        .as_array_mut()
        .expect("SLA policies")
    {
        for priority in ["critical", "high", "medium", "low"] {
            sla["targets"][priority]["first_assign"] = json!("30m");
        }
        sla["channels"]["chat"] = json!({"first_assign": "2m"});
        let sla = sla.as_object_mut().expect("an SLA policy");
        sla.remove("pause_when_waiting");
        sla.insert("pauses".to_owned(), pauses.clone());
    }
    Policy::from_json(&document.to_string()).expect("the preset with first assign reads")
}

/// A medium billing ticket on `channel` (the Standard SLA: business time, 08:00–20:00) created on Tuesday
/// 3 March 2026 at 10:00 with `steps`.
fn clocks(policy: &Policy, channel: Channel, steps: &[(HistoryKind, &str)]) -> ClocksAfterHistory {
    let mut draft = TicketDraft::new("billing", "2026-03-03T10:00".to_owned());
    draft.channel = channel;
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
    let plan = route(&policy, &ticket, at)
        .sla
        .expect("an SLA policy applies");
    let events = draft.clock_events().expect("a history");
    clocks_after_history(&policy, &plan, at, &events, &[])
}

fn first_assign(clocks: &ClocksAfterHistory) -> (Option<Instant>, Option<Instant>, ClockState) {
    let clock = clocks
        .targets
        .iter()
        .find(|clock| clock.target == SlaTarget::FirstAssign)
        .expect("first assign is a target");
    (clock.planned_due, clock.due, clock.state)
}

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("valid")
}

#[test]
fn a_pick_up_within_the_target_meets_it_and_none_leaves_it_running() {
    let policy = preset_with_first_assign(json!({}));
    let waiting = clocks(&policy, Channel::Email, &[]);
    assert_eq!(
        first_assign(&waiting),
        (
            Some(at("2026-03-03T10:30:00Z")),
            Some(at("2026-03-03T10:30:00Z")),
            ClockState::Running
        )
    );
    let picked = clocks(
        &policy,
        Channel::Email,
        &[(HistoryKind::PickedUp, "2026-03-03T10:20")],
    );
    assert_eq!(
        first_assign(&picked).2,
        ClockState::Met {
            at: at("2026-03-03T10:20:00Z")
        }
    );
    let late = clocks(
        &policy,
        Channel::Email,
        &[(HistoryKind::PickedUp, "2026-03-03T10:45")],
    );
    assert_eq!(
        first_assign(&late).2,
        ClockState::Breached {
            at: at("2026-03-03T10:30:00Z")
        }
    );
}

#[test]
fn a_hold_the_policy_lists_for_first_assign_moves_it_and_a_chat_has_its_own() {
    let policy = preset_with_first_assign(json!({"on_hold": ["first_assign"]}));
    let held = clocks(
        &policy,
        Channel::Email,
        &[
            (HistoryKind::OnHold, "2026-03-03T10:05"),
            (HistoryKind::Resumed, "2026-03-03T11:05"),
        ],
    );
    assert_eq!(
        first_assign(&held).1,
        Some(at("2026-03-03T11:30:00Z")),
        "moved by the hour on hold"
    );
    let chat = clocks(&policy, Channel::Chat, &[]);
    assert_eq!(first_assign(&chat).0, Some(at("2026-03-03T10:02:00Z")));
}

#[test]
fn a_first_assign_target_that_does_not_read_names_its_path() {
    let mut document: Value =
        serde_json::to_value(&preset_workspace::workspace().policy).expect("writes");
    document["sla_policies"][0]["targets"]["high"]["first_assign"] = json!("-5m");
    let errors = Policy::from_json(&document.to_string())
        .map_err(|error| error.to_string())
        .and_then(|policy| policy.compile().map_err(|errors| format!("{errors:?}")))
        .expect_err("refused");
    assert!(errors.contains("first_assign"), "{errors}");
}
