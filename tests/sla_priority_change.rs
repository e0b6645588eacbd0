//! A priority change in a ticket's history: the clocks follow the SLA policy and targets of the new priority,
//! keeping the time each target has counted and the time it was held (docs/sla-clocks.md, "Priority changes").

use escalator::engine::journey::SlaTarget;
use escalator::engine::policy::{CompiledPolicy, Policy};
use escalator::engine::route::route;
use escalator::engine::sla::{ClockState, ClocksAfterHistory, TargetAfterHistory};
use escalator::engine::ticket::Priority;
use escalator::engine::time::{Instant, HOUR};
use escalator::workspace::draft::{HistoryKind, HistoryStep, TicketDraft};

const DEFAULT_POLICY: &str = include_str!("../www/presets/default.json");

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(&format!("{text}:00Z")).expect("a valid instant")
}

fn step(kind: HistoryKind, at: &str) -> HistoryStep {
    HistoryStep {
        kind,
        at: at.to_owned(),
        priority: None,
    }
}

fn priority_to(priority: Priority, at: &str) -> HistoryStep {
    HistoryStep {
        priority: Some(priority),
        ..step(HistoryKind::PriorityChanged, at)
    }
}

/// The default policy, optionally with a first SLA policy for critical tickets on calendar time that does not
/// pause (first response 30m, resolution 4h).
fn policy(with_critical_policy: bool) -> CompiledPolicy {
    let mut document: serde_json::Value = serde_json::from_str(DEFAULT_POLICY).expect("JSON");
    if with_critical_policy {
        let targets = serde_json::json!({"first_response": "30m", "resolution": "4h"});
        let critical = serde_json::json!({
            "id": "critical_24x7",
            "when": "priority == \"critical\"",
            "time": "calendar",
            "pause_when_waiting": false,
            "targets": {"critical": targets, "high": targets, "medium": targets, "low": targets}
        });
        document["sla_policies"]
            .as_array_mut()
            .expect("SLA policies")
            .insert(0, critical);
    }
    Policy::from_json(&document.to_string())
        .expect("reads")
        .compile()
        .expect("compiles")
}

/// A medium billing ticket created Tuesday 3 March 2026 10:00 (the Standard SLA: business time on UK support
/// hours, 08:00–20:00 on weekdays, London = UTC then; paused while waiting), with `history`.
fn clocks(policy: &CompiledPolicy, history: Vec<HistoryStep>) -> ClocksAfterHistory {
    let mut draft = TicketDraft::new("billing", "2026-03-03T10:00".to_owned());
    draft.history = history;
    let (ticket, created) = draft.to_ticket().expect("a ticket");
    let decision = route(policy, &ticket, created);
    draft
        .history_clocks(policy, &decision, created)
        .expect("a valid history")
        .expect("the ticket has an SLA")
}

fn target(clocks: &ClocksAfterHistory, target: SlaTarget) -> &TargetAfterHistory {
    clocks
        .targets
        .iter()
        .find(|clock| clock.target == target)
        .expect("the target")
}

/// Waiting 10:30–13:30: three business hours held, one counted by 14:00.
fn waited_three_hours() -> Vec<HistoryStep> {
    vec![
        step(HistoryKind::WaitingOnCustomer, "2026-03-03T10:30"),
        step(HistoryKind::CustomerReply, "2026-03-03T13:30"),
    ]
}

#[test]
fn a_higher_priority_keeps_the_time_counted_and_held_and_takes_its_own_targets() {
    let policy = policy(false);
    let mut history = waited_three_hours();
    history.push(priority_to(Priority::High, "2026-03-03T14:00"));
    let clocks = clocks(&policy, history);
    assert_eq!(
        clocks.replaced_by, None,
        "high tickets keep the Standard SLA"
    );
    assert!(clocks.pauses.any());
    let resolution = target(&clocks, SlaTarget::Resolution);
    // High resolution is 8 business hours: 1 counted by 14:00, 7 to go = 14:00–20:00 and Wednesday 08:00–09:00.
    assert_eq!(resolution.due, Some(at("2026-03-04T09:00")));
    assert_eq!(resolution.paused_seconds, 3 * HOUR, "the held time is kept");
    assert_eq!(resolution.state, ClockState::Running);
    // High first response is 1 business hour, which the ticket had already counted: breached at the change.
    let first_response = target(&clocks, SlaTarget::FirstResponse);
    assert_eq!(
        first_response.state,
        ClockState::Breached {
            at: at("2026-03-03T14:00")
        }
    );
}

#[test]
fn a_change_to_the_same_priority_changes_nothing() {
    let policy = policy(false);
    let mut history = waited_three_hours();
    history.push(step(HistoryKind::Reply, "2026-03-03T15:00"));
    let unchanged = clocks(&policy, history.clone());
    history.push(priority_to(Priority::Medium, "2026-03-03T14:00"));
    let changed = clocks(&policy, history);
    assert_eq!(changed.targets, unchanged.targets);
}

#[test]
fn a_priority_that_selects_another_sla_policy_moves_to_its_clock_and_pause_rule() {
    let policy = policy(true);
    let mut history = waited_three_hours();
    history.push(priority_to(Priority::Critical, "2026-03-03T14:00"));
    history.push(step(HistoryKind::WaitingOnCustomer, "2026-03-03T15:00"));
    history.push(step(HistoryKind::CustomerReply, "2026-03-03T16:00"));
    let clocks = clocks(&policy, history);
    assert_eq!(clocks.replaced_by.as_deref(), Some("critical_24x7"));
    assert!(!clocks.pauses.any(), "the new SLA policy does not pause");
    let resolution = target(&clocks, SlaTarget::Resolution);
    // 1 business hour counted under Standard; 3 more hours of calendar time from 14:00, the second wait
    // included (the new policy does not pause).
    assert_eq!(resolution.due, Some(at("2026-03-03T17:00")));
    assert_eq!(
        resolution.paused_seconds,
        3 * HOUR,
        "the first wait stays counted as held; the second holds nothing"
    );
    assert_eq!(
        resolution.planned_due,
        Some(at("2026-03-05T10:00")),
        "the routed plan: medium, 24 business hours"
    );
}

#[test]
fn a_history_without_priority_changes_reads_as_before() {
    let policy = policy(true);
    let clocks = clocks(&policy, waited_three_hours());
    assert_eq!(clocks.replaced_by, None);
    let resolution = target(&clocks, SlaTarget::Resolution);
    assert_eq!(
        resolution
            .due
            .expect("due")
            .seconds_since(resolution.planned_due.expect("planned")),
        3 * HOUR
    );
}
