//! Targets per channel (docs/policy-format.md, `channels`): an SLA policy can promise a chat an answer within
//! a minute whatever its priority, Try a ticket and the widget plan it, and the simulator measures it.

mod preset_workspace;

use escalator::engine::journey::{EventKind, SlaTarget};
use escalator::engine::policy::Policy;
use escalator::engine::route::route;
use escalator::engine::ticket::{Channel, Priority, Ticket};
use escalator::engine::time::Instant;
use escalator::sim::run_scenario;
use serde_json::{json, Value};

/// The preset policy with `channels` on every SLA policy.
fn preset_with_channels(channels: Value) -> Policy {
    let mut document: Value =
        serde_json::to_value(&preset_workspace::workspace().policy).expect("writes");
    for sla in document["sla_policies"]
        .as_array_mut()
        .expect("SLA policies")
    {
        sla["channels"] = channels.clone();
    }
    Policy::from_json(&document.to_string()).expect("the preset with channel targets reads")
}

fn first_response_due(policy: &Policy, channel: Channel) -> (i64, Option<i64>) {
    let policy = policy.compile().expect("compiles");
    let created = Instant::parse_rfc3339("2026-03-03T10:00:00Z").expect("valid");
    let ticket = Ticket::new("billing", Priority::Medium, channel);
    let decision = route(&policy, &ticket, created);
    let plan = decision.sla.expect("an SLA policy applies");
    let target = plan
        .targets
        .iter()
        .find(|target| target.target == SlaTarget::FirstResponse)
        .expect("first response");
    (
        target.seconds,
        target.due.map(|due| due.seconds_since(created)),
    )
}

#[test]
fn a_chat_is_promised_an_answer_within_a_minute_and_an_email_keeps_its_priority_s_target() {
    let policy = preset_with_channels(json!({"chat": {"first_response": "60s"}}));
    assert_eq!(first_response_due(&policy, Channel::Chat), (60, Some(60)));
    let (email, _) = first_response_due(&policy, Channel::Email);
    assert_eq!(email, 4 * 3600, "the Standard SLA's medium first response");
}

#[test]
fn a_tight_chat_target_lowers_chat_first_response_compliance_in_a_simulation() {
    let breached_chats = |policy: &Policy| {
        let mut scenario = preset_workspace::workspace().scenario;
        scenario.replications = 1;
        let result = run_scenario(&scenario, policy).expect("runs");
        let chats: Vec<_> = result.runs[0]
            .journeys
            .iter()
            .filter(|journey| journey.ticket.channel == Channel::Chat)
            .collect();
        let breached = chats
            .iter()
            .filter(|journey| {
                journey.events.iter().any(|event| {
                    event.kind
                        == EventKind::SlaBreach {
                            target: SlaTarget::FirstResponse,
                        }
                })
            })
            .count();
        (breached, chats.len())
    };
    let (before, chats) = breached_chats(&preset_workspace::workspace().policy);
    let (after, same_chats) = breached_chats(&preset_with_channels(
        json!({"chat": {"first_response": "1s"}}),
    ));
    assert_eq!(chats, same_chats, "the same traffic");
    assert!(chats > 100, "{chats} chats");
    assert!(
        after > before + chats / 4,
        "first-response breaches of chats: {before} → {after} of {chats}"
    );
}

#[test]
fn a_channel_that_does_not_exist_is_refused_with_its_path() {
    let mut document: Value =
        serde_json::to_value(&preset_workspace::workspace().policy).expect("writes");
    document["sla_policies"][2]["channels"] = json!({"fax": {"first_response": "1h"}});
    let error = Policy::from_json(&document.to_string())
        .expect_err("no fax")
        .to_string();
    assert!(error.contains("sla_policies[2].channels"), "{error}");
    assert!(
        error.contains("chat"),
        "names the channels there are: {error}"
    );
}
